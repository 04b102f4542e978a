"""Which languages vaxbot speaks: exactly those with a catalog under ``locales/``.

Adding a language is a matter of data (a catalog, content, NLU examples), never of code, so the list is
discovered, not declared. Names come from Babel's CLDR data, in each language's own script.
"""

from __future__ import annotations

import functools
from pathlib import Path

from babel import Locale, UnknownLocaleError

from bot.settings import PROJECT_ROOT

DOMAIN = "vaxbot"
BASE_LANGUAGE = "en"


class UnsupportedLanguage(ValueError):
    """A language code vaxbot has no catalog for."""


def catalog_path(language: str, locales_dir: Path, suffix: str = ".po") -> Path:
    """Where the catalog of ``language`` lives."""
    return locales_dir / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@functools.cache
def supported_languages(locales_dir: Path = PROJECT_ROOT / "locales") -> tuple[str, ...]:
    """Every language with a catalog, English first, then alphabetical."""
    found = sorted(p.parent.parent.name for p in locales_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    if BASE_LANGUAGE not in found:
        raise UnsupportedLanguage(f"no {BASE_LANGUAGE} catalog under {locales_dir}: it is the base language")
    return (BASE_LANGUAGE, *(code for code in found if code != BASE_LANGUAGE))


def with_fallback(language: str) -> tuple[str, ...]:
    """The languages to look for content in, in order: the patron's, then the base language.

    >>> with_fallback("es")
    ('es', 'en')
    """
    return (language,) if language == BASE_LANGUAGE else (language, BASE_LANGUAGE)


def locale_for(language: str) -> Locale:
    """The Babel locale of a supported language code (``en``, ``es``, ``zh_Hant``)."""
    try:
        return Locale.parse(language)
    except (ValueError, UnknownLocaleError) as error:
        raise UnsupportedLanguage(f"{language!r} is not a language Babel knows") from error


def autonym(language: str) -> str:
    """The language's name in its own language, as patrons look for it in a menu.

    >>> autonym("es")
    'español'
    """
    return locale_for(language).get_display_name(language) or language


def display_name(language: str, in_language: str) -> str:
    """The name of ``language`` in the words of ``in_language``.

    >>> display_name("en", "es")
    'inglés'
    """
    names = locale_for(in_language).languages
    return names.get(language) or names.get(iso639_1(language)) or autonym(language)


def iso639_1(language: str) -> str:
    """The two-letter ISO 639-1 code of a language code such as ``zh_Hant`` (``zh``)."""
    return locale_for(language).language
