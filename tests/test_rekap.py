"""``rkt-xl rekap`` and ``rkt_xl.baca``/``rkt_xl.rekap`` (issue 14, DESIGN §6b).

Expected values are worked out here from the seed's own numbers (Lampiran I and Tabel
2.5 of RKT 2018 Dinas Koperasi UKM dan Tenaga Kerja, Kabupaten Sinjai) with Fractions
and integer sums, never taken from rkt_xl. The summary workbook is judged by openpyxl,
pandas, the zip's XML and LibreOffice, not by rkt_xl's own reader.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, cast

import openpyxl
import pandas as pd
import pytest
from lxml import etree
from openpyxl.worksheet.worksheet import Worksheet

import rkt_xl
from rkt_xl.galat import GalatRKT
from tests.conftest import AKAR, bangun_workbook, jalankan_cli

# DESIGN §6b, typed out again here: the contract, not rkt_xl's copy of it.
HEADER = {
    "Ringkasan": ["Berkas", "Nama OPD", "Tahun RKT", "Status", "Galat", "Peringatan",
                  "Jumlah Indikator", "Rata-rata Capaian (%)", "Kategori", "Total Pagu"],
    "Indikator": ["Nama OPD", "Kode", "Indikator Sasaran", "Satuan", "Polaritas", "Target",
                  "Realisasi", "Capaian (%)", "Kategori"],
    "Program": ["Nama OPD", "Kode Program", "Program", "Pagu Program"],
    "Temuan": ["Berkas", "Tingkat", "Aturan", "Lembar", "Sel", "Pesan"],
}
TABEL = {"Ringkasan": "tblRingkasan", "Indikator": "tblIndikator", "Program": "tblProgram",
         "Temuan": "tblTemuan"}
BULAT = {"Tahun RKT", "Galat", "Peringatan", "Jumlah Indikator", "Total Pagu", "Pagu Program"}
PECAHAN = {"Rata-rata Capaian (%)", "Target", "Realisasi", "Capaian (%)"}

# The seed's Lampiran I, year 2017: (Kode, target, realisasi) as printed. Its printed
# average is 110.56.
SEED_EVALUASI = (
    ("1.1", "83.69", "86.82"),  # 84,03 | 83,69 | 86,82 | 103,74
    ("1.2", "42", "43"),  # 43 | 42 | 43 | 102.39 (wrong: 102,38)
    ("2.1", "1.08", "1.10"),  # 1.08 | 1,08 | 1.10 | 101.85
    ("2.2", "35", "50"),  # 40 | 35 | 50 | 142.86
    ("3.1", "32", "32"),  # 61 | 32 | 32 | 100
    ("3.2", "7865", "8851"),  # 9500 | 7865 | 8851 | 112.54
)
NAMA_SEED = "Dinas Koperasi, Usaha Kecil Menengah dan Tenaga Kerja"
# Tabel 2.5: the kegiatan pagu of each program as printed (10.02's "25.4500.000" is
# malformed; read as 25.450.000 in the corrected copy).
SEED_PAGU_KEGIATAN = {
    "1": (56460000, 3600000, 5276000, 3610000, 6600000, 73906800, 87580000, 263065050,
          16160000),
    "2": (22000000, 19000000, 55100000, 4000000, 6536000, 6900000, 4600000),
    "4": (62500000,), "5": (6075000, 6370000, 41460000), "6": (64714950,), "7": (35445000,),
    "8": (50845000, 66500000, 30180000), "10": (61011000, 25450000),
    "11": (250000000, 28579000), "12": (43096000,), "13": (32476000,),
}
TOTAL_PAGU_DIBETULKAN = 1_439_095_800  # Σ of the above, added up by hand


def capaian(target: str, realisasi: str) -> Fraction:
    return Fraction(realisasi) / Fraction(target) * 100


def rata_rata(pasangan: list[tuple[str, str]]) -> Fraction:
    return sum((capaian(t, r) for t, r in pasangan), Fraction(0)) / len(pasangan)


def dua_desimal(x: Fraction) -> str:
    """Half up, Indonesian mark: how the average is printed."""
    d = (Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal("0.01"),
                                                                  rounding=ROUND_HALF_UP)
    return str(d).replace(".", ",")


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def rekap_cli(*argumen: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    r = jalankan_cli("rekap", *argumen, cwd=cwd)
    assert "Traceback" not in r.stdout + r.stderr, r.stderr
    return r


def kosong(v: Any) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def baris_openpyxl(path: Path, lembar: str) -> list[list[Any]]:
    """The table's rows as openpyxl reads them (header included), by the table's ref."""
    wb = openpyxl.load_workbook(path)
    ws = wb[lembar]
    assert list(ws.tables) == [TABEL[lembar]]
    ref = ws.tables[TABEL[lembar]].ref
    return [[c.value for c in r] for r in ws[ref]]


# -- fixtures -------------------------------------------------------------------------


def data_dibetulkan(data: dict[str, Any]) -> dict[str, Any]:
    """The example with a known changed capaian and a corrected pagu: indicator 1.2's
    realisasi 43 → 21 (its typed Capaian (%) 102,39 stays, stale), and kegiatan 10.02's
    malformed "25.4500.000" typed correctly as text "25.450.000"."""
    d = copy.deepcopy(data)
    ev = {e["Kode"]: e for e in d["evaluasi"]}
    ev["1.2"]["Realisasi"] = 21
    keg = {k["Kode Kegiatan"]: k for k in d["kegiatan"]}
    assert keg["10.02"]["Pagu"] == "25.4500.000"
    keg["10.02"]["Pagu"] = "25.450.000"
    return d


def data_tanpa_galat(data: dict[str, Any]) -> dict[str, Any]:
    """Every galat of the example corrected (as tests/test_cli.py does)."""
    d = copy.deepcopy(data)
    keg = {k["Kode Kegiatan"]: k for k in d["kegiatan"]}
    keg["10.02"]["Pagu"] = 25450000
    keg["8.03"].update(Target=12, Satuan="bulan")
    for p in d["program"]:
        p["Pagu Program"] = None
    for e in d["evaluasi"]:
        e["Capaian (%)"] = None
    return d


@pytest.fixture
def folder_opd(tmp_path: Path, contoh_xlsm: Path, data: dict[str, Any]) -> Path:
    """opd/: the seed example (.xlsm), the corrected copy saved as .xlsx by openpyxl
    under another name, a damaged file, and a text file that is not a workbook."""
    opd = tmp_path / "opd"
    opd.mkdir()
    shutil.copyfile(contoh_xlsm, opd / "a_dinkop.xlsm")
    sementara = bangun_workbook(tmp_path / "b.xlsm", data_dibetulkan(data))
    wb = openpyxl.load_workbook(sementara)  # no keep_vba: a plain .xlsx
    for r in wb["Identitas"].iter_rows():
        if r[0].value == "Nama OPD":
            r[1].value = "Dinas Tenaga Kerja"
    wb.save(opd / "b_naker.xlsx")
    (opd / "c_rusak.xlsm").write_bytes(b"PK\x03\x04 bukan zip yang utuh")
    (opd / "catatan.txt").write_text("bukan buku kerja", encoding="utf-8")
    return opd


@pytest.fixture
def hasil_folder(folder_opd: Path, tmp_path: Path) -> tuple[Path, Path, Any, int]:
    """``rkt-xl rekap opd --ke rekap.xlsx --json`` once: (folder, output, JSON, exit)."""
    keluar = tmp_path / "hasil" / "rekap.xlsx"
    r = rekap_cli(str(folder_opd), "--ke", str(keluar), "--json")
    return folder_opd, keluar, json.loads(r.stdout), r.returncode


# -- the numbers ----------------------------------------------------------------------


def test_rata_rata_seed_110_56(contoh_xlsm: Path) -> None:
    tabel = rkt_xl.rekap([contoh_xlsm])
    harapan = rata_rata([(t, r) for _, t, r in SEED_EVALUASI])
    assert dua_desimal(harapan) == "110,56"  # the seed's printed average
    ringkasan = tabel["Ringkasan"]
    assert len(ringkasan) == 1
    baris = ringkasan.iloc[0]
    assert baris["Rata-rata Capaian (%)"] == pytest.approx(float(harapan), rel=1e-15)
    assert baris["Nama OPD"] == NAMA_SEED
    assert baris["Tahun RKT"] == 2018
    assert baris["Kategori"] == "Sangat Tinggi"  # > 90
    assert baris["Jumlah Indikator"] == len(SEED_EVALUASI)
    assert baris["Total Pagu"] is pd.NA  # "25.4500.000" makes the total unknown
    indikator = tabel["Indikator"]
    assert list(indikator["Kode"]) == [k for k, _, _ in SEED_EVALUASI]
    for (_, t, r), nilai in zip(SEED_EVALUASI, indikator["Capaian (%)"], strict=True):
        assert nilai == pytest.approx(float(capaian(t, r)), rel=1e-15)
    # the typed 102,39 is not trusted: 43/42 is 102,38
    assert f"{indikator['Capaian (%)'].iloc[1]:.2f}" == "102.38"


def test_galat_dan_peringatan_sama_dengan_validasi(contoh_xlsm: Path) -> None:
    r = jalankan_cli("validasi", "--json", str(contoh_xlsm))
    temuan = json.loads(r.stdout)
    ringkasan = rkt_xl.rekap([contoh_xlsm])["Ringkasan"].iloc[0]
    assert ringkasan["Galat"] == sum(t["tingkat"] == "galat" for t in temuan) > 0
    assert ringkasan["Peringatan"] == sum(t["tingkat"] == "peringatan" for t in temuan) > 0
    assert ringkasan["Status"] == "ada galat"
    dari_rekap = rkt_xl.rekap([contoh_xlsm])["Temuan"]
    assert [(t["tingkat"], t["aturan"], t["lembar"], t["sel"], t["pesan"]) for t in temuan] \
        == [tuple("" if kosong(v) else v for v in b)
            for b in dari_rekap[["Tingkat", "Aturan", "Lembar", "Sel", "Pesan"]]
            .itertuples(index=False, name=None)]


def test_salinan_diubah_capaian_dan_pagu(tmp_path: Path, data: dict[str, Any]) -> None:
    berkas = bangun_workbook(tmp_path / "ubah.xlsm", data_dibetulkan(data))
    tabel = rkt_xl.rekap([berkas])
    pasangan = [(t, "21" if k == "1.2" else r) for k, t, r in SEED_EVALUASI]
    indikator = tabel["Indikator"].set_index("Kode")
    assert indikator.loc["1.2", "Capaian (%)"] == 50.0  # 21/42: typed 102,39 ignored
    assert indikator.loc["1.2", "Kategori"] == "Sangat Rendah"  # x ≤ 50
    ringkasan = tabel["Ringkasan"].iloc[0]
    assert ringkasan["Rata-rata Capaian (%)"] == pytest.approx(float(rata_rata(pasangan)),
                                                                rel=1e-15)
    assert dua_desimal(rata_rata(pasangan)) == "101,83"
    total = sum(sum(p) for p in SEED_PAGU_KEGIATAN.values())
    assert total == TOTAL_PAGU_DIBETULKAN
    assert ringkasan["Total Pagu"] == TOTAL_PAGU_DIBETULKAN
    assert str(tabel["Ringkasan"]["Total Pagu"].dtype) == "Int64"
    program = tabel["Program"].set_index("Kode Program")["Pagu Program"]
    assert {k: program[k] for k in SEED_PAGU_KEGIATAN} == \
        {k: sum(v) for k, v in SEED_PAGU_KEGIATAN.items()}
    # typed 519.857.85000 and 173.136.000 are not used
    assert program["1"] == 516_257_850 and program["2"] == 118_136_000


# -- the command line on a folder ------------------------------------------------------


def test_folder_xlsm_xlsx_dan_berkas_rusak(hasil_folder: tuple[Path, Path, Any, int]) -> None:
    _, keluar, data_json, kode = hasil_folder
    assert kode == 1  # a galat and an unreadable file
    ringkasan = data_json["Ringkasan"]
    assert [Path(b["Berkas"]).name for b in ringkasan] == \
        ["a_dinkop.xlsm", "b_naker.xlsx", "c_rusak.xlsm"]  # 110,56 > 101,83 > unreadable
    rusak = ringkasan[2]
    assert rusak["Status"].startswith("tidak terbaca: ") and len(rusak["Status"]) > 20
    for kolom in ("Nama OPD", "Tahun RKT", "Galat", "Peringatan", "Jumlah Indikator",
                  "Rata-rata Capaian (%)", "Kategori", "Total Pagu"):
        assert rusak[kolom] is None, kolom
    assert ringkasan[1]["Nama OPD"] == "Dinas Tenaga Kerja"
    assert ringkasan[1]["Total Pagu"] == TOTAL_PAGU_DIBETULKAN
    assert [t for t in data_json["Temuan"] if t["Berkas"] == rusak["Berkas"]] == [
        {"Berkas": rusak["Berkas"], "Tingkat": "galat", "Aturan": "berkas", "Lembar": None,
         "Sel": None, "Pesan": rusak["Status"].removeprefix("tidak terbaca: ")}]
    assert len(data_json["Indikator"]) == 2 * len(SEED_EVALUASI)
    assert len(data_json["Program"]) == 2 * len(SEED_PAGU_KEGIATAN)
    assert keluar.exists()


def test_json_sama_dengan_isi_buku(hasil_folder: tuple[Path, Path, Any, int]) -> None:
    _, keluar, data_json, _ = hasil_folder
    assert list(data_json) == list(HEADER)
    for lembar, header in HEADER.items():
        baris = baris_openpyxl(keluar, lembar)
        assert baris[0] == header
        isi = [r for r in baris[1:] if any(v is not None for v in r)]
        assert isi == [[b[h] for h in header] for b in data_json[lembar]], lembar
        for r in isi:  # numbers are number cells, Rupiah whole
            for h, v in zip(header, r, strict=True):
                if v is not None and h in BULAT:
                    assert type(v) is int, (h, v)
                elif v is not None and h in PECAHAN:
                    assert isinstance(v, (int, float)), (h, v)
                elif v is not None:
                    assert isinstance(v, str), (h, v)
    # pandas: the same values; dtypes asked for explicitly (read_excel would otherwise
    # turn the text Kode "1.1" into a number)
    for lembar, header in HEADER.items():
        dtype = {h: "Int64" if h in BULAT else "float64" if h in PECAHAN else "string"
                 for h in header}
        df = pd.read_excel(keluar, sheet_name=lembar, dtype=dtype)
        assert list(df.columns) == header
        dari_pandas = [[None if kosong(v) else v for v in b]
                       for b in df.itertuples(index=False, name=None)]
        assert dari_pandas == [[b[h] for h in header] for b in data_json[lembar]], lembar


def test_api_sama_dengan_cli(hasil_folder: tuple[Path, Path, Any, int]) -> None:
    folder, keluar, data_json, _ = hasil_folder
    tabel = rkt_xl.rekap([folder])
    assert list(tabel) == list(HEADER)
    for lembar, header in HEADER.items():
        df = tabel[lembar]
        assert list(df.columns) == header
        for h in header:
            harapan = "Int64" if h in BULAT else "float64" if h in PECAHAN else "string"
            assert str(df[h].dtype) == harapan, (lembar, h)
        api = [[None if kosong(v) else v for v in b] for b in df.itertuples(index=False,
                                                                          name=None)]
        assert api == [[b[h] for h in header] for b in data_json[lembar]], lembar
        dibaca = pd.read_excel(keluar, sheet_name=lembar,
                               dtype={h: str(df[h].dtype) for h in header})
        pd.testing.assert_frame_equal(dibaca, df, check_exact=True)


def test_masukan_tidak_berubah(folder_opd: Path, tmp_path: Path) -> None:
    sebelum = {p.name: (sha(p), p.stat().st_mtime_ns) for p in folder_opd.iterdir()}
    keluar = tmp_path / "rekap.xlsx"
    rekap_cli(str(folder_opd), "--ke", str(keluar), "--jobs", "2")
    rkt_xl.rekap([folder_opd])
    rkt_xl.baca(folder_opd / "a_dinkop.xlsm")
    sesudah = {p.name: (sha(p), p.stat().st_mtime_ns) for p in folder_opd.iterdir()}
    assert sesudah == sebelum  # same files, same bytes, not even touched


def test_nama_opd_ganda(tmp_path: Path, contoh_xlsm: Path) -> None:
    for nama in ("satu.xlsm", "dua.xlsm"):
        shutil.copyfile(contoh_xlsm, tmp_path / nama)
    r = rekap_cli(str(tmp_path / "satu.xlsm"), str(tmp_path / "dua.xlsm"), "--json")
    data_json = json.loads(r.stdout)
    ringkasan = data_json["Ringkasan"]
    assert [Path(b["Berkas"]).name for b in ringkasan] == ["satu.xlsm", "dua.xlsm"]
    assert ringkasan[0]["Nama OPD"] == ringkasan[1]["Nama OPD"] == NAMA_SEED
    assert str(tmp_path / "dua.xlsm") in ringkasan[0]["Status"]
    assert str(tmp_path / "satu.xlsm") in ringkasan[1]["Status"]
    assert len(data_json["Indikator"]) == 2 * len(SEED_EVALUASI)  # both kept, none merged


def test_jobs_dua_sama(folder_opd: Path) -> None:
    satu = rekap_cli(str(folder_opd), "--json")
    dua = rekap_cli(str(folder_opd), "--json", "--jobs", "2")
    assert satu.returncode == dua.returncode == 1
    assert json.loads(satu.stdout) == json.loads(dua.stdout)


# -- exit codes and refusals ------------------------------------------------------------


def test_kode_keluar(tmp_path: Path, data: dict[str, Any]) -> None:
    bersih = bangun_workbook(tmp_path / "bersih.xlsm", data_tanpa_galat(data))
    rusak = tmp_path / "rusak.xlsm"
    rusak.write_bytes(b"bukan")
    r = rekap_cli(str(bersih), "--json")
    assert r.returncode == 0, r.stdout
    assert json.loads(r.stdout)["Ringkasan"][0]["Galat"] == 0
    r = rekap_cli(str(bersih), str(rusak), "--ke", str(tmp_path / "r.xlsx"))
    assert r.returncode == 1
    assert "rusak.xlsm" in r.stderr
    r = rekap_cli(str(rusak), "--ke", str(tmp_path / "r2.xlsx"))
    assert r.returncode == 2  # no file could be read
    assert (tmp_path / "r2.xlsx").exists()  # the summary still says why
    assert rekap_cli(str(tmp_path / "tidak-ada.xlsm"), "--json").returncode == 2
    assert rekap_cli(str(bersih)).returncode == 2  # neither --ke nor --json
    assert rekap_cli(str(bersih), "--ke", str(tmp_path / "r.xlsm")).returncode == 2


def test_tujuan_terbuka_tidak_ditimpa(tmp_path: Path, contoh_xlsm: Path) -> None:
    keluar = tmp_path / "rekap.xlsx"
    assert rekap_cli(str(contoh_xlsm), "--ke", str(keluar)).returncode == 1
    isi = keluar.read_bytes()
    inode = keluar.stat().st_ino
    for kunci in (tmp_path / "~$rekap.xlsx", tmp_path / ".~lock.rekap.xlsx#"):
        kunci.write_bytes(b"")
        r = rekap_cli(str(contoh_xlsm), "--ke", str(keluar))
        assert r.returncode == 2
        assert "sedang dibuka" in r.stderr
        assert "tidak terbuka" in r.stderr and kunci.name in r.stderr  # what to do if stale
        assert keluar.read_bytes() == isi and keluar.stat().st_ino == inode
        kunci.unlink()
    assert rekap_cli(str(contoh_xlsm), "--ke", str(keluar)).returncode == 1
    assert keluar.stat().st_ino != inode  # replaced (atomically: a new file)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".rkt-xl-")] == []


def test_keluaran_bukan_masukan(tmp_path: Path, contoh_xlsm: Path) -> None:
    folder = tmp_path / "opd"
    folder.mkdir()
    shutil.copyfile(contoh_xlsm, folder / "a.xlsm")
    keluar = folder / "rekap.xlsx"
    assert rekap_cli(str(folder), "--ke", str(keluar)).returncode == 1
    # a second run finds last run's summary in the folder: skipped, not summarised
    r = rekap_cli(str(folder), "--ke", str(keluar), "--json")
    assert [Path(b["Berkas"]).name for b in json.loads(r.stdout)["Ringkasan"]] == ["a.xlsm"]
    # named as an input it would be overwritten: refused
    isi = (folder / "a.xlsm").read_bytes()
    r = rekap_cli(str(folder / "a.xlsm"), "--ke", str(folder / "a.xlsm"))
    assert r.returncode == 2 and (folder / "a.xlsm").read_bytes() == isi


# -- the summary workbook as a file -----------------------------------------------------

def lebar_kolom(ws: Any, kolom: int) -> float:
    """A column's width; adjacent columns of one width share a <col min max> entry."""
    for d in ws.column_dimensions.values():
        if d.min <= kolom <= d.max and d.customWidth:
            return float(d.width)
    raise AssertionError(f"kolom {kolom} tanpa lebar")


