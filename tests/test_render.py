"""Rendering a Layout into a worksheet part, read back by openpyxl from a real workbook.

The workbook is made by XlsxWriter (with a ``_Gaya`` sheet holding one styled cell
per style name, like the template), then the sheet's XML part is replaced by the
rendered part and the print names are added to workbook.xml — what the file engine
does to a user's workbook.
"""

from __future__ import annotations

import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import cast

import openpyxl
import pytest
import xlsxwriter
from lxml import etree
from openpyxl.styles.colors import Color
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.properties import PageSetupProperties

from rkt_xl import hitung, pemetaan, pertukaran, skema
from rkt_xl.engine.file.render import nama_cetak, render_lembar
from rkt_xl.lampiran import bangun_semua, bangun_validasi
from rkt_xl.lampiran.gaya import GAYA
from rkt_xl.lampiran.layout import Cetak, Layout
from rkt_xl.model import RKT
from rkt_xl.temuan import Temuan, Tingkat

CONTOH = Path(__file__).resolve().parents[1] / "rkt_xl" / "data" / "contoh_sinjai_2018.json"
M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

# CT_Worksheet, ECMA-376 Part 1 §18.3.1.99 (sml.xsd, transitional): the child elements
# of <worksheet>, in the one order the schema allows. Written out here from the
# standard — not taken from the renderer — so a renderer that writes an element out
# of place fails. Only `cols` and `conditionalFormatting` may repeat; `sheetData` is
# the one required child. (`drawingHF` came with the 2nd edition.)
CT_WORKSHEET: tuple[str, ...] = (
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData",
    "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter",
    "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr",
    "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions",
    "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
    "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
    "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
    "webPublishItems", "tableParts", "extLst",
)
BOLEH_BERULANG = {"cols", "conditionalFormatting"}


def periksa_urutan_skema(xml: bytes) -> list[str]:
    """The root's children follow CT_Worksheet; returns their names."""
    akar = etree.fromstring(xml)
    assert akar.tag == M + "worksheet"
    nama = [etree.QName(e).localname for e in akar]
    assert all(etree.QName(e).namespace == M[1:-1] for e in akar), nama
    assert set(nama) <= set(CT_WORKSHEET), set(nama) - set(CT_WORKSHEET)
    posisi = [CT_WORKSHEET.index(n) for n in nama]
    for a, b, n in zip(posisi, posisi[1:], nama[1:], strict=False):
        assert a < b or (a == b and n in BOLEH_BERULANG), nama
    assert nama.count("sheetData") == 1
    return nama


# -- helpers (also used by test_pdf) ------------------------------------------------------
def contoh_rkt() -> tuple[RKT, hitung.HasilHitung]:
    rkt = pemetaan.susun(pertukaran.ke_tabel(json.loads(CONTOH.read_text(encoding="utf-8"))))
    return rkt, hitung.hitung(rkt)


def _a(e: etree._Element, nama: str) -> str:
    """An attribute the part always has (lxml types every attribute as optional)."""
    return cast(str, e.get(nama))


def _anak(e: etree._Element, jalur: str) -> etree._Element:
    """A child the part always has (lxml types find() as optional)."""
    return cast(etree._Element, e.find(jalur))


