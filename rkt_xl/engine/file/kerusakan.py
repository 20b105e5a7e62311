"""Damage in a package that Excel would refuse or repair (rule ``bagian-rusak``).

rkt_xl copies the parts it does not own as they are; a workbook Excel will refuse
must be said so, not passed on as fine. Checked: XML that is not well-formed (parts
already parsed are not parsed again), relationships to parts that are not there,
references to relationships that do not exist, parts without a content type, number
format ids that are not integers, table column lists holding other elements, and the
cells the reader found holding what their type cannot hold.
"""

from __future__ import annotations

import posixpath
import re

from lxml import etree

from rkt_xl.engine.file.paket import NS_CT, M, Paket
from rkt_xl.engine.file.urai import TIDAK_ADA, UraiXml
from rkt_xl.galat import GalatBerkas

# A part's damage as (part, why), why in Indonesian for the rule's message.
Kerusakan = tuple[str, str]


def bagian_rusak(paket: Paket) -> list[Kerusakan]:
    hasil = _xml_rusak(paket)
    rusak = {n for n, _ in hasil}
    hasil += _relasi_rusak(paket, rusak)
    hasil += _gaya_rusak(paket, rusak)
    hasil += _tabel_rusak(paket, rusak)
    for part, daftar in paket.sel_rusak.items():
        lembar = next((x.nama for x in paket.lembar.values() if x.part == part), None)
        awal = f"{lembar}!" if lembar is not None else ""
        hasil += [(part, f"sel {awal}{ref} berisi nilai yang tidak sesuai jenisnya ({teks!r})")
                  for ref, teks in daftar[:3]]
    return sorted(hasil)


def _xml_rusak(paket: Paket) -> list[Kerusakan]:
    hasil: list[Kerusakan] = []
    for nama, data in paket.parts.items():
        if not nama.endswith((".xml", ".rels")) or paket.pohon(nama) is not None or \
                nama in paket.terbaca:
            continue
        try:
            for _ in UraiXml(data, nama, paket.nama, ("end",), (TIDAK_ADA,)):
                pass
        except GalatBerkas as e:
            hasil.append((nama, "XML tidak sah" if "XML" in str(e) else "memuat deklarasi DTD"))
    return hasil


def _relasi_rusak(paket: Paket, rusak: set[str]) -> list[Kerusakan]:
    hasil: list[Kerusakan] = []
    jenis = _jenis_isi(paket)
    milik = {paket.part_workbook} | {x.part for x in paket.lembar.values()}
    for nama in paket.parts:
        if nama.endswith("/") or nama in rusak:
            continue
        if jenis is not None and nama not in jenis[0] and _ekstensi(nama) not in jenis[1]:
            hasil.append((nama, "jenis isinya tidak disebut di [Content_Types].xml"))
        if nama.endswith(".rels"):
            continue
        folder, dasar = posixpath.split(nama)
        rels_part = posixpath.join(folder, "_rels", dasar + ".rels")
        if rels_part in rusak:
            continue
        try:
            rels = paket.rels(nama)
        except GalatBerkas:
            continue  # reported as XML above
        for rid, (_, target) in rels.items():
            if target not in paket.parts:
                hasil.append((rels_part, f"relasi {rid} merujuk {target}, yang tidak ada"))
        if nama in milik:
            for rid in sorted(_rujukan_relasi(paket.parts[nama]) - set(rels)):
                hasil.append((nama, f"merujuk relasi {rid}, yang tidak ada"))
    return hasil


def _gaya_rusak(paket: Paket, rusak: set[str]) -> list[Kerusakan]:
    """numFmtId holds an unsigned integer; Excel (and openpyxl) refuse anything else,
    while the reader falls back to General for that style."""
    part = paket.part_styles()
    if part is None or part not in paket.parts or part in rusak:
        return []
    st = paket.xml(part)
    salah = sorted({x.get("numFmtId", "") for x in st.iter(f"{M}numFmt", f"{M}xf")
                    if not (x.get("numFmtId") or "0").isdigit()})
    return [(part, f"numFmtId {s!r} bukan bilangan bulat") for s in salah[:3]]


def _tabel_rusak(paket: Paket, rusak: set[str]) -> list[Kerusakan]:
    """A table's column list holds tableColumn elements only, each with an integer id:
    the reader takes the tableColumn elements it finds, Excel repairs the table."""
    hasil: list[Kerusakan] = []
    for info in paket.tabel.values():
        if info.part in rusak or info.part not in paket.parts:
            continue
        kolom = paket.xml(info.part).find(f"{M}tableColumns")
        if kolom is None:
            continue
        for c in kolom.iterchildren():
            if not isinstance(c.tag, str):
                continue  # a comment or processing instruction is harmless
            if c.tag != f"{M}tableColumn":
                hasil.append((info.part, f"tableColumns memuat <{etree.QName(c).localname}>"))
                break
            if not (c.get("id") or "").isdigit():
                hasil.append((info.part, "kolom tabel tanpa id bilangan bulat"))
                break
    return hasil


def _jenis_isi(paket: Paket) -> tuple[set[str], set[str]] | None:
    """Parts named by an Override, and extensions with a Default."""
    try:
        ct = paket.xml("[Content_Types].xml")
    except GalatBerkas:
        return None
    override = {(o.get("PartName") or "").lstrip("/")
                for o in ct.iterchildren(f"{{{NS_CT}}}Override")}
    default = {(d.get("Extension") or "").lower()
               for d in ct.iterchildren(f"{{{NS_CT}}}Default")}
    return override | {"[Content_Types].xml"}, default


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
