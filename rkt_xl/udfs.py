"""Worksheet functions (UDFs) for Excel: ``=RKT_CAPAIAN(…)``, ``=RKT_KATEGORI(…)``…

Thin wrappers over the core, so a formula gives exactly what Hitung writes:
``RKT_CAPAIAN`` is :func:`rkt_xl.hitung.capaian` on the numbers read as
:mod:`rkt_xl.pemetaan` reads them (strict Indonesian text numbers via
:func:`rkt_xl.angka.baca`), returned as the double Hitung stores.

Errors. A bad argument returns an Excel error value instead of raising (a raised
exception would put a Python traceback in the cell):

- ``#VALUE!``: an argument that is not what the function takes (text that is not a
  number, an ambiguous ``1.08``, a Polaritas other than Positif/Negatif, a range
  where one value is expected);
- ``#DIV/0!``: capaian with target 0 (or realisasi 0 with the T/R formula);
- ``#NUM!``: a number too large to spell out;
- an error value passed in is passed on unchanged (as Excel's own functions do);
- an empty input gives an empty result, as Hitung leaves the computed cell empty.

xlwings represents an Excel error as its text (``"#VALUE!"``). The Office.js runtime
of xlwings Server/Lite turns that text into a real error value. Classic xlwings on
Windows returns it through the VBA wrapper as text (xlwings issue #776); the template
can turn it into a real error with :func:`pasang_galat_vba`, which rewrites the
wrappers xlwings generates so the text becomes ``CVErr(…)``.

The module stays light (``RKT_*`` recalculate often and the COM server imports it on
start): xlwings and the core modules only, no pandas of our own, no lxml, no
openpyxl. ``num2words`` is imported on the first ``RKT_TERBILANG``.

On Windows the xlwings decorators turn each parameter's type hint into a converter,
so parameters are annotated ``Any`` (a registered converter: the plain value). Each
docstring is the function's description in Excel's Insert Function dialog (one line,
Indonesian); ``@xw.arg(doc=…)`` describes each argument there.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import xlwings as xw

from rkt_xl import angka, skema
from rkt_xl.hitung import ALASAN_TERLALU_BESAR
from rkt_xl.hitung import capaian as _capaian
from rkt_xl.kategori import SKALA, SKALA_BAKU
from rkt_xl.kategori import kategori as _kategori
from rkt_xl.model import Bacaan, Status
from rkt_xl.pemetaan import polaritas as _polaritas
from rkt_xl.pemetaan import rumus_negatif as _rumus_negatif

__all__ = [
    "GALAT_DIV0",
    "GALAT_NILAI",
    "GALAT_NUM",
    "KATEGORI_UDF",
    "RKT_ANGKA",
    "RKT_CAPAIAN",
    "RKT_KATEGORI",
    "RKT_RUPIAH",
    "RKT_TERBILANG",
    "pasang_galat_vba",
]

GALAT_NILAI = "#VALUE!"
GALAT_DIV0 = "#DIV/0!"
GALAT_NUM = "#NUM!"
KATEGORI_UDF = "RKT"
"""The function category shown in Excel's Insert Function dialog."""

_GALAT_EXCEL = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
                          "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!",
                          "#CONNECT!", "#UNKNOWN!", "#BUSY!", "#DATA!"})
_BENAR = frozenset({"BENAR", "TRUE", "YA", "Y", "1"})
_SALAH = frozenset({"SALAH", "FALSE", "TIDAK", "T", "N", "0", ""})


def _aman(fungsi: Callable[..., Any]) -> Callable[..., Any]:
    """A UDF never raises: whatever the input (huge, infinite, NaN, text, a range, a
    logical value), a raised exception would put a Python traceback in the cell. An
    argument the function cannot use gives #VALUE!; a result Excel cannot hold (not
    a finite double) gives #NUM!."""

    @functools.wraps(fungsi)
    def dibungkus(*args: Any, **kwargs: Any) -> Any:
        try:
            hasil = fungsi(*args, **kwargs)
        except (ArithmeticError, OverflowError):
            return GALAT_NUM
        except Exception:
            return GALAT_NILAI
        if isinstance(hasil, float) and not math.isfinite(hasil):
            return GALAT_NUM
        return hasil

    return dibungkus


class _Galat(Exception):
    """An argument is unusable; ``kode`` is the Excel error the function returns."""

    def __init__(self, kode: str) -> None:
        super().__init__(kode)
        self.kode = kode


def _galat_masuk(*argumen: Any) -> str | None:
    """The first Excel error value among the arguments (it is passed on)."""
    for a in argumen:
        if isinstance(a, str) and a in _GALAT_EXCEL:
            return a
    return None


