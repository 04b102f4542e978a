"""Queries on the content database, used by the actions (and later the staff console).

Each function takes the caller's session, so a unit of work decides its own transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from bot.content.models import STATUS_PUBLISHED, Answer, UnansweredQuestion


@dataclass(frozen=True)
class PublishedAnswer:
    """What a patron may be shown for a topic: a detached, read-only copy of a published answer."""

    topic: str
    language: str
    title: str
    sms_text: str
    web_text: str
    reviewed_on: dt.date
    sources: tuple[str, ...]


def published_answer(session: Session, topic: str, languages: Sequence[str]) -> PublishedAnswer | None:
    """The published answer for ``topic`` in the first of ``languages`` that has one."""
    if not languages:
        return None
    rows = session.scalars(
        select(Answer)
        .where(
            Answer.topic_id == topic,
            Answer.language.in_(list(languages)),
            Answer.status == STATUS_PUBLISHED,
        )
        .options(selectinload(Answer.sources))
    ).all()
    by_language = {row.language: row for row in rows}
    for language in languages:
        row = by_language.get(language)
        if row is not None:
            return PublishedAnswer(
                topic=row.topic_id,
                language=row.language,
                title=row.title,
                sms_text=row.sms_text,
                web_text=row.web_text,
                reviewed_on=row.reviewed_on,
                sources=tuple(source.url for source in row.sources),
            )
    return None


def record_unanswered(
    session: Session,
    *,
    language: str,
    channel: str,
    sender_hash: str,
    text: str,
    reason: str,
    intent: str | None,
    confidence: float | None,
) -> None:
    """Keep a question the bot could not answer; ``text`` and ``sender_hash`` must already be anonymised."""
    session.add(
        UnansweredQuestion(
            language=language,
            channel=channel,
            sender_hash=sender_hash,
            text=text,
            reason=reason,
            intent=intent,
            confidence=confidence,
        )
    )


def count_unanswered(session: Session) -> int:
    """How many unanswered questions are waiting for staff."""
    return session.scalar(select(func.count(UnansweredQuestion.id))) or 0
