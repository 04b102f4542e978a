"""Actions run on tracker snapshots (tests/data/trackers) against a real content database."""

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.answers import ActionAnswerTopic
from actions.fallback import ActionFallback
from bot import settings
from bot.content.database import session_scope
from bot.content.importer import import_seed
from bot.content.models import Answer, UnansweredQuestion
from bot.content.store import published_answer
from bot.privacy import hash_sender

DATA = Path(__file__).parent.parent / "data"


def _tracker(name: str) -> Tracker:
    return Tracker.from_dict(json.loads((DATA / "trackers" / name).read_text(encoding="utf-8")))


@pytest.fixture
def seeded(config: settings.Settings, tmp_path: Path) -> settings.Settings:
    shutil.copytree(DATA / "content", tmp_path / "content")
    with session_scope(config.database_url) as session:
        import_seed(session, tmp_path / "content")
    return config


def _unanswered(url: str) -> list[UnansweredQuestion]:
    with session_scope(url) as session:
        return list(session.scalars(select(UnansweredQuestion)))


async def test_answer_comes_from_the_database_in_the_web_shape(seeded: settings.Settings) -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionAnswerTopic().run(dispatcher, _tracker("question_en_rest.json"), {})
    assert events == []
    with session_scope(seeded.database_url) as session:
        answer = published_answer(session, "flu_vaccine_timing", ["en"])
    texts = [m["text"] for m in dispatcher.messages]
    assert texts[0] == answer.web_text
    assert answer.sources[0] in texts[1]
    assert len(texts) == 2


async def test_first_sms_message_sets_the_language_and_gets_the_sms_shape(
    seeded: settings.Settings,
) -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionAnswerTopic().run(dispatcher, _tracker("question_es_sms_first_message.json"), {})
    assert events == [SlotSet("language", "es")]
    with session_scope(seeded.database_url) as session:
        answer = published_answer(session, "flu_vaccine_timing", ["es"])
    assert len(dispatcher.messages) == 1
    assert dispatcher.messages[0]["text"].startswith(answer.sms_text)


async def test_draft_translation_falls_back_to_english_with_a_notice(
    seeded: settings.Settings,
) -> None:
    dispatcher = CollectingDispatcher()
    await ActionAnswerTopic().run(dispatcher, _tracker("question_es_draft_only.json"), {})
    with session_scope(seeded.database_url) as session:
        english = published_answer(session, "flu_vaccine_safety", ["en"])
    texts = [m["text"] for m in dispatcher.messages]
    assert len(texts) == 3
    assert texts[1] == english.web_text
    assert "inglés" in texts[0]


async def test_topic_without_any_published_answer(seeded: settings.Settings) -> None:
    with session_scope(seeded.database_url) as session:
        for row in session.scalars(select(Answer)):
            row.status = "draft"
    dispatcher = CollectingDispatcher()
    await ActionAnswerTopic().run(dispatcher, _tracker("question_en_rest.json"), {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_no_answer_yet"]
    [row] = _unanswered(seeded.database_url)
    assert (row.reason, row.intent) == ("no_answer", "flu_vaccine_timing")


async def test_database_down_gives_a_clear_reply(
    config: settings.Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    down = dataclasses.replace(config, database_url="postgresql://postgres@127.0.0.1:1/nowhere")
    monkeypatch.setattr(settings, "_current", down)
    dispatcher = CollectingDispatcher()
    await ActionAnswerTopic().run(dispatcher, _tracker("question_en_rest.json"), {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_service_unavailable"]


async def test_fallback_records_an_anonymised_question(seeded: settings.Settings) -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionFallback().run(dispatcher, _tracker("unclear_en.json"), {})
    assert events == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_fallback"]
    [row] = _unanswered(seeded.database_url)
    assert row.text == "my number is [phone], what about the thing"
    assert row.sender_hash == hash_sender("+13125550199", b"test-key")
    assert "3125550199" not in row.sender_hash
    # The real guess behind an nlu_fallback is kept for staff, not "nlu_fallback".
    assert (row.reason, row.intent, row.confidence) == ("low_confidence", "vaccine_cost", 0.11)


async def test_out_of_scope_is_recorded_in_the_patrons_language(seeded: settings.Settings) -> None:
    dispatcher = CollectingDispatcher()
    await ActionFallback().run(dispatcher, _tracker("out_of_scope_es.json"), {})
    [row] = _unanswered(seeded.database_url)
    assert (row.reason, row.language, row.channel) == ("out_of_scope", "es", "rest")
