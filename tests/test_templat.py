"""The template builder, checked on real files read back with openpyxl and zipfile."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook as BukuOpenpyxl
from openpyxl.worksheet.worksheet import Worksheet as LembarOpenpyxl

from rkt_xl import skema
from rkt_xl.galat import GalatBerkas
from rkt_xl.lampiran.gaya import GAYA
from rkt_xl.templat import (
    CATATAN_HITUNG,
    LEBAR_TOMBOL,
    NAMA_DAFTAR_KODE_PROGRAM,
    SEL_STATUS,
    TINGGI_TOMBOL,
    TOMBOL_BERANDA,
    URUTAN_LEMBAR,
    DataTidakValid,
    bangun,
    gaya_sel,
)
from rkt_xl.templat.__main__ import main
from rkt_xl.templat.beranda import MAKRO_TOMBOL
from rkt_xl.templat.konfigurasi import LEMBAR_XLWINGS, PENGATURAN_XLWINGS
from rkt_xl.templat.ribbon import BAGIAN_RIBBON, TIPE_RIBBON, GalatRibbon, pasang_ribbon
from rkt_xl.templat.sumber import BERKAS_RIBBON, MODUL_UDF, ada_modul_udf

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NIP = "196101281987031008"
PAGU_BESAR = 123456789012345

DATA_CONTOH: dict[str, Any] = {
    "format": "rkt-xl/1",
    "identitas": {skema.NAMA_OPD: "Dinas Koperasi UKM dan Tenaga Kerja",
                  skema.TAHUN_RKT: 2018, skema.NIP_KEPALA: NIP},
    "pengaturan": {skema.BATAS_CAPAIAN: 120},
    "sasaran": [
        {skema.KODE: "1.1", skema.TUJUAN: "Meningkatkan daya saing koperasi",
         skema.INDIKATOR_SASARAN: "=1+1", skema.SATUAN: "%", skema.POLARITAS: "Positif",
         skema.TARGET: 84.03},
        {skema.KODE: "1.2", skema.INDIKATOR_SASARAN: "-tingkat pengangguran",
         skema.POLARITAS: "Negatif", skema.TARGET: "12 Bulan"},
    ],
    "evaluasi": [
        {skema.KODE: "1.1", skema.TARGET: 42, skema.REALISASI: 43, skema.CAPAIAN: 102.39},
    ],
    "program": [
        {skema.KODE_PROGRAM: "01", skema.PROGRAM: "Program Pelayanan Administrasi",
         skema.PAGU_PROGRAM: PAGU_BESAR},
    ],
    "kegiatan": [
        {skema.KODE_PROGRAM: "01", skema.KODE_KEGIATAN: "01.01", skema.PAGU: 56460000},
        {skema.KODE_PROGRAM: "01", skema.KODE_KEGIATAN: "@01.02", skema.PAGU: None},
        {skema.KODE_PROGRAM: "+02", skema.KODE_KEGIATAN: "02.01"},
    ],
}


def _bangun(folder: Path, data: dict[str, Any] | None = None, nama: str = "rkt.xlsm") -> Path:
    berkas = folder / nama
    bangun(berkas, data)
    return berkas


def _buka(berkas: Path) -> BukuOpenpyxl:
    return openpyxl.load_workbook(berkas)


def _xml(berkas: Path, bagian: str) -> etree._Element:
    with zipfile.ZipFile(berkas) as paket:
        return etree.fromstring(paket.read(bagian))


def _bagian_lembar(berkas: Path, nama_lembar: str) -> str:
    """The zip part of a sheet, found through workbook.xml and its relationships."""
    r_id = next(
        lembar.get(f"{{{NS_R}}}id", "")
        for lembar in _xml(berkas, "xl/workbook.xml").iterfind("m:sheets/m:sheet", NS)
        if lembar.get("name") == nama_lembar
    )
    rels = _xml(berkas, "xl/_rels/workbook.xml.rels")
    target = next(r.get("Target", "") for r in rels if r.get("Id") == r_id)
    return "xl/" + target.lstrip("/").removeprefix("xl/")


def _baris_tabel(lembar: LembarOpenpyxl, tabel: skema.TabelSkema) -> list[tuple[Any, ...]]:
    ref = lembar.tables[tabel.nama].ref
    return [tuple(sel.value for sel in baris) for baris in lembar[ref]][1:]


@pytest.fixture(scope="module")
def templat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _bangun(tmp_path_factory.mktemp("templat"))


@pytest.fixture(scope="module")
def berisi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _bangun(tmp_path_factory.mktemp("berisi"), DATA_CONTOH)


# -- sheets and tables ------------------------------------------------------------------

def test_lembar_berurutan_dan_gaya_tersembunyi(templat: Path) -> None:
    buku = _buka(templat)
    harapan = [skema.BERANDA, *(t.lembar for t in skema.TABEL), *skema.LEMBAR_HASIL,
               skema.GAYA, LEMBAR_XLWINGS]
    assert buku.sheetnames == harapan == list(URUTAN_LEMBAR)
    assert buku.sheetnames[7:12] == ["Tabel 2.4", "Tabel 2.5", "Lampiran I", "Lampiran II",
                                     "Validasi"]
    keadaan = {lembar.title: lembar.sheet_state for lembar in buku.worksheets}
    assert keadaan.pop(skema.GAYA) == "hidden"
    assert set(keadaan.values()) == {"visible"}


@pytest.mark.parametrize("tabel", skema.TABEL, ids=lambda t: t.nama)
def test_tabel_nama_ref_dan_judul(templat: Path, tabel: skema.TabelSkema) -> None:
    lembar = _buka(templat)[tabel.lembar]
    assert list(lembar.tables) == [tabel.nama]
    baris_data = {skema.IDENTITAS: len(skema.KUNCI_IDENTITAS),
                  skema.PENGATURAN: len(skema.PENGATURAN_BAKU)}.get(tabel, 1)
    kolom_akhir = get_column_letter(len(tabel.kolom))
    assert lembar.tables[tabel.nama].ref == f"A1:{kolom_akhir}{1 + baris_data}"
    judul = [sel.value for sel in lembar[1][: len(tabel.kolom)]]
    assert judul == list(tabel.kolom)
    assert [k.name for k in lembar.tables[tabel.nama].tableColumns] == list(tabel.kolom)
    assert lembar.tables[tabel.nama].tableStyleInfo.name.startswith("TableStyleLight")
    assert lembar.freeze_panes == "A2"


@pytest.mark.parametrize("tabel", [skema.SASARAN_T, skema.EVALUASI, skema.PROGRAM_T,
                                   skema.KEGIATAN_T], ids=lambda t: t.nama)
def test_tabel_kosong_punya_satu_baris_kosong(templat: Path, tabel: skema.TabelSkema) -> None:
    baris = _baris_tabel(_buka(templat)[tabel.lembar], tabel)
    assert baris == [(None,) * len(tabel.kolom)]


def test_identitas_dan_pengaturan_baku(templat: Path) -> None:
    buku = _buka(templat)
    identitas = _baris_tabel(buku[skema.IDENTITAS.lembar], skema.IDENTITAS)
    assert identitas == [(kunci, None) for kunci in skema.KUNCI_IDENTITAS]
    pengaturan = _baris_tabel(buku[skema.PENGATURAN.lembar], skema.PENGATURAN)
    assert pengaturan == [(k, n or None, ket) for k, n, ket in skema.PENGATURAN_BAKU]


# -- data -------------------------------------------------------------------------------

def test_data_ditulis_per_judul_kolom(berisi: Path) -> None:
    buku = _buka(berisi)
    sasaran = _baris_tabel(buku[skema.SASARAN_T.lembar], skema.SASARAN_T)
    assert len(sasaran) == 2
    pertama = dict(zip(skema.SASARAN_T.kolom, sasaran[0], strict=True))
    assert pertama[skema.KODE] == "1.1"
    assert pertama[skema.TARGET] == pytest.approx(84.03)
    assert pertama[skema.SASARAN] is None  # missing key = empty cell
    assert buku[skema.KEGIATAN_T.lembar].tables[skema.KEGIATAN_T.nama].ref == "A1:G4"
    pengaturan = dict(row[:2] for row in _baris_tabel(buku["Pengaturan"], skema.PENGATURAN))
    assert pengaturan[skema.BATAS_CAPAIAN] == 120
    assert pengaturan[skema.RUMUS_NEGATIF] == skema.RUMUS_2T_R  # default kept


def test_teks_tetap_teks_dan_angka_tepat(berisi: Path) -> None:
    buku = _buka(berisi)
    sasaran = buku[skema.SASARAN_T.lembar]
    kolom = get_column_letter(skema.SASARAN_T.indeks(skema.INDIKATOR_SASARAN) + 1)
    assert sasaran[f"{kolom}2"].value == "=1+1"
    assert sasaran[f"{kolom}2"].data_type == "s"
    assert sasaran[f"{kolom}3"].value == "-tingkat pengangguran"
    kegiatan = buku[skema.KEGIATAN_T.lembar]
    assert (kegiatan["B3"].value, kegiatan["A4"].value) == ("@01.02", "+02")
    pagu = buku[skema.PROGRAM_T.lembar]["E2"]
    assert pagu.value == PAGU_BESAR and isinstance(pagu.value, int)
    nip = dict(_baris_tabel(buku[skema.IDENTITAS.lembar], skema.IDENTITAS))[skema.NIP_KEPALA]
    assert nip == NIP
    for tabel in skema.TABEL:
        lembar = _xml(berisi, _bagian_lembar(berisi, tabel.lembar))
        assert lembar.xpath("//m:f", namespaces=NS) == [], f"formula in {tabel.lembar}"


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(teks=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
                    max_size=40).filter(lambda t: t.strip() != ""))
def test_sembarang_teks_tetap_teks(tmp_path: Path, teks: str) -> None:
    berkas = _bangun(tmp_path, {"program": [{skema.PROGRAM: teks}]})
    sel = _buka(berkas)[skema.PROGRAM_T.lembar]["B2"]
    assert (sel.value, sel.data_type) == (teks, "s")


@pytest.mark.parametrize("data, pesan", [
    ({"format": "rkt-xl/9"}, "Format data"),
    ({"kegiatans": []}, "Kunci tidak dikenal"),
    ({"program": [{"Pagu": 1}]}, "kolom tidak dikenal"),
    ({"program": [{skema.PAGU_PROGRAM: [1]}]}, "bukan teks"),
    ({"program": [{skema.PAGU_PROGRAM: 2**60}]}, "terlalu besar"),
    ({"program": [{skema.PAGU_PROGRAM: float("nan")}]}, "tidak dapat disimpan"),
    ({"program": {"Kode Program": "1"}}, "daftar baris"),
    ({"identitas": [["Nama OPD", "x"]]}, "Kunci"),
])
def test_data_tidak_valid_ditolak(tmp_path: Path, data: dict[str, Any], pesan: str) -> None:
    with pytest.raises(DataTidakValid, match=pesan):
        bangun(tmp_path / "x.xlsm", data)
    assert not (tmp_path / "x.xlsm").exists()


def test_boolean_dan_decimal(tmp_path: Path) -> None:
    # ekspor writes a TRUE cell as JSON true; the model carries Pagu as Decimal.
    baris = {skema.PROGRAM: True, skema.PAGU_PROGRAM: Decimal("56460000"),
             skema.TARGET_PROGRAM: Decimal("84.03")}
    lembar = _buka(_bangun(tmp_path, {"program": [baris]}))[skema.PROGRAM_T.lembar]
    assert lembar["B2"].value is True
    assert lembar["E2"].value == 56460000 and isinstance(lembar["E2"].value, int)
    assert lembar["D2"].value == pytest.approx(84.03)


def test_bukan_xlsm_ditolak(tmp_path: Path) -> None:
    with pytest.raises(GalatBerkas, match=r"\.xlsm"):
        bangun(tmp_path / "rkt.xlsx")


# -- look, computed columns, validation ---------------------------------------------------

def test_kolom_hitung_abu_abu_miring_dengan_catatan(templat: Path) -> None:
    buku = _buka(templat)
    for tabel in skema.TABEL:
        lembar = buku[tabel.lembar]
        for nama in tabel.kolom_hitung:
            kolom = tabel.indeks(nama) + 1
            catatan = lembar.cell(1, kolom).comment
            assert catatan is not None and CATATAN_HITUNG in catatan.text
            data = lembar.cell(2, kolom)
            assert data.font.i and data.fill.fgColor.rgb.endswith("EDEDED")
        for nama in set(tabel.kolom) - set(tabel.kolom_hitung):
            sel = lembar.cell(2, tabel.indeks(nama) + 1)
            assert not sel.font.i and lembar.cell(1, tabel.indeks(nama) + 1).comment is None
    assert sum(len(t.kolom_hitung) for t in skema.TABEL) == 3


def test_format_angka_dan_format_kolom(templat: Path) -> None:
    buku = _buka(templat)
    evaluasi, program = buku[skema.EVALUASI.lembar], buku[skema.PROGRAM_T.lembar]
    assert evaluasi["H2"].number_format == "0.00"
    assert evaluasi["F2"].number_format == "General"
    assert program["E2"].number_format == "#,##0"
    assert buku[skema.KEGIATAN_T.lembar]["G2"].number_format == "#,##0"
    # Every column of every table carries a style, so rows typed later inherit it.
    for tabel in skema.TABEL:
        cols = _xml(templat, _bagian_lembar(templat, tabel.lembar)).findall(
            "m:cols/m:col", NS)
        tercakup = {k for c in cols if c.get("style")
                    for k in range(int(c.get("min", "0")), int(c.get("max", "-1")) + 1)}
        assert tercakup == set(range(1, len(tabel.kolom) + 1)), tabel.nama
    assert evaluasi.column_dimensions["B"].width > 40


def test_kolom_teks_dibungkus_catatan_tidak_dicetak(berisi: Path) -> None:
    """Issue 12: Target, Target Program and Satuan were cut off (no wrap), and the
    notes on computed columns must never print over the headers."""
    buku = _buka(berisi)
    for tabel in skema.TABEL:
        lembar = buku[tabel.lembar]
        for nama in tabel.kolom:
            sel = lembar.cell(2, tabel.indeks(nama) + 1)
            angka = nama in (skema.PAGU, skema.PAGU_PROGRAM, skema.CAPAIAN)
            assert bool(sel.alignment.wrap_text) is not angka, (tabel.nama, nama)
        assert lembar.page_setup.cellComments in (None, "none"), tabel.nama
    for part in zipfile.ZipFile(berisi).namelist():
        if part.startswith("xl/drawings/vmlDrawing"):
            vml = zipfile.ZipFile(berisi).read(part).decode()
            assert vml.count('ObjectType="Note"') == vml.count("visibility:hidden"), part
    # A wrapped text row is as tall as the appendices' estimator says (one wrap).
    tinggi = [buku[t.lembar].row_dimensions[r].height for t in skema.TABEL
              for r in range(2, buku[t.lembar].max_row + 1)]
    assert any(t and t > 15 for t in tinggi)


def _validasi(lembar: LembarOpenpyxl) -> dict[str, Any]:
    return {str(dv.sqref): dv for dv in lembar.data_validations.dataValidation}


def test_validasi_data(templat: Path) -> None:
    buku = _buka(templat)
    for tabel, kolom in ((skema.SASARAN_T, "G"), (skema.EVALUASI, "D")):
        dv = _validasi(buku[tabel.lembar])[f"{kolom}2:{kolom}5000"]
        assert (dv.type, dv.formula1) == ("list", '"Positif,Negatif"')
    kode = _validasi(buku[skema.KEGIATAN_T.lembar])["A2:A5000"]
    assert (kode.type, kode.formula1, kode.errorStyle) == (
        "list", NAMA_DAFTAR_KODE_PROGRAM, "warning")
    assert buku.defined_names[NAMA_DAFTAR_KODE_PROGRAM].attr_text == "Program!$A$2:$A$5000"
    rumus = _validasi(buku[skema.PENGATURAN.lembar])["B2"]
    assert buku[skema.PENGATURAN.lembar]["A2"].value == skema.RUMUS_NEGATIF
    assert (rumus.type, rumus.formula1) == ("list", '"2T-R,T/R"')


def test_beranda(templat: Path) -> None:
    beranda = _buka(templat)[skema.BERANDA]
    assert beranda.sheet_view.showGridLines is False
    assert str(beranda[SEL_STATUS].value).startswith("Status")
    teks = "\n".join(str(sel.value) for baris in beranda.iter_rows() for sel in baris
                     if sel.value)
    for kata in ("Identitas", "Hitung", "Buat Lampiran", "rkt-xl proses BERKAS.xlsm",
                 "abu-abu", "jangan diketik"):
        assert kata in teks


@pytest.mark.parametrize("nama", skema.LEMBAR_HASIL)
def test_lembar_hasil(templat: Path, nama: str) -> None:
    lembar = _buka(templat)[nama]
    assert "dibuat otomatis" in str(lembar["A1"].value)
    assert lembar.max_row == 1 and lembar.max_column == 1
    assert lembar.page_setup.orientation == "landscape"
    assert str(lembar.page_setup.paperSize) == "9"
    assert lembar.sheet_view.showGridLines is False


def test_lembar_gaya(templat: Path) -> None:
    lembar = _buka(templat)[skema.GAYA]
    assert (lembar["A1"].value, lembar["B1"].value) == ("Gaya", "Contoh")
    alamat = gaya_sel()
    assert list(alamat) == list(GAYA)
    for nomor, nama in enumerate(GAYA, start=2):
        assert lembar[f"A{nomor}"].value == nama
        assert alamat[nama] == f"B{nomor}"
        sel = lembar[alamat[nama]]
        sifat = GAYA[nama]
        assert sel.value is not None
        assert bool(sel.font.b) == bool(sifat.get("bold", False)), nama
        if "num_format" in sifat:
            assert sel.number_format == sifat["num_format"]
            assert isinstance(sel.value, float)
    assert "kolom B" in " ".join(str(sel.value) for sel in lembar["D"] if sel.value)


# -- package ----------------------------------------------------------------------------

def test_paket_macro_enabled(templat: Path) -> None:
    jenis = _xml(templat, "[Content_Types].xml")
    ns = {"t": "http://schemas.openxmlformats.org/package/2006/content-types"}
    utama = jenis.xpath("//t:Override[@PartName='/xl/workbook.xml']/@ContentType",
                        namespaces=ns)
    assert utama == ["application/vnd.ms-excel.sheet.macroEnabled.main+xml"]
    assert jenis.xpath("//t:Default[@Extension='bin']/@ContentType", namespaces=ns) == [
        "application/vnd.ms-office.vbaProject"]
    with zipfile.ZipFile(templat) as paket:
        assert paket.testzip() is None
        assert paket.read("xl/vbaProject.bin")[:8] == bytes.fromhex("D0CF11E0A1B11AE1")
        assert "vbaProject" in paket.read("xl/_rels/workbook.xml.rels").decode()


def test_proyek_vba_cocok_dengan_lembar(templat: Path) -> None:
    from pyopenvba import ExcelFile

    with ExcelFile(templat) as berkas:
        modul = berkas.vba_modules()
        assert berkas.validate() == []
    jumlah = len(_buka(templat).sheetnames)
    kode = [f"Sheet{n}" for n in range(1, jumlah + 1)]
    standar = {"RKT", "xlwings", "Dictionary"}
    if ada_modul_udf():
        standar.add("xlwings_udfs")
    assert set(modul) == {"ThisWorkbook", *kode, *standar}
    for nomor, nama in enumerate(_buka(templat).sheetnames):
        pr = _xml(templat, _bagian_lembar(templat, nama)).find("m:sheetPr", NS)
        assert pr is not None and pr.get("codeName") == kode[nomor]


def test_properti_dokumen(templat: Path) -> None:
    sifat = _buka(templat).properties
    assert sifat.title == "Rencana Kinerja Tahunan (RKT)"
    # A fixed date, not "now": part of what makes two builds byte-identical.
    assert sifat.created == sifat.modified == datetime(2026, 1, 1)
    app = _xml(templat, "docProps/app.xml")
    perusahaan = app.find("{*}Company")
    assert perusahaan is None or not (perusahaan.text or "")


def test_deterministik(tmp_path: Path) -> None:
    a = _bangun(tmp_path, DATA_CONTOH, "a.xlsm").read_bytes()
    b = _bangun(tmp_path, DATA_CONTOH, "b.xlsm").read_bytes()
    aliran = io.BytesIO()
    bangun(aliran, DATA_CONTOH)
    assert a == b == aliran.getvalue()
    assert a != _bangun(tmp_path, None, "c.xlsm").read_bytes()


def test_perintah_modul(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([]) == 0
    bawaan = tmp_path / "workbook" / "RKT_template.xlsm"
    assert bawaan.read_bytes() == _bangun(tmp_path, None, "x.xlsm").read_bytes()


# -- Excel side: buttons, xlwings.conf, ribbon ------------------------------------------

NS_VML = {"v": "urn:schemas-microsoft-com:vml", "x": "urn:schemas-microsoft-com:office:excel"}


def _tombol_vml(berkas: Path) -> list[etree._Element]:
    """The VML shapes of Beranda's legacy drawing (form buttons live there)."""
    lembar = _bagian_lembar(berkas, skema.BERANDA)
    folder, nama = lembar.rsplit("/", 1)
    rels = _xml(berkas, f"{folder}/_rels/{nama}.rels")
    vml = next(r.get("Target", "") for r in rels if r.get("Type", "").endswith("/vmlDrawing"))
    bagian = "xl/" + vml.replace("../", "")
    with zipfile.ZipFile(berkas) as paket:
        # VML is not quite XML (Excel writes bare <br>); XlsxWriter's is well formed.
        akar = etree.fromstring(paket.read(bagian))
    return akar.findall("v:shape", NS_VML)


