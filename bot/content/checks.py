"""Editorial checks on the seed content and NLU data, run by the test suite and ``vaxbot content check``.

Structure is checked while reading (:mod:`bot.content.seed`); these are the rules that make an answer fit
for patrons: the SMS budget, the length of the web text, no placeholder text, a plausible review date, and
every content topic answered in every language with enough training and held-out questions.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.content.seed import AnswerSeed, ContentFileError, TopicSeed, read_answers
from bot.render.segments import count_segments, is_gsm7

SMS_MAX_SEGMENTS = 3
WEB_WORDS = (60, 150)
MIN_TRAINING_EXAMPLES = 15
MIN_HELD_OUT_EXAMPLES = 5
EARLIEST_REVIEW = dt.date(2012, 1, 1)
# Upper case only: "todo" is Spanish for "all".
_PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX)\b|(?i:lorem ipsum)|\[[^\]]*\]|\{[^}]*\}")


@dataclass(frozen=True)
class Problem:
    """One thing to fix, with where to fix it."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def check_answer(seed: AnswerSeed, today: dt.date | None = None) -> list[Problem]:
    """The editorial rules for one answer (see docs/content-guide.md)."""
    where = f"{seed.path}:{seed.line} ({seed.topic}, {seed.language})"
    problems: list[Problem] = []
    sms = count_segments(seed.sms)
    if sms.segments > SMS_MAX_SEGMENTS:
        hint = ""
        if seed.language == "en" and not is_gsm7(seed.sms):
            odd = sorted({ch for ch in seed.sms if not is_gsm7(ch)})
            hint = f"; characters {odd!r} force UCS-2"
        problems.append(
            Problem(
                where,
                f"SMS text needs {sms.segments} segments in {sms.encoding} "
                f"({sms.units} units; the budget is {SMS_MAX_SEGMENTS}){hint}",
            )
        )
    words = len(seed.web.split())
    if not WEB_WORDS[0] <= words <= WEB_WORDS[1]:
        problems.append(Problem(where, f"web text has {words} words; write {WEB_WORDS[0]}-{WEB_WORDS[1]}"))
    for name, text in (("title", seed.title), ("sms", seed.sms), ("web", seed.web)):
        match = _PLACEHOLDER.search(text)
        if match:
            problems.append(Problem(where, f"{name} contains placeholder text {match.group(0)!r}"))
    today = today or dt.date.today()
    if not EARLIEST_REVIEW <= seed.reviewed <= today:
        problems.append(Problem(where, f"reviewed date {seed.reviewed} is not between 2012 and today"))
    return problems


def read_nlu_examples(nlu_dir: Path) -> dict[str, dict[str, list[str]]]:
    """Map language -> intent -> examples for every ``<language>/*.yml`` Rasa NLU file under ``nlu_dir``."""
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted(nlu_dir.glob("*/*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in data.get("nlu", []):
            if "intent" not in block:
                continue
            examples = [
                line.strip()[2:].strip()
                for line in str(block.get("examples", "")).splitlines()
                if line.strip().startswith("- ")
            ]
            found[path.parent.name][block["intent"]].extend(examples)
    return found


def _normalise(example: str) -> str:
    return " ".join(example.casefold().split())


def check_nlu(
    catalogue: dict[str, TopicSeed],
    training: dict[str, dict[str, list[str]]],
    held_out: dict[str, dict[str, list[str]]],
    languages: list[str],
) -> list[Problem]:
    """Every intent has enough training and held-out examples per language, and the two never overlap."""
    problems: list[Problem] = []
    for language in languages:
        train = training.get(language, {})
        test = held_out.get(language, {})
        for intent in sorted(set(train) | set(test)):
            if intent not in catalogue and intent != "nlu_fallback":
                problems.append(Problem(f"nlu/{language}", f"intent {intent!r} is not in topics.yml"))
        for topic in catalogue:
            n_train, n_test = len(train.get(topic, [])), len(test.get(topic, []))
            if n_train < MIN_TRAINING_EXAMPLES:
                problems.append(
                    Problem(
                        f"data/nlu/{language}",
                        f"{topic}: {n_train} training examples, need {MIN_TRAINING_EXAMPLES}",
                    )
                )
            if n_test < MIN_HELD_OUT_EXAMPLES:
                problems.append(
                    Problem(
                        f"tests/nlu/{language}",
                        f"{topic}: {n_test} held-out examples, need {MIN_HELD_OUT_EXAMPLES}",
                    )
                )
        seen = {_normalise(e) for examples in train.values() for e in examples}
        for intent, examples in test.items():
            for example in examples:
                if _normalise(example) in seen:
                    problems.append(
                        Problem(
                            f"tests/nlu/{language}",
                            f"{intent}: {example!r} is also a training example",
                        )
                    )
        counts = Counter(_normalise(e) for examples in train.values() for e in examples)
        for example, n in counts.items():
            if n > 1:
                problems.append(Problem(f"data/nlu/{language}", f"{example!r} appears {n} times"))
    return problems


def check_coverage(
    catalogue: dict[str, TopicSeed], answers: list[AnswerSeed], languages: list[str]
) -> list[Problem]:
    """Every content topic has an answer in every language, and nothing else does."""
    have = {(a.topic, a.language) for a in answers}
    problems = [
        Problem(f"data/content/{language}", f"{topic.id}: no answer")
        for language in languages
        for topic in catalogue.values()
        if topic.has_answers and (topic.id, language) not in have
    ]
    problems.extend(
        Problem(f"{a.path}:{a.line}", f"{a.topic} is a conversation intent and takes no answer")
        for a in answers
        if not catalogue[a.topic].has_answers
    )
    return problems


def check_all(root: Path, languages: list[str], complete: bool = True) -> list[Problem]:
    """Run every check on the repository at ``root``; ``complete`` also demands full coverage."""
    try:
        catalogue, answers = read_answers(root / "data" / "content")
    except ContentFileError as error:
        return [Problem(str(error.path) + (f":{error.line}" if error.line else ""), error.message)]
    problems = [p for seed in answers for p in check_answer(seed)]
    if complete:
        problems += check_coverage(catalogue, answers, languages)
        problems += check_nlu(
            catalogue,
            read_nlu_examples(root / "data" / "nlu"),
            read_nlu_examples(root / "tests" / "nlu"),
            languages,
        )
    return problems


def main(argv: list[str] | None = None) -> int:
    """Print every problem in the content under the current directory; exit 1 if there are any."""
    args = sys.argv[1:] if argv is None else argv
    complete = "--partial" not in args
    languages = [a for a in args if not a.startswith("-")] or ["en", "es"]
    problems = check_all(Path.cwd(), languages, complete=complete)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
