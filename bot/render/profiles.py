"""The shape each kind of channel needs. The only place that maps channel names to a shape.

A profile says which answer text to use and how to lay a reply out; actions and channels never branch on a
channel name themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.i18n.catalogs import N_


@dataclass(frozen=True)
class Profile:
    """How replies are shaped for one kind of channel."""

    name: str
    answer_text: Literal["sms", "web"]
    date_width: Literal["medium", "long"]
    source_message: str


SMS = Profile(
    name="sms",
    answer_text="sms",
    date_width="medium",
    source_message=N_("answer.source.sms"),
)
WEB = Profile(
    name="web",
    answer_text="web",
    date_width="long",
    source_message=N_("answer.source.web"),
)

# Rasa input channel name -> profile. Channels not listed (rest, socketio, the web chat) read as web.
_BY_CHANNEL = {"twilio": SMS, "sms": SMS}


def profile_for_channel(channel: str | None) -> Profile:
    """The profile for a Rasa input channel name (``tracker.get_latest_input_channel()``)."""
    return _BY_CHANNEL.get(channel or "", WEB)
