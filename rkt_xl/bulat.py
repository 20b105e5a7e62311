"""Whole numbers read from text a file or a user supplies.

``str.isdigit`` accepts '²' and '٣' (``int`` refuses the first) and ``int`` refuses a
string of more than 4,300 digits: text that comes from outside is a whole number only
when it is ASCII digits of a bounded length.
"""

from __future__ import annotations


def bulat(teks: str | None, digit_maks: int = 18) -> int | None:
    """``teks`` as a non-negative whole number, or None when it is not one."""
    if teks and len(teks) <= digit_maks and teks.isascii() and teks.isdigit():
        return int(teks)
    return None
