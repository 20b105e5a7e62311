"""Saving without ever losing the user's file: lock, temp file, fsync, atomic replace.

A run that fails at any point (exception, full disk, SIGKILL) leaves the original
byte-identical: the new content is written to a temp file in the same folder and moved
over the original with ``os.replace`` only once it is complete on disk.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from rkt_xl.galat import GalatBerkas

# Temp files carry this prefix and a suffix that is not .xlsm, so nobody (and no glob
# of ours) mistakes a leftover for a workbook.
AWALAN_SEMENTARA = ".rkt-xl-"
AKHIRAN_SEMENTARA = ".sementara"


def _pesan_os(path: Path, e: OSError) -> str:
    if e.errno == errno.ENOSPC:
        return f"{path}: disk penuh; berkas asli tidak diubah. Kosongkan ruang lalu ulangi."
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"{path}: tidak ada izin menulis (berkas atau folder hanya-baca); berkas "
                "asli tidak diubah.")
    return f"{path}: gagal menyimpan ({e.strerror or e}); berkas asli tidak diubah."


def _buat_sementara(folder: Path) -> tuple[int, str]:
    """A new, exclusive temp file in ``folder``.

    Not ``tempfile.mkstemp``: it creates files with mode 0600, so a workbook made by
    ``rkt-xl baru`` on a shared server stayed unreadable to colleagues. Mode 0666
    lets the user's umask decide, as for any file they create.
    """
    for _ in range(100):
        nama = folder / f"{AWALAN_SEMENTARA}{os.urandom(8).hex()}{AKHIRAN_SEMENTARA}"
        try:
            fd = os.open(nama, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                         0o666)
        except FileExistsError:
            continue
        return fd, str(nama)
    raise FileExistsError(errno.EEXIST, "tidak dapat membuat berkas sementara", str(folder))


def _hanya_baca(path: Path) -> bool:
    """An existing file marked read-only. Replacing it needs only a writable folder, so
    without this check its read-only mark would be ignored (always so for root); Excel
    refuses to save over a read-only workbook too."""
    try:
        return not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK)
    except OSError:
        return False  # not there (yet): nothing to protect


def tulis_atomik(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (same folder temp + fsync + replace)."""
    pesan_path = path
    # Through a symlink, replace the file it points to: os.replace on the link itself
    # would turn the link into a regular file and leave the real workbook unchanged.
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    folder = path.parent if str(path.parent) else Path(".")
    if _hanya_baca(path):
        raise GalatBerkas(_pesan_os(pesan_path, PermissionError(errno.EACCES, "hanya-baca")))
    try:
        fd, sementara = _buat_sementara(folder)
    except OSError as e:
        raise GalatBerkas(_pesan_os(pesan_path, e)) from e
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(sementara, path.stat().st_mode & 0o7777)
        os.replace(sementara, path)
        with contextlib.suppress(OSError):
            dir_fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    except OSError as e:
        with contextlib.suppress(OSError):
            os.unlink(sementara)
        raise GalatBerkas(_pesan_os(pesan_path, e)) from e
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(sementara)
        raise


def berkas_kunci_excel(path: Path) -> Path | None:
    """Excel's owner file (``~$Name.xlsm``) beside a workbook that is open in Excel."""
    nama = path.name
    for calon in (f"~${nama}", f"~${nama[2:]}" if len(nama) > 2 else None):
        if calon and (path.parent / calon).exists():
            return path.parent / calon
    # LibreOffice's lock file
    lo = path.parent / f".~lock.{nama}#"
    return lo if lo.exists() else None


@contextlib.contextmanager
def kunci(path: Path) -> Iterator[None]:
    """Exclusive lock for one rkt-xl writer per workbook (a second one is told why)."""
    kunci_excel = berkas_kunci_excel(path)
    if kunci_excel is not None:
        raise GalatBerkas(
            f"{path}: berkas sedang dibuka di Excel/LibreOffice ({kunci_excel.name} ada); "
            "berkas tidak diubah. Tutup berkasnya dulu, atau pakai tombol di Excel. Bila "
            "berkas sebenarnya tidak sedang dibuka (Excel/komputer pernah tertutup "
            f"mendadak), hapus berkas kunci {kunci_excel.name} di folder "
            f"{kunci_excel.parent.resolve()} lalu ulangi.")
    if not path.exists():
        raise GalatBerkas(f"{path}: berkas tidak ditemukan")
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: Excel's own lock is checked above
        yield
        return
    # The lock is taken on the workbook itself (no lock files left in users' folders).
    # A second run does not wait: it is told, and the file stays as the first run saved
    # it. os.replace gives the saved file a new inode, so a lock won on a file that was
    # replaced meanwhile guards nothing (a third run may hold the new inode): check
    # that the locked inode is still the one at ``path``, else try again.
    for _ in range(3):
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError as e:
            raise GalatBerkas(f"{path}: berkas tidak dapat dibuka ({e.strerror})") from e
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            os.close(fd)
            raise GalatBerkas(f"{path}: sedang diproses oleh rkt-xl lain; tunggu sampai "
                              "selesai lalu ulangi. Berkas tidak diubah.") from e
        try:
            sama = os.fstat(fd).st_ino == os.stat(path).st_ino
        except OSError:
            sama = False  # gone meanwhile: the next open says so
        if sama:
            break
        os.close(fd)
    else:
        raise GalatBerkas(f"{path}: sedang diproses oleh rkt-xl lain; tunggu sampai "
                          "selesai lalu ulangi. Berkas tidak diubah.")
    try:
        yield
    finally:
        os.close(fd)
