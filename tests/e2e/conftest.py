"""Real servers for the end-to-end tests: a trained model, the action server and the Rasa server.

The model is trained once (and reused while the training data is unchanged); each server set gets its
own database with the shipped seed content, on free ports.
"""

from __future__ import annotations

import dataclasses
import json
import socket
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot import settings
from bot.cli.train import ensure_model
from bot.content import migrate
from bot.content.checks import read_nlu_examples
from bot.content.database import session_scope
from bot.content.importer import import_seed
from bot.content.store import published_answer
from bot.servers import Servers, start_servers
from tests.conftest import REDIS_URL

ROOT = settings.PROJECT_ROOT
pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def post(url: str, payload: dict[str, object]) -> object:
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode("utf-8"), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read().decode("utf-8"))


@pytest.fixture(scope="session")
def model() -> Path:
    return ensure_model(settings.load().model_dir)


def prepare_database(url: str) -> None:
    migrate.upgrade(url)
    with session_scope(url) as session:
        import_seed(session, ROOT / "data" / "content", force=True)


StartServers = Callable[..., Servers]


@pytest.fixture(scope="session")
def start(model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[StartServers]:
    """Start a server set on free ports; every set started is stopped at the end of the session."""
    started: list[Servers] = []

    def _start(database_url: str, **changes: object) -> Servers:
        config = dataclasses.replace(
            settings.load({}),
            database_url=database_url,
            rasa_port=free_port(),
            actions_port=free_port(),
            privacy_key="e2e-key",
            **changes,
        )
        servers = start_servers(config, model, log_dir=tmp_path_factory.mktemp("logs"))
        started.append(servers)
        return servers

    yield _start
    for servers in started:
        servers.stop()


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'vaxbot.db'}"
    prepare_database(url)
    return url


@pytest.fixture(scope="session")
def sqlite_servers(start: StartServers, sqlite_url: str) -> Servers:
    return start(sqlite_url)


@pytest.fixture(scope="session")
def postgres_redis_servers(start: StartServers, postgres_server_url: str) -> Servers:
    """The production shape: PostgreSQL for content and trackers, Redis locks, two Rasa workers."""
    prepare_database(postgres_server_url)
    return start(postgres_server_url, redis_url=REDIS_URL, workers=2)


@dataclasses.dataclass(frozen=True)
class Question:
    topic: str
    language: str
    text: str


def questions_with_answers(database_url: str, rasa_url: str, language: str, count: int) -> list[Question]:
    """Training questions that the model assigns to their own topic, for topics published in ``language``."""
    found: list[Question] = []
    examples = read_nlu_examples(ROOT / "data" / "nlu")[language]
    with session_scope(database_url) as session:
        for topic, texts in examples.items():
            answer = published_answer(session, topic, [language])
            if answer is None or answer.language != language:
                continue
            for text in texts[:3]:
                parsed = post(f"{rasa_url}/model/parse", {"text": text})
                if parsed["intent"]["name"] == topic:  # type: ignore[index]
                    found.append(Question(topic, language, text))
                    break
            if len(found) == count:
                return found
    raise AssertionError(f"fewer than {count} answerable {language} questions in the shipped content")
