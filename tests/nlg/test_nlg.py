"""The NLG renders curated answers from the database and catalog text, on Rasa's own tracker."""

import dataclasses
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, update

from bot import settings
from bot.content.database import session_scope
from bot.content.importer import import_seed
from bot.content.models import Answer, UnansweredQuestion
from bot.content.store import published_answer
from bot.i18n.catalogs import catalogs
from bot.nlg import CatalogNaturalLanguageGenerator
from tests.trackers import rasa_tracker

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def seeded(config: settings.Settings, tmp_path: Path) -> settings.Settings:
    shutil.copytree(DATA / "content", tmp_path / "content")
    with session_scope(config.database_url) as session:
        import_seed(session, tmp_path / "content")
    return config


async def _say(tracker_name: str, response: str = "utter_answer", channel: str = "collector") -> str:
    message = await CatalogNaturalLanguageGenerator().generate(response, rasa_tracker(tracker_name), channel)
    assert message is not None
    return message["text"]


def _answer(url: str, topic: str, language: str):  # type: ignore[no-untyped-def]
    with session_scope(url) as session:
        return published_answer(session, topic, [language])


async def test_answer_comes_from_the_database_in_the_web_shape(seeded: settings.Settings) -> None:
    answer = _answer(seeded.database_url, "flu_vaccine_timing", "en")
    text = await _say("question_en_rest.json")
    body, source = text.split("\n\n")
    assert body == answer.web_text
    assert answer.sources[0] in source and "August 29, 2024" in source


async def test_sms_gets_the_sms_text_in_the_patrons_language(seeded: settings.Settings) -> None:
    answer = _answer(seeded.database_url, "flu_vaccine_timing", "es")
    text = await _say("question_es_sms_first_message.json", channel="twilio")
    assert text.startswith(answer.sms_text + "\n\n")
    assert "29 ago 2024" in text


async def test_draft_translation_falls_back_to_english_with_a_notice(seeded: settings.Settings) -> None:
    english = _answer(seeded.database_url, "flu_vaccine_safety", "en")
    notice, body, _source = (await _say("question_es_draft_only.json")).split("\n\n")
    assert body == english.web_text
    assert notice == catalogs().text("es", "notice.not_translated", language="inglés").text


async def test_an_edit_shows_in_the_next_reply(seeded: settings.Settings) -> None:
    with session_scope(seeded.database_url) as session:
        session.execute(
            update(Answer)
            .where(Answer.topic_id == "flu_vaccine_timing", Answer.language == "en")
            .values(web_text="Edited by a librarian.")
        )
    assert (await _say("question_en_rest.json")).startswith("Edited by a librarian.\n\n")


async def test_topic_without_a_published_answer_is_honest_and_recorded(seeded: settings.Settings) -> None:
    with session_scope(seeded.database_url) as session:
        session.execute(update(Answer).values(status="draft"))
    text = await _say("question_en_rest.json")
    assert text.startswith(
        catalogs().text("en", "utter_no_answer_yet", library="Test Library", contact="x").text[:40]
    )
    with session_scope(seeded.database_url) as session:
        [row] = session.scalars(select(UnansweredQuestion)).all()
    assert (row.reason, row.intent, row.language) == ("no_answer", "flu_vaccine_timing", "en")


async def test_database_down_gives_a_clear_reply(
    config: settings.Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    down = dataclasses.replace(config, database_url="postgresql://postgres@127.0.0.1:1/nowhere")
    monkeypatch.setattr(settings, "_current", down)
    text = await _say("question_en_rest.json")
    assert text.startswith(
        catalogs().text("en", "utter_service_unavailable", library="x", contact="y").text[:30]
    )


async def test_catalog_responses_in_the_conversations_language(config: settings.Settings) -> None:
    assert await _say("out_of_scope_es.json", "utter_greet") == catalogs().text("es", "utter_greet").text
    assert await _say("question_en_rest.json", "utter_greet") == catalogs().text("en", "utter_greet").text
    thanks = await _say("question_es_sms_first_message.json", "utter_talk_to_person")
    assert "Test Library" in thanks