def atribut(e: Any, jalur: str, nama: str) -> str:
    anak = e.find(jalur, NS)
    assert anak is not None, jalur
    return str(anak.get(nama))


NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}


def test_format_dan_cetak(hasil_folder: tuple[Path, Path, Any, int]) -> None:
    _, keluar, data_json, _ = hasil_folder
    with zipfile.ZipFile(keluar) as z:
        nama = z.namelist()
        assert not [n for n in nama if "vba" in n.lower()]  # no macros
        chart = etree.fromstring(z.read("xl/charts/chart1.xml"))
    wb = openpyxl.load_workbook(keluar)
    assert wb.sheetnames == list(HEADER)
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        tabel = ws.tables[TABEL[ws.title]]
        assert tabel.autoFilter is not None and tabel.autoFilter.ref == tabel.ref
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.paperSize == 9  # A4
        pr = ws.sheet_properties.pageSetUpPr
        assert pr is not None and pr.fitToPage
        # one page wide (fitToWidth defaults to 1 in OOXML), as many pages tall as needed
        assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$1:$1"
        for k in range(1, ws.max_column + 1):
            assert 6 <= lebar_kolom(ws, k) <= 56
    ring = wb["Ringkasan"]
    kolom = {str(c.value): int(c.column or 0) for c in ring[1]}
    assert ring.cell(2, kolom["Rata-rata Capaian (%)"]).number_format == "0.00"
    assert ring.cell(3, kolom["Total Pagu"]).number_format == "#,##0"
    assert ring.cell(2, kolom["Tahun RKT"]).number_format == "0"
    # the Nama OPD column is fitted: wide enough for the seed's name on one line
    assert lebar_kolom(ring, kolom["Nama OPD"]) > len(NAMA_SEED) * 0.8
    assert wb["Indikator"].cell(2, 8).number_format == "0.00"
    assert wb["Program"].cell(2, 4).number_format == "#,##0"
    # the chart: bars over the table's own cells, one series per kategori band present
    assert atribut(chart, ".//c:barChart/c:barDir", "val") == "bar"
    seri = chart.findall(".//c:barChart/c:ser", NS)
    nama_seri = [s.findtext(".//c:tx//c:v", namespaces=NS) for s in seri]
    assert nama_seri == ["Sangat Tinggi"]  # 110,56 and 101,83
    n = sum(b["Rata-rata Capaian (%)"] is not None for b in data_json["Ringkasan"])
    assert seri[0].findtext("c:val/c:numRef/c:f", namespaces=NS) == f"Ringkasan!$H$2:$H${n + 1}"
    assert seri[0].findtext("c:cat/c:strRef/c:f", namespaces=NS) == f"Ringkasan!$B$2:$B${n + 1}"


