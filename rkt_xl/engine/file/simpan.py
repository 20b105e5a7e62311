"""Saving without ever losing the user's file: lock, temp file, fsync, atomic replace.

A run that fails at any point (exception, full disk, SIGKILL) leaves the original
byte-identical: the new content is written to a temp file in the same folder and moved
over the original with ``os.replace`` only once it is complete on disk.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
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


def tulis_atomik(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (same folder temp + fsync + replace)."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, sementara = tempfile.mkstemp(prefix=AWALAN_SEMENTARA, suffix=AKHIRAN_SEMENTARA,
                                         dir=folder)
    except OSError as e:
        raise GalatBerkas(_pesan_os(path, e)) from e
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
        raise GalatBerkas(_pesan_os(path, e)) from e
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
            f"{path}: berkas sedang dibuka di Excel/LibreOffice ({kunci_excel.name} ada). "
            "Tutup berkasnya dulu, atau pakai tombol di Excel; berkas tidak diubah.")
    if not path.exists():
        raise GalatBerkas(f"{path}: berkas tidak ditemukan")
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: Excel's own lock is checked above
        yield
        return
    # The lock is taken on the workbook itself (no lock files left in users' folders).
    # os.replace gives the saved file a new inode, so a waiting second run then sees
    # the new content: two runs serialise, neither can corrupt the file.
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as e:
        raise GalatBerkas(f"{path}: berkas tidak dapat dibuka ({e.strerror})") from e
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            raise GalatBerkas(f"{path}: sedang diproses oleh rkt-xl lain; tunggu sampai "
                              "selesai lalu ulangi. Berkas tidak diubah.") from e
        yield
    finally:
        os.close(fd)
