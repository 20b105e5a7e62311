"""Reading input tables from sheet XML: cell values by table name and header.

A sheet is read in one pass as it is parsed (``urai.iter_xml``): each row is taken
when it closes and freed at once, so a 5.000-row Kegiatan sheet never sits in memory
as a whole element tree (~40 MB), and its merged ranges are collected in the same
pass. The result, and which error a broken file reports first, are what reading the
whole tree gave: the XML is checked to its end before a cell or merge error is
raised, and a sheet already parsed (``paket.xml``) is read from its tree.

Every cell is decoded by one function, :func:`baca_sel`; where a table ends (rows
typed below it, the user's own total rows) is decided by :mod:`rkt_xl.batas_tabel`,
the same code the xlwings engine uses.
"""

from __future__ import annotations

import datetime as _dt
import math
from decimal import Decimal, InvalidOperation

from lxml import etree

from rkt_xl import batas_tabel
from rkt_xl.alamat import angka_ke_kolom, kolom_alamat, pecah_alamat, rentang
from rkt_xl.bulat import bulat
from rkt_xl.engine.file.paket import GayaAngka, InfoTabel, M, Paket, teks_si
from rkt_xl.engine.file.urai import iter_xml
from rkt_xl.galat import GalatBerkas
from rkt_xl.kutip import kutip
from rkt_xl.model import Baris, GalatExcel, NilaiMentah, RumusTanpaNilai, Sel, Tabel

_EPOCH = _dt.datetime(1899, 12, 30)
_C = M + "c"
_V = M + "v"
_F = M + "f"
_IS = M + "is"
_ROW = M + "row"
_SHEET_DATA = M + "sheetData"
_MERGE_CELLS = M + "mergeCells"
_MERGE_CELL = M + "mergeCell"

# Cell flags (bits), kept apart from the value: most cells have none.
RUMUS = 1  # the cell holds a formula
PERSEN = 2  # a number shown with a percent format
RUSAK = 4  # the cell holds what its type cannot hold (a file Excel would repair)


def angka_xml(teks: str) -> int | Decimal | None:
    """A number as a file stores it (``<v>``), or None when it is not one."""
    if teks.isdigit() and teks.isascii() and len(teks) <= 18:
        return int(teks)  # the common case, without Decimal
    try:
        d = Decimal(teks.strip())
    except InvalidOperation:
        return None
    if not d.is_finite():
        return None
    f = float(d)  # 1E+999999999 gives inf, never an exception
    if not math.isfinite(f):
        return None  # beyond a double: no number Excel holds (read as the text it is)
    # Integers stay int so Rupiah sums are exact. Any other number is a double in
    # Excel: writers store it with 15-17 digits ("86.81999999999999" for 86,82), so it
    # is taken by its shortest repr, the value Excel shows and hands to xlwings.
    if abs(f) < 1e18 and d == d.to_integral_value():
        return int(d)
    return Decimal(repr(f))


def baca_sel(c: etree._Element, sst: list[str], gaya: GayaAngka) -> tuple[NilaiMentah, int]:
    """The value a cell shows (a formula's cached value: never evaluated) and its
    flags (``RUMUS``, ``PERSEN``). The first ``<v>``, ``<f>`` and ``<is>`` count, as the
    writer (``penulis``) replaces them all."""
    v = f = is_ = None
    for x in c:  # one look at the children instead of three c.find calls
        tag = x.tag
        if tag == _V:
            if v is None:
                v = x
        elif tag == _F:
            if f is None:
                f = x
        elif tag == _IS and is_ is None:
            is_ = x
    tanda = 0 if f is None else RUMUS
    t = c.get("t")
    if t == "inlineStr":
        return (teks_si(is_) if is_ is not None else ""), tanda
    teks = None if v is None else v.text
    if teks is None:
        # A formula nobody has calculated (openpyxl writes <f>…</f><v></v>); a string
        # result that is empty is written with t="str" and stays an empty cell.
        if f is not None and (v is None or t is None or t == "n"):
            return RumusTanpaNilai((f.text or "").strip()), tanda
        return None, tanda
    if t is None or t == "n":
        n = angka_xml(teks)
        if n is None:
            return teks, tanda | RUSAK  # read as the text it is; the part is reported
        s = c.get("s")
        if s is not None and (gaya.tanggal or gaya.persen):
            indeks = bulat(s, 9)
            if indeks in gaya.tanggal:
                try:
                    return _EPOCH + _dt.timedelta(days=float(n)), tanda
                except OverflowError:
                    return n, tanda
            if indeks in gaya.persen:
                tanda |= PERSEN
        return n, tanda
    if t == "s":
        try:
            return sst[int(teks)], tanda
        except (ValueError, IndexError):
            return GalatExcel("#REF!"), tanda | RUSAK  # no such shared string
    if t == "b":
        b = teks.strip()
        if b not in ("0", "1"):
            tanda |= RUSAK  # Excel and LibreOffice store 1 and 0; openpyxl fails on TRUE
        return b in ("1", "true"), tanda
    if t == "e":
        return GalatExcel(teks.strip()), tanda
    if t == "d":
        if not _tanggal_iso(teks):
            tanda |= RUSAK  # t="d" holds ISO 8601 only: Excel repairs the file
    elif t != "str":
        tanda |= RUSAK  # a type SpreadsheetML does not have
    return teks, tanda  # "str", "d" (ISO date text) and unknown types: the text


