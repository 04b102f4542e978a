r"""How many SMS segments a text costs, so content can be held to a budget before it is sent.

Carriers bill and split SMS by segment. A message made only of GSM 03.38 (GSM-7) characters is split
into 153-character segments (160 if it fits in one); a single character outside that alphabet turns the
whole message into UCS-2, split into 67 code units per segment (70 if it fits in one). Characters of the
GSM-7 extension table (``{ } [ ] ~ \ | ^ €`` and form feed) take two septets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# GSM 03.38 basic character set (as Python text, one entry per septet value).
_GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# GSM 03.38 extension table: each costs an escape septet plus itself.
_GSM7_EXTENDED = frozenset("\f^{}\\[~]|€")

Encoding = Literal["GSM-7", "UCS-2"]


@dataclass(frozen=True)
class SegmentCount:
    """The encoding a text needs, its length in that encoding's units, and its segment count."""

    encoding: Encoding
    units: int
    segments: int


def is_gsm7(text: str) -> bool:
    """Whether every character of ``text`` is in the GSM-7 basic or extension table.

    >>> is_gsm7("Get your flu shot every year.")
    True
    >>> is_gsm7("Vacúnese cada año.")
    False
    """
    return all(ch in _GSM7_BASIC or ch in _GSM7_EXTENDED for ch in text)


def count_segments(text: str) -> SegmentCount:
    """Count the SMS segments ``text`` needs in the encoding it forces.

    >>> count_segments("a" * 160)
    SegmentCount(encoding='GSM-7', units=160, segments=1)
    >>> count_segments("a" * 161).segments
    2
    >>> count_segments("ñá").encoding
    'UCS-2'
    """
    if is_gsm7(text):
        units = sum(2 if ch in _GSM7_EXTENDED else 1 for ch in text)
        single, multi, encoding = 160, 153, "GSM-7"
    else:
        # UCS-2 as carriers send it is UTF-16: characters outside the BMP (emoji) take two units.
        units = len(text.encode("utf-16-le")) // 2
        single, multi, encoding = 70, 67, "UCS-2"
    # One segment holds `single` units; longer texts are split with a header in each `multi`-unit part.
    segments = min(units, 1) if units <= single else -(-units // multi)
    return SegmentCount(encoding=encoding, units=units, segments=segments)
