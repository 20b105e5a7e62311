"""Where an input table ends, the way staff type around it (DESIGN §4b).

Both engines read a table's rows and the rows below it and ask this module which of
them are data, so the command line and the Excel buttons draw the same line:

- rows typed directly below the table are data (LibreOffice, openpyxl and pandas do
  not grow an Excel table the way Excel does); a writing command grows the table;
- a user's own total row is never data: in the table's last rows, a row whose first
  text is *Jumlah*, *Total*, *Sub Total*… or that holds a formula with no code beside
  it; directly below the table, such a text row or any row holding a formula;
- cells in the table's columns further down, past blank rows (within
  ``BARIS_PERIKSA`` rows), are not read but reported with their range.

Pure functions over plain values: no engine, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from rkt_xl import skema
from rkt_xl.alamat import alamat
from rkt_xl.model import NilaiMentah

BARIS_PERIKSA = 50
"""How far below a table stray cells are looked for (DESIGN §4b (c))."""

# The first text of a total row, normalised (lower case, single spaces, no trailing
# colon). "Rata-rata" closes Evaluasi tables the way Lampiran I does.
_TEKS_JUMLAH = re.compile(
    r"(sub ?-?total|jumlah|total|grand total|jumlah (total|keseluruhan|seluruhnya)"
    r"|total keseluruhan|rata-? ?rata|rerata)( capaian.*| pagu.*| kinerja.*)?")

Isi = Mapping[int, Mapping[int, NilaiMentah]]
"""Excel row → sheet column (1-based) → value, non-empty cells only."""


@dataclass
class Batas:
    """Which rows of a table are data, and what lies around it."""

    data: list[int] = field(default_factory=list)  # Excel rows, in order
    diperluas: int = 0  # how many of ``data`` lie below the table's range
    jumlah: list[int] = field(default_factory=list)  # the user's total rows
    di_luar: str = ""  # A1 range of the stray cells further below ("" when none)


def teks_jumlah(teks: str) -> bool:
    """``Jumlah``, ``TOTAL:``, ``Sub Total``, ``Rata-rata capaian``… (any case)."""
    t = " ".join(teks.split()).lower().rstrip(":").strip()
    return _TEKS_JUMLAH.fullmatch(t) is not None


def _teks_pertama(baris: Mapping[int, NilaiMentah]) -> str | None:
    for k in sorted(baris):
        v = baris[k]
        return v if isinstance(v, str) else None
    return None


def kolom_kunci(kolom: Iterable[str], kolom_awal: int) -> list[int]:
    """Sheet columns of the table's columns that identify a data row (codes, key)."""
    kunci = set(skema.KOLOM_KUNCI)
    return [kolom_awal + i for i, k in enumerate(kolom) if k in kunci]


def tentukan(isi: Isi, rumus: set[tuple[int, int]], *, awal: int, akhir: int, bawah: int,
             ada_baris_total: bool, kolom: tuple[str, ...], kolom_awal: int,
             lain: Iterable[tuple[int, int]] = ()) -> Batas:
    """Split a table's rows into data, total rows and stray cells.

    ``awal``..``akhir``: the data rows of the table's range; ``bawah``: the first row
    below the range (after Excel's own totals row, if the table shows one:
    ``ada_baris_total``, and then nothing below is data); ``rumus``: (row, sheet
    column) of cells holding a formula; ``kolom``: the table's headers;
    ``kolom_awal``: the sheet column of the first one; ``lain``: row spans of other
    tables in the same columns (never this table's rows).
    """
    kunci = kolom_kunci(kolom, kolom_awal)
    baris_rumus = {r for r, _ in rumus}
    # A row is data by what the user typed: one holding nothing but computed columns
    # (a Capaian (%) left where its indicator was deleted) is not a row Hitung computes.
    hitung = {kolom_awal + i for i, k in enumerate(kolom) if k in skema.KOLOM_HITUNG_SEMUA}
    if hitung:
        isi = {r: v for r, v in isi.items() if not v.keys() <= hitung}
    milik_lain = [(a, b) for a, b in lain]

    def asing(r: int) -> bool:
        return any(a <= r <= b for a, b in milik_lain)

    def jumlah_dalam(r: int) -> bool:
        baris = isi[r]
        teks = _teks_pertama(baris)
        if teks is not None and teks_jumlah(teks):
            return True
        return r in baris_rumus and not any(k in baris for k in kunci)

    def jumlah_bawah(r: int) -> bool:
        teks = _teks_pertama(isi[r])
        return (teks is not None and teks_jumlah(teks)) or r in baris_rumus

    hasil = Batas()
    dalam = sorted(r for r in isi if awal <= r <= akhir)
    ekor: list[int] = []
    while dalam and jumlah_dalam(dalam[-1]):
        ekor.insert(0, dalam.pop())
    hasil.data = dalam
    hasil.jumlah = ekor
    r = bawah
    if not ada_baris_total:
        while r in isi and not asing(r) and not jumlah_bawah(r):
            hasil.data.append(r)
            hasil.diperluas += 1
            r += 1
        while r in isi and not asing(r) and jumlah_bawah(r):
            hasil.jumlah.append(r)
            r += 1
    ujung = max(r - 1, akhir)
    hasil.di_luar = _di_luar(isi, r, ujung + BARIS_PERIKSA, asing)
    return hasil


def _di_luar(isi: Isi, dari: int, sampai: int, asing: Callable[[int], bool]) -> str:
    baris = [r for r in isi if dari <= r <= sampai and not asing(r) and isi[r]]
    if not baris:
        return ""
    kolom = [k for r in baris for k in isi[r]]
    kiri_atas = alamat(min(baris), min(kolom))
    kanan_bawah = alamat(max(baris), max(kolom))
    return kiri_atas if kiri_atas == kanan_bawah else f"{kiri_atas}:{kanan_bawah}"
