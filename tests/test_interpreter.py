"""``Interpreter_Win``: a workbook made by ``rkt-xl baru`` on Windows names the
pythonw.exe of the Python that made it; elsewhere (and in the template) it stays empty
(issue 15). The Windows branch runs here through its parameters (platform, executable,
file check), not through a mocked xlwings or a patched sys."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl

from rkt_xl.templat import LEMBAR_XLWINGS, bangun
from rkt_xl.templat.interpreter import pythonw_untuk
from tests.conftest import AKAR, jalankan_cli

PYTHON_WIN = r"C:\Users\Budi Santoso\AppData\Local\Programs\Python\Python313\python.exe"
PYTHONW_WIN = r"C:\Users\Budi Santoso\AppData\Local\Programs\Python\Python313\pythonw.exe"


def test_windows_pythonw_di_samping_python() -> None:
    dicek: list[str] = []

    def ada(p: str) -> bool:
        dicek.append(p)
        return True

    assert pythonw_untuk("win32", PYTHON_WIN, ada) == PYTHONW_WIN
    assert dicek == [PYTHONW_WIN]
    venv = r"D:\rkt\.venv\Scripts\python.exe"
    assert pythonw_untuk("win32", venv, ada) == r"D:\rkt\.venv\Scripts\pythonw.exe"


def test_windows_tanpa_pythonw_memakai_python_itu_sendiri() -> None:
    assert pythonw_untuk("win32", PYTHON_WIN, lambda _p: False) == PYTHON_WIN


def test_windows_sudah_pythonw() -> None:
    assert pythonw_untuk("win32", PYTHONW_WIN, lambda _p: False) == PYTHONW_WIN


def test_selain_windows_kosong() -> None:
    assert pythonw_untuk("linux", "/usr/bin/python3") is None
    assert pythonw_untuk("darwin", "/usr/local/bin/python3") is None
    assert pythonw_untuk("win32", "") is None  # sys.executable may be empty


def _interpreter_win(isi: bytes) -> object:
    lembar = openpyxl.load_workbook(io.BytesIO(isi))[LEMBAR_XLWINGS]
    assert lembar["A1"].value == "Interpreter_Win"
    return lembar["B1"].value


def test_buku_kerja_windows_berisi_pythonw() -> None:
    buf = io.BytesIO()
    bangun(buf, None, interpreter_win=PYTHONW_WIN)
    assert _interpreter_win(buf.getvalue()) == PYTHONW_WIN


def test_templat_tetap_kosong_dan_sama() -> None:
    """Without an interpreter the build is the committed template, byte for byte."""
    buf = io.BytesIO()
    bangun(buf, None)
    assert _interpreter_win(buf.getvalue()) is None
    assert buf.getvalue() == (AKAR / "workbook" / "RKT_template.xlsm").read_bytes()


def test_baru_di_linux_tidak_mengisi_interpreter(tmp_path: Path) -> None:
    berkas = tmp_path / "RKT.xlsm"
    r = jalankan_cli("baru", str(berkas))
    assert r.returncode == 0, r.stderr
    assert _interpreter_win(berkas.read_bytes()) is None
    with zipfile.ZipFile(berkas) as z:  # a workbook, not the template bytes by accident
        assert "xl/vbaProject.bin" in z.namelist()
