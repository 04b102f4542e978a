"""Tracker snapshots (tests/data/trackers/*.json) as either kind of tracker the code receives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_sdk import Tracker

from bot.settings import PROJECT_ROOT

TRACKERS = Path(__file__).parent / "data" / "trackers"


def snapshot(name: str) -> dict[str, Any]:
    return json.loads((TRACKERS / name).read_text(encoding="utf-8"))


def sdk_tracker(name: str) -> Tracker:
    """As a custom action receives it."""
    return Tracker.from_dict(snapshot(name))


def rasa_tracker(name: str) -> DialogueStateTracker:
    """As the Rasa server (and so the NLG) holds it."""
    state = snapshot(name)
    domain = Domain.load(str(PROJECT_ROOT / "domain"))
    return DialogueStateTracker.from_dict(state["sender_id"], state["events"], domain.slots)
