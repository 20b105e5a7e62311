"""The command line end to end on the embedded example (issue "Done means")."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import rkt_xl
from tests.conftest import AKAR, bangun_workbook, jalankan_cli


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def temuan_json(*argumen: str) -> tuple[int, list[dict[str, Any]]]:
    r = jalankan_cli("validasi", "--json", *argumen)
    assert "Traceback" not in r.stderr + r.stdout
    return r.returncode, json.loads(r.stdout)


def test_contoh_tanpa_proses_lalu_validasi(tmp_path: Path) -> None:
    r = jalankan_cli("contoh", str(tmp_path), "--tanpa-proses")
    assert r.returncode == 0, r.stderr
    berkas = tmp_path / "RKT_Sinjai_2018.xlsm"
    sebelum = sha(berkas)
    kode, temuan = temuan_json(str(berkas))
    assert kode == 1  # galat exist
    assert sha(berkas) == sebelum  # validasi never writes

    def ada(aturan: str, lembar: str, sel: str) -> dict[str, Any]:
        cocok = [t for t in temuan if (t["aturan"], t["lembar"], t["sel"]) ==
                 (aturan, lembar, sel)]
        assert cocok, f"{aturan} di {lembar}!{sel} tidak dilaporkan"
        return cocok[0]

    c = ada("capaian-tidak-sesuai", "Evaluasi", "H3")
    assert "102,38" in c["pesan"]
    p = ada("pagu-program-tidak-sesuai", "Program", "E3")
    assert "55.000.000" in p["pesan"]
    assert "519.857.85000" in ada("angka-tidak-valid", "Program", "E2")["pesan"]
    assert "25.4500.000" in ada("angka-tidak-valid", "Kegiatan", "G28")["pesan"]
    renstra = ada("target-akhir-renstra", "Sasaran", "I6")
    assert "29" in renstra["pesan"] and "61" in renstra["pesan"]
    for t in temuan:
        assert set(t) == {"berkas", "tingkat", "aturan", "lembar", "sel", "pesan", "saran"}
        assert t["berkas"] == str(berkas)


def test_proses_menghitung_dan_idempoten(contoh_xlsm: Path) -> None:
    r = jalankan_cli("proses", str(contoh_xlsm))
    assert r.returncode == 1, r.stdout + r.stderr  # typed errors remain (invalid pagu)
    assert "Traceback" not in r.stdout + r.stderr
    wb = openpyxl.load_workbook(contoh_xlsm)
    ev = wb["Evaluasi"]
    assert ev["H3"].value == pytest.approx(43 / 42 * 100, abs=1e-12)
    assert ev["I3"].value == "Sangat Tinggi"
    prog = wb["Program"]
    assert prog["E3"].value == 118136000
    assert prog["E2"].value == 516257850
    assert prog["E9"].value is None  # Σ over an invalid amount is unknown, not partial
    for nama in ("Tabel 2.4", "Tabel 2.5", "Lampiran I", "Lampiran II", "Validasi"):
        assert wb[nama].max_row > 3
    pertama = contoh_xlsm.read_bytes()
    r2 = jalankan_cli("proses", str(contoh_xlsm))
    assert r2.returncode == 1
    assert contoh_xlsm.read_bytes() == pertama  # a second run changes no byte


def test_proses_tanpa_galat_keluar_nol(tmp_path: Path, data: dict[str, Any]) -> None:
    keg = {k["Kode Kegiatan"]: k for k in data["kegiatan"]}
    data["program"][0]["Pagu Program"] = None
    keg["10.02"]["Pagu"] = 25450000
    keg["8.03"].update(Target=12, Satuan="bulan")
    berkas = bangun_workbook(tmp_path / "bersih.xlsm", data)
    r = jalankan_cli("proses", str(berkas))
    assert r.returncode == 0, r.stdout
    kode, temuan = temuan_json(str(berkas))
    assert kode == 0
    assert not [t for t in temuan if t["tingkat"] == "galat"]
    wb = openpyxl.load_workbook(berkas)
    assert wb["Program"]["E9"].value == 86461000


def test_hitung_saja_tidak_membuat_lampiran(contoh_xlsm: Path) -> None:
    r = jalankan_cli("hitung", str(contoh_xlsm), "--json")
    hasil = json.loads(r.stdout)
    assert hasil[0]["disimpan"] is True
    # Only the Validasi sheet, which keeps the history of what Hitung changed.
    assert hasil[0]["lembar_dibuat"] == ["Validasi"]
    ubah = {(p["lembar"], p["sel"], p["kolom"]) for p in hasil[0]["perubahan"]}
    assert ("Evaluasi", "H3", "Capaian (%)") in ubah and ("Program", "E3", "Pagu Program") in ubah


def test_banyak_berkas_folder_dan_jobs(tmp_path: Path, contoh_xlsm: Path) -> None:
    folder = tmp_path / "opd"
    folder.mkdir()
    for i in range(3):
        shutil.copyfile(contoh_xlsm, folder / f"opd{i}.xlsm")
    (folder / "~$opd0.xlsm").write_bytes(b"lock")  # Excel's lock file is not a workbook
    r = jalankan_cli("validasi", str(folder), "--jobs", "2", "--json")
    temuan = json.loads(r.stdout)
    assert {Path(t["berkas"]).name for t in temuan} == {"opd0.xlsm", "opd1.xlsm", "opd2.xlsm"}
    r = jalankan_cli("proses", str(folder / "opd*.xlsm"), "--jobs", "2")
    # opd0 is "open in Excel" (its lock file exists): reported, not overwritten.
    assert r.returncode == 2
    assert "sedang dibuka" in r.stderr
    assert "Ringkasan" in r.stdout


def test_berkas_bukan_workbook_keluar_dua(tmp_path: Path) -> None:
    palsu = tmp_path / "palsu.xlsm"
    palsu.write_text("bukan zip")
    isi = palsu.read_bytes()
    r = jalankan_cli("proses", str(palsu))
    assert r.returncode == 2
    assert "bukan buku kerja Excel" in r.stderr and str(palsu) in r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    assert palsu.read_bytes() == isi
    r = jalankan_cli("validasi", str(tmp_path / "tidak-ada.xlsm"))
    assert r.returncode == 2 and "tidak ditemukan" in r.stderr


def test_ekspor_lalu_baru_dari(tmp_path: Path, contoh_xlsm: Path) -> None:
    data_json = tmp_path / "rkt.json"
    r = jalankan_cli("ekspor", str(contoh_xlsm), "--ke", str(data_json))
    assert r.returncode == 0, r.stderr
    baru = tmp_path / "baru.xlsm"
    r = jalankan_cli("baru", str(baru), "--dari", str(data_json))
    assert r.returncode == 0, r.stderr
    r2 = jalankan_cli("ekspor", str(baru))
    assert json.loads(r2.stdout) == json.loads(data_json.read_text())
    r = jalankan_cli("baru", str(baru))
    assert r.returncode == 2 and "sudah ada" in r.stderr


def test_baru_kosong_lolos_struktur(tmp_path: Path) -> None:
    berkas = tmp_path / "kosong.xlsm"
    assert jalankan_cli("baru", str(berkas)).returncode == 0
    _, temuan = temuan_json(str(berkas))
    assert not [t for t in temuan if t["aturan"] == "struktur"]
    assert {t["aturan"] for t in temuan} <= {"identitas-kosong"}
    r = jalankan_cli("proses", str(berkas))
    assert r.returncode == 0, r.stdout


PERINTAH = ("validasi", "hitung", "lampiran", "proses", "baru", "ekspor", "pdf", "contoh",
            "rekap")


def test_bantuan_dan_versi() -> None:
    r = jalankan_cli("--help")
    assert r.returncode == 0
    daftar = r.stdout.split("Perintah:")[1]
    baris = [b.split()[0] for b in daftar.splitlines() if b.startswith("  ") and b[2] != " "]
    assert tuple(baris) == PERINTAH  # all nine, in the documented order
    assert "Tampilkan versi lalu keluar." in r.stdout
    assert jalankan_cli("-h").stdout == r.stdout
    for opsi in ("--versi", "--version"):
        v = jalankan_cli(opsi)
        assert v.returncode == 0
        assert v.stdout == f"rkt-xl {rkt_xl.__version__}\n"


def test_tanpa_argumen_menampilkan_bantuan() -> None:
    r = jalankan_cli()
    assert r.returncode == 2
    assert "Pemakaian:" in r.stdout and all(p in r.stdout for p in PERINTAH)


def test_bantuan_perintah() -> None:
    r = jalankan_cli("proses", "--help")
    assert r.returncode == 0
    assert "BERKAS..." in r.stdout
    assert "Berkas .xlsm/.xlsx, folder, atau pola" in r.stdout
    assert "--json" in r.stdout and "--jobs" in r.stdout and "-j" in r.stdout
    r = jalankan_cli("baru", "-h")
    assert "--dari" in r.stdout and "--timpa" in r.stdout
    assert "Berkas .xlsm yang akan dibuat." in r.stdout
    r = jalankan_cli("contoh", "-h")
    assert "[FOLDER]" in r.stdout and "--tanpa-proses" in r.stdout


@pytest.mark.parametrize("perintah", ["validasi", "hitung", "lampiran", "proses", "pdf"])
def test_tanpa_berkas_keluar_dua(perintah: str) -> None:
    r = jalankan_cli(perintah)
    assert r.returncode == 2
    assert "BERKAS" in r.stderr and "Traceback" not in r.stderr
    assert r.stdout == ""


@pytest.mark.parametrize("jobs", ["0", "65", "dua"])
def test_jobs_di_luar_batas_keluar_dua(contoh_xlsm: Path, jobs: str) -> None:
    isi = contoh_xlsm.read_bytes()
    r = jalankan_cli("proses", str(contoh_xlsm), "--jobs", jobs)
    assert r.returncode == 2
    assert "--jobs" in r.stderr and "Traceback" not in r.stderr
    assert contoh_xlsm.read_bytes() == isi  # nothing was run


def test_perintah_tak_dikenal_keluar_dua() -> None:
    r = jalankan_cli("prosess", "x.xlsm")
    assert r.returncode == 2 and "prosess" in r.stderr


IMPOR = """
import sys
sys.argv = ["rkt-xl", *sys.argv[1:]]
from rkt_xl.cli import main
try:
    main()
