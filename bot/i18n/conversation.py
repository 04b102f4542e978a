"""Which language to answer a conversation in, decided the same way by the NLG and by the actions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LANGUAGE_SLOT = "language"


def conversation_language(
    slot_value: Any, parse_data: Mapping[str, Any] | None, supported: tuple[str, ...], default: str
) -> str:
    """The conversation's language: the slot once settled, else this message's best guess, else default.

    The ``language`` slot is filled from the NLU's ``language`` entity, which is only emitted when a
    message settles the language; before that, the first messages are answered in their best guess.

    >>> conversation_language("es", {}, ("en", "es"), "en")
    'es'
    >>> conversation_language(None, {"language_detection": {"language": "es"}}, ("en", "es"), "en")
    'es'
    >>> conversation_language("xx", None, ("en", "es"), "en")
    'en'
    """
    if slot_value in supported:
        return str(slot_value)
    guess = ((parse_data or {}).get("language_detection") or {}).get("language")
    if guess in supported:
        return str(guess)
    return default
