"""Rasa's NLG seam: every response is rendered in-process, from the catalogs or the content database.

Wire it in ``endpoints.yml`` as ``nlg: {type: bot.nlg.CatalogNaturalLanguageGenerator}``. The domain keeps
each response id (``rasa data validate`` wants them) with the id itself as its only text. ``utter_answer``
is the curated answer to the turn's topic (``bot.answers``); every other ``utter_*`` is catalog text from
``locales/``. Rendering here costs no HTTP round trip, unlike Rasa's callback NLG or a custom action.
"""

from __future__ import annotations

from typing import Any

from rasa.core.nlg.generator import NaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot import settings
from bot.answers import answer
from bot.conversation import Turn
from bot.render.reply import ANSWER_RESPONSE, Library, render_message


class CatalogNaturalLanguageGenerator(NaturalLanguageGenerator):
    """Renders responses in the conversation's language, shaped for the channel."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, domain: Domain | None = None) -> None:
        config = settings.current()
        self._database_url = config.database_url
        self._library = Library(config.library_name, config.library_phone, config.library_url)

    async def generate(
        self,
        utter_action: str,
        tracker: DialogueStateTracker,
        output_channel: str,
        **kwargs: Any,
    ) -> dict[str, Any] | None:
        """The response ``utter_action`` as one bot message."""
        turn = Turn.from_rasa_tracker(tracker, output_channel)
        if utter_action == ANSWER_RESPONSE:
            return {"text": await answer(turn, self._database_url, self._library)}
        values = {k: v for k, v in kwargs.items() if isinstance(v, (str, int, float))}
        return {"text": render_message(turn.messages, utter_action, self._library, **values)}
