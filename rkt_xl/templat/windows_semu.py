"""xlwings' UDF wrapper generator, driven on any OS.

The VBA wrappers that Excel's "Import Functions" would create are made at build time
with xlwings' own ``udfs.generate_vba_wrapper`` (DESIGN §8). ``xlwings.udfs`` imports
pywin32 at module level (``pythoncom``, ``pywintypes``, ``win32com.client.Dispatch``)
although the generator only reads the ``__xlfunc__`` metadata its decorators attach,
so for the length of one build empty stand-ins take those modules' place. This is the
one place in rkt_xl that does so; tests/test_windows_semu.py fails loudly when the
pinned xlwings starts importing anything else from pywin32.
"""

from __future__ import annotations

import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager

import xlwings

__all__ = ["NAMA_PENGGANTI", "xlwings_seperti_windows"]

MODUL_WINDOWS = ("pythoncom", "pywintypes", "win32com", "win32com.client")
# What xlwings.udfs takes from them at import time (module → attribute): the stand-ins
# provide exactly these.
NAMA_PENGGANTI: dict[str, str] = {"pythoncom": "CoInitialize", "pywintypes": "com_error",
                                  "win32com.client": "Dispatch"}
# The decorators are swapped on the shared xlwings module: one build at a time.
_KUNCI = threading.Lock()


@contextmanager
def xlwings_seperti_windows() -> Iterator[types.ModuleType]:
    """``xlwings.udfs`` importable on any OS, and ``xw.func`` & co. as on Windows.

    xlwings.udfs imports pywin32 at module level but generate_vba_wrapper only reads
    the ``__xlfunc__`` metadata its decorators attach, so empty stand-ins suffice. Off
    Windows ``xw.func`` is a no-op that attaches nothing, so while the UDF module is
    loaded the decorators are the Windows ones. Everything is put back afterwards, so
    ``import xlwings.udfs`` still fails (as it should) elsewhere in the process.
    """
    with _KUNCI, _seperti_windows() as udfs:
        yield udfs


@contextmanager
def _seperti_windows() -> Iterator[types.ModuleType]:
    pengganti: dict[str, types.ModuleType] = {}
    for nama in MODUL_WINDOWS:
        if nama not in sys.modules:
            pengganti[nama] = types.ModuleType(nama)
    # The names xlwings.udfs touches at import time.
    isi: dict[str, object] = {"pythoncom": lambda: None,
                              "pywintypes": type("com_error", (Exception,), {}),
                              "win32com.client": None}
    for nama, atribut in NAMA_PENGGANTI.items():
        if nama in pengganti:
            setattr(pengganti[nama], atribut, isi[nama])
    sudah_ada = "xlwings.udfs" in sys.modules
    lama = {nama: getattr(xlwings, nama, None) for nama in ("func", "arg", "ret", "sub", "script")}
    sys.modules.update(pengganti)
    try:
        import xlwings.udfs as udfs

        windows = {"func": udfs.xlfunc, "arg": udfs.xlarg, "ret": udfs.xlret,
                   "sub": udfs.xlsub, "script": udfs.xlsub}
        for nama, dekorator in windows.items():
            setattr(xlwings, nama, dekorator)
        yield udfs
    finally:
        for nama, asli in lama.items():
            setattr(xlwings, nama, asli)
        if not sudah_ada:
            sys.modules.pop("xlwings.udfs", None)
            if "udfs" in vars(xlwings):
                delattr(xlwings, "udfs")
        for nama in pengganti:
            sys.modules.pop(nama, None)