def _part_lembar(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → worksheet part name, from workbook.xml and its rels."""
    wb = etree.fromstring(zf.read("xl/workbook.xml"))
    rels = etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    target = {_a(r, "Id"): "xl/" + _a(r, "Target").lstrip("/").removeprefix("xl/")
              for r in rels}
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    return {_a(s, "name"): target[_a(s, rid)] for s in wb.iter(M + "sheet")}


def buat_buku(path: Path, layouts: list[Layout], lain: tuple[str, ...] = ("Identitas",),
              ) -> dict[str, int]:
    """A workbook with sheets ``lain`` + one per layout + hidden ``_Gaya``; each
    layout's sheet part replaced by its rendering. Returns the style map used."""
    wb = xlsxwriter.Workbook(str(path))
    for nama in lain:
        wb.add_worksheet(nama).write(0, 0, f"ISI LEMBAR {nama.upper()}")
    for lay in layouts:
        wb.add_worksheet(lay.lembar)
    gaya = wb.add_worksheet(skema.GAYA)
    for i, (nama, sifat) in enumerate(GAYA.items()):
        gaya.write_string(i, 0, nama)
        gaya.write_string(i, 1, "Contoh", wb.add_format(sifat))
    gaya.hide()
    wb.close()
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
        lembar = _part_lembar(zf)
    gaya_xml = etree.fromstring(parts[lembar[skema.GAYA]])
    gaya_s: dict[str, int] = {}
    for c in gaya_xml.iter(M + "c"):
        if c.get("r", "").startswith("B"):
            nomor = int(_a(c, "r")[1:])
            gaya_s[list(GAYA)[nomor - 1]] = int(c.get("s", "0"))
    nama_def = []
    urutan = [*lain, *(lay.lembar for lay in layouts), skema.GAYA]
    for lay in layouts:
        parts[lembar[lay.lembar]] = render_lembar(lay, gaya_s)
        for nama, ref in nama_cetak(lay).items():
            idx = urutan.index(lay.lembar)
            nama_def.append(f'<definedName name="{nama}" localSheetId="{idx}">'
                            f"{ref.replace('&', '&amp;')}</definedName>")
    if nama_def:
        wbx = parts["xl/workbook.xml"].decode()
        wbx = wbx.replace("</sheets>", "</sheets><definedNames>" + "".join(nama_def)
                          + "</definedNames>", 1)
        parts["xl/workbook.xml"] = wbx.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for nama, data in parts.items():
            zf.writestr(nama, data)
    return gaya_s


# -- tests ---------------------------------------------------------------------------------
def _layout_uji() -> Layout:
    lay = Layout(lembar="Tabel 2.5", lebar_kolom={1: 6.0, 2: 30.5}, tinggi_baris={2: 31.5},
                 cetak=Cetak(baris_judul=(2, 3)), warna_tab="1F4E78", bekukan_baris=3)
    lay.tulis(1, 1, "Judul", "judul")
    lay.gabungkan(1, 1, 1, 3)
    lay.tulis(2, 1, "=1+1", "teks")
    lay.tulis(2, 2, "=SUM(A1)", "teks")
    lay.tulis(2, 3, "  spasi  ", "teks")
    lay.tulis(3, 1, 516257850, "rupiah")
    lay.tulis(3, 2, Decimal("102.380952380952380952"), "persen")
    lay.tulis(3, 3, None, "teks")
    lay.tulis(4, 1, "-5 orang", "teks")
    lay.tulis(4, 2, "A & B <c> \"d\" _x0041_ \x07", "teks")
    lay.tulis(5, 5, "H3", "tautan", "'Eva''s lembar'!H3")
    lay.gabungkan(6, 1, 8, 2)
    lay.tulis(6, 1, "gabung", "teks")
    return lay


@pytest.fixture()
def buku(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "uji.xlsx"
    gaya_s = buat_buku(path, [_layout_uji()])
    return path, gaya_s


def test_nilai_dibaca_kembali(buku: tuple[Path, dict[str, int]]) -> None:
    path, _ = buku
    ws = openpyxl.load_workbook(path)["Tabel 2.5"]
    assert ws["A2"].value == "=1+1" and ws["A2"].data_type == "s"
    assert ws["B2"].value == "=SUM(A1)" and ws["B2"].data_type == "s"
    assert ws["C2"].value == "  spasi  "
    assert ws["A3"].value == 516257850
    assert ws["B3"].value == pytest.approx(102.38095238095238)
    assert ws["A4"].value == "-5 orang"
    assert ws["B4"].value.startswith('A & B <c> "d" ')
    assert ws["A1"].value == "Judul"


def test_gaya_gabung_lebar_cetak(buku: tuple[Path, dict[str, int]]) -> None:
    path, _ = buku
    wb = openpyxl.load_workbook(path)
    ws = wb["Tabel 2.5"]
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:C1", "A6:B8"}
    assert ws["A3"].number_format == "#,##0"
    assert ws["B3"].number_format == "0.00"
    assert ws["A3"].border.left.style == "thin"
    # The hidden cells of a merge carry the top-left style (borders drawn all round).
    assert ws["B8"].border.bottom.style == "thin"
    assert ws["C3"].border.left.style == "thin"  # an empty value still styled
    assert ws.column_dimensions["B"].width == pytest.approx(30.5)
    assert ws.row_dimensions[2].height == pytest.approx(31.5)
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize in (9, "9")
    assert cast(PageSetupProperties, ws.sheet_properties.pageSetUpPr).fitToPage is True
    assert int(cast(int, ws.page_setup.fitToWidth)) == 1
    assert int(cast(int, ws.page_setup.fitToHeight)) == 0
    assert ws.print_title_rows == "$2:$3"
    assert ws.freeze_panes == "A4"
    assert ws.sheet_view.showGridLines is False
    assert cast(Color, ws.sheet_properties.tabColor).rgb == "FF1F4E78"
    assert "Halaman" in (cast(HeaderFooterItem, ws.oddFooter).center.text or "")
    assert ws["E5"].hyperlink.location == "'Eva''s lembar'!H3"
    assert ws["E5"].font.underline == "single"


def test_urutan_elemen_skema() -> None:
    xml = render_lembar(_layout_uji(), {n: i for i, n in enumerate(GAYA)})
    akar = etree.fromstring(xml)
    nama = periksa_urutan_skema(xml)
    # Everything the test layout asks for is there, in the schema's order.
    assert nama == ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols",
                    "sheetData", "mergeCells", "hyperlinks", "printOptions", "pageMargins",
                    "pageSetup", "headerFooter"]
    pr = [etree.QName(e).localname for e in _anak(akar, M + "sheetPr")]
    assert pr == ["tabColor", "pageSetUpPr"]
    assert _anak(akar, M + "dimension").get("ref") == "A1:E8"
    # Rows ascending, cells ascending within a row, no formula anywhere.
    rows = [int(_a(r, "r")) for r in akar.iter(M + "row")]
    assert rows == sorted(rows)
    for r in akar.iter(M + "row"):
        kolom = [re.sub(r"\d", "", _a(c, "r")) for c in r]
        assert kolom == sorted(kolom, key=lambda k: (len(k), k))
    assert not list(akar.iter(M + "f"))
    link = _anak(akar, f"{M}hyperlinks/{M}hyperlink")
    assert link.get("location") == "'Eva''s lembar'!H3" and link.get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id") is None
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')


def test_kontrol_dan_pola_x_aman() -> None:
    xml = render_lembar(_layout_uji(), {})
    assert b"_x005F_x0041_" in xml and b"_x0007_" in xml and b"\x07" not in xml


def test_deterministik_dan_gaya_hilang() -> None:
    lay = _layout_uji()
    assert render_lembar(lay, {"teks": 3}) == render_lembar(_layout_uji(), {"teks": 3})
    xml = render_lembar(lay, {})  # unknown styles fall back to 0 (no s attribute)
    assert b' s="' not in xml


def test_nama_cetak() -> None:
    assert nama_cetak(_layout_uji()) == {
        "_xlnm.Print_Titles": "'Tabel 2.5'!$2:$3",
        "_xlnm.Print_Area": "'Tabel 2.5'!$A$1:$E$8",
    }
    kosong = Layout(lembar="Validasi", cetak=Cetak())
    assert nama_cetak(kosong) == {"_xlnm.Print_Area": "'Validasi'!$A$1:$A$1"}
    assert b'<dimension ref="A1"/>' in render_lembar(kosong, {})


def test_lampiran_contoh_di_buku_kerja(tmp_path: Path) -> None:
    rkt, hasil = contoh_rkt()
    temuan = [Temuan(Tingkat.GALAT, "angka-tidak-valid", "Kegiatan", "G28", "pesan")]
    layouts = [*bangun_semua(rkt, hasil), bangun_validasi(temuan)]
    path = tmp_path / "contoh.xlsx"
    buat_buku(path, layouts)
    gaya = {n: i for i, n in enumerate(GAYA)}
    for lay in layouts:  # every appendix the example produces, and Validasi
        periksa_urutan_skema(render_lembar(lay, gaya))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[1:6] == [*skema.LEMBAR_LAMPIRAN, skema.VALIDASI]
    nilai = [c.value for row in wb[skema.TABEL_2_5].iter_rows() for c in row]
    assert 118136000 in nilai and "25.4500.000 *)" in nilai
    ws = wb[skema.VALIDASI]
    link = [c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink]
    assert link == ["'Kegiatan'!G28"]
