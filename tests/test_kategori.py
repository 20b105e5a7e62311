"""Kategori scales (``rkt_xl.kategori``) against the Permendagri 86/2017 band table.

The expected kategori is written out by hand from the regulation's table (DESIGN §4):
x > 90 Sangat Tinggi; 75 < x ≤ 90 Tinggi; 65 < x ≤ 75 Sedang; 50 < x ≤ 65 Rendah;
x ≤ 50 Sangat Rendah. Every edge is checked on both sides, with a step far smaller
than any capaian anyone types, so moving an edge or flipping ``<``/``≤`` fails here.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from rkt_xl.kategori import SKALA, SKALA_BAKU, Pita, kategori

D = Decimal

ST, T, S, R, SR = "Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"

# (capaian, kategori) — each row read off the band table above.
TABEL_PERMENDAGRI: list[tuple[str, str]] = [
    ("200", ST), ("100", ST), ("90.0000001", ST), ("90.00000000000000000000000001", ST),
    ("90", T), ("89.9999999", T), ("80", T), ("75.0000001", T),
    ("75", S), ("74.9999999", S), ("70", S), ("65.0000001", S),
    ("65", R), ("64.9999999", R), ("60", R), ("50.0000001", R),
    ("50", SR), ("49.9999999", SR), ("0", SR), ("-5", SR),
]


@pytest.mark.parametrize(("x", "harap"), TABEL_PERMENDAGRI)
def test_pita_permendagri(x: str, harap: str) -> None:
    assert kategori(D(x)) == harap
    assert kategori(D(x), "Permendagri 86/2017") == harap


def test_skala_baku_dan_urutan_pita() -> None:
    assert SKALA_BAKU == "Permendagri 86/2017"
    # The band table itself, as the regulation prints it (highest first).
    assert [(p.kategori, p.bawah, p.atas) for p in SKALA[SKALA_BAKU]] == [
        (ST, D(90), None), (T, D(75), D(90)), (S, D(65), D(75)), (R, D(50), D(65)),
        (SR, None, D(50)),
    ]


def test_skala_tidak_dikenal() -> None:
    with pytest.raises(KeyError):
        kategori(D(80), "Skala Lain")


@pytest.mark.parametrize(("bawah", "atas", "x", "harap"), [
    # bawah < x <= atas: open below, closed above; None is an open end.
    ("10", "20", "10", False), ("10", "20", "10.0001", True), ("10", "20", "20", True),
    ("10", "20", "20.0001", False), (None, "20", "-1000", True), (None, "20", "20.0001", False),
    ("10", None, "10", False), ("10", None, "1e9", True), (None, None, "0", True),
])
def test_pita_memuat(bawah: str | None, atas: str | None, x: str, harap: bool) -> None:
    pita = Pita("X", None if bawah is None else D(bawah), None if atas is None else D(atas))
    assert pita.memuat(D(x)) is harap


def test_skala_dari_tabel_teks() -> None:
    """A scale is written as text rows (kategori, lower, upper); None is an open end."""
    from rkt_xl.kategori import _skala

    assert _skala(("Atas", "80.5", None), ("Tengah", "40", "80.5"), ("Bawah", None, "40")) == (
        Pita("Atas", D("80.5"), None), Pita("Tengah", D(40), D("80.5")),
        Pita("Bawah", None, D(40)))
    assert _skala() == ()


def test_skala_berlubang_ditolak(monkeypatch: pytest.MonkeyPatch) -> None:
    """A scale with a gap never answers silently: the capaian in the gap is an error
    naming the scale and the value."""
    monkeypatch.setitem(SKALA, "Berlubang", (Pita("Tinggi", D(80), None),
                                             Pita("Rendah", None, D(50))))
    assert kategori(D(90), "Berlubang") == "Tinggi"
    with pytest.raises(ValueError, match=r"^skala 'Berlubang' tidak mencakup capaian 60$"):
        kategori(D(60), "Berlubang")