except SystemExit as e:
    kode = e.code
print(repr(kode), sorted(m for m in sys.modules
                         if m.split(".")[0] in ("rich", "typer", "pydantic")))
"""


def test_proses_tanpa_terminal_tidak_mengimpor_rich(contoh_xlsm: Path) -> None:
    """Output into a pipe is plain text: neither rich (nor typer/pydantic) is imported,
    they would cost more start-up than processing a small workbook."""
    r = subprocess.run([sys.executable, "-c", IMPOR, "proses", str(contoh_xlsm)],
                       capture_output=True, text=True, cwd=AKAR, timeout=300)
    assert "Traceback" not in r.stderr, r.stderr
    assert r.stdout.splitlines()[-1] == "1 []"
    assert "Ringkasan" in r.stdout


def test_ringkasan_polos(tmp_path: Path, contoh_xlsm: Path) -> None:
    salinan = tmp_path / "salinan" / "RKT 2018.xlsm"
    salinan.parent.mkdir()
    shutil.copyfile(contoh_xlsm, salinan)
    r = jalankan_cli("proses", str(contoh_xlsm), str(tmp_path / "tidak-ada.xlsm"))
    assert r.returncode == 2
    assert r.stderr == f"galat: {tmp_path / 'tidak-ada.xlsm'}: berkas tidak ditemukan\n"
    assert "\x1b" not in r.stdout + r.stderr  # no colour codes in a pipe
    assert not any(c in r.stdout for c in "┏┃│━")  # no rich table
    baris = r.stdout.splitlines()
    i = baris.index("Ringkasan")
    kepala = baris[i + 1].split()
    assert kepala == ["Berkas", "Galat", "Peringatan", "Info", "Sel", "diubah", "Status"]
    ringkasan = baris[i + 2:]
    assert len(ringkasan) == 2
    # The counts agree with the JSON of the same run on an identical copy.
    j = json.loads(jalankan_cli("proses", "--json", str(salinan)).stdout)[0]
    angka = [str(j["galat"]), str(j["peringatan"]), str(j["info"]),
             str(len(j["perubahan"]))]
    hilang, ada = sorted(ringkasan, key=lambda b: str(contoh_xlsm) in b)
    assert hilang.split()[:5] == [str(tmp_path / "tidak-ada.xlsm"), "-", "-", "-", "-"]
    assert hilang.endswith("gagal (lihat pesan)")
    assert ada.startswith(str(contoh_xlsm) + " ")
    assert ada[len(str(contoh_xlsm)):].split()[:4] == angka
    assert ada.endswith("ada galat, disimpan")
    # Columns line up: every right-aligned count ends where its header ends.
    for kolom in ("Galat", "Peringatan", "Info", "Sel diubah"):
        akhir = baris[i + 1].index(kolom) + len(kolom)
        assert ada[akhir - 1] != " " and ada[akhir] == " "


def test_temuan_polos_satu_baris_per_temuan(contoh_xlsm: Path) -> None:
    r = jalankan_cli("validasi", str(contoh_xlsm))
    j = json.loads(jalankan_cli("validasi", "--json", str(contoh_xlsm)).stdout)
    baris = r.stdout.splitlines()
    assert baris[0] == f"Temuan — {contoh_xlsm}:"
    temuan = baris[1:baris.index("Ringkasan")]
    assert len(temuan) == len(j)
    for b, t in zip(temuan, j, strict=True):
        sel = f"{t['lembar']}!{t['sel']}" if t["sel"] else t["lembar"]
        assert b == f"  {t['tingkat']:<10} {t['aturan']:<26} {sel:<16} {t['pesan']}"


def test_contoh_polos(tmp_path: Path) -> None:
    r = jalankan_cli("contoh", str(tmp_path))
    assert r.returncode == 1, r.stderr  # like proses: the example holds galat by design
    baris = r.stdout.splitlines()
    assert baris[0] == f"Buku kerja contoh: {tmp_path / 'RKT_Sinjai_2018.xlsm'}"
    i = baris.index("2. Hitung mengubah")
    assert baris[i + 1].split() == ["Sel", "Semula", "Menjadi"]
    h3 = next(b for b in baris[i + 2:] if b.startswith("Evaluasi!H3 "))
    assert h3.split() == ["Evaluasi!H3", "102,39", "102,38"]
    assert "Ringkasan" in baris and "\x1b" not in r.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="butuh pty")
def test_terminal_memakai_rich(contoh_xlsm: Path) -> None:
    """On a terminal the output stays rich: tables with borders."""
    import pty

    induk, anak = pty.openpty()
    # Popen, read while it runs: a terminal's buffer is small, a child writing more
    # than it holds would wait for a reader forever.
    p = subprocess.Popen([sys.executable, "-m", "rkt_xl", "proses", str(contoh_xlsm)],
                         stdout=anak, stderr=anak, stdin=subprocess.DEVNULL, cwd=AKAR,
                         env={**os.environ, "COLUMNS": "200"})
    os.close(anak)
    keluar = b""
    while True:
        try:
            potong = os.read(induk, 65536)
        except OSError:  # EIO: the child side is closed
            break
        if not potong:
            break
        keluar += potong
    os.close(induk)
    p.wait(timeout=300)
    teks = keluar.decode()
    assert p.returncode == 1, teks
    assert "Traceback" not in teks
    assert "Ringkasan" in teks and "┏" in teks and "Sel diubah" in teks
