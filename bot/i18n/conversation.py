"""Which language to answer a conversation in, decided the same way by the NLG and by the actions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LANGUAGE_SLOT = "language"


def conversation_language(
    slot_value: Any, parse_data: Mapping[str, Any] | None, supported: tuple[str, ...], default: str
) -> str:
    """The conversation's language: the slot once settled, else a reliable guess, else the default.

    The ``language`` slot is filled from the NLU's ``language`` entity, which is only emitted when a
    message settles the language; before that, a short first message ("gracias") is answered in its
    language when the detector finds it reliable, and in the default language when not ("hello").

    >>> conversation_language("es", {}, ("en", "es"), "en")
    'es'
    >>> sure = {"language_detection": {"language": "es", "reliable": True}}
    >>> conversation_language(None, sure, ("en", "es"), "en")
    'es'
    >>> unsure = {"language_detection": {"language": "es", "reliable": False}}
    >>> conversation_language(None, unsure, ("en", "es"), "en")
    'en'
    >>> conversation_language("xx", None, ("en", "es"), "en")
    'en'
    """
    if slot_value in supported:
        return str(slot_value)
    detection = (parse_data or {}).get("language_detection") or {}
    if detection.get("reliable") and detection.get("language") in supported:
        return str(detection["language"])
    return default
