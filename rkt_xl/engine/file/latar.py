"""One pure computation run in a forked child while this process goes on.

Building and rendering Tabel 2.5 of a workbook with thousands of kegiatan is a third
of ``rkt-xl proses``; it depends only on the model and the hitung results, so on a
machine with a second core it is done by a child process while this one validates,
writes the computed cells and builds the other sheets.

The child only computes: it gets the inputs through ``fork`` (copy-on-write memory),
sends the pickled result through a pipe and leaves with ``os._exit``, so none of the
parent's cleanup (temp files, locks, buffered output) ever runs twice. Whatever goes
wrong with the child (no ``fork`` on Windows, a crash, a signal, a result that does
not unpickle) the same function simply runs here instead: the result is the same,
only later. Nothing about the workbook depends on which process computed it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

# Off for this process: set in batch workers (``--jobs N`` already uses every core)
# and by RKT_XL_PARALEL=0.
nonaktif = False


def tersedia() -> bool:
    """Whether a second process can help: POSIX fork, two usable cores, not turned off."""
    if nonaktif or os.environ.get("RKT_XL_PARALEL", "").strip() == "0":
        return False
    if not hasattr(os, "fork"):
        return False
    try:
        inti = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        inti = os.cpu_count() or 1
    return inti >= 2


class Latar(Generic[T]):
    """``fungsi()`` computed in a child process; ``hasil()`` waits for it.

    ``fungsi`` must be pure (its result depends on its inputs only) and its result
    picklable. When no child can be started, ``hasil()`` computes it here.
    """

    def __init__(self, fungsi: Callable[[], T]) -> None:
        self._fungsi = fungsi
        self._pid: int | None = None
        self._fd: int | None = None
        try:
            baca, tulis = os.pipe()
        except OSError:
            return
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
            # Ctrl-C goes to the whole process group: the parent handles it (and
            # cancels this child); the child must not print a traceback of its own.
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            data = pickle.dumps(self._fungsi(), protocol=pickle.HIGHEST_PROTOCOL)
            tampilan = memoryview(data)
            while tampilan:
                tampilan = tampilan[os.write(tulis, tampilan):]
            kode = 0
        except BaseException:
            pass  # the parent computes it again
        finally:
            os._exit(kode)

    @property
    def di_latar(self) -> bool:
        """Whether a child process is computing it."""
        return self._pid is not None

    def hasil(self) -> T:
        pid, fd = self._pid, self._fd
        self._pid = self._fd = None
        if pid is None or fd is None:
            return self._fungsi()
        bagian: list[bytes] = []
        try:
            while True:
                b = os.read(fd, 1 << 20)
                if not b:
                    break
                bagian.append(b)
        except OSError:
            bagian = []
        finally:
            os.close(fd)
        try:
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) == 0 and bagian:
                return pickle.loads(b"".join(bagian))  # type: ignore[no-any-return]
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError):
            pass
        return self._fungsi()

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