def test_grafik_warna_per_kategori(tmp_path: Path, data: dict[str, Any]) -> None:
    """Three OPD in three bands: three series, each painting only its own bar."""
    berkas = []
    for i, (nama, rasio) in enumerate((("Dinas A", "1"), ("Dinas B", "0.8"),
                                       ("Dinas C", "0.4"))):
        d = copy.deepcopy(data)
        d["identitas"]["Nama OPD"] = nama
        for e in d["evaluasi"]:
            e["Realisasi"] = float(Fraction(str(e["Target"])) * Fraction(rasio))
        berkas.append(bangun_workbook(tmp_path / f"{i}.xlsm", d))
    keluar = tmp_path / "r.xlsx"
    rekap_cli(*map(str, reversed(berkas)), "--ke", str(keluar))
    assert [r[1] for r in baris_openpyxl(keluar, "Ringkasan")[1:]] == \
        ["Dinas A", "Dinas B", "Dinas C"]  # highest average first
    with zipfile.ZipFile(keluar) as z:
        chart = etree.fromstring(z.read("xl/charts/chart1.xml"))
    seri = chart.findall(".//c:barChart/c:ser", NS)
    assert [s.findtext(".//c:tx//c:v", namespaces=NS) for s in seri] == \
        ["Sangat Tinggi", "Tinggi", "Sangat Rendah"]
    warna = []
    for i, s in enumerate(seri):
        titik = {int(atribut(p, "c:idx", "val")): p for p in s.findall("c:dPt", NS)}
        assert sorted(titik) == [0, 1, 2]
        berisi = [j for j, p in titik.items() if p.find(".//{*}solidFill") is not None]
        assert berisi == [i]  # series i paints bar i only, the others are transparent
        warna.append(atribut(titik[i], ".//{*}srgbClr", "val"))
    assert len(set(warna)) == 3


