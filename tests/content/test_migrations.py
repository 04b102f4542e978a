from sqlalchemy import inspect

from bot.content import migrate
from bot.content.database import engine_for

CONTENT_TABLES = {"topics", "answers", "answer_sources", "unanswered_questions"}


def _tables(url: str) -> set[str]:
    return set(inspect(engine_for(url)).get_table_names())


def test_upgrade_and_downgrade(database_url: str) -> None:
    assert migrate.current_revision(database_url) == migrate.head_revision()
    assert _tables(database_url) >= CONTENT_TABLES
    before, after = migrate.upgrade(database_url)
    assert before == after == migrate.head_revision()
    migrate.downgrade(database_url, "base")
    assert not CONTENT_TABLES & _tables(database_url)
    assert migrate.current_revision(database_url) is None
    migrate.upgrade(database_url)
    assert _tables(database_url) >= CONTENT_TABLES
