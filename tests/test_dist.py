"""The offline Windows release (issue 15), built by the real ``tools/dist.py``.

The zip's ``wheels/`` must install rkt_xl on 64-bit Windows with Python 3.12 and 3.13
without any network: checked with pip's own resolver restricted to that folder, and,
since pip evaluates environment markers for the machine it runs on (Linux here), by
closing every wheel's ``Requires-Dist`` under Windows markers independently of
tools/dist.py. ``pasang.cmd`` cannot run here as on Windows (no Windows Python can be
had, and PowerShell is in none of the registries this project reaches), so its structure
is checked: labels, jumps, variables, quoting, line endings; tests/test_pasang_wine.py
runs its flow under wine's cmd where wine is installed (``make wine``).

Network: the first run downloads the pinned wheels (tools/windows/kunci.txt, ~75 MB)
into ``.cache/wheels`` (ignored by git); later runs resolve from that cache offline.
~45 s the first time, ~25 s after."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import cast

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

from tests.conftest import AKAR

pytestmark = pytest.mark.dist

VERSI = re.search(r'^version = "(.+)"', (AKAR / "pyproject.toml").read_text(),
                  re.MULTILINE).group(1)  # type: ignore[union-attr]
FOLDER = f"rkt_xl-{VERSI}-windows"
PYTHON = ("3.12", "3.13")


def _bangun(keluar: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "tools/dist.py", "--keluar", str(keluar)],
                          cwd=AKAR, capture_output=True, text=True, timeout=1200)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    keluar = tmp_path_factory.mktemp("dist")
    r = _bangun(keluar)
    assert r.returncode == 0, r.stderr[-4000:]
    return keluar


@pytest.fixture(scope="module")
def rilis(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip, extracted as a user would."""
    tujuan = tmp_path_factory.mktemp("ekstrak")
    with zipfile.ZipFile(dist / f"{FOLDER}.zip") as z:
        z.extractall(tujuan)
    return tujuan / FOLDER


def _pip_luring(*argumen: str) -> subprocess.CompletedProcess[str]:
    # No pip configuration and no PIP_* variable: nothing but the folder named.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    return subprocess.run([sys.executable, "-m", "pip", *argumen], capture_output=True,
                          text=True, env=env, timeout=300)


def _tag_windows(py: str) -> set[Tag]:
    versi = tuple(int(x) for x in py.split("."))
    return {*cpython_tags(versi, platforms=["win_amd64"]),
            *compatible_tags(versi, interpreter=f"cp{versi[0]}{versi[1]}",
                             platforms=["win_amd64"])}


def _wheel_untuk(roda: Path, py: str) -> dict[str, tuple[Version, Path]]:
    """The wheels of the folder that install on 64-bit Windows with CPython ``py``."""
    cocok: dict[str, tuple[Version, Path]] = {}
    tag = _tag_windows(py)
    for w in sorted(roda.glob("*.whl")):
        nama, versi, _, tags = parse_wheel_filename(w.name)
        if tags & tag:
            assert nama not in cocok, f"dua wheel {nama} untuk Python {py}"
            cocok[nama] = (versi, w)
    return cocok


def _syarat(wheel: Path) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as z:
        meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        teks = z.read(meta).decode()
    return [Requirement(b.split(":", 1)[1].strip()) for b in teks.splitlines()
            if b.startswith("Requires-Dist:")]


def _lingkungan_windows(py: str) -> dict[str, str]:
    # Every marker value is text; packaging types the environment's values as object.
    env = cast(dict[str, str], dict(default_environment()))
    env.update(os_name="nt", sys_platform="win32", platform_system="Windows",
               platform_machine="AMD64", python_version=py, python_full_version=f"{py}.0",
               implementation_name="cpython", platform_python_implementation="CPython",
               extra="")
    return env


# ---------------------------------------------------------------------------------------

