"""pasang.cmd run by a real cmd interpreter: wine's (Debian ``wine64``), with stand-ins
for py.exe, python.exe and rkt-xl.exe compiled by mingw-w64 (``tests/wine/pengganti.c``),
since no Windows Python can be had here.

Skipped without them: ``apt-get install wine64 gcc-mingw-w64-x86-64-win32`` (~0.9 GB,
so neither ``make test`` nor CI installs them). wine's cmd is not Windows' (its ``where``
always succeeds, for one), so this checks the script's flow, jumps and quoting — the
choice of Python, the offline pip call, the check, the workbook, every failure path —
not Windows itself. ~30 s."""

from __future__ import annotations

import getpass
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import AKAR

WINE = shutil.which("wine64") or "/usr/lib/wine/wine64"
GCC = shutil.which("x86_64-w64-mingw32-gcc")

pytestmark = [
    pytest.mark.wine,
    pytest.mark.skipif(not (os.path.exists(WINE) and GCC),
                       reason="butuh wine64 dan gcc-mingw-w64-x86-64-win32 (Debian)"),
]

PYTHON_UJI = r"C:\Program Files (x86)\Py 3.12 (uji)\python.exe"  # ( ) and spaces on purpose


def _dist() -> object:
    spec = importlib.util.spec_from_file_location("dist_alat_wine", AKAR / "tools" / "dist.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = modul
    spec.loader.exec_module(modul)
    return modul


def _windows(p: Path) -> str:
    return "Z:" + str(p).replace("/", "\\")


@dataclass
class Wine:
    prefix: Path
    rilis: Path
    versi: str

    @property
    def c(self) -> Path:
        return self.prefix / "drive_c"

    def ke_unix(self, jalur: str) -> Path:
        assert jalur[:3].upper() == "C:\\"
        return self.c.joinpath(*jalur[3:].split("\\"))

    @property
    def rumah(self) -> Path:
        return self.c / "users" / getpass.getuser()

    def env(self, **tambahan: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("STUB_", "RKT_"))}
        env.update(WINEPREFIX=str(self.prefix), WINEDEBUG="-all", WINEPATH=r"C:\stub",
                   RKT_TANPA_JEDA="1", STUB_PYTHON=PYTHON_UJI, **tambahan)
        return env

    def jalankan(self, *argumen: str, **env: str) -> tuple[int, str, list[str]]:
        log = self.c / "stub" / "log.txt"
        log.unlink(missing_ok=True)
        r = subprocess.run([WINE, "cmd", "/c", _windows(self.rilis / "pasang.cmd"), *argumen],
                           capture_output=True, text=True, env=self.env(**env), timeout=180,
                           stdin=subprocess.DEVNULL)
        keluaran = (r.stdout + r.stderr).replace("\r", "")
        panggilan = log.read_text().replace("\r", "").splitlines() if log.exists() else []
        return r.returncode, keluaran, [p.strip() for p in panggilan]


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    akar = tmp_path_factory.mktemp("wine")
    exe = akar / "pengganti.exe"
    subprocess.run([str(GCC), "-O1", "-o", str(exe), str(AKAR / "tests/wine/pengganti.c")],
                   check=True, timeout=120)
    prefix = akar / "prefix"
    env = {**os.environ, "WINEPREFIX": str(prefix), "WINEDEBUG": "-all"}
    subprocess.run([WINE, "wineboot", "-i"], env=env, capture_output=True, timeout=300,
                   check=True)
    w = Wine(prefix, akar / "rilis", "")
    for tujuan in (r"C:\stub\py.exe", PYTHON_UJI, r"C:\stub\Scripts\rkt-xl.exe"):
        p = w.ke_unix(tujuan)
        p.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(exe, p)
    dist = _dist()
    w.versi = dist.versi_proyek()  # type: ignore[attr-defined]
    (w.rilis / "wheels").mkdir(parents=True)
    (w.rilis / "wheels" / f"rkt_xl-{w.versi}-py3-none-any.whl").write_bytes(b"")
    isi = dist.isi_zip(w.versi, [])  # type: ignore[attr-defined]
    (w.rilis / "pasang.cmd").write_bytes(isi["pasang.cmd"])
    yield w
    subprocess.run([WINE.replace("wine64", "wineserver"), "-k"], env=env,
                   capture_output=True, timeout=60, check=False)


@pytest.fixture
def bersih(wine: Wine) -> Wine:
    shutil.rmtree(wine.rumah / "RKT", ignore_errors=True)
    return wine


