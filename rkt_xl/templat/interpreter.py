"""Which Python the buttons of a new workbook run (``Interpreter_Win`` of xlwings.conf).

An empty ``Interpreter_Win`` makes xlwings start whatever ``pythonw`` is first on PATH,
often not the Python that has rkt_xl (or none at all: python.org's installer leaves
PATH alone unless told). A workbook made on Windows by ``rkt-xl baru`` therefore names
the ``pythonw.exe`` beside the Python running it — the one rkt_xl is installed in.
Elsewhere the cell stays empty, so the template built on Linux does not depend on the
machine that built it.

The platform and the executable are parameters, so the Windows branch is tested on any
machine."""

from __future__ import annotations

import ntpath
import os
from collections.abc import Callable


def pythonw_untuk(platform: str, executable: str,
                  ada: Callable[[str], bool] = os.path.isfile) -> str | None:
    """The interpreter for ``Interpreter_Win``: on Windows (``platform`` "win32") the
    ``pythonw.exe`` next to ``executable`` — no console window flashes up on a button
    click — or ``executable`` itself when there is none; None elsewhere or when the
    executable is unknown (``sys.executable`` may be empty)."""
    if platform != "win32" or not executable:
        return None
    folder, nama = ntpath.split(executable)
    if nama.lower().startswith("pythonw"):
        return executable
    calon = ntpath.join(folder, "pythonw.exe")
    return calon if ada(calon) else executable
