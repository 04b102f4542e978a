"""Recording what patrons asked that the bot could not answer, anonymised, for staff to act on."""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy.exc import SQLAlchemyError

from bot import settings
from bot.content.database import DatabaseUnavailable, session_scope
from bot.content.store import record_unanswered
from bot.conversation import Turn
from bot.privacy import hash_sender, privacy_key, redact

log = logging.getLogger(__name__)

# Longer messages are cut: staff need the question, not a pasted document.
MAX_STORED_CHARS = 1000


NLU_FALLBACK_INTENT = "nlu_fallback"


def _write(turn: Turn, reason: str) -> None:
    config = settings.current()
    intent, confidence = turn.best_guess(ignore=NLU_FALLBACK_INTENT)
    with session_scope(config.database_url) as session:
        record_unanswered(
            session,
            language=turn.language,
            channel=turn.channel or "unknown",
            sender_hash=hash_sender(turn.sender_id, privacy_key(config)),
            text=redact(turn.text)[:MAX_STORED_CHARS],
            reason=reason,
            intent=intent,
            confidence=confidence,
        )


async def record(turn: Turn, reason: str) -> bool:
    """Store the turn's question for staff; a database failure is logged, never shown to the patron."""
    try:
        await asyncio.to_thread(_write, turn, reason)
    except (SQLAlchemyError, DatabaseUnavailable) as error:
        log.error("unanswered.not_recorded reason=%s error=%s", reason, type(error).__name__)
        return False
    return True
