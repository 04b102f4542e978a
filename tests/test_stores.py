import uuid

import pytest
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot.stores import CheckedSQLTrackerStore, LockStoreFromUrl, StoreUnavailable
from tests.conftest import REDIS_URL


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
