"""Running the Alembic migrations from Python (``vaxbot db upgrade``, the test suite, ``vaxbot run``)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from bot.content.database import check_connection, engine_for
from bot.settings import PROJECT_ROOT


def _config(database_url: str) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "bot" / "content" / "migrations"))
    config.attributes["database_url"] = database_url
    return config


def current_revision(database_url: str) -> str | None:
    """The revision the database is at (None: never migrated)."""
    with engine_for(database_url).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The newest revision in the repository."""
    head = ScriptDirectory.from_config(_config("sqlite://")).get_current_head()
    assert head is not None, "no migrations found"
    return head


def upgrade(database_url: str, revision: str = "head") -> tuple[str | None, str | None]:
    """Migrate the database up to ``revision``; return (before, after)."""
    check_connection(database_url)
    before = current_revision(database_url)
    command.upgrade(_config(database_url), revision)
    return before, current_revision(database_url)


def downgrade(database_url: str, revision: str) -> tuple[str | None, str | None]:
    """Migrate the database down to ``revision`` (``base`` removes every content table)."""
    check_connection(database_url)
    before = current_revision(database_url)
    command.downgrade(_config(database_url), revision)
    return before, current_revision(database_url)
