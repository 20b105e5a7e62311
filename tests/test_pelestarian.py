"""Nothing rkt_xl does not own is touched: every other zip part survives byte for byte.

The workbook under test carries what users and Excel add and what a careless save
drops: an Excel 2010 form control (<controls> + ctrlProps), a legacy VML button, a
comment, an image, a chart, a ribbon part (customUI14.xml) and docProps/custom.xml —
on the very sheets whose computed cells rkt_xl rewrites.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any, cast

import openpyxl
import pytest
from lxml import etree

from rkt_xl.contoh import data_contoh
from tests.conftest import jalankan_cli

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _png() -> bytes:
    def potong(jenis: bytes, isi: bytes) -> bytes:
        return struct.pack(">I", len(isi)) + jenis + isi + \
            struct.pack(">I", zlib.crc32(jenis + isi) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\x00\xff\x00\x00\x00\xff\x00\x00\x00\x00\xff\x00\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + potong(b"IHDR", ihdr) + potong(b"IDAT", data) + \
        potong(b"IEND", b"")


RIBBON = (b'<customUI xmlns="http://schemas.microsoft.com/office/2009/07/customui">'
          b'<ribbon><tabs><tab id="tabUji" label="Uji"/></tabs></ribbon></customUI>')
CTRL_PROP = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             b'<formControlPr xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"'
             b' objectType="Button" lockText="1"/>')
CONTROLS = (
    '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
    '<mc:Choice Requires="x14"><controls><mc:AlternateContent><mc:Choice Requires="x14">'
    '<control xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
    'shapeId="1025" r:id="rIdCtrl1" name="Tombol Uji"><controlPr defaultSize="0" '
    'print="0" autoFill="0" autoPict="0" macro="[0]!Hitung"><anchor moveWithCells="1" '
    'sizeWithCells="1"><from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1'
    '</xdr:row><xdr:rowOff>0</xdr:rowOff></from><to><xdr:col>12</xdr:col><xdr:colOff>0'
    '</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></to></anchor></controlPr>'
    '</control></mc:Choice></mc:AlternateContent></controls></mc:Choice></mc:AlternateContent>')


def _buat_kaya(path: Path, data: dict[str, Any]) -> Path:
    from rkt_xl.templat import buat_workbook, pasang_vba, susun_lembar

    buf = io.BytesIO()
    buku = buat_workbook(buf)
    lembar = susun_lembar(buku, data)
    ev, prog = lembar["Evaluasi"], lembar["Program"]
    ev.insert_image("K6", "logo.png", {"image_data": io.BytesIO(_png())})
    ev.write_comment("B2", "Catatan pengguna: sumber data BPS")
    ev.insert_button("K10", {"macro": "Hitung", "caption": "Hitung (VML)"})
    grafik = buku.add_chart({"type": "column"})
    grafik.add_series({"values": "=Program!$E$2:$E$12", "name": "Pagu"})
    prog.insert_chart("G2", grafik)
    buku.set_custom_property("Dinas", "Koperasi UKM")
    pasang_vba(buku)
    buku.close()
    # Parts XlsxWriter cannot write: a ribbon and an Excel 2010 form control.
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    part_ev = _part_lembar(src, "Evaluasi")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            isi = src.read(info)
            if info.filename == "_rels/.rels":
                isi = isi.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdUI" Type="http://schemas.microsoft.com/office/2007/'
                    b'relationships/ui/extensibility" Target="customUI/customUI14.xml"/>'
                    b"</Relationships>"))
            elif info.filename == "[Content_Types].xml":
                isi = isi.replace(b"</Types>", (
                    b'<Override PartName="/xl/ctrlProps/ctrlProp1.xml" ContentType="application/'
                    b'vnd.ms-excel.controlproperties+xml"/></Types>'))
            elif info.filename == part_ev:
                teks = isi.decode()
                teks = teks.replace("<tableParts", CONTROLS + "<tableParts", 1)
                isi = teks.encode()
            elif info.filename == part_ev.replace("worksheets/", "worksheets/_rels/") + ".rels":
                isi = isi.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdCtrl1" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/ctrlProp" '
                    b'Target="../ctrlProps/ctrlProp1.xml"/></Relationships>'))
            z.writestr(info, isi)
        z.writestr("customUI/customUI14.xml", RIBBON)
        z.writestr("xl/ctrlProps/ctrlProp1.xml", CTRL_PROP)
    path.write_bytes(out.getvalue())
    return path


def _part_lembar(z: zipfile.ZipFile, nama: str) -> str:
    wb = etree.fromstring(z.read("xl/workbook.xml"))
    rels = etree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    rid = next(s.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
               for s in wb.iter(NS + "sheet") if s.get("name") == nama)
    target = cast(str, next(r.get("Target") for r in rels if r.get("Id") == rid))
    return "xl/" + target.lstrip("/").removeprefix("xl/")


def _isi(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


@pytest.fixture
def kaya(tmp_path: Path) -> Path:
    return _buat_kaya(tmp_path / "kaya.xlsm", data_contoh())


def _bagian_milik(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as z:
        # Beranda: its status line only (test_beranda_hanya_baris_status)
        lembar = ["Evaluasi", "Program", "Tabel 2.4", "Tabel 2.5", "Lampiran I",
                  "Lampiran II", "Validasi", "Beranda"]
        return {_part_lembar(z, n) for n in lembar} | {"xl/workbook.xml"}


def test_bagian_lain_utuh_setelah_proses(kaya: Path) -> None:
    sebelum = _isi(kaya)
    assert any(n.startswith("xl/ctrlProps/") for n in sebelum)
    assert "customUI/customUI14.xml" in sebelum and "docProps/custom.xml" in sebelum
    assert any(n.startswith("xl/charts/") for n in sebelum)
    assert any(n.startswith("xl/media/") for n in sebelum)
    assert any("comments" in n for n in sebelum)
    assert "xl/vbaProject.bin" in sebelum
    r = jalankan_cli("proses", str(kaya))
    assert r.returncode in (0, 1), r.stderr
    sesudah = _isi(kaya)
    milik = _bagian_milik(kaya)
    assert set(sesudah) == set(sebelum)
    berubah = {n for n in sebelum if sebelum[n] != sesudah[n]}
    assert berubah, "proses tidak menulis apa pun"
    assert berubah <= milik, f"bagian yang bukan milik rkt_xl berubah: {berubah - milik}"


def test_isi_lembar_milik_selain_sel_tetap(kaya: Path) -> None:
    """On Evaluasi and Program only cell values change: the controls, drawing, comment
    anchors, table parts and page setup elements are kept as they were."""
    with zipfile.ZipFile(kaya) as z:
        parts = [_part_lembar(z, "Evaluasi"), _part_lembar(z, "Program")]
    sebelum = _isi(kaya)
    jalankan_cli("proses", str(kaya))
    sesudah = _isi(kaya)
    for part in parts:
        a = etree.fromstring(sebelum[part])
        b = etree.fromstring(sesudah[part])
        luar_a = [etree.tostring(x) for x in a if x.tag != NS + "sheetData"]
        luar_b = [etree.tostring(x) for x in b if x.tag != NS + "sheetData"]
        assert luar_a == luar_b, part
        assert b"controls" in sesudah[parts[0]]


def test_beranda_hanya_baris_status(kaya: Path) -> None:
    """On Beranda only the status cell changes: every other cell, and everything of the
    sheet that is not a cell (buttons, drawing, page setup), stays as it was."""
    from tests.korpus.fixtures import sel_lembar

    sebelum_sel = {s.ref: s for s in sel_lembar(kaya, "Beranda")}
    with zipfile.ZipFile(kaya) as z:
        part = _part_lembar(z, "Beranda")
    sebelum = _isi(kaya)[part]
    jalankan_cli("proses", str(kaya))
    sesudah_sel = {s.ref: s for s in sel_lembar(kaya, "Beranda")}
    sesudah = _isi(kaya)[part]
    berubah = {r for r in sebelum_sel.keys() | sesudah_sel.keys()
               if sebelum_sel.get(r) != sesudah_sel.get(r)}
    assert berubah == {"B4"}
    assert sesudah_sel["B4"].teks.startswith("Terakhir diproses ")
    assert "oleh rkt-xl proses:" in sesudah_sel["B4"].teks
    a, b = etree.fromstring(sebelum), etree.fromstring(sesudah)
    assert [etree.tostring(x) for x in a if x.tag != NS + "sheetData"] == \
        [etree.tostring(x) for x in b if x.tag != NS + "sheetData"]


def test_excel_masih_membuka_isi(kaya: Path) -> None:
    jalankan_cli("proses", str(kaya))
    wb = openpyxl.load_workbook(kaya, keep_vba=True)
    assert wb["Evaluasi"]["B2"].comment is not None
    assert wb["Evaluasi"]["H3"].value == pytest.approx(102.38095238095238)
    assert "tblEvaluasi" in wb["Evaluasi"].tables


def test_proses_pada_templat_hanya_mengubah_milik(tmp_path: Path) -> None:
    from tests.conftest import bangun_workbook

    berkas = bangun_workbook(tmp_path / "templat.xlsm", None)
    sebelum = _isi(berkas)
    assert jalankan_cli("proses", str(berkas)).returncode == 0
    sesudah = _isi(berkas)
    berubah = {n for n in sebelum if sebelum[n] != sesudah[n]}
    assert berubah <= _bagian_milik(berkas)


@pytest.mark.libreoffice
def test_libreoffice_membuka_hasil_proses(kaya: Path, tmp_path: Path) -> None:
    import shutil
    import subprocess

    from tests.conftest import soffice

    program = soffice()
    if program is None:
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    jalankan_cli("proses", str(kaya))
    profil = tmp_path / "profil"
    r = subprocess.run([program, f"-env:UserInstallation=file://{profil}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(kaya)],
                       capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "pdf" / "kaya.pdf"
    assert pdf.exists() and pdf.stat().st_size > 1000, r.stdout + r.stderr
    if shutil.which("pdftotext"):
        teks = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                              text=True).stdout
        assert "Sangat Tinggi" in teks
