import uuid

import pytest
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot.stores import CheckedSQLTrackerStore, LockStoreFromUrl, StoreUnavailable
from tests.conftest import REDIS_URL, ROOT


def test_empty_url_is_an_in_memory_lock_store() -> None:
    assert isinstance(LockStoreFromUrl(EndpointConfig(url="")), InMemoryLockStore)


@pytest.mark.redis
async def test_redis_url_gives_a_working_redis_lock_store() -> None:
    store = LockStoreFromUrl(EndpointConfig(url=REDIS_URL, key_prefix=f"test{uuid.uuid4().hex[:8]}"))
    assert isinstance(store, RedisLockStore)
    conversation = f"c-{uuid.uuid4().hex}"
    async with store.lock(conversation):
        assert store.get_lock(conversation) is not None
    store.delete_lock(conversation)


def test_unreachable_redis_fails_with_a_sentence() -> None:
    with pytest.raises(StoreUnavailable, match=r"cannot reach the Redis lock store at 127\.0\.0\.1"):
        LockStoreFromUrl(EndpointConfig(url="redis://127.0.0.1:1/0"))


def test_not_a_redis_url() -> None:
    with pytest.raises(StoreUnavailable, match="is not a redis:// URL"):
        LockStoreFromUrl(EndpointConfig(url="http://127.0.0.1:6379"))


def test_tracker_store_fails_fast_when_the_database_is_down() -> None:
    with pytest.raises(StoreUnavailable, match="cannot connect to the database"):
        CheckedSQLTrackerStore(host="postgresql://postgres@127.0.0.1:1/nowhere")


def test_tracker_store_keeps_conversations(database_url: str) -> None:
    store = CheckedSQLTrackerStore(host=database_url)
    assert store.engine.url.render_as_string(hide_password=False) == database_url


async def test_tracker_store_round_trip_and_sessions(database_url: str) -> None:
    """Events are appended once, and a retrieve returns only the latest session, as Rasa's store does."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered

    domain = Domain.load(str(ROOT / "domain"))
    store = CheckedSQLTrackerStore(host=database_url, domain=domain)
    sender = f"s-{uuid.uuid4().hex}"
    assert await store.retrieve(sender) is None
    tracker = await store.get_or_create_tracker(sender)
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    tracker.update(UserUttered("hola 💉", {"name": "greet", "confidence": 0.9}))
    tracker.update(SlotSet("language", "es"))
    await store.save(tracker)
    await store.save(tracker)  # a second save without a retrieve adds nothing
    again = await store.retrieve(sender)
    # As in Rasa's store, a session is what follows SessionStarted (action_session_start precedes it).
    assert [e.as_dict()["event"] for e in again.events] == ["session_started", "user", "slot"]
    assert again.get_slot("language") == "es"
    assert again.latest_message.text == "hola 💉"
    again.update(ActionExecuted("action_session_start", timestamp=again.events[-1].timestamp + 10))
    again.update(SessionStarted(timestamp=again.events[-1].timestamp + 10))
    again.update(
        UserUttered("hi", {"name": "greet", "confidence": 0.9}, timestamp=again.events[-1].timestamp + 10)
    )
    await store.save(again)
    latest = await store.retrieve(sender)
    assert [e.as_dict()["event"] for e in latest.events] == ["session_started", "user"]
    full = await store.retrieve_full_tracker(sender)
    assert [e.as_dict()["event"] for e in full.events] == [
        "action",
        "action",
        "session_started",
        "user",
        "slot",
        "action",
        "session_started",
        "user",
    ]
