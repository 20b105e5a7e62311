"""The template builder: the macro-enabled RKT workbook, written with XlsxWriter.

``bangun(tujuan, data=None)`` writes the empty template, or a workbook filled from
the ``rkt-xl/1`` JSON interchange data; ``python -m rkt_xl.templat`` regenerates
``workbook/RKT_template.xlsm``.
"""

from __future__ import annotations

from rkt_xl.templat.beranda import LEBAR_TOMBOL, SEL_STATUS, TINGGI_TOMBOL, TOMBOL_BERANDA
from rkt_xl.templat.builder import (
    URUTAN_LEMBAR,
    bangun,
    buat_workbook,
    pasang_vba,
    susun_lembar,
)
from rkt_xl.templat.katalog import gaya_sel
from rkt_xl.templat.masukan import FORMAT_DATA, DataTidakValid, kunci_data
from rkt_xl.templat.tabel import CATATAN_HITUNG, NAMA_DAFTAR_KODE_PROGRAM
from rkt_xl.templat.vba import projek_vba

__all__ = [
    "CATATAN_HITUNG",
    "FORMAT_DATA",
    "LEBAR_TOMBOL",
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
    "susun_lembar",
]
