"""What rendering a ``Layout`` through xlwings takes, planned as plain data first.

Every xlwings call against a live Excel is a cross-process COM round trip (and every
remote-engine call one JSON action), so a sheet is never written cell by cell. The
plan turns a Layout into a bounded list of bulk operations:

- one 2-D block of values (the whole sheet, a link's cell with its shown text), and
  per column holding links one block of ``HYPERLINK`` formulas, written through
  ``Range.Formula`` (always English, whatever the language of Windows);
- per style, the rectangles its cells form (one format copy from the ``_Gaya``
  prototype per rectangle: a table column of one style is one rectangle, whatever the
  number of rows);
- the merged ranges, runs of equal column widths and of equal row heights, handed
  to the workbook's own macro in one call (``teks_tata``);
- the print area and print titles.

Pure functions, no xlwings: tested on their own and shared by both hosts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rkt_xl.engine.xlwings.nilai import nilai_tulis, rumus_tautan
from rkt_xl.lampiran.layout import Layout, SelLayout

__all__ = [
    "TINGGI_BAKU",
    "Persegi",
    "Rencana",
    "huruf_kolom",
    "lebar_ke_poin",
    "persegi_dari",
    "rencanakan",
    "runtun",
]

TINGGI_BAKU = 15.0
"""Row height (points) of a row the Layout does not size: what the file engine gives
(``defaultRowHeight``), and Excel's standard height for the default font."""

@dataclass(frozen=True)
class Persegi:
    """A rectangle of cells, inclusive, 1-based."""

    baris1: int
    kolom1: int
    baris2: int
    kolom2: int

    @property
    def a1(self) -> str:
        kiri_atas = f"{huruf_kolom(self.kolom1)}{self.baris1}"
        if (self.baris1, self.kolom1) == (self.baris2, self.kolom2):
            return kiri_atas
        return f"{kiri_atas}:{huruf_kolom(self.kolom2)}{self.baris2}"


@dataclass
class Rencana:
    """Everything one render writes, in the order it is written."""

    lembar: str
    baris: int  # last row of the value block (0: the Layout is empty)
    kolom: int  # last column of the value block
    nilai: list[list[str | float | None]] = field(default_factory=list)
    # (block, its cells) for each column that holds links: formulas through Formula
    rumus: list[tuple[Persegi, list[list[str | float | None]]]] = field(default_factory=list)
    gaya: dict[str, list[Persegi]] = field(default_factory=dict)
    gabung: list[Persegi] = field(default_factory=list)
    lebar: list[tuple[int, int, float]] = field(default_factory=list)  # (k1, k2, width)
    tinggi: list[tuple[int, int, float]] = field(default_factory=list)  # (r1, r2, points)
    area_cetak: str = "$A$1"
    judul_cetak: str | None = None  # "$5:$6"

    @property
    def jumlah_persegi(self) -> int:
        return sum(len(p) for p in self.gaya.values())