def test_tanpa_capaian_dan_kosong(tmp_path: Path, data: dict[str, Any]) -> None:
    """A readable workbook without any capaian sorts after those with one and before
    unreadable files; with no average at all there is no chart, and empty tables stay
    valid tables."""
    d = copy.deepcopy(data)
    d["evaluasi"] = []
    tanpa = bangun_workbook(tmp_path / "tanpa.xlsm", d)
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(b"")
    keluar = tmp_path / "r.xlsx"
    r = rekap_cli(str(rusak), str(tanpa), "--ke", str(keluar), "--json")
    ringkasan = json.loads(r.stdout)["Ringkasan"]
    assert [Path(b["Berkas"]).name for b in ringkasan] == ["tanpa.xlsm", "rusak.xlsx"]
    assert ringkasan[0]["Jumlah Indikator"] == 0 and ringkasan[0]["Rata-rata Capaian (%)"] is None
    with zipfile.ZipFile(keluar) as z:
        assert not [n for n in z.namelist() if n.startswith("xl/charts/")]
    assert baris_openpyxl(keluar, "Indikator")[0] == HEADER["Indikator"]
    assert pd.read_excel(keluar, sheet_name="Indikator").empty


# -- rkt_xl.baca -------------------------------------------------------------------------


def test_baca(contoh_xlsm: Path) -> None:
    sebelum = sha(contoh_xlsm)
    tabel = rkt_xl.baca(contoh_xlsm)
    assert sha(contoh_xlsm) == sebelum
    kontrak = {  # DESIGN §3
        "Identitas": ["Kunci", "Nilai"],
        "Pengaturan": ["Kunci", "Nilai", "Keterangan"],
        "Sasaran": ["Kode", "Tujuan", "Indikator Tujuan", "Sasaran", "Indikator Sasaran",
                    "Satuan", "Polaritas", "Target Akhir Renstra", "Target"],
        "Evaluasi": ["Kode", "Indikator Sasaran", "Satuan", "Polaritas",
                     "Target Akhir Renstra", "Target", "Realisasi", "Capaian (%)", "Kategori"],
        "Program": ["Kode Program", "Program", "Indikator Program", "Target Program",
                    "Pagu Program"],
        "Kegiatan": ["Kode Program", "Kode Kegiatan", "Kegiatan", "Indikator Kegiatan",
                     "Target", "Satuan", "Pagu"],
    }
    assert {k: list(v.columns) for k, v in tabel.items()} == kontrak
    identitas = dict(zip(tabel["Identitas"]["Kunci"], tabel["Identitas"]["Nilai"],
                         strict=True))
    assert identitas["Nama OPD"] == NAMA_SEED and identitas["Tahun RKT"] == "2018"
    ev = tabel["Evaluasi"]
    assert str(ev["Capaian (%)"].dtype) == "float64" and str(ev["Kode"].dtype) == "string"
    for (_, t, r), nilai, tr in zip(SEED_EVALUASI, ev["Capaian (%)"], ev["Target"],
                                    strict=True):
        assert nilai == pytest.approx(float(capaian(t, r)), rel=1e-15)
        assert tr == float(t)
    assert list(ev["Kategori"]) == ["Sangat Tinggi"] * 6
    program = tabel["Program"].set_index("Kode Program")["Pagu Program"]
    assert str(program.dtype) == "Int64"
    assert program["2"] == sum(SEED_PAGU_KEGIATAN["2"])  # typed 173.136.000 not used
    assert program["10"] is pd.NA  # over "25.4500.000": unknown, not partial
    keg = tabel["Kegiatan"].set_index("Kode Kegiatan")
    assert str(keg["Pagu"].dtype) == "Int64"
    assert keg.loc["10.02", "Pagu"] is pd.NA and keg.loc["1.08", "Pagu"] == 263_065_050
    assert math.isnan(keg["Target"]["8.03"])  # "12ulan": not a number, not guessed
    sasaran = tabel["Sasaran"]
    assert sasaran["Tujuan"].notna().all()  # filled down ("same as above")