def _data_klien(bentuk: etree._Element) -> etree._Element:
    data = bentuk.find("x:ClientData", NS_VML)
    assert data is not None
    return data


def test_tombol_beranda(templat: Path) -> None:
    tombol = [s for s in _tombol_vml(templat) if _data_klien(s).get("ObjectType") == "Button"]
    assert len(tombol) == len(TOMBOL_BERANDA)
    for bentuk, (sel, judul) in zip(tombol, TOMBOL_BERANDA, strict=True):
        data = _data_klien(bentuk)
        assert "".join(str(t) for t in bentuk.itertext()).strip().startswith(judul)
        assert data.findtext("x:FmlaMacro", namespaces=NS_VML) == f"[0]!{MAKRO_TOMBOL[judul]}"
        assert data.findtext("x:PrintObject", namespaces=NS_VML) == "False"
        # Anchor: left column, x offset, top row, y offset, … (0-based) — the button
        # stays inside its own cell.
        jangkar = [int(n) for n in str(data.findtext("x:Anchor", namespaces=NS_VML)).split(",")]
        kolom, baris = ord(sel[0]) - ord("A"), int(sel[1:]) - 1
        assert (jangkar[0], jangkar[2], jangkar[4], jangkar[6]) == (kolom, baris, kolom, baris)
        gaya = bentuk.get("style", "")
        assert f"width:{LEBAR_TOMBOL * 0.75}pt" in gaya
        assert f"height:{TINGGI_TOMBOL * 0.75:g}pt" in gaya