def huruf_kolom(kolom: int) -> str:
    """1 → A, 27 → AA."""
    huruf = ""
    while kolom > 0:
        kolom, sisa = divmod(kolom - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return huruf


def persegi_dari(posisi: Iterable[tuple[int, int]]) -> list[Persegi]:
    """Cover a set of cells with few rectangles: the runs of each row, stacked down
    while consecutive rows have the same run. Exact: every rectangle holds only cells
    of the set, so a format copy never touches a cell of another style."""
    per_baris: dict[int, list[int]] = {}
    for r, c in posisi:
        per_baris.setdefault(r, []).append(c)
    terbuka: dict[tuple[int, int], list[int]] = {}  # (k1, k2) → [r1, r2]
    selesai: list[Persegi] = []
    for r in sorted(per_baris):
        runs: list[tuple[int, int]] = []
        for c in sorted(set(per_baris[r])):
            if runs and runs[-1][1] == c - 1:
                runs[-1] = (runs[-1][0], c)
            else:
                runs.append((c, c))
        baru: dict[tuple[int, int], list[int]] = {}
        for run in runs:
            lama = terbuka.pop(run, None)
            if lama is not None and lama[1] == r - 1:
                baru[run] = [lama[0], r]
            else:
                if lama is not None:
                    selesai.append(Persegi(lama[0], run[0], lama[1], run[1]))
                baru[run] = [r, r]
        for (k1, k2), (r1, r2) in terbuka.items():
            selesai.append(Persegi(r1, k1, r2, k2))
        terbuka = baru
    for (k1, k2), (r1, r2) in terbuka.items():
        selesai.append(Persegi(r1, k1, r2, k2))
    return sorted(selesai, key=lambda p: (p.baris1, p.kolom1))


def runtun(nilai: dict[int, float]) -> list[tuple[int, int, float]]:
    """Runs of consecutive keys with equal values: {1: 9, 2: 9, 4: 9} → (1, 2), (4, 4)."""
    hasil: list[tuple[int, int, float]] = []
    for k in sorted(nilai):
        v = nilai[k]
        if hasil and hasil[-1][1] == k - 1 and hasil[-1][2] == v:
            hasil[-1] = (hasil[-1][0], k, v)
        else:
            hasil.append((k, k, v))
    return hasil


def lebar_ke_poin(lebar: float) -> float:
    """An Excel column width (characters of the default font) in points.

    Office.js, and so the remote engine, sets widths in points while COM takes
    characters. For the default 11 pt Calibri a character is 7 px plus 5 px padding,
    at 96 dpi (0.75 pt a pixel); this is the conversion Excel itself uses there.
    """
    if lebar <= 0:
        return 0.0
    piksel = int(lebar * 7 + 5) if lebar >= 1 else int(lebar * 12 + 0.5)
    return piksel * 0.75


def _teks_tautan(s: SelLayout) -> str:
    return str(s.nilai) if s.nilai is not None else s.tautan or ""


def _nilai_sel(s: SelLayout) -> str | float | None:
    """A cell in the value block: a link's cell shows its text (its formula follows)."""
    return nilai_tulis(_teks_tautan(s)) if s.tautan else nilai_tulis(s.nilai)


def _angka(x: float) -> str:
    """A number for the macro: a dot as decimal mark, no exponent (VBA's Val)."""
    teks = f"{x:.4f}".rstrip("0").rstrip(".")
    return teks or "0"


def teks_tata(rencana: Rencana) -> tuple[str, str, str]:
    """Merges, row heights and column widths as the macro ``RKT_TerapkanTata`` reads
    them (rkt_xl/templat/vba/RKT.bas): numbers only, ``|`` between items, one space
    between fields; never an address for Excel to parse."""
    gabung = "|".join(f"{p.baris1} {p.kolom1} {p.baris2} {p.kolom2}" for p in rencana.gabung)
    tinggi = "|".join(f"{a} {b} {_angka(h)}" for a, b, h in rencana.tinggi)
    lebar = "|".join(f"{a} {b} {_angka(w)}" for a, b, w in rencana.lebar)
    return gabung, tinggi, lebar


def rencanakan(layout: Layout, baris_lama: int = 0) -> Rencana:
    """The plan for ``layout``; ``baris_lama`` is the last used row of the sheet before
    (rows the new content no longer reaches get their height reset)."""
    sel = layout.sel_lengkap()  # the same cells the file engine renders
    baris = max([r for r, _ in sel] + [g.baris2 for g in layout.gabung], default=0)
    kolom = max([c for _, c in sel] + [g.kolom2 for g in layout.gabung], default=0)
    rencana = Rencana(layout.lembar, baris, kolom)
    rencana.nilai = [[None] * kolom for _ in range(baris)]
    # A merged range keeps only its top-left value. Excel would drop the others when
    # merging (and ask first: a dialog that stops the run); write them empty instead.
    tertutup = {(r, c) for g in layout.gabung for r in range(g.baris1, g.baris2 + 1)
                for c in range(g.kolom1, g.kolom2 + 1) if (r, c) != (g.baris1, g.kolom1)}
    per_gaya: dict[str, list[tuple[int, int]]] = {}
    tautan: dict[int, dict[int, SelLayout]] = {}  # column → row → its linked cell
    for (r, c), s in sorted(sel.items()):
        if (r, c) not in tertutup:
            rencana.nilai[r - 1][c - 1] = _nilai_sel(s)
            if s.tautan:
                tautan.setdefault(c, {})[r] = s
        per_gaya.setdefault(s.gaya, []).append((r, c))
    for c, per_baris in sorted(tautan.items()):
        r1, r2 = min(per_baris), max(per_baris)
        blok: list[list[str | float | None]] = [
            [rumus_tautan(x.tautan, _teks_tautan(x)) if (x := per_baris.get(r)) is not None
             and x.tautan else rencana.nilai[r - 1][c - 1]] for r in range(r1, r2 + 1)]
        rencana.rumus.append((Persegi(r1, c, r2, c), blok))
    rencana.gaya = {g: persegi_dari(pos) for g, pos in per_gaya.items()}
    unik = sorted({(g.baris1, g.kolom1, g.baris2, g.kolom2) for g in layout.gabung
                   if (g.baris1, g.kolom1) != (g.baris2, g.kolom2)})
    rencana.gabung = [Persegi(*g) for g in unik]
    rencana.lebar = runtun({k: w for k, w in layout.lebar_kolom.items() if k >= 1 and w >= 0})
    akhir = max([baris, baris_lama, *layout.tinggi_baris], default=0)
    rencana.tinggi = runtun({r: layout.tinggi_baris.get(r, TINGGI_BAKU)
                             for r in range(1, akhir + 1)})
    rencana.area_cetak = f"$A$1:${huruf_kolom(max(kolom, 1))}${max(baris, 1)}"
    if layout.cetak.baris_judul is not None:
        a, b = sorted(layout.cetak.baris_judul)
        rencana.judul_cetak = f"${a}:${b}"
    return rencana
