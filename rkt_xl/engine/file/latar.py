"""One pure computation run in a forked child while this process goes on.

Building and rendering Tabel 2.5 of a workbook with thousands of kegiatan is a third
of ``rkt-xl proses``; it depends only on the model and the hitung results, so on a
machine with a second core it is done by a child process while this one validates,
writes the computed cells and builds the other sheets.

The child only computes: it gets the inputs through ``fork`` (copy-on-write memory),
sends its output through a pipe and leaves with ``os._exit``, so none of the parent's
cleanup (temp files, locks, buffered output) ever runs twice. Output can be streamed:
what the child sends with ``kirim`` while it works reaches the parent's ``Penerima``
as it comes (the rendered sheet is deflated by the parent while the child is still
rendering it), then the pickled result ends the stream. Whatever goes
wrong with the child (no ``fork`` on Windows, a crash, a signal, a result that does
not unpickle) the same function simply runs here instead: the result is the same,
only later. Nothing about the workbook depends on which process computed it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import struct
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")
Kirim = Callable[[bytes], None]

# Off for this process: set in batch workers (``--jobs N`` already uses every core)
# and by RKT_XL_PARALEL=0.
nonaktif = False

_KEPALA = struct.Struct("<cQ")  # frame: kind (b"D" data, b"H" result), payload length
_POTONGAN = 256 * 1024  # the child sends data in frames of about this size
_PIPA = 1 << 20  # pipe buffer asked for (Linux), so the child rarely waits on the parent


class Penerima(Protocol):
    """Where streamed output goes: ``terima`` each piece in order; ``ulang`` when the
    child failed midway and everything is sent again from the start."""

    def terima(self, data: bytes) -> None: ...

    def ulang(self) -> None: ...


def cara() -> str | None:
    """How a second core can help with a big sheet here: ``"proses"`` (a forked child
    builds and renders it), ``"utas"`` (a thread deflates it once rendered: zlib runs
    without the GIL; where there is no fork, as on Windows, or RKT_XL_PARALEL=utas), or
    None (one core, a ``--jobs`` worker, or RKT_XL_PARALEL=0)."""
    pilihan = os.environ.get("RKT_XL_PARALEL", "").strip().lower()
    if nonaktif or pilihan == "0":
        return None
    try:
        inti = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        inti = os.cpu_count() or 1
    if inti < 2:
        return None
    return "utas" if pilihan == "utas" or not hasattr(os, "fork") else "proses"


def tersedia() -> bool:
    """Whether a second process can help: POSIX fork, two usable cores, not turned off."""
    return cara() == "proses"


class Utas(Generic[T]):
    """``fungsi()`` run in a thread; ``hasil()`` waits for it (and runs it here if the
    thread failed). Only worth it for work that releases the GIL, such as zlib."""

    def __init__(self, fungsi: Callable[[], T]) -> None:
        import threading

        self._fungsi = fungsi
        self._hasil: tuple[T] | None = None
        self._utas = threading.Thread(target=self._jalan, name="rkt-xl-latar", daemon=True)
        self._utas.start()

    def _jalan(self) -> None:
        with contextlib.suppress(Exception):
            self._hasil = (self._fungsi(),)

    def hasil(self) -> T:
        self._utas.join()
        return self._hasil[0] if self._hasil is not None else self._fungsi()


def _tutup_warisan(kecuali: int) -> None:
    """Close every descriptor above stderr but ``kecuali``: the open ones as listed by
    the system (as subprocess does), else all up to the open-files limit."""
    for folder in ("/proc/self/fd", "/dev/fd"):
        try:
            terbuka = [int(x) for x in os.listdir(folder)]
        except (OSError, ValueError):
            continue
        for fd in terbuka:
            if fd > 2 and fd != kecuali:
                with contextlib.suppress(OSError):
                    os.close(fd)
        return
    try:
        batas = max(int(os.sysconf("SC_OPEN_MAX")), 256)
    except (AttributeError, ValueError, OSError):
        batas = 65536
    os.closerange(3, kecuali)
    os.closerange(kecuali + 1, batas)


def _buang(data: bytes) -> None:
    del data


def _tulis_semua(fd: int, data: bytes) -> None:
    tampilan = memoryview(data)
    while tampilan:
        tampilan = tampilan[os.write(fd, tampilan):]


def _baca_tepat(fd: int, n: int) -> bytes | None:
    bagian: list[bytes] = []
    while n > 0:
        b = os.read(fd, min(n, _PIPA))
        if not b:
            return None
        bagian.append(b)
        n -= len(b)
    return b"".join(bagian)


class Latar(Generic[T]):
    """``fungsi(kirim)`` computed in a child process; ``hasil()`` waits for it.

    ``fungsi`` must be pure (its output depends on its inputs only) and its result
    picklable. When no child can be started, or the child fails, ``hasil()`` runs it
    here, with ``kirim`` going straight to the ``Penerima``.
    """

    def __init__(self, fungsi: Callable[[Kirim], T]) -> None:
        self._fungsi = fungsi
        self._pid: int | None = None
        self._fd: int | None = None
        try:
            baca, tulis = os.pipe()
        except OSError:
            return
        with contextlib.suppress(OSError, AttributeError):
            import fcntl

            fcntl.fcntl(tulis, fcntl.F_SETPIPE_SZ, _PIPA)
        try:
            pid = os.fork()
        except OSError:
            os.close(baca)
            os.close(tulis)
            return
        if pid == 0:  # pragma: no cover - the child; its work is checked by its result
            self._anak(baca, tulis)
        os.close(tulis)
        self._pid, self._fd = pid, baca

    def _anak(self, baca: int, tulis: int) -> None:
        kode = 1
        try:
            os.close(baca)
            # The child needs only its pipe (and stderr). Inherited descriptors are
            # closed: the workbook's lock (flock) must not outlive a parent that was
            # killed while this child was still working.
            _tutup_warisan(tulis)
            # Ctrl-C goes to the whole process group: the parent handles it (and
            # cancels this child); the child must not print a traceback of its own.
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            tertunda: list[bytes] = []
            ukuran = 0

            def kirim_tertunda() -> None:
                nonlocal ukuran
                data = b"".join(tertunda)
                tertunda.clear()
                ukuran = 0
                _tulis_semua(tulis, _KEPALA.pack(b"D", len(data)) + data)

            def kirim(data: bytes) -> None:
                nonlocal ukuran
                tertunda.append(data)
                ukuran += len(data)
                if ukuran >= _POTONGAN:
                    kirim_tertunda()

            hasil = self._fungsi(kirim)
            if tertunda:
                kirim_tertunda()
            data = pickle.dumps(hasil, protocol=pickle.HIGHEST_PROTOCOL)
            _tulis_semua(tulis, _KEPALA.pack(b"H", len(data)) + data)
            os.close(tulis)
            kode = 0
        except BaseException:
            pass  # the parent computes it again
        finally:
            os._exit(kode)

    @property
    def di_latar(self) -> bool:
        """Whether a child process is computing it."""
        return self._pid is not None

    def hasil(self, penerima: Penerima | None = None) -> T:
        pid, fd = self._pid, self._fd
        self._pid = self._fd = None
        terima = penerima.terima if penerima is not None else _buang
        if pid is None or fd is None:
            return self._fungsi(terima)
        hasil: tuple[T] | None = None
        try:
            while True:
                kepala = _baca_tepat(fd, _KEPALA.size)
                if kepala is None:
                    break
                jenis, n = _KEPALA.unpack(kepala)
                data = _baca_tepat(fd, n)
                if data is None or jenis not in (b"D", b"H") or hasil is not None:
                    hasil = None
                    break
                if jenis == b"D":
                    terima(data)
                else:
                    hasil = (pickle.loads(data),)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError,
                struct.error):
            hasil = None
        finally:
            os.close(fd)  # a child still writing gets EPIPE and ends
            try:
                _, status = os.waitpid(pid, 0)
                berhasil = os.waitstatus_to_exitcode(status) == 0
            except OSError:
                berhasil = False
        if berhasil and hasil is not None:
            return hasil[0]
        if penerima is not None:
            penerima.ulang()
        return self._fungsi(terima)

    def batal(self) -> None:
        """Stop the child, if any (the run failed before its result was needed)."""
        pid, fd = self._pid, self._fd
        self._pid = self._fd = None
        if fd is not None:
            os.close(fd)
        if pid is not None:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(pid, 0)
