"""What a custom action needs to know about the current turn, read once from the rasa_sdk tracker."""

from __future__ import annotations

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
    language_settled: bool
    profile: Profile
    messages: Messages
    text: str
    intent: str | None
    confidence: float | None
    ranking: tuple[tuple[str, float], ...]

    def best_guess(self, ignore: str) -> tuple[str | None, float | None]:
        """The most likely intent other than ``ignore`` (the real guess behind an ``nlu_fallback``)."""
        for name, confidence in self.ranking:
            if name != ignore:
                return name, confidence
        return None, None

    @classmethod
    def from_tracker(cls, tracker: Any) -> Turn:
        """Read a ``rasa_sdk.Tracker`` (duck-typed, so tests can pass a snapshot)."""
        config = settings.current()
        loaded = catalogs(config.locales_dir)
        latest = tracker.latest_message or {}
        slot = tracker.get_slot(LANGUAGE_SLOT)
        language = conversation_language(slot, latest, loaded.languages, config.default_language)
        channel = tracker.get_latest_input_channel() or ""
        intent = latest.get("intent") or {}
        return cls(
            sender_id=tracker.sender_id,
            channel=channel,
            language=language,
            language_settled=slot in loaded.languages,
            profile=profile_for_channel(channel),
            messages=Messages(language, loaded),
            text=latest.get("text") or "",
            intent=intent.get("name"),
            confidence=intent.get("confidence"),
            ranking=tuple(
                (entry.get("name"), float(entry.get("confidence") or 0.0))
                for entry in latest.get("intent_ranking") or []
            ),
        )
