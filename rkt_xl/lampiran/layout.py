"""A generated sheet as data: cells naming styles, merges, sizes and print setup.

Builders (pure functions of the model) produce a ``Layout``; engines render it. No
engine detail and no formatting lives here: a cell names a style (``gaya``) from the
catalogue in ``rkt_xl.lampiran.gaya``, whose look is defined by the template's
``_Gaya`` sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Union

NilaiLayout = Union[None, str, int, float, Decimal]

# Excel's limits, which every engine and every size estimate keeps to.
BATAS_TEKS = 32_767  # characters in one cell
TINGGI_MAKS = 409.0  # points: the tallest row


# Not frozen: a frozen dataclass is built through object.__setattr__ per field, three
# times slower, and a big Tabel 2.5 has ~50.000 cells. Cells are never changed after
# Layout.tulis; a later write to the same address is a new cell that wins.
@dataclass(slots=True)
class SelLayout:
    baris: int  # 1-based Excel row
    kolom: int  # 1-based Excel column
    nilai: NilaiLayout
    gaya: str
    tautan: str | None = None  # internal hyperlink target, e.g. "'Evaluasi'!H3"


@dataclass(frozen=True, slots=True)
class Gabung:
    """A merged range, inclusive, 1-based."""

    baris1: int
    kolom1: int
    baris2: int
    kolom2: int


@dataclass(frozen=True)
class Cetak:
    """Print setup (A4 landscape, one page wide unless said otherwise)."""

    orientasi: str = "landscape"  # or "portrait"
    kertas: int = 9  # Excel paperSize: 9 = A4
    muat_lebar: int = 1  # fit to N pages wide
    muat_tinggi: int = 0  # 0 = as many pages as needed
    baris_judul: tuple[int, int] | None = None  # rows repeated on every page
    # Footer (Excel header/footer codes), in the table's font (gaya "teks": Arial 10).
    kaki: str = '&C&"Arial,Regular"&10Halaman &P dari &N'
    # Each sheet numbers its pages from this number (None: on from the sheet before),
    # so every appendix is "Halaman 1 dari N" on its own.
    halaman_pertama: int | None = 1
    margin: tuple[float, float, float, float] = (0.5, 0.5, 0.6, 0.6)  # l, r, t, b (inch)


@dataclass
class Layout:
    lembar: str
    sel: list[SelLayout] = field(default_factory=list)
    gabung: list[Gabung] = field(default_factory=list)
    lebar_kolom: dict[int, float] = field(default_factory=dict)  # 1-based → Excel width
    tinggi_baris: dict[int, float] = field(default_factory=dict)  # 1-based → points
    cetak: Cetak = field(default_factory=Cetak)
    warna_tab: str | None = None  # "RRGGBB"
    bekukan_baris: int = 0  # rows frozen at the top (0 = none)
    # Manual page breaks: each row listed is the last row of a printed page (so a
    # program and its kegiatan, or the signature block, are not split across pages).
    putus_baris: list[int] = field(default_factory=list)
    # How many leading merges already have every hidden cell written (by
    # judul.lengkapi_gabungan): sel_lengkap need not look at them again. Cells are only
    # ever added, so what was complete stays complete.
    gabung_terisi: int = field(default=0, compare=False, repr=False)

    def tulis(self, baris: int, kolom: int, nilai: NilaiLayout, gaya: str,
              tautan: str | None = None) -> None:
        self.sel.append(SelLayout(baris, kolom, nilai, gaya, tautan))

    def gabungkan(self, baris1: int, kolom1: int, baris2: int, kolom2: int) -> None:
        if (baris1, kolom1) != (baris2, kolom2):
            self.gabung.append(Gabung(baris1, kolom1, baris2, kolom2))

    @property
    def baris_terakhir(self) -> int:
        return max((s.baris for s in self.sel), default=0)

    def sel_lengkap(self) -> dict[tuple[int, int], SelLayout]:
        """Cells by (row, column), the last write winning; the hidden cells of a merged
        range get the top-left cell's style so Excel draws the borders of the whole
        range. Both engines render from this."""
        sel: dict[tuple[int, int], SelLayout] = {}
        for s in self.sel:
            if s.baris >= 1 and s.kolom >= 1:
                sel[(s.baris, s.kolom)] = s
        for g in self.gabung[self.gabung_terisi:]:
            kiri_atas = sel.get((g.baris1, g.kolom1))
            if kiri_atas is None:
                continue
            for r in range(g.baris1, g.baris2 + 1):
                for c in range(g.kolom1, g.kolom2 + 1):
                    if (r, c) not in sel:
                        sel[(r, c)] = SelLayout(r, c, None, kiri_atas.gaya)
        return sel
