"""Patching the parts rkt_xl owns, copying every other part byte for byte.

Owned parts: the sheets holding computed columns (only the computed cells change), the
generated sheets (replaced whole), and ``workbook.xml`` only when a generated sheet or
its print names must be added or changed. A part whose content does not change is
never re-serialised, and a run that changes nothing writes nothing.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from decimal import Decimal

from lxml import etree

from rkt_xl.alamat import alamat, kolom_alamat, pecah_alamat
from rkt_xl.bulat import bulat
from rkt_xl.engine._base import NilaiTulis, sama_tersimpan
from rkt_xl.engine.file.paket import (
    CT_WORKSHEET,
    NS_CT,
    NS_MAIN,
    NS_PKG_REL,
    NS_R,
    REL_WORKSHEET,
    GayaAngka,
    InfoLembar,
    M,
    Paket,
    R,
)
from rkt_xl.engine.file.pembaca import RUMUS, baca_sel
from rkt_xl.engine.file.teks import teks_excel
from rkt_xl.galat import GalatBerkas
from rkt_xl.kutip import kutip

_F, _V, _IS = M + "f", M + "v", M + "is"
# A formula element in a sheet part (any prefix), and a sheet's codeName.
_RUMUS = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_KODE_NAMA = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?sheetPr\b[^>]*?\bcodeName="([^"]*)"')
_TANPA_GAYA = GayaAngka()
_XML_DECL = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _serialisasi(root: etree._Element) -> bytes:
    return _XML_DECL + etree.tostring(root, encoding="UTF-8", xml_declaration=False)




def _angka_xml(v: int | float | Decimal) -> str:
    if isinstance(v, int):
        return str(v)
    f = float(v)
    return str(int(f)) if f.is_integer() and abs(f) < 1e15 else repr(f)


class Penulis:
    """Accumulates changes to a Paket and produces the new zip bytes."""

    def __init__(self, paket: Paket) -> None:
        self.paket = paket
        self.baru: dict[str, bytes] = {}  # part → new content (changed or added)
        self.dihapus: set[str] = set()
        self._kotor: set[str] = set()  # parsed parts modified in place
        self._indeks_baris: dict[str, dict[int, etree._Element]] = {}
        self._data_lembar: dict[str, etree._Element] = {}  # part → its <sheetData>
        self._gaya_kolom: dict[str, list[tuple[int, int, str]]] = {}
        self.rumus_dihapus = False

    # -- computed cells -----------------------------------------------------------------------
    def tulis_sel(self, lembar: InfoLembar, nilai: dict[str, NilaiTulis]) -> int:
        """Write values by A1 address; returns how many cells actually changed."""
        root = self.paket.xml(lembar.part)
        berubah = 0
        induk: dict[str, tuple[str, str]] = {}
        for ref, v in nilai.items():
            baris, kolom = pecah_alamat(ref)
            c = self._sel(lembar.part, root, baris, kolom)
            if self._isi(c, v, induk):
                berubah += 1
        if induk:
            _lepas_rumus_bersama(root, induk)
        if berubah:
            self._kotor.add(lembar.part)
        return berubah

    def tulis_ulang(self, part: str) -> None:
        """Write the sheet back as its tree reads, without changing a cell: the repair
        of what the reader already reads through (a Strict namespace, rows without a
        number)."""
        self._indeks(part, self.paket.xml(part))
        self._kotor.add(part)

    def _indeks(self, part: str, root: etree._Element) -> dict[int, etree._Element]:
        """The sheet's rows by number, every row given its number."""
        indeks = self._indeks_baris.get(part)
        if indeks is None:
            data = root.find(M + "sheetData")
            if data is None:
                data = etree.SubElement(root, M + "sheetData")
            self._data_lembar[part] = data
            indeks = {}
            n = 0
            for row in data.iterchildren(M + "row"):
                n = int(row.get("r") or n + 1)
                row.set("r", str(n))
                indeks[n] = row
            self._indeks_baris[part] = indeks
        return indeks

    def _baris(self, part: str, root: etree._Element, nomor: int) -> etree._Element:
        indeks = self._indeks(part, root)
        data = self._data_lembar[part]  # what root.find gave (it is never replaced)
        if nomor in indeks:
            return indeks[nomor]
        row = etree.Element(M + "row", r=str(nomor))
        setelah = [r for r in indeks if r < nomor]
        if setelah:
            indeks[max(setelah)].addnext(row)
        else:
            data.insert(0, row)
        indeks[nomor] = row
        return row

    def _sel(self, part: str, root: etree._Element, baris: int, kolom: int) -> etree._Element:
        row = self._baris(part, root, baris)
        ref = alamat(baris, kolom)
        sebelum = None
        n = 0
        for c in row.iterchildren(M + "c"):
            r = c.get("r")
            n = kolom_alamat(r) if r else n + 1  # pecah_alamat(r)[1]
            if not r:
                c.set("r", alamat(baris, n))
            if n == kolom:
                return c
            if n < kolom:
                sebelum = c
        baru = etree.Element(M + "c", r=ref)
        gaya = self._gaya_kolom_untuk(part, root, kolom)
        if gaya:
            baru.set("s", gaya)
        if sebelum is None:
            row.insert(0, baru)
        else:
            sebelum.addnext(baru)
        return baru

    def _gaya_kolom_untuk(self, part: str, root: etree._Element, kolom: int) -> str | None:
        if part not in self._gaya_kolom:
            self._gaya_kolom[part] = [
                (bulat(c.get("min"), 5) or 0, bulat(c.get("max"), 5) or 0, c.get("style", ""))
                for c in root.iterfind(f"{M}cols/{M}col") if c.get("style")]
        for a, b, s in self._gaya_kolom[part]:
            if a <= kolom <= b:
                return s
        return None

    def _isi(self, c: etree._Element, v: NilaiTulis,
             induk: dict[str, tuple[str, str]]) -> bool:
        """Set a cell's value; False when it already holds that value (as the reader
        reads it: the same first ``<v>``). Every ``<f>``, ``<v>`` and ``<is>`` is
        replaced, so a cell carrying two values holds exactly one afterwards. A shared
        formula's master removed is noted in ``induk`` (si → formula, cell)."""
        # Styles do not matter here (a date format would turn the number into a date):
        # only what the cell stores.
        lama, tanda = baca_sel(c, self.paket.shared_strings(), _TANPA_GAYA)
        baru: NilaiTulis = teks_excel(v) if isinstance(v, str) else v
        if not tanda & RUMUS and sama_tersimpan(lama, baru):
            return False
        for anak in [x for x in c if x.tag in (_F, _V, _IS)]:
            if anak.tag == _F:
                self.rumus_dihapus = True
                if anak.get("t") == "shared" and anak.get("ref") and anak.text:
                    induk[anak.get("si", "")] = (anak.text, c.get("r") or "")
            c.remove(anak)
        if "t" in c.attrib:
            del c.attrib["t"]
        if v is None:
            return True
        if isinstance(v, str):
            teks = teks_excel(v)
            c.set("t", "inlineStr")
            is_ = etree.SubElement(c, M + "is")
            te = etree.SubElement(is_, M + "t")
            te.text = teks
            if teks != teks.strip() or "\n" in teks:
                te.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        else:
            etree.SubElement(c, M + "v").text = _angka_xml(v)
        return True

    # -- tables -------------------------------------------------------------------------------
    def ubah_rentang_tabel(self, part: str, ref: str) -> None:
        """A table's new range (and its autofilter's): the rows typed below it join it."""
        t = self.paket.xml(part)
        if t.get("ref") == ref:
            return
        t.set("ref", ref)
        af = t.find(M + "autoFilter")
        if af is not None:
            af.set("ref", ref)
        self._kotor.add(part)

    # -- generated sheets ---------------------------------------------------------------------
    def kode_nama(self, nama: str) -> str | None:
        """The codeName (VBA document module) of an existing sheet, to keep it."""
        lembar = self.paket.cari_lembar(nama)
        if lembar is None:
            return None
        m = _KODE_NAMA.search(self.paket.parts.get(lembar.part, b"")[:4096])
        return m.group(1).decode("utf-8", "replace") if m else None

    def ganti_lembar(self, nama: str, isi: bytes) -> None:
        """Replace a generated sheet's part whole (adding the sheet if missing)."""
        lembar = self.paket.cari_lembar(nama)
        if lembar is None:
            if nama.lower() in self.paket.nama_bukan_lembar_kerja:
                # A chart sheet (or dialog sheet) holds the name: a second sheet of the
                # same name would make the workbook unreadable, for Excel and for us.
                raise GalatBerkas(
                    f"{self.paket.nama}: lembar {kutip(nama)} ada, tetapi bukan lembar kerja biasa "
                    "(mis. lembar grafik), sehingga lampiran tidak dapat ditulis ke sana. "
                    "Ganti nama atau hapus lembar itu, lalu ulangi; berkas tidak diubah.")
            lembar = self._tambah_lembar(nama)
        lama = self.paket.parts.get(lembar.part, b"")
        if lama != isi:
            # Formulas a button wrote there (HYPERLINK…) go with the old part: the
            # calculation chain must not list them any more.
            if _RUMUS.search(lama):
                self.rumus_dihapus = True
            self.baru[lembar.part] = isi
            self.paket.lupakan(lembar.part)

    def _tambah_lembar(self, nama: str) -> InfoLembar:
        pk = self.paket
        wb = pk.xml(pk.part_workbook)
        folder = posixpath.dirname(pk.part_workbook)
        n = 1
        while posixpath.join(folder, f"worksheets/sheet{n}.xml") in pk.parts or \
                posixpath.join(folder, f"worksheets/sheet{n}.xml") in self.baru:
            n += 1
        part = posixpath.join(folder, f"worksheets/sheet{n}.xml")
        rels_part = posixpath.join(folder, "_rels", posixpath.basename(pk.part_workbook) + ".rels")
        rels = pk.xml(rels_part)
        ids = {r.get("Id") for r in rels.iterchildren(f"{{{NS_PKG_REL}}}Relationship")}
        i = 1
        while f"rId{i}" in ids:
            i += 1
        rid = f"rId{i}"
        etree.SubElement(rels, f"{{{NS_PKG_REL}}}Relationship", Id=rid, Type=REL_WORKSHEET,
                         Target=f"worksheets/sheet{n}.xml")
        self._kotor.add(rels_part)
        sheets = wb.find(M + "sheets")
        assert sheets is not None
        sheet_id = max((x for s in sheets.iterchildren(M + "sheet")
                        if (x := bulat(s.get("sheetId"), 10)) is not None), default=0) + 1
        el = etree.SubElement(sheets, M + "sheet", name=nama, sheetId=str(sheet_id))
        el.set(R + "id", rid)
        self._kotor.add(pk.part_workbook)
        ct = pk.xml("[Content_Types].xml")
        etree.SubElement(ct, f"{{{NS_CT}}}Override", PartName="/" + part,
                         ContentType=CT_WORKSHEET)
        self._kotor.add("[Content_Types].xml")
        info = InfoLembar(nama, part, rid, len(sheets) - 1)
        pk.lembar[nama] = info
        pk.parts[part] = b""
        return info

    def nama_cetak(self, lembar: str, nama: dict[str, str]) -> None:
        """Set sheet-local defined names (print titles, print area) in workbook.xml."""
        pk = self.paket
        info = pk.cari_lembar(lembar)
        if info is None:
            return
        wb = pk.xml(pk.part_workbook)
        dn = wb.find(M + "definedNames")
        lokal = str(info.indeks)
        ada = {}
        if dn is not None:
            for d in dn.iterchildren(M + "definedName"):
                if d.get("localSheetId") == lokal:
                    ada[d.get("name")] = d
        for kunci in ("_xlnm.Print_Titles", "_xlnm.Print_Area"):
            nilai = nama.get(kunci)
            el = ada.get(kunci)
            if nilai is None:
                if el is not None and dn is not None:
                    dn.remove(el)
                    self._kotor.add(pk.part_workbook)
                continue
            if el is not None and el.text == nilai:
                continue
            if dn is None:
                dn = etree.Element(M + "definedNames")
                jangkar = None
                for tag in ("sheets", "functionGroups", "externalReferences"):
                    x = wb.find(M + tag)
                    if x is not None:
                        jangkar = x
                assert jangkar is not None
                jangkar.addnext(dn)
            if el is None:
                el = etree.SubElement(dn, M + "definedName", name=kunci, localSheetId=lokal)
            el.text = nilai
            self._kotor.add(pk.part_workbook)

    # -- saving -------------------------------------------------------------------------------
    def _buang_calc_chain(self) -> None:
        # A formula we replaced by a value would leave calcChain pointing at it, which
        # Excel "repairs" with a warning; Excel rebuilds the chain when it is absent.
        pk = self.paket
        rels_part = posixpath.join(posixpath.dirname(pk.part_workbook), "_rels",
                                   posixpath.basename(pk.part_workbook) + ".rels")
        for rid, (tipe, target) in pk.rels(pk.part_workbook).items():
            if tipe.endswith("/calcChain"):
                self.dihapus.add(target)
                rels = pk.xml(rels_part)
                for r in list(rels):
                    if r.get("Id") == rid:
                        rels.remove(r)
                self._kotor.add(rels_part)
                ct = pk.xml("[Content_Types].xml")
                for o in list(ct):
                    if o.get("PartName") == "/" + target:
                        ct.remove(o)
                self._kotor.add("[Content_Types].xml")

    @property
    def ada_perubahan(self) -> bool:
        return bool(self.baru or self._kotor or self.dihapus)

    def bytes_baru(self) -> bytes:
        """The whole new package; parts not changed are copied as they were."""
        if self.rumus_dihapus:
            self._buang_calc_chain()
        for part in self._kotor:
            self.baru[part] = _serialisasi(self.paket.xml(part))
        keluar = io.BytesIO()
        ditulis = set()
        # Only zipfile's public API: every part is written by its content (the
        # preservation promise is about part contents; their compressed bytes are
        # zlib's at one fixed level, so the same content always gives the same bytes).
        with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zf:
            for info in self.paket.infos:
                nama = info.filename
                if info.is_dir() or nama in self.dihapus or nama in ditulis:
                    continue
                zi = zipfile.ZipInfo(nama, date_time=info.date_time)
                zi.external_attr = info.external_attr
                _tulis(zf, zi, self.baru.get(nama, self.paket.parts.get(nama, b"")))
                ditulis.add(nama)
            for nama in sorted(set(self.baru) - ditulis):
                _tulis(zf, zipfile.ZipInfo(nama, date_time=(1980, 1, 1, 0, 0, 0)),
                       self.baru[nama])
        return keluar.getvalue()


