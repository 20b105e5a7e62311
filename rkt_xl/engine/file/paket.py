"""The .xlsx/.xlsm zip package: safe opening, parts, relationships, sheets, tables.

The file engine never loads a user's workbook into a general object model (openpyxl
would re-write it on save, dropping ribbon, form controls and custom properties). It
reads the few parts it needs with a hardened lxml parser and keeps every other part as
bytes, so saving can copy them untouched.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from rkt_xl import kode_format
from rkt_xl.alamat import rentang
from rkt_xl.engine.file.teks import dari_excel
from rkt_xl.engine.file.urai import TANDA_STRICT, parse_xml
from rkt_xl.galat import GalatBerkas
from rkt_xl.kutip import kutip

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
M = f"{{{NS_MAIN}}}"
R = f"{{{NS_R}}}"
REL_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table"
REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
CT_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml."
CT_WORKSHEET = CT_SML + "worksheet+xml"

# Limits against zip bombs and absurd files: a real RKT workbook is a few MB.
BATAS_UKURAN_PART = 256 * 1024 * 1024
BATAS_UKURAN_TOTAL = 1024 * 1024 * 1024
BATAS_JUMLAH_PART = 10_000
BATAS_RASIO = 200  # uncompressed/compressed, per large part
# The ratio also applies to the whole package once it inflates past this: many parts
# each just under the per-part threshold (100 × 10 MB of zeros in a 4 MB file) would
# otherwise all be read into memory.
BATAS_TOTAL_TANPA_RASIO = 64 * 1024 * 1024

def alasan_zip(e: BaseException) -> str:
    """Why a zip package could not be read, in Indonesian (Python's own text is
    English and never shown)."""
    if isinstance(e, (zipfile.BadZipFile, EOFError, zlib.error)):
        return ("berkas zip rusak atau terpotong (isinya tidak dapat dibuka: salinan atau "
                "unduhan yang gagal?); berkas tidak diubah")
    if isinstance(e, NotImplementedError):
        return ("berkas memakai metode kompresi yang tidak didukung (bukan buku kerja Excel "
                "biasa); simpan ulang di Excel")
    if isinstance(e, RuntimeError):
        return "berkas zip terenkripsi atau memakai kata sandi; hapus kata sandinya dulu"
    if isinstance(e, zipfile.LargeZipFile):
        return "berkas terlalu besar (ZIP64) untuk dibuka"
    if isinstance(e, UnicodeDecodeError):
        return "nama bagian di dalam berkas zip tidak sah; berkas rusak"
    if isinstance(e, MemoryError):
        return "berkas terlalu besar untuk dibuka di komputer ini"
    if isinstance(e, OSError) and e.errno is not None:
        return f"berkas tidak dapat dibaca (kesalahan sistem nomor {e.errno})"
    if isinstance(e, OSError):  # a decompressor's "invalid data" (bzip2, lzma…)
        return ("berkas zip rusak (isinya tidak dapat dibuka: salinan atau unduhan yang "
                "gagal?); berkas tidak diubah")
    return "berkas zip tidak dapat dibaca; berkas rusak"


# How much of a Compound File is searched for its stream names (the directory of a
# small file sits in its first sectors).
_BACA_CFB = 1 << 20


def cek_berkas(path: Path) -> None:
    """Explain in Indonesian why a path is not a workbook we can open."""
    nama = str(path)
    if not path.exists():
        raise GalatBerkas(f"{nama}: berkas tidak ditemukan")
    if path.is_dir():
        raise GalatBerkas(f"{nama}: ini folder, bukan berkas buku kerja")
    try:
        with open(path, "rb") as f:
            kepala = f.read(_BACA_CFB)
    except OSError as e:
        raise GalatBerkas(f"{nama}: {alasan_zip(e)}") from e
    if not kepala:
        raise GalatBerkas(f"{nama}: berkas kosong (0 byte), bukan buku kerja Excel; "
                          "mungkin salinan atau unduhan yang gagal")
    if kepala.startswith(b"\xd0\xcf\x11\xe0"):
        # A Compound File: the container of both an encrypted .xlsx/.xlsm and the old
        # .xls. Their stream names (UTF-16 in the directory) tell which, so the user
        # gets the one instruction that helps.
        if "EncryptedPackage".encode("utf-16-le") in kepala:
            raise GalatBerkas(
                f"{nama}: berkas dilindungi kata sandi (terenkripsi). Buka di Excel, hapus "
                "kata sandinya (File → Info → Protect Workbook), simpan, lalu ulangi")
        if any(n.encode("utf-16-le") in kepala for n in ("Workbook", "Book")):
            raise GalatBerkas(
                f"{nama}: berkas berformat Excel 97-2003 (.xls). Buka di Excel, lalu simpan "
                "sebagai Buku Kerja Excel Bermakro (.xlsm)")
        raise GalatBerkas(
            f"{nama}: berkas terenkripsi (berkata sandi) atau berformat .xls lama. Buka di "
            "Excel, hapus kata sandi, lalu simpan sebagai .xlsm")
    if not kepala.startswith(b"PK"):
        raise GalatBerkas(f"{nama}: bukan buku kerja Excel (.xlsm/.xlsx)")


@dataclass
class InfoTabel:
    nama: str
    lembar: str
    part: str
    ref: str
    kolom: tuple[str, ...]
    header_baris: int  # 0 when the table has no header row
    total_baris: int


@dataclass
class InfoLembar:
    nama: str
    part: str
    rid: str
    indeks: int  # 0-based position in workbook.xml (localSheetId of defined names)
    tersembunyi: bool = False
    tabel: list[str] = field(default_factory=list)


class Paket:
    """An opened workbook package: raw parts in memory, parsed lazily."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.nama = str(path)
        cek_berkas(path)
        try:
            with zipfile.ZipFile(path) as zf:
                self.infos = zf.infolist()
                self._periksa_batas()
                self.parts: dict[str, bytes] = {}
                for info in self.infos:
                    if info.is_dir():
                        continue
                    self.parts[info.filename] = zf.read(info)
        except GalatBerkas:
            raise
        except Exception as e:
            raise GalatBerkas(f"{self.nama}: {alasan_zip(e)}") from e
        self._xml: dict[str, etree._Element] = {}
        self._gaya_angka: GayaAngka | None = None
        # For the damage report (kerusakan.py): parts parsed to their end while
        # streaming, and cells holding what their type cannot hold.
        self.terbaca: set[str] = set()
        self.sel_rusak: dict[str, list[SelRusak]] = {}
        self.lembar: dict[str, InfoLembar] = {}
        self.tabel: dict[str, InfoTabel] = {}
        self._baca_struktur()

    # -- limits --------------------------------------------------------------------------
    def _periksa_batas(self) -> None:
        if len(self.infos) > BATAS_JUMLAH_PART:
            raise GalatBerkas(f"{self.nama}: terlalu banyak bagian dalam berkas "
                              f"({len(self.infos)}); berkas ditolak")
        total = 0
        for info in self.infos:
            total += info.file_size
            if info.file_size > BATAS_UKURAN_PART or total > BATAS_UKURAN_TOTAL:
                raise GalatBerkas(f"{self.nama}: isi berkas terlalu besar setelah diekstrak; "
                                  "berkas ditolak (bom zip?)")
            if (info.file_size > 10 * 1024 * 1024 and info.compress_size
                    and info.file_size / info.compress_size > BATAS_RASIO):
                raise GalatBerkas(f"{self.nama}: rasio kompresi {info.filename} tidak wajar; "
                                  "berkas ditolak (bom zip?)")
        terkompresi = sum(i.compress_size for i in self.infos)
        if total > BATAS_TOTAL_TANPA_RASIO and total / max(terkompresi, 1) > BATAS_RASIO:
            raise GalatBerkas(f"{self.nama}: rasio kompresi seluruh berkas tidak wajar; berkas "
                              "ditolak (bom zip?)")
        if any(i.flag_bits & 0x1 for i in self.infos):
            raise GalatBerkas(f"{self.nama}: berkas zip terenkripsi; hapus kata sandinya dulu")

    # -- parts -----------------------------------------------------------------------------
    def xml(self, part: str) -> etree._Element:
        if part not in self._xml:
            if part not in self.parts:
                raise GalatBerkas(f"{self.nama}: bagian {part} tidak ada; berkas rusak")
            self._xml[part] = parse_xml(self.parts[part], part, self.nama)
        return self._xml[part]

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type, absolute part name) of a part."""
        folder, nama = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", nama + ".rels")
        if rels_part not in self.parts:
            return {}
        hasil = {}
        # by tag: an XML comment (or any other node) among them is not a relationship
        for rel in self.xml(rels_part).iterchildren(f"{{{NS_PKG_REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            if target.startswith("/"):
                absolut = target.lstrip("/")
            else:
                absolut = posixpath.normpath(posixpath.join(folder, target))
            hasil[rel.get("Id", "")] = (rel.get("Type", ""), absolut)
        return hasil

    def _part_workbook(self) -> str:
        if "[Content_Types].xml" not in self.parts:
            if self.parts.get("mimetype", b"").startswith(b"application/vnd.oasis"):
                raise GalatBerkas(f"{self.nama}: berkas OpenDocument (.ods), bukan buku kerja "
                                  "Excel. Buka di LibreOffice/Excel, lalu simpan sebagai .xlsm")
            raise GalatBerkas(f"{self.nama}: bukan buku kerja Excel (tidak ada "
                              "[Content_Types].xml); berkas .ods atau rusak?")
        for tipe, target in self.rels("").values():
            if tipe.endswith("/officeDocument"):
                return target
        if "xl/workbook.xml" in self.parts:
            return "xl/workbook.xml"
        raise GalatBerkas(f"{self.nama}: bagian workbook tidak ditemukan; berkas rusak")

    @property
    def ganda(self) -> list[str]:
        """Entry names the zip holds more than once (the last copy is the one read)."""
        hitung = Counter(i.filename for i in self.infos)
        return sorted(n for n, k in hitung.items() if k > 1)

    @property
    def strict(self) -> bool:
        """The workbook is Strict OOXML: read as transitional, never written (a part
        written back in transitional namespaces would make a mixed package)."""
        return TANDA_STRICT in self.parts.get(self.part_workbook, b"")[:2048]

    def _baca_struktur(self) -> None:
        self.part_workbook = self._part_workbook()
        wb = self.xml(self.part_workbook)
        rels = self.rels(self.part_workbook)
        sheets = wb.find(M + "sheets")
        if sheets is None:
            raise GalatBerkas(f"{self.nama}: daftar lembar tidak ditemukan; berkas rusak")
        dilihat: set[str] = set()
        self.nama_bukan_lembar_kerja: set[str] = set()  # chartsheets… (lower case)
        for i, sh in enumerate(sheets.iterchildren(M + "sheet")):
            rid = sh.get(R + "id", "")
            nama = sh.get("name", "")
            # Excel treats sheet names case-insensitively and refuses a workbook holding
            # "Kegiatan" and "KEGIATAN"; which one a lookup (or a write) hits would be a
            # guess, so such a file is refused with the reason.
            if nama.lower() in dilihat:
                raise GalatBerkas(f"{self.nama}: nama lembar ganda {kutip(nama)} (nama lembar "
                                  "tidak membedakan huruf besar/kecil); berkas rusak, ganti "
                                  "salah satu namanya")
            dilihat.add(nama.lower())
            if rid not in rels or rels[rid][1] not in self.parts:
                raise GalatBerkas(f"{self.nama}: lembar {kutip(nama)} tidak ditemukan dalam berkas")
            tipe, part = rels[rid]
            if tipe != REL_WORKSHEET:
                # chartsheets, dialog sheets: not ours to read; their names are taken
                self.nama_bukan_lembar_kerja.add(nama.lower())
                continue
            self.lembar[nama] = InfoLembar(nama, part, rid, i, sh.get("state") in
                                           ("hidden", "veryHidden"))
        for lembar in self.lembar.values():
            for tipe, part in self.rels(lembar.part).values():
                if tipe != REL_TABLE or part not in self.parts:
                    continue
                t = self.xml(part)
                nama = t.get("displayName") or t.get("name") or ""
                kolom = tuple(_nama_kolom(c.get("name", ""))
                              for c in t.iterfind(f"{M}tableColumns/{M}tableColumn"))
                ref = t.get("ref", "")
                try:
                    header = int(t.get("headerRowCount", "1"))
                    total = int(t.get("totalsRowCount", "0") or 0)
                    awal = rentang(ref)[0] if ref else 1
                except ValueError as e:
                    # Unchecked, a bad ref surfaces later as an "unexpected error".
                    raise GalatBerkas(f"{self.nama}: rentang tabel {nama} tidak valid "
                                      f"({kutip(ref)}); berkas rusak") from e
                if nama.lower() in self.tabel:
                    raise GalatBerkas(f"{self.nama}: nama tabel ganda {kutip(nama)}; berkas rusak")
                self.tabel[nama.lower()] = InfoTabel(
                    nama, lembar.nama, part, ref, kolom, awal if header else 0, total)
                lembar.tabel.append(nama)

    def cari_tabel(self, nama: str) -> InfoTabel | None:
        return self.tabel.get(nama.lower())

    def cari_lembar(self, nama: str) -> InfoLembar | None:
        if nama in self.lembar:
            return self.lembar[nama]
        for k, v in self.lembar.items():
            if k.lower() == nama.lower():
                return v
        return None

    # -- shared strings and styles ----------------------------------------------------------
    def shared_strings(self) -> list[str]:
        if not hasattr(self, "_sst"):
            self._sst: list[str] = []
            part = next((p for t, p in self.rels(self.part_workbook).values()
                         if t.endswith("/sharedStrings")), None)
            if part and part in self.parts:
                # perf: the tree is parsed for this list only (not kept in the part cache:
                # it is several times the list's size), and a plain <si><t>…</t></si>
                # is read directly; anything else goes through teks_si.
                akar = self._xml.get(part)
                if akar is None:
                    akar = parse_xml(self.parts[part], part, self.nama)
                tambah = self._sst.append
                for si in akar.iterchildren(_SI):
                    if len(si) == 1:
                        t = si[0]
                        if t.tag == _T:
                            tambah(dari_excel(t.text or ""))
                            continue
                    tambah(teks_si(si))
        return self._sst

    def gaya_angka(self) -> GayaAngka:
        """Which cellXfs indices show a number as a date/time or as a percentage."""
        if self._gaya_angka is None:
            self._gaya_angka = self._baca_gaya_angka()
        return self._gaya_angka

    def _baca_gaya_angka(self) -> GayaAngka:
        part = self.part_styles()
        if not part or part not in self.parts:
            return GayaAngka()
        st = self.xml(part)
        kustom: dict[int, str] = {}
        for n in st.iterfind(f"{M}numFmts/{M}numFmt"):
            fid = _id_format(n.get("numFmtId"))
            if fid is not None:
                kustom[fid] = n.get("formatCode", "")
        tanggal: set[int] = set()
        persen: set[int] = set()
        xfs = st.find(M + "cellXfs")
        daftar = list(xfs.iterchildren(M + "xf")) if xfs is not None else []
        for i, xf in enumerate(daftar):
            fid = _id_format(xf.get("numFmtId", "0"))
            if fid is None:
                continue  # not a number: Excel would not open it; read as General
            kode = kustom.get(fid)
            if fid in _FORMAT_TANGGAL or (kode is not None and kode_format.tanggal(kode)):
                tanggal.add(i)
            elif fid in _FORMAT_PERSEN or (kode is not None and kode_format.persen(kode)):
                persen.add(i)
        return GayaAngka(frozenset(tanggal), frozenset(persen),
                         frozenset(str(i) for i in range(len(daftar))))

    def tandai_terbaca(self, part: str) -> None:
        """A part was parsed to its end without error (streamed, so not cached)."""
        self.terbaca.add(part)

    def tandai_sel_rusak(self, part: str, ref: str, alasan: str, nilai: bool,
                         pulih_lembar: bool = False) -> None:
        """A damaged cell: a value its type cannot hold (``<v>1,5</v>`` in a number cell),
        a style that does not exist."""
        self.sel_rusak.setdefault(part, []).append(SelRusak(ref, alasan, nilai, pulih_lembar))

    def lupakan(self, part: str) -> None:
        """The part is being replaced: its parsed tree no longer describes it."""
        self._xml.pop(part, None)

    def pohon(self, part: str) -> etree._Element | None:
        """A part's element tree when it has already been parsed (None otherwise:
        a big sheet read once is streamed rather than parsed whole)."""
        return self._xml.get(part)

    def part_styles(self) -> str | None:
        return next((p for t, p in self.rels(self.part_workbook).values()
                     if t.endswith("/styles")), None)


class SelRusak(NamedTuple):
    """A damaged cell, as the damage report names it."""

    ref: str
    alasan: str  # "berisi nilai yang tidak sesuai jenisnya ('NaN')"
    nilai: bool  # the damage is in the value (gone once Hitung writes the cell)
    pulih_lembar: bool = False  # gone once the sheet is written at all (a row number)


@dataclass(frozen=True)
class GayaAngka:
    """cellXfs indices by what their number format does to a number."""

    tanggal: frozenset[int] = frozenset()
    persen: frozenset[int] = frozenset()
    # the s="…" a cell may carry (None: no stylesheet, nothing to check against)
    sah: frozenset[str] | None = None


def _id_format(teks: str | None) -> int | None:
    try:
        return int(teks) if teks is not None else None
    except ValueError:
        return None


# Built-in number formats: 14-22 and 45-47 dates/times; 9 "0%" and 10 "0.00%".
_FORMAT_TANGGAL = set(range(14, 23)) | {45, 46, 47}
_FORMAT_PERSEN = {9, 10}


_T = M + "t"  # perf: shared_strings
_SI = M + "si"


def teks_si(si: etree._Element) -> str:
    """Text of a shared/inline string, runs joined, phonetic runs skipped."""
    t = si.find(M + "t")
    if t is not None and len(si) == 1:
        return dari_excel(t.text or "")
    bagian = []
    for x in si.iter(M + "t"):
        induk = x.getparent()
        # Phonetic runs (<rPh>) are reading aids, not part of the text.
        if induk is not None and induk.tag != M + "rPh" and \
                (induk is si or induk.getparent() is si):
            bagian.append(x.text or "")
    return dari_excel("".join(bagian))


def _nama_kolom(nama: str) -> str:
    # Excel escapes control characters in column names as _xHHHH_.
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), nama)

