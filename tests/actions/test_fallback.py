"""The fallback action on tracker snapshots (tests/data/trackers) against a real content database."""

import dataclasses

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.fallback import ActionFallback
from bot import settings
from bot.content.database import session_scope
from bot.content.models import UnansweredQuestion
from bot.privacy import hash_sender
from tests.trackers import sdk_tracker


def _unanswered(url: str) -> list[UnansweredQuestion]:
    with session_scope(url) as session:
        return list(session.scalars(select(UnansweredQuestion)))


@pytest.mark.parametrize("name", ["unclear_en.json", "out_of_scope_es.json"])
async def test_fallback_dispatches_the_fallback_response(config: settings.Settings, name: str) -> None:
    dispatcher = CollectingDispatcher()
    events = await ActionFallback().run(dispatcher, sdk_tracker(name), {})
    assert events == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_fallback"]


async def test_fallback_records_an_anonymised_question(config: settings.Settings) -> None:
    await ActionFallback().run(CollectingDispatcher(), sdk_tracker("unclear_en.json"), {})
    [row] = _unanswered(config.database_url)
    assert row.text == "my number is [phone], what about the thing"
    assert row.sender_hash == hash_sender("+13125550199", b"test-key")
    assert "3125550199" not in row.sender_hash
    # The real guess behind an nlu_fallback is kept for staff, not "nlu_fallback".
    assert (row.reason, row.intent, row.confidence) == ("low_confidence", "vaccine_cost", 0.11)


async def test_out_of_scope_is_recorded_in_the_patrons_language(config: settings.Settings) -> None:
    await ActionFallback().run(CollectingDispatcher(), sdk_tracker("out_of_scope_es.json"), {})
    [row] = _unanswered(config.database_url)
    assert (row.reason, row.language, row.channel) == ("out_of_scope", "es", "rest")


async def test_a_database_that_is_down_does_not_break_the_reply(
    config: settings.Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        settings, "_current", dataclasses.replace(config, database_url="postgresql://postgres@127.0.0.1:1/x")
    )
    dispatcher = CollectingDispatcher()
    await ActionFallback().run(dispatcher, sdk_tracker("out_of_scope_es.json"), {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_fallback"]
