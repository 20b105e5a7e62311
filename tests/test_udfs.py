"""The worksheet functions (``rkt_xl.udfs``) against a hand-computed table, Excel error
values for bad arguments, a light import, and VBA wrappers that return real errors.

Every expected value below is a literal worked out by hand — never computed with the
core under test — with a comment saying where it comes from:

- DESIGN §4 formulas: positif ``R/T×100``; negatif ``(2T−R)/T×100`` floored at 0 (the
  default) or ``T/R×100``; Negatif with T = R = 0 is 100; the cap applies first.
  Repeating decimals are written as the nearest double (what the function returns,
  ``float`` of the exact quotient), with the quotient itself in the comment.
- The seed document (``shared/seeds/000_9a3d0245a26ef05d.txt``), Lampiran I
  "Evaluasi Pencapaian Sasaran" and Tabel 2.5 (the Rupiah amounts, ``12ulan``).
- Permendagri 86/2017 bands: x > 90 Sangat Tinggi; 75 < x ≤ 90 Tinggi;
  65 < x ≤ 75 Sedang; 50 < x ≤ 65 Rendah; x ≤ 50 Sangat Rendah.

Off Windows ``@xw.func`` leaves the functions as they are, so they are called directly.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest

from rkt_xl import angka
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

P, N = "Positif", "Negatif"
TR = "T/R"

# (target, realisasi, polaritas, batas, rumus, expected)
CAPAIAN: list[tuple[Any, Any, Any, Any, Any, float | str]] = [
    # -- seed, Lampiran I (Tahun 2017), all Positif, no cap -----------------------------------
    (83.69, 86.82, P, None, None, 103.73999283068467),  # 86.82/83.69×100 = 103.7399928…
    (42, 43, P, None, None, 102.38095238095238),  # 43/42×100 = 102.380952… (seed: 102.39)
    ("1,08", "1,10", P, None, None, 101.85185185185185),  # 1.10/1.08×100 = 101.851851…
    (35, 50, P, None, None, 142.85714285714286),  # 50/35×100 = 142.857142…
    (32, 32, P, None, None, 100.0),  # 32/32×100
    (7865, 8851, P, None, None, 112.53655435473617),  # 8851/7865×100 = 112.536554…
    # The seed types 1.10 in row 3: ambiguous (1,10 or 110?), never guessed (DESIGN §4).
    ("1,08", "1.10", P, None, None, GALAT_NILAI),
    # -- Positif, text numbers read the Indonesian way (DESIGN §4) ---------------------------
    ("84,03", "86,82", P, None, None, 103.32024277043912),  # 86.82/84.03×100 = 103.320242…
    ("1.234.567", 1234567, P, None, None, 100.0),  # "1.234.567" is 1234567
    (12, "12 Bulan", P, None, None, 100.0),  # the unit is dropped
    ("12 Bulan", 9, P, None, None, 75.0),  # 9/12×100
    (7.5, 9.25, P, None, None, 123.33333333333333),  # 9.25/7.5×100 = 123.333…
    (84.03, 0, P, None, None, 0.0),  # 0/84.03×100
    (4, 1, P, None, None, 25.0),
    (200, 1, P, None, None, 0.5),
    (0, 12, P, None, None, GALAT_DIV0),  # T = 0: no capaian
    (0, 0, P, None, None, GALAT_DIV0),  # T = R = 0 is 100 only for Negatif
    # -- Negatif, 2T-R (the default formula) ----------------------------------------------------
    (10, 8, N, None, None, 120.0),  # (20−8)/10×100
    (10, 12, N, None, None, 80.0),  # (20−12)/10×100
    (10, 20, N, None, None, 0.0),  # (20−20)/10×100
    (10, 25, N, None, None, 0.0),  # (20−25)/10×100 = −50, floored at 0
    (84.03, 86.82, N, None, None, 96.67975722956088),  # (168.06−86.82)/84.03×100 = 96.679757…
    (7.5, 9.25, N, None, "2T-R", 76.66666666666667),  # (15−9.25)/7.5×100 = 76.666…
    (42, 43, N, None, None, 97.61904761904762),  # (84−43)/42×100 = 97.619047…
    (0, 0, N, None, None, 100.0),  # DESIGN §4: Negatif with T = R = 0 → 100
    (0, 5, N, None, None, GALAT_DIV0),  # T = 0, R ≠ 0: no capaian
    (10, 0, N, None, None, 200.0),  # (20−0)/10×100
    # -- Negatif, T/R ---------------------------------------------------------------------------
    (10, 8, N, None, TR, 125.0),  # 10/8×100
    (10, 12, N, None, TR, 83.33333333333333),  # 10/12×100 = 83.333…
    (7.5, 9.25, N, None, TR, 81.08108108108108),  # 7.5/9.25×100 = 81.081081…
    (42, 43, N, None, TR, 97.67441860465117),  # 42/43×100 = 97.674418…
    (84.03, 86.82, N, None, TR, 96.78645473393227),  # 84.03/86.82×100 = 96.786454…
    (10, 0, N, None, TR, GALAT_DIV0),  # T/R with R = 0
    (0, 0, N, None, TR, 100.0),  # T = R = 0 → 100 for either formula
    # T/R only applies to Negatif: Positif keeps R/T.
    (10, 8, P, None, TR, 80.0),
    # -- Batas Capaian Maksimum: the cap applies before anything else ---------------------------
    (50, 80, P, 100, None, 100.0),  # 160, capped at 100
    (50, 80, P, "120", None, 120.0),  # 160, capped at 120 (cap typed as text)
    (50, 80, P, 100.5, None, 100.5),
    (50, 80, P, 200, None, 160.0),  # under the cap: unchanged
    (50, 50, P, 100, None, 100.0),  # exactly the cap
    (50, 40, P, 100, None, 80.0),  # 40/50×100, under the cap
    (10, 5, N, 120, None, 120.0),  # (20−5)/10×100 = 150, capped at 120
    (10, 5, N, 120, TR, 120.0),  # 10/5×100 = 200, capped at 120
    # -- spellings the workbook accepts ---------------------------------------------------------
    (10, 12, "negatif", None, None, 80.0),
    (10, 12, " NEGATIF ", None, None, 80.0),
    (10, 12, None, None, None, 120.0),  # empty Polaritas: Positif
    (10, 12, N, None, None, 80.0),  # empty rumus: 2T-R
    (10, 12, N, None, "t/r", 83.33333333333333),
    (10, 12, N, None, " T / R ", 83.33333333333333),
]


@pytest.mark.parametrize(("t", "r", "pol", "batas", "rumus", "harap"), CAPAIAN)
def test_capaian_tabel(t: Any, r: Any, pol: Any, batas: Any, rumus: Any,
                       harap: float | str) -> None:
    hasil = RKT_CAPAIAN(t, r, pol, batas, rumus)
    assert type(hasil) is type(harap)  # a double for Excel, or an error text
    assert hasil == harap


def test_capaian_contoh_sinjai(data: dict[str, Any]) -> None:
    """The example workbook's Evaluasi rows (the seed's Lampiran I) through the UDF:
    the capaian worked by hand above, and the kategori of each (all > 90)."""
    harap = {"1.1": 103.73999283068467, "1.2": 102.38095238095238, "2.1": 101.85185185185185,
             "2.2": 142.85714285714286, "3.1": 100.0, "3.2": 112.53655435473617}
    hasil = {ev["Kode"]: RKT_CAPAIAN(ev["Target"], ev["Realisasi"], ev["Polaritas"])
             for ev in data["evaluasi"]}
    assert hasil == harap
    assert {RKT_KATEGORI(x) for x in hasil.values()} == {"Sangat Tinggi"}


def test_capaian_argumen_salah() -> None:
    assert RKT_CAPAIAN("1.08", 10) == GALAT_NILAI  # ambiguous: never guessed
    assert RKT_CAPAIAN(10, "12ulan") == GALAT_NILAI  # the seed's Tabel 2.5 typo
    assert RKT_CAPAIAN("uraian kualitatif", 10) == GALAT_NILAI
    assert RKT_CAPAIAN(10, 12, "Netral") == GALAT_NILAI
    assert RKT_CAPAIAN(10, 12, "Positif", -5) == GALAT_NILAI
    assert RKT_CAPAIAN(10, 12, "Positif", 0) == GALAT_NILAI  # a cap must be above 0
    assert RKT_CAPAIAN(10, 12, "Positif", "banyak") == GALAT_NILAI
    assert RKT_CAPAIAN(10, 12, "Negatif", None, "T-R") == GALAT_NILAI
    assert RKT_CAPAIAN([[1], [2]], 12) == GALAT_NILAI  # a range, not one value
    assert RKT_CAPAIAN("#N/A", 12) == "#N/A"  # an error passed in is passed on
    assert RKT_CAPAIAN(10, "#DIV/0!") == "#DIV/0!"
    assert RKT_CAPAIAN(10, 12, "#REF!") == "#REF!"


@pytest.mark.parametrize(("t", "r", "pol"), [(10, -3, P), (-10, 5, P), (-10, -5, P),
                                             (10, -3, N)])
def test_capaian_angka_negatif_tidak_dipakai(t: Any, r: Any, pol: str) -> None:
    # DESIGN §4b: a negative Target or Realisasi is not used, the capaian is empty;
    # the UDF promises what Hitung writes, so no number may come out: #VALUE!, as for
    # any other input Hitung does not use.
    assert RKT_CAPAIAN(t, r, pol) == GALAT_NILAI


def test_capaian_kosong() -> None:
    # As Hitung: no capaian yet is an empty cell, not an error.
    assert RKT_CAPAIAN(None, 12) == ""
    assert RKT_CAPAIAN(10, "") == ""
    assert RKT_CAPAIAN(10, "   ") == ""


# (capaian as typed, kategori) — Permendagri 86/2017, each row read off the band table.
KATEGORI: list[tuple[Any, str]] = [
    (102.38, "Sangat Tinggi"), ("102,38 %", "Sangat Tinggi"),  # x > 90
    (90.0000001, "Sangat Tinggi"), ("90,0000001", "Sangat Tinggi"), (90.01, "Sangat Tinggi"),
    (90, "Tinggi"), ("90", "Tinggi"), (89.9999999, "Tinggi"),  # 75 < x ≤ 90
    (75.0000001, "Tinggi"), (75.01, "Tinggi"),
    (75, "Sedang"), (74.9999999, "Sedang"), (65.5, "Sedang"),  # 65 < x ≤ 75
    (65.0000001, "Sedang"),
    (65, "Rendah"), (64.9999999, "Rendah"), (50.000001, "Rendah"),  # 50 < x ≤ 65
    (50.0000001, "Rendah"),
    (50, "Sangat Rendah"), (49.9999999, "Sangat Rendah"), (0, "Sangat Rendah"),  # x ≤ 50
    ("0,5", "Sangat Rendah"),
]


@pytest.mark.parametrize(("x", "harap"), KATEGORI)
def test_kategori_tabel(x: Any, harap: str) -> None:
    assert RKT_KATEGORI(x) == harap
    assert RKT_KATEGORI(x, "Permendagri 86/2017") == harap
    assert RKT_KATEGORI(x, None) == harap  # an empty skala cell: the default scale


def test_kategori_argumen_salah() -> None:
    assert RKT_KATEGORI("abc") == GALAT_NILAI
    assert RKT_KATEGORI("1.08") == GALAT_NILAI  # ambiguous
    assert RKT_KATEGORI(90, "Skala Lain") == GALAT_NILAI
    assert RKT_KATEGORI("#N/A") == "#N/A"
    assert RKT_KATEGORI(90, "#REF!") == "#REF!"
    assert RKT_KATEGORI(None) == ""


# (text or number, value) — DESIGN §4 examples and the seed's Tabel 2.5 / Lampiran I.
ANGKA: list[tuple[Any, float]] = [
    ("1.234.567", 1234567.0),  # DESIGN §4
    ("84,03", 84.03),  # DESIGN §4; the seed's Akhir Renstra 2018
    ("Rp 56.460.000", 56460000.0),  # DESIGN §4; Tabel 2.5, first kegiatan
    ("12 Bulan", 12.0),  # DESIGN §4; Tabel 2.5 Target/Satuan
    ("56.460.000,-", 56460000.0),  # the Rupiah dash of invoices
    ("102,38 %", 102.38),
    ("173.136.000", 173136000.0),  # Tabel 2.5, Program 2 pagu
    ("0,5", 0.5),
    ("-3,25", -3.25),
    (84.03, 84.03), (83.69, 83.69), (86.82, 86.82),  # Lampiran I, real number cells
    (42, 42.0), (43, 43.0), (0.5, 0.5), (1e15, 1e15), (-3.25, -3.25),  # taken as they are
]


@pytest.mark.parametrize(("x", "harap"), ANGKA)
def test_angka_tabel(x: Any, harap: float) -> None:
    hasil = RKT_ANGKA(x)
    assert type(hasil) is float and hasil == harap


@pytest.mark.parametrize("x", [
    "519.857.85000",  # Tabel 2.5, Program 1 pagu: malformed grouping
    "25.4500.000",  # Tabel 2.5, a kegiatan pagu: malformed grouping
    "12ulan",  # Tabel 2.5, a Target/Satuan typo
    "1.08",  # ambiguous: 1,08 or 108?
    "1,234.5",  # English notation
    "abc", True, [[1, 2]],
])
def test_angka_tidak_sah(x: Any) -> None:
    assert RKT_ANGKA(x) == GALAT_NILAI


def test_angka_kosong_dan_galat() -> None:
    assert RKT_ANGKA(None) == ""
    assert RKT_ANGKA("#N/A") == "#N/A"


# (number, without "rupiah", with "rupiah") — Indonesian number words; with rupiah the
# amount is first rounded half up to whole Rupiah.
TERBILANG: list[tuple[Any, str, str]] = [
    (0, "Nol", "Nol rupiah"),
    (7, "Tujuh", "Tujuh rupiah"),
    (11, "Sebelas", "Sebelas rupiah"),
    (12, "Dua belas", "Dua belas rupiah"),
    (100, "Seratus", "Seratus rupiah"),
    (1000, "Seribu", "Seribu rupiah"),
    (1000000, "Satu juta", "Satu juta rupiah"),
    (56460000, "Lima puluh enam juta empat ratus enam puluh ribu",  # Tabel 2.5
     "Lima puluh enam juta empat ratus enam puluh ribu rupiah"),
    ("1.234.567", "Satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh",
     "Satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh rupiah"),
    (1234567.5, "Satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh koma "
     "lima", "Satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh delapan rupiah"),
    (1234567.49, "Satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh koma "
     "empat sembilan",
     "Satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh rupiah"),
    ("84,03", "Delapan puluh empat koma nol tiga", "Delapan puluh empat rupiah"),
    (-25, "Min dua puluh lima", "Min dua puluh lima rupiah"),
]


@pytest.mark.parametrize(("x", "kata", "kata_rupiah"), TERBILANG)
def test_terbilang_tabel(x: Any, kata: str, kata_rupiah: str) -> None:
    assert RKT_TERBILANG(x) == kata
    assert RKT_TERBILANG(x, False) == kata
    assert RKT_TERBILANG(x, True) == kata_rupiah


@pytest.mark.parametrize(("rupiah", "harap"), [
    ("BENAR", "Lima puluh enam juta empat ratus enam puluh ribu rupiah"),
    ("ya", "Lima puluh enam juta empat ratus enam puluh ribu rupiah"),
    (1.0, "Lima puluh enam juta empat ratus enam puluh ribu rupiah"),
    ("SALAH", "Lima puluh enam juta empat ratus enam puluh ribu"),
    (0, "Lima puluh enam juta empat ratus enam puluh ribu"),
    (None, "Lima puluh enam juta empat ratus enam puluh ribu"),
    ("mungkin", GALAT_NILAI),
])
def test_terbilang_argumen_rupiah(rupiah: Any, harap: str) -> None:
    assert RKT_TERBILANG(56460000, rupiah) == harap


def test_terbilang_argumen_salah() -> None:
    assert RKT_TERBILANG("12 Bulan") == GALAT_NILAI  # a number, not a number with a unit
    assert RKT_TERBILANG("#REF!") == "#REF!"
    assert RKT_TERBILANG("") == ""
    with pytest.raises(ValueError):
        angka.terbilang(Decimal("1e400"))  # the core refuses it…
    assert RKT_TERBILANG(Decimal("1e400")) == GALAT_NUM  # …the cell shows #NUM!


# (amount, text) — Indonesian grouping, rounded half up to whole Rupiah.
RUPIAH: list[tuple[Any, str]] = [
    (0, "Rp 0"),
    (1234567, "Rp 1.234.567"),
    (1234567.5, "Rp 1.234.568"),  # half up
    (1234567.49, "Rp 1.234.567"),
    (56460000, "Rp 56.460.000"),  # Tabel 2.5
    ("56.460.000", "Rp 56.460.000"),
    ("Rp 1.234", "Rp 1.234"),
    (516257850, "Rp 516.257.850"),  # Tabel 2.5: Σ of Program 1's nine kegiatan
]


@pytest.mark.parametrize(("x", "harap"), RUPIAH)
def test_rupiah_tabel(x: Any, harap: str) -> None:
    assert RKT_RUPIAH(x) == harap


def test_rupiah_argumen_salah() -> None:
    assert RKT_RUPIAH("519.857.85000") == GALAT_NILAI  # the seed's Program 1 pagu
    assert RKT_RUPIAH("12 Bulan") == GALAT_NILAI
    assert RKT_RUPIAH("#N/A") == "#N/A"
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
