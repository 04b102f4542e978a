"""Answering a content question with the published, curated answer for its topic."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from bot import settings
from bot.content.database import DatabaseUnavailable, session_scope
from bot.content.store import PublishedAnswer, published_answer
from bot.conversation import Turn
from bot.i18n.conversation import LANGUAGE_SLOT
from bot.i18n.languages import BASE_LANGUAGE
from bot.render.reply import render_answer
from bot.unanswered import record

log = logging.getLogger(__name__)


def _lookup(database_url: str, topic: str, language: str) -> PublishedAnswer | None:
    languages = [language] if language == BASE_LANGUAGE else [language, BASE_LANGUAGE]
    with session_scope(database_url) as session:
        return published_answer(session, topic, languages)


class ActionAnswerTopic(Action):
    """Reply with the published answer for the intent's topic, in the patron's language."""

    def name(self) -> str:
        """The action name the rules use."""
        return "action_answer_topic"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Look the answer up, render it for the channel, and remember the language it was asked in."""
        turn = Turn.from_tracker(tracker)
        config = settings.current()
        events: list[EventType] = []
        if not turn.language_settled:
            events.append(SlotSet(LANGUAGE_SLOT, turn.language))
        if not turn.intent:
            dispatcher.utter_message(response="utter_fallback")
            return events
        try:
            answer = await asyncio.to_thread(_lookup, config.database_url, turn.intent, turn.language)
        except (SQLAlchemyError, DatabaseUnavailable) as error:
            log.error("answers.database_unavailable topic=%s error=%s", turn.intent, type(error).__name__)
            dispatcher.utter_message(response="utter_service_unavailable")
            return events
        if answer is None:
            log.warning("answers.no_published_answer topic=%s language=%s", turn.intent, turn.language)
            await record(turn, reason="no_answer")
            dispatcher.utter_message(response="utter_no_answer_yet")
            return events
        for text in render_answer(turn.messages, answer, turn.profile):
            dispatcher.utter_message(text=text)
        return events
