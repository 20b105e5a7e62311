"""Parsing one part of a package: the hardened lxml settings and the refusals every
part gets whichever way it is read (a DTD or entity declaration, malformed XML, Strict
OOXML namespaces read as transitional ones).
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from lxml import etree

from rkt_xl.galat import GalatBerkas

# Entities are never resolved and nothing is fetched: input XML is hostile until shown
# otherwise (billion laughs, external entities).
OPSI_PARSER: dict[str, bool] = {
    "resolve_entities": False, "no_network": True, "huge_tree": True, "load_dtd": False,
    "dtd_validation": False, "remove_blank_text": False,
}


def parser_aman() -> etree.XMLParser:
    """A parser with the same settings, for a whole document in memory."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True,
                           load_dtd=False, dtd_validation=False, remove_blank_text=False)
# A tag no part holds: iterparse then parses the whole part without handing a single
# element to Python (parse_xml).
TIDAK_ADA = "{urn:rkt-xl}tidak-ada"


# Excel never writes a DTD. Searched in the whole part and in UTF-16 too: a prefix check
# alone misses a DOCTYPE pushed back by a long comment or a part encoded in UTF-16.
_TANDA_DTD = tuple(t.encode(enc) for t in ("<!DOCTYPE", "<!ENTITY")
                   for enc in ("ascii", "utf-16-le", "utf-16-be"))


# Strict OOXML (Excel's "Strict Open XML Spreadsheet") names the same elements and
# relationship types under other namespaces: read, they are the transitional ones.
_STRICT = ((b"http://purl.oclc.org/ooxml/spreadsheetml/main",
            b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
           (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
            b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"))
TANDA_STRICT = b"purl.oclc.org/ooxml/"


def transisional(data: bytes) -> bytes:
    """A Strict OOXML part with the transitional namespaces (the same vocabulary)."""
    if TANDA_STRICT in data:
        for strict, biasa in _STRICT:
            data = data.replace(strict, biasa)
    return data


def _galat_dtd(nama: str, berkas: str) -> GalatBerkas:
    return GalatBerkas(f"{berkas}: bagian {nama} memuat deklarasi DTD/entitas; berkas "
                       "ditolak demi keamanan")


def _galat_xml(nama: str, berkas: str, e: etree.XMLSyntaxError) -> GalatBerkas:
    # libxml2's own text is English: only where it broke is passed on.
    letak = f", baris {e.lineno} kolom {e.offset}" if e.lineno else ""
    return GalatBerkas(f"{berkas}: bagian {nama} rusak (XML tidak sah{letak}); berkas "
                       "tidak dapat dibaca. Buka dan simpan ulang di Excel, atau pakai "
                       "salinan cadangannya")


class UraiXml:
    """One part parsed front to back with the hardened settings: iterate for the
    (event, element) pairs of ``tag`` as they are parsed (the caller may free what it
    has read: a 5.000-row sheet as a whole tree is ~40 MB); ``akar`` is the root once
    the iteration is over. The same refusals whichever way a part is read: a DTD or
    entity declaration, malformed XML (in Indonesian, without libxml2's English)."""

    def __init__(self, data: bytes, nama: str, berkas: str, events: tuple[str, ...],
                 tag: tuple[str, ...]) -> None:
        self.data, self.nama, self.berkas = data, nama, berkas
        self.events, self.tag = events, tag
        self.akar: etree._Element | None = None

    def __iter__(self) -> Iterator[tuple[str, etree._Element]]:
        if any(t in self.data for t in _TANDA_DTD):
            raise _galat_dtd(self.nama, self.berkas)
        it = etree.iterparse(io.BytesIO(transisional(self.data)), events=self.events,
                             tag=self.tag,
                             **OPSI_PARSER)
        diperiksa = False
        try:
            for pasangan in it:
                if not diperiksa:
                    # the DOCTYPE, if any, precedes the first element
                    if pasangan[1].getroottree().docinfo.internalDTD is not None:
                        raise _galat_dtd(self.nama, self.berkas)
                    diperiksa = True
                yield pasangan
        except etree.XMLSyntaxError as e:
            raise _galat_xml(self.nama, self.berkas, e) from e
        self.akar = it.root
        # Any other encoding (UTF-32…) that still carried a DTD: its entities were left
        # unexpanded, so cells would read silently empty. Refuse instead.
        if self.akar is not None and self.akar.getroottree().docinfo.internalDTD is not None:
            raise _galat_dtd(self.nama, self.berkas)


def parse_xml(data: bytes, nama: str, berkas: str) -> etree._Element:
    """A whole part as an element tree (the small parts, and sheets that are written)."""
    urai = UraiXml(data, nama, berkas, ("end",), (TIDAK_ADA,))
    for _ in urai:
        pass
    if urai.akar is None:  # an empty part: no root element
        raise GalatBerkas(f"{berkas}: bagian {nama} kosong; berkas tidak dapat dibaca")
    return urai.akar


def iter_xml(data: bytes, nama: str, berkas: str, events: tuple[str, ...],
             tag: tuple[str, ...]) -> Iterator[tuple[str, etree._Element]]:
    """(event, element) pairs of a part read once, front to back (``UraiXml``)."""
    return iter(UraiXml(data, nama, berkas, events, tag))
