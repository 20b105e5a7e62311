"""The blocks every generated sheet shares: title, header, notes, signature.

The builders (``tabel_2_4`` … ``validasi``) only decide *what* goes in the table;
this module lays out the printed page around it the same way for the four
appendices. Text is measured and wrapped by ``ukur``, row heights come from
``tinggi`` and the pages from ``halaman``. Everything here is pure: it writes into a
``Layout``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from itertools import product

from rkt_xl import angka, skema
from rkt_xl.lampiran.gaya import GAYA
from rkt_xl.lampiran.halaman import atur_halaman
from rkt_xl.lampiran.layout import Cetak, Layout, NilaiLayout
from rkt_xl.lampiran.nilai import ISIAN, atau_isian, identitas
from rkt_xl.lampiran.tinggi import atur_tinggi
from rkt_xl.lampiran.ukur import (
    INDENT_PX,
    PADDING_PX,
    PX_PER_KOLOM,
    bungkus_seimbang,
    ciri_gaya,
    huruf_gaya,
    lebar_teks_px,
)
from rkt_xl.model import RKT, Indikator

__all__ = [
    "BARIS_TANDA_TANGAN",
    "ISIAN",
    "LEBAR_TTD",
    "WARNA_TAB_LAMPIRAN",
    "atur_tinggi",
    "baris_kosong",
    "blok_judul",
    "blok_ttd",
    "kelompok",
    "kolom_ttd",
    "layout_baru",
    "lebarkan_angka",
    "lengkapi_gabungan",
    "selesaikan",
    "teks_tampil",
    "tulis_catatan",
    "tulis_header",
    "tulis_terbungkus",
    "tutup_daftar_indikator",
]

# The four appendices are equally wide (their widths add up to LEBAR_HALAMAN), so
# they print at one scale, and the signature block spans their last columns whose
# widths add up to LEBAR_TTD: it stands at the same place and wraps the same way on
# every appendix.
LEBAR_HALAMAN = 160.0
LEBAR_TTD = 62.0
BARIS_TANDA_TANGAN = 4  # empty rows left for the signature and stamp
WARNA_TAB_LAMPIRAN = "1F4E78"  # the four appendix tabs, one colour
_CELAH = 9.0  # a thin gap row under the title


# -- grouping -----------------------------------------------------------------------------
def kelompok(kunci: Sequence[object]) -> list[tuple[int, int]]:
    """Runs of consecutive equal keys as inclusive (start, end) indices."""
    hasil: list[tuple[int, int]] = []
    for i, k in enumerate(kunci):
        if hasil and kunci[hasil[-1][0]] == k:
            hasil[-1] = (hasil[-1][0], i)
        else:
            hasil.append((i, i))
    return hasil


# -- blocks ---------------------------------------------------------------------------------
def layout_baru(lembar: str, lebar: Sequence[float]) -> Layout:
    """An empty sheet with its column widths (1-based) set."""
    return Layout(lembar=lembar, lebar_kolom={i: w for i, w in enumerate(lebar, start=1)},
                  cetak=Cetak())


def blok_judul(layout: Layout, rkt: RKT, judul: str, jumlah_kolom: int,
               subjudul: str | None = None) -> int:
    """Title rows merged across the table width; returns the first free row.

    Title, OPD name (upper case), Pemerintah Daerah (upper case) and an optional
    subtitle, then one thin blank row before the table.
    """
    baris = 1
    baris = tulis_terbungkus(layout, baris, 1, jumlah_kolom, judul, "judul")
    for teks in (identitas(rkt, skema.NAMA_OPD), identitas(rkt, skema.PEMERINTAH_DAERAH)):
        baris = tulis_terbungkus(layout, baris, 1, jumlah_kolom, teks.upper(), "subjudul")
    if subjudul:
        baris = tulis_terbungkus(layout, baris, 1, jumlah_kolom, subjudul, "subjudul")
    layout.tinggi_baris[baris] = _CELAH
    return baris + 1


def tulis_terbungkus(layout: Layout, baris: int, kolom1: int, kolom2: int, teks: str,
                     gaya: str, lebar: float | None = None) -> int:
    """Write text across merged columns, one row per wrapped line; returns next row.

    Title, note and signature styles do not wrap (they are not table cells), so the
    lines are broken here, where the width is known (``lebar``: wrap at this width
    instead of the columns' own, so a block wraps alike on every sheet).
    """
    if lebar is None:
        lebar = sum(layout.lebar_kolom.get(k, 8.43) for k in range(kolom1, kolom2 + 1))
    h = huruf_gaya(gaya)
    for potongan in bungkus_seimbang(teks, lebar, h) if teks else [""]:
        layout.tulis(baris, kolom1, potongan or None, gaya)
        layout.gabungkan(baris, kolom1, baris, kolom2)
        layout.tinggi_baris[baris] = h.tinggi_baris
        baris += 1
    return baris


def tulis_catatan(layout: Layout, baris: int, jumlah_kolom: int, catatan: list[str]) -> int:
    """Notes under a table ("*) Pagu Program 10 tidak dijumlah: …"); returns next row."""
    for teks in catatan:
        baris = tulis_terbungkus(layout, baris, 1, jumlah_kolom, teks, "keterangan")
    return baris


def kolom_ttd(layout: Layout, jumlah_kolom: int) -> int:
    """The first column of the signature block: the right-hand columns that make up
    LEBAR_TTD (or more, on a sheet whose columns do not add up to it exactly)."""
    lebar = 0.0
    k = jumlah_kolom
    while k > 1:
        lebar += layout.lebar_kolom.get(k, 8.43)
        if lebar >= LEBAR_TTD - 0.01:
            break
        k -= 1
    return k


def blok_ttd(layout: Layout, rkt: RKT, baris: int, jumlah_kolom: int) -> int:
    """The signature block at the right, starting after one blank row at ``baris``;
    returns the row after it.

    ``{Tempat}, {Tanggal}`` / Jabatan Kepala / space to sign / Nama (bold, underlined)
    / ``NIP. …``. Missing values print as dotted blanks to be filled in by hand.
    Lines are wrapped at LEBAR_TTD on every sheet, so the block looks the same.
    """
    k1 = kolom_ttd(layout, jumlah_kolom)
    tempat = identitas(rkt, skema.TEMPAT)
    tgl = identitas(rkt, skema.TANGGAL)
    layout.tinggi_baris[baris] = huruf_gaya("ttd").tinggi_baris
    baris += 1
    for teks, gaya in ((f"{atau_isian(tempat)}, {atau_isian(tgl)}", "ttd"),
                       (atau_isian(identitas(rkt, skema.JABATAN_KEPALA)), "ttd")):
        baris = tulis_terbungkus(layout, baris, k1, jumlah_kolom, teks, gaya, LEBAR_TTD)
    for _ in range(BARIS_TANDA_TANGAN):
        layout.tinggi_baris[baris] = 15.0
        baris += 1
    nip = identitas(rkt, skema.NIP_KEPALA)
    for teks, gaya in ((atau_isian(identitas(rkt, skema.NAMA_KEPALA)), "ttd-nama"),
                       (f"NIP. {atau_isian(nip)}", "ttd")):
        baris = tulis_terbungkus(layout, baris, k1, jumlah_kolom, teks, gaya, LEBAR_TTD)
    return baris


def tulis_header(layout: Layout, baris: int, label: Sequence[str]) -> None:
    for k, teks in enumerate(label, start=1):
        layout.tulis(baris, k, teks, "header")


def baris_kosong(layout: Layout, baris: int, jumlah_kolom: int,
                 teks: str = "Belum ada data") -> None:
    """The empty-state row inside a table: one merged, bordered cell."""
    layout.tulis(baris, 1, teks, "teks-tengah")
    for k in range(2, jumlah_kolom + 1):
        layout.tulis(baris, k, None, "teks-tengah")
    layout.gabungkan(baris, 1, baris, jumlah_kolom)


def teks_tampil(nilai: NilaiLayout, gaya: str) -> str:
    """A value as its style's number format shows it (Indonesian separators)."""
    if isinstance(nilai, bool) or not isinstance(nilai, (int, float, Decimal)):
        return "" if nilai is None else str(nilai)
    format_ = str(GAYA.get(gaya, {}).get("num_format", ""))
    desimal = len(format_.partition(".")[2]) if "." in format_ else 0
    return angka.format_angka(Decimal(str(nilai)), desimal)


def _digit(nilai: NilaiLayout) -> int:
    """Digits before the decimal mark (what makes one amount wider than another)."""
    try:
        return len(str(abs(int(nilai))))  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return 0


def lebarkan_angka(layout: Layout, kolom: int, donor: Sequence[int]) -> None:
    """Widen a number column to its widest value (a number never wraps: Excel would
    print ###), taking the width from ``donor`` columns so the page stays as wide."""
    # Digits are equally wide: per style, only the values with the most characters
    # before formatting can be the widest once formatted.
    calon: dict[tuple[str, bool], tuple[int, list[NilaiLayout]]] = {}
    for s in layout.sel:
        if s.kolom != kolom or s.nilai is None or "num_format" not in GAYA.get(s.gaya, {}):
            continue
        kunci = (s.gaya, isinstance(s.nilai, str))
        n = len(s.nilai) if isinstance(s.nilai, str) else _digit(s.nilai)
        lama = calon.get(kunci)
        if lama is None or n > lama[0]:
            calon[kunci] = (n, [s.nilai])
        elif n == lama[0]:
            lama[1].append(s.nilai)
    perlu = layout.lebar_kolom.get(kolom, 8.43)
    for (gaya, _), (_, nilai) in calon.items():
        c = ciri_gaya(gaya)
        for v in nilai:
            px = lebar_teks_px(teks_tampil(v, gaya), c.huruf)
            perlu = max(perlu, (px + PADDING_PX + c.indent * INDENT_PX) / PX_PER_KOLOM)
    tambah = math.ceil((perlu - layout.lebar_kolom.get(kolom, 8.43)) * 4) / 4
    if tambah <= 0 or not donor:
        return
    layout.lebar_kolom[kolom] = layout.lebar_kolom.get(kolom, 8.43) + tambah
    for k in donor:
        layout.lebar_kolom[k] = layout.lebar_kolom.get(k, 8.43) - tambah / len(donor)


def lengkapi_gabungan(layout: Layout) -> None:
    """Give every hidden cell of a merged range the style of its top-left cell.

    Excel draws a merged range's borders from the cells underneath, so a merge with
    only its first cell styled loses its lower and right borders.
    """
    ada = {(s.baris, s.kolom): s for s in layout.sel}
    tulis = layout.tulis
    sel = layout.sel
    terisi = True
    for i, g in enumerate(layout.gabung):
        kiri_atas = ada.get((g.baris1, g.kolom1))
        if kiri_atas is None:
            terisi = False  # its hidden cells stay for sel_lengkap, should it be written
            continue
        if terisi:
            layout.gabung_terisi = i + 1
        gaya = kiri_atas.gaya
        for kunci in product(range(g.baris1, g.baris2 + 1), range(g.kolom1, g.kolom2 + 1)):
            if kunci not in ada:
                tulis(kunci[0], kunci[1], None, gaya)
                ada[kunci] = sel[-1]


def selesaikan(layout: Layout, akhir_tabel: int, blok: Sequence[tuple[int, int]] = (),
               ada_total: bool = False) -> None:
    """Finish an appendix whose table, notes and signature block are written: page
    plan (row heights, breaks, continuations) and merged borders.

    Everything after the table (notes, signature) stays on the page of the table's
    last two rows of data (``ada_total``: the last row is a total, not data).
    """
    assert layout.cetak.baris_judul is not None
    h1, h2 = layout.cetak.baris_judul
    ekor = akhir_tabel - (1 if ada_total else 0)  # rows glued to the one above from here
    rekat = {r for r in range(ekor, layout.baris_terakhir + 1) if r > h2 + 1}
    atur_halaman(layout, (h1, akhir_tabel), blok, rekat)
    lengkapi_gabungan(layout)


def tutup_daftar_indikator(
    layout: Layout, rkt: RKT, header: int, awal: int, n: int,
    tulis_isi: Callable[[Layout, int, list[Indikator]], list[tuple[int, int]]],
) -> None:
    """The body and the end of a sheet listing tblSasaran's indicators (Tabel 2.4 and
    Lampiran II): rows (or the empty state), signature, page plan, merges."""
    del header
    blok: list[tuple[int, int]] = []
    if rkt.indikator:
        blok = tulis_isi(layout, awal, rkt.indikator)
        akhir = awal + len(rkt.indikator) - 1
    else:
        baris_kosong(layout, awal, n)
        akhir = awal
    blok_ttd(layout, rkt, akhir + 1, n)
    selesaikan(layout, akhir, blok)
