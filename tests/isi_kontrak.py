"""Filling a workbook the way outside tests do: openpyxl, by table name and header."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries


def isi_tabel(path: Path, isian: dict[str, list[dict[str, Any]]]) -> None:
    """Replace the data rows of the named tables with ``isian`` rows (header → value)
    and resize each table to fit; saved with openpyxl (input only, never output)."""
    wb = openpyxl.load_workbook(path, keep_vba=True)
    for ws in wb.worksheets:
        for nama in list(ws.tables):
            tabel = ws.tables[nama]
            if nama not in isian:
                continue
            # A table ref is a closed range: no bound is None.
            c1, r1, c2, r2 = cast(tuple[int, int, int, int], range_boundaries(tabel.ref))
            header = cast(list[str], [ws.cell(r1, c).value for c in range(c1, c2 + 1)])
            for r in range(r1 + 1, r2 + 1):
                for c in range(c1, c2 + 1):
                    ws.cell(r, c).value = None
            baris = isian[nama]
            for i, isi in enumerate(baris):
                for j, kolom in enumerate(header):
                    if kolom in isi:
                        ws.cell(r1 + 1 + i, c1 + j).value = isi[kolom]
            akhir = r1 + max(1, len(baris))
            tabel.ref = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{akhir}"
            if tabel.autoFilter is not None:
                tabel.autoFilter.ref = tabel.ref
    wb.save(path)
