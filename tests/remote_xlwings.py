"""The xlwings remote engine without Excel: a workbook file as the request Excel sends,
and the actions the engine answers with, read back as cell values.

xlwings' remote interpreter (``xw.Book(json=...)``) is the server half of xlwings
Server/Lite: the client (Office Scripts, Office.js, VBA, Google Apps Script) sends the
workbook's contents as JSON, Python runs against that snapshot, and ``book.json()``
returns the actions (``setValues``, ``copyFromRange``, ``rangeMerge``, ``alert``…) the
client then applies to the real workbook. Running it on Linux needs the PolyForm
Noncommercial licence key ``XLWINGS_LICENSE_KEY=noncommercial`` (government use is a
permitted purpose), set before xlwings is imported.

:func:`payload_dari_berkas` builds the request the Office Scripts client of the pinned
xlwings (``xlwings/js/xlwings.ts``, ``runPython``) would send for a workbook: book
name and active sheet, range names, and for every sheet its values from A1 to the
last used cell (``""`` for empty cells, dates as ISO text, error values as their
text), and its tables (ListObjects) with their addresses. Values are what Excel shows:
the cached result of a formula, as openpyxl reads it with ``data_only=True``.

:func:`sel_tertulis` replays the ``setValues`` actions into ``{(sheet, "A1"): value}``
so tests can compare what the xlwings engine writes with what the file engine writes.
Test code (tests/): nothing here runs in Excel, and the rkt_xl package does not import it.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path
from typing import Any

from rkt_xl.alamat import alamat, rentang

__all__ = ["KLIEN", "aksi", "buka", "payload_dari_berkas", "sel_tertulis", "siapkan_remote",
           "tata_tertulis"]

KLIEN = "Microsoft Office Scripts"
"""The client the payload imitates (the one whose payload format ships with xlwings)."""


def siapkan_remote(kunci: str | None = None) -> None:
    """Make ``xw.Book(json=...)`` available in this process.

    xlwings registers its remote engine when it is first imported, and only if a
    licence key is configured then; in a test session something else may import
    xlwings first. With ``kunci`` (e.g. ``"noncommercial"``) the key is set when none
    is, and the engine is registered if the first import skipped it. The caller
    chooses the licence: nothing is assumed here.
    """
    if kunci is not None:
        os.environ.setdefault("XLWINGS_LICENSE_KEY", kunci)
    import xlwings as xw

    if "remote" in [e.name for e in xw.engines]:
        return
    from xlwings.pro import _xlremote

    xw.engines.add(xw.Engine(impl=_xlremote.engine))


def _nilai_json(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return v
    if isinstance(v, _dt.datetime):
        return v.strftime("%Y-%m-%dT%H:%M:%S.") + f"{v.microsecond // 1000:03d}Z"
    if isinstance(v, _dt.date):
        return f"{v.isoformat()}T00:00:00.000Z"
    if isinstance(v, _dt.time):
        return f"1899-12-30T{v.strftime('%H:%M:%S')}.000Z"
    return str(v)


def _alamat_rentang(r1: int, c1: int, r2: int, c2: int) -> str:
    return f"{alamat(r1, c1)}:{alamat(r2, c2)}"


def _tabel_json(tbl: Any) -> dict[str, Any]:
    r1, c1, r2, c2 = rentang(str(tbl.ref))
    header = 0 if tbl.headerRowCount == 0 else 1
    total = int(tbl.totalsRowCount or 0)
    gaya = tbl.tableStyleInfo.name if tbl.tableStyleInfo is not None else ""
    return {
        "name": tbl.displayName or tbl.name,
        "range_address": _alamat_rentang(r1, c1, r2, c2),
        "header_row_range_address": _alamat_rentang(r1, c1, r1, c2) if header else None,
        "data_body_range_address": _alamat_rentang(r1 + header, c1, r2 - total, c2),
        "total_row_range_address": _alamat_rentang(r2, c1, r2, c2) if total else None,
        "show_headers": bool(header),
        "show_totals": bool(total),
        "table_style": gaya or "",
        "show_autofilter": tbl.autoFilter is not None,
    }


def payload_dari_berkas(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The JSON request the xlwings Office Scripts client would send for this file."""
    import openpyxl
    import xlwings

    path = Path(path)
    wb = openpyxl.load_workbook(path, data_only=True)
    posisi = {ws.title: i for i, ws in enumerate(wb.worksheets)}
    sheets: list[dict[str, Any]] = []
    for ws in wb.worksheets:
        baris, kolom = max(ws.max_row, 1), max(ws.max_column, 1)
        nilai = [[""] * kolom for _ in range(baris)]
        for row in ws.iter_rows(min_row=1, max_row=baris, max_col=kolom):
            for sel in row:
                if sel.value is not None:
                    nilai[sel.row - 1][sel.column - 1] = _nilai_json(sel.value)
        sheets.append({
            "name": ws.title,
            "values": nilai,
            "pictures": [],
            "tables": [_tabel_json(t) for t in ws.tables.values()],
        })
    names: list[dict[str, Any]] = []
    for nama, dn in wb.defined_names.items():
        tujuan = list(dn.destinations)
        if len(tujuan) == 1 and tujuan[0][0] in posisi:
            lembar, ref = tujuan[0]
            names.append({"name": nama, "sheet_index": posisi[lembar],
                          "address": ref.replace("$", ""), "scope_sheet_name": None,
                          "scope_sheet_index": None, "book_scope": True})
    aktif = wb.active
    return {
        "client": KLIEN,
        "version": xlwings.__version__,
        "book": {"name": path.name,
                 "active_sheet_index": posisi.get(aktif.title, 0) if aktif is not None else 0,
                 "selection": "A1"},
        "names": names,
        "sheets": sheets,
    }


