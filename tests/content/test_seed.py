import datetime as dt
from pathlib import Path

import pytest

from bot.content.seed import ContentFileError, load_catalogue, read_answer_file, read_answers


def test_reads_catalogue_and_answers(content_dir: Path) -> None:
    catalogue, answers = read_answers(content_dir)
    assert list(catalogue) == ["greet", "flu_vaccine_timing", "flu_vaccine_safety"]
    assert not catalogue["greet"].has_answers
    safety = next(a for a in answers if a.topic == "flu_vaccine_safety" and a.language == "en")
    assert safety.reviewed == dt.date(2024, 9, 10)
    assert safety.sources == (
        "https://www.cdc.gov/flu/vaccine-safety/index.html",
        "https://www.cdc.gov/flu/vaccines/index.html",
    )
    assert safety.line == 14
    assert {(a.topic, a.language, a.status) for a in answers} >= {("flu_vaccine_safety", "es", "draft")}


def _break(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("status: published", "status: live", 6, "'status' must be one of"),
        ("reviewed: 2024-08-29", "reviewed: last week", 7, "must be a date"),
        (
            "https://www.cdc.gov/flu/vaccines/vaccinations.html",
            "http://example.org/flu",
            9,
            "not an https cdc.gov URL",
        ),
        ("topic: flu_vaccine_timing", "topic: flu_shots", 4, "not in topics.yml"),
        ("topic: flu_vaccine_timing", "topic: greet", 4, "belongs to group 'conversation'"),
        ("    title: When to get a flu shot\n", "", 4, "missing key(s) ['title']"),
        (
            "    status: published\n",
            "    status: published\n    author: me\n",
            4,
            "unknown key(s) ['author']",
        ),
        (
            "  - topic: flu_vaccine_timing\n",
            "  - topic: flu_vaccine_timing\n   bad: [\n",
            5,
            "not valid YAML",
        ),
        ("language: en", "language: es", 1, "but the file is in folder 'en'"),
    ],
)
def test_broken_files_name_file_and_line(
    content_dir: Path, old: str, new: str, line: int, message: str
) -> None:
    path = content_dir / "en" / "flu.yml"
    _break(path, old, new)
    with pytest.raises(ContentFileError) as caught:
        read_answer_file(path, load_catalogue(content_dir))
    assert caught.value.path == path
    assert caught.value.line == line
    assert message in caught.value.message


def test_duplicate_topic_in_a_file(content_dir: Path) -> None:
    path = content_dir / "en" / "flu.yml"
    _break(path, "topic: flu_vaccine_safety", "topic: flu_vaccine_timing")
    with pytest.raises(ContentFileError, match="appears twice"):
        read_answer_file(path, load_catalogue(content_dir))


def test_file_in_a_wrong_encoding(content_dir: Path) -> None:
    path = content_dir / "es" / "flu.yml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    with pytest.raises(ContentFileError, match="is not UTF-8"):
        read_answer_file(path, load_catalogue(content_dir))


def test_empty_file(content_dir: Path) -> None:
    path = content_dir / "en" / "flu.yml"
    path.write_text("", encoding="utf-8")
    with pytest.raises(ContentFileError, match="must be a mapping"):
        read_answer_file(path, load_catalogue(content_dir))
