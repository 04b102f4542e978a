import shutil
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from bot.content.database import session_scope
from bot.content.importer import export_seed, import_seed
from bot.content.models import Answer, AnswerSource, Topic
from bot.content.seed import ContentFileError, read_answers


def _import(url: str, content_dir: Path, force: bool = False):  # type: ignore[no-untyped-def]
    with session_scope(url) as session:
        return import_seed(session, content_dir, force=force)


def _counts(url: str) -> tuple[int, int, int]:
    with session_scope(url) as session:
        return (
            session.scalar(select(func.count(Topic.id))),
            session.scalar(select(func.count(Answer.id))),
            session.scalar(select(func.count(AnswerSource.id))),
        )


def test_first_import_creates_everything(database_url: str, content_dir: Path) -> None:
    report = _import(database_url, content_dir)
    assert sorted(report.created) == [
        "flu_vaccine_safety/en",
        "flu_vaccine_safety/es",
        "flu_vaccine_timing/en",
        "flu_vaccine_timing/es",
    ]
    assert report.changed
    assert _counts(database_url) == (3, 4, 5)


def test_reimport_is_idempotent(database_url: str, content_dir: Path) -> None:
    _import(database_url, content_dir)
    report = _import(database_url, content_dir)
    assert not report.changed
    assert len(report.unchanged) == 4
    assert _counts(database_url) == (3, 4, 5)


def test_changed_seed_updates_in_place(database_url: str, content_dir: Path) -> None:
    _import(database_url, content_dir)
    path = content_dir / "en" / "flu.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("Test web text about flu shot safety.", "Revised web text.")
    text = text.replace("      - https://www.cdc.gov/flu/vaccines/index.html\n", "")
    path.write_text(text, encoding="utf-8")
    report = _import(database_url, content_dir)
    assert report.updated == ["flu_vaccine_safety/en"]
    with session_scope(database_url) as session:
        row = session.scalars(
            select(Answer).where(Answer.topic_id == "flu_vaccine_safety", Answer.language == "en")
        ).one()
        assert row.web_text == "Revised web text."
        assert [s.url for s in row.sources] == ["https://www.cdc.gov/flu/vaccine-safety/index.html"]
    assert _counts(database_url) == (3, 4, 4)


def test_staff_edits_are_kept_unless_forced(database_url: str, content_dir: Path) -> None:
    _import(database_url, content_dir)
    with session_scope(database_url) as session:
        row = session.scalars(
            select(Answer).where(Answer.topic_id == "flu_vaccine_timing", Answer.language == "en")
        ).one()
        row.web_text = "Edited by a librarian."
    report = _import(database_url, content_dir)
    assert report.kept_edited == ["flu_vaccine_timing/en"]
    report = _import(database_url, content_dir, force=True)
    assert report.updated == ["flu_vaccine_timing/en"]


def test_a_broken_file_changes_nothing(database_url: str, content_dir: Path) -> None:
    _import(database_url, content_dir)
    (content_dir / "es" / "flu.yml").write_text("language: es\ngroup: flu\nanswers: [}", encoding="utf-8")
    with pytest.raises(ContentFileError):
        _import(database_url, content_dir)
    assert _counts(database_url) == (3, 4, 5)


def test_export_round_trips(database_url: str, content_dir: Path, tmp_path: Path) -> None:
    _import(database_url, content_dir)
    out = tmp_path / "exported"
    out.mkdir()
    shutil.copy(content_dir / "topics.yml", out / "topics.yml")
    with session_scope(database_url) as session:
        written = export_seed(session, out)
    assert sorted(p.relative_to(out).as_posix() for p in written) == ["en/flu.yml", "es/flu.yml"]
    assert read_answers(out)[1] == read_answers(content_dir)[1]
    exported = yaml.safe_load((out / "en" / "flu.yml").read_text(encoding="utf-8"))
    assert [a["topic"] for a in exported["answers"]] == ["flu_vaccine_timing", "flu_vaccine_safety"]
