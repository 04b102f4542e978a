"""The language detector as Rasa runs it: on Message objects, after the intent classifier."""

import doctest

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu import language as language_module
from bot.nlu.language import LanguageDetector, language_names


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector(LanguageDetector.get_default_config(), ("en", "es"))


def _run(detector: LanguageDetector, text: str, intent: str = "greet") -> Message:
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.9}})
    detector.process([message])
    return message


def _entity(message: Message) -> str | None:
    found = [e for e in message.get("entities", []) if e["entity"] == "language"]
    assert len(found) <= 1
    return found[0]["value"] if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is the covid vaccine safe for my kids", "en"),
        ("es segura la vacuna para mis hijos", "es"),
        ("cuanto cuesta la vacuna de la gripe sin seguro", "es"),
        ("do i need insurance to get a flu shot", "en"),
    ],
)
def test_long_messages_settle_the_language(detector: LanguageDetector, text: str, expected: str) -> None:
    message = _run(detector, text, intent="vaccine_cost")
    assert _entity(message) == expected
    assert message.get("language_detection")["settled"] is True


@pytest.mark.parametrize("text", ["ok", "si", "hola", "60614", "👍", "gracias!", ""])
def test_short_or_ambiguous_messages_keep_the_conversation_language(
    detector: LanguageDetector, text: str
) -> None:
    message = _run(detector, text)
    assert _entity(message) is None
    assert message.get("language_detection")["settled"] is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("español", "es"),
        ("Español por favor", "es"),
        ("in spanish please", "es"),
        ("hablas ingles?", "en"),
        ("can we do this in english", "en"),
    ],
)
def test_named_languages_switch_when_asked(detector: LanguageDetector, text: str, expected: str) -> None:
    assert _entity(_run(detector, text, intent="change_language")) == expected


def test_a_language_mentioned_in_a_question_is_not_a_request(detector: LanguageDetector) -> None:
    message = _run(
        detector, "do spanish speaking clinics give the flu vaccine", intent="find_vaccine_location"
    )
    assert _entity(message) == "en"


def test_detection_is_in_the_parse_output(detector: LanguageDetector) -> None:
    message = _run(detector, "¿dónde me vacuno?")
    output = message.as_dict(only_output_properties=True)
    assert output["language_detection"]["language"] == "es"


def test_names_come_from_cldr_in_every_supported_language() -> None:
    names = language_names(("en", "es"))
    assert {names["english"], names["ingles"], names["spanish"], names["espanol"]} == {"en", "es"}


def test_doctests() -> None:
    assert doctest.testmod(language_module).failed == 0


def test_reliable_guesses_for_a_first_message(detector: LanguageDetector) -> None:
    def reliable(text: str) -> bool:
        return _run(detector, text).get("language_detection")["reliable"]

    assert reliable("gracias")  # one word, but lingua is sure
    assert not reliable("hello")  # one word, lingua unsure
    assert reliable("que es el covid 19")  # unsure, but long enough
    assert _entity(_run(detector, "que es el covid 19")) is None  # ... not enough to switch
