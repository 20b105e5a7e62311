"""Pagination: where each printed page of an appendix ends, planned as it prints.

Every row has an explicit height (``tinggi``), so a page holds exactly the rows
whose heights add up to the page: this module places a manual break at the end of
every page and nothing is left to the spreadsheet's automatic breaks. The model
(calibrated against ``rkt-xl pdf``, see docs/cetak.md):

- the printed scale is what fit-to-width gives: the usable paper width over the
  table's width at 7 px a width unit (Excel's unit for Calibri 11; ``rkt-xl pdf``
  gives LibreOffice a default font of the same digit width). Excel and LibreOffice
  round the scale down to a whole percent; the unrounded scale is used here, so a
  page never holds more than either prints;
- a page holds ``paper height − top and bottom margins`` of scaled rows (the footer
  sits in the bottom margin); the header rows repeat at the top of every page.

A block (a program with its kegiatan, a tujuan, a sasaran) that does not fit on
what is left of a page is split, leaving at least ``MIN_SISA`` rows on each side;
every cell merged over the break is split too, and its part on the new page repeats
the text followed by "(lanjutan)", so a page read alone still names its program.
Rows marked ``rekat`` stay on the page of the row above: the signature block goes
with the notes, the total row and at least the last two rows of the table.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from rkt_xl.lampiran.gaya import GAYA
from rkt_xl.lampiran.layout import Gabung, Layout
from rkt_xl.lampiran.tinggi import (
    TINGGI_BAKU,
    Rentang,
    bulat_px,
    lebar_gabungan,
    sebar,
    ukur_tabel,
)
from rkt_xl.lampiran.ukur import PT_PER_PX, PX_PER_KOLOM, tinggi_teks

__all__ = ["LANJUTAN", "MIN_SISA", "atur_halaman", "skala_cetak", "tinggi_halaman"]

LANJUTAN = " (lanjutan)"
MIN_SISA = 2  # rows of a split block kept on each side of the break
# Paper in points (portrait width, height) by Excel paperSize; A4 when unknown.
_KERTAS = {9: (595.28, 841.89), 1: (612.0, 792.0), 5: (612.0, 1008.0)}
_CADANGAN_PT = 1.0  # sheet points kept free at the foot of each page


def _kertas(layout: Layout) -> tuple[float, float]:
    """(width, height) of the paper as printed (landscape swaps them)."""
    lebar, tinggi = _KERTAS.get(layout.cetak.kertas, _KERTAS[9])
    return (tinggi, lebar) if layout.cetak.orientasi == "landscape" else (lebar, tinggi)


def skala_cetak(layout: Layout) -> float:
    """The scale fit-to-width printing gives (1.0 when the table already fits),
    before the renderer rounds it down to a whole percent."""
    lebar_pt = sum(round(w * PX_PER_KOLOM) for w in layout.lebar_kolom.values()) * PT_PER_PX
    kiri, kanan, _, _ = layout.cetak.margin
    tersedia = _kertas(layout)[0] - (kiri + kanan) * 72
    if lebar_pt <= 0 or not layout.cetak.muat_lebar:
        return 1.0
    return min(1.0, tersedia / lebar_pt)


def tinggi_halaman(layout: Layout) -> float:
    """Sheet points one printed page holds (header rows included)."""
    _, _, atas, bawah = layout.cetak.margin
    return (_kertas(layout)[1] - (atas + bawah) * 72) / skala_cetak(layout) - _CADANGAN_PT


@dataclass
class _Gabung:
    """A merge over rows, with what its text needs whole and, once asked, as a
    continuation (measured only for the merges a page break actually cuts)."""

    rentang: Rentang
    lebar: float
    _perlu_lanjut: float | None = None

    @property
    def perlu_lanjut(self) -> float:
        if self._perlu_lanjut is None:
            s = self.rentang.sel
            self._perlu_lanjut = tinggi_teks(_lanjutan(s.nilai, s.gaya), self.lebar, s.gaya)
        return self._perlu_lanjut


def _lanjutan(nilai: object, gaya: str) -> str | None:
    """What the part of a merged cell on the next page shows: the text again, with
    "(lanjutan)" after left-aligned text; a number is not repeated (a pagu printed
    twice would be counted twice)."""
    if not isinstance(nilai, str) or not nilai:
        return None
    if GAYA.get(gaya, {}).get("align") in (None, "left"):
        return nilai + LANJUTAN
    return nilai


class _Rencana:
    """The rows of one sheet, with everything the page search asks again and again."""

    def __init__(self, layout: Layout, isi: tuple[int, int], blok: Sequence[tuple[int, int]],
                 rekat: Iterable[int]) -> None:
        self.layout = layout
        awal, akhir = isi
        self.n = max([layout.baris_terakhir, *layout.tinggi_baris.keys(), akhir])
        u = ukur_tabel(layout, awal, akhir)
        self.dasar = {r: layout.tinggi_baris.get(r, TINGGI_BAKU) for r in range(1, self.n + 1)}
        self.dasar.update({r: bulat_px(h) for r, h in u.dasar.items()})
        # running total of the rows' own heights: a page never holds more rows than fit
        # without their merged text, which bounds the search for its end
        self.kumulatif = list(accumulate((self.dasar[r] for r in range(1, self.n + 1)),
                                         initial=0.0))
        self.gabung: list[_Gabung] = []
        self.meliputi: dict[int, list[int]] = {}
        for x in u.rentang:
            for r in range(x.baris1, x.baris2 + 1):
                self.meliputi.setdefault(r, []).append(len(self.gabung))
            self.gabung.append(_Gabung(x, lebar_gabungan(layout, x.kolom1, x.kolom2)))
        judul = layout.cetak.baris_judul
        self.judul = judul if judul is not None else (awal, awal - 1)
        self.kapasitas = tinggi_halaman(layout)
        self.ulang = self.jendela(self.judul[0], self.judul[1])[0] if judul else 0.0
        self.rekat = set(rekat)
        self.blok_di: dict[int, tuple[int, int]] = {}
        for a, b in blok:
            for r in range(a, b + 1):
                self.blok_di[r] = (a, b)
        self._tinggi_blok: dict[tuple[int, int], float] = {}

    def jendela(self, s: int, e: int) -> tuple[float, dict[int, float]]:
        """Rows ``s..e`` printed as one page: their total height and each row's.
        A merge is cut to the window; cut at its top it carries the continuation."""
        tinggi = {r: self.dasar[r] for r in range(s, e + 1)}
        dilihat: set[int] = set()
        bagian: list[tuple[int, int, float]] = []
        for r in range(s, e + 1):
            for i in self.meliputi.get(r, ()):
                if i in dilihat:
                    continue
                dilihat.add(i)
                g = self.gabung[i]
                x = g.rentang
                bagian.append((max(x.baris1, s), min(x.baris2, e),
                               x.perlu if x.baris1 >= s else g.perlu_lanjut))
        sebar(tinggi, bagian)
        return sum(tinggi.values()), tinggi

    def muat(self, s: int) -> int:
        """The last row ``e`` such that rows ``s..e`` fit one page (``s - 1``: not even
        row ``s`` does). Heights only grow with ``e``, so a bisection finds it."""
        kapasitas = self.kapasitas - (self.ulang if s > self.judul[1] else 0.0)
        hi = bisect.bisect_right(self.kumulatif, self.kumulatif[s - 1] + kapasitas) - 1
        lo, hi = s - 1, max(s - 1, min(self.n, hi))
        while lo < hi:
            tengah = (lo + hi + 1) // 2
            if self.jendela(s, tengah)[0] <= kapasitas:
                lo = tengah
            else:
                hi = tengah - 1
        return lo

    def boleh(self, e: int, tingkat: int) -> bool:
        """May a page end after row ``e``? ``tingkat`` relaxes the rules: 0 all, 1 blocks
        may split anywhere, 2 ``rekat`` too (only the title and header stay whole)."""
        if e >= self.n:
            return True
        if e <= self.judul[1]:
            return False  # the title and header go with at least one row of the table
        if tingkat < 2 and e + 1 in self.rekat:
            return False
        if tingkat < 1:
            blok = self.blok_di.get(e)
            if blok is not None and blok[1] > e:
                a, b = blok
                if e - a + 1 < MIN_SISA or b - e < MIN_SISA:
                    return self.terlalu_tinggi(blok)
        return True

    def terlalu_tinggi(self, blok: tuple[int, int]) -> bool:
        """A block taller than a page has to split where it must."""
        t = self._tinggi_blok.get(blok)
        if t is None:
            t = self._tinggi_blok[blok] = self.jendela(*blok)[0]
        return t > self.kapasitas - self.ulang

    def putus(self) -> list[tuple[int, int]]:
        """The pages, as (first row, last row)."""
        halaman: list[tuple[int, int]] = []
        s = 1
        while s <= self.n:
            e_muat = self.muat(s)
            e = None
            for tingkat in (0, 1, 2):
                e = next((x for x in range(e_muat, s - 1, -1) if self.boleh(x, tingkat)), None)
                if e is not None:
                    break
            if e is None:  # nothing fits: the smallest page the rules allow, overfull
                e = next(x for x in range(max(e_muat, s), self.n + 1) if self.boleh(x, 2))
            halaman.append((s, e))
            s = e + 1
        return halaman


def atur_halaman(layout: Layout, isi: tuple[int, int], blok: Sequence[tuple[int, int]] = (),
                 rekat: Iterable[int] = ()) -> None:
    """Plan the pages of ``layout``: row heights of the table rows ``isi`` (header to
    total row), a manual break at the end of every page, merges split at the breaks
    with their continuation text. Rows outside ``isi`` (title, notes, signature)
    keep the heights they were given."""
    rencana = _Rencana(layout, isi, blok, rekat)
    halaman = rencana.putus()
    awal, akhir = isi
    for s, e in halaman:
        _, tinggi = rencana.jendela(s, e)
        layout.tinggi_baris.update({r: h for r, h in tinggi.items() if awal <= r <= akhir})
    layout.putus_baris = [e for _, e in halaman[:-1]]
    _pisah_gabungan(layout, rencana, [s for s, _ in halaman[1:]])


def _pisah_gabungan(layout: Layout, rencana: _Rencana, awal_halaman: list[int]) -> None:
    """Cut every merge that crosses a page break; the part on the new page shows the
    continuation of its text."""
    if not awal_halaman:
        return
    potong: dict[tuple[int, int, int, int], list[Gabung]] = {}
    for g in rencana.gabung:
        x = g.rentang
        i = bisect.bisect_right(awal_halaman, x.baris1)
        batas = []
        while i < len(awal_halaman) and awal_halaman[i] <= x.baris2:
            batas.append(awal_halaman[i])
            i += 1
        if not batas:
            continue
        asal = x.sel
        bagian = []
        mulai = x.baris1
        for b in [*batas, x.baris2 + 1]:
            bagian.append(Gabung(mulai, x.kolom1, b - 1, x.kolom2))
            if mulai != x.baris1:
                layout.tulis(mulai, x.kolom1, _lanjutan(asal.nilai, asal.gaya), asal.gaya)
            mulai = b
        potong[(x.baris1, x.kolom1, x.baris2, x.kolom2)] = bagian
    if not potong:
        return
    baru: list[Gabung] = []
    for lama in layout.gabung:
        pecahan = potong.get((lama.baris1, lama.kolom1, lama.baris2, lama.kolom2))
        if pecahan is None:
            baru.append(lama)
        else:
            baru.extend(b for b in pecahan if (b.baris1, b.kolom1) != (b.baris2, b.kolom2))
    layout.gabung = baru
    layout.gabung_terisi = 0
