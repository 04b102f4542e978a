"""What the current turn means for a reply: the patron's language, the channel's profile, the question.

Built from plain values, so both of Rasa's tracker kinds adapt to it: the Rasa server's
``DialogueStateTracker`` (the NLG) and rasa_sdk's ``Tracker`` (custom actions).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot import settings
from bot.i18n.catalogs import Messages, catalogs
from bot.i18n.conversation import LANGUAGE_SLOT, conversation_language
from bot.render.profiles import Profile, profile_for_channel


@dataclass(frozen=True)
class Turn:
    """The patron's language, the channel's profile and the latest message's understanding."""

    sender_id: str
    channel: str
    language: str
    profile: Profile
    messages: Messages
    text: str
    intent: str | None
    confidence: float | None
    ranking: tuple[tuple[str, float], ...]

    @classmethod
    def build(
        cls, sender_id: str, channel: str | None, language_slot: Any, parse_data: Mapping[str, Any] | None
    ) -> Turn:
        """Decide the turn's language and profile from the tracker's facts."""
        config = settings.current()
        loaded = catalogs(config.locales_dir)
        parse_data = parse_data or {}
        language = conversation_language(language_slot, parse_data, loaded.languages, config.default_language)
        intent = parse_data.get("intent") or {}
        return cls(
            sender_id=sender_id,
            channel=channel or "",
            language=language,
            profile=profile_for_channel(channel),
            messages=Messages(language, loaded),
            text=parse_data.get("text") or "",
            intent=intent.get("name"),
            confidence=intent.get("confidence"),
            ranking=tuple(
                (entry.get("name"), float(entry.get("confidence") or 0.0))
                for entry in parse_data.get("intent_ranking") or []
            ),
        )

    @classmethod
    def from_sdk_tracker(cls, tracker: Any) -> Turn:
        """A custom action's ``rasa_sdk.Tracker``."""
        return cls.build(
            tracker.sender_id,
            tracker.get_latest_input_channel(),
            tracker.get_slot(LANGUAGE_SLOT),
            tracker.latest_message,
        )

    @classmethod
    def from_rasa_tracker(cls, tracker: Any, output_channel: str) -> Turn:
        """The Rasa server's ``DialogueStateTracker``, as the NLG sees it."""
        latest = tracker.latest_message
        return cls.build(
            tracker.sender_id,
            tracker.get_latest_input_channel() or output_channel,
            tracker.get_slot(LANGUAGE_SLOT),
            latest.parse_data if latest is not None else None,
        )

    def best_guess(self, ignore: str) -> tuple[str | None, float | None]:
        """The most likely intent other than ``ignore`` (the real guess behind an ``nlu_fallback``)."""
        for name, confidence in self.ranking:
            if name != ignore:
                return name, confidence
        return None, None
