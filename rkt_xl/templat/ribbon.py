"""The "RKT" ribbon tab: ``customUI/customUI14.xml`` added to the finished package.

XlsxWriter has no notion of a custom ribbon, so the part is added after it closes the
workbook: the XML itself, and its relationship from the package root (``_rels/.rels``),
which is where Office looks for it. No content-type entry is added: Excel writes none
for customUI parts, which take the ``Default Extension="xml"`` (``application/xml``)
XlsxWriter already writes. Every other entry is copied with its name, order, date and
compression, so the result stays byte-for-byte reproducible.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from rkt_xl.templat.sumber import BERKAS_RIBBON

BAGIAN_RIBBON = "customUI/customUI14.xml"
TIPE_RIBBON = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
NS_CUSTOMUI14 = "http://schemas.microsoft.com/office/2009/07/customui"
NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_RELS_AKAR = "_rels/.rels"
# The date XlsxWriter stamps on every entry when it works in memory.
_TANGGAL_ZIP = (1980, 1, 1, 0, 0, 0)


class GalatRibbon(ValueError):
    """The ribbon XML cannot go into the workbook as it is."""


def baca_ribbon(berkas: Path = BERKAS_RIBBON) -> bytes:
    """The customUI14 XML, checked to be well formed and in the Office 2010 namespace
    (Office silently ignores a ribbon it cannot parse)."""
    xml = berkas.read_bytes()
    try:
        akar = etree.fromstring(xml)
    except etree.XMLSyntaxError as e:
        raise GalatRibbon(f"{berkas}: XML tidak valid: {e}") from e
    if akar.tag != f"{{{NS_CUSTOMUI14}}}customUI":
        raise GalatRibbon(f"{berkas}: akar harus customUI dengan namespace {NS_CUSTOMUI14}.")
    return xml


def _rels_dengan_ribbon(rels: bytes) -> bytes:
    akar = etree.fromstring(rels)
    relasi = akar.findall(f"{{{NS_REL}}}Relationship")
    if any(r.get("Type") == TIPE_RIBBON for r in relasi):
        raise GalatRibbon("Paket sudah memiliki ribbon.")
    dipakai = {r.get("Id") for r in relasi}
    nomor = next(n for n in range(1, len(dipakai) + 2) if f"rId{n}" not in dipakai)
    baru = f'<Relationship Id="rId{nomor}" Type="{TIPE_RIBBON}" Target="{BAGIAN_RIBBON}"/>'
    # Inserted as text, so the rest of the part stays exactly as XlsxWriter wrote it.
    teks = rels.decode("utf-8")
    akhir = teks.rindex("</Relationships>")
    return (teks[:akhir] + baru + teks[akhir:]).encode("utf-8")


def pasang_ribbon(paket: bytes, xml: bytes | None = None) -> bytes:
    """``paket`` (a finished .xlsm) with the ribbon part and its relationship."""
    if xml is None:
        xml = baca_ribbon()
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(paket)) as masuk, \
            zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as hasil:
        for info in masuk.infolist():
            isi = masuk.read(info)
            if info.filename == _RELS_AKAR:
                isi = _rels_dengan_ribbon(isi)
            hasil.writestr(info, isi)
        baru = zipfile.ZipInfo(BAGIAN_RIBBON, date_time=_TANGGAL_ZIP)
        baru.compress_type = zipfile.ZIP_DEFLATED
        baru.create_system, baru.external_attr = 3, 0o600 << 16  # as XlsxWriter's entries
        hasil.writestr(baru, xml)
    return keluar.getvalue()