def test_baca_berkas_rusak(tmp_path: Path) -> None:
    rusak = tmp_path / "rusak.xlsm"
    rusak.write_bytes(b"bukan buku kerja")
    with pytest.raises(GalatRKT, match=r"rusak\.xlsm"):
        rkt_xl.baca(rusak)


# -- start-up stays light ------------------------------------------------------------------

IMPOR = """
import sys
sys.argv = ["rkt-xl", "--help"]
import rkt_xl
from rkt_xl.cli import main
try:
    main()
except SystemExit:
    pass
print("MODUL", sorted(m for m in sys.modules
                        if m.split(".")[0] in ("pandas", "xlsxwriter", "numpy")))
"""


def _modul(kode: str) -> list[str]:
    r = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True,
                       cwd=AKAR, timeout=120)
    assert r.returncode == 0, r.stderr
    baris = [b for b in r.stdout.splitlines() if b.startswith("MODUL ")]
    modul: list[str] = json.loads(baris[-1].removeprefix("MODUL ").replace("'", '"'))
    return modul


def test_help_tanpa_pandas() -> None:
    assert _modul(IMPOR) == []
    r = jalankan_cli("--help")
    assert "rekap" in r.stdout


def test_perintah_rekap_tanpa_pandas(contoh_xlsm: Path, tmp_path: Path) -> None:
    """The command writes rows, not DataFrames: pandas is for the Python API only."""
    kode = IMPOR.replace('"--help"', f'"rekap", {str(contoh_xlsm)!r}, "--ke", '
                                     f'{str(tmp_path / "r.xlsx")!r}, "--json"')
    modul = _modul(kode)
    assert (tmp_path / "r.xlsx").exists()
    assert "xlsxwriter" in modul  # the run did write the workbook …
    assert [m for m in modul if m.split(".")[0] in ("pandas", "numpy")] == []  # … without


