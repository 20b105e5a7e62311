"""The generated sheets (Tabel 2.4 … Validasi): placeholders the engines regenerate whole."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from rkt_xl import skema
from rkt_xl.templat.format import CATATAN, KERTAS_A4, PabrikFormat

WARNA_TAB_HASIL = "#A5A5A5"


def catatan_hasil(nama_lembar: str) -> str:
    perintah = "Validasi" if nama_lembar == skema.VALIDASI else "Buat Lampiran"
    return f"Lembar ini dibuat otomatis — jalankan {perintah} / rkt-xl proses. Jangan diketik."


def isi_lembar_hasil(lembar: Worksheet, nama_lembar: str, fmt: PabrikFormat) -> None:
    # One cell so the part is not empty, and so a user who opens it knows why.
    lembar.write_string(0, 0, catatan_hasil(nama_lembar),
                        fmt({"italic": True, "font_color": CATATAN}))
    lembar.set_landscape()
    lembar.set_paper(KERTAS_A4)
    lembar.hide_gridlines(2)
    lembar.set_tab_color(WARNA_TAB_HASIL)
