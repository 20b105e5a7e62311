"""Printing the four appendices to one PDF with headless LibreOffice.

The conversion tests are skipped only when soffice is absent; the error paths
(LibreOffice missing, failing, hanging) run everywhere with a stand-in program.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest

from rkt_xl import pdf, skema
from rkt_xl.galat import GalatBerkas
from rkt_xl.lampiran import bangun_semua, bangun_validasi
from rkt_xl.temuan import Temuan, Tingkat
from tests.test_render import buat_buku, contoh_rkt

ADA_SOFFICE = pdf.cari_soffice() is not None and shutil.which("pdftotext") is not None
perlu_soffice = pytest.mark.skipif(not ADA_SOFFICE, reason="LibreOffice/poppler tidak terpasang")


def _teks(path: Path, halaman: int | None = None) -> str:
    arg = ["-f", str(halaman), "-l", str(halaman)] if halaman else []
    return subprocess.run(["pdftotext", "-layout", *arg, str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def _halaman(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    return int(next(b.split()[-1] for b in info.splitlines() if b.startswith("Pages:")))


def _sidik(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def pdf_contoh(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """The example's four appendices + Validasi in an XlsxWriter workbook → PDF."""
    if not ADA_SOFFICE:
        pytest.skip("LibreOffice/poppler tidak terpasang")
    rkt, hasil = contoh_rkt()
    layouts = bangun_semua(rkt, hasil)
    temuan = [Temuan(Tingkat.GALAT, "angka-tidak-valid", "Kegiatan", "G28", "TEMUAN VALIDASI")]
    folder = tmp_path_factory.mktemp("pdf")
    berkas = folder / "RKT Sinjai 2018.xlsx"
    buat_buku(berkas, [*layouts, bangun_validasi(temuan)])
    sidik = _sidik(berkas)
    hasil_pdf = pdf.ke_pdf(berkas, folder / "keluar")
    assert _sidik(berkas) == sidik  # the user's file is never touched
    # Pages the builders planned: one per sheet plus one per manual break.
    rencana = sum(1 + len(lay.putus_baris) for lay in layouts)
    return berkas, hasil_pdf, rencana


@pytest.mark.libreoffice
@perlu_soffice
def test_satu_pdf_angka_indonesia(pdf_contoh: tuple[Path, Path, int]) -> None:
    berkas, hasil, rencana = pdf_contoh
    assert hasil == berkas.parent / "keluar" / "RKT Sinjai 2018.pdf"
    assert hasil.read_bytes().startswith(b"%PDF")
    assert _halaman(hasil) == rencana
    teks = _teks(hasil)
    for angka in ("102,38", "110,56", "118.136.000", "516.257.850", "84,03 %", "9.500 orang"):
        assert angka in teks, angka
    assert "102,39" not in teks and "173.136.000" not in teks
    assert "25.4500.000" in teks  # the invalid pagu is shown as typed, with its note
    for judul in ("Tabel 2.4", "Tabel 2.5", "Lampiran I:", "Lampiran II:"):
        assert judul in teks


@pytest.mark.libreoffice
@perlu_soffice
def test_hanya_empat_lampiran(pdf_contoh: tuple[Path, Path, int]) -> None:
    _, hasil, _ = pdf_contoh
    teks = _teks(hasil)
    assert "ISI LEMBAR IDENTITAS" not in teks  # input sheets
    assert "TEMUAN VALIDASI" not in teks and "Hasil Validasi" not in teks
    assert "Contoh" not in teks  # the _Gaya catalogue


@pytest.mark.libreoffice
@perlu_soffice
def test_header_tabel_berulang(pdf_contoh: tuple[Path, Path, int]) -> None:
    _, hasil, _ = pdf_contoh
    halaman_2_5 = [i for i in range(1, _halaman(hasil) + 1)
                   if "Target/" in _teks(hasil, i) and "Satuan" in _teks(hasil, i)]
    assert len(halaman_2_5) >= 2  # Tabel 2.5 spans pages, each with its header
    for i in halaman_2_5:
        assert "Pagu Indikatif" in _teks(hasil, i)


@pytest.mark.libreoffice
@perlu_soffice
def test_ke_folder_bawaan_dan_buku_tanpa_lampiran(tmp_path: Path) -> None:
    rkt, hasil = contoh_rkt()
    berkas = tmp_path / "satu.xlsx"
    buat_buku(berkas, [bangun_semua(rkt, hasil)[2]])  # Lampiran I only
    keluar = pdf.ke_pdf(berkas)
    assert keluar == tmp_path / "satu.pdf" and "102,38" in _teks(keluar)
    kosong = tmp_path / "kosong.xlsx"
    buat_buku(kosong, [bangun_validasi([])])
    with pytest.raises(GalatBerkas, match="tidak ada lembar lampiran"):
        pdf.ke_pdf(kosong)


