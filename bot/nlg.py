"""Rasa's NLG seam: every ``utter_*`` response is rendered in-process from the gettext catalogs.

Wire it in ``endpoints.yml`` as ``nlg: {type: bot.nlg.CatalogNaturalLanguageGenerator}``. The domain keeps
each response id (``rasa data validate`` wants them) with the id itself as its only text; the words live
in ``locales/``. Rendering in the Rasa process costs no HTTP round trip, unlike Rasa's callback NLG.
"""

from __future__ import annotations

from typing import Any

from rasa.core.nlg.generator import NaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot import settings
from bot.i18n.catalogs import Messages, catalogs
from bot.i18n.conversation import LANGUAGE_SLOT, conversation_language
from bot.render.reply import Library, render_message


class CatalogNaturalLanguageGenerator(NaturalLanguageGenerator):
    """Renders responses from the catalogs in the conversation's language."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, domain: Domain | None = None) -> None:
        config = settings.load()
        self._default_language = config.default_language
        self._library = Library(config.library_name, config.library_phone, config.library_url)
        self._catalogs = catalogs(config.locales_dir)

    async def generate(
        self,
        utter_action: str,
        tracker: DialogueStateTracker,
        output_channel: str,
        **kwargs: Any,
    ) -> dict[str, Any] | None:
        """The response ``utter_action`` as one bot message in the conversation's language."""
        language = conversation_language(
            tracker.get_slot(LANGUAGE_SLOT),
            tracker.latest_message.parse_data if tracker.latest_message else None,
            self._catalogs.languages,
            self._default_language,
        )
        values = {k: v for k, v in kwargs.items() if isinstance(v, (str, int, float))}
        text = render_message(Messages(language, self._catalogs), utter_action, self._library, **values)
        return {"text": text}