def test_udf_tanpa_rekap() -> None:
    """``import rkt_xl.udfs`` adds nothing to what xlwings itself imports (xlwings
    imports pandas when it is installed; rkt_xl adds no pandas, no XlsxWriter)."""
    pola = ("import sys; import {0}; print('MODUL', sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('pandas', 'xlsxwriter') or m.startswith('rkt_xl.rekapan')))")
    assert _modul(pola.format("rkt_xl.udfs")) == _modul(pola.format("xlwings"))


# -- LibreOffice ------------------------------------------------------------------------


@pytest.mark.libreoffice
def test_terbuka_di_libreoffice(hasil_folder: tuple[Path, Path, Any, int],
                                tmp_path: Path) -> None:
    from rkt_xl import pdf

    soffice = pdf.cari_soffice()
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice/poppler tidak terpasang")
    _, keluar, _, _ = hasil_folder
    hasil = tmp_path / "pdf"
    hasil.mkdir()
    # id-ID, as rkt-xl pdf prints: the display formats show Indonesian separators
    pdf._jalankan(soffice, pdf._siapkan_profil(tmp_path / "profil"), keluar, hasil, keluar)
    berkas_pdf = hasil / "rekap.pdf"
    teks = _pdftotext(berkas_pdf)
    assert "110,56" in teks and "101,83" in teks  # the averages, 0.00 with a decimal comma
    assert "1.439.095.800" in teks  # Total Pagu, #,##0 grouped with dots
    assert "Rata-rata capaian kinerja per OPD" in teks  # the chart was drawn
    assert "tidak terbaca" in teks
    for nama in ("Ringkasan", "Indikator", "Program", "Temuan"):
        assert f"Rekap RKT — {nama}" in teks  # every sheet printed, with its footer
    halaman = subprocess.run(["pdfinfo", str(berkas_pdf)], capture_output=True, text=True,
                             timeout=60).stdout
    assert "595.3" in halaman.split("Page size:")[1].split("\n")[0]  # A4 …
    lebar, tinggi = (float(x) for x in halaman.split("Page size:")[1].split("pts")[0]
                     .split(" x "))
    assert lebar > tinggi  # … landscape


