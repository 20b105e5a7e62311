"""Damage in a package that Excel would refuse or repair (rule ``bagian-rusak``).

rkt_xl copies the parts it does not own as they are; a workbook Excel will refuse
must be said so, not passed on as fine. Checked: XML that is not well-formed (parts
already parsed are not parsed again), relationships to parts that are not there,
references to relationships that do not exist, parts without a content type, style
attributes that do not hold their schema type, table column lists holding other
elements, and the cells the reader found holding what their type cannot hold.
"""

from __future__ import annotations

import itertools
import posixpath
import re
from typing import NamedTuple

from lxml import etree

from rkt_xl.alamat import rentang
from rkt_xl.bulat import bulat
from rkt_xl.engine.file.paket import CT_SML, CT_WORKSHEET, NS_CT, NS_PKG_REL, M, Paket
from rkt_xl.engine.file.skema_gaya import angka, atribut_gaya_salah, uint
from rkt_xl.engine.file.urai import TANDA_STRICT, TIDAK_ADA, UraiXml
from rkt_xl.galat import GalatBerkas
from rkt_xl.kutip import kutip
from rkt_xl.model import BagianRusak

# A part's damage as (part, why), why in Indonesian for the rule's message.
Kerusakan = tuple[str, str]


def bagian_rusak(paket: Paket) -> list[BagianRusak]:
    hasil = _xml_rusak(paket)
    rusak = {n for n, _ in hasil}
    # what rewriting the part undoes: its tree is read in the transitional namespace
    pulih = {x for x in hasil if x[1] == _STRICT_CAMPUR}
    hasil += _relasi_rusak(paket, rusak)
    hasil += _gaya_rusak(paket, rusak)
    hasil += _tabel_rusak(paket, rusak)
    hasil += _buku_kerja_rusak(paket, rusak)
    hasil += [(n, "ada dua kali di dalam berkas zip (yang terakhir dibaca; rkt-xl tidak "
                  "menulis ke berkas ini)") for n in paket.ganda]
    hasil += _lembar_rusak(paket, rusak)
    for part, daftar in paket.sel_rusak.items():
        lembar = next((x.nama for x in paket.lembar.values() if x.part == part), None)
        awal = f"{lembar}!" if lembar is not None else ""
        # a sheet holding two tables is read twice: each cell once
        for sel in list(dict.fromkeys(daftar))[:3]:
            k = (part, f"sel {awal}{sel.ref} {sel.alasan}" if sel.ref else
                 f"{awal.rstrip('!') or part}: {sel.alasan}")
            hasil.append(k)
            if sel.pulih_lembar:
                pulih.add(k)
    milik: dict[str, str] = {}
    for x in paket.lembar.values():
        folder, nama = posixpath.split(x.part)
        milik[x.part] = milik[posixpath.join(folder, "_rels", nama + ".rels")] = x.nama
    part_lembar = {x.part for x in paket.lembar.values()}
    return [BagianRusak(part, alasan, milik.get(part),
                        (part, alasan) in pulih and part in part_lembar)
            for part, alasan in sorted(hasil)]


_STRICT_CAMPUR = "memakai namespace Strict OOXML, sedangkan buku kerjanya Transitional"


def _xml_rusak(paket: Paket) -> list[Kerusakan]:
    hasil: list[Kerusakan] = []
    strict = paket.strict
    for nama, data in paket.parts.items():
        if not nama.endswith((".xml", ".rels")):
            continue
        if not strict and TANDA_STRICT in data:
            hasil.append((nama, _STRICT_CAMPUR))
            continue
        if paket.pohon(nama) is not None or nama in paket.terbaca:
            continue
        try:
            for _ in UraiXml(data, nama, paket.nama, ("end",), (TIDAK_ADA,)):
                pass
        except GalatBerkas as e:
            hasil.append((nama, "XML tidak sah" if "XML" in str(e) else "memuat deklarasi DTD"))
    return hasil


# CT_Workbook's children (ECMA-376 Part 1, §18.2.27), in the main namespace.
_ANAK_WORKBOOK = frozenset(M + t for t in (
    "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets",
    "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize",
    "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
    "fileRecoveryPr", "webPublishObjects", "extLst"))


