"""Cell values across the xlwings boundary: what Excel hands us, what we hand Excel.

Reading: Excel (COM) gives every number as a float and the remote engine gives JSON
numbers (int or float); the core wants what the file engine gives (``int`` for whole
numbers, ``Decimal`` for the rest, ``GalatExcel`` for error values), so the two engines
feed the core identical models.

Whole numbers are exact: a float64 holds every integer up to 2**53 (9.007.199.254.740.992)
exactly, so a Rupiah amount up to 10**15 read as ``1.0e15`` becomes the int it was typed
as. Beyond 2**53 a float is no longer one integer; such a value is kept as the exact
integer of the double Excel stores (Excel itself only shows 15 significant digits).

Writing: numbers go as float (Excel stores doubles; ``Decimal`` would become a 4-decimal
COM currency). Text is protected from Excel's input parsing: assigning a value through
COM ``Range.Value`` or Office.js ``range.values`` behaves like typing it, so ``=1+1``
becomes a formula, ``-5 orang`` a broken formula, ``1.01`` a number and ``Mei 2018`` a
date. A leading apostrophe is Excel's own "this is text" mark in both hosts: Excel
stores the text without it (``PrefixCharacter``), shows it without it, and reads it
back without it. A number format of ``@`` would also work, but costs one extra call
per cell range and would overwrite the style copied from ``_Gaya``; the apostrophe costs
nothing. It is only added where Excel could read the text as something else, so a
plain word such as ``Tinggi`` does not show an apostrophe in the formula bar.
"""

from __future__ import annotations

import datetime as _dt
import math
from decimal import Decimal

from rkt_xl.model import GalatExcel, NilaiMentah

__all__ = [
    "BATAS_TEPAT",
    "GALAT_EXCEL",
    "nilai_baca",
    "nilai_tulis",
    "rumus_tautan",
    "sama",
    "teks_aman",
]

BATAS_TEPAT = 2**53
"""Every integer of absolute value up to this is exact in a float64."""

GALAT_EXCEL = frozenset({
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
    "#SPILL!", "#CONNECT!", "#BLOCKED!", "#UNKNOWN!", "#FIELD!", "#CALC!", "#BUSY!",
    "#DATA!",
})
"""Excel error values as text (what xlwings gives with ``err_to_str=True``)."""

# COM hands an error cell over as the HRESULT 0x800A0000 + xlErr code (e.g. #N/A is
# 2042 → -2146826246). xlwings turns the seven classic ones into text; newer errors
# (#SPILL!, #CALC!, …) still arrive as these ints.
_HRESULT_DASAR = -2146828288
_KODE_COM: dict[int, str] = {
    2000: "#NULL!", 2007: "#DIV/0!", 2015: "#VALUE!", 2023: "#REF!", 2029: "#NAME?",
    2036: "#NUM!", 2042: "#N/A", 2043: "#GETTING_DATA", 2045: "#SPILL!",
    2046: "#CONNECT!", 2047: "#BLOCKED!", 2048: "#UNKNOWN!", 2049: "#FIELD!",
    2050: "#CALC!",
}

_BOOLEAN = frozenset({"TRUE", "FALSE", "BENAR", "SALAH", "WAHR", "FALSCH", "VRAI", "FAUX"})


def nilai_baca(v: object) -> NilaiMentah:
    """One cell value from xlwings as the core expects it (see the module docstring)."""
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, int):
        kode = v - _HRESULT_DASAR
        if kode in _KODE_COM:
            return GalatExcel(_KODE_COM[kode])
        return v
    if isinstance(v, float):
        if not math.isfinite(v):
            return v  # angka.baca reports it; never happens with real Excel values
        if v.is_integer():
            # Exact up to 2**53; beyond, the integer of the double Excel stores.
            return int(v)
        return Decimal(repr(v))  # shortest repr: 83.69 stays 83.69, as in the file
    if isinstance(v, Decimal):
        return v
    if isinstance(v, str):
        if v == "":
            return None  # the file engine never reports an empty string either
        if v in GALAT_EXCEL:
            return GalatExcel(v)
        return v
    if isinstance(v, _dt.datetime):
        return v.replace(tzinfo=None)
    if isinstance(v, _dt.date):
        return _dt.datetime(v.year, v.month, v.day)
    if isinstance(v, _dt.time):
        return _dt.datetime(1899, 12, 30, v.hour, v.minute, v.second)  # Excel's day 0
    return str(v)


def teks_aman(teks: str) -> str:
    """Text to assign to a cell so Excel keeps it as that exact text.

    An apostrophe is put in front when Excel could read the text as a formula (``=``,
    ``+``, ``-``, ``@``), a number, date, time, percentage, currency, fraction, error
    or logical value: that is whenever it does not start with a letter, contains a
    digit, or is a boolean word. A text that itself starts with an apostrophe gets one
    more, so the first one survives.
    """
    if not teks:
        return teks
    if (not teks[0].isalpha() or any(c.isdigit() for c in teks)
            or teks.strip().upper() in _BOOLEAN):
        return "'" + teks
    return teks


def nilai_tulis(v: object) -> str | float | None:
    """A value (``NilaiTulis``/``NilaiLayout``) as it is assigned to a cell."""
    if v is None:
        return None
    if isinstance(v, bool):
        return "BENAR" if v else "SALAH"  # never a number 1/0 in a text column
    if isinstance(v, int):
        if abs(v) <= BATAS_TEPAT:
            return float(v)
        # A float would silently round it: keep every digit, visibly as text.
        return "'" + str(v)
    if isinstance(v, (float, Decimal)):
        f = float(v)
        if math.isfinite(f):
            return f
        return teks_aman(str(v))
    if isinstance(v, (_dt.datetime, _dt.date)):
        return teks_aman(v.strftime("%d-%m-%Y"))
    return teks_aman(str(v))


def rumus_tautan(tujuan: str, teks: str) -> str:
    """An internal link as a ``HYPERLINK`` formula (``#`` = this workbook).

    The file engine writes a hyperlink object; here a formula does the same with no
    call per link: all of a column's links go in one ``Range.Formula`` block (the property
    that always takes English syntax, whatever the language of Windows: a ``,``
    between arguments, never a ``;``); ``"`` is doubled inside string literals.
    """
    def kutip(s: str) -> str:
        return '"' + s.replace('"', '""') + '"'

    return f"=HYPERLINK({kutip('#' + tujuan)},{kutip(teks[:255])})"


def sama(lama: NilaiMentah, baru: object) -> bool:
    """Would writing ``baru`` leave a cell holding ``lama`` as it is? The file engine's
    rule (:func:`rkt_xl.engine._base.sama_tersimpan`), for what Excel hands over."""
    from rkt_xl.engine._base import sama_tersimpan

    if baru is not None and not isinstance(baru, (str, int, float, Decimal)):
        return False
    return sama_tersimpan(lama, baru)