def _posisi(ref: str) -> tuple[int, int] | None:
    try:
        return pecah_alamat(ref)
    except ValueError:
        return None  # "#3": a cell without a reference


def _tanggal_iso(teks: str) -> bool:
    try:
        _dt.datetime.fromisoformat(teks.strip())
    except ValueError:
        return False
    return True


def _lembar(paket: Paket, part: str) -> str:
    """How a message names a sheet part: by its sheet name when known."""
    nama = next((x.nama for x in paket.lembar.values() if x.part == part), None)
    return f"lembar {kutip(nama)}" if nama is not None else f"bagian {part}"


class _Pindai:
    """One pass over a sheet part: the cells of a rectangle, in document order, and
    (optionally) the refs of its merged ranges."""

    def __init__(self, paket: Paket, part: str, baris_min: int, baris_max: int,
                 kolom_min: int, kolom_max: int) -> None:
        self.paket = paket
        self.part = part
        self.baris_min, self.baris_max = baris_min, baris_max
        self.kolom_min, self.kolom_max = kolom_min, kolom_max
        self.galat: GalatBerkas | None = None  # the first row/cell error, in order
        self.tanda: dict[tuple[int, int], int] = {}  # (row, column) → flags, when any

    def _baris(self, row: etree._Element, nomor_baris: int) -> int:
        r = row.get("r")
        if r == "":
            # read as the next row, as when r is absent; but Excel repairs it
            self.paket.tandai_sel_rusak(self.part, "", f"baris {nomor_baris + 1} bernomor "
                                        "kosong (r=\"\")", nilai=False, pulih_lembar=True)
        try:
            return int(r) if r else nomor_baris + 1
        except ValueError as e:
            raise GalatBerkas(f"{self.paket.nama}: nomor baris {kutip(r or '')} pada "
                              f"{_lembar(self.paket, self.part)} tidak valid; berkas "
                              "rusak") from e

    def _periksa(self, row: etree._Element, gaya: GayaAngka) -> None:
        """A row outside the rectangle (the header above the table): not read, but its
        cells' references and styles are checked as the read ones are."""
        for c in row:
            if c.tag != _C:
                continue
            ref = c.get("r")
            if ref is not None and _posisi(ref) is None:
                self.paket.tandai_sel_rusak(self.part, "", f"alamat sel {kutip(ref)} tidak sah",
                                            nilai=False)
            if gaya.sah is not None and (s := c.get("s")) is not None and s not in gaya.sah:
                self._gaya_tidak_ada(ref or "", s, gaya.sah)

    def _gaya_tidak_ada(self, ref: str, s: str, sah: frozenset[str]) -> None:
        """A cell style index that is not in the stylesheet (Excel repairs the file)."""
        self.paket.tandai_sel_rusak(
            self.part, ref, f"memakai gaya {kutip(s)}, yang tidak ada (ada {len(sah)} gaya "
            "sel)", nilai=False)

    def _sel(self, row: etree._Element, nomor_baris: int, sst: list[str], gaya: GayaAngka,
             per_baris: dict[int, dict[int, NilaiMentah]]) -> None:
        kolom_min, kolom_max = self.kolom_min, self.kolom_max
        isi: dict[int, NilaiMentah] | None = per_baris.get(nomor_baris)
        nomor_kolom = 0
        sah = gaya.sah
        for c in row:  # iterating and testing the tag is cheaper than iterchildren(_C)
            if c.tag != _C:
                continue
            ref = c.get("r")
            if ref:
                try:
                    nomor_kolom = kolom_alamat(ref)
                except ValueError as e:
                    raise GalatBerkas(f"{self.paket.nama}: alamat sel {kutip(ref)} pada "
                                      f"{_lembar(self.paket, self.part)} tidak valid; "
                                      "berkas rusak") from e
            else:
                nomor_kolom += 1
            if sah is not None and (s := c.get("s")) is not None and s not in sah:
                self._gaya_tidak_ada(ref or f"#{nomor_kolom}", s, sah)
            if not kolom_min <= nomor_kolom <= kolom_max:
                continue
            v, tanda = baca_sel(c, sst, gaya)
            if tanda & RUSAK:
                tersimpan = next((x.text for x in c if x.tag == _V and x.text), None)
                self.paket.tandai_sel_rusak(
                    self.part, ref or f"#{nomor_kolom}",
                    f"berisi nilai yang tidak sesuai jenisnya ({kutip(tersimpan or str(v))})",
                    nilai=True)
            # The last value stored for a cell counts; one that is only blank text
            # leaves the cell empty, and a row without any value is no row.
            if v is None or (type(v) is str and not v.strip()):
                if isi is not None:
                    isi.pop(nomor_kolom, None)
                self.tanda.pop((nomor_baris, nomor_kolom), None)
                continue
            if isi is None:
                isi = per_baris[nomor_baris] = {}
            isi[nomor_kolom] = v
            if tanda:
                self.tanda[(nomor_baris, nomor_kolom)] = tanda
            else:
                self.tanda.pop((nomor_baris, nomor_kolom), None)
        if isi is not None and not isi:
            del per_baris[nomor_baris]

    def jalankan(self, gabungan: list[str | None] | None = None
                 ) -> dict[int, dict[int, NilaiMentah]]:
        """Row → column → value of every non-empty cell in the rectangle (the last value
        stored for a cell wins; blank text empties it), flags in ``self.tanda``; the
        refs of merged ranges appended to ``gabungan`` when given."""
        paket, part = self.paket, self.part
        keluar: dict[int, dict[int, NilaiMentah]] = {}
        akar = paket.pohon(part)
        if akar is not None:
            self._dari_pohon(akar, keluar, gabungan)
            return keluar
        # Strings and styles are read before the sheet, but the sheet's own XML
        # errors are reported first (as when the sheet was parsed whole first).
        galat_awal: Exception | None = None
        try:
            sst = paket.shared_strings()
            gaya = paket.gaya_angka()
        except Exception as e:
            galat_awal, sst, gaya = e, [], GayaAngka()
        baris_min, baris_max = self.baris_min, self.baris_max
        data: etree._Element | None = None
        selesai_data = False
        nomor_baris = 0
        for peristiwa, el in iter_xml(paket.parts[part], part, paket.nama,
                                      ("start", "end"), (_SHEET_DATA, _ROW, _MERGE_CELL)):
            tag = el.tag
            if tag == _ROW:
                if peristiwa != "end":
                    continue
                if data is not None and not selesai_data and el.getparent() is data:
                    if galat_awal is None and self.galat is None:
                        try:
                            nomor_baris = self._baris(el, nomor_baris)
                            if baris_min <= nomor_baris <= baris_max:
                                self._sel(el, nomor_baris, sst, gaya, keluar)
                            else:
                                self._periksa(el, gaya)
                        except GalatBerkas as e:
                            self.galat = e
                    el.clear()
                    while el.getprevious() is not None:
                        del data[0]
                else:
                    el.clear()
            elif tag == _SHEET_DATA:
                induk = el.getparent()
                if data is None and peristiwa == "start" and induk is not None and \
                        induk.getparent() is None:
                    data = el  # the first sheetData under the root: root.find()
                elif peristiwa == "end" and el is data:
                    selesai_data = True
            elif peristiwa == "end" and gabungan is not None:
                induk = el.getparent()
                atas = induk.getparent() if induk is not None else None
                if induk is not None and induk.tag == _MERGE_CELLS and atas is not None and \
                        atas.getparent() is None:  # root/mergeCells/mergeCell
                    gabungan.append(el.get("ref"))
        if galat_awal is not None:
            raise galat_awal
        if self.galat is not None:
            raise self.galat
        paket.tandai_terbaca(part)
        return keluar

    def _dari_pohon(self, root: etree._Element, keluar: dict[int, dict[int, NilaiMentah]],
                    gabungan: list[str | None] | None) -> None:
        data = root.find(_SHEET_DATA)
        sst = self.paket.shared_strings()
        gaya = self.paket.gaya_angka()
        if data is not None:
            nomor_baris = 0
            for row in data.iterchildren(_ROW):
                nomor_baris = self._baris(row, nomor_baris)
                # No early `break` past baris_max: Excel writes rows in order, other
                # writers need not, and stopping early would silently drop the rows
                # stored later.
                if self.baris_min <= nomor_baris <= self.baris_max:
                    self._sel(row, nomor_baris, sst, gaya, keluar)
        if gabungan is not None:
            gabungan.extend(mc.get("ref") for mc in
                            root.iterfind(f"{_MERGE_CELLS}/{_MERGE_CELL}"))


