"""Reading the version-controlled content files (``data/content``) into plain records.

Staff edit these files by hand, so every problem is reported with its file and line, and parsing is strict:
an unknown key or a wrong type is an error, never silently ignored. This module only reads and validates
structure; editorial rules (SMS budget, word counts) live in :mod:`bot.content.checks`, and the database
side in :mod:`bot.content.importer`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

STATUSES = ("draft", "published")
TITLE_MAX_CHARS = 40
ANSWER_KEYS = {"topic", "title", "status", "reviewed", "sources", "sms", "web"}
FILE_KEYS = {"language", "group", "answers"}
CATALOGUE_FILE = "topics.yml"
CONVERSATION_GROUP = "conversation"


class ContentFileError(ValueError):
    """A content file that cannot be read, with the place to fix it."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class TopicSeed:
    """A topic of the catalogue: its stable id (the intent name), group and staff-facing scope."""

    id: str
    group: str
    scope: str

    @property
    def has_answers(self) -> bool:
        """Conversation intents are answered with UI text, not with curated answers."""
        return self.group != CONVERSATION_GROUP


@dataclass(frozen=True)
class AnswerSeed:
    """One curated answer as written in a content file."""

    topic: str
    language: str
    title: str
    status: str
    reviewed: dt.date
    sources: tuple[str, ...]
    sms: str
    web: str
    path: Path = field(compare=False)
    line: int = field(compare=False)


def _node_line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _load_yaml(path: Path) -> tuple[object, yaml.Node | None]:
    """Parse ``path`` into Python data plus its node tree (for line numbers)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ContentFileError(path, None, f"is not UTF-8 text ({error.reason})") from error
    except OSError as error:
        raise ContentFileError(path, None, f"cannot be read ({error.strerror})") from error
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise ContentFileError(path, line, f"is not valid YAML: {error.problem}") from error
    return data, node


def _mapping_value_nodes(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def load_catalogue(content_dir: Path) -> dict[str, TopicSeed]:
    """Read ``topics.yml``: every topic id, in catalogue order."""
    path = content_dir / CATALOGUE_FILE
    data, _ = _load_yaml(path)
    groups = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(groups, dict) or not groups:
        raise ContentFileError(path, 1, "must have a 'groups' mapping of group -> {topic id: scope}")
    topics: dict[str, TopicSeed] = {}
    for group, members in groups.items():
        if not isinstance(members, dict) or not members:
            raise ContentFileError(path, None, f"group {group!r} must map topic ids to their scope")
        for topic_id, scope in members.items():
            if topic_id in topics:
                raise ContentFileError(path, None, f"topic {topic_id!r} is listed twice")
            topics[topic_id] = TopicSeed(id=topic_id, group=group, scope=str(scope))
    return topics


def _require_text(path: Path, line: int, key: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ContentFileError(path, line, f"'{key}' must be non-empty text")
    return value.strip()


def _parse_date(path: Path, line: int, value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ContentFileError(path, line, f"'reviewed' must be a date like 2024-09-10, not {value!r}")


def _parse_sources(path: Path, line: int, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise ContentFileError(path, line, "'sources' must be a list of at least one cdc.gov URL")
    urls = []
    for url in value:
        parts = urlsplit(url) if isinstance(url, str) else None
        host = (parts.hostname or "") if parts else ""
        if not parts or parts.scheme != "https" or not (host == "cdc.gov" or host.endswith(".cdc.gov")):
            raise ContentFileError(path, line, f"source {url!r} is not an https cdc.gov URL")
        urls.append(url)
    return tuple(urls)


def _parse_answer(
    path: Path,
    language: str,
    group: str,
    raw: object,
    node: yaml.Node,
    catalogue: dict[str, TopicSeed],
) -> AnswerSeed:
    line = _node_line(node)
    if not isinstance(raw, dict):
        raise ContentFileError(path, line, "each answer must be a mapping")
    lines = {key: _node_line(value) for key, value in _mapping_value_nodes(node).items()}
    unknown = set(raw) - ANSWER_KEYS
    if unknown:
        raise ContentFileError(path, line, f"unknown key(s) {sorted(unknown)}")
    missing = ANSWER_KEYS - set(raw)
    if missing:
        raise ContentFileError(path, line, f"missing key(s) {sorted(missing)}")
    topic = raw["topic"]
    if topic not in catalogue:
        raise ContentFileError(path, lines["topic"], f"topic {topic!r} is not in {CATALOGUE_FILE}")
    if catalogue[topic].group != group:
        raise ContentFileError(
            path, lines["topic"], f"topic {topic!r} belongs to group {catalogue[topic].group!r}"
        )
    title = _require_text(path, lines["title"], "title", raw["title"])
    if len(title) > TITLE_MAX_CHARS:
        raise ContentFileError(path, lines["title"], f"title is over {TITLE_MAX_CHARS} characters")
    if raw["status"] not in STATUSES:
        raise ContentFileError(path, lines["status"], f"'status' must be one of {list(STATUSES)}")
    return AnswerSeed(
        topic=topic,
        language=language,
        title=title,
        status=raw["status"],
        reviewed=_parse_date(path, lines["reviewed"], raw["reviewed"]),
        sources=_parse_sources(path, lines["sources"], raw["sources"]),
        sms=_require_text(path, lines["sms"], "sms", raw["sms"]),
        web=_require_text(path, lines["web"], "web", raw["web"]),
        path=path,
        line=line,
    )


def read_answer_file(path: Path, catalogue: dict[str, TopicSeed]) -> list[AnswerSeed]:
    """Read one ``<language>/<group>.yml`` file; the language is the folder it sits in."""
    data, node = _load_yaml(path)
    if not isinstance(data, dict):
        raise ContentFileError(path, 1, "must be a mapping with 'language', 'group' and 'answers'")
    unknown = set(data) - FILE_KEYS
    if unknown:
        raise ContentFileError(path, 1, f"unknown top-level key(s) {sorted(unknown)}")
    language = data.get("language")
    if language != path.parent.name:
        raise ContentFileError(
            path, 1, f"'language' is {language!r} but the file is in folder {path.parent.name!r}"
        )
    group = data.get("group")
    if group != path.stem:
        raise ContentFileError(path, 1, f"'group' is {group!r} but the file is named {path.name!r}")
    answers = data.get("answers")
    answer_nodes = _mapping_value_nodes(node).get("answers")
    if not isinstance(answers, list) or not isinstance(answer_nodes, yaml.SequenceNode):
        raise ContentFileError(path, 1, "'answers' must be a list")
    seeds: list[AnswerSeed] = []
    seen: set[str] = set()
    for raw, item_node in zip(answers, answer_nodes.value, strict=True):
        seed = _parse_answer(path, language, group, raw, item_node, catalogue)
        if seed.topic in seen:
            raise ContentFileError(path, seed.line, f"topic {seed.topic!r} appears twice")
        seen.add(seed.topic)
        seeds.append(seed)
    return seeds


def answer_files(content_dir: Path) -> Iterator[Path]:
    """Every answer file under ``content_dir``, in a stable order."""
    yield from sorted(p for p in content_dir.glob("*/*.yml") if p.is_file())


def read_answers(content_dir: Path) -> tuple[dict[str, TopicSeed], list[AnswerSeed]]:
    """Read the catalogue and every answer file under ``content_dir``."""
    catalogue = load_catalogue(content_dir)
    answers: list[AnswerSeed] = []
    for path in answer_files(content_dir):
        answers.extend(read_answer_file(path, catalogue))
    return catalogue, answers
