"""Rasa's tracker and lock stores, configured from the same URLs as the rest of vaxbot.

Wired in ``endpoints.yml``. Rasa's own SQL tracker store retries forever when the database is down, and
its Redis lock store wants host and port apart; these wrappers fail at start-up with one clear sentence
and take ``DATABASE_URL`` / ``REDIS_URL`` as they are.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit

from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig

from bot.content.database import DatabaseUnavailable, check_connection


class StoreUnavailable(RasaException):
    """A store Rasa needs cannot be reached at start-up."""


class CheckedSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store on ``url: ${DATABASE_URL}``, failing fast when the database is down."""

    def __init__(self, host: str | None = None, **kwargs: Any) -> None:
        if not host:
            raise StoreUnavailable("the tracker store needs url: ${DATABASE_URL} in endpoints.yml")
        try:
            check_connection(host)
        except DatabaseUnavailable as error:
            raise StoreUnavailable(f"tracker store: {error}") from error
        super().__init__(host=host, **kwargs)


class LockStoreFromUrl:
    """``lock_store: {type: bot.stores.LockStoreFromUrl, url: ${REDIS_URL}}`` in endpoints.yml.

    Rasa loads custom lock stores by class path and calls the class with the endpoint config; this
    class only chooses and builds the store (see :func:`lock_store_from_url`).
    """

    def __new__(cls, endpoint_config: EndpointConfig) -> LockStore:  # type: ignore[misc]
        """Build the store the URL names."""
        return lock_store_from_url(endpoint_config)


def lock_store_from_url(endpoint_config: EndpointConfig) -> LockStore:
    """A Redis lock store for ``redis://[:password@]host[:port][/db]``, in-memory for an empty URL."""
    url = (endpoint_config.url or "").strip()
    if not url:
        return InMemoryLockStore()
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss") or not parts.hostname:
        raise StoreUnavailable(f"REDIS_URL {url!r} is not a redis:// URL")
    db = int(parts.path.lstrip("/") or 0)
    store = RedisLockStore(
        host=parts.hostname,
        port=parts.port or 6379,
        db=db,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        use_ssl=parts.scheme == "rediss",
        key_prefix=endpoint_config.kwargs.get("key_prefix"),
    )
    try:
        store.red.ping()
    except Exception as error:  # redis raises several unrelated connection errors
        raise StoreUnavailable(f"cannot reach the Redis lock store at {parts.hostname}: {error}") from error
    return store
