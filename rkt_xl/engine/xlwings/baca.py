"""Reading input tables through xlwings: the same rows, cells and boundaries as the
file engine, in a bounded number of calls.

Each input table is one ``Range.value`` of its ListObject range; the rows below it one
more (read in blocks: Excel grows a table as rows are typed under it, so there is
rarely more than the first). Desktop Excel (COM) also answers ``Range.NumberFormat``
(percent formats: one call per column, bisection where a column's formats are mixed)
and ``Range.Formula`` (total rows: one call per table); xlwings' remote engine sends
neither, a documented limitation. Which rows are data is decided by
:mod:`rkt_xl.batas_tabel`, exactly as in the file engine.
"""

from __future__ import annotations

from typing import Any

from rkt_xl import batas_tabel, kode_format, skema
from rkt_xl.alamat import alamat, rentang
from rkt_xl.engine.xlwings.nilai import nilai_baca
from rkt_xl.engine.xlwings.rencana import Persegi
from rkt_xl.model import Baris, NilaiMentah, Sel, Tabel

__all__ = ["baca_listobject", "cari_menurut_header", "tabel_dari_nilai"]

# Rows below a table are read in blocks of this many (one call each) until a blank row
# and BARIS_PERIKSA more are in.
BLOK_BAWAH = 100


def rentang_sel(lembar: Any, p: Persegi) -> Any:
    # An A1 address is one COM call; a (row, col) pair is three (Cells, Cells, Range).
    return lembar.range(p.a1)


