import doctest

import pytest

from bot.render import segments
from bot.render.segments import count_segments, is_gsm7


@pytest.mark.parametrize(
    ("text", "encoding", "units", "count"),
    [
        ("", "GSM-7", 0, 0),
        ("a" * 160, "GSM-7", 160, 1),
        ("a" * 161, "GSM-7", 161, 2),
        ("a" * 459, "GSM-7", 459, 3),
        ("{" * 80, "GSM-7", 160, 1),  # extension characters take two septets
        ("¿Dónde?", "UCS-2", 7, 1),
        ("ó" * 70, "UCS-2", 70, 1),
        ("ó" * 71, "UCS-2", 71, 2),
        ("ó" * 201, "UCS-2", 201, 3),
        ("💉" * 35, "UCS-2", 70, 1),  # emoji are two UTF-16 units
    ],
)
def test_segment_counts(text: str, encoding: str, units: int, count: int) -> None:
    result = count_segments(text)
    assert (result.encoding, result.units, result.segments) == (encoding, units, count)


def test_gsm7_alphabet() -> None:
    assert is_gsm7("Ñandú é ¿¡") is False  # ú is not GSM-7
    assert is_gsm7("Ñ é ¿¡ ü")
    assert not is_gsm7("It\u2019s")


def test_doctests() -> None:
    assert doctest.testmod(segments).failed == 0
