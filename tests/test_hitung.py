"""Capaian, kategori, rata-rata and pagu sums (DESIGN §4), exact values."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any, cast

import pytest

from rkt_xl import angka, pemetaan, pertukaran, skema
from rkt_xl.hitung import (
    Capaian,
    HasilHitung,
    PaguProgram,
    capaian,
    hitung,
    jumlah_pagu,
    kegiatan_tak_terbaca,
    rata_rata,
    rupiah,
    sebab,
)
from rkt_xl.kategori import SKALA, Pita, kategori
from rkt_xl.model import RKT, Bacaan, Status

D = Decimal


def test_seed_lampiran_i() -> None:
    # Lampiran I of the seed: 43/42 is 102.380952…, printed 102.39 by hand.
    nilai, alasan = capaian(D(42), D(43))
    assert alasan is None and nilai is not None
    assert angka.bulatkan(nilai) == D("102.38")
    assert abs(nilai - D("102.38095238095238095")) < D("1e-15")


def test_rata_rata_seed() -> None:
    baris = [(D("83.69"), D("86.82")), (D(42), D(43)), (D("1.08"), D("1.10")),
             (D(35), D(50)), (D(32), D(32)), (D(7865), D(8851))]
    nilai = [capaian(t, r)[0] for t, r in baris]
    rr = rata_rata([n for n in nilai if n is not None])
    assert rr is not None and angka.bulatkan(rr) == D("110.56")


@pytest.mark.parametrize(("t", "r", "rumus", "harap"), [
    (D(10), D(8), skema.RUMUS_2T_R, D(120)),  # lower is better: 8 against 10
    (D(10), D(12), skema.RUMUS_2T_R, D(80)),
    (D(10), D(25), skema.RUMUS_2T_R, D(0)),  # floored at 0
    (D(10), D(8), skema.RUMUS_T_R, D(125)),
    (D(10), D(12), skema.RUMUS_T_R, D("83.33333333333333333333333333333333")),
])
def test_negatif(t: Decimal, r: Decimal, rumus: str, harap: Decimal) -> None:
    nilai, _ = capaian(t, r, skema.NEGATIF, rumus)
    assert nilai == harap


def test_target_nol() -> None:
    assert capaian(D(0), D(5)) == (None, "target 0: capaian tidak dapat dihitung")
    assert capaian(D(0), D(0), skema.NEGATIF)[0] == D(100)
    assert capaian(D(0), D(0), skema.POSITIF)[0] is None


def test_realisasi_kosong_dan_t_r_nol() -> None:
    assert capaian(D(5), None)[0] is None
    assert capaian(D(5), D(0), skema.NEGATIF, skema.RUMUS_T_R)[0] is None


def test_batas_sebelum_rata_rata() -> None:
    a, _ = capaian(D(10), D(20), batas=D(120))
    b, _ = capaian(D(10), D(10), batas=D(120))
    assert a == D(120)
    assert rata_rata([a, cast(Decimal, b)]) == D(110)  # capped first, then averaged


@pytest.mark.parametrize(("x", "k"), [
    (D("90.0001"), "Sangat Tinggi"), (D(90), "Tinggi"), (D("75.01"), "Tinggi"),
    (D(75), "Sedang"), (D(65), "Rendah"), (D("50.5"), "Rendah"), (D(50), "Sangat Rendah"),
    (D(0), "Sangat Rendah"), (D(250), "Sangat Tinggi"),
])
def test_kategori_permendagri(x: Decimal, k: str) -> None:
    assert kategori(x, "Permendagri 86/2017") == k


def test_skala_adalah_data() -> None:
    pita = SKALA["Permendagri 86/2017"]
    assert pita[0].kategori == "Sangat Tinggi"
    assert all(p.bawah is None or p.atas is None or p.bawah < p.atas for p in pita)


def test_pagu_ratusan_miliar_tepat() -> None:
    besar = [angka.baca(n) for n in (999_999_999_999, 123_456_789_012, 1)]
    assert jumlah_pagu(besar).nilai == 999_999_999_999 + 123_456_789_012 + 1
    teks = [angka.baca("Rp 250.000.000.000"), angka.baca("150.000.000.001")]
    assert jumlah_pagu(teks).nilai == 400_000_000_001


def test_pagu_tidak_valid_membuat_jumlah_tidak_diketahui() -> None:
    hasil = jumlah_pagu([angka.baca(61011000), angka.baca("25.4500.000")])
    assert hasil.nilai is None
    assert hasil.alasan and "ke-2" in hasil.alasan
    assert jumlah_pagu([angka.baca(10), angka.baca(None)]).nilai is None
    assert jumlah_pagu([angka.baca(1.5)]).nilai is None  # not whole Rupiah


# -- reasons, spellings and the cap, as DESIGN §4 states them ----------------------------------
def test_alasan_tanpa_capaian() -> None:
    assert capaian(None, D(5)) == (None, "target belum diisi atau bukan angka")
    assert capaian(D(5), None) == (None, "realisasi belum diisi atau bukan angka")
    assert capaian(D(5), D(0), skema.NEGATIF, skema.RUMUS_T_R) == (
        None, "realisasi 0: rumus T/R tidak dapat dihitung")


@pytest.mark.parametrize("rumus", ["T/R", "t/r", " T / R ", "T /R"])
def test_rumus_t_r_ditulis_bebas_spasi(rumus: str) -> None:
    # 10 / 12 × 100 = 83.33…, not (20 − 12) / 10 × 100 = 80.
    assert capaian(D(10), D(12), skema.NEGATIF, rumus)[0] == D(
        "83.33333333333333333333333333333333")


@pytest.mark.parametrize(("pol", "harap"), [(" negatif ", D(80)), ("NEGATIF", D(80)),
                                             ("Positif", D(120)), ("", D(120))])
def test_polaritas_ditulis_bebas(pol: str, harap: Decimal) -> None:
    assert capaian(D(10), D(12), pol)[0] == harap


def test_batas_tepat_dan_di_bawah() -> None:
    assert capaian(D(10), D(12), batas=D(100)) == (D(100), None)  # 120 → 100
    assert capaian(D(10), D(10), batas=D(100)) == (D(100), None)  # exactly the cap
    assert capaian(D(10), D(9), batas=D(100)) == (D(90), None)  # under it: unchanged
    assert capaian(D(10), D(5), skema.NEGATIF, batas=D(120)) == (D(120), None)  # 150 → 120


def test_presisi_34_angka() -> None:
    # Decimal128 precision (34 significant digits), both for capaian and the mean.
    assert capaian(D(3), D(1))[0] == D("33.33333333333333333333333333333333")
    assert rata_rata([D(1), D(0), D(0)]) == D("0.3333333333333333333333333333333333")
    assert rata_rata([]) is None
    assert rata_rata([D("102.5")]) == D("102.5")


def _bacaan(status: Status, nilai: str | None = None) -> Bacaan:
    return Bacaan(status, None if nilai is None else D(nilai))


@pytest.mark.parametrize(("status", "harap"), [
    (Status.KOSONG, "belum diisi"), (Status.NEGATIF, "bernilai negatif"),
    (Status.KUALITATIF, "berupa uraian, bukan angka"),
    (Status.AMBIGU, "ambigu (belum dipastikan)"), (Status.TIDAK_VALID, "bukan angka yang sah"),
    (Status.ANGKA, "tidak dapat dipakai"),  # a usable reading has no such reason
])
def test_sebab(status: Status, harap: str) -> None:
    assert sebab(_bacaan(status)) == harap


def test_rupiah_hanya_bilangan_bulat_yang_terpakai() -> None:
    assert rupiah(_bacaan(Status.ANGKA, "56460000")) == 56460000
    assert rupiah(_bacaan(Status.TEKS_ANGKA, "56460000.0")) == 56460000
    assert rupiah(_bacaan(Status.ANGKA, "1.5")) is None  # not whole Rupiah
    assert rupiah(_bacaan(Status.NEGATIF, "-5000000")) is None  # DESIGN §4b: not used
    assert rupiah(_bacaan(Status.AMBIGU, "108")) is None
    assert rupiah(_bacaan(Status.KOSONG)) is None


def test_jumlah_pagu_alasan_dan_banyaknya() -> None:
    assert jumlah_pagu([]) == PaguProgram(0, None, 0)
    assert jumlah_pagu([_bacaan(Status.ANGKA, "10"), _bacaan(Status.ANGKA, "20")]) == \
        PaguProgram(30, None, 2)
    assert jumlah_pagu([_bacaan(Status.ANGKA, "10"), _bacaan(Status.ANGKA, "1.5"),
                        _bacaan(Status.KOSONG)]) == PaguProgram(
        None, "pagu kegiatan ke-2 bukan bilangan bulat Rupiah", 3)
    assert jumlah_pagu([_bacaan(Status.KOSONG), _bacaan(Status.ANGKA, "10")]) == \
        PaguProgram(None, "pagu kegiatan ke-1 belum diisi", 2)
    assert jumlah_pagu([_bacaan(Status.NEGATIF, "-5")]) == \
        PaguProgram(None, "pagu kegiatan ke-1 bernilai negatif", 1)


# -- Hitung over the seed (Sinjai 2018) ---------------------------------------------------------
# Σ Pagu of each program's kegiatan, added by hand from the seed's Tabel 2.5.
PAGU_SEED = {
    "1": 516257850,  # 56.460.000 + 3.600.000 + … + 16.160.000 (nine kegiatan)
    "2": 118136000,  # 22.000.000 + 19.000.000 + 55.100.000 + 4.000.000 + 6.536.000 + …
    "4": 62500000, "5": 53905000,  # 6.075.000 + 6.370.000 + 41.460.000
    "6": 64714950, "7": 35445000,
    "8": 147525000,  # 50.845.000 + 66.500.000 + 30.180.000
    "10": None,  # 61.011.000 + "25.4500.000" (malformed): unknown
    "11": 278579000, "12": 43096000, "13": 32476000,
}


def _seed(data: dict[str, Any]) -> tuple[RKT, HasilHitung]:
    rkt = pemetaan.susun(pertukaran.ke_tabel(data))
    return rkt, hitung(rkt)


def test_hitung_seed(data: dict[str, Any]) -> None:
    rkt, hasil = _seed(data)
    assert {p.kode: hasil.pagu_dari(p).nilai for p in rkt.program} == PAGU_SEED
    p10 = next(p for p in rkt.program if p.kode == "10")
    assert hasil.pagu_dari(p10) == PaguProgram(
        None, "pagu kegiatan ke-2 bukan angka yang sah", 2)
    assert hasil.pagu_dari(rkt.program[0]).jumlah_kegiatan == 9
    # One unknown program makes the total unknown, with the first reason.
    assert hasil.total_pagu is None
    assert hasil.total_alasan == (
        "pagu Program 10 tidak dapat dijumlah (pagu kegiatan ke-2 bukan angka yang sah)")
    # Lampiran I: mean of 103.7399…, 102.3809…, 101.8518…, 142.8571…, 100, 112.5365…
    assert hasil.rata_rata is not None
    assert angka.bulatkan(hasil.rata_rata, 8) == D("110.56108238")
    c = hasil.capaian_dari(rkt.evaluasi[1])  # 43 / 42 × 100
    assert c == Capaian(D("102.3809523809523809523809523809524"), "Sangat Tinggi")


def test_hitung_seed_diperbaiki(data: dict[str, Any]) -> None:
    """With Tabel 2.5's typo fixed (25.450.000), every sum is known and the total is
    the sum of the program sums above."""
    k = next(k for k in data["kegiatan"] if k["Kode Kegiatan"] == "10.02")
    k["Pagu"] = "25.450.000"
    rkt, hasil = _seed(data)
    assert hasil.pagu_program[rkt.program[7].baris.nomor] == PaguProgram(86461000, None, 2)
    # 516.257.850 + 118.136.000 + 62.500.000 + 53.905.000 + 64.714.950 + 35.445.000
    # + 147.525.000 + 86.461.000 + 278.579.000 + 43.096.000 + 32.476.000
    assert hasil.total_pagu == 1439095800
    assert hasil.total_alasan is None


def test_hitung_dua_program_tak_terhitung_alasan_pertama(data: dict[str, Any]) -> None:
    data["kegiatan"][0]["Pagu"] = None  # Program 1, before Program 10
    _, hasil = _seed(data)
    assert hasil.total_pagu is None
    assert hasil.total_alasan == "pagu Program 1 tidak dapat dijumlah (pagu kegiatan ke-1 " \
        "belum diisi)"


def test_hitung_tanpa_kolom_pagu(data: dict[str, Any]) -> None:
    tabel = pertukaran.ke_tabel(data)
    keg = tabel[skema.KEGIATAN_T.nama]
    tabel[skema.KEGIATAN_T.nama] = replace(
        keg, header=tuple(h for h in keg.header if h != skema.PAGU))
    rkt = pemetaan.susun(tabel)
    assert kegiatan_tak_terbaca(rkt) == "tabel tblKegiatan tidak memiliki kolom 'Pagu'"
    hasil = hitung(rkt)
    assert all(pp == PaguProgram(None, "tabel tblKegiatan tidak memiliki kolom 'Pagu'")
               for pp in hasil.pagu_program.values())
    assert len(hasil.pagu_program) == 11
    assert hasil.total_pagu is None
    assert hasil.total_alasan == ("pagu program tidak dapat dijumlah (tabel tblKegiatan "
                                  "tidak memiliki kolom 'Pagu')")


def test_hitung_tanpa_tabel_kegiatan(data: dict[str, Any]) -> None:
    tabel = pertukaran.ke_tabel(data)
    del tabel[skema.KEGIATAN_T.nama]
    rkt = pemetaan.susun(tabel)
    assert kegiatan_tak_terbaca(rkt) == "tabel tblKegiatan tidak ditemukan"
    assert hitung(rkt).total_pagu is None


def test_hitung_capaian_dari_bacaan(data: dict[str, Any]) -> None:
    """hitung_capaian takes only usable readings, and says which one is missing."""
    data["evaluasi"][0]["Realisasi"] = -86.82  # DESIGN §4b: a negative value is not used
    data["evaluasi"][1]["Target"] = "1.08"  # ambiguous
    data["evaluasi"][2]["Target"] = None
    data["evaluasi"][3]["Target"] = -35  # its value is kept for the message, never used
    rkt, hasil = _seed(data)
    c = [hasil.capaian_dari(ev) for ev in rkt.evaluasi[:4]]
    assert c[0] == Capaian(None, None, "realisasi bernilai negatif")
    assert c[1] == Capaian(None, None, "target ambigu (belum dipastikan)")
    assert c[2] == Capaian(None, None, "target belum diisi")
    assert c[3] == Capaian(None, None, "target bernilai negatif")
    assert not any(x.dibatasi for x in c)


def test_hitung_capaian_target_nol_alasan_inti(data: dict[str, Any]) -> None:
    data["evaluasi"][0]["Target"] = 0
    rkt, hasil = _seed(data)
    assert hasil.capaian_dari(rkt.evaluasi[0]) == Capaian(
        None, None, "target 0: capaian tidak dapat dihitung")


def test_hitung_batas_dan_dibatasi(data: dict[str, Any]) -> None:
    data["pengaturan"]["Batas Capaian Maksimum"] = 120
    rkt, hasil = _seed(data)
    c = [hasil.capaian_dari(ev) for ev in rkt.evaluasi]
    assert c[3] == Capaian(D(120), "Sangat Tinggi", dibatasi=True)  # 142.86 → 120
    assert c[4] == Capaian(D(100), "Sangat Tinggi", dibatasi=False)  # 32 / 32
    assert c[5].nilai is not None and not c[5].dibatasi  # 112.54, under the cap
    rkt, hasil = _seed({**data, "pengaturan": {**data["pengaturan"],
                                               "Batas Capaian Maksimum": None}})
    assert not any(hasil.capaian_dari(ev).dibatasi for ev in rkt.evaluasi)


def test_hitung_skala_lain_dari_pengaturan(data: dict[str, Any],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Scales are data (DESIGN §4): a scale added to the table is used by name; an
    unknown name falls back to Permendagri 86/2017."""
    monkeypatch.setitem(SKALA, "Uji Dua Pita", (Pita("Tercapai", D(100), None),
                                                Pita("Belum", None, D(100))))
    data["pengaturan"]["Skala Kategori"] = "Uji Dua Pita"
    rkt, hasil = _seed(data)
    assert [hasil.capaian_dari(ev).kategori for ev in rkt.evaluasi] == [
        "Tercapai", "Tercapai", "Tercapai", "Tercapai", "Belum", "Tercapai"]
    data["pengaturan"]["Skala Kategori"] = "Skala Tidak Ada"
    rkt, hasil = _seed(data)
    assert {hasil.capaian_dari(ev).kategori for ev in rkt.evaluasi} == {"Sangat Tinggi"}