def teks_header(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def kosong(v: NilaiMentah) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def tabel_dari_nilai(nama: str, lembar: str, ref: str, data: list[list[Any]],
                     header_ada: bool = True, total_ada: bool = False,
                     header: tuple[str, ...] | None = None,
                     bawah: list[list[Any]] | None = None,
                     persen: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
                     rumus: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
                     lain: list[tuple[int, int]] | None = None) -> Tabel:
    """A ``Tabel`` from one 2-D read of a table's whole range (header and totals rows
    included when shown) and of the rows below it (``bawah``, from the row after the
    range). Values are converted by :func:`.nilai.nilai_baca`; which rows are data is
    decided by :mod:`rkt_xl.batas_tabel`, exactly as in the file engine. ``persen``
    and ``rumus``: (Excel row, sheet column) of percent-formatted and formula cells."""
    r1, c1, r2, _ = rentang(ref)
    if header is None:
        header = tuple(teks_header(v) for v in data[0]) if header_ada and data else ()
    awal = 1 if header_ada else 0
    akhir = len(data) - (1 if total_ada else 0)
    isi: dict[int, dict[int, NilaiMentah]] = {}
    for i, baris in enumerate([*data[awal:akhir], *([[]] * (len(data) - akhir)),
                               *(bawah or [])]):
        nomor = r1 + awal + i
        sel = {c1 + j: v for j, v in enumerate(nilai_baca(x) for x in baris)
               if not kosong(v)}
        if sel:
            isi[nomor] = sel
    batas = batas_tabel.tentukan(
        isi, set(rumus), awal=r1 + awal, akhir=r1 + akhir - 1, bawah=r2 + 1,
        ada_baris_total=total_ada, kolom=header, kolom_awal=c1, lain=lain or [])
    hasil: list[Baris] = []
    for nomor in batas.data:
        b = Baris(lembar, nomor)
        isi_baris = isi[nomor]
        for j, kolom in enumerate(header):
            c = c1 + j
            b.sel[kolom] = Sel(lembar, alamat(nomor, c), isi_baris.get(c),
                               (nomor, c) in persen, (nomor, c) in rumus)
        hasil.append(b)
    return Tabel(nama, lembar, header, hasil, ref.replace("$", ""), r1,
                 diperluas=batas.diperluas, baris_jumlah=batas.jumlah, di_luar=batas.di_luar)


def baris_terpakai(lembar: Any) -> int:
    """The last row of a sheet's used range (0 when it cannot be told)."""
    try:
        ur = lembar.used_range
        return int(ur.row) + int(ur.shape[0]) - 1
    except Exception:
        return 0


def baca_listobject(lembar: Any, tbl: Any) -> Tabel:
    rng = tbl.range
    ref = str(rng.address)
    r1, c1, r2, c2 = rentang(ref)
    data = rng.options(ndim=2, err_to_str=True).value
    header_ada = bool(tbl.show_headers)
    total_ada = bool(tbl.show_totals)
    header = None
    if not header_ada:
        try:
            header = tuple(teks_header(k.name) for k in tbl.columns)
        except Exception:
            header = ()
    kolom = header if header is not None else tuple(teks_header(v) for v in data[0])
    bawah = [] if total_ada else baca_bawah(lembar, r2, c1, c2)
    akhir = r2 + len(bawah)
    awal = r1 + (1 if header_ada else 0)
    t = skema.TABEL_MENURUT_NAMA.get(str(tbl.name))
    persen: set[tuple[int, int]] = set()
    for j, k in enumerate(kolom):
        if t is not None and k in t.kolom_persen and akhir >= awal:
            persen |= {(r, c1 + j) for r in baris_persen(lembar, awal, akhir, c1 + j)}
    return tabel_dari_nilai(str(tbl.name), str(lembar.name), ref, data, header_ada,
                            total_ada, header, bawah=bawah, persen=persen,
                            rumus=baca_rumus(lembar, awal, akhir, c1, c2),
                            lain=tabel_lain(lembar, str(tbl.name), c1, c2))


def baca_bawah(lembar: Any, r2: int, c1: int, c2: int) -> list[list[Any]]:
    """The rows below a table (its columns), as far as batas_tabel looks."""
    terakhir = baris_terpakai(lembar)
    hasil: list[list[Any]] = []
    r = r2 + 1
    while r <= terakhir:
        celah = next((i for i, b in enumerate(hasil)
                      if all(kosong(nilai_baca(v)) for v in b)), None)
        if celah is not None and len(hasil) > celah + batas_tabel.BARIS_PERIKSA:
            break
        sampai = min(terakhir, r + BLOK_BAWAH - 1)
        blok = rentang_sel(lembar, Persegi(r, c1, sampai, c2)).options(
            ndim=2, err_to_str=True).value
        hasil.extend(list(b) for b in blok)
        r = sampai + 1
    return hasil


def baris_persen(lembar: Any, r1: int, r2: int, c: int) -> list[int]:
    """Rows r1..r2 of column c whose number format is a percentage. One call when
    the column has one format (Excel answers None for mixed formats: then the
    range is halved until each part has one, so a few odd cells cost a few calls
    each, not one per row). None at all where the host cannot tell (the remote
    engine: a documented limitation)."""
    try:
        kode = rentang_sel(lembar, Persegi(r1, c, r2, c)).number_format
    except NotImplementedError:
        return []
    if kode is not None:
        return list(range(r1, r2 + 1)) if kode_format.persen(str(kode)) else []
    if r1 == r2:
        return []
    tengah = (r1 + r2) // 2
    return baris_persen(lembar, r1, tengah, c) + \
        baris_persen(lembar, tengah + 1, r2, c)


def baca_rumus(lembar: Any, r1: int, r2: int, c1: int, c2: int
           ) -> set[tuple[int, int]]:
    """(row, sheet column) of the cells holding a formula: one call (none on the
    remote engine, which does not send formulas)."""
    if r2 < r1:
        return set()
    try:
        rumus = rentang_sel(lembar, Persegi(r1, c1, r2, c2)).options(ndim=2).formula
    except NotImplementedError:
        return set()
    if not isinstance(rumus, (list, tuple)):
        rumus = [[rumus]]
    return {(r1 + i, c1 + j) for i, baris in enumerate(rumus) for j, f in enumerate(baris)
            if isinstance(f, str) and f.startswith("=")}


def tabel_lain(lembar: Any, nama: str, c1: int, c2: int) -> list[tuple[int, int]]:
    """Row spans of the other tables of the sheet in the same columns."""
    hasil = []
    try:
        for t in lembar.tables:
            if str(t.name).lower() == nama.lower():
                continue
            a1, b1, a2, b2 = rentang(str(t.range.address))
            if b1 <= c2 and b2 >= c1:
                hasil.append((a1, a2))
    except Exception:
        return []
    return hasil


def cari_menurut_header(lembar: Any, t: skema.TabelSkema) -> Tabel | None:
    """The fallback for hosts without ListObjects: the first row of the contract
    sheet holding the first header, with at least half of the headers beside it."""
    ur = lembar.used_range
    data = ur.options(ndim=2, err_to_str=True).value
    r0, c0 = int(ur.row), int(ur.column)
    for i, baris in enumerate(data):
        teks = [teks_header(v) for v in baris]
        if t.kolom[0] not in teks:
            continue
        j = teks.index(t.kolom[0])
        k = j
        while k < len(teks) and teks[k]:
            k += 1
        header = tuple(teks[j:k])
        if 2 * sum(h in t.kolom for h in header) < len(t.kolom):
            continue
        akhir = i
        for i2 in range(i + 1, len(data)):
            if any(v not in (None, "") for v in data[i2][j:k]):
                akhir = i2
        potong = [b[j:k] for b in data[i:akhir + 1]]
        ref = f"{alamat(r0 + i, c0 + j)}:{alamat(r0 + akhir, c0 + k - 1)}"
        return tabel_dari_nilai(t.nama, str(lembar.name), ref, potong)
    return None
