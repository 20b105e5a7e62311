"""Capaian, kategori, rata-rata and pagu sums (DESIGN §4), exact values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rkt_xl import angka, skema
from rkt_xl.hitung import capaian, jumlah_pagu, rata_rata
from rkt_xl.kategori import SKALA, kategori

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
    assert rata_rata([a, b]) == D(110)  # capped first, then averaged


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
