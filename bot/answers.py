"""Answering a content question with the published, curated answer for its topic.

Runs in the Rasa server, through the NLG (``bot.nlg``): Rasa 3.6 has no in-process custom actions, and
its action client (a new HTTP session per call, the whole tracker and domain serialised, a JSON-schema
check of every response) was measured at 44% of the Rasa server's time per message (bench/).
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy.exc import SQLAlchemyError

from bot.content.database import DatabaseUnavailable, session_scope
from bot.content.store import PublishedAnswer, published_answer
from bot.conversation import Turn
from bot.i18n.languages import with_fallback
from bot.render.reply import Library, render_answer, render_message
from bot.unanswered import record

log = logging.getLogger(__name__)


def _lookup(database_url: str, topic: str, language: str) -> PublishedAnswer | None:
    with session_scope(database_url) as session:
        return published_answer(session, topic, with_fallback(language))


async def answer(turn: Turn, database_url: str, library: Library) -> str:
    """The reply to the turn's content question, in the patron's language, shaped for the channel.

    A topic with no published answer gets an honest "no checked answer yet" and is recorded for staff;
    a database that is down gets a "try again later", never an error.
    """
    if not turn.intent:
        return render_message(turn.messages, "utter_default", library)
    try:
        found = await asyncio.to_thread(_lookup, database_url, turn.intent, turn.language)
    except (SQLAlchemyError, DatabaseUnavailable) as error:
        log.error("answers.database_unavailable topic=%s error=%s", turn.intent, type(error).__name__)
        return render_message(turn.messages, "utter_service_unavailable", library)
    if found is None:
        log.warning("answers.no_published_answer topic=%s language=%s", turn.intent, turn.language)
        await record(turn, reason="no_answer")
        return render_message(turn.messages, "utter_no_answer_yet", library)
    return render_answer(turn.messages, found, turn.profile)
