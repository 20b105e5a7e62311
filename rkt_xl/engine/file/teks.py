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

__all__ = ["dari_excel", "teks_excel"]

# C0 controls but tab and line feed, and carriage return too: a literal CR in XML
# text reads back as LF (XML end-of-line handling), so it is stored as _x000D_, as
# Excel stores it.
_KONTROL = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")
# every underscore that starts an _xHHHH_ (overlapping ones too: "_x005F_x0001_"),
# so that decoding left to right gives the text back; also when the closing underscore
# only appears once a control character right after it is escaped ("_x0000\x1f"
# becomes "_x0000_x001F_", whose first six characters would decode as U+0000)
_POLA_X = re.compile("_(?=x[0-9A-Fa-f]{4}[_\x00-\x08\x0b-\x1f\ufffe\uffff])")
_SUROGAT = re.compile("[\ud800-\udfff]")
# Any character teks_excel would change: text without one, and within Excel's
# length, is returned as it is without running the three substitutions.
_PERLU_UBAH = re.compile("_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0b-\x1f\ufffe\uffff"
                         "\ud800-\udfff]")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def teks_excel(teks: str) -> str:
    """``teks`` as a cell's text is stored (before XML escaping of ``&``, ``<``, ``>``)."""
    if len(teks) <= BATAS_TEKS and _PERLU_UBAH.search(teks) is None:
        return teks
    teks = _POLA_X.sub("_x005F_", teks)
    teks = _KONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", teks)
    teks = _SUROGAT.sub("\ufffd", teks)
    if len(teks) > BATAS_TEKS:
        teks = teks[:BATAS_TEKS - 1] + "…"
    return teks


def dari_excel(teks: str) -> str:
    """A stored cell text as Excel shows it: each ``_xHHHH_`` is that character
    (``_x005F_`` an underscore, so ``_x005F_x0001_`` is the literal ``_x0001_``)."""
    if "_x" not in teks:
        return teks
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), teks)


def tanpa_kontrol(teks: str) -> str:
    """Text for an XML attribute: control characters dropped, surrogates replaced."""
    return _SUROGAT.sub("\ufffd", _KONTROL.sub("", teks))
