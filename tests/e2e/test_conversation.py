"""Real questions over HTTP to the real servers, in English and Spanish, on SQLite and on PostgreSQL+Redis."""

from __future__ import annotations

import uuid

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from bot.cli import cli
from bot.content.database import session_scope
from bot.content.models import Answer, UnansweredQuestion
from bot.content.store import published_answer
from bot.i18n.catalogs import catalogs
from bot.servers import Servers
from tests.e2e.conftest import StartServers, post, questions_with_answers

pytestmark = pytest.mark.e2e


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgres_redis", marks=[pytest.mark.postgres, pytest.mark.redis]),
    ]
)
def deployment(request: pytest.FixtureRequest) -> tuple[Servers, str]:
    """Each test runs against the embedded default and against the several-instances setup."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_servers"), request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("postgres_redis_servers"), request.getfixturevalue("postgres_server_url")


def say(servers: Servers, sender: str, text: str) -> list[str]:
    replies = post(f"{servers.rasa_url}/webhooks/rest/webhook", {"sender": sender, "message": text})
    return [r["text"] for r in replies if r.get("text")]  # type: ignore[union-attr]


def sender() -> str:
    return f"e2e-{uuid.uuid4().hex}"


@pytest.mark.parametrize("language", ["en", "es"])
def test_questions_are_answered_from_the_database(deployment: tuple[Servers, str], language: str) -> None:
    servers, url = deployment
    for question in questions_with_answers(url, servers.rasa_url, language, count=3):
        with session_scope(url) as session:
            answer = published_answer(session, question.topic, [language])
        # Rasa's REST channel sends each paragraph as its own message: the answer, then its source.
        body, source = say(servers, sender(), question.text)
        assert body == answer.web_text, question
        assert answer.sources[0] in source


def test_an_edit_in_the_database_changes_the_next_reply_without_restart(
    deployment: tuple[Servers, str],
) -> None:
    servers, url = deployment
    [question] = questions_with_answers(url, servers.rasa_url, "es", count=1)
    edited = f"Texto revisado por el personal {uuid.uuid4().hex[:6]}."
    with session_scope(url) as session:
        before = published_answer(session, question.topic, ["es"])
        session.execute(
            update(Answer)
            .where(Answer.topic_id == question.topic, Answer.language == "es")
            .values(web_text=edited)
        )
    try:
        assert say(servers, sender(), question.text)[0] == edited
    finally:
        with session_scope(url) as session:
            session.execute(
                update(Answer)
                .where(Answer.topic_id == question.topic, Answer.language == "es")
                .values(web_text=before.web_text)
            )


def test_greeting_and_language_follow_the_patron(deployment: tuple[Servers, str]) -> None:
    servers, _ = deployment
    text = catalogs().text
    assert say(servers, sender(), "hello there") == [text("en", "utter_greet").text]
    patron = sender()
    assert say(servers, patron, "hola, buenos días, ¿cómo está?") == [text("es", "utter_greet").text]
    # A one-word reply keeps the conversation's language.
    assert say(servers, patron, "ok gracias") == [text("es", "utter_thanks").text]
    assert say(servers, patron, "english please") == [text("en", "utter_language_changed").text]


def test_out_of_scope_is_honest_and_recorded(deployment: tuple[Servers, str]) -> None:
    servers, url = deployment
    marker = uuid.uuid4().hex[:8]
    message = f"what time does the library close tonight? my email is x{marker}@example.org"
    assert say(servers, sender(), message) == [
        catalogs()
        .text(
            "en",
            "utter_fallback",
            contact=catalogs()
            .text(
                "en",
                "library.contact_in_person",
                library=catalogs().text("en", "library.generic_name").text,
            )
            .text,
        )
        .text
    ]
    with session_scope(url) as session:
        rows = session.scalars(
            select(UnansweredQuestion).where(UnansweredQuestion.text.contains("[email]"))
        ).all()
    assert any("library close tonight" in row.text for row in rows)
    assert all(marker not in row.text for row in rows)


def test_hostile_input_gets_a_reply(deployment: tuple[Servers, str]) -> None:
    servers, _ = deployment
    for text in ("💉💉💉", "?" * 3, "a" * 5000, "ñ\u200b\ufeff", "<script>alert(1)</script>"):
        assert say(servers, sender(), text), text


def test_nlu_parse_shows_language_and_intent(sqlite_servers: Servers) -> None:
    parsed = post(
        f"{sqlite_servers.rasa_url}/model/parse",
        {"text": "¿la vacuna contra la influenza es segura?"},
    )
    assert parsed["language_detection"]["language"] == "es"  # type: ignore[index]
    assert parsed["intent"]["name"]  # type: ignore[index]


def test_a_restart_loses_no_conversation(start: StartServers, sqlite_url: str) -> None:
    first = start(sqlite_url)
    patron = sender()
    say(first, patron, "hola, quisiera saber sobre las vacunas por favor")
    first.stop()
    second = start(sqlite_url)
    # "hi" alone does not settle a language: the Spanish kept in the SQL tracker store decides.
    assert say(second, patron, "hi") == [catalogs().text("es", "utter_greet").text]
    second.stop()


def test_vaxbot_chat_talks_to_the_real_webhook(sqlite_servers: Servers) -> None:
    result = CliRunner().invoke(
        cli,
        ["chat", "--url", f"{sqlite_servers.rasa_url}/webhooks/rest/webhook"],
        input="hello\n/quit\n",
    )
    assert result.exit_code == 0, result.output
    assert catalogs().text("en", "utter_greet").text.split()[0] in result.output
