"""Seed content (YAML under ``data/content``) into the database and back out again.

Import is idempotent: an answer is matched by (topic, language) and updated in place; nothing is ever
duplicated. An answer that staff edited in the database after its last import is kept, not overwritten,
unless the import is forced, so a restart that re-imports the seed never loses an editor's work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.content.models import Answer, AnswerSource, Topic, utcnow
from bot.content.seed import AnswerSeed, TopicSeed, read_answers


@dataclass
class ImportReport:
    """What an import did, answer by answer, as ``topic/language`` keys."""

    topics_created: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_edited: list[str] = field(default_factory=list)
    only_in_database: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the import wrote anything."""
        return bool(self.topics_created or self.created or self.updated)

    def summary(self) -> str:
        """One line for the terminal."""
        parts = [
            f"{len(self.created)} created",
            f"{len(self.updated)} updated",
            f"{len(self.unchanged)} unchanged",
        ]
        if self.kept_edited:
            parts.append(f"{len(self.kept_edited)} kept (edited in the database since the last import)")
        if self.only_in_database:
            parts.append(f"{len(self.only_in_database)} only in the database")
        return ", ".join(parts)


def _seed_values(seed: AnswerSeed) -> dict[str, object]:
    return {
        "title": seed.title,
        "sms_text": seed.sms,
        "web_text": seed.web,
        "reviewed_on": seed.reviewed,
        "status": seed.status,
    }


def _row_matches(row: Answer, seed: AnswerSeed) -> bool:
    values = _seed_values(seed)
    same_fields = all(getattr(row, name) == value for name, value in values.items())
    return same_fields and tuple(s.url for s in row.sources) == seed.sources


def _was_edited(row: Answer) -> bool:
    return row.imported_at is None or row.updated_at > row.imported_at


def _sync_topics(session: Session, catalogue: dict[str, TopicSeed], report: ImportReport) -> None:
    existing = {topic.id: topic for topic in session.scalars(select(Topic))}
    for seed in catalogue.values():
        topic = existing.get(seed.id)
        if topic is None:
            session.add(Topic(id=seed.id, group=seed.group, scope=seed.scope))
            report.topics_created.append(seed.id)
        elif (topic.group, topic.scope) != (seed.group, seed.scope):
            topic.group, topic.scope = seed.group, seed.scope
    session.flush()


def import_seed(
    session: Session,
    content_dir: Path,
    *,
    force: bool = False,
    progress: Callable[[list[AnswerSeed]], Iterable[AnswerSeed]] = lambda seeds: seeds,
) -> ImportReport:
    """Bring the database in line with the seed files under ``content_dir``.

    Args:
        session: the unit of work; the caller commits.
        content_dir: the folder holding ``topics.yml`` and ``<language>/<group>.yml``.
        force: overwrite answers edited in the database since their last import.
        progress: wraps the answers being imported (a progress bar in the CLI).
    """
    catalogue, seeds = read_answers(content_dir)
    report = ImportReport()
    _sync_topics(session, catalogue, report)
    rows = {
        (row.topic_id, row.language): row
        for row in session.scalars(select(Answer).options(selectinload(Answer.sources)))
    }
    seen: set[tuple[str, str]] = set()
    for seed in progress(seeds):
        key = (seed.topic, seed.language)
        seen.add(key)
        label = f"{seed.topic}/{seed.language}"
        row = rows.get(key)
        now = utcnow()
        if row is None:
            row = Answer(topic_id=seed.topic, language=seed.language, **_seed_values(seed))
            row.sources = [AnswerSource(position=i, url=url) for i, url in enumerate(seed.sources)]
            row.created_at = row.updated_at = row.imported_at = now
            session.add(row)
            report.created.append(label)
            continue
        if _row_matches(row, seed):
            report.unchanged.append(label)
            continue
        if _was_edited(row) and not force:
            report.kept_edited.append(label)
            continue
        for name, value in _seed_values(seed).items():
            setattr(row, name, value)
        if tuple(s.url for s in row.sources) != seed.sources:
            row.sources.clear()
            session.flush()
            row.sources.extend(AnswerSource(position=i, url=url) for i, url in enumerate(seed.sources))
        row.updated_at = row.imported_at = now
        report.updated.append(label)
    report.only_in_database = sorted(f"{t}/{lang}" for (t, lang) in rows if (t, lang) not in seen)
    session.flush()
    return report


class _LiteralText(str):
    """Text that the YAML dumper writes as a folded block, as the seed files are written by hand."""


def _text_representer(dumper: yaml.SafeDumper, value: _LiteralText) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=">")


class _SeedDumper(yaml.SafeDumper):
    pass


_SeedDumper.add_representer(_LiteralText, _text_representer)


def export_seed(session: Session, content_dir: Path, languages: Iterable[str] | None = None) -> list[Path]:
    """Write every answer in the database to ``<language>/<group>.yml`` under ``content_dir``."""
    wanted = set(languages) if languages else None
    answers = session.scalars(
        select(Answer)
        .options(selectinload(Answer.sources), selectinload(Answer.topic))
        .order_by(Answer.language, Answer.topic_id)
    ).all()
    order = {topic_id: i for i, topic_id in enumerate(_catalogue_order(content_dir))}
    files: dict[tuple[str, str], list[Answer]] = {}
    for answer in answers:
        if wanted is None or answer.language in wanted:
            files.setdefault((answer.language, answer.topic.group), []).append(answer)
    written = []
    for (language, group), rows in sorted(files.items()):
        rows.sort(key=lambda row: (order.get(row.topic_id, len(order)), row.topic_id))
        document = {
            "language": language,
            "group": group,
            "answers": [
                {
                    "topic": row.topic_id,
                    "title": row.title,
                    "status": row.status,
                    "reviewed": row.reviewed_on,
                    "sources": [source.url for source in row.sources],
                    "sms": _LiteralText(row.sms_text),
                    "web": _LiteralText(row.web_text),
                }
                for row in rows
            ],
        }
        path = content_dir / language / f"{group}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            yaml.dump(document, Dumper=_SeedDumper, allow_unicode=True, sort_keys=False, width=100),
            encoding="utf-8",
        )
        written.append(path)
    return written


def _catalogue_order(content_dir: Path) -> list[str]:
    path = content_dir / "topics.yml"
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [topic for members in (data.get("groups") or {}).values() for topic in members]
