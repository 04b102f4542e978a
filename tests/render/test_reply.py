import datetime as dt

import pytest

from bot.content.store import PublishedAnswer
from bot.i18n.catalogs import Catalogs, Messages, catalogs
from bot.render.profiles import SMS, WEB, profile_for_channel
from bot.render.reply import Library, library_values, render_answer, render_message

ANSWER = PublishedAnswer(
    topic="flu_vaccine_timing",
    language="en",
    title="When",
    sms_text="SMS body.",
    web_text="Web body.",
    reviewed_on=dt.date(2024, 8, 29),
    sources=("https://www.cdc.gov/flu/a.html", "https://www.cdc.gov/flu/b.html"),
)


@pytest.fixture
def loaded() -> Catalogs:
    return catalogs()


def test_profiles_by_channel() -> None:
    assert profile_for_channel("twilio") is SMS
    assert profile_for_channel("rest") is WEB
    assert profile_for_channel(None) is WEB


def test_web_answer_is_the_web_text_then_its_source(loaded: Catalogs) -> None:
    text = render_answer(Messages("en", loaded), ANSWER, WEB)
    source = loaded.text(
        "en", WEB.source_message, sources=" ".join(ANSWER.sources), date="August 29, 2024"
    ).text
    assert text == f"Web body.\n\n{source}"


def test_sms_answer_is_the_sms_text_with_a_short_date(loaded: Catalogs) -> None:
    text = render_answer(Messages("en", loaded), ANSWER, SMS)
    assert text.startswith("SMS body.\n\n")
    assert "https://www.cdc.gov/flu/a.html https://www.cdc.gov/flu/b.html" in text
    assert "Aug 29, 2024" in text


def test_english_answer_for_a_spanish_patron_says_so_in_spanish(loaded: Catalogs) -> None:
    notice, body, source = render_answer(Messages("es", loaded), ANSWER, WEB).split("\n\n")
    assert notice == loaded.text("es", "notice.not_translated", language="inglés").text
    assert body == "Web body."
    assert "29 de agosto de 2024" in source


def test_library_contact_values(loaded: Catalogs) -> None:
    messages = Messages("en", loaded)
    full = library_values(messages, Library("Main Library", "555-0100", "https://lib.example/ask"))
    assert full["library"] == "Main Library"
    assert "555-0100" in full["contact"] and "https://lib.example/ask" in full["contact"]
    bare = library_values(messages, Library())
    assert bare["library"] == loaded.text("en", "library.generic_name").text
    assert bare["contact"] == loaded.text("en", "library.contact_in_person", library=bare["library"]).text


def test_render_message_fills_library_values(loaded: Catalogs) -> None:
    text = render_message(
        Messages("es", loaded), "utter_talk_to_person", Library("Biblioteca Central", "555-0100")
    )
    assert "Biblioteca Central" in text and "555-0100" in text
    assert "{" not in text
