import dataclasses
import datetime as dt
from pathlib import Path

from bot.content.checks import check_all, check_answer, check_nlu
from bot.content.seed import AnswerSeed, TopicSeed
from bot.i18n.languages import supported_languages
from bot.settings import PROJECT_ROOT

WEB = " ".join(["word"] * 80)
SEED = AnswerSeed(
    topic="flu_vaccine_timing",
    language="en",
    title="When to get a flu shot",
    status="published",
    reviewed=dt.date(2024, 8, 29),
    sources=("https://www.cdc.gov/flu/vaccines/vaccinations.html",),
    sms="Get a flu shot every year.",
    web=WEB,
    path=Path("en/flu.yml"),
    line=4,
)


def test_a_good_answer_has_no_problems() -> None:
    assert check_answer(SEED, today=dt.date(2026, 1, 1)) == []


def test_sms_over_three_gsm_segments() -> None:
    problems = check_answer(dataclasses.replace(SEED, sms="a" * 460), today=dt.date(2026, 1, 1))
    assert [p.message for p in problems] == [
        "SMS text needs 4 segments in GSM-7 (460 units; the budget is 3)"
    ]


def test_accents_make_spanish_sms_ucs2() -> None:
    ok = dataclasses.replace(SEED, language="es", sms="á" * 201)
    too_long = dataclasses.replace(SEED, language="es", sms="á" * 202)
    assert check_answer(ok, today=dt.date(2026, 1, 1)) == []
    assert "in UCS-2" in check_answer(too_long, today=dt.date(2026, 1, 1))[0].message


def test_curly_quote_in_english_sms_is_explained() -> None:
    problems = check_answer(
        dataclasses.replace(SEED, sms="It\u2019s " + "a" * 200), today=dt.date(2026, 1, 1)
    )
    assert "force UCS-2" in problems[0].message


def test_web_length_placeholder_and_dates() -> None:
    short = check_answer(dataclasses.replace(SEED, web="Too short."), today=dt.date(2026, 1, 1))
    assert "web text has 2 words" in short[0].message
    todo = check_answer(dataclasses.replace(SEED, sms="TODO write this"), today=dt.date(2026, 1, 1))
    assert "placeholder text 'TODO'" in todo[0].message
    spanish_todo = dataclasses.replace(SEED, sms="Vacúnese todo el año.")
    assert check_answer(spanish_todo, today=dt.date(2026, 1, 1)) == []
    future = check_answer(dataclasses.replace(SEED, reviewed=dt.date(2027, 1, 1)), today=dt.date(2026, 1, 1))
    assert "is not between" in future[0].message


def test_nlu_rules() -> None:
    catalogue = {"greet": TopicSeed("greet", "conversation", "hi")}
    training = {"en": {"greet": [f"hello {i}" for i in range(15)] + ["hello 1"]}}
    held_out = {"en": {"greet": ["hey", "hiya", "yo", "morning", "HELLO 3"], "unknown": ["x"]}}
    messages = [p.message for p in check_nlu(catalogue, training, held_out, ["en"])]
    assert "intent 'unknown' is not in topics.yml" in messages
    assert "greet: 'HELLO 3' is also a training example" in messages
    assert "'hello 1' appears 2 times" in messages
    too_few = check_nlu(catalogue, {"en": {"greet": ["hi"]}}, {"en": {}}, ["en"])
    assert [p.message for p in too_few] == [
        "greet: 1 training examples, need 15",
        "greet: 0 held-out examples, need 5",
    ]


def test_the_shipped_content_passes_every_check() -> None:
    problems = check_all(PROJECT_ROOT, list(supported_languages()))
    assert [str(p) for p in problems] == []
