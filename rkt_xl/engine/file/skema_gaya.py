"""The attribute types of ``styles.xml`` (ECMA-376 Part 1, §18.8), for ``bagian-rusak``.

A stylesheet whose attribute does not hold its schema type (``indexed="NaN"``, a
border ``style="0x10"``) is refused by openpyxl and repaired by Excel, which then drops
the formatting of every cell using it. The fuzzer found such values one attribute at a
time; the schema's own table, checked whole, names them all. Only attributes without a
namespace on elements of the main namespace are checked: extensions (``x14ac:…``) are
Excel's to judge.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator

from lxml import etree

from rkt_xl.bulat import bulat
from rkt_xl.engine.file.paket import M
from rkt_xl.kutip import kutip

__all__ = ["angka", "atribut_gaya_salah", "uint"]

_UINT_MAKS = 2**32 - 1
_INT_MAKS = 2**31 - 1


def uint(teks: str) -> bool:
    """xsd:unsignedInt."""
    n = bulat(teks, 10)
    return n is not None and n <= _UINT_MAKS


def _int(teks: str) -> bool:
    n = bulat(teks[1:] if teks[:1] == "-" else teks, 10)
    return n is not None and n <= _INT_MAKS


def angka(teks: str) -> bool:
    """xsd:double as Excel writes it: a finite decimal number (Python's ``float`` also
    takes "1_0" and other scripts' digits, which the schema does not)."""
    if not teks.isascii() or "_" in teks:
        return False
    try:
        return math.isfinite(float(teks))
    except ValueError:
        return False


_RGB = re.compile(r"[0-9A-Fa-f]{8}")


def _argb(teks: str) -> bool:
    return _RGB.fullmatch(teks) is not None


def _salah_satu(*nilai: str) -> Callable[[str], bool]:
    sah = frozenset(nilai)
    return sah.__contains__


_BOOL = _salah_satu("true", "false", "1", "0")
# ST_BorderStyle (§18.18.3)
_GARIS = _salah_satu("none", "thin", "medium", "dashed", "dotted", "thick", "double",
                     "hair", "mediumDashed", "dashDot", "mediumDashDot", "dashDotDot",
                     "mediumDashDotDot", "slantDashDot")
# ST_PatternType (§18.18.55)
_POLA_ISI = _salah_satu(
    "none", "solid", "mediumGray", "darkGray", "lightGray", "darkHorizontal",
    "darkVertical", "darkDown", "darkUp", "darkGrid", "darkTrellis", "lightHorizontal",
    "lightVertical", "lightDown", "lightUp", "lightGrid", "lightTrellis", "gray125",
    "gray0625")

_Atribut = dict[str, Callable[[str], bool]]

_WARNA: _Atribut = {"auto": _BOOL, "indexed": uint, "rgb": _argb, "theme": uint,
                    "tint": angka}
_SISI: _Atribut = {"style": _GARIS}
_HURUF_YA_TIDAK: _Atribut = {"val": _BOOL}
_JUMLAH: _Atribut = {"count": uint}

_SKEMA: dict[str, _Atribut] = {
    # CT_Color (§18.8.3, .19, .20)
    "color": _WARNA, "fgColor": _WARNA, "bgColor": _WARNA, "rgbColor": {"rgb": _argb},
    # CT_NumFmt, CT_Xf (§18.8.30, .45)
    "numFmt": {"numFmtId": uint},
    "xf": {"numFmtId": uint, "fontId": uint, "fillId": uint, "borderId": uint,
           "xfId": uint, "quotePrefix": _BOOL, "pivotButton": _BOOL,
           "applyNumberFormat": _BOOL, "applyFont": _BOOL, "applyFill": _BOOL,
           "applyBorder": _BOOL, "applyAlignment": _BOOL, "applyProtection": _BOOL},
    # CT_CellAlignment (§18.8.1), CT_CellProtection (§18.8.33)
    "alignment": {
        "horizontal": _salah_satu("general", "left", "center", "right", "fill", "justify",
                                  "centerContinuous", "distributed"),
        "vertical": _salah_satu("top", "center", "bottom", "justify", "distributed"),
        "textRotation": uint, "wrapText": _BOOL, "indent": uint, "relativeIndent": _int,
        "justifyLastLine": _BOOL, "shrinkToFit": _BOOL, "readingOrder": uint},
    "protection": {"locked": _BOOL, "hidden": _BOOL},
    # CT_Font's children (§18.8.22)
    "b": _HURUF_YA_TIDAK, "i": _HURUF_YA_TIDAK, "strike": _HURUF_YA_TIDAK,
    "condense": _HURUF_YA_TIDAK, "extend": _HURUF_YA_TIDAK, "outline": _HURUF_YA_TIDAK,
    "shadow": _HURUF_YA_TIDAK,
    "u": {"val": _salah_satu("single", "double", "singleAccounting", "doubleAccounting",
                             "none")},
    "vertAlign": {"val": _salah_satu("baseline", "superscript", "subscript")},
    "scheme": {"val": _salah_satu("none", "major", "minor")},
    "sz": {"val": angka}, "family": {"val": uint}, "charset": {"val": _int},
    # CT_PatternFill, CT_GradientFill, CT_GradientStop (§18.8.32, .24, .38)
    "patternFill": {"patternType": _POLA_ISI},
    "gradientFill": {"type": _salah_satu("linear", "path"), "degree": angka, "left": angka,
                     "right": angka, "top": angka, "bottom": angka},
    "stop": {"position": angka},
    # CT_Border and its sides (§18.8.4, CT_BorderPr §18.8.6)
    "border": {"diagonalUp": _BOOL, "diagonalDown": _BOOL, "outline": _BOOL},
    "left": _SISI, "right": _SISI, "top": _SISI, "bottom": _SISI, "diagonal": _SISI,
    "vertical": _SISI, "horizontal": _SISI, "start": _SISI, "end": _SISI,
    # CT_CellStyle (§18.8.7), CT_TableStyle(s) (§18.8.40-42)
    "cellStyle": {"xfId": uint, "builtinId": uint, "iLevel": uint, "hidden": _BOOL,
                  "customBuiltin": _BOOL},
    "tableStyle": {"pivot": _BOOL, "table": _BOOL, "count": uint},
    "tableStyleElement": {"size": uint, "dxfId": uint},
    "numFmts": _JUMLAH, "fonts": _JUMLAH, "fills": _JUMLAH, "borders": _JUMLAH,
    "cellStyleXfs": _JUMLAH, "cellXfs": _JUMLAH, "cellStyles": _JUMLAH, "dxfs": _JUMLAH,
    "tableStyles": _JUMLAH,
}
_SKEMA_TAG = {M + nama: atribut for nama, atribut in _SKEMA.items()}


def atribut_gaya_salah(gaya: etree._Element) -> Iterator[str]:
    """Each attribute of the stylesheet that does not hold its schema type, as
    "<element> <attribute> '<value>' tidak sah", in document order."""
    for el in gaya.iter():
        atribut = _SKEMA_TAG.get(el.tag) if isinstance(el.tag, str) else None
        if atribut is None:
            continue
        for nama, cek in atribut.items():
            nilai = el.get(nama)
            if nilai is not None and not cek(nilai):
                yield f"{etree.QName(el).localname} {nama} {kutip(nilai)} tidak sah"