def _tunggal(v: Any) -> Any:
    """A one-cell range arrives as a value, a bigger one as a list: not one value."""
    if isinstance(v, (list, tuple)):
        raise _Galat(GALAT_NILAI)
    return v


def _bacaan(v: Any, *, boleh_satuan: bool = True, boleh_kualitatif: bool = False) -> Bacaan:
    return angka.baca(_tunggal(v), boleh_satuan=boleh_satuan, boleh_kualitatif=boleh_kualitatif)


def _angka(b: Bacaan) -> Decimal:
    if not b.terpakai or b.nilai is None:
        raise _Galat(GALAT_NILAI)
    return b.nilai


def _teks(v: Any) -> str:
    v = _tunggal(v)
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _logika(v: Any) -> bool:
    v = _tunggal(v)
    if v is None or isinstance(v, bool):
        return bool(v)
    if isinstance(v, (int, float)):
        return v != 0
    t = str(v).strip().upper()
    if t in _BENAR:
        return True
    if t in _SALAH:
        return False
    raise _Galat(GALAT_NILAI)


@xw.func(category=KATEGORI_UDF)
@xw.arg("target", doc="Target indikator (angka, atau teks angka gaya Indonesia: 84,03).",
        err_to_str=True)
@xw.arg("realisasi", doc="Realisasi indikator.", err_to_str=True)
@xw.arg("polaritas", doc="Positif (makin tinggi makin baik, bawaan) atau Negatif.",
        err_to_str=True)
@xw.arg("batas", doc="Batas capaian maksimum, mis. 100 atau 120 (kosong = tanpa batas).",
        err_to_str=True)
@xw.arg("rumus", doc="Rumus indikator negatif: 2T-R (bawaan) atau T/R.", err_to_str=True)
@_aman
def RKT_CAPAIAN(target: Any, realisasi: Any, polaritas: Any = skema.POSITIF,
                batas: Any = None, rumus: Any = skema.RUMUS_2T_R) -> Any:
    """Capaian (%) seperti tombol Hitung: positif R/T×100, negatif (2T−R)/T×100."""
    galat = _galat_masuk(target, realisasi, polaritas, batas, rumus)
    if galat:
        return galat
    try:
        t = _bacaan(target, boleh_kualitatif=True)
        r = _bacaan(realisasi)
        arah = _polaritas(_teks(polaritas))
        if arah not in skema.POLARITAS_SAH:
            raise _Galat(GALAT_NILAI)
        cara = _rumus_negatif(_teks(rumus))
        if cara is None:
            raise _Galat(GALAT_NILAI)
        b = _bacaan(batas)
        cap = None
        if b.status is not Status.KOSONG:
            cap = _angka(b)
            if cap <= 0:
                raise _Galat(GALAT_NILAI)
        if t.status is Status.KOSONG or r.status is Status.KOSONG:
            return ""  # as Hitung: no capaian yet, an empty cell
        nt, nr = _angka(t), _angka(r)
        if nt < 0 or nr < 0:
            # Hitung does not use a negative Target or Realisasi (angka-negatif): the
            # capaian stays empty there, so no number may come out here either.
            raise _Galat(GALAT_NILAI)
        nilai, alasan = _capaian(nt, nr, arah, cara, cap)
    except _Galat as g:
        return g.kode
    if nilai is None:
        # target 0 (or realisasi 0 with T/R), or a result no double holds
        return GALAT_NUM if alasan == ALASAN_TERLALU_BESAR else GALAT_DIV0
    return float(nilai)


@xw.func(category=KATEGORI_UDF)
@xw.arg("capaian", doc="Capaian (%), mis. 102,38.", err_to_str=True)
@xw.arg("skala", doc="Skala kategori (bawaan: Permendagri 86/2017).", err_to_str=True)
@_aman
def RKT_KATEGORI(capaian: Any, skala: Any = SKALA_BAKU) -> Any:
    """Kategori capaian (Permendagri 86/2017): Sangat Tinggi, Tinggi, Sedang, Rendah…"""
    galat = _galat_masuk(capaian, skala)
    if galat:
        return galat
    try:
        nama_skala = _teks(skala) or SKALA_BAKU
        if nama_skala not in SKALA:
            raise _Galat(GALAT_NILAI)
        b = _bacaan(capaian)
        if b.status is Status.KOSONG:
            return ""
        return _kategori(_angka(b), nama_skala)
    except _Galat as g:
        return g.kode


@xw.func(category=KATEGORI_UDF)
@xw.arg("teks", doc="Angka sebagai teks gaya Indonesia: 1.234.567 atau 84,03 atau "
        "Rp 56.460.000.", err_to_str=True)
