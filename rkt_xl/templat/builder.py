"""Build the macro-enabled RKT workbook (the template, or one filled from JSON data).

``bangun`` is these steps, all from text in the repository and the pinned packages::

    buku = buat_workbook(buffer)
    lembar = susun_lembar(buku, data)  # contract sheets (Beranda with its buttons), then
                                       # _Gaya and xlwings.conf
    pasang_vba(buku)                   # vbaProject.bin: RKT.bas, xlwings, Dictionary,
                                       # xlwings_udfs (see sumber.py)
    buku.close()
    pasang_ribbon(buffer)              # customUI14.xml after XlsxWriter is done
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from rkt_xl import skema
from rkt_xl.galat import GalatBerkas
from rkt_xl.templat.beranda import isi_beranda
from rkt_xl.templat.format import PabrikFormat
from rkt_xl.templat.hasil import isi_lembar_hasil
from rkt_xl.templat.katalog import isi_katalog_gaya
from rkt_xl.templat.konfigurasi import LEMBAR_XLWINGS, isi_konfigurasi_xlwings
from rkt_xl.templat.masukan import baris_untuk, periksa_data
from rkt_xl.templat.ribbon import pasang_ribbon
from rkt_xl.templat.tabel import isi_lembar_tabel
from rkt_xl.templat.vba import kode_lembar, projek_vba

URUTAN_LEMBAR: tuple[str, ...] = (
    skema.BERANDA,
    *(tabel.lembar for tabel in skema.TABEL),
    *skema.LEMBAR_HASIL,
    skema.GAYA,
    # Last, as `xlwings quickstart` places it: after every contract sheet, so their
    # positions do not move; xlwings finds it by name.
    LEMBAR_XLWINGS,
)
TEMPLAT_BAKU = Path("workbook") / "RKT_template.xlsm"
JUDUL_DOKUMEN = "Rencana Kinerja Tahunan (RKT)"
# Fixed so two builds of the same data are byte-identical (XlsxWriter already stamps
# every zip entry 1980-01-01 when it works in memory).
TANGGAL_DIBUAT = datetime(2026, 1, 1)

Tujuan = str | os.PathLike[str] | BinaryIO


def _periksa_tujuan(tujuan: Tujuan) -> None:
    if isinstance(tujuan, str | os.PathLike) and Path(tujuan).suffix.lower() != ".xlsm":
        raise GalatBerkas(f"{tujuan}: nama berkas harus berakhiran .xlsm.")


def buat_workbook(tujuan: Tujuan) -> Workbook:
    """An XlsxWriter workbook with fixed document properties."""
    _periksa_tujuan(tujuan)
    if isinstance(tujuan, str | os.PathLike):
        tujuan = str(tujuan)
    # in_memory: no temp files, and the zip timestamps are the fixed 1980-01-01.
    buku = Workbook(tujuan, {"in_memory": True})
    buku.set_properties({"title": JUDUL_DOKUMEN, "company": "", "author": "",
                         "created": TANGGAL_DIBUAT})
    buku.set_size(1400, 900)
    return buku


def susun_lembar(buku: Workbook, data: Mapping[str, Any] | None = None,
                 interpreter_win: str | None = None) -> dict[str, Worksheet]:
    """Every contract sheet in order, filled; returns them by sheet name.
    ``interpreter_win``: the Python for the buttons (None: empty, as in the template)."""
    if data is not None:
        periksa_data(data)
    fmt = PabrikFormat(buku)
    lembar = {nama: buku.add_worksheet(nama) for nama in URUTAN_LEMBAR}
    isi_beranda(lembar[skema.BERANDA], fmt)
    for tabel in skema.TABEL:
        isi_lembar_tabel(buku, lembar[tabel.lembar], tabel, baris_untuk(tabel, data), fmt)
    for nama in skema.LEMBAR_HASIL:
        isi_lembar_hasil(lembar[nama], nama, fmt)
    isi_katalog_gaya(lembar[skema.GAYA], fmt)
    isi_konfigurasi_xlwings(lembar[LEMBAR_XLWINGS], fmt, interpreter_win)
    return lembar


def pasang_vba(buku: Workbook, modul: Mapping[str, str] | None = None) -> None:
    """Embed a VBA project matching the sheets added so far; call after the last sheet.

    ``modul`` (name → source) defaults to every module of the template."""
    semua = buku.worksheets()
    for lembar, kode in zip(semua, kode_lembar(len(semua)), strict=True):
        # Named explicitly so the workbook and the project agree whatever XlsxWriter's
        # own default naming does.
        lembar.set_vba_name(kode)
    buku.set_vba_name("ThisWorkbook")
    biner = projek_vba([lembar.vba_codename for lembar in semua], modul)
    buku.add_vba_project(io.BytesIO(biner), is_stream=True)


def bangun(tujuan: Tujuan, data: Mapping[str, Any] | None = None,
           interpreter_win: str | None = None) -> None:
    """Write the RKT workbook to ``tujuan``: the empty template, or ``data`` (rkt-xl/1);
    ``interpreter_win`` fills ``Interpreter_Win`` of the xlwings.conf sheet."""
    _periksa_tujuan(tujuan)
    # Built in memory and written once complete, so bad data or a missing VBA source
    # leaves no half-written file behind.
    sementara = io.BytesIO()
    buku = buat_workbook(sementara)
    susun_lembar(buku, data, interpreter_win)
    pasang_vba(buku)
    buku.close()
    paket = pasang_ribbon(sementara.getvalue())
    if isinstance(tujuan, str | os.PathLike):
        Path(tujuan).write_bytes(paket)
    else:
        tujuan.write(paket)
