"""The command line speaks Indonesian throughout (click's English included), its
--json output is always valid JSON, and `contoh` behaves like `baru` and `proses`
(issue 15)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AKAR, jalankan_cli

# Words of click's own English texts (help, usage and option errors, hints).
INGGRIS = re.compile(
    r"\b(Usage|Options|Commands|Arguments|Positional|Error|Try|Missing|No such|Invalid"
    r"|is not|not in the range|valid integer|requires an argument|does not take"
    r"|unexpected extra|Did you mean|Show this message|Show the version|default"
    r"|required|Aborted|for help)\b")

SALAH_PAKAI = [
    (),                                    # no command: help, exit 2
    ("prosess", "x.xlsm"),                 # unknown command
    ("proses",),                           # missing argument
    ("proses", "x.xlsm", "--jobs", "0"),   # out of range
    ("proses", "x.xlsm", "--jobs", "65"),
    ("proses", "x.xlsm", "--jobs", "dua"),  # not a number
    ("proses", "x.xlsm", "--jobs"),        # option without its value
    ("proses", "x.xlsm", "--json=ya"),     # a flag given a value
    ("proses", "x.xlsm", "--jbos", "2"),   # unknown option, with a suggestion
    ("--tidak-ada",),                      # unknown option of the group
    ("baru", "a.xlsm", "b.xlsm"),          # extra argument
    ("ekspor", "x.xlsm", "--ke"),
    ("contoh", "--tanpa-proses", "a", "b"),
]


@pytest.mark.parametrize("argumen", SALAH_PAKAI, ids=lambda a: " ".join(a) or "kosong")
def test_salah_pakai_berbahasa_indonesia(argumen: tuple[str, ...]) -> None:
    r = jalankan_cli(*argumen)
    assert r.returncode == 2, r.stdout + r.stderr
    teks = r.stdout + r.stderr
    assert "Traceback" not in teks
    assert not INGGRIS.search(teks), teks
    assert "Pemakaian:" in teks
    if argumen:
        assert r.stderr.startswith("galat: "), r.stderr
        assert "--help' untuk bantuan." in r.stderr


def test_pesan_salah_pakai() -> None:
    """Each message names what is wrong, as the user typed it."""
    def galat(*argumen: str) -> str:
        return jalankan_cli(*argumen).stderr.splitlines()[0]

    assert galat("prosess") == \
        "galat: perintah tidak dikenal: 'prosess'. Mungkin maksud Anda: proses?"
    assert galat("proses") == "galat: argumen BERKAS... belum diisi."
    assert galat("proses", "x", "-j", "0") == \
        "galat: opsi -j, --jobs: 0 di luar rentang 1 sampai 64."
    assert galat("proses", "x", "-j", "dua") == \
        "galat: opsi -j, --jobs: 'dua' bukan bilangan bulat."
    assert galat("proses", "x", "--jobs") == "galat: opsi --jobs memerlukan nilai."
    assert galat("proses", "x", "--json=ya") == "galat: opsi --json tidak menerima nilai."
    assert galat("proses", "x", "--jbos", "2").startswith(
        "galat: opsi tidak dikenal: --jbos. Mungkin maksud Anda: --jobs")
    assert galat("baru", "a.xlsm", "b.xlsm") == "galat: argumen berlebih: b.xlsm"


@pytest.mark.parametrize("perintah", [(), ("validasi",), ("hitung",), ("lampiran",),
                                      ("proses",), ("baru",), ("ekspor",), ("pdf",),
                                      ("contoh",)], ids=lambda p: " ".join(p) or "rkt-xl")
def test_bantuan_berbahasa_indonesia(perintah: tuple[str, ...]) -> None:
    r = jalankan_cli(*perintah, "--help")
    assert r.returncode == 0
    assert r.stdout.startswith("Pemakaian: ")
    assert "Opsi:" in r.stdout and "Tampilkan bantuan ini lalu keluar." in r.stdout
    assert not INGGRIS.search(r.stdout), r.stdout
    assert r.stderr == ""


def test_versi() -> None:
    for opsi in ("--versi", "--version"):
        r = jalankan_cli(opsi)
        assert (r.returncode, r.stderr) == (0, "")
        assert re.fullmatch(r"rkt-xl \d+\.\d+\.\d+\S*\n", r.stdout)


# ---------------------------------------------------------------------------------------
# --json: valid JSON on stdout whatever happens.

def test_json_satu_berkas_hilang(tmp_path: Path) -> None:
    hilang = str(tmp_path / "tidak-ada.xlsm")
    r = jalankan_cli("validasi", "--json", hilang)
    assert r.returncode == 2
    assert json.loads(r.stdout) == [{
        "berkas": hilang, "tingkat": "galat", "aturan": "berkas", "lembar": "", "sel": "",
        "pesan": f"{hilang}: berkas tidak ditemukan", "saran": ""}]
    assert "berkas tidak ditemukan" in r.stderr
    for perintah in ("hitung", "lampiran", "proses"):
        r = jalankan_cli(perintah, "--json", hilang)
        assert r.returncode == 2
        assert json.loads(r.stdout) == [{
            "berkas": hilang, "perintah": perintah, "status": "gagal",
            "pesan": f"{hilang}: berkas tidak ditemukan"}]


@pytest.mark.parametrize("argumen", [("proses", "--json", "x.xlsm", "--jobs", "0"),
                                     ("validasi", "--json"),
                                     ("validasi", "--json", "x.xlsm", "--tidak-ada")])
def test_json_salah_pakai_objek(argumen: tuple[str, ...]) -> None:
    r = jalankan_cli(*argumen)
    assert r.returncode == 2
    objek = json.loads(r.stdout)
    assert objek["status"] == "gagal" and objek["kode"] == 2
    assert objek["pesan"] and objek["pesan"] in r.stderr
    assert objek["saran"].endswith("--help' untuk bantuan.")


def test_json_contoh_tidak_ditimpa(tmp_path: Path) -> None:
    assert jalankan_cli("contoh", str(tmp_path), "--tanpa-proses").returncode == 0
    r = jalankan_cli("contoh", str(tmp_path), "--json")
    assert r.returncode == 2
    objek = json.loads(r.stdout)
    assert objek["status"] == "gagal" and "sudah ada" in objek["pesan"]


# ---------------------------------------------------------------------------------------
# contoh: no silent overwrite; exit code like proses.

def test_contoh_tidak_menimpa_tanpa_timpa(tmp_path: Path) -> None:
    r = jalankan_cli("contoh", str(tmp_path), "--tanpa-proses")
    assert r.returncode == 0, r.stderr
    berkas = tmp_path / "RKT_Sinjai_2018.xlsm"
    berkas.write_bytes(b"diubah pengguna")
    r = jalankan_cli("contoh", str(tmp_path))
    assert r.returncode == 2
    assert "sudah ada" in r.stderr and "--timpa" in r.stderr
    assert berkas.read_bytes() == b"diubah pengguna"  # untouched
    r = jalankan_cli("contoh", str(tmp_path), "--timpa", "--json")
    assert r.returncode == 1, r.stderr  # like proses: the example holds galat by design
    ringkasan = json.loads(r.stdout)
    assert ringkasan["status"] == "galat" and ringkasan["galat"] > 0
    assert berkas.read_bytes()[:2] == b"PK"


# ---------------------------------------------------------------------------------------
# Start-up: help and usage errors import click and nothing heavy.

IMPOR = """
import sys
sys.argv = ["rkt-xl", *sys.argv[1:]]
from rkt_xl.cli import main
try:
    main()
except SystemExit as e:
    kode = e.code
berat = sorted({m.split(".")[0] for m in sys.modules} & {"rich", "pandas", "lxml", "numpy",
               "openpyxl", "xlsxwriter", "xlwings"})
print(repr(kode), berat, file=sys.stderr)
"""


@pytest.mark.parametrize("argumen", [("--help",), ("proses", "--help"), ("proses",),
                                     ("--versi",)])
def test_awal_cepat_tanpa_impor_berat(argumen: tuple[str, ...]) -> None:
    r = subprocess.run([sys.executable, "-c", IMPOR, *argumen], capture_output=True,
                       text=True, cwd=AKAR, timeout=60)
    assert r.stderr.splitlines()[-1].endswith(" []"), r.stderr
