"""Reading input tables from sheet XML: cell values by table name and header.

A sheet is read in one pass as it is parsed (``paket.iter_xml``): each row is taken
when it closes and freed at once, so a 5.000-row Kegiatan sheet never sits in memory
as a whole element tree (~40 MB), and its merged ranges are collected in the same
pass. The result, and which error a broken file reports first, are what reading the
whole tree gave: the XML is checked to its end before a cell or merge error is
raised, and a sheet already parsed (``paket.xml``) is read from its tree.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal, InvalidOperation

from lxml import etree

from rkt_xl.engine.file.paket import (
    InfoTabel,
    M,
    Paket,
    angka_ke_kolom,
    iter_xml,
    kolom_ke_angka,
    pecah_alamat,
    rentang,
    teks_si,
)
from rkt_xl.galat import GalatBerkas
from rkt_xl.model import Baris, GalatExcel, NilaiMentah, Sel, Tabel

_EPOCH = _dt.datetime(1899, 12, 30)
_C = M + "c"
_V = M + "v"
_ROW = M + "row"
_SHEET_DATA = M + "sheetData"
_MERGE_CELLS = M + "mergeCells"
_MERGE_CELL = M + "mergeCell"


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
    return _mungkin_tanggal(c, n, tanggal)


def _mungkin_tanggal(c: etree._Element, n: int | Decimal,
                     tanggal: set[int]) -> int | Decimal | _dt.datetime:
    """A number shown with a date format is a date (reported where a number belongs)."""
    s = c.get("s")
    if s is not None and s.isdigit() and int(s) in tanggal:
        try:
            return _EPOCH + _dt.timedelta(days=float(n))
        except OverflowError:
            return n
    return n


def _nilai(c: etree._Element, sst: list[str], tanggal: set[int]) -> NilaiMentah:
    """``nilai_sel`` with the two common cells (a number, a shared string) taken
    directly; every other cell goes through ``nilai_sel`` itself."""
    t = c.get("t")
    if t is None or t == "n":
        for v in c:  # the first <v>, as c.find does
            if v.tag != _V:
                continue
            teks = v.text
            if teks is None:
                return None
            n: int | Decimal | None
            if teks.isdigit() and teks.isascii() and len(teks) <= 18:
                n = int(teks)  # what _angka gives for plain digits, without Decimal
            else:
                n = _angka(teks)
                if n is None:
                    return teks
            return _mungkin_tanggal(c, n, tanggal) if tanggal else n
        return None
    if t == "s":
        for v in c:
            if v.tag != _V:
                continue
            teks = v.text
            if teks is None:
                return None
            try:
                return sst[int(teks)]
            except (ValueError, IndexError):
                return GalatExcel("#REF!")
        return None
    return nilai_sel(c, sst, tanggal)


# Column letters of a cell reference ("AB" of "AB12", "$C$" of "$C$7") → column number.
# Only letter runs that pecah_alamat accepts are remembered; anything else goes through
# pecah_alamat itself, so an odd reference is accepted or refused exactly as before.
_HURUF = re.compile(r"\$?([A-Za-z]{1,3})\$?")
_KOLOM: dict[str, int] = {}
_ANGKA = "0123456789"


def kolom_alamat(ref: str) -> int:
    """The column number of a cell reference: ``pecah_alamat(ref)[1]``, remembered per
    column letters."""
    huruf = ref.rstrip(_ANGKA)
    if len(huruf) < len(ref):
        k = _KOLOM.get(huruf)
        if k is not None:
            return k
        m = _HURUF.fullmatch(huruf)
        if m is not None:
            k = _KOLOM[huruf] = kolom_ke_angka(m.group(1))
            return k
    return pecah_alamat(ref)[1]


def _lembar(paket: Paket, part: str) -> str:
    """How a message names a sheet part: by its sheet name when known."""
    nama = next((x.nama for x in paket.lembar.values() if x.part == part), None)
    return f"lembar {nama!r}" if nama is not None else f"bagian {part}"


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

    def _baris(self, row: etree._Element, nomor_baris: int) -> int:
        r = row.get("r")
        try:
            return int(r) if r else nomor_baris + 1
        except ValueError as e:
            raise GalatBerkas(f"{self.paket.nama}: nomor baris {r!r} pada "
                              f"{_lembar(self.paket, self.part)} tidak valid; berkas "
                              "rusak") from e

    def _sel(self, row: etree._Element, nomor_baris: int, sst: list[str],
             tanggal: set[int], per_baris: dict[int, dict[int, NilaiMentah]]) -> None:
        # The hot loop of reading: kolom_alamat and the common cases of _nilai inlined.
        kolom_min, kolom_max = self.kolom_min, self.kolom_max
        kolom_dikenal = _KOLOM
        isi: dict[int, NilaiMentah] | None = per_baris.get(nomor_baris)
        nomor_kolom = 0
        for c in row:  # iterating and testing the tag is cheaper than iterchildren(_C)
            if c.tag != _C:
                continue
            ref = c.get("r")
            if ref:
                k = kolom_dikenal.get(ref.rstrip(_ANGKA)) if ref[-1] in _ANGKA else None
                if k is None:
                    try:
                        k = kolom_alamat(ref)
                    except ValueError as e:
                        raise GalatBerkas(f"{self.paket.nama}: alamat sel {ref!r} pada "
                                          f"{_lembar(self.paket, self.part)} tidak valid; "
                                          "berkas rusak") from e
                nomor_kolom = k
            else:
                nomor_kolom += 1
            if not kolom_min <= nomor_kolom <= kolom_max:
                continue
            t = c.get("t")
            v: NilaiMentah
            if t is None and not tanggal:
                # a number in a workbook without date formats
                v = None
                for x in c:  # the first <v> (c.find); c.iterchildren(_V) costs more
                    if x.tag != _V:
                        continue
                    teks = x.text
                    if teks is not None:
                        if teks.isdigit() and teks.isascii() and len(teks) <= 18:
                            v = int(teks)
                        else:
                            n = _angka(teks)
                            v = teks if n is None else n
                    break
            elif t == "s":
                v = None
                for x in c:
                    if x.tag != _V:
                        continue
                    teks = x.text
                    if teks is not None:
                        try:
                            v = sst[int(teks)]
                        except (ValueError, IndexError):
                            v = GalatExcel("#REF!")
                    break
            else:
                v = _nilai(c, sst, tanggal)
            if v is None or v == "":
                continue
            # The last value stored for a cell counts; one that is only blank text
            # leaves the cell empty, and a row without any value is no row.
            if type(v) is str and not v.strip():
                if isi is not None:
                    isi.pop(nomor_kolom, None)
                continue
            if isi is None:
                isi = per_baris[nomor_baris] = {}
            isi[nomor_kolom] = v
        if isi is not None and not isi:
            del per_baris[nomor_baris]

    def jalankan(self, gabungan: list[str | None] | None = None
                 ) -> dict[int, dict[int, NilaiMentah]]:
        """Row → column → value of every non-empty cell in the rectangle (the last value
        stored for a cell wins; blank text empties it); the refs of merged ranges
        appended to ``gabungan`` when given."""
        paket, part = self.paket, self.part
        keluar: dict[int, dict[int, NilaiMentah]] = {}
        akar = paket._xml.get(part)
        if akar is not None:
            self._dari_pohon(akar, keluar, gabungan)
            return keluar
        # Strings and styles are read before the sheet, but the sheet's own XML
        # errors are reported first (as when the sheet was parsed whole first).
        galat_awal: Exception | None = None
        try:
            sst = paket.shared_strings()
            tanggal = paket.gaya_tanggal()
        except Exception as e:
            galat_awal, sst, tanggal = e, [], set()
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
                                self._sel(el, nomor_baris, sst, tanggal, keluar)
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
        return keluar

    def _dari_pohon(self, root: etree._Element, keluar: dict[int, dict[int, NilaiMentah]],
                    gabungan: list[str | None] | None) -> None:
        data = root.find(_SHEET_DATA)
        sst = self.paket.shared_strings()
        tanggal = self.paket.gaya_tanggal()
        if data is not None:
            nomor_baris = 0
            for row in data.iterchildren(_ROW):
                nomor_baris = self._baris(row, nomor_baris)
                # No early `break` past baris_max: Excel writes rows in order, other
                # writers need not, and stopping early would silently drop the rows
                # stored later.
                if self.baris_min <= nomor_baris <= self.baris_max:
                    self._sel(row, nomor_baris, sst, tanggal, keluar)
        if gabungan is not None:
            gabungan.extend(mc.get("ref") for mc in
                            root.iterfind(f"{_MERGE_CELLS}/{_MERGE_CELL}"))


def baca_lembar(paket: Paket, part: str, baris_min: int, baris_max: int,
                kolom_min: int, kolom_max: int) -> dict[tuple[int, int], NilaiMentah]:
    """Cell values of one rectangle of a sheet."""
    per_baris = _Pindai(paket, part, baris_min, baris_max, kolom_min, kolom_max).jalankan()
    return {(r, c): v for r, isi in per_baris.items() for c, v in isi.items()}


def _gabungan_dalam(paket: Paket, part: str, ref: str, semua: list[str | None]) -> list[str]:
    r1, c1, r2, c2 = rentang(ref)
    hasil = []
    for mc in semua:
        try:
            a1, b1, a2, b2 = rentang(mc if mc is not None else "A1")
        except ValueError as e:
            raise GalatBerkas(f"{paket.nama}: sel gabungan {mc!r} pada "
                              f"{_lembar(paket, part)} tidak valid; berkas rusak") from e
        if a1 <= r2 and a2 >= r1 and b1 <= c2 and b2 >= c1:
            hasil.append(mc if mc is not None else "")
    return hasil


def gabungan_dalam(paket: Paket, part: str, ref: str) -> list[str]:
    """Merged ranges of a sheet that overlap a table's range."""
    semua = [mc.get("ref") for mc in paket.xml(part).iterfind(f"{_MERGE_CELLS}/{_MERGE_CELL}")]
    return _gabungan_dalam(paket, part, ref, semua)


