"""Fault injection: the user's workbook survives every way a save can go wrong.

Real processes, real files, real signals. Where a fault cannot be produced for real
(a full disk without root, a read-only folder for root without mount rights), a
small hook in the child process raises the same OSError the kernel would, so the
message path is still tested; the real variant runs whenever it can.

A hook is a few lines run in the child before the normal CLI (``KAIT``): it pauses
or fails at one system call of the save (``os.fsync`` of the temp file, or the
``os.replace`` over the workbook), printing a line first so the test knows where
the child is.
"""

from __future__ import annotations

import contextlib
import errno
import os
import random
import select
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from rkt_xl import skema
from rkt_xl.berkas import kumpulkan
from rkt_xl.engine.file import EngineBerkas
from rkt_xl.engine.file.simpan import AKHIRAN_SEMENTARA, AWALAN_SEMENTARA
from tests.korpus import buat_korpus as bk
from tests.korpus.fixtures import cli, env_cli, isi_folder, keluaran, sha

pytestmark = pytest.mark.skipif(sys.platform == "win32",
                                reason="POSIX: sinyal, flock, dan izin berkas")

# Runs in the child before the real CLI. RKT_UJI_KAIT = "<call>:<action>", call is
# "fsync" or "replace", action is "tunggu" (print SIAP, wait for the file named by
# RKT_UJI_LANJUT, or forever) or an errno name to raise ("ENOSPC", "EACCES").
KAIT = r"""
import errno, glob, os, sys, time
panggilan, aksi = os.environ["RKT_UJI_KAIT"].split(":")
asli = getattr(os, panggilan)

def _sasaran(a):
    if panggilan == "replace":
        return str(a[0])
    inode = os.fstat(a[0]).st_ino  # fsync(fd): which file is it? (the cwd holds it)
    return next((p for p in glob.glob(".rkt-xl-*") if os.stat(p).st_ino == inode), "")

def kait(*a, **k):
    sasaran = _sasaran(a)
    if sasaran.endswith(".sementara"):
        if aksi == "tunggu":
            print("SIAP", sasaran, flush=True)
            lanjut = os.environ.get("RKT_UJI_LANJUT")
            while not (lanjut and os.path.exists(lanjut)):
                time.sleep(0.02)
        else:
            kode = getattr(errno, aksi)
            raise OSError(kode, os.strerror(kode))
    return asli(*a, **k)

setattr(os, panggilan, kait)
sys.argv = ["rkt-xl", *sys.argv[1:]]
from rkt_xl.cli import main
main()
"""


