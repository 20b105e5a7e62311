"""Build the macro-enabled RKT workbook (the template, or one filled from JSON data).

``bangun`` is three steps so the VBA/xlwings step can slot in between them::

    buku = buat_workbook(tujuan)
    lembar = susun_lembar(buku, data)      # every contract sheet, by name
    ...                                    # e.g. add xlwings.conf, insert_button on Beranda
    pasang_vba(buku, modul)                # vbaProject.bin for the sheets now present
    buku.close()
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
from rkt_xl.templat.masukan import baris_untuk, periksa_data
from rkt_xl.templat.tabel import isi_lembar_tabel
from rkt_xl.templat.vba import MODUL_BAKU, kode_lembar, projek_vba

URUTAN_LEMBAR: tuple[str, ...] = (
    skema.BERANDA,
    *(tabel.lembar for tabel in skema.TABEL),
    *skema.LEMBAR_HASIL,
    skema.GAYA,
)
TEMPLAT_BAKU = Path("workbook") / "RKT_template.xlsm"
JUDUL_DOKUMEN = "Rencana Kinerja Tahunan (RKT)"
# Fixed so two builds of the same data are byte-identical (XlsxWriter already stamps
# every zip entry 1980-01-01 when it works in memory).
TANGGAL_DIBUAT = datetime(2026, 1, 1)

Tujuan = str | os.PathLike[str] | BinaryIO


def buat_workbook(tujuan: Tujuan) -> Workbook:
    """An XlsxWriter workbook with fixed document properties."""
    if isinstance(tujuan, str | os.PathLike):
        tujuan = Path(tujuan)
        if tujuan.suffix.lower() != ".xlsm":
            raise GalatBerkas(f"{tujuan}: nama berkas harus berakhiran .xlsm.")
        tujuan = str(tujuan)
    # in_memory: no temp files, and the zip timestamps are the fixed 1980-01-01.
    buku = Workbook(tujuan, {"in_memory": True})
    buku.set_properties({"title": JUDUL_DOKUMEN, "company": "", "author": "",
                         "created": TANGGAL_DIBUAT})
    buku.set_size(1400, 900)
    return buku


def susun_lembar(buku: Workbook, data: Mapping[str, Any] | None = None) -> dict[str, Worksheet]:
    """Every contract sheet in order, filled; returns them by sheet name."""
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
    return lembar


def pasang_vba(buku: Workbook, modul: Mapping[str, str] = MODUL_BAKU) -> None:
    """Embed a VBA project matching the sheets added so far; call after the last sheet."""
    semua = buku.worksheets()
    for lembar, kode in zip(semua, kode_lembar(len(semua)), strict=True):
        # Named explicitly so the workbook and the project agree whatever XlsxWriter's
        # own default naming does.
        lembar.set_vba_name(kode)
    buku.set_vba_name("ThisWorkbook")
    biner = projek_vba([lembar.vba_codename for lembar in semua], modul)
    buku.add_vba_project(io.BytesIO(biner), is_stream=True)


def bangun(tujuan: Tujuan, data: Mapping[str, Any] | None = None) -> None:
    """Write the RKT workbook to ``tujuan``: the empty template, or ``data`` (rkt-xl/1)."""
    buku = buat_workbook(tujuan)
    susun_lembar(buku, data)
    pasang_vba(buku)
    buku.close()
