"""The honest fallback: say the bot cannot answer, offer topics and a person, and tell staff."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from bot.conversation import Turn
from bot.unanswered import NLU_FALLBACK_INTENT, record


class ActionFallback(Action):
    """Reply to an out-of-scope or unclear message and record it (anonymised) for staff."""

    def name(self) -> str:
        """The action name the rules use."""
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Record the question, then offer what the bot can do and how to reach a person."""
        turn = Turn.from_sdk_tracker(tracker)
        reason = "low_confidence" if turn.intent == NLU_FALLBACK_INTENT else "out_of_scope"
        await record(turn, reason=reason)
        dispatcher.utter_message(response="utter_fallback")
        return []
