"""The hidden ``_Gaya`` sheet: one prototype cell per style of rkt_xl.lampiran.gaya."""

from __future__ import annotations

from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from rkt_xl.lampiran.gaya import GAYA
from rkt_xl.templat.format import CATATAN, PabrikFormat

JUDUL_KOLOM = ("Gaya", "Contoh")
KOLOM_CONTOH = 1
CONTOH_TEKS = "Contoh"
CONTOH_ANGKA = 1234567.891
CATATAN_GAYA = (
    "Kolom A: nama gaya (jangan diubah). Kolom B: contoh bergaya.",
    "Ubah format sel di kolom B (huruf, warna, bingkai, format angka) untuk mengubah "
    "tampilan gaya itu di semua lampiran.",
    "Lampiran yang sudah ada berubah setelah Buat Lampiran / rkt-xl proses dijalankan lagi.",
)


def gaya_sel() -> dict[str, str]:
    """Style name → address of its prototype cell on ``_Gaya`` (column B, from row 2)."""
    return {nama: str(xl_rowcol_to_cell(baris, KOLOM_CONTOH))
            for baris, nama in enumerate(GAYA, start=1)}


def _contoh(sifat: dict[str, Any]) -> str | float:
    return CONTOH_ANGKA if "num_format" in sifat else CONTOH_TEKS


def isi_katalog_gaya(lembar: Worksheet, fmt: PabrikFormat) -> None:
    tebal = fmt({"bold": True})
    for kolom, judul in enumerate(JUDUL_KOLOM):
        lembar.write_string(0, kolom, judul, tebal)
    for baris, (nama, sifat) in enumerate(GAYA.items(), start=1):
        lembar.write_string(baris, 0, nama)
        contoh = _contoh(sifat)
        if isinstance(contoh, str):
            lembar.write_string(baris, KOLOM_CONTOH, contoh, fmt(sifat))
        else:
            lembar.write_number(baris, KOLOM_CONTOH, contoh, fmt(sifat))
    for baris, teks in enumerate(CATATAN_GAYA):
        lembar.write_string(baris, 3, teks, fmt({"italic": True, "font_color": CATATAN}))
    lembar.write_comment(0, KOLOM_CONTOH, CATATAN_GAYA[1], {"author": "rkt_xl", "x_scale": 2})
    lembar.set_column(0, 0, 16)
    lembar.set_column(1, 1, 22)
    lembar.set_column(2, 2, 3)
    lembar.hide()