@pytest.mark.libreoffice
@pytest.mark.lambat
@perlu_soffice
def test_buku_kerja_templat_lewat_alur(contoh_xlsm: Path, tmp_path: Path) -> None:
    """The real path: template workbook → `proses` (file engine) → PDF."""
    from rkt_xl.operasi import proses_satu

    hasil = proses_satu(str(contoh_xlsm), "proses")
    assert hasil.galat is None, hasil.galat
    keluar = pdf.ke_pdf(contoh_xlsm, tmp_path / "pdf")
    teks = _teks(keluar)
    assert "102,38" in teks and "118.136.000" in teks and "110,56" in teks
    assert "Hasil Validasi" not in teks


# -- error paths: no LibreOffice needed ----------------------------------------------------
def _program(tmp_path: Path, isi: str) -> str:
    path = tmp_path / "soffice-palsu"
    path.write_text(f"#!/bin/sh\n{isi}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


@pytest.fixture
def buku_kecil(tmp_path: Path) -> Path:
    rkt, hasil = contoh_rkt()
    berkas = tmp_path / "kecil.xlsx"
    buat_buku(berkas, bangun_semua(rkt, hasil))
    return berkas


def test_tanpa_libreoffice(monkeypatch: pytest.MonkeyPatch, buku_kecil: Path) -> None:
    monkeypatch.setattr(pdf, "cari_soffice", lambda: None)
    with pytest.raises(GalatBerkas) as e:
        pdf.ke_pdf(buku_kecil)
    assert str(e.value) == ("LibreOffice tidak ditemukan; pasang dengan: "
                            "apt-get install libreoffice-calc-nogui")


@pytest.mark.skipif(os.name != "posix", reason="skrip sh")
def test_konversi_gagal(monkeypatch: pytest.MonkeyPatch, buku_kecil: Path,
                        tmp_path: Path) -> None:
    palsu = _program(tmp_path, 'echo "Error: source file could not be loaded" >&2; exit 1')
    monkeypatch.setattr(pdf, "cari_soffice", lambda: palsu)
    with pytest.raises(GalatBerkas, match="konversi ke PDF gagal: Error: source file"):
        pdf.ke_pdf(buku_kecil)
    assert not (buku_kecil.parent / "kecil.pdf").exists()


@pytest.mark.skipif(os.name != "posix", reason="skrip sh")
def test_tanpa_keluaran(monkeypatch: pytest.MonkeyPatch, buku_kecil: Path,
                        tmp_path: Path) -> None:
    monkeypatch.setattr(pdf, "cari_soffice", lambda: _program(tmp_path, "exit 0"))
    with pytest.raises(GalatBerkas, match="tidak menghasilkan PDF"):
        pdf.ke_pdf(buku_kecil)


@pytest.mark.skipif(os.name != "posix", reason="skrip sh")
def test_batas_waktu(monkeypatch: pytest.MonkeyPatch, buku_kecil: Path,
                     tmp_path: Path) -> None:
    tanda = tmp_path / "anak.pid"
    # The child sleeps in the background, like soffice.bin under its launcher script.
    palsu = _program(tmp_path, f"sleep 30 & echo $! > {tanda}; wait")
    monkeypatch.setattr(pdf, "cari_soffice", lambda: palsu)
    monkeypatch.setattr(pdf, "BATAS_WAKTU", 1)
    with pytest.raises(GalatBerkas, match="tidak selesai dalam 1 detik"):
        pdf.ke_pdf(buku_kecil)
    assert not _hidup(int(tanda.read_text()))  # the whole process group was stopped


def _hidup(pid: int) -> bool:
    """True while ``pid`` runs (a killed child not yet reaped is a zombie: dead)."""
    for _ in range(50):
        try:
            keadaan = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return False
        if keadaan in ("Z", "X"):
            return False
        time.sleep(0.1)
    return True


def test_bukan_buku_kerja(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(pdf, "cari_soffice", lambda: "/bin/true")
    palsu = tmp_path / "bukan.xlsx"
    palsu.write_text("bukan zip")
    with pytest.raises(GalatBerkas, match="bukan buku kerja"):
        pdf.ke_pdf(palsu)


def test_salinan_menyembunyikan_lembar_lain(buku_kecil: Path) -> None:
    import io
    import zipfile

    from lxml import etree

    from rkt_xl.engine.file.paket import M, Paket

    data = pdf._hanya_lampiran(Paket(buku_kecil))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        wb = etree.fromstring(zf.read("xl/workbook.xml"))
    keadaan = {s.get("name"): s.get("state") for s in wb.iter(M + "sheet")}
    assert keadaan == {"Identitas": "hidden", **dict.fromkeys(skema.LEMBAR_LAMPIRAN),
                       skema.GAYA: "hidden"}
    assert next(wb.iter(M + "workbookView")).get("activeTab") == "1"
