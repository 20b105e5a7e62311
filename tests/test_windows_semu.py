"""The pywin32 stand-ins of rkt_xl/templat/windows_semu.py against the installed xlwings:
when the pinned xlwings starts importing something else from pywin32 at module level,
or the generator's signature changes, this fails loudly instead of a build breaking
(or, worse, silently writing different wrappers)."""

from __future__ import annotations

import ast
import inspect
import sys
from pathlib import Path

import xlwings

from rkt_xl.templat import windows_semu


def _impor_win32(pohon: ast.Module) -> dict[str, set[str]]:
    """Module-level imports of pywin32 modules in a source: module → names taken."""
    hasil: dict[str, set[str]] = {}
    for node in pohon.body:
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] in ("pythoncom", "pywintypes", "win32com", "win32api"):
                    hasil.setdefault(a.name, set())
        elif isinstance(node, ast.ImportFrom) and node.module and \
                node.module.split(".")[0] in ("pythoncom", "pywintypes", "win32com", "win32api"):
            hasil.setdefault(node.module, set()).update(a.name for a in node.names)
    return hasil


def test_xlwings_udfs_mengimpor_yang_diganti_saja() -> None:
    sumber = Path(xlwings.__file__).with_name("udfs.py").read_text(encoding="utf-8")
    impor = _impor_win32(ast.parse(sumber))
    assert set(impor) <= set(windows_semu.MODUL_WINDOWS), impor
    # every name taken with "from … import" is one the stand-ins provide
    for modul, nama in impor.items():
        for n in nama:
            assert windows_semu.NAMA_PENGGANTI.get(modul) == n, (modul, n)
    # names used as attributes at module level of the stand-in modules
    for modul in ("pythoncom", "pywintypes"):
        if modul in impor:
            assert f"{modul}.{windows_semu.NAMA_PENGGANTI[modul]}" in sumber


def test_pembangkit_masih_sama() -> None:
    with windows_semu.xlwings_seperti_windows() as udfs:
        assert list(inspect.signature(udfs.generate_vba_wrapper).parameters) == \
            ["module_name", "module", "f", "xl_workbook"]
    # everything is put back: off Windows xlwings.udfs stays unimportable
    assert "pythoncom" not in sys.modules and "xlwings.udfs" not in sys.modules