def _anak(argumen: list[str], cwd: Path, kait: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", KAIT, *argumen], cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env_cli(RKT_UJI_KAIT=kait, **env))


def _tunggu_siap(p: subprocess.Popen[str], batas: float = 60) -> str:
    assert p.stdout is not None
    siap, _, _ = select.select([p.stdout], [], [], batas)
    assert siap, "proses anak tidak sampai ke titik kait"
    baris = p.stdout.readline()
    assert baris.startswith("SIAP"), baris + (p.stderr.read() if p.stderr else "")
    return baris.split(maxsplit=1)[1].strip()


def _sisa(folder: Path, workbook: Path) -> set[str]:
    return isi_folder(folder) - {workbook.name}


def _bukan_workbook(nama: str) -> bool:
    return (nama.startswith(AWALAN_SEMENTARA) and nama.endswith(AKHIRAN_SEMENTARA)
            and not nama.lower().endswith((".xlsm", ".xlsx")))


@pytest.fixture(scope="module")
def besar(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A large workbook (300 programs, 3,000 kegiatan): `proses` takes about a second,
    long enough to be killed at random points."""
    data = bk.data_bersih()
    data["program"] = [{"Kode Program": str(p), "Program": f"Program {p}",
                        "Indikator Program": "Cakupan layanan", "Target Program": "100%"}
                       for p in range(1, 301)]
    data["kegiatan"] = [{"Kode Program": str(p), "Kode Kegiatan": f"{p}.{k:02d}",
                         "Kegiatan": f"Kegiatan {p}.{k} " + "uraian " * 12,
                         "Indikator Kegiatan": "Jumlah dokumen", "Target": k,
                         "Satuan": "dok", "Pagu": 1_000_000 + p * 1000 + k}
                        for p in range(1, 301) for k in range(1, 11)]
    path = tmp_path_factory.mktemp("besar") / "besar.xlsm"
    path.write_bytes(bk.bangun(data))
    return path


@pytest.fixture(scope="module")
def besar_diproses(besar: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """sha256 of the large workbook after one uninterrupted `proses`."""
    folder = tmp_path_factory.mktemp("acuan")
    shutil.copy(besar, folder / besar.name)
    r = cli("proses", besar.name, cwd=folder)
    assert r.returncode == 0, keluaran(r)
    return sha(folder / besar.name)


def _salin(sumber: Path, folder: Path, nama: str = "RKT 2018.xlsm") -> Path:
    tujuan = folder / nama
    shutil.copyfile(sumber, tujuan)
    return tujuan


def _utuh(path: Path) -> None:
    """The workbook opens and every input table reads."""
    assert set(EngineBerkas(path).baca_tabel()) == {t.nama for t in skema.TABEL}


# -- SIGKILL in the middle of a save -----------------------------------------------------------


@pytest.mark.parametrize("titik", ["fsync", "replace"])
def test_sigkill_saat_menyimpan(titik: str, besar: Path, besar_diproses: str,
                                tmp_path: Path) -> None:
    """Killed while the temp file is written (before fsync) or complete (before the
    rename): the original is byte-identical and nothing left looks like a workbook."""
    path = _salin(besar, tmp_path)
    sebelum = sha(path)
    p = _anak(["proses", path.name], tmp_path, f"{titik}:tunggu")
    try:
        sementara = tmp_path / _tunggu_siap(p)  # (relative to cwd, or absolute)
        assert sementara.resolve().parent == tmp_path.resolve() and sementara.exists()
        os.kill(p.pid, signal.SIGKILL)
        p.wait(30)
    finally:
        p.kill()
        p.communicate()
    assert p.returncode == -signal.SIGKILL
    assert sha(path) == sebelum
    sisa = _sisa(tmp_path, path)
    assert sisa == {sementara.name}  # SIGKILL leaves the temp; it is not a workbook
    assert all(_bukan_workbook(n) for n in sisa)
    # rkt-xl itself never takes the leftover for a workbook, and the next run is fine.
    assert kumpulkan([str(tmp_path)]) == ([tmp_path / path.name], [])
    r = cli("proses", ".", cwd=tmp_path)
    assert r.returncode == 0, keluaran(r)
    assert sha(path) == besar_diproses


def test_sigkill_pada_saat_acak(besar: Path, besar_diproses: str, tmp_path: Path) -> None:
    """No hooks: the real `proses` killed at random moments. After every kill the file
    is either the original or the complete result, never anything in between."""
    acak = random.Random(20180101)
    path = _salin(besar, tmp_path)
    asli = sha(path)
    terlihat = set()
    for _ in range(6):
        shutil.copyfile(besar, path)
        p = subprocess.Popen([sys.executable, "-m", "rkt_xl", "proses", path.name],
                             cwd=tmp_path, env=env_cli(), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            p.wait(acak.uniform(0.3, 2.5))
        p.kill()
        p.wait()
        sekarang = sha(path)
        assert sekarang in (asli, besar_diproses)
        terlihat.add(sekarang)
        assert all(_bukan_workbook(n) for n in _sisa(tmp_path, path))
        _utuh(path)
        for n in _sisa(tmp_path, path):
            (tmp_path / n).unlink()
    assert terlihat  # (which of the two depends on timing; both are fine)


# -- full disk ---------------------------------------------------------------------------------


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[int], Path]]:
    """Mount a tiny tmpfs (root with mount rights only; skipped otherwise)."""
    terpasang: list[Path] = []

    def pasang(ukuran: int) -> Path:
        if os.geteuid() != 0 or shutil.which("mount") is None:
            pytest.skip("tmpfs perlu root dan perintah mount")
        folder = tmp_path / f"tmpfs{len(terpasang)}"
        folder.mkdir()
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={ukuran},mode=0755",
                            "tmpfs", str(folder)], capture_output=True, text=True)
        if r.returncode != 0:
            pytest.skip(f"tmpfs tidak dapat dipasang: {r.stderr.strip()}")
        terpasang.append(folder)
        return folder

    yield pasang
    for folder in reversed(terpasang):
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _penuhi(folder: Path) -> None:
    """Fill a file system to the last byte."""
    with open(folder / "pengisi", "wb", buffering=0) as f:
        potong = b"\0" * 4096
        try:
            while True:
                f.write(potong)
        except OSError as e:
            assert e.errno == errno.ENOSPC
        with contextlib.suppress(OSError):
            while True:
                f.write(b"\0")


def _cek_gagal_simpan(r: subprocess.CompletedProcess[str], path: Path, sebelum: str,
                      pesan: str) -> None:
    teks = keluaran(r)
    assert r.returncode == 2, teks
    assert "Traceback" not in teks
    assert f"{path.name}: {pesan}" in teks, teks
    assert "berkas asli tidak diubah" in teks
    assert sha(path) == sebelum
    assert _sisa(path.parent, path) <= {"pengisi"}  # the temp file was removed


def test_disk_penuh_sungguhan(tmpfs: Callable[[int], Path]) -> None:
    data = bk.bersih()
    folder = tmpfs(len(data) + 256 * 1024)
    path = folder / "RKT.xlsm"
    path.write_bytes(data)
    sebelum = sha(path)
    _penuhi(folder)
    r = cli("proses", path.name, cwd=folder)
    _cek_gagal_simpan(r, path, sebelum, "disk penuh")


def test_disk_penuh_kait(tmp_path: Path) -> None:
    """ENOSPC at fsync (where a full disk often surfaces) through the real CLI."""
    path = tmp_path / "RKT.xlsm"
    path.write_bytes(bk.bersih())
    sebelum = sha(path)
    p = _anak(["proses", path.name], tmp_path, "fsync:ENOSPC")
    keluar, galat = p.communicate(timeout=120)
    r = subprocess.CompletedProcess(p.args, p.returncode, keluar, galat)
    _cek_gagal_simpan(r, path, sebelum, "disk penuh")


# -- read-only -----------------------------------------------------------------------------------


IZIN = "tidak ada izin menulis"


def test_berkas_hanya_baca(tmp_path: Path) -> None:
    """chmod 444 is honoured even for root (the folder alone would allow the rename)."""
    path = tmp_path / "RKT.xlsm"
    path.write_bytes(bk.bersih())
    path.chmod(0o444)
    sebelum = sha(path)
    try:
        r = cli("proses", path.name, cwd=tmp_path)
        _cek_gagal_simpan(r, path, sebelum, IZIN)
        assert path.stat().st_mode & 0o777 == 0o444
        # Reading is still fine.
        assert cli("validasi", path.name, cwd=tmp_path).returncode == 0
    finally:
        path.chmod(0o644)


@contextlib.contextmanager
def _folder_hanya_baca(folder: Path,
                       tmpfs: Callable[[int], Path]) -> Iterator[tuple[Path, str]]:
    """A read-only folder holding a copy of the clean workbook, made for real: chmod for
    a normal user; for root (who ignores modes) a tmpfs remounted read-only, else the
    immutable attribute."""
    data = bk.bersih()
    if os.geteuid() != 0:
        path = folder / "RKT.xlsm"
        path.write_bytes(data)
        folder.chmod(0o555)
        try:
            yield path, "chmod"
        finally:
            folder.chmod(0o755)
        return
    if shutil.which("mount"):
        try:
            ro = tmpfs(len(data) + 1024 * 1024)
        except pytest.skip.Exception:
            ro = None
        if ro is not None:
            (ro / "RKT.xlsm").write_bytes(data)
            r = subprocess.run(["mount", "-o", "remount,ro", str(ro)], capture_output=True)
            if r.returncode == 0:
                yield ro / "RKT.xlsm", "tmpfs ro"
                return
    if shutil.which("chattr"):
        path = folder / "RKT.xlsm"
        path.write_bytes(data)
        r = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
        if r.returncode == 0:
            try:
                yield path, "chattr +i"
            finally:
                subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
            return
    pytest.skip("sebagai root tanpa mount/chattr, folder hanya-baca tidak dapat dibuat; "
                "jalur pesannya diuji oleh test_folder_hanya_baca_kait")


def test_folder_hanya_baca_sungguhan(tmp_path: Path, tmpfs: Callable[[int], Path]) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    with _folder_hanya_baca(folder, tmpfs) as (path, cara):
        sebelum = sha(path)
        r = cli("proses", path.name, cwd=path.parent)
        _cek_gagal_simpan(r, path, sebelum, IZIN)
        assert cara  # (which mechanism made it read-only, for the failure message)


def test_folder_hanya_baca_kait(tmp_path: Path) -> None:
    """The rename refused (EACCES), as a read-only folder or a file locked by another
    program on a network share does."""
    path = tmp_path / "RKT.xlsm"
    path.write_bytes(bk.bersih())
    sebelum = sha(path)
    p = _anak(["proses", path.name], tmp_path, "replace:EACCES")
    keluar, galat = p.communicate(timeout=120)
    _cek_gagal_simpan(subprocess.CompletedProcess(p.args, p.returncode, keluar, galat),
                      path, sebelum, IZIN)


def test_berkas_immutable(tmp_path: Path) -> None:
    """chattr +i on the workbook (root cannot replace it either)."""
    if os.geteuid() != 0 or shutil.which("chattr") is None:
        pytest.skip("chattr +i perlu root")
    path = tmp_path / "RKT.xlsm"
    path.write_bytes(bk.bersih())
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("sistem berkas ini tidak mendukung chattr +i")
    try:
        sebelum = sha(path)
        r = cli("proses", path.name, cwd=tmp_path)
        _cek_gagal_simpan(r, path, sebelum, IZIN)
    finally:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)


# -- two runs at once ----------------------------------------------------------------------------


def test_dua_proses_bersamaan(besar: Path, besar_diproses: str, tmp_path: Path) -> None:
    """The second run, while the first holds the file, is told so (exit 2) and writes
    nothing; the first then finishes and the file is the complete result."""
    path = _salin(besar, tmp_path)
    sebelum = sha(path)
    lanjut = tmp_path.parent / f"{tmp_path.name}-lanjut"
    a = _anak(["proses", path.name], tmp_path, "replace:tunggu", RKT_UJI_LANJUT=str(lanjut))
    try:
        _tunggu_siap(a)
        b = cli("proses", path.name, cwd=tmp_path)
        teks = keluaran(b)
        assert b.returncode == 2, teks
        assert f"{path.name}: sedang diproses oleh rkt-xl lain" in teks
        assert "Traceback" not in teks
        assert sha(path) == sebelum
        lanjut.touch()
        keluar, galat = a.communicate(timeout=120)
    finally:
        lanjut.touch()
        a.kill()
        a.communicate()
    assert a.returncode == 0, keluar + galat
    assert sha(path) == besar_diproses
    _utuh(path)
    assert _sisa(tmp_path, path) == set()


def test_balapan_tanpa_kait(besar: Path, besar_diproses: str, tmp_path: Path) -> None:
    """Four real runs started together, three rounds: each either completes or is told
    the file is busy, and the file always ends as the one correct result."""
    path = _salin(besar, tmp_path)
    for _ in range(3):
        shutil.copyfile(besar, path)
        semua = [subprocess.Popen([sys.executable, "-m", "rkt_xl", "proses", path.name],
                                  cwd=tmp_path, env=env_cli(), text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for _ in range(4)]
        hasil = [(p.wait(180), *p.communicate()) for p in semua]
        kode = [k for k, _, _ in hasil]
        assert 0 in kode, hasil
        for k, keluar, galat in hasil:
            assert "Traceback" not in keluar + galat
            if k == 2:
                assert "sedang diproses oleh rkt-xl lain" in keluar + galat
            else:
                assert k == 0, keluar + galat
        assert sha(path) == besar_diproses
        assert _sisa(tmp_path, path) == set()


def test_kunci_pada_berkas_yang_sekarang(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Another run's save lands between our open and our flock (the file gets a new
    inode): the lock must end up on the file now at the path, not on the old one."""
    import fcntl

    from rkt_xl.engine.file import simpan

    path = tmp_path / "RKT.xlsm"
    path.write_bytes(bk.bersih())
    asli = fcntl.flock
    disela: list[int] = []

    def flock(fd: int, op: int) -> None:
        if not disela:
            disela.append(os.fstat(fd).st_ino)
            simpan.tulis_atomik(path, path.read_bytes())  # the other run's save
        asli(fd, op)

    monkeypatch.setattr(fcntl, "flock", flock)
    with simpan.kunci(path):
        assert path.stat().st_ino != disela[0]
        coba = subprocess.run([sys.executable, "-c", (
            "import fcntl, sys\n"
            "f = open(sys.argv[1], 'rb')\n"
            "fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"), str(path)],
            capture_output=True, text=True)
        assert coba.returncode != 0 and "BlockingIOError" in coba.stderr, coba.stderr


# -- the workbook is open in Excel / LibreOffice -----------------------------------------------


@pytest.mark.parametrize("kunci", ["~$RKT 2018.xlsm", "~$T 2018.xlsm", ".~lock.RKT 2018.xlsm#"])
def test_berkas_kunci_office(kunci: str, tmp_path: Path) -> None:
    """Excel's owner file (``~$`` + name, or with the name's first two characters
    replaced) or LibreOffice's lock beside the workbook: not overwritten, exit 2."""
    path = _salin(_bersih(tmp_path), tmp_path)
    pemilik = tmp_path / kunci
    pemilik.write_bytes(b"\x0bPegawai Dinas" + b" " * 40)
    sebelum, sebelum_kunci = sha(path), sha(pemilik)
    r = cli("proses", path.name, cwd=tmp_path)
    teks = keluaran(r)
    assert r.returncode == 2, teks
    assert f"{path.name}: berkas sedang dibuka di Excel/LibreOffice ({kunci} ada)" in teks
    # What to do when the lock is stale (Excel crashed): delete it, named with its folder.
    assert f"hapus berkas kunci {kunci} di folder {tmp_path.resolve()}" in \
        " ".join(teks.split())
    assert "Traceback" not in teks
    assert sha(path) == sebelum and sha(pemilik) == sebelum_kunci
    assert _sisa(tmp_path, path) == {kunci, "sumber.xlsm"}
    # Reading is allowed while Excel has it open.
    assert cli("validasi", path.name, cwd=tmp_path).returncode == 0


def _bersih(folder: Path) -> Path:
    sumber = folder / "sumber.xlsm"
    sumber.write_bytes(bk.bersih())
    return sumber


# -- saving details ------------------------------------------------------------------------------


def test_lewat_symlink_yang_diubah_adalah_sasarannya(tmp_path: Path) -> None:
    asli = tmp_path / "asli"
    asli.mkdir()
    sasaran = asli / "RKT.xlsm"
    sasaran.write_bytes(bk.bersih())
    tautan = tmp_path / "tautan.xlsm"
    tautan.symlink_to(sasaran)
    sebelum = sha(sasaran)
    r = cli("proses", tautan.name, cwd=tmp_path)
    assert r.returncode == 0, keluaran(r)
    assert tautan.is_symlink() and tautan.resolve() == sasaran
    assert sha(sasaran) != sebelum  # the real workbook got the result
    assert isi_folder(asli) == {"RKT.xlsm"}


def test_berkas_baru_mengikuti_umask(tmp_path: Path) -> None:
    """`rkt-xl baru` makes a file colleagues can read under the usual umask 022 (the
    temp-file default of 0600 must not leak into the workbook)."""
    lama = os.umask(0o022)
    try:
        r = cli("baru", "RKT.xlsm", cwd=tmp_path)
    finally:
        os.umask(lama)
    assert r.returncode == 0, keluaran(r)
    assert (tmp_path / "RKT.xlsm").stat().st_mode & 0o777 == 0o644


def test_mode_berkas_dipertahankan(tmp_path: Path) -> None:
    path = tmp_path / "RKT.xlsm"
    path.write_bytes(bk.bersih())
    path.chmod(0o640)
    r = cli("proses", path.name, cwd=tmp_path)
    assert r.returncode == 0, keluaran(r)
    assert path.stat().st_mode & 0o777 == 0o640