def test_berhasil(bersih: Wine) -> None:
    w = bersih
    kode, keluaran, panggilan = w.jalankan()
    assert kode == 0, keluaran
    assert "BERHASIL" in keluaran and "GAGAL" not in keluaran
    # 3.13 asked first (this launcher has only 3.12), then the 64-bit check of its python
    assert panggilan[0].startswith("py -3.13 ") and panggilan[1].startswith("py -3.12 ")
    assert panggilan[2].startswith(f'"{PYTHON_UJI}" -c "import struct, sys;')
    pasang = next(p for p in panggilan if " -m pip install " in p)
    assert pasang == (f'"{PYTHON_UJI}" -m pip install --no-index --find-links '
                      f'"{_windows(w.rilis / "wheels")}" --disable-pip-version-check '
                      f'--no-warn-script-location "rkt_xl=={w.versi}"')
    assert r'"C:\stub\Scripts\rkt-xl.exe" --version' in panggilan
    buku = w.rumah / "RKT" / "RKT.xlsm"
    bawaan = f"C:\\users\\{getpass.getuser()}\\RKT\\RKT.xlsm"
    assert panggilan[-1] == f'"{PYTHON_UJI}" -m rkt_xl baru "{bawaan}"'
    assert buku.read_bytes() == b"PK"
    assert "rkt-xl 0.1.0" in keluaran  # the answer to --version is shown, not swallowed


def test_buku_kerja_yang_ada_tidak_ditimpa(bersih: Wine) -> None:
    w = bersih
    buku = w.rumah / "RKT" / "RKT.xlsm"
    buku.parent.mkdir(parents=True)
    buku.write_bytes(b"milik pengguna")
    kode, keluaran, panggilan = w.jalankan()
    assert kode == 0, keluaran
    assert "TIDAK ditimpa" in keluaran
    assert not any(" -m rkt_xl baru " in p for p in panggilan)
    assert buku.read_bytes() == b"milik pengguna"


def test_python_3_13_didahulukan(bersih: Wine) -> None:
    kode, keluaran, panggilan = bersih.jalankan(STUB_PY="3.12 3.13")
    assert kode == 0, keluaran
    assert not any(p.startswith("py -3.12 ") for p in panggilan)


def test_jalur_dengan_ampersand_dan_kurung(bersih: Wine, tmp_path: Path) -> None:
    w = bersih
    tujuan = r"C:\Data Dinas (2026)\RKT & Co.xlsm"
    kode, keluaran, panggilan = w.jalankan(tujuan)
    assert kode == 0, keluaran
    assert "Can't recognize" not in keluaran and "is not recognized" not in keluaran
    assert panggilan[-1] == f'"{PYTHON_UJI}" -m rkt_xl baru "{tujuan}"'
    assert w.ke_unix(tujuan).read_bytes() == b"PK"
    shutil.rmtree(w.c / "Data Dinas (2026)")


def test_hanya_python_32_bit(bersih: Wine) -> None:
    kode, keluaran, panggilan = bersih.jalankan(STUB_CEK="3")
    assert kode == 1
    assert "GAGAL: Python 3.13 atau 3.12 (64-bit) tidak ditemukan." in keluaran
    assert not any(" -m pip " in p for p in panggilan)


def test_pip_gagal(bersih: Wine) -> None:
    kode, keluaran, panggilan = bersih.jalankan(STUB_PIP="1")
    assert kode == 1
    assert "GAGAL: pip tidak dapat memasang rkt_xl." in keluaran
    assert "Successfully installed" in keluaran  # pip's log is shown
    assert not any(" -m rkt_xl baru " in p for p in panggilan)
    assert not (bersih.rumah / "RKT").exists()


def test_tanpa_pip(bersih: Wine) -> None:
    kode, keluaran, panggilan = bersih.jalankan(STUB_PIP_ADA="1")
    assert kode == 1
    assert any(" -m ensurepip --default-pip" in p for p in panggilan)
    assert "GAGAL: pip tidak tersedia" in keluaran


def test_rkt_python_salah(bersih: Wine) -> None:
    kode, keluaran, panggilan = bersih.jalankan(RKT_PYTHON=r"C:\tidak\ada\python.exe")
    assert kode == 1
    assert 'GAGAL: RKT_PYTHON="C:\\tidak\\ada\\python.exe" bukan Python' in keluaran
    assert not any(p.startswith("py ") for p in panggilan)  # no search when one is named


def test_rkt_python_dipakai(bersih: Wine) -> None:
    kode, keluaran, panggilan = bersih.jalankan(RKT_PYTHON=PYTHON_UJI)
    assert kode == 0, keluaran
    assert not any(p.startswith("py ") for p in panggilan)


def test_tanpa_folder_wheels(wine: Wine, tmp_path: Path) -> None:
    salinan = tmp_path / "tanpa-wheels"
    salinan.mkdir()
    shutil.copyfile(wine.rilis / "pasang.cmd", salinan / "pasang.cmd")
    r = subprocess.run([WINE, "cmd", "/c", _windows(salinan / "pasang.cmd")],
                       capture_output=True, text=True, env=wine.env(), timeout=180,
                       stdin=subprocess.DEVNULL)
    assert r.returncode == 1
    assert "Ekstrak SELURUH isi berkas zip" in r.stdout
