"""Text as SpreadsheetML stores it: the one escaping every cell rkt_xl writes goes
through (generated sheets, computed cells, the Beranda status line).

XML 1.0 cannot carry most C0 control characters: Excel writes them as ``_xHHHH_``, so
a literal ``_xHHHH_`` in the text must itself be escaped (its underscore as
``_x005F_``) or Excel would decode it. Lone surrogates cannot be encoded at all (they
become U+FFFD), and a cell holds at most ``BATAS_TEKS`` characters.
"""

from __future__ import annotations

import re

from rkt_xl.lampiran.layout import BATAS_TEKS

__all__ = ["teks_excel"]

_KONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_POLA_X = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_SUROGAT = re.compile("[\ud800-\udfff]")
# Any character teks_excel would change: text without one, and within Excel's
# length, is returned as it is without running the three substitutions.
_PERLU_UBAH = re.compile("_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff"
                         "\ud800-\udfff]")


def teks_excel(teks: str) -> str:
    """``teks`` as a cell's text is stored (before XML escaping of ``&``, ``<``, ``>``)."""
    if len(teks) <= BATAS_TEKS and _PERLU_UBAH.search(teks) is None:
        return teks
    teks = _POLA_X.sub(r"_x005F_\1", teks)
    teks = _KONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", teks)
    teks = _SUROGAT.sub("\ufffd", teks)
    if len(teks) > BATAS_TEKS:
        teks = teks[:BATAS_TEKS - 1] + "…"
    return teks


def tanpa_kontrol(teks: str) -> str:
    """Text for an XML attribute: control characters dropped, surrogates replaced."""
    return _SUROGAT.sub("\ufffd", _KONTROL.sub("", teks))