@_aman
def RKT_ANGKA(teks: Any) -> Any:
    """Angka dari teks gaya Indonesia (1.234.567 atau 84,03), dibaca ketat."""
    galat = _galat_masuk(teks)
    if galat:
        return galat
    try:
        b = _bacaan(teks)
        if b.status is Status.KOSONG:
            return ""
        return float(_angka(b))
    except _Galat as g:
        return g.kode


@xw.func(category=KATEGORI_UDF)
@xw.arg("angka", doc="Bilangan yang dieja.", err_to_str=True)
@xw.arg("rupiah", doc="BENAR untuk menambahkan kata rupiah (dibulatkan ke rupiah penuh).",
        err_to_str=True)
@_aman
def RKT_TERBILANG(angka: Any, rupiah: Any = False) -> Any:
    """Bilangan dalam kata-kata bahasa Indonesia, bisa dengan kata rupiah."""
    galat = _galat_masuk(angka, rupiah)
    if galat:
        return galat
    try:
        b = _bacaan(angka, boleh_satuan=False)
        if b.status is Status.KOSONG:
            return ""
        nilai = _angka(b)
        dengan_rupiah = _logika(rupiah)
    except _Galat as g:
        return g.kode
    try:
        return _eja(nilai, dengan_rupiah)
    except (ValueError, OverflowError, ArithmeticError):
        return GALAT_NUM


def _eja(nilai: Decimal, rupiah: bool) -> str:
    # A module-level helper: inside RKT_TERBILANG the parameter `angka` hides the module.
    return angka.terbilang(nilai, rupiah=rupiah)


@xw.func(category=KATEGORI_UDF)
@xw.arg("angka", doc="Jumlah rupiah (angka atau teks gaya Indonesia).", err_to_str=True)
@_aman
def RKT_RUPIAH(angka: Any) -> Any:
    """Jumlah rupiah sebagai teks Rp 1.234.567 (dibulatkan ke rupiah penuh)."""
    galat = _galat_masuk(angka)
    if galat:
        return galat
    try:
        b = _bacaan(angka, boleh_satuan=False)
        if b.status is Status.KOSONG:
            return ""
        return _format_rupiah(_angka(b))
    except _Galat as g:
        return g.kode


def _format_rupiah(nilai: Decimal) -> str:
    return angka.format_rupiah(nilai)


# -- real error values through classic xlwings' VBA wrappers -------------------------------
_FUNGSI_KE_GALAT = "RKT_KeGalatExcel"
# The one call line generate_vba_wrapper writes per function, for both #If branches.
_BARIS_PANGGIL = re.compile(r"^(?P<spasi>\s*)(?P<fungsi>\w+) = XLPy\.CallUDF\(.*\)\s*$")
_KODE_VBA = {"#NULL!": "xlErrNull", "#DIV/0!": "xlErrDiv0", "#VALUE!": "xlErrValue",
             "#REF!": "xlErrRef", "#NAME?": "xlErrName", "#NUM!": "xlErrNum",
             "#N/A": "xlErrNA"}


def _fungsi_vba() -> str:
    kasus = "\r\n".join(f'        Case "{teks}": {_FUNGSI_KE_GALAT} = CVErr({kode})'
                        for teks, kode in _KODE_VBA.items())
    return (
        f"Private Function {_FUNGSI_KE_GALAT}(ByVal nilai As Variant) As Variant\r\n"
        "    ' xlwings returns an Excel error as its text; make it a real error value.\r\n"
        f"    {_FUNGSI_KE_GALAT} = nilai\r\n"
        "    If VarType(nilai) = vbString Then\r\n"
        "        Select Case nilai\r\n"
        f"{kasus}\r\n"
        "        End Select\r\n"
        "    End If\r\n"
        "End Function\r\n"
    )


def pasang_galat_vba(kode: str) -> str:
    """Rewrite the ``xlwings_udfs`` module that xlwings generates for this module so
    that an error text returned by an ``RKT_*`` function reaches the cell as a real
    Excel error (``CVErr``), as it does under xlwings Server/Lite.

    After each ``RKT_X = XLPy.CallUDF(…)`` line a ``RKT_X = RKT_KeGalatExcel(RKT_X)``
    line is added, and the helper function is appended once. Other functions, and a
    module already rewritten, are left as they are.
    """
    if _FUNGSI_KE_GALAT in kode:
        return kode
    baris_akhir = "\r\n" if "\r\n" in kode else "\n"
    keluar: list[str] = []
    for baris in kode.splitlines():
        keluar.append(baris)
        m = _BARIS_PANGGIL.match(baris)
        if m and m.group("fungsi").startswith("RKT_"):
            f = m.group("fungsi")
            keluar.append(f"{m.group('spasi')}{f} = {_FUNGSI_KE_GALAT}({f})")
    hasil = baris_akhir.join(keluar) + baris_akhir
    return hasil + baris_akhir + _fungsi_vba().replace("\r\n", baris_akhir)
