"""Engines and sessions for the content database: one engine per URL per process, a session per unit."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool


class DatabaseUnavailable(RuntimeError):
    """The content database cannot be reached or its URL is wrong."""


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    # WAL lets the action server read while Rasa's tracker store writes the same file; foreign keys are
    # off by default in SQLite and our cascades rely on them.
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL never corrupts the file; a power cut may lose the last commits, not more.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


@functools.cache
def engine_for(url: str) -> Engine:
    """The process-wide engine for ``url``, created on first use (never at import)."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise DatabaseUnavailable(f"DATABASE_URL {url!r} is not a database URL") from error
    kwargs: dict[str, object] = {"future": True}
    if parsed.get_backend_name() == "sqlite":
        # SQLAlchemy 1.4 opens a new connection per session for SQLite files (NullPool); a pool keeps
        # them, so the pragmas run once per connection instead of once per query.
        kwargs["poolclass"] = QueuePool
        kwargs["connect_args"] = {"check_same_thread": False}
        if parsed.database and parsed.database != ":memory:":
            # SQLite creates the file but not its folder (var/ on a fresh clone).
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    else:
        kwargs["connect_args"] = {"connect_timeout": 5}
        kwargs["pool_pre_ping"] = True  # survive a database restart
    engine = create_engine(parsed, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


@functools.cache
def _sessionmaker(url: str) -> sessionmaker:
    return sessionmaker(bind=engine_for(url), future=True, expire_on_commit=False)


@contextmanager
def session_scope(url: str) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    session: Session = _sessionmaker(url)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def check_connection(url: str) -> None:
    """Connect once, so a down or misnamed database fails now with a sentence instead of later."""
    engine = engine_for(url)
    try:
        with engine.connect():
            pass
    except OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise DatabaseUnavailable(
            f"cannot connect to the database at {engine.url.render_as_string(hide_password=True)}: {reason}"
        ) from error
