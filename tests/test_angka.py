"""Strict Indonesian number reading and formatting (DESIGN §4), seed cases first."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from rkt_xl import angka
from rkt_xl.model import GalatExcel, Status

D = Decimal


@pytest.mark.parametrize(("teks", "nilai", "satuan"), [
    ("1.234.567", D(1234567), None),
    ("84,03", D("84.03"), None),
    ("Rp 56.460.000", D(56460000), None),
    ("Rp. 1.500", D(1500), None),
    ("Rp56.460.000", D(56460000), None),
    ("56.460.000,-", D(56460000), None),
    ("12 Bulan", D(12), "Bulan"),
    ("43 kop", D(43), "kop"),
    ("60 KSP/USP", D(60), "KSP/USP"),
    ("100%", D(100), "%"),
    ("100 %", D(100), "%"),
    ("1.234,5", D("1234.5"), None),
    ("0,5", D("0.5"), None),
    ("1.234", D(1234), None),
    ("-5", D(-5), None),
    ("  7  ", D(7), None),
])
def test_teks_angka_sah(teks: str, nilai: Decimal, satuan: str | None) -> None:
    b = angka.baca(teks, boleh_satuan=True)
    assert b.status is Status.TEKS_ANGKA
    assert b.nilai == nilai
    assert b.satuan == satuan


@pytest.mark.parametrize("teks", ["519.857.85000", "25.4500.000", "12ulan", "1, 08 %",
                                  "1,234.56", "1,2,3", "12.", "1..2", "abc"])
def test_teks_salah_ditolak(teks: str) -> None:
    b = angka.baca(teks, boleh_satuan=True)
    assert b.status is Status.TIDAK_VALID
    assert b.nilai is None
    assert b.alasan


@pytest.mark.parametrize(("teks", "kemungkinan"), [
    ("1.08", (D("1.08"), D(108))),
    ("1.10", (D("1.10"), D(110))),
    ("84.03", (D("84.03"), D(8403))),
])
def test_ambigu_tidak_ditebak(teks: str, kemungkinan: tuple[Decimal, Decimal]) -> None:
    b = angka.baca(teks)
    assert b.status is Status.AMBIGU
    assert b.nilai is None  # never used until the user decides
    assert b.kemungkinan == kemungkinan


def test_sel_angka_tidak_dibaca_ulang() -> None:
    # A real numeric cell is taken as is: 1.08 as a float is 1,08, not 108.
    assert angka.baca(1.08).nilai == D("1.08")
    assert angka.baca(1.08).status is Status.ANGKA
    assert angka.baca(123456789012345).nilai == D(123456789012345)


def test_kualitatif_hanya_bila_diizinkan() -> None:
    teks = "Usaha Mikro = 6379 unit, usaha kecil = 3365 unit"
    assert angka.baca(teks, boleh_kualitatif=True).status is Status.KUALITATIF
    assert angka.baca(teks).status is Status.TIDAK_VALID
    assert angka.baca("2 Almari Arsip, 1 Set Sound Sistem",
                      boleh_satuan=True, boleh_kualitatif=True).status is Status.KUALITATIF


def test_satuan_ditolak_di_kolom_angka_murni() -> None:
    assert angka.baca("43 kop").status is Status.TIDAK_VALID


@pytest.mark.parametrize("nilai", [True, GalatExcel("#DIV/0!"), dt.datetime(2018, 1, 8),
                                   float("nan")])
def test_bukan_angka(nilai: object) -> None:
    assert angka.baca(nilai).status is Status.TIDAK_VALID


def test_kosong() -> None:
    assert angka.baca(None).status is Status.KOSONG
    assert angka.baca("   ").status is Status.KOSONG


@pytest.mark.parametrize(("x", "desimal", "teks"), [
    (1234567, None, "1.234.567"),
    (D("84.03"), None, "84,03"),
    (D("102.3809523809"), 2, "102,38"),
    (D("102.385"), 2, "102,39"),  # half up, not banker's rounding
    (D("0.125"), 2, "0,13"),
    (-1500, None, "-1.500"),
    (516257850, 0, "516.257.850"),
    (0, None, "0"),
])
def test_format_angka(x: int | Decimal, desimal: int | None, teks: str) -> None:
    assert angka.format_angka(x, desimal) == teks


def test_format_rupiah_dan_persen() -> None:
    assert angka.format_rupiah(118136000) == "Rp 118.136.000"
    assert angka.format_persen(D(43) / D(42) * 100) == "102,38"


def test_terbilang() -> None:
    assert angka.terbilang(118136000, rupiah=True) == \
        "Seratus delapan belas juta seratus tiga puluh enam ribu rupiah"
    assert angka.terbilang(2018) == "Dua ribu delapan belas"
