"""``make dist``: the wheel and the offline Windows release of rkt_xl.

Writes into ``dist/``:

- ``rkt_xl-VERSI-py3-none-any.whl``, built from a copy of the files git tracks or
  would track (a stale ``build/`` or an ignored file can never slip into it);
- ``rkt_xl-VERSI-windows.zip``: one folder ``rkt_xl-VERSI-windows/`` holding
  ``pasang.cmd`` (installs with pip from ``wheels/``, no internet), the template
  ``RKT_template.xlsm``, ``Panduan_Pemasangan.html`` and ``LICENSE.txt``, and
  ``wheels/``: every wheel rkt_xl needs on 64-bit Windows for Python 3.12 and 3.13.

How ``wheels/`` is found. ``pip download --platform win_amd64 --python-version 3.1x
--only-binary=:all:`` picks Windows wheels, but pip evaluates environment markers for the
machine it runs on, so on Linux it leaves out what only Windows needs (``pywin32`` for
xlwings). Each resolution is therefore closed over the ``Requires-Dist`` of the chosen
wheels evaluated for Windows, and what is missing is added as an explicit requirement,
until nothing is missing. A dependency published only as an sdist (``docopt``, needed by
num2words) is built into a wheel here; it must be pure Python.

Reproducible: versions come from ``tools/windows/kunci.txt`` (a lock written by
``--perbarui-kunci``); files are resolved from the cache (``.cache/wheels``) without the
network when it holds them, the network being asked only for what is missing; the wheel
and the zip are stamped with the time of the last commit, entries sorted.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

AKAR = Path(__file__).resolve().parent.parent
SUMBER_WINDOWS = AKAR / "tools" / "windows"
KUNCI = SUMBER_WINDOWS / "kunci.txt"
TEMPLAT = AKAR / "workbook" / "RKT_template.xlsm"
VERSI_PYTHON = ("3.12", "3.13")
PLATFORM = "win_amd64"
PUTARAN_MAKS = 8  # closure rounds; two suffice today (pywin32)


class GalatDist(Exception):
    """The build cannot go on; the message says why."""


def catat(pesan: str) -> None:
    print(pesan, file=sys.stderr, flush=True)


def versi_proyek() -> str:
    cocok = re.search(r'^version\s*=\s*"([^"]+)"', (AKAR / "pyproject.toml").read_text(),
                      re.MULTILINE)
    if cocok is None:
        raise GalatDist("pyproject.toml: version tidak ditemukan")
    return cocok.group(1)


def waktu_sumber() -> int:
    """SOURCE_DATE_EPOCH: as given, or the time of the last commit (fixed per commit)."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    r = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=AKAR, capture_output=True,
                       text=True, check=False)
    return int(r.stdout.strip()) if r.returncode == 0 and r.stdout.strip() else 1767225600


def _pip(argumen: Sequence[str], terisolasi: bool,
         env_tambahan: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """pip of this interpreter. ``terisolasi``: no configuration file and no PIP_*
    variable, so a machine's extra find-links or index cannot stand in for the bundle."""
    env = {**os.environ, **(env_tambahan or {})}
    if terisolasi:
        env = {k: v for k, v in env.items() if not k.startswith("PIP_")}
        env["PIP_CONFIG_FILE"] = os.devnull
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run([sys.executable, "-m", "pip", *argumen], capture_output=True,
                          text=True, env=env, check=False)


# ---------------------------------------------------------------------------------------
# The wheel of rkt_xl.

def _berkas_terlacak() -> list[str]:
    # Tracked, plus new files not ignored: what the next commit would hold.
    r = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                       cwd=AKAR, capture_output=True, check=False)
    if r.returncode != 0:
        raise GalatDist("dist dibangun dari berkas yang dilacak git: jalankan di dalam "
                        "salinan git (git clone) proyek ini")
    return [p for p in r.stdout.decode().split("\0") if p and (AKAR / p).is_file()]


def bangun_wheel(keluar: Path, epoch: int) -> Path:
    """The wheel, built from a copy of the source files (as they are in the work tree)."""
    with tempfile.TemporaryDirectory(prefix="rkt_xl-sumber-") as sementara:
        salinan = Path(sementara) / "src"
        for p in _berkas_terlacak():
            tujuan = salinan / p
            tujuan.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(AKAR / p, tujuan)
        hasil = Path(sementara) / "wheel"
        # SOURCE_DATE_EPOCH: the wheel writer stamps every entry with it.
        r = _pip(["wheel", "--no-deps", "--wheel-dir", str(hasil), str(salinan)],
                 terisolasi=False, env_tambahan={"SOURCE_DATE_EPOCH": str(epoch)})
        if r.returncode != 0:
            raise GalatDist(f"pip wheel gagal:\n{r.stdout}\n{r.stderr}")
        (wheel,) = hasil.glob("rkt_xl-*.whl")
        keluar.mkdir(parents=True, exist_ok=True)
        for lama in keluar.glob("rkt_xl-*.whl"):
            lama.unlink()
        return Path(shutil.copy2(wheel, keluar / wheel.name))