def test_lembar_xlwings_conf(templat: Path) -> None:
    lembar = _buka(templat)[LEMBAR_XLWINGS]
    assert lembar.sheet_state == "visible"
    # xlwings reads column A from A1 down to the first empty cell, keys upper-cased.
    kunci: list[str] = []
    for baris in lembar.iter_rows(min_col=1, max_col=3):
        if baris[0].value is None:
            break
        kunci.append(str(baris[0].value))
        assert baris[2].value, f"tanpa keterangan: {baris[0].value}"
    assert kunci == [k for k, _, _ in PENGATURAN_XLWINGS]
    assert len({k.upper() for k in kunci}) == len(kunci)
    nilai = {str(baris[0].value).upper(): baris[1].value for baris in lembar.iter_rows(
        min_col=1, max_col=2, max_row=len(kunci))}
    assert nilai["UDF MODULES"] == MODUL_UDF == "rkt_xl.udfs"
    assert nilai["INTERPRETER_WIN"] is None and nilai["INTERPRETER_MAC"] is None
    assert nilai["SHOW CONSOLE"] is False and nilai["USE UDF SERVER"] is False
    assert nilai["ADD_WORKBOOK_TO_PYTHONPATH"] is False
    for wajib in ("PYTHONPATH", "DEBUG UDFS"):
        assert wajib in nilai
    # Nothing else in column A below the settings: it could only become a setting.
    assert [s.value for s in lembar["A"][len(kunci):] if s.value is not None] == []
    catatan = " ".join(str(s.value) for s in lembar["C"] if s.value)
    assert "pythonw.exe" in catatan and "Interpreter_Win" in catatan
    assert "xlwings.conf" in catatan