def test_isi_zip(dist: Path) -> None:
    with zipfile.ZipFile(dist / f"{FOLDER}.zip") as z:
        info = z.infolist()
        nama = [i.filename for i in info]
        assert nama == sorted(nama)
        assert len({i.date_time for i in info}) == 1  # one timestamp: reproducible
        isi = {n.removeprefix(f"{FOLDER}/") for n in nama}
        assert all(n.startswith(f"{FOLDER}/") for n in nama)
        assert {"pasang.cmd", "RKT_template.xlsm", "Panduan_Pemasangan.html",
                "LICENSE.txt"} <= isi
        assert z.read(f"{FOLDER}/RKT_template.xlsm") == \
            (AKAR / "workbook" / "RKT_template.xlsm").read_bytes()
    roda = {n for n in isi if n.startswith("wheels/")}
    assert f"wheels/rkt_xl-{VERSI}-py3-none-any.whl" in roda
    for py in PYTHON:
        tag = py.replace(".", "")
        assert f"wheels/pywin32-{_versi_kunci('pywin32')}-cp{tag}-cp{tag}-win_amd64.whl" in roda
    assert (dist / f"rkt_xl-{VERSI}-py3-none-any.whl").is_file()


def _versi_kunci(nama: str) -> str:
    for b in (AKAR / "tools" / "windows" / "kunci.txt").read_text().splitlines():
        if b.startswith(f"{nama}=="):
            return b.split("==")[1].split(";")[0].strip()
    raise AssertionError(f"{nama} tidak ada di kunci")


@pytest.mark.parametrize("py", PYTHON)
def test_resolusi_luring(rilis: Path, tmp_path: Path, py: str) -> None:
    """pip, offline, from wheels/ only: rkt_xl, and rkt_xl with what pip on Windows
    would add for the markers (pywin32)."""
    roda = rilis / "wheels"
    for syarat in (["rkt_xl"], ["rkt_xl", "pywin32"]):
        r = _pip_luring("install", "--dry-run", "--no-index", "--find-links", str(roda),
                        "--platform", "win_amd64", "--python-version", py,
                        "--only-binary=:all:", "--ignore-installed",
                        "--target", str(tmp_path / "t"), *syarat)
        assert r.returncode == 0, r.stderr
        assert f"rkt_xl-{VERSI}" in r.stdout.replace("rkt-xl", "rkt_xl")


@pytest.mark.parametrize("py", PYTHON)
def test_kebutuhan_windows_tertutup(rilis: Path, py: str) -> None:
    """Every requirement of every wheel, evaluated for Windows, is met by a wheel of
    the bundle for that Python — starting from rkt_xl, with nothing left over."""
    tersedia = _wheel_untuk(rilis / "wheels", py)
    env = _lingkungan_windows(py)
    dipakai: set[str] = set()
    antre = ["rkt-xl"]
    while antre:
        nama = antre.pop()
        if nama in dipakai:
            continue
        dipakai.add(nama)
        assert nama in tersedia, f"{nama} tidak ada untuk Python {py} Windows 64-bit"
        for s in _syarat(tersedia[nama][1]):
            if s.marker is not None and not s.marker.evaluate(env):
                continue
            kanon = canonicalize_name(s.name)
            assert kanon in tersedia, f"{nama} butuh {s}: tidak ada di wheels/ ({py})"
            assert s.specifier.contains(tersedia[kanon][0], prereleases=True), \
                f"{nama} butuh {s}, wheels/ punya {tersedia[kanon][0]}"
            antre.append(kanon)
    assert "pywin32" in dipakai  # the reason this test exists
    assert dipakai == set(tersedia), f"tidak terpakai: {set(tersedia) - dipakai}"


def test_wheel_lisensi_dan_data(dist: Path) -> None:
    wheel = dist / f"rkt_xl-{VERSI}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as z:
        nama = set(z.namelist())
        lisensi = f"rkt_xl-{VERSI}.dist-info/licenses/LICENSE"
        assert lisensi in nama
        assert z.read(lisensi) == (AKAR / "LICENSE").read_bytes()
        meta = z.read(f"rkt_xl-{VERSI}.dist-info/METADATA").decode()
    assert "License-Expression: MIT" in meta
    assert "MIT License" in (AKAR / "LICENSE").read_text()
    for wajib in ("rkt_xl/cli/__init__.py", "rkt_xl/templat/vba/RKT.bas",
                  "rkt_xl/templat/ribbon/customUI14.xml", "rkt_xl/py.typed"):
        assert wajib in nama, wajib
    assert any(n.startswith("rkt_xl/data/") and n.endswith(".json") for n in nama)
    assert not any(n.startswith(("tests/", "bench/", "tools/")) for n in nama)