# ---------------------------------------------------------------------------------------
# Resolving the Windows wheels.

def lingkungan_windows(versi_python: str) -> dict[str, str]:
    """Marker variables of 64-bit CPython ``versi_python`` on Windows."""
    env: dict[str, str] = {k: str(v) for k, v in default_environment().items()}
    env.update(os_name="nt", sys_platform="win32", platform_system="Windows",
               platform_machine="AMD64", platform_release="10",
               implementation_name="cpython", platform_python_implementation="CPython",
               python_version=versi_python, python_full_version=f"{versi_python}.0",
               implementation_version=f"{versi_python}.0", extra="")
    return env


@dataclass(frozen=True)
class Paket:
    nama: str  # canonical
    versi: str
    berkas: Path
    syarat: tuple[str, ...]  # Requires-Dist


def syarat_kurang(paket: Iterable[Paket], versi_python: str) -> list[str]:
    """Requirements that apply on Windows and that no chosen wheel satisfies."""
    daftar = {p.nama: p for p in paket}
    env = lingkungan_windows(versi_python)
    kurang = []
    for p in daftar.values():
        for teks in p.syarat:
            s = Requirement(teks)
            if s.marker is not None and not s.marker.evaluate(env):
                continue
            ada = daftar.get(canonicalize_name(s.name))
            if ada is None or not s.specifier.contains(Version(ada.versi), prereleases=True):
                kurang.append(str(Requirement(f"{s.name}{s.specifier}")))
    return sorted(set(kurang))


def _argumen_platform(versi_python: str) -> list[str]:
    return ["--platform", PLATFORM, "--python-version", versi_python,
            "--implementation", "cp", "--only-binary=:all:"]


def selesaikan(syarat: Sequence[str], versi_python: str, cari: Sequence[Path],
               kunci: Path | None) -> list[Paket] | str:
    """Offline resolution from the folders ``cari`` only: the chosen wheels, or pip's
    complaint."""
    with tempfile.TemporaryDirectory(prefix="rkt_xl-resolusi-") as sementara:
        laporan = Path(sementara) / "laporan.json"
        argumen = ["install", "--dry-run", "--ignore-installed", "--no-index",
                   "--quiet", "--report", str(laporan), "--target", str(Path(sementara) / "t"),
                   *_argumen_platform(versi_python)]
        for folder in cari:
            argumen += ["--find-links", str(folder)]
        if kunci is not None:
            argumen += ["--constraint", str(kunci)]
        r = _pip([*argumen, *syarat], terisolasi=True)
        if r.returncode != 0:
            return r.stderr + r.stdout
        data = json.loads(laporan.read_text(encoding="utf-8"))
    paket = []
    for item in data["install"]:
        meta = item["metadata"]
        url = item["download_info"]["url"]
        if not url.startswith("file://"):
            raise GalatDist(f"resolusi luring memakai {url}")
        berkas = Path(url.removeprefix("file://"))
        paket.append(Paket(canonicalize_name(meta["name"]), meta["version"], berkas,
                           tuple(meta.get("requires_dist", ()))))
    return sorted(paket, key=lambda p: p.nama)


_TIDAK_ADA = (
    re.compile(r"No matching distribution found for ([A-Za-z0-9][A-Za-z0-9._-]*)"),
    re.compile(r"no matching distributions available for your environment:[ \t]*\n"
               r"((?:[ \t]+[A-Za-z0-9][A-Za-z0-9._-]*[ \t]*(?:\n|$))+)"),
)


def nama_tanpa_wheel(keluhan: str) -> set[str]:
    """Names pip found no wheel for (both ways pip words it)."""
    nama: set[str] = set()
    for pola in _TIDAK_ADA:
        for cocok in pola.finditer(keluhan):
            nama.update(canonicalize_name(n) for n in cocok.group(1).split())
    return nama


