"""Quoting what the user typed inside a message.

Python's ``repr`` is not for users: it escapes what it cannot print (``'7\\u200b'``)
and switches to double quotes when the text holds an apostrophe. A message quotes the
text in single quotes as typed, and names the characters one cannot see: a zero-width
space or a control character pasted from the web is why "7" is not a number.
"""

from __future__ import annotations

import unicodedata

# Characters shown by name: control and format characters, line/paragraph separators,
# and every space other than the plain one (a non-breaking space looks like a space
# and is one for rkt_xl's number reader, but not for a formula).
_KATEGORI_TAK_TAMPAK = frozenset({"Cc", "Cf", "Zl", "Zp", "Zs"})


def _tak_tampak(ch: str) -> bool:
    return ch != " " and unicodedata.category(ch) in _KATEGORI_TAK_TAMPAK


def kutip(teks: str) -> str:
    """``'teks'``, with each invisible character written as ``⟨U+200B⟩``."""
    if teks.isascii() and teks.isprintable():
        return f"'{teks}'"
    return "'" + "".join(f"⟨U+{ord(ch):04X}⟩" if _tak_tampak(ch) else ch
                         for ch in teks) + "'"