def buka(path: str | os.PathLike[str]) -> Any:
    """A remote-engine ``xw.Book`` of a workbook file (needs the licence key set)."""
    import xlwings as xw

    return xw.Book(json=payload_dari_berkas(path))


def aksi(book: Any) -> list[dict[str, Any]]:
    """The actions the remote engine has queued for the client, in order."""
    return list(book.json()["actions"])


def _teks_sel(v: Any) -> Any:
    # Excel drops the text mark: what the cell holds is the text after it.
    if isinstance(v, str) and v.startswith("'"):
        return v[1:]
    if v == "":
        return None
    return v


def sel_tertulis(daftar_aksi: list[dict[str, Any]], nama_lembar: list[str]
                 ) -> dict[tuple[str, str], Any]:
    """``(sheet, "A1") → value`` of every cell the ``setValues`` actions write, the
    last write winning. ``nama_lembar`` is the sheet order of the payload; sheets the
    actions add are followed. A leading apostrophe is removed as Excel removes it."""
    lembar = list(nama_lembar)
    hasil: dict[tuple[str, str], Any] = {}
    for a in daftar_aksi:
        if a["func"] == "addSheet":
            indeks, nama = a["args"][0], a["args"][1]
            lembar.insert(int(indeks), str(nama))
        elif a["func"] == "sheetDelete":
            del lembar[int(a["sheet_position"])]
        elif a["func"] in ("setValues", "setFormula"):
            nama = lembar[int(a["sheet_position"])]
            r0, c0 = int(a["start_row"]), int(a["start_column"])
            for i, baris in enumerate(a["values"]):
                for j, v in enumerate(baris):
                    hasil[(nama, alamat(r0 + i + 1, c0 + j + 1))] = _teks_sel(v)
    return hasil


def tata_tertulis(daftar_aksi: list[dict[str, Any]]) -> dict[str, dict[str, list[tuple[Any, ...]]]]:
    """Sheet → the merges, row heights and column widths the ``RKT_TerapkanTata``
    macro calls carry, decoded as the VBA reads them (``"b1 k1 b2 k2|…"``)."""
    hasil: dict[str, dict[str, list[tuple[Any, ...]]]] = {}
    for a in daftar_aksi:
        if a["func"] != "runMacro" or not str(a["args"][0]).endswith("RKT_TerapkanTata"):
            continue
        argumen = a["args"][1:]
        if len(argumen) == 1:  # xlwings' remote engine nests a tuple of arguments
            argumen = argumen[0]
        lembar, gabung, tinggi, lebar = argumen

        def pisah(teks: str) -> list[list[str]]:
            return [x.split(" ") for x in teks.split("|")] if teks else []

        hasil[lembar] = {
            "gabung": [tuple(int(x) for x in g) for g in pisah(gabung)],
            "tinggi": [(int(a1), int(a2), float(h)) for a1, a2, h in pisah(tinggi)],
            "lebar": [(int(k1), int(k2), float(w)) for k1, k2, w in pisah(lebar)],
        }
    return hasil