def _versi_terkunci(nama: str, kunci: Path | None) -> str | None:
    if kunci is None or not kunci.exists():
        return None
    for baris in kunci.read_text().splitlines():
        baris = baris.split("#")[0].split(";")[0].strip()
        if "==" in baris:
            n, v = baris.split("==", 1)
            if canonicalize_name(n) == nama:
                return v.strip()
    return None


def bangun_dari_sdist(nama: str, dibangun: Path, kunci: Path | None) -> None:
    """A wheel for a dependency published only as an sdist: it must be pure Python."""
    versi = _versi_terkunci(nama, kunci)
    syarat = f"{nama}=={versi}" if versi else nama
    catat(f"  {syarat}: hanya sdist — dibangun menjadi wheel")
    # A fixed epoch: the same bytes whenever and wherever it is built.
    r = _pip(["wheel", "--no-deps", "--no-binary", nama, "--wheel-dir", str(dibangun), syarat],
             terisolasi=False, env_tambahan={"SOURCE_DATE_EPOCH": "315532800"})
    if r.returncode != 0:
        raise GalatDist(f"{syarat}: wheel tidak dapat dibangun dari sdist:\n{r.stderr}")
    for w in dibangun.glob("*.whl"):
        if canonicalize_name(w.name.split("-")[0]) == nama and not w.name.endswith("-none-any.whl"):
            raise GalatDist(f"{w.name}: bukan Python murni, tidak dapat dipakai di Windows")


def unduh(syarat: Sequence[str], versi_python: str, cache: Path, dibangun: Path,
          kunci: Path | None) -> None:
    """Fill the cache for ``syarat`` (network); sdist-only dependencies are built."""
    for _ in range(PUTARAN_MAKS):
        argumen = ["download", "--dest", str(cache), "--find-links", str(dibangun),
                   *_argumen_platform(versi_python)]
        if kunci is not None:
            argumen += ["--constraint", str(kunci)]
        r = _pip([*argumen, *syarat], terisolasi=False)
        if r.returncode == 0:
            return
        nama = nama_tanpa_wheel(r.stderr + r.stdout)
        sudah = {canonicalize_name(w.name.split("-")[0]) for w in dibangun.glob("*.whl")}
        if not nama or nama <= sudah:
            raise GalatDist(f"pip download gagal (Python {versi_python}):\n{r.stderr}")
        for n in sorted(nama - sudah):
            bangun_dari_sdist(n, dibangun, kunci)
    raise GalatDist("pip download: terlalu banyak putaran")


def roda_windows(wheel: Path, versi_python: str, cache: Path, kunci: Path | None
                 ) -> list[Paket]:
    """Every wheel rkt_xl needs on 64-bit Windows with Python ``versi_python``."""
    dibangun = cache / "dibangun"
    dibangun.mkdir(parents=True, exist_ok=True)
    syarat = [str(wheel)]
    for _ in range(PUTARAN_MAKS):
        hasil = selesaikan(syarat, versi_python, [cache, dibangun], kunci)
        if isinstance(hasil, str):
            catat(f"  Python {versi_python}: mengunduh yang belum ada di {cache}")
            unduh(syarat, versi_python, cache, dibangun, kunci)
            hasil = selesaikan(syarat, versi_python, [cache, dibangun], kunci)
            if isinstance(hasil, str):
                raise GalatDist(f"resolusi luring gagal (Python {versi_python}):\n{hasil}")
        kurang = syarat_kurang(hasil, versi_python)
        if not kurang:
            return hasil
        catat(f"  Python {versi_python}: hanya untuk Windows: {', '.join(kurang)}")
        syarat += kurang
    raise GalatDist("kebutuhan Windows tidak tertutup setelah beberapa putaran")