def baca_lembar(paket: Paket, part: str, baris_min: int, baris_max: int,
                kolom_min: int, kolom_max: int) -> dict[tuple[int, int], NilaiMentah]:
    """Cell values of one rectangle of a sheet."""
    per_baris = _Pindai(paket, part, baris_min, baris_max, kolom_min, kolom_max).jalankan()
    return {(r, c): v for r, isi in per_baris.items() for c, v in isi.items()}


def _gabungan_dalam(paket: Paket, part: str, ref: str, semua: list[str | None]) -> list[str]:
    """Merged ranges of a sheet that overlap a table's range."""
    r1, c1, r2, c2 = rentang(ref)
    hasil = []
    for mc in semua:
        try:
            a1, b1, a2, b2 = rentang(mc if mc is not None else "A1")
        except ValueError as e:
            raise GalatBerkas(f"{paket.nama}: sel gabungan {kutip(mc or '')} pada "
                              f"{_lembar(paket, part)} tidak valid; berkas rusak") from e
        if a1 <= r2 and a2 >= r1 and b1 <= c2 and b2 >= c1:
            hasil.append(mc if mc is not None else "")
    return hasil


def _tabel_lain(paket: Paket, info: InfoTabel) -> list[tuple[int, int]]:
    """Row spans of the other tables on the same sheet whose columns overlap."""
    _, c1, _, c2 = rentang(info.ref)
    hasil = []
    for lain in paket.tabel.values():
        if lain is info or lain.lembar != info.lembar or not lain.ref:
            continue
        try:
            a1, b1, a2, b2 = rentang(lain.ref)
        except ValueError:
            continue
        if b1 <= c2 and b2 >= c1:
            hasil.append((a1, a2))
    return hasil


