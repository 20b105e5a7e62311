"""Workbooks filled through the contract with cases the seed does not have: the values
of DESIGN §4 come out exactly (positive/negative, both formulas, caps, zero targets,
text numbers, sums of hundreds of billions of Rupiah)."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import bangun_workbook, jalankan_cli
from tests.isi_kontrak import isi_tabel

IDENTITAS = [{"Kunci": k, "Nilai": v} for k, v in {
    "Nama OPD": "Dinas Uji", "Pemerintah Daerah": "Kota Uji", "Tahun RKT": 2024,
    "Periode Renstra": "2021-2026", "Nama Kepala": "Budi",
    "NIP Kepala": "19800101 200501 1 001",
    "Jabatan Kepala": "Kepala Dinas", "Tempat": "Uji", "Tanggal": "2 Januari 2024"}.items()]


def _ev(kode: str, t: Any, r: Any, pol: str = "Positif") -> dict[str, Any]:
    return {"Kode": kode, "Indikator Sasaran": f"Indikator {kode}", "Satuan": "%",
            "Polaritas": pol, "Target Akhir Renstra": 100, "Target": t, "Realisasi": r}


@pytest.fixture
def kosong(tmp_path: Path) -> Path:
    return bangun_workbook(tmp_path / "uji.xlsm", None)


def _proses(path: Path) -> tuple[int, list[dict[str, Any]]]:
    r = jalankan_cli("proses", str(path), "--json")
    assert "Traceback" not in r.stdout + r.stderr
    return r.returncode, json.loads(r.stdout)[0]["temuan"]


def _kolom(path: Path, lembar: str, huruf: str, n: int) -> list[Any]:
    ws = openpyxl.load_workbook(path)[lembar]
    return [ws[f"{huruf}{i}"].value for i in range(2, 2 + n)]


@pytest.mark.parametrize(("rumus", "batas"), [("2T-R", None), ("T/R", None), ("2T-R", 120),
                                              ("T/R", 100)])
def test_capaian_tepat(kosong: Path, rumus: str, batas: int | None) -> None:
    baris = [_ev("1", 80, 100), _ev("2", 10, 8, "Negatif"), _ev("3", 10, 30, "Negatif"),
             _ev("4", 0, 0, "Negatif"), _ev("5", 0, 5), _ev("6", "84,03", "86,82"),
             _ev("7", 3, 1, "negatif"), _ev("8", 50, None), _ev("9", 7, 7.5)]
    isi_tabel(kosong, {
        "tblIdentitas": IDENTITAS, "tblEvaluasi": baris,
        "tblPengaturan": [{"Kunci": "Rumus Indikator Negatif", "Nilai": rumus},
                          {"Kunci": "Batas Capaian Maksimum", "Nilai": batas},
                          {"Kunci": "Skala Kategori", "Nilai": "Permendagri 86/2017"}]})
    _, temuan = _proses(kosong)
    D = Decimal
    negatif: Callable[[Decimal, Decimal], Decimal] = {  # (T, R) → capaian by formula
        "2T-R": lambda t, r: max(D(0), (2 * t - r) / t * 100),
        "T/R": lambda t, r: t / r * 100,
    }[rumus]
    harap = [D(125), negatif(D(10), D(8)), negatif(D(10), D(30)), D(100), None,
             D("86.82") / D("84.03") * 100, negatif(D(3), D(1)), None, D("7.5") / 7 * 100]
    if batas is not None:
        harap = [None if h is None else min(h, D(batas)) for h in harap]
    nyata = _kolom(kosong, "Evaluasi", "H", len(baris))
    for h, n in zip(harap, nyata, strict=True):
        if h is None:
            assert n is None
        else:
            assert n == pytest.approx(float(h), rel=1e-15, abs=1e-12)
    kategori = _kolom(kosong, "Evaluasi", "I", len(baris))
    assert kategori[4] is None and kategori[7] is None
    assert kategori[0] == "Sangat Tinggi"
    aturan = {(t["aturan"], t["sel"]) for t in temuan}
    assert ("target-nol", "F6") in aturan
    assert ("wajib-diisi", "G9") in aturan
    assert ("angka-teks", "F7") in aturan  # "84,03" typed as text, read as 84,03


def test_pagu_ratusan_miliar(kosong: Path) -> None:
    pagu = [987_654_321_987, 123_456_789_013, "Rp 250.000.000.000", 1]
    isi_tabel(kosong, {
        "tblIdentitas": IDENTITAS,
        "tblProgram": [{"Kode Program": "1.01", "Program": "A", "Indikator Program": "x",
                        "Target Program": "100%"},
                       {"Kode Program": "1.02", "Program": "B", "Indikator Program": "y",
                        "Target Program": "100%"}],
        "tblKegiatan": [{"Kode Program": "1.01" if i < 3 else "1.02",
                         "Kode Kegiatan": f"K{i}", "Kegiatan": "k", "Indikator Kegiatan": "i",
                         "Target": 1, "Satuan": "dok", "Pagu": p} for i, p in enumerate(pagu)]})
    _proses(kosong)
    assert _kolom(kosong, "Program", "E", 2) == [
        987_654_321_987 + 123_456_789_013 + 250_000_000_000, 1]
    ws = openpyxl.load_workbook(kosong)["Tabel 2.5"]
    angka = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, int)]
    assert 987_654_321_987 + 123_456_789_013 + 250_000_000_000 + 1 in angka  # Jumlah


def test_baris_di_bawah_tabel_ikut_dibaca(kosong: Path) -> None:
    isi_tabel(kosong, {"tblIdentitas": IDENTITAS, "tblEvaluasi": [_ev("1", 80, 100)]})
    wb = openpyxl.load_workbook(kosong, keep_vba=True)
    wb["Evaluasi"].append(["2", "Indikator 2", "%", "Positif", 100, 50, 25])
    wb.save(kosong)
    r = jalankan_cli("validasi", str(kosong), "--json")
    assert ("baris-di-luar-tabel", "A3") in {(t["aturan"], t["sel"]) for t in
                                             json.loads(r.stdout)}
    _, temuan = _proses(kosong)
    assert _kolom(kosong, "Evaluasi", "H", 2) == [125, 50]
    # The table now holds the row, as Excel would have grown it; the finding is gone
    # and the history on the Validasi sheet says so.
    assert openpyxl.load_workbook(kosong)["Evaluasi"].tables["tblEvaluasi"].ref == "A1:I3"
    assert "baris-di-luar-tabel" not in {t["aturan"] for t in temuan}