_NAMA_LARANGAN = re.compile(r"[\[\]:*?/\\]")


def _buku_kerja_rusak(paket: Paket, rusak: set[str]) -> list[Kerusakan]:
    """An element workbook.xml's schema does not have (other namespaces are Excel's
    extensions, marked ignorable)."""
    if paket.part_workbook in rusak:
        return []
    wb = paket.xml(paket.part_workbook)
    asing = sorted({etree.QName(x).localname for x in wb
                    if isinstance(x.tag, str) and x.tag.startswith(M)
                    and x.tag not in _ANAK_WORKBOOK})
    hasil = [(paket.part_workbook, f"memuat elemen <{t}> yang tidak dikenal") for t in asing[:3]]
    lembar = wb.find(f"{M}sheets")
    anak = [x for x in (lembar if lembar is not None else []) if isinstance(x.tag, str)]
    if any(x.tag != f"{M}sheet" for x in anak):
        hasil.append((paket.part_workbook, "daftar lembar (<sheets>) memuat elemen lain"))
    for dn in wb.iterfind(f"{M}definedNames/{M}definedName"):
        nilai = dn.get("localSheetId")
        if nilai is not None and not (uint(nilai) and int(nilai) < len(anak)):
            hasil.append((paket.part_workbook, f"nama {kutip(dn.get('name') or '')}: "
                                               f"localSheetId {kutip(nilai)} bukan nomor "
                                               "lembar yang ada"))
    for x in anak:
        nama = x.get("name") or ""
        if not nama or len(nama) > 31 or _NAMA_LARANGAN.search(nama) or \
                nama.startswith("'") or nama.endswith("'"):
            hasil.append((paket.part_workbook, f"nama lembar {kutip(nama)} tidak sah di "
                                               "Excel (kosong, lebih dari 31 huruf, atau "
                                               "memuat [ ] : * ? / \\)"))
    for v in wb.iterfind(f"{M}bookViews/{M}workbookView"):
        for atribut in ("activeTab", "firstSheet"):
            nilai = v.get(atribut)
            if nilai is not None and not (uint(nilai) and int(nilai) < max(len(anak), 1)):
                hasil.append((paket.part_workbook,
                              f"{atribut} {kutip(nilai)} bukan nomor lembar yang ada"))
    return hasil