def baca_tabel(paket: Paket, info: InfoTabel, *, gabungan: bool = False) -> Tabel:
    """Data rows of a table by header; entirely empty rows are dropped.

    ``gabungan``: also fill ``Tabel.gabungan`` (the merged ranges overlapping the
    table, ``gabungan_dalam``) from the same pass over the sheet.
    """
    lembar = paket.lembar[info.lembar]
    r1, c1, r2, c2 = rentang(info.ref)
    awal = r1 + (1 if info.header_baris else 0)
    akhir = r2 - info.total_baris
    # Rows typed or pasted directly below a table belong to it in the user's eyes
    # (LibreOffice and openpyxl do not grow the table as Excel does): read the block
    # that continues without a gap, and say so (a struktur info finding).
    batas = akhir if info.total_baris else akhir + 1_048_576
    semua_gabungan: list[str | None] | None = [] if gabungan else None
    per_baris = _Pindai(paket, lembar.part, awal, batas, c1, c2).jalankan(semua_gabungan)
    diperluas = 0
    while akhir + diperluas + 1 in per_baris:
        diperluas += 1
    for r in [r for r in per_baris if r > akhir + diperluas]:
        del per_baris[r]
    baris: list[Baris] = []
    nama_lembar = info.lembar
    kolom = [(k, c1 + i, angka_ke_kolom(c1 + i)) for i, k in enumerate(info.kolom)]
    for r in sorted(per_baris):
        isi = per_baris[r]
        b = Baris(nama_lembar, r)
        nomor = str(r)
        sel_baris = b.sel
        for nama_kolom, c, huruf in kolom:
            # alamat(r, c), with the column letters computed once per table
            sel_baris[nama_kolom] = Sel(nama_lembar, huruf + nomor, isi.get(c))
        baris.append(b)
    tabel = Tabel(info.nama, info.lembar, info.kolom, baris, info.ref, r1, diperluas=diperluas)
    if semua_gabungan is not None:
        tabel.gabungan = _gabungan_dalam(paket, lembar.part, info.ref, semua_gabungan)
    return tabel
