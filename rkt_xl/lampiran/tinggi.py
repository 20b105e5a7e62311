"""Row heights: what each row of a table needs for its own text and for the merged
text it carries.

A cell that spans rows (a program over its kegiatan) needs the *sum* of their
heights; what its rows lack is spread evenly over them, the shortest spans first,
so no single row balloons. Heights are whole pixels (multiples of 0.75 pt): what
Excel stores and LibreOffice prints, so a height means the same in both.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from rkt_xl.lampiran.layout import TINGGI_MAKS, Layout, SelLayout
from rkt_xl.lampiran.ukur import PT_PER_PX, tinggi_teks

TINGGI_BAKU = 15.0  # a row the Layout does not size (the sheet's default height)
TINGGI_MIN = 12.75  # one line of the table font


def bulat_px(tinggi: float) -> float:
    """Up to whole pixels (0.75 pt), at most Excel's 409 pt."""
    return min(TINGGI_MAKS, math.ceil(round(tinggi / PT_PER_PX, 6)) * PT_PER_PX)


@dataclass(frozen=True)
class Rentang:
    """A cell merged over rows ``baris1..baris2``: the height its text needs there."""

    baris1: int
    baris2: int
    kolom1: int
    kolom2: int
    perlu: float
    sel: SelLayout  # the merged cell (its value and style)


@dataclass
class Ukuran:
    """The rows of a table with their own heights, and the merged cells over them."""

    dasar: dict[int, float]  # row → height its single-row cells need
    rentang: list[Rentang]


def lebar_gabungan(layout: Layout, kolom1: int, kolom2: int) -> float:
    return sum(layout.lebar_kolom.get(k, 8.43) for k in range(kolom1, kolom2 + 1))


def ukur_tabel(layout: Layout, baris_dari: int, baris_sampai: int) -> Ukuran:
    """Measure rows ``baris_dari..baris_sampai``: each row's need from its cells (a
    cell merged across columns of one row counts for that row), and each merge over
    rows with the height its text needs."""
    gabung_di = {(g.baris1, g.kolom1): g for g in layout.gabung
                 if baris_dari <= g.baris1 <= baris_sampai}
    tertutup: set[tuple[int, int]] = set()
    for g in gabung_di.values():
        for r in range(g.baris1, g.baris2 + 1):
            for c in range(g.kolom1, g.kolom2 + 1):
                if (r, c) != (g.baris1, g.kolom1):
                    tertutup.add((r, c))
    terakhir: dict[tuple[int, int], SelLayout] = {}
    for s in layout.sel:  # the last write to a cell wins, as the engines render it
        if baris_dari <= s.baris <= baris_sampai:
            terakhir[(s.baris, s.kolom)] = s
    dasar = dict.fromkeys(range(baris_dari, baris_sampai + 1), TINGGI_MIN)
    rentang: list[Rentang] = []
    lebar: dict[tuple[int, int], float] = {}
    for (r, k), s in terakhir.items():
        if (r, k) in tertutup:
            continue
        gb = gabung_di.get((r, k))
        k2, r2 = (gb.kolom2, gb.baris2) if gb is not None else (k, r)
        w = lebar.get((k, k2))
        if w is None:
            w = lebar[(k, k2)] = lebar_gabungan(layout, k, k2)
        perlu = tinggi_teks(s.nilai, w, s.gaya)
        if r2 == r:
            if perlu > dasar[r]:
                dasar[r] = perlu
        else:
            rentang.append(Rentang(r, min(r2, baris_sampai), k, k2, perlu, s))
    return Ukuran(dasar, rentang)


def sebar(tinggi: dict[int, float], rentang: Iterable[tuple[int, int, float]]) -> None:
    """Grow the rows under each merge ``(r1, r2, need)`` until the merge fits: what
    is missing is spread evenly over its rows, shortest merges first."""
    for r1, r2, perlu in sorted(rentang, key=lambda x: x[1] - x[0]):
        ada = sum(tinggi[r] for r in range(r1, r2 + 1))
        if perlu > ada + 1e-9:
            tambah = (perlu - ada) / (r2 - r1 + 1)
            for r in range(r1, r2 + 1):
                tinggi[r] = bulat_px(tinggi[r] + tambah)


def atur_tinggi(layout: Layout, baris_dari: int, baris_sampai: int) -> None:
    """Set the height of rows ``baris_dari..baris_sampai`` so all their text fits
    (a sheet printed without page planning, such as Validasi)."""
    u = ukur_tabel(layout, baris_dari, baris_sampai)
    tinggi = {r: bulat_px(h) for r, h in u.dasar.items()}
    sebar(tinggi, ((x.baris1, x.baris2, x.perlu) for x in u.rentang))
    layout.tinggi_baris.update(tinggi)
