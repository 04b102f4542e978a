"""The content schema: topics, their curated answers per language, sources, and unanswered questions.

The schema changes only through Alembic migrations (``bot/content/migrations``); nothing here creates
tables. Timestamps are naive UTC.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

STATUS_DRAFT = "draft"
STATUS_PUBLISHED = "published"


def utcnow() -> dt.datetime:
    """Naive UTC now, the one clock every timestamp column uses."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Topic(Base):
    """A question patrons ask; its id is the Rasa intent name and never changes."""

    __tablename__ = "topics"

    id = Column(String(64), primary_key=True)
    group = Column(String(64), nullable=False)
    scope = Column(Text, nullable=False, default="")
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)

    answers = relationship("Answer", back_populates="topic", cascade="all, delete-orphan")


class Answer(Base):
    """The curated answer to one topic in one language, with an SMS and a web version."""

    __tablename__ = "answers"
    __table_args__ = (
        UniqueConstraint("topic_id", "language", name="uq_answers_topic_language"),
        CheckConstraint("status IN ('draft', 'published')", name="ck_answers_status"),
    )

    id = Column(Integer, primary_key=True)
    topic_id = Column(String(64), ForeignKey("topics.id", ondelete="CASCADE"), nullable=False)
    language = Column(String(16), nullable=False)
    title = Column(String(80), nullable=False)
    sms_text = Column(Text, nullable=False)
    web_text = Column(Text, nullable=False)
    reviewed_on = Column(Date, nullable=False)
    status = Column(String(16), nullable=False, default=STATUS_DRAFT)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)
    # When the seed importer last wrote this row; an update after it means staff edited the row.
    imported_at = Column(DateTime, nullable=True)

    topic = relationship("Topic", back_populates="answers")
    sources = relationship(
        "AnswerSource",
        back_populates="answer",
        cascade="all, delete-orphan",
        order_by="AnswerSource.position",
    )


class AnswerSource(Base):
    """A CDC page an answer is based on, in the order the answer cites them."""

    __tablename__ = "answer_sources"
    __table_args__ = (UniqueConstraint("answer_id", "position", name="uq_answer_sources_position"),)

    id = Column(Integer, primary_key=True)
    answer_id = Column(Integer, ForeignKey("answers.id", ondelete="CASCADE"), nullable=False)
    position = Column(Integer, nullable=False)
    url = Column(Text, nullable=False)

    answer = relationship("Answer", back_populates="sources")


class UnansweredQuestion(Base):
    """A question the bot could not answer, kept (anonymised) so staff can write new content."""

    __tablename__ = "unanswered_questions"

    id = Column(Integer, primary_key=True)
    asked_at = Column(DateTime, nullable=False, default=utcnow, index=True)
    language = Column(String(16), nullable=False)
    channel = Column(String(32), nullable=False)
    sender_hash = Column(String(64), nullable=False)
    text = Column(Text, nullable=False)
    reason = Column(String(32), nullable=False)
    intent = Column(String(64), nullable=True)
    confidence = Column(Float, nullable=True)