def test_ribbon_terpasang(templat: Path) -> None:
    with zipfile.ZipFile(templat) as paket:
        assert paket.read(BAGIAN_RIBBON) == BERKAS_RIBBON.read_bytes()
        info = paket.getinfo(BAGIAN_RIBBON)
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        assert info.compress_type == zipfile.ZIP_DEFLATED
    rels = _xml(templat, "_rels/.rels")
    ribbon = [r for r in rels if r.get("Type") == TIPE_RIBBON]
    assert [r.get("Target") for r in ribbon] == [BAGIAN_RIBBON]
    assert len({r.get("Id") for r in rels}) == len(rels)
    # The part takes the Default xml content type, as Excel writes a customUI part.
    jenis = _xml(templat, "[Content_Types].xml")
    ns = {"t": "http://schemas.openxmlformats.org/package/2006/content-types"}
    assert jenis.xpath("//t:Default[@Extension='xml']/@ContentType", namespaces=ns) == [
        "application/xml"]
    assert not jenis.xpath(f"//t:Override[@PartName='/{BAGIAN_RIBBON}']", namespaces=ns)


def test_ribbon_tidak_dipasang_dua_kali(templat: Path, tmp_path: Path) -> None:
    with pytest.raises(GalatRibbon):
        pasang_ribbon(templat.read_bytes())
    salah = tmp_path / "customUI14.xml"
    salah.write_text('<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui"/>')
    from rkt_xl.templat.ribbon import baca_ribbon

    with pytest.raises(GalatRibbon, match="2009/07"):
        baca_ribbon(salah)
