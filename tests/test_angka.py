"""Strict Indonesian number reading and formatting (DESIGN §4), seed cases first."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from rkt_xl import angka
from rkt_xl.model import Bacaan, GalatExcel, RumusTanpaNilai, Status

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


# -- what the user is told: each reason read and checked against DESIGN §4 ---------------------
@pytest.mark.parametrize(("nilai", "alasan"), [
    (True, "berisi nilai logika (BENAR/SALAH), bukan angka"),
    (False, "berisi nilai logika (BENAR/SALAH), bukan angka"),
    (float("nan"), "bukan angka yang terhingga"),
    (float("inf"), "bukan angka yang terhingga"),
    (float("-inf"), "bukan angka yang terhingga"),
    (D("NaN"), "bukan angka yang terhingga"),
    (D("-Infinity"), "bukan angka yang terhingga"),
    (GalatExcel("#REF!"), "berisi galat rumus #REF!"),
    (RumusTanpaNilai("E5*12"), "berisi rumus yang belum pernah dihitung"),
    (dt.date(2018, 1, 8), "berisi tanggal/waktu, bukan angka (format sel diubah Excel?)"),
    (dt.time(8, 30), "berisi tanggal/waktu, bukan angka (format sel diubah Excel?)"),
    ("meningkat", "teks 'meningkat' bukan angka"),
    ("Rp Rp 5", "teks 'Rp Rp 5' bukan angka"),  # one Rupiah prefix only
    ("12 Bulan x 3", "'12 Bulan x 3' bukan satu angka"),
    ("12ulan", "'12ulan' tidak dapat dibaca sebagai angka"),  # the seed's Tabel 2.5
    ("12,", "'12,' tidak dapat dibaca: tanda pemisah lepas di akhir angka"),
    ("12.", "'12.' tidak dapat dibaca: tanda pemisah lepas di akhir angka"),
    ("56.460.000,-x", "'56.460.000,-x' tidak dapat dibaca: tanda pemisah lepas di akhir angka"),
    ("1,234.5", "'1,234.5' memakai penulisan Inggris (koma ribuan, titik desimal); tulis "
     "dengan titik untuk ribuan dan koma untuk desimal"),
    ("1.234,5.6", "'1.234,5.6' memakai penulisan Inggris (koma ribuan, titik desimal); "
     "tulis dengan titik untuk ribuan dan koma untuk desimal"),
    ("1,2,3", "'1,2,3' memuat lebih dari satu koma desimal"),
    ("25.4500,5", "'25.4500,5' salah kelompok ribuan: titik harus memisahkan tepat tiga "
     "angka"),
    ("25.4500.000", "'25.4500.000' salah kelompok ribuan: titik harus memisahkan tepat tiga "
     "angka"),  # the seed's Tabel 2.5
])
def test_alasan_tidak_valid(nilai: object, alasan: str) -> None:
    b = angka.baca(nilai, boleh_satuan=True)
    assert b == Bacaan(Status.TIDAK_VALID, alasan=alasan)


def test_alasan_satuan_di_kolom_angka_murni() -> None:
    assert angka.baca("5\u00a0Bulan") == Bacaan(
        Status.TIDAK_VALID, alasan="'5 Bulan': kolom ini hanya berisi angka, tanpa satuan")
    assert angka.baca("12 Bulan x 3") == Bacaan(
        Status.TIDAK_VALID, alasan="'12 Bulan x 3' bukan satu angka")


@pytest.mark.parametrize(("teks", "alasan"), [
    ("meningkat", "target berupa uraian, bukan angka"),
    ("Usaha Mikro = 6379 unit", "target berupa uraian, bukan angka"),  # Tabel 2.5, program 6
    ("2 Almari Arsip, 1 Set Sound Sistem", "target berupa uraian, bukan satu angka"),
    ("12 Bulan x 3", "target berupa uraian, bukan satu angka"),
])
def test_alasan_kualitatif(teks: str, alasan: str) -> None:
    b = angka.baca(teks, boleh_satuan=True, boleh_kualitatif=True)
    assert b == Bacaan(Status.KUALITATIF, alasan=alasan)


@pytest.mark.parametrize(("teks", "alasan"), [
    ("1.08", "'1.08' ambigu: 1,08 (titik sebagai koma desimal) atau 108? Dalam penulisan "
     "Indonesia titik memisahkan ribuan per tiga angka"),
    # The decimals as typed: 1,80 (not 1,8) against 180.
    ("1.80", "'1.80' ambigu: 1,80 (titik sebagai koma desimal) atau 180? Dalam penulisan "
     "Indonesia titik memisahkan ribuan per tiga angka"),
    ("0.125", "'0.125' ambigu: 0,125 (titik sebagai koma desimal) atau 125? Dalam penulisan "
     "Indonesia titik memisahkan ribuan per tiga angka"),
])
def test_alasan_ambigu(teks: str, alasan: str) -> None:
    assert angka.baca(teks).alasan == alasan


@pytest.mark.parametrize(("teks", "nilai"), [
    ("- 5", D(-5)), ("\u2212 5", D(-5)), ("\u22125", D(-5)),  # a typographic minus too
    ("+5", D(5)), ("+ 5", D(5)), ("\u00a05\u00a0", D(5)),
    ("rp.5.000", D(5000)), ("RP 1.000", D(1000)), ("56.460.000,- ", D(56460000)),
])
def test_tanda_dan_awalan(teks: str, nilai: Decimal) -> None:
    assert angka.baca(teks) == Bacaan(Status.TEKS_ANGKA, nilai)


def test_spasi_tak_terputus_sebelum_satuan() -> None:
    # Word pastes a no-break space between number and unit: read as a space.
    assert angka.baca("5\u00a0Bulan", boleh_satuan=True) == Bacaan(
        Status.TEKS_ANGKA, D(5), satuan="Bulan")


# -- percent-formatted cells (DESIGN §4b): 0.85 shown as 85% is 85 in percent units ------------
@pytest.mark.parametrize(("nilai", "teks_nilai"), [
    (0.85, "85"), (0.8403, "84.03"), (1, "100"), (D("0.85"), "85"), (1.2, "120"),
    (0.001, "0.1"), (0, "0"),
])
def test_sel_persen(nilai: float | int | Decimal, teks_nilai: str) -> None:
    b = angka.baca(nilai, persen=True)
    assert b == Bacaan(Status.ANGKA, D(teks_nilai), satuan="%")
    assert b.nilai is not None and str(b.nilai) == teks_nilai  # plain notation, not 1E+2


def test_sel_persen_tidak_terhingga() -> None:
    assert angka.baca(float("nan"), persen=True).status is Status.TIDAK_VALID


@pytest.mark.parametrize(("satuan", "persen"), [
    ("%", True), (" % ", True), ("Persen (%)", True), ("persen", True), ("PERSEN", True),
    (" Prosen ", True), ("persentase", True), ("Persentase", True),
    ("orang", False), ("Bulan", False), ("", False), ("per sen", False), ("persenan", False),
])
def test_satuan_persen(satuan: str, persen: bool) -> None:
    assert angka.satuan_persen(satuan) is persen


def test_terbilang_bilangan_bulat_desimal() -> None:
    # A whole number typed with decimals is spelt as the whole number.
    assert angka.terbilang(D("12.0")) == "Dua belas"
    assert angka.terbilang(D("1E+2")) == "Seratus"
    assert angka.terbilang(12.5, rupiah=True) == "Tiga belas rupiah"  # half up
    with pytest.raises(ValueError, match="tidak dapat dieja"):
        angka.terbilang(D("1e400"))


# -- quoting what was typed (rkt_xl/kutip.py) ---------------------------------------------------


def test_teks_tak_terlihat_disebut_bukan_di_escape() -> None:
    # A zero-width space pasted from a web page after "7" (fuzz input sel:2:1027): the
    # message names it, instead of Python's repr escape '7\u200b'.
    alasan = angka.baca("7\u200b").alasan
    assert alasan is not None
    assert "'7⟨U+200B⟩'" in alasan and "\\u" not in alasan


def test_kutip_selalu_petik_tunggal() -> None:
    from rkt_xl.kutip import kutip

    # repr would switch to double quotes around a text holding an apostrophe
    assert kutip("Jum'at") == "'Jum'at'"
    assert kutip("tab\there") == "'tab⟨U+0009⟩here'"
    assert kutip("Rp 1.000") == "'Rp 1.000'"
    assert kutip("Rp\u00a01.000") == "'Rp⟨U+00A0⟩1.000'"
    assert kutip("berhasil ✓") == "'berhasil ✓'"