_GAYA_SEL = re.compile(rb'<(?:\w+:)?(?:c|row)\s[^>]*?\bs="([^"]*)"')
_REF_SEL = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([^"]*)"')
_GAYA_KOLOM = re.compile(rb'<(?:\w+:)?col\s[^>]*?\bstyle="([^"]*)"')
_ATRIBUT = re.compile(rb'\b(\w+)="([^"]*)"')
_PAGE_SETUP = re.compile(rb"<(?:\w+:)?pageSetup\s[^>]*>")
# CT_PageSetup's unsigned attributes (ECMA-376 Part 1, §18.3.1.63)
_UINT_PAGE_SETUP = frozenset((b"paperSize", b"scale", b"firstPageNumber", b"fitToWidth",
                              b"fitToHeight", b"horizontalDpi", b"verticalDpi", b"copies"))


# CT_Pane / CT_Selection (§18.3.1.66, §18.3.1.78): the pane names and states
_TAMPILAN = re.compile(rb"<(?:\w+:)?(?:pane|selection)\s[^>]*>")
_NAMA_PANE = frozenset((b"bottomRight", b"topRight", b"bottomLeft", b"topLeft"))
_KEADAAN_PANE = frozenset((b"split", b"frozen", b"frozenSplit"))
_TINGGI_BARIS = re.compile(rb'<(?:\w+:)?row\s[^>]*?\bht="([^"]*)"')
_SEL_TEKS = re.compile(rb'<(?:\w+:)?c\s[^>]*?\bt="s"[^>]*>\s*(?:<(?:\w+:)?f\b[^>]*'
                       rb'(?:/>|>[^<]*</(?:\w+:)?f>)\s*)?<(?:\w+:)?v>\s*(\d+)\s*<')


def _tampilan_rusak(pinggir: bytes) -> list[str]:
    return [f"tampilan lembar: {k.decode()} {kutip(v.decode('utf-8', 'replace'))} tidak "
            "dikenal" for m in _TAMPILAN.finditer(pinggir)
            for k, v in _ATRIBUT.findall(m.group())
            if (k in (b"activePane", b"pane") and v not in _NAMA_PANE)
            or (k == b"state" and v not in _KEADAAN_PANE)]


def _lembar_rusak(paket: Paket, lewati: set[str]) -> list[Kerusakan]:
    """What the reader does not see of a sheet: column styles and page setup (before
    and after the cell data), and in the sheets it does not read at all (Beranda,
    xlwings.conf), each cell's reference and style."""
    sah = paket.gaya_angka().sah
    hasil: list[Kerusakan] = []
    for x in paket.lembar.values():
        if x.part in lewati or x.part not in paket.parts:
            continue
        data = paket.parts[x.part]
        awal, akhir = data.find(b"<sheetData"), data.rfind(b"</sheetData>")
        pinggir = data if awal < 0 or akhir < 0 else data[:awal] + data[akhir:]
        alasan: list[str] = []
        if sah is not None:
            alasan += [f"kolom memakai gaya {kutip(g)}, yang tidak ada" for g in
                       sorted({m.decode("utf-8", "replace")
                               for m in _GAYA_KOLOM.findall(pinggir)} - sah)]
        alasan += _tampilan_rusak(pinggir)
        alasan += [f"tinggi baris {kutip(h.decode('utf-8', 'replace'))} bukan angka"
                   for h in sorted(set(_TINGGI_BARIS.findall(data))) if not angka(h.decode(
                       "utf-8", "replace"))]
        for m in _PAGE_SETUP.finditer(pinggir):
            alasan += [f"pengaturan cetak {k.decode()} {kutip(v.decode('utf-8', 'replace'))} "
                       "bukan bilangan bulat" for k, v in _ATRIBUT.findall(m.group())
                       if k in _UINT_PAGE_SETUP and not uint(v.decode("utf-8", "replace"))]
        if x.part not in paket.terbaca:
            if sah is not None:
                alasan += [f"sel memakai gaya {kutip(g)}, yang tidak ada (ada {len(sah)} "
                           "gaya sel)" for g in sorted({m.decode("utf-8", "replace")
                                                        for m in _GAYA_SEL.findall(data)} - sah)]
            alasan += [f"alamat sel {kutip(r)} tidak sah" for r in
                       sorted({m.decode("utf-8", "replace") for m in _REF_SEL.findall(data)})
                       if not _rentang_sah(r) or ":" in r]
            jumlah_teks = len(paket.shared_strings())
            lewat = sorted(i for i in {m.decode() for m in _SEL_TEKS.findall(data)}
                           if (n := bulat(i, 9)) is None or n >= jumlah_teks)
            alasan += [f"sel merujuk teks bersama nomor {i}, padahal hanya ada {jumlah_teks}"
                       for i in lewat[:1]]
        hasil += [(x.part, f"lembar {kutip(x.nama)}: {a}") for a in alasan[:3]]
    return hasil


def _relasi_rusak(paket: Paket, rusak: set[str]) -> list[Kerusakan]:
    hasil: list[Kerusakan] = []
    jenis = _jenis_isi(paket)
    if jenis is not None and (nyata := jenis.jenis(paket.part_workbook)) is not None \
            and nyata not in _JENIS_WORKBOOK:
        hasil.append((paket.part_workbook, f"jenis isinya {kutip(nyata)}, bukan buku kerja"))
    milik = {paket.part_workbook} | {x.part for x in paket.lembar.values()}
    for nama in paket.parts:
        if nama.endswith("/") or nama in rusak:
            continue
        if jenis is not None and not jenis.disebut(nama):
            hasil.append((nama, "jenis isinya tidak disebut di [Content_Types].xml"))
        if nama.endswith(".rels"):
            # OPC: a relationships part holds Relationship elements and nothing else
            try:
                lain = {etree.QName(x).localname for x in paket.xml(nama)
                        if isinstance(x.tag, str) and x.tag != _RELASI}
            except GalatBerkas:
                continue
            hasil += [(nama, f"memuat elemen <{t}> selain Relationship") for t in sorted(lain)]
            continue
        folder, dasar = posixpath.split(nama)
        rels_part = posixpath.join(folder, "_rels", dasar + ".rels")
        if rels_part in rusak:
            continue
        try:
            rels = paket.rels(nama)
        except GalatBerkas:
            continue  # reported as XML above
        for rid, (tipe, target) in rels.items():
            if target not in paket.parts:
                hasil.append((rels_part, f"relasi {rid} merujuk {target}, yang tidak ada"))
            elif jenis is not None:
                harap = _JENIS_PER_RELASI.get(tipe.rsplit("/", 1)[-1])
                nyata = jenis.jenis(target)
                if harap is not None and nyata is not None and nyata != harap:
                    hasil.append((target, f"jenis isinya {kutip(nyata)}, seharusnya {harap}"))
        if nama in milik:
            for rid in sorted(_rujukan_relasi(paket.parts[nama]) - set(rels)):
                hasil.append((nama, f"merujuk relasi {rid}, yang tidak ada"))
    return hasil


# Each xf names its font, fill, border and (in cellXfs) its cell style xf by index.
_INDEKS_XF = (("fontId", "fonts", "font"), ("fillId", "fills", "fill"),
              ("borderId", "borders", "border"))


def _gaya_rusak(paket: Paket, rusak: set[str]) -> list[Kerusakan]:
    """Styles Excel refuses: an attribute that does not hold its schema type
    (``skema_gaya``), or an xf pointing past the fonts, fills, borders or cell style
    xfs there are. The reader falls back to General for such a style, but a cell or
    generated sheet using it makes Excel repair the file (and openpyxl fail)."""
    part = paket.part_styles()
    if part is None or part not in paket.parts or part in rusak:
        return []
    st = paket.xml(part)
    # types first: an index that is not a number is named once, as a type
    alasan = list(itertools.islice(atribut_gaya_salah(st), 3))
    jumlah = {koleksi: len(st.findall(f"{M}{koleksi}/{M}{anak}"))
              for _, koleksi, anak in _INDEKS_XF}
    jumlah["cellStyleXfs"] = len(st.findall(f"{M}cellStyleXfs/{M}xf"))
    for daftar in ("cellStyleXfs", "cellXfs"):
        indeks = [(a, k) for a, k, _ in _INDEKS_XF]
        if daftar == "cellXfs":
            indeks.append(("xfId", "cellStyleXfs"))
        for i, xf in enumerate(st.iterfind(f"{M}{daftar}/{M}xf")):
            for atribut, koleksi in indeks:
                nilai = xf.get(atribut)
                if nilai is not None and uint(nilai) and int(nilai) >= jumlah[koleksi]:
                    alasan.append(f"{daftar} {i}: {atribut} {kutip(nilai)} di luar {koleksi} "
                                  f"(ada {jumlah[koleksi]})")
    return [(part, a) for a in alasan[:3]]


def _tabel_rusak(paket: Paket, rusak: set[str]) -> list[Kerusakan]:
    """A table's column list holds tableColumn elements only, each with an integer id:
    the reader takes the tableColumn elements it finds, Excel repairs the table."""
    hasil: list[Kerusakan] = []
    for info in paket.tabel.values():
        if info.part in rusak or info.part not in paket.parts:
            continue
        akar = paket.xml(info.part)
        for atribut in ("id", "headerRowCount", "totalsRowCount"):
            nilai = akar.get(atribut)
            if (nilai is not None or atribut == "id") and not uint(nilai or ""):
                hasil.append((info.part, f"{atribut} {kutip(nilai or '')} bukan bilangan bulat"))
        af = akar.find(f"{M}autoFilter")
        for apa, el in (("ref", akar), ("autoFilter ref", af)):
            ref = el.get("ref") if el is not None else None
            if ref is not None and (not _rentang_sah(ref) or "$" in ref):
                hasil.append((info.part, f"{apa} {kutip(ref)} bukan rentang sel"))
        kolom = akar.find(f"{M}tableColumns")
        if kolom is None:
            continue
        for c in kolom.iterchildren():
            if not isinstance(c.tag, str):
                continue  # a comment or processing instruction is harmless
            if c.tag != f"{M}tableColumn":
                hasil.append((info.part, f"tableColumns memuat <{etree.QName(c).localname}>"))
                break
            if not uint(c.get("id") or "") or any(
                    (v := c.get(a)) is not None and not uint(v)
                    for a in ("dataDxfId", "headerRowDxfId", "totalsRowDxfId")):
                hasil.append((info.part, f"kolom tabel {kutip(c.get('name') or '')}: id atau "
                                         "gaya bukan bilangan bulat"))
                break
    return hasil


def _rentang_sah(ref: str) -> bool:
    try:
        rentang(ref)
    except ValueError:
        return False
    return True


class _JenisIsi(NamedTuple):
    """[Content_Types].xml: the Overrides by part name, the Defaults by extension."""

    per_part: dict[str, str]
    default: dict[str, str]

    def disebut(self, nama: str) -> bool:
        return nama in self.per_part or _ekstensi(nama) in self.default

    def jenis(self, nama: str) -> str | None:
        """A part's content type. Part names are compared as written: openpyxl and the
        OOXML validators find an Override only by the exact name."""
        return self.per_part.get(nama, self.default.get(_ekstensi(nama)))


def _jenis_isi(paket: Paket) -> _JenisIsi | None:
    try:
        ct = paket.xml("[Content_Types].xml")
    except GalatBerkas:
        return None
    per_part = {(o.get("PartName") or "").lstrip("/"): o.get("ContentType") or ""
                for o in ct.iterchildren(f"{{{NS_CT}}}Override")}
    per_part["[Content_Types].xml"] = ""
    default = {(d.get("Extension") or "").lower(): d.get("ContentType") or ""
               for d in ct.iterchildren(f"{{{NS_CT}}}Default")}
    return _JenisIsi(per_part, default)


_RELASI = f"{{{NS_PKG_REL}}}Relationship"
# The content type a part must have for the relationship that finds it (Excel finds
# the part by relationship, and refuses it under another type).
_JENIS_PER_RELASI = {
    "worksheet": CT_WORKSHEET, "sharedStrings": CT_SML + "sharedStrings+xml",
    "styles": CT_SML + "styles+xml", "table": CT_SML + "table+xml",
    "theme": "application/vnd.openxmlformats-officedocument.theme+xml",
}


# The main part's content types: workbook, template, macro-enabled of each, add-in.
_JENIS_WORKBOOK = frozenset((
    CT_SML + "sheet.main+xml", CT_SML + "template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    "application/vnd.ms-excel.addin.macroEnabled.main+xml"))


def _ekstensi(nama: str) -> str:
    """The extension a content-type Default matches: "_rels/.rels" has "rels"
    (posixpath.splitext treats a leading dot as part of the name)."""
    dasar = posixpath.basename(nama)
    return dasar.rsplit(".", 1)[-1].lower() if "." in dasar else ""


_NS_REL_BIASA = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_REL_STRICT = b"http://purl.oclc.org/ooxml/officeDocument/relationships"
_AWALAN_REL = re.compile(rb'xmlns:([A-Za-z_][\w.-]*)="(?:' + re.escape(_NS_REL_BIASA) + b"|" +
                         re.escape(_NS_REL_STRICT) + b')"')


def _rujukan_relasi(data: bytes) -> set[str]:
    """The relationship ids a part refers to (its r:id, r:embed… attributes)."""
    hasil: set[str] = set()
    for awalan in set(_AWALAN_REL.findall(data)):
        pola = re.compile(rb"\s" + re.escape(awalan) + rb':(?:id|embed|link|pict)="([^"]*)"')
        hasil.update(m.decode("utf-8", "replace") for m in pola.findall(data))
    return hasil