def _pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, timeout=60).stdout


# -- small pure parts -------------------------------------------------------------------


def test_urutan_ringkasan() -> None:
    from rkt_xl.rekapan.kumpul import HasilBerkas
    from rkt_xl.rekapan.tabel import urutkan

    h: Callable[..., HasilBerkas] = HasilBerkas
    daftar = [h("rusak1", tidak_terbaca="x"), h("tanpa"), h("rendah", rata_rata=40.0),
              h("rusak2", tidak_terbaca="y"), h("tinggi", rata_rata=120.5),
              h("sama", rata_rata=40.0)]
    assert [x.berkas for x in urutkan(daftar)] == \
        ["tinggi", "rendah", "sama", "tanpa", "rusak1", "rusak2"]


def test_lebar_kolom() -> None:
    from rkt_xl.rekapan.buku import lebar_kolom as lebar

    header = lebar("Kode", [], "teks")
    assert header >= 6.0
    assert lebar("Kode", ["1.1"], "teks") == header  # a short value: the header decides
    assert lebar("Kode", ["1.1.1.1.1.1.1.1"], "teks") > header
    assert lebar("Pesan", ["x" * 500], "teks-panjang") == 55.0  # capped, then it wraps
    assert lebar("Aturan", ["x" * 500], "teks") == 30.0


