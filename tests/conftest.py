"""Fixtures shared by the whole suite: databases on SQLite and on the local PostgreSQL.

PostgreSQL and Redis are required (README): when they are down the tests that need them fail with the
reason, they are never skipped silently.
"""

from __future__ import annotations

import os

# Rasa 3.6 uses SQLAlchemy 1.4 APIs that warn about 2.0 once per process; the warning is about Rasa, and
# SQLAlchemy reads this when it is first imported, so it is set before anything imports it.
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")

import dataclasses
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import settings
from bot.content import migrate
from bot.content.database import engine_for

POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS_URL = "redis://127.0.0.1:6379/15"
ROOT = settings.PROJECT_ROOT


def _postgres_admin():  # type: ignore[no-untyped-def]
    import psycopg2

    try:
        connection = psycopg2.connect(POSTGRES_ADMIN_URL, connect_timeout=5)
    except psycopg2.OperationalError as error:
        pytest.fail(f"PostgreSQL is required at {POSTGRES_ADMIN_URL} and is not reachable: {error}")
    connection.autocommit = True
    return connection


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped at the end."""
    name = f"vaxbot_test_{uuid.uuid4().hex[:10]}"
    admin = _postgres_admin()
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    url = f"postgresql://postgres@127.0.0.1:5432/{name}"
    yield url
    engine_for(url).dispose()
    with admin.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.close()


def _reset(url: str) -> None:
    migrate.downgrade(url, "base")
    migrate.upgrade(url)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty, migrated content database: each test runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'content.db'}"
        migrate.upgrade(url)
        return url
    url = request.getfixturevalue("postgres_server_url")
    _reset(url)
    return url


@pytest.fixture
def config(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> settings.Settings:
    """Settings pointing at the test database, installed as this process's settings."""
    loaded = dataclasses.replace(
        settings.load({}),
        database_url=database_url,
        privacy_key="test-key",
        library_name="Test Library",
    )
    monkeypatch.setattr(settings, "_current", loaded)
    return loaded
