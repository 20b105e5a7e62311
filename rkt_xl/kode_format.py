"""Excel number format codes: what a format does to the number it shows.

Both engines ask: the file engine of the codes in styles.xml, the xlwings engine of
``Range.NumberFormat`` (always the English code, never the localised one).
"""

from __future__ import annotations

import re

__all__ = ["persen", "tanggal"]

# What a format code shows literally: "quoted text", \x escapes, [colour]/[$-421]
# brackets and _x / *x spacing; a % or a d there is not an operator.
_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def persen(kode: str) -> bool:
    """A code that multiplies by 100 and shows %: a % outside quotes, escapes and
    brackets, in any section (``0%``, ``0,00%``, ``#,##0.0%;[Red]-0%``)."""
    return "%" in _LITERAL.sub("", kode)


def tanggal(kode: str) -> bool:
    """A code that shows a number as a date or a time."""
    kode = _LITERAL.sub("", kode)
    return bool(re.search(r"[dDyY]|(?<![#0])[mM]{1,4}(?![#0])|[hH]|[sS]{1,2}", kode)) and \
        not re.fullmatch(r"[#0.,% ]*", kode)
