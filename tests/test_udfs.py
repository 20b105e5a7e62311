"""The worksheet functions (``rkt_xl.udfs``): the same results as the core, Excel error
values for bad arguments, a light import, and VBA wrappers that return real errors.

Off Windows ``@xw.func`` leaves the functions as they are, so they are called directly.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest

from rkt_xl import angka, hitung, kategori, pemetaan, pertukaran, skema
from rkt_xl.udfs import (
    GALAT_DIV0,
    GALAT_NILAI,
    GALAT_NUM,
    RKT_ANGKA,
    RKT_CAPAIAN,
    RKT_KATEGORI,
    RKT_RUPIAH,
    RKT_TERBILANG,
    pasang_galat_vba,
)

ANGKA_SAH: list[Any] = [84.03, 83.69, 86.82, 42, 43, 0.5, 1e15, "84,03", "1.234.567",
                        "Rp 56.460.000", "12 Bulan", "102,38 %", "56.460.000,-", -3.25]
ANGKA_TIDAK_SAH: list[Any] = ["519.857.85000", "25.4500.000", "12ulan", "1.08", "abc",
                              True, "1,234.5", [[1, 2]]]


def capaian_inti(t: Any, r: Any, pol: str = skema.POSITIF, rumus: str = skema.RUMUS_2T_R,
                 batas: Decimal | None = None) -> float | None:
    """What Hitung computes, from the values read as pemetaan reads them."""
    bt = angka.baca(t, boleh_satuan=True, boleh_kualitatif=True)
    br = angka.baca(r, boleh_satuan=True)
    nilai, _ = hitung.capaian(bt.nilai, br.nilai, pol, rumus, batas)
    return None if nilai is None else float(nilai)


@pytest.mark.parametrize("t", [84.03, 42, "84,03", "1.234.567", 7.5])
@pytest.mark.parametrize("r", [86.82, 43, "12 Bulan", 0, 9.25])
@pytest.mark.parametrize("pol", [skema.POSITIF, skema.NEGATIF])
@pytest.mark.parametrize("rumus", [skema.RUMUS_2T_R, skema.RUMUS_T_R])
def test_capaian_sama_dengan_inti(t: Any, r: Any, pol: str, rumus: str) -> None:
    harapan = capaian_inti(t, r, pol, rumus)
    hasil = RKT_CAPAIAN(t, r, pol, None, rumus)
    assert hasil == (GALAT_DIV0 if harapan is None else harapan)
    assert isinstance(hasil, (float, str))


@pytest.mark.parametrize("batas", [100, "120", 100.5])
def test_capaian_dengan_batas(batas: Any) -> None:
    b = angka.baca(batas, boleh_satuan=True).nilai
    assert RKT_CAPAIAN(50, 80, "Positif", batas) == capaian_inti(50, 80, batas=b)
    assert RKT_CAPAIAN(50, 40, "Positif", batas) == 80.0


def test_capaian_sama_dengan_hitung_pada_contoh(data: dict[str, Any]) -> None:
    """Row by row, the UDF gives exactly what Hitung writes into Capaian and Kategori."""
    rkt = pemetaan.susun(pertukaran.ke_tabel(data))
    hasil = hitung.hitung(rkt)
    assert rkt.evaluasi
    for ev in rkt.evaluasi:
        b = ev.baris
        c = hasil.capaian_dari(ev)
        udf = RKT_CAPAIAN(b.sel[skema.TARGET].mentah, b.sel[skema.REALISASI].mentah,
                          b.sel[skema.POLARITAS].mentah, None, rkt.pengaturan.rumus_negatif)
        if c.nilai is None:
            assert udf in ("", GALAT_DIV0, GALAT_NILAI)
            continue
        assert udf == float(c.nilai)
        assert RKT_KATEGORI(udf) == c.kategori


def test_capaian_argumen_salah() -> None:
    assert RKT_CAPAIAN("1.08", 10) == GALAT_NILAI  # ambiguous: never guessed
    assert RKT_CAPAIAN(10, "12ulan") == GALAT_NILAI
    assert RKT_CAPAIAN("uraian kualitatif", 10) == GALAT_NILAI
    assert RKT_CAPAIAN(10, 12, "Netral") == GALAT_NILAI
    assert RKT_CAPAIAN(10, 12, "Positif", -5) == GALAT_NILAI
    assert RKT_CAPAIAN(10, 12, "Positif", "banyak") == GALAT_NILAI
    assert RKT_CAPAIAN(10, 12, "Negatif", None, "T-R") == GALAT_NILAI
    assert RKT_CAPAIAN([[1], [2]], 12) == GALAT_NILAI  # a range, not one value
    assert RKT_CAPAIAN(0, 12) == GALAT_DIV0
    assert RKT_CAPAIAN(10, 0, "Negatif", None, "T/R") == GALAT_DIV0
    assert RKT_CAPAIAN("#N/A", 12) == "#N/A"  # an error passed in is passed on
    assert RKT_CAPAIAN(10, "#DIV/0!") == "#DIV/0!"


def test_capaian_kosong_dan_bawaan() -> None:
    assert RKT_CAPAIAN(None, 12) == "" and RKT_CAPAIAN(10, "") == ""
    assert RKT_CAPAIAN(0, 0, "Negatif") == 100.0
    assert RKT_CAPAIAN(10, 12, None, None, None) == RKT_CAPAIAN(10, 12) == 120.0
    assert RKT_CAPAIAN(10, 12, "negatif") == 80.0  # spelt as the workbook accepts it
    assert RKT_CAPAIAN(10, 25, "Negatif") == 0.0  # floored at 0


@pytest.mark.parametrize("x", [0, 50, 50.000001, 65, 65.5, 75, 75.01, 90, 90.01, 102.38,
                               "102,38 %", "90"])
def test_kategori_sama_dengan_inti(x: Any) -> None:
    d = angka.baca(x, boleh_satuan=True).nilai
    assert d is not None
    assert RKT_KATEGORI(x) == kategori.kategori(d)
    assert RKT_KATEGORI(x, "Permendagri 86/2017") == kategori.kategori(d)


def test_kategori_argumen_salah() -> None:
    assert RKT_KATEGORI("abc") == GALAT_NILAI
    assert RKT_KATEGORI(90, "Skala Lain") == GALAT_NILAI
    assert RKT_KATEGORI("#N/A") == "#N/A"
    assert RKT_KATEGORI(None) == ""


@pytest.mark.parametrize("x", ANGKA_SAH)
def test_angka_sama_dengan_inti(x: Any) -> None:
    b = angka.baca(x, boleh_satuan=True)
    assert b.terpakai and b.nilai is not None
    assert RKT_ANGKA(x) == float(b.nilai)


def test_angka_contoh_design() -> None:
    assert RKT_ANGKA("1.234.567") == 1234567.0
    assert RKT_ANGKA("84,03") == 84.03
    assert RKT_ANGKA("Rp 56.460.000") == 56460000.0
    assert RKT_ANGKA("12 Bulan") == 12.0
    assert RKT_ANGKA(None) == ""


@pytest.mark.parametrize("x", ANGKA_TIDAK_SAH)
def test_angka_tidak_sah(x: Any) -> None:
    assert RKT_ANGKA(x) == GALAT_NILAI


@pytest.mark.parametrize("x", [0, 7, 12, 1000, 56460000, 1234567.5, "1.234.567", "84,03",
                               -25])
@pytest.mark.parametrize("rupiah", [False, True])
def test_terbilang_sama_dengan_inti(x: Any, rupiah: bool) -> None:
    b = angka.baca(x)
    assert b.nilai is not None
    assert RKT_TERBILANG(x, rupiah) == angka.terbilang(b.nilai, rupiah=rupiah)


def test_terbilang_argumen() -> None:
    assert RKT_TERBILANG(56460000, "BENAR") == RKT_TERBILANG(56460000, True)
    assert RKT_TERBILANG(56460000, 1.0) == RKT_TERBILANG(56460000, True)
    assert RKT_TERBILANG(56460000, None) == RKT_TERBILANG(56460000)
    assert RKT_TERBILANG(56460000, "mungkin") == GALAT_NILAI
    assert RKT_TERBILANG("12 Bulan") == GALAT_NILAI  # a number, not a number with a unit
    assert RKT_TERBILANG("#REF!") == "#REF!"
    assert RKT_TERBILANG("") == ""
    with pytest.raises(ValueError):
        angka.terbilang(Decimal("1e400"))  # the core refuses it…
    assert RKT_TERBILANG(Decimal("1e400")) == GALAT_NUM  # …the cell shows #NUM!


@pytest.mark.parametrize("x", [0, 1234567, 1234567.5, 56460000, "56.460.000", "Rp 1.234",
                               516257850])
def test_rupiah_sama_dengan_inti(x: Any) -> None:
    b = angka.baca(x)
    assert b.nilai is not None
    assert RKT_RUPIAH(x) == angka.format_rupiah(b.nilai)


def test_rupiah_bentuk() -> None:
    assert RKT_RUPIAH(1234567) == "Rp 1.234.567"
    assert RKT_RUPIAH("519.857.85000") == GALAT_NILAI
    assert RKT_RUPIAH(None) == ""


# -- Excel side ----------------------------------------------------------------------------------
def test_pembungkus_vba_dan_galat_asli() -> None:
    """The wrappers xlwings generates (as the template does) declare every UDF, and
    pasang_galat_vba turns the error texts into CVErr after each call."""
    from rkt_xl.templat.sumber import modul_udf

    kode = modul_udf()
    for tanda in ("Function RKT_CAPAIAN(target, realisasi, Optional polaritas, "
                  "Optional batas, Optional rumus)",
                  "Function RKT_KATEGORI(capaian, Optional skala)",
                  "Function RKT_ANGKA(teks)", "Function RKT_TERBILANG(angka, Optional rupiah)",
                  "Function RKT_RUPIAH(angka)"):
        assert tanda in kode
    baru = pasang_galat_vba(kode)
    baris = baru.splitlines()
    panggil = [i for i, b in enumerate(baris) if "= XLPy.CallUDF(" in b]
    assert len(panggil) == 10  # five functions, Windows and Mac branches
    for i in panggil:
        fungsi = baris[i].split("=")[0].strip()
        assert baris[i + 1].strip() == f"{fungsi} = RKT_KeGalatExcel({fungsi})"
    assert 'Case "#VALUE!": RKT_KeGalatExcel = CVErr(xlErrValue)' in baru
    assert 'Case "#N/A": RKT_KeGalatExcel = CVErr(xlErrNA)' in baru
    assert pasang_galat_vba(baru) == baru  # once only
    assert baru.isascii()


def test_impor_ringan() -> None:
    """No lxml, openpyxl, num2words or engine code behind a UDF recalculation."""
    kode = ("import sys, rkt_xl.udfs; print(sorted(m for m in sys.modules if m.split('.')[0] "
            "in ('lxml', 'openpyxl', 'num2words', 'xlsxwriter') or m.startswith('rkt_xl.engine')"
            " or m.startswith('rkt_xl.lampiran') or m.startswith('rkt_xl.templat')))")
    r = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_keterangan_fungsi() -> None:
    """Each docstring is the description Excel shows: one line, under 255 characters."""
    for f in (RKT_CAPAIAN, RKT_KATEGORI, RKT_ANGKA, RKT_TERBILANG, RKT_RUPIAH):
        assert f.__doc__ and "\n" not in f.__doc__ and len(f.__doc__) < 255