def test_wheel_terpasang_membuat_buku_kerja(dist: Path, tmp_path: Path) -> None:
    """The wheel alone (its dependencies from this environment) makes a workbook: no
    file it needs at run time was left out of it."""
    target = tmp_path / "target"
    r = _pip_luring("install", "--no-deps", "--no-index", "--target", str(target),
                    str(dist / f"rkt_xl-{VERSI}-py3-none-any.whl"))
    assert r.returncode == 0, r.stderr
    env = {**os.environ, "PYTHONPATH": str(target)}
    r = subprocess.run([sys.executable, "-c", "import rkt_xl; print(rkt_xl.__file__)"],
                       capture_output=True, text=True, env=env, cwd=tmp_path)
    assert Path(r.stdout.strip()).is_relative_to(target)
    r = subprocess.run([sys.executable, "-m", "rkt_xl", "baru", "RKT.xlsm"],
                       capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "RKT.xlsm").read_bytes() == \
        (AKAR / "workbook" / "RKT_template.xlsm").read_bytes()


def test_zip_sama_dua_kali(dist: Path, tmp_path: Path) -> None:
    r = _bangun(tmp_path)
    assert r.returncode == 0, r.stderr[-4000:]
    for nama in (f"{FOLDER}.zip", f"rkt_xl-{VERSI}-py3-none-any.whl"):
        a, b = (dist / nama).read_bytes(), (tmp_path / nama).read_bytes()
        assert hashlib.sha256(a).digest() == hashlib.sha256(b).digest(), nama


def test_panduan(rilis: Path) -> None:
    teks = (rilis / "Panduan_Pemasangan.html").read_text(encoding="utf-8")
    assert '<html lang="id">' in teks and "@VERSI@" not in teks
    for langkah in ("Unblock", "Extract All", "pasang.cmd", "Enable Content",
                    "Trust Center", "Trusted Locations", "Interpreter_Win", "pythonw.exe",
                    f"rkt_xl-{VERSI}-windows.zip", "set RKT_XL_DEBUG=1",
                    "$env:RKT_XL_DEBUG=1"):
        assert langkah in teks, langkah


# ---------------------------------------------------------------------------------------
# pasang.cmd: structure (it cannot run here).

@pytest.fixture(scope="module")
def pasang(rilis: Path) -> bytes:
    return (rilis / "pasang.cmd").read_bytes()


def _baris(isi: bytes) -> list[str]:
    return isi.decode("ascii").split("\r\n")


def _perintah(isi: bytes) -> Iterator[str]:
    """Lines that cmd executes (no comments, no labels, no blanks)."""
    for b in _baris(isi):
        b = b.strip()
        if b and not b.lower().startswith(("rem ", "rem\t", "::")) and b.lower() != "rem" \
                and not b.startswith(":"):
            yield b


def test_pasang_ascii_crlf(pasang: bytes) -> None:
    assert pasang.isascii()  # console code pages differ; ASCII reads the same in all
    assert b"\n" not in pasang.replace(b"\r\n", b"")  # no bare LF: cmd's goto needs CRLF
    assert b"\r" not in pasang.replace(b"\r\n", b"")
    assert pasang.endswith(b"\r\n")
    teks = pasang.decode()
    assert "@VERSI@" not in teks and f'set "VERSI={VERSI}"' in teks


def test_pasang_label_dan_lompatan(pasang: bytes) -> None:
    label = [b.strip()[1:].lower() for b in _baris(pasang)
             if b.strip().startswith(":") and not b.strip().startswith("::")]
    assert len(label) == len(set(label)), "label ganda"
    sasaran: set[str] = set()
    for b in _perintah(pasang):
        sasaran.update(m.lower() for m in re.findall(r"\bgoto\s+:?(\w+)", b, re.I))
        sasaran.update(m.lower() for m in re.findall(r"\bcall\s+:(\w+)", b, re.I))
    sasaran.discard("eof")
    assert sasaran, "tanpa lompatan?"
    assert sasaran <= set(label), f"label tidak ada: {sasaran - set(label)}"
    # every label is reached (dead code in a batch file is usually a typo)
    assert set(label) - sasaran <= {"pip_ada", "python_ada", "buku_kerja", "berkas_sudah_ada",
                                    "berhasil", "keluar", "python_pilihan"}


