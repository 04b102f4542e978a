"""Translated UI text from the gettext catalogs under ``locales/``.

Python names a message by a stable id (``answer.source``) and passes named values; the words, English
included, live in ``locales/<language>/LC_MESSAGES/vaxbot.po`` (monolingual gettext: English is a catalog
like any other). A message missing from a language falls back to English on purpose and is logged, and the
caller learns which language it actually got, so the patron can be told.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path

from babel.support import Translations

from bot.i18n import formatting
from bot.i18n.languages import BASE_LANGUAGE, DOMAIN, catalog_path, supported_languages
from bot.settings import PROJECT_ROOT

log = logging.getLogger(__name__)


def N_(msgid: str) -> str:
    """Mark a message id for extraction where it is chosen by data rather than passed to ``text()``."""
    return msgid


class CatalogError(RuntimeError):
    """A catalog that is missing, stale, or lacks a message even in English."""


@dataclass(frozen=True)
class Localized:
    """Text and the language it is actually in (English when a translation was missing)."""

    text: str
    language: str


class Catalogs:
    """The compiled catalog of every supported language, loaded once per process."""

    def __init__(self, locales_dir: Path) -> None:
        self.languages = supported_languages(locales_dir)
        self._translations = {lang: self._load(locales_dir, lang) for lang in self.languages}

    @staticmethod
    def _load(locales_dir: Path, language: str) -> Translations:
        po = catalog_path(language, locales_dir)
        mo = catalog_path(language, locales_dir, ".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            raise CatalogError(f"{mo} is missing or older than {po.name}: run `vaxbot i18n compile`")
        with mo.open("rb") as handle:
            return Translations(handle, domain=DOMAIN)

    def has(self, language: str, msgid: str) -> bool:
        """Whether ``language``'s catalog translates ``msgid``."""
        translations = self._translations.get(language)
        return translations is not None and translations.gettext(msgid) != msgid

    def text(self, language: str, msgid: str, /, **values: object) -> Localized:
        """The message in ``language``, or in English (logged) when it has no translation."""
        used = language if self.has(language, msgid) else BASE_LANGUAGE
        if used != language:
            log.warning("i18n.missing_translation language=%s msgid=%s", language, msgid)
        if not self.has(used, msgid):
            raise CatalogError(f"message {msgid!r} is not in the {BASE_LANGUAGE} catalog")
        template = self._translations[used].gettext(msgid)
        try:
            return Localized(template.format_map(values), used)
        except (KeyError, IndexError, ValueError) as error:
            raise CatalogError(
                f"message {msgid!r} in {used} needs values it was not given: {error}"
            ) from error


@functools.cache
def catalogs(locales_dir: Path = PROJECT_ROOT / "locales") -> Catalogs:
    """The process-wide catalogs, loaded on first use."""
    return Catalogs(locales_dir)


@dataclass(frozen=True)
class Messages:
    """Text and formatting bound to one conversation's language, like Babel's ``Format``."""

    language: str
    catalogs: Catalogs

    def text(self, msgid: str, /, **values: object) -> Localized:
        """A catalog message in this conversation's language (see :meth:`Catalogs.text`)."""
        return self.catalogs.text(self.language, msgid, **values)

    def date(self, value: object) -> str:
        """A date as this conversation's patrons write it."""
        return formatting.format_date(value, self.language)  # type: ignore[arg-type]