def baca_tabel(paket: Paket, info: InfoTabel, *, gabungan: bool = False,
               kolom_hitung: tuple[str, ...] = ()) -> Tabel:
    """Data rows of a table by header; entirely empty rows are dropped; rows typed
    below it, total rows and stray cells as :mod:`rkt_xl.batas_tabel` decides.

    ``gabungan``: also fill ``Tabel.gabungan`` (the merged ranges overlapping the
    table) from the same pass over the sheet. ``kolom_hitung``: the columns Hitung
    overwrites in every data row; a damaged cell there is repaired by the run itself,
    so it is not reported as damage (a second run would no longer see it).
    """
    lembar = paket.lembar[info.lembar]
    r1, c1, r2, c2 = rentang(info.ref)
    awal = r1 + (1 if info.header_baris else 0)
    akhir = r2 - info.total_baris
    semua_gabungan: list[str | None] | None = [] if gabungan else None
    pindai = _Pindai(paket, lembar.part, awal, 1_048_576, c1, c2)
    per_baris = pindai.jalankan(semua_gabungan)
    rumus = {rc for rc, t in pindai.tanda.items() if t & RUMUS}
    batas = batas_tabel.tentukan(
        per_baris, rumus, awal=awal, akhir=akhir, bawah=r2 + 1,
        ada_baris_total=bool(info.total_baris), kolom=info.kolom, kolom_awal=c1,
        lain=_tabel_lain(paket, info))
    if kolom_hitung and lembar.part in paket.sel_rusak:
        ditimpa = {(r, c1 + i) for i, k in enumerate(info.kolom) if k in kolom_hitung
                   for r in batas.data}
        paket.sel_rusak[lembar.part] = [x for x in paket.sel_rusak[lembar.part]
                                        if not (x.nilai and _posisi(x.ref) in ditimpa)]
    baris: list[Baris] = []
    nama_lembar = info.lembar
    kolom = [(k, c1 + i, angka_ke_kolom(c1 + i)) for i, k in enumerate(info.kolom)]
    tanda = pindai.tanda
    for r in batas.data:
        isi = per_baris[r]
        b = Baris(nama_lembar, r)
        nomor = str(r)
        sel_baris = b.sel
        for nama_kolom, c, huruf in kolom:
            t = tanda.get((r, c), 0) if tanda else 0
            # alamat(r, c), with the column letters computed once per table
            sel_baris[nama_kolom] = Sel(nama_lembar, huruf + nomor, isi.get(c),
                                        bool(t & PERSEN), bool(t & RUMUS))
        baris.append(b)
    tabel = Tabel(info.nama, info.lembar, info.kolom, baris, info.ref, r1,
                  diperluas=batas.diperluas, baris_jumlah=batas.jumlah, di_luar=batas.di_luar)
    if semua_gabungan is not None:
        tabel.gabungan = _gabungan_dalam(paket, lembar.part, info.ref, semua_gabungan)
    return tabel
