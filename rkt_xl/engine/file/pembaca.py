"""Reading input tables from sheet XML: cell values by table name and header."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal, InvalidOperation

from lxml import etree

from rkt_xl.engine.file.paket import InfoTabel, M, Paket, alamat, pecah_alamat, rentang, teks_si
from rkt_xl.galat import GalatBerkas
from rkt_xl.model import Baris, GalatExcel, NilaiMentah, Sel, Tabel

_EPOCH = _dt.datetime(1899, 12, 30)


def _angka(teks: str) -> int | Decimal | None:
    try:
        d = Decimal(teks.strip())
    except InvalidOperation:
        return None
    if not d.is_finite():
        return None
    # Integers stay int so Rupiah sums are exact. Any other number is a double in
    # Excel: writers store it with 15-17 digits ("86.81999999999999" for 86,82), so it
    # is taken by its shortest repr, the value Excel shows and hands to xlwings.
    if d == d.to_integral_value() and abs(d) < Decimal(10) ** 18:
        return int(d)
    return Decimal(repr(float(d)))


def nilai_sel(c: etree._Element, sst: list[str], tanggal: set[int]) -> NilaiMentah:
    """The value a cell shows (the cached value for a formula: never evaluated)."""
    t = c.get("t", "n")
    if t == "inlineStr":
        is_ = c.find(M + "is")
        return teks_si(is_) if is_ is not None else ""
    v = c.find(M + "v")
    if v is None or v.text is None:
        return None
    teks = v.text
    if t == "s":
        try:
            return sst[int(teks)]
        except (ValueError, IndexError):
            return GalatExcel("#REF!")
    if t in ("str", "d"):
        return teks
    if t == "b":
        return teks.strip() in ("1", "true")
    if t == "e":
        return GalatExcel(teks.strip())
    n = _angka(teks)
    if n is None:
        return teks
    s = c.get("s")
    if s is not None and s.isdigit() and int(s) in tanggal:
        try:
            return _EPOCH + _dt.timedelta(days=float(n))
        except OverflowError:
            return n
    return n


def _lembar(paket: Paket, part: str) -> str:
    """How a message names a sheet part: by its sheet name when known."""
    nama = next((x.nama for x in paket.lembar.values() if x.part == part), None)
    return f"lembar {nama!r}" if nama is not None else f"bagian {part}"


def baca_lembar(paket: Paket, part: str, baris_min: int, baris_max: int,
                kolom_min: int, kolom_max: int) -> dict[tuple[int, int], NilaiMentah]:
    """Cell values of one rectangle of a sheet."""
    root = paket.xml(part)
    data = root.find(M + "sheetData")
    sst = paket.shared_strings()
    tanggal = paket.gaya_tanggal()
    hasil: dict[tuple[int, int], NilaiMentah] = {}
    if data is None:
        return hasil
    nomor_baris = 0
    for row in data.iterchildren(M + "row"):
        r = row.get("r")
        try:
            nomor_baris = int(r) if r else nomor_baris + 1
        except ValueError as e:
            raise GalatBerkas(f"{paket.nama}: nomor baris {r!r} pada {_lembar(paket, part)} "
                              "tidak valid; berkas rusak") from e
        # No early `break` past baris_max: Excel writes rows in order, other writers
        # need not, and stopping early would silently drop the rows stored later.
        if not baris_min <= nomor_baris <= baris_max:
            continue
        nomor_kolom = 0
        for c in row.iterchildren(M + "c"):
            ref = c.get("r")
            try:
                nomor_kolom = pecah_alamat(ref)[1] if ref else nomor_kolom + 1
            except ValueError as e:
                raise GalatBerkas(f"{paket.nama}: alamat sel {ref!r} pada "
                                  f"{_lembar(paket, part)} tidak valid; berkas rusak") from e
            if kolom_min <= nomor_kolom <= kolom_max:
                v = nilai_sel(c, sst, tanggal)
                if v is not None and v != "":
                    hasil[(nomor_baris, nomor_kolom)] = v
    return hasil


def gabungan_dalam(paket: Paket, part: str, ref: str) -> list[str]:
    """Merged ranges of a sheet that overlap a table's range."""
    r1, c1, r2, c2 = rentang(ref)
    hasil = []
    for mc in paket.xml(part).iterfind(f"{M}mergeCells/{M}mergeCell"):
        try:
            a1, b1, a2, b2 = rentang(mc.get("ref", "A1"))
        except ValueError as e:
            raise GalatBerkas(f"{paket.nama}: sel gabungan {mc.get('ref')!r} pada "
                              f"{_lembar(paket, part)} tidak valid; berkas rusak") from e
        if a1 <= r2 and a2 >= r1 and b1 <= c2 and b2 >= c1:
            hasil.append(mc.get("ref", ""))
    return hasil


def baca_tabel(paket: Paket, info: InfoTabel) -> Tabel:
    """Data rows of a table by header; entirely empty rows are dropped."""
    lembar = paket.lembar[info.lembar]
    r1, c1, r2, c2 = rentang(info.ref)
    awal = r1 + (1 if info.header_baris else 0)
    akhir = r2 - info.total_baris
    # Rows typed or pasted directly below a table belong to it in the user's eyes
    # (LibreOffice and openpyxl do not grow the table as Excel does): read the block
    # that continues without a gap, and say so (a struktur info finding).
    batas = akhir if info.total_baris else akhir + 1_048_576
    sel = baca_lembar(paket, lembar.part, awal, batas, c1, c2)
    per_baris: dict[int, dict[int, NilaiMentah]] = {}
    for (r, c), v in sel.items():
        if isinstance(v, str) and not v.strip():
            continue
        per_baris.setdefault(r, {})[c] = v
    diperluas = 0
    while akhir + diperluas + 1 in per_baris:
        diperluas += 1
    for r in [r for r in per_baris if r > akhir + diperluas]:
        del per_baris[r]
    baris: list[Baris] = []
    for r in sorted(per_baris):
        isi = per_baris[r]
        b = Baris(info.lembar, r)
        for i, kolom in enumerate(info.kolom):
            c = c1 + i
            b.sel[kolom] = Sel(info.lembar, alamat(r, c), isi.get(c))
        baris.append(b)
    return Tabel(info.nama, info.lembar, info.kolom, baris, info.ref, r1, diperluas=diperluas)
