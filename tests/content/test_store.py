import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.content.database import session_scope
from bot.content.importer import import_seed
from bot.content.models import UnansweredQuestion
from bot.content.store import count_unanswered, published_answer, record_unanswered


@pytest.fixture
def seeded(database_url: str, content_dir: Path) -> str:
    with session_scope(database_url) as session:
        import_seed(session, content_dir)
    return database_url


def test_published_answer_in_the_first_language_that_has_one(seeded: str) -> None:
    with session_scope(seeded) as session:
        spanish = published_answer(session, "flu_vaccine_timing", ["es", "en"])
        # The Spanish safety answer is a draft: patrons get the English one.
        fallback = published_answer(session, "flu_vaccine_safety", ["es", "en"])
        missing = published_answer(session, "flu_vaccine_safety", ["es"])
        unknown = published_answer(session, "no_such_topic", ["en"])
    assert spanish is not None and spanish.language == "es"
    assert spanish.web_text == "Texto web de prueba sobre cuándo vacunarse."
    assert spanish.reviewed_on == dt.date(2024, 8, 29)
    assert fallback is not None and fallback.language == "en"
    assert fallback.sources == (
        "https://www.cdc.gov/flu/vaccine-safety/index.html",
        "https://www.cdc.gov/flu/vaccines/index.html",
    )
    assert missing is None
    assert unknown is None


def test_record_unanswered(database_url: str) -> None:
    with session_scope(database_url) as session:
        record_unanswered(
            session,
            language="es",
            channel="rest",
            sender_hash="ab" * 32,
            text="¿puedo donar sangre? 🩸",
            reason="out_of_scope",
            intent="out_of_scope",
            confidence=0.91,
        )
    with session_scope(database_url) as session:
        row = session.scalars(select(UnansweredQuestion)).one()
        assert count_unanswered(session) == 1
    assert (row.language, row.reason, row.text) == ("es", "out_of_scope", "¿puedo donar sangre? 🩸")
    assert row.asked_at <= dt.datetime.utcnow()
