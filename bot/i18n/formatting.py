"""Dates, times and numbers as patrons read them in their language, via Babel's CLDR data."""

from __future__ import annotations

import datetime as dt

from babel import dates, numbers

from bot.i18n.languages import locale_for


def format_date(value: dt.date, language: str, width: str = "long") -> str:
    """A date in the patron's language.

    >>> format_date(dt.date(2024, 9, 10), "en")
    'September 10, 2024'
    >>> format_date(dt.date(2024, 9, 10), "es")
    '10 de septiembre de 2024'
    """
    return dates.format_date(value, format=width, locale=locale_for(language))


def format_number(value: float, language: str) -> str:
    """A number with the patron's digit grouping and decimal sign.

    >>> format_number(1234.5, "es")
    '1.234,5'
    """
    return numbers.format_decimal(value, locale=locale_for(language))