# zlib's level for every part (1 fastest … 9 smallest): 4 deflates this workload 2.4x
# faster than the default 6 for 9 % more bytes (bench/README.md). Saving re-deflates
# every part, including the big ones rkt_xl never touched.
TINGKAT_KOMPRESI = 4


def _tulis(zf: zipfile.ZipFile, zi: zipfile.ZipInfo, data: bytes) -> None:
    zi.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(zi, data, compresslevel=TINGKAT_KOMPRESI)


__all__ = ["NS_MAIN", "NS_R", "NilaiTulis", "Penulis"]


def _lepas_rumus_bersama(root: etree._Element, induk: dict[str, tuple[str, str]]) -> None:
    """Cells sharing the formula of a master rkt-xl overwrote get it written out in
    full, translated to their own position, as Excel itself does: a ``<f t="shared"
    si="0"/>`` whose master is gone is content Excel removes with a repair warning."""
    from openpyxl.formula.translate import Translator  # rare: imported when needed

    for f in root.iter(_F):
        si = f.get("si")
        if f.get("t") != "shared" or si not in induk or f.get("ref"):
            continue
        rumus, asal = induk[si]
        c = f.getparent()
        ref = c.get("r") if c is not None else None
        if not ref or not asal:
            continue
        f.text = Translator("=" + rumus, origin=asal).translate_formula(ref)[1:]
        del f.attrib["t"]
        del f.attrib["si"]
