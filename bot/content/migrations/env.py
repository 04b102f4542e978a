"""Alembic environment: migrate the content tables on DATABASE_URL, leaving Rasa's own tables alone."""

from __future__ import annotations

from alembic import context

from bot import settings
from bot.content.database import engine_for
from bot.content.models import Base

config = context.config
url = config.attributes.get("database_url") or settings.load().database_url


def _include_object(obj: object, name: str, type_: str, reflected: bool, compare_to: object) -> bool:
    # Rasa's SQL tracker store keeps its "events" table in the same database; it is not ours to migrate.
    return not (type_ == "table" and reflected and compare_to is None)


def run_migrations_offline() -> None:
    """Print the SQL instead of running it (``alembic upgrade --sql``)."""
    context.configure(url=url, target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the migrations on a live connection."""
    with engine_for(url).connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            include_object=_include_object,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
