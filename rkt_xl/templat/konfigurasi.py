"""The ``xlwings.conf`` sheet: the workbook's own xlwings settings.

xlwings' VBA (``GetConfigFromSheet``) looks the sheet up by this exact name, and reads
every cell of column A from A1 down to the first empty cell as a key (upper-cased), with
the value beside it in column B. So: no header row, no gap between keys, each key once
(a repeat is a VBA error), and nothing but keys in column A. Column C is never read,
which makes it the place for the explanation in Indonesian.

An entry here overrides the user's ``%USERPROFILE%\\.xlwings\\xlwings.conf``, even when
its value is empty; the notes say so where it matters (the interpreter path).
"""

from __future__ import annotations

import math

from xlsxwriter.worksheet import Worksheet

from rkt_xl.templat.format import CATATAN, KERTAS_A4, PabrikFormat
from rkt_xl.templat.sumber import MODUL_UDF

LEMBAR_XLWINGS = "xlwings.conf"

Nilai = str | bool | None
KUNCI_INTERPRETER_WIN = "Interpreter_Win"

# Key spelling as xlwings' quickstart_standalone.xlsm writes it (the VBA upper-cases
# keys before the lookup, so only the text users see depends on it).
PENGATURAN_XLWINGS: tuple[tuple[str, Nilai, str], ...] = (
    (KUNCI_INTERPRETER_WIN, None,
     "Windows: path lengkap pythonw.exe dari Python tempat rkt_xl dipasang, mis. "
     r"C:\Users\nama\AppData\Local\Programs\Python\Python311\pythonw.exe atau "
     r"%USERPROFILE%\rkt\.venv\Scripts\pythonw.exe. Kosong = python dari PATH. "
     "Isi di sini jika tombol gagal dengan pesan Python tidak ditemukan."),
    ("Interpreter_Mac", None,
     "macOS: path lengkap python, mis. $HOME/rkt/.venv/bin/python. Kosong = python."),
    ("PYTHONPATH", None,
     "Folder tambahan tempat Python mencari modul (pisahkan dengan ;). Biarkan kosong "
     "bila rkt_xl dipasang dengan pip."),
    ("Conda Path", None,
     r"Hanya untuk Anaconda/Miniconda di Windows: folder instalasinya, mis. "
     r"%USERPROFILE%\miniconda3 (Interpreter_Win lalu dikosongkan)."),
    ("Conda Env", None, "Hanya untuk Anaconda/Miniconda: nama environment, mis. base."),
    ("UDF Modules", MODUL_UDF,
     "Modul Python fungsi RKT_CAPAIAN, RKT_KATEGORI, RKT_ANGKA, RKT_TERBILANG, "
     "RKT_RUPIAH. Jangan diubah."),
    ("Debug UDFs", False, "TRUE hanya untuk pengembang (server UDF dijalankan manual)."),
    ("Use UDF Server", False,
     "TRUE: tombol memakai proses Python yang sama dengan fungsi RKT_ (lebih cepat, "
     "tetapi perubahan kode Python baru terbaca setelah Excel ditutup)."),
    ("Show Console", False,
     "TRUE: tampilkan jendela hitam Python saat tombol ditekan (untuk mencari masalah)."),
    ("ADD_WORKBOOK_TO_PYTHONPATH", False,
     "FALSE: folder buku kerja tidak ditambahkan ke jalur Python, sehingga berkas .py "
     "di folder yang sama (atau folder OneDrive) tidak mengganggu rkt_xl."),
)
"""Key, value (None = empty cell), and the Keterangan written beside it."""

KOLOM_KETERANGAN = 2
_LEBAR = (34.0, 45.0, 90.0)  # columns A, B, C in characters
# Neither Excel nor LibreOffice grows a row for wrapped text on opening a file, so each
# row gets a height for its text: about this many characters fit on one line of C.
_HURUF_PER_BARIS = 95
_TINGGI_BARIS = 15.0
_PETUNJUK = (
    "Lembar ini dibaca oleh xlwings, penghubung Excel dengan Python, setiap kali tombol "
    "atau fungsi RKT_ dijalankan.",
    "Kolom A: nama pengaturan (jangan diubah, jangan disisipi baris kosong). "
    "Kolom B: nilainya. Kolom C: keterangan.",
    "Jangan ganti nama lembar ini dan jangan pindahkan isinya dari sel A1: xlwings "
    "mencarinya dengan nama \"xlwings.conf\".",
    "Pengaturan di sini mengalahkan berkas %USERPROFILE%\\.xlwings\\xlwings.conf; "
    "hapus barisnya untuk memakai nilai dari berkas itu.",
    "Tanpa Excel, semua perintah juga tersedia di command line: rkt-xl proses BERKAS.xlsm",
)
_JARAK_PETUNJUK = 2  # empty rows between the settings and the notes below them


def _tinggi(teks: str) -> float:
    return _TINGGI_BARIS * max(1, math.ceil(len(teks) / _HURUF_PER_BARIS))


def isi_konfigurasi_xlwings(lembar: Worksheet, fmt: PabrikFormat,
                            interpreter_win: str | None = None) -> None:
    """The settings, their notes and the instructions; ``interpreter_win`` fills
    ``Interpreter_Win`` (see interpreter.py), None leaves it empty as in the template."""
    kunci = fmt({"bold": True, "valign": "top"})
    nilai = fmt({"bg_color": "#FFF2CC", "border": 1, "border_color": "#BFBFBF",
                 "valign": "top"})
    keterangan = fmt({"italic": True, "font_color": CATATAN, "text_wrap": True,
                      "valign": "top"})
    for baris, (nama, isi, teks) in enumerate(PENGATURAN_XLWINGS):
        if nama == KUNCI_INTERPRETER_WIN and interpreter_win:
            isi = interpreter_win
        lembar.set_row(baris, _tinggi(teks))
        lembar.write_string(baris, 0, nama, kunci)
        if isi is None:
            lembar.write_blank(baris, 1, None, nilai)
        elif isinstance(isi, bool):
            lembar.write_boolean(baris, 1, isi, nilai)
        else:
            lembar.write_string(baris, 1, isi, nilai)
        lembar.write_string(baris, KOLOM_KETERANGAN, teks, keterangan)
    # Notes go in column C too: xlwings reads column A only down to its first gap, and
    # column C not at all, so nothing here can turn into a setting.
    awal = len(PENGATURAN_XLWINGS) + _JARAK_PETUNJUK
    lembar.write_string(awal, KOLOM_KETERANGAN, "Petunjuk", fmt({"bold": True}))
    for nomor, teks in enumerate(_PETUNJUK, start=awal + 1):
        lembar.set_row(nomor, _tinggi(teks))
        lembar.write_string(nomor, KOLOM_KETERANGAN, teks, keterangan)
    for kolom, lebar in enumerate(_LEBAR):
        lembar.set_column(kolom, kolom, lebar)
    lembar.set_landscape()
    lembar.set_paper(KERTAS_A4)
    lembar.fit_to_pages(1, 0)
    lembar.set_tab_color("#7F7F7F")
