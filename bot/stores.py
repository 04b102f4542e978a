"""Rasa's tracker and lock stores, configured from the same URLs as the rest of vaxbot.

Wired in ``endpoints.yml``. Rasa's own SQL tracker store retries forever when the database is down, and
its Redis lock store wants host and port apart; these wrappers fail at start-up with one clear sentence
and take ``DATABASE_URL`` / ``REDIS_URL`` as they are.

The tracker store keeps Rasa's table and rows (Rasa's tools and Rasa X read them as usual) but reads and
writes them with plain SQL statements instead of one ORM object per event, on vaxbot's pooled engine:
the benchmark (bench/) measured Rasa's version at about a quarter of the Rasa server's time per message.
"""

from __future__ import annotations

import itertools
import json
from collections import OrderedDict
from typing import Any
from urllib.parse import unquote, urlsplit

from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig
from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import sessionmaker
from sqlalchemy.sql import Select

from bot.content.database import DatabaseUnavailable, check_connection, engine_for

# Conversations whose stored event count is remembered between a retrieve and the save that follows it.
_REMEMBERED_COUNTS = 10_000


class StoreUnavailable(RasaException):
    """A store Rasa needs cannot be reached at start-up."""


class CheckedSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store on ``url: ${DATABASE_URL}``: fails fast, reads and writes lean."""

    def __init__(self, host: str | None = None, **kwargs: Any) -> None:
        if not host:
            raise StoreUnavailable("the tracker store needs url: ${DATABASE_URL} in endpoints.yml")
        try:
            check_connection(host)
        except DatabaseUnavailable as error:
            raise StoreUnavailable(f"tracker store: {error}") from error
        super().__init__(host=host, **kwargs)
        # Rasa's engine reconnects for every statement on SQLite; use vaxbot's pooled, tuned one.
        self.engine.dispose()
        self.engine = engine_for(host)
        self.sessionmaker = sessionmaker(bind=self.engine)
        self._table = self.SQLEvent.__table__
        # How many events of a conversation's tracker are stored, learnt by retrieve() and save() and
        # used by the next save(). The lock store serialises the messages of a conversation, so nothing
        # else writes in between; a save() with no entry counts in the database, as Rasa's store does.
        self._stored: OrderedDict[str, int] = OrderedDict()

    def _session_events(self, sender_id: str) -> Select:
        """The events of the conversation's latest session (all of them if it never started one)."""
        table = self._table
        session_start = (
            select(func.max(table.c.timestamp))
            .where(table.c.sender_id == sender_id, table.c.type_name == SessionStarted.type_name)
            .scalar_subquery()
        )
        return select(table.c.data).where(
            table.c.sender_id == sender_id,
            or_(session_start.is_(None), table.c.timestamp >= session_start),
        )

    def _remember(self, sender_id: str, count: int) -> None:
        self._stored[sender_id] = count
        self._stored.move_to_end(sender_id)
        while len(self._stored) > _REMEMBERED_COUNTS:
            self._stored.popitem(last=False)

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        """Load the events (of the latest session, unless asked for all) and rebuild the tracker."""
        if fetch_events_from_all_sessions:
            query = select(self._table.c.data).where(self._table.c.sender_id == sender_id)
        else:
            query = self._session_events(sender_id)
        with self.engine.connect() as connection:
            rows = connection.execute(query.order_by(self._table.c.id)).scalars().all()
        if not fetch_events_from_all_sessions:
            self._remember(sender_id, len(rows))
        if not rows or self.domain is None:
            return None
        return DialogueStateTracker.from_dict(sender_id, [json.loads(r) for r in rows], self.domain.slots)

    def _stored_count(self, connection: Connection, sender_id: str) -> int:
        count = self._stored.pop(sender_id, None)
        if count is None:
            events = self._session_events(sender_id).subquery()
            count = connection.execute(select(func.count()).select_from(events)).scalar_one()
        return count

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Append the tracker's events that are not stored yet, in one statement."""
        await self.stream_events(tracker)
        with self.engine.begin() as connection:
            stored = self._stored_count(connection, tracker.sender_id)
            rows = []
            for event in itertools.islice(tracker.events, stored, None):
                data = event.as_dict()
                rows.append(
                    {
                        "sender_id": tracker.sender_id,
                        "type_name": event.type_name,
                        "timestamp": data.get("timestamp"),
                        "intent_name": (data.get("parse_data") or {}).get("intent", {}).get("name"),
                        "action_name": data.get("name"),
                        "data": json.dumps(data),
                    }
                )
            if rows:
                connection.execute(self._table.insert(), rows)
        # Every event of this tracker is stored now: a second save() of it appends only what is new.
        self._remember(tracker.sender_id, len(tracker.events))


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