def test_pasang_tanpa_blok_kurung(pasang: bytes) -> None:
    """A ( … ) block with a path like "C:\\Program Files (x86)" inside breaks cmd: the
    script is written without blocks; quotes stay balanced on each line."""
    for b in _perintah(pasang):
        assert b.count('"') % 2 == 0, b
        tanpa_kutip = re.sub(r'"[^"]*"', '""', b)
        gema = re.search(r"(?:^|\s)echo[\s.]", tanpa_kutip, re.I)
        perintah = tanpa_kutip[:gema.start()] if gema else tanpa_kutip  # echo's text is text
        assert "(" not in perintah and ")" not in perintah, b


def test_pasang_jalur_selalu_dikutip(pasang: bytes) -> None:
    """A path holding & or ( ) breaks an unquoted command, echo included."""
    for b in _perintah(pasang):
        tanpa_kutip = re.sub(r'"[^"]*"', '""', b)
        sisa = set(re.findall(r"%([A-Za-z_]\w*)%", tanpa_kutip)) - {"VERSI", "KODE"}
        assert not sisa, f"{sisa} tanpa tanda kutip: {b}"


def test_pasang_variabel_terdefinisi(pasang: bytes) -> None:
    teks = pasang.decode()
    dipakai = {v.upper() for v in re.findall(r"%([A-Za-z_][A-Za-z0-9_]*)%", teks)}
    diisi = {v.upper() for v in re.findall(r'\bset\s+(?:/p\s+)?"?([A-Za-z_]\w*)=', teks, re.I)}
    dari_windows = {"USERPROFILE", "TEMP", "RANDOM", "RKT_PYTHON", "RKT_TANPA_JEDA"}
    assert dipakai - diisi <= dari_windows, dipakai - diisi - dari_windows


def test_pasang_langkah(pasang: bytes) -> None:
    teks = pasang.decode()
    perintah = list(_perintah(pasang))
    assert perintah[0] == "@echo off"
    assert perintah[1].lower().startswith("setlocal")
    assert perintah[-1] == "goto :eof"
    assert "endlocal & exit /b %KODE%" in perintah
    # Python 3.13 first, then 3.12, through the py launcher; 64-bit checked.
    assert teks.index("call :dari_peluncur 3.13") < teks.index("call :dari_peluncur 3.12")
    assert "py -%1 -c" in teks
    assert "struct.calcsize('P') == 8" in teks
    assert "sys.version_info[:2] in ((3, 12), (3, 13))" in teks
    # Offline from wheels/ next to the script, the exact version.
    pasang_pip = next(b for b in perintah if " -m pip install " in b)
    for bagian in ('--no-index', '--find-links "%RODA%"', '"rkt_xl==%VERSI%"'):
        assert bagian in pasang_pip
    assert 'set "RODA=%~dp0wheels"' in teks
    # Checked, then the workbook, never overwritten.
    assert '"%FOLDER_SKRIP%\\rkt-xl.exe" --version' in teks
    assert '"%PY%" -m rkt_xl baru "%BERKAS%"' in teks
    assert teks.index('if exist "%BERKAS%" goto :berkas_sudah_ada') < \
        teks.index('"%PY%" -m rkt_xl baru "%BERKAS%"')
    # Every command that can fail is followed by its check.
    for i, b in enumerate(perintah):
        if b.startswith('"%PY%" -m rkt_xl') or " -m pip install " in b:
            assert perintah[i + 1].startswith("if errorlevel 1 goto :"), b


# ---------------------------------------------------------------------------------------
# tools/dist.py's reading of pip's complaints (the sdist-only path runs only on a cold
# cache).

def _modul_dist() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dist_alat", AKAR / "tools" / "dist.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = modul  # dataclasses look their module up while defining
    spec.loader.exec_module(modul)
    return modul


def test_nama_tanpa_wheel() -> None:
    dist = _modul_dist()
    keluhan = (
        "ERROR: Cannot install rkt-xl because these package versions have conflicting "
        "dependencies.\n\nThe conflict is caused by:\n    num2words 0.5.14 depends on "
        "docopt>=0.6.2\n\nAdditionally, some packages in these conflicts have no matching "
        "distributions available for your environment:\n    docopt\n\nTo fix this you "
        "could try to:\n1. loosen the range\n")
    assert dist.nama_tanpa_wheel(keluhan) == {"docopt"}
    assert dist.nama_tanpa_wheel(
        "ERROR: No matching distribution found for Doc_Opt>=0.6\n") == {"doc-opt"}
    assert dist.nama_tanpa_wheel("ERROR: ResolutionImpossible\n") == set()
