import datetime as dt

import pytest

from bot.i18n import conversation, formatting, languages
from bot.i18n.languages import UnsupportedLanguage, autonym, display_name, locale_for


def test_dates_and_numbers_follow_the_locale() -> None:
    day = dt.date(2024, 9, 10)
    assert formatting.format_date(day, "en") == "September 10, 2024"
    assert formatting.format_date(day, "es") == "10 de septiembre de 2024"
    assert formatting.format_date(day, "es", "medium") == "10 sept 2024"
    assert formatting.format_number(1234567.5, "en") == "1,234,567.5"


def test_language_names() -> None:
    assert autonym("es") == "español"
    assert display_name("es", "en") == "Spanish"
    assert display_name("en", "es") == "inglés"


def test_unknown_language_code() -> None:
    with pytest.raises(UnsupportedLanguage):
        locale_for("xx-notalanguage")


def test_doctests_pass() -> None:
    import doctest

    for module in (formatting, conversation, languages):
        assert doctest.testmod(module).failed == 0