def test_skrip_gambar_ada() -> None:
    """The README screenshot and the script that makes it are in the repository."""
    assert (AKAR / "docs" / "gambar" / "rekap_ringkasan.png").stat().st_size > 10_000
    assert os.access(AKAR / "docs" / "gambar" / "buat_rekap.py", os.R_OK)


def test_bukan_buku_kerja_rkt(tmp_path: Path, contoh_xlsm: Path) -> None:
    """A spreadsheet that is not an RKT workbook (no contract table) in the folder: an
    unreadable row saying so, never written (DESIGN §4b)."""
    lain = tmp_path / "opd" / "anggaran_lain.xlsx"
    lain.parent.mkdir()
    wb = openpyxl.Workbook()
    ws = cast(Worksheet, wb.active)  # a new workbook always has its first sheet active
    ws.append(["Uraian", "Jumlah"])
    ws.append(["ATK", 1_000_000])
    wb.save(lain)
    shutil.copyfile(contoh_xlsm, lain.parent / "a.xlsm")
    sebelum = sha(lain)
    r = rekap_cli(str(lain.parent), "--json")
    assert r.returncode == 1, r.stderr
    ringkasan = json.loads(r.stdout)["Ringkasan"]
    baris = next(b for b in ringkasan if Path(b["Berkas"]).name == lain.name)
    assert "bukan buku kerja RKT" in baris["Status"]
    assert baris["Galat"] is None and baris["Total Pagu"] is None
    assert Path(ringkasan[-1]["Berkas"]).name == lain.name  # unreadable: last
    assert sha(lain) == sebelum
