"""Patching the parts rkt_xl owns, copying every other part byte for byte.

Owned parts: the sheets holding computed columns (only the computed cells change), the
generated sheets (replaced whole), and ``workbook.xml`` only when a generated sheet or
its print names must be added or changed. A part whose content does not change is
never re-serialised, and a run that changes nothing writes nothing.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import struct
import zipfile
import zlib
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from rkt_xl.alamat import alamat, kolom_alamat, pecah_alamat
from rkt_xl.engine._base import NilaiTulis, sama_tersimpan
from rkt_xl.engine.file.paket import (
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

_F, _V, _IS = M + "f", M + "v", M + "is"
_TANPA_GAYA = GayaAngka()
CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_XML_DECL = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Characters XML 1.0 cannot carry; Excel shows them as _xHHHH_ escapes.
_KONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _serialisasi(root: etree._Element) -> bytes:
    return _XML_DECL + etree.tostring(root, encoding="UTF-8", xml_declaration=False)


def teks_aman(teks: str) -> str:
    return _KONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", teks)


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
        for ref, v in nilai.items():
            baris, kolom = pecah_alamat(ref)
            c = self._sel(lembar.part, root, baris, kolom)
            if self._isi(c, v):
                berubah += 1
        if berubah:
            self._kotor.add(lembar.part)
        return berubah

    def _baris(self, part: str, root: etree._Element, nomor: int) -> etree._Element:
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
        else:
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
                (int(c.get("min", "0")), int(c.get("max", "0")), c.get("style", ""))
                for c in root.iterfind(f"{M}cols/{M}col") if c.get("style")]
        for a, b, s in self._gaya_kolom[part]:
            if a <= kolom <= b:
                return s
        return None

    def _isi(self, c: etree._Element, v: NilaiTulis) -> bool:
        """Set a cell's value; False when it already holds that value (as the reader
        reads it: the same first ``<v>``). Every ``<f>``, ``<v>`` and ``<is>`` is
        replaced, so a cell carrying two values holds exactly one afterwards."""
        # Styles do not matter here (a date format would turn the number into a date):
        # only what the cell stores.
        lama, tanda = baca_sel(c, self.paket.shared_strings(), _TANPA_GAYA)
        baru: NilaiTulis = teks_aman(v) if isinstance(v, str) else v
        if not tanda & RUMUS and sama_tersimpan(lama, baru):
            return False
        for anak in [x for x in c if x.tag in (_F, _V, _IS)]:
            if anak.tag == _F:
                self.rumus_dihapus = True
            c.remove(anak)
        if "t" in c.attrib:
            del c.attrib["t"]
        if v is None:
            return True
        if isinstance(v, str):
            teks = teks_aman(v)
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
    def ganti_lembar(self, nama: str, isi: bytes) -> None:
        """Replace a generated sheet's part whole (adding the sheet if missing)."""
        lembar = self.paket.cari_lembar(nama)
        if lembar is None:
            lembar = self._tambah_lembar(nama)
        if self.paket.parts.get(lembar.part) != isi:
            self.baru[lembar.part] = isi
            self.paket._xml.pop(lembar.part, None)

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
        ids = {r.get("Id") for r in rels}
        i = 1
        while f"rId{i}" in ids:
            i += 1
        rid = f"rId{i}"
        etree.SubElement(rels, f"{{{NS_PKG_REL}}}Relationship", Id=rid, Type=REL_WORKSHEET,
                         Target=f"worksheets/sheet{n}.xml")
        self._kotor.add(rels_part)
        sheets = wb.find(M + "sheets")
        assert sheets is not None
        sheet_id = max((int(s.get("sheetId", "0")) for s in sheets), default=0) + 1
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
        with _ZipKeluar(keluar, "w", zipfile.ZIP_DEFLATED) as zf, \
                _SumberMentah(self.paket.path) as sumber:
            for info in self.paket.infos:
                nama = info.filename
                if info.is_dir() or nama in self.dihapus or nama in ditulis:
                    continue
                data = self.baru.get(nama, self.paket.parts.get(nama, b""))
                zi = zipfile.ZipInfo(nama, date_time=info.date_time)
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = info.external_attr
                # An untouched part keeps the compressed bytes it came with, when they
                # inflate to exactly its content; deflating it again costs the most
                # time of saving (and gives the same bytes for a zlib-made workbook).
                if nama in self.baru:
                    zf.writestr(zi, data)
                else:
                    mentah = sumber.deflate(info, data)
                    if mentah is None or not zf.tulis_mentah(zi, mentah, info.CRC, len(data)):
                        zf.writestr(zi, data)
                ditulis.add(nama)
            for nama in sorted(set(self.baru) - ditulis):
                zi = zipfile.ZipInfo(nama, date_time=(1980, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(zi, self.baru[nama])
        return keluar.getvalue()


class _SumberMentah:
    """The source package's compressed bytes of one part, verified against its content.

    Read again from the file at save time (only the few MB of compressed data), and
    used only when it is a raw DEFLATE stream that inflates to exactly the bytes the
    package was read with: a file changed meanwhile, a duplicate name, a stored part
    or any oddity simply falls back to compressing the content again.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.f: BinaryIO | None = None
        self.gagal = False

    def __enter__(self) -> _SumberMentah:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.f is not None:
            self.f.close()

    def deflate(self, info: zipfile.ZipInfo, data: bytes) -> bytes | None:
        if self.gagal or not _ZipKeluar.BISA or info.compress_type != zipfile.ZIP_DEFLATED \
                or info.flag_bits & 0x1 or info.file_size != len(data) \
                or info.compress_size > BATAS_MENTAH:
            return None
        try:
            if self.f is None:
                self.f = open(self.path, "rb")  # noqa: SIM115 - closed in __exit__
            self.f.seek(info.header_offset)
            kepala = self.f.read(30)
            if len(kepala) != 30 or kepala[:4] != b"PK\x03\x04":
                return None
            n_nama, n_ekstra = struct.unpack("<HH", kepala[26:30])
            nama = self.f.read(n_nama)
            if nama != info.orig_filename.encode("utf-8" if info.flag_bits & 0x800
                                                  else "cp437"):
                return None
            self.f.seek(n_ekstra, os.SEEK_CUR)
            mentah = self.f.read(info.compress_size)
        except (OSError, UnicodeEncodeError, struct.error):
            self.gagal = True
            return None
        if len(mentah) != info.compress_size:
            return None
        d = zlib.decompressobj(-zlib.MAX_WBITS)
        try:
            if d.decompress(mentah, len(data) + 1) != data or not d.eof or d.unused_data \
                    or d.unconsumed_tail:
                return None
        except zlib.error:
            return None
        if zlib.crc32(data) != info.CRC:
            return None
        return mentah


BATAS_MENTAH = 256 * 1024 * 1024


class _ZipKeluar(zipfile.ZipFile):
    """``zipfile.ZipFile`` that can also write a part from an existing DEFLATE stream.

    ``tulis_mentah(zi, mentah, crc, ukuran)`` writes the same bytes as
    ``writestr(zi, data)`` would if deflating ``data`` gave ``mentah``: it repeats
    what writestr does (``_open_to_write`` then ``_ZipWriteFile.close`` on a seekable
    file) with the compressor left out. It relies on zipfile's internals (CPython
    3.10-3.13), checked here and in ``tulis_mentah``; without them every part is
    simply deflated again.
    """

    BISA = hasattr(zipfile.ZipFile, "_writecheck") and hasattr(zipfile.ZipInfo, "FileHeader")

    def tulis_mentah(self, zinfo: zipfile.ZipInfo, mentah: bytes, crc: int,
                     ukuran: int) -> bool:
        """False (nothing written) when the case is not the one repeated here."""
        if getattr(self, "_seekable", None) is not True or self.fp is None \
                or getattr(self, "_writing", None) is not False \
                or not hasattr(self, "_lock") or not hasattr(self, "start_dir") \
                or ukuran * 1.05 > zipfile.ZIP64_LIMIT:
            return False
        zinfo.file_size = ukuran
        with self._lock:  # type: ignore[attr-defined]
            zinfo.flag_bits = 0x00
            if not zinfo.external_attr:
                zinfo.external_attr = 0o600 << 16
            self.fp.seek(self.start_dir)  # type: ignore[attr-defined]
            zinfo.header_offset = self.fp.tell()
            self._writecheck(zinfo)  # type: ignore[attr-defined]
            self._didModify = True
            zinfo.compress_size = len(mentah)
            zinfo.CRC = crc
            self.fp.write(zinfo.FileHeader(False))
            self.fp.write(mentah)
            self.start_dir = self.fp.tell()
            self.filelist.append(zinfo)
            self.NameToInfo[zinfo.filename] = zinfo
        return True


__all__ = ["NS_MAIN", "NS_R", "NilaiTulis", "Penulis", "teks_aman"]
