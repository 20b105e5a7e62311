"""The template builder: the macro-enabled RKT workbook, written with XlsxWriter.

``bangun(tujuan, data=None)`` writes the empty template, or a workbook filled from
the ``rkt-xl/1`` JSON interchange data; ``python -m rkt_xl.templat`` regenerates
``workbook/RKT_template.xlsm``. The VBA (rkt_xl/templat/vba/*.bas, xlwings' standalone module,
the generated UDF wrappers) and the ribbon (rkt_xl/templat/ribbon/customUI14.xml) are text,
read at build time: see sumber.py.
"""

from __future__ import annotations

from rkt_xl.templat.beranda import (
    LEBAR_TOMBOL,
    MAKRO_TOMBOL,
    SEL_STATUS,
    TINGGI_TOMBOL,
    TOMBOL_BERANDA,
)
from rkt_xl.templat.builder import (
    URUTAN_LEMBAR,
    bangun,
    buat_workbook,
    pasang_vba,
    susun_lembar,
)
from rkt_xl.templat.katalog import gaya_sel
from rkt_xl.templat.konfigurasi import LEMBAR_XLWINGS
from rkt_xl.templat.masukan import FORMAT_DATA, DataTidakValid, kunci_data
from rkt_xl.templat.sumber import semua_modul
from rkt_xl.templat.tabel import CATATAN_HITUNG, NAMA_DAFTAR_KODE_PROGRAM
from rkt_xl.templat.vba import projek_vba

__all__ = [
    "CATATAN_HITUNG",
    "FORMAT_DATA",
    "LEBAR_TOMBOL",
    "LEMBAR_XLWINGS",
    "MAKRO_TOMBOL",
    "NAMA_DAFTAR_KODE_PROGRAM",
    "SEL_STATUS",
    "TINGGI_TOMBOL",
    "TOMBOL_BERANDA",
    "URUTAN_LEMBAR",
    "DataTidakValid",
    "bangun",
    "buat_workbook",
    "gaya_sel",
    "kunci_data",
    "pasang_vba",
    "projek_vba",
    "semua_modul",
    "susun_lembar",
]