def tulis_kunci(per_versi: dict[str, list[Paket]], tujuan: Path) -> None:
    """The lock: name==version, one line, or one line per Python where they differ."""
    versi: dict[str, dict[str, str]] = {}
    for py, paket in per_versi.items():
        for p in paket:
            if p.nama != "rkt-xl":
                versi.setdefault(p.nama, {})[py] = p.versi
    baris = ["# Versions in the Windows release (tools/dist.py --perbarui-kunci rewrites it).",
             "# A constraints file: it pins, it does not add requirements."]
    for nama in sorted(versi):
        per_py = versi[nama]
        if len(set(per_py.values())) == 1 and len(per_py) == len(per_versi):
            baris.append(f"{nama}=={next(iter(per_py.values()))}")
        else:
            baris += [f'{nama}=={v}; python_version == "{py}"' for py, v in sorted(per_py.items())]
    tujuan.write_text("\n".join(baris) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------
# The zip.

def _teks_windows(teks: str) -> bytes:
    # cmd.exe misreads labels and goto in LF-only batch files: CRLF throughout.
    return teks.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


def isi_zip(versi: str, roda: Iterable[Path]) -> dict[str, bytes | Path]:
    """Name inside the zip → bytes, or a file to copy."""
    ganti = {"@VERSI@": versi}

    def isi(nama: str) -> str:
        teks = (SUMBER_WINDOWS / nama).read_text(encoding="utf-8")
        for a, b in ganti.items():
            teks = teks.replace(a, b)
        return teks

    pasang = isi("pasang.cmd")
    if not pasang.isascii():
        raise GalatDist("pasang.cmd harus ASCII (halaman kode konsol Windows berbeda-beda)")
    keluar: dict[str, bytes | Path] = {
        "pasang.cmd": _teks_windows(pasang),
        "Panduan_Pemasangan.html": isi("Panduan_Pemasangan.html").encode("utf-8"),
        "LICENSE.txt": _teks_windows((AKAR / "LICENSE").read_text(encoding="utf-8")),
        "RKT_template.xlsm": TEMPLAT,
    }
    for w in roda:
        keluar[f"wheels/{w.name}"] = w
    return keluar


def tulis_zip(tujuan: Path, folder: str, isi: dict[str, bytes | Path], epoch: int) -> None:
    """Deterministic: sorted entries, one timestamp, fixed permissions; wheels and the
    workbook are zips already and are stored, text is deflated."""
    waktu = time.gmtime(max(epoch, 315532800))[:6]  # zip dates start in 1980
    sementara = tujuan.with_name(tujuan.name + ".sementara")
    with zipfile.ZipFile(sementara, "w") as z:
        for nama in sorted(isi):
            data = isi[nama]
            info = zipfile.ZipInfo(f"{folder}/{nama}", date_time=waktu)
            info.external_attr = 0o644 << 16
            info.create_system = 0  # as if made on Windows: no Unix attributes shown
            sudah_zip = nama.endswith((".whl", ".xlsm"))
            info.compress_type = zipfile.ZIP_STORED if sudah_zip else zipfile.ZIP_DEFLATED
            z.writestr(info, data.read_bytes() if isinstance(data, Path) else data,
                       compresslevel=9)
    os.replace(sementara, tujuan)


def sha256(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def utama(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/dist.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keluar", type=Path, default=AKAR / "dist",
                        help="folder hasil (bawaan: dist/)")
    parser.add_argument("--cache", type=Path, default=AKAR / ".cache" / "wheels",
                        help="cache unduhan (bawaan: .cache/wheels)")
    parser.add_argument("--perbarui-kunci", action="store_true",
                        help="abaikan tools/windows/kunci.txt, ambil versi terbaru, tulis "
                             "ulang kuncinya")
    args = parser.parse_args(argv)
    mulai = time.monotonic()
    versi = versi_proyek()
    epoch = waktu_sumber()
    keluar: Path = args.keluar.resolve()
    cache: Path = args.cache.resolve()
    cache.mkdir(parents=True, exist_ok=True)
    perbarui = args.perbarui_kunci or not KUNCI.exists()
    kunci = None if perbarui else KUNCI
    try:
        catat(f"rkt_xl {versi}: wheel")
        wheel = bangun_wheel(keluar, epoch)
        per_versi = {}
        for py in VERSI_PYTHON:
            catat(f"Python {py} (Windows 64-bit): mencari wheel")
            per_versi[py] = roda_windows(wheel, py, cache, kunci)
        if perbarui:
            tulis_kunci(per_versi, KUNCI)
            catat(f"Kunci ditulis: {KUNCI.relative_to(AKAR)}")
        semua = {p.berkas.name: p.berkas for ps in per_versi.values() for p in ps}
        nama_zip = f"rkt_xl-{versi}-windows"
        tujuan = keluar / f"{nama_zip}.zip"
        tulis_zip(tujuan, nama_zip, isi_zip(versi, semua.values()), epoch)
    except GalatDist as e:
        catat(f"dist gagal: {e}")
        return 1
    for py, paket in per_versi.items():
        print(f"Python {py}: {len(paket)} wheel")
        for p in paket:
            print(f"  {p.berkas.name}")
    for hasil in (wheel, tujuan):
        print(f"{hasil}  {hasil.stat().st_size / 1e6:.1f} MB  sha256 {sha256(hasil)}")
    catat(f"selesai dalam {time.monotonic() - mulai:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(utama())
