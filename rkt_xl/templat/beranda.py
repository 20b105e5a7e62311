"""The Beranda (home) sheet: what the workbook is for and how to work in it."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

from rkt_xl import skema
from rkt_xl.templat.format import ABU_HITUNG, CATATAN, KERTAS_A4, PabrikFormat

JUDUL = "Rencana Kinerja Tahunan (RKT)"
SEL_STATUS = skema.SEL_STATUS
"""Where Hitung/Validasi/Buat Lampiran report their last run (one line of text)."""
STATUS_AWAL = "Status: belum diproses."

TOMBOL_BERANDA: tuple[tuple[str, str], ...] = (
    ("B7", "Validasi"),
    ("C7", "Hitung"),
    ("D7", "Buat Lampiran"),
)
"""Cell and caption of each button; the VBA step calls insert_button at these cells."""
LEBAR_TOMBOL = 190
TINGGI_TOMBOL = 40
"""Button size in pixels; fits inside one Beranda column and the button row."""
MAKRO_TOMBOL: dict[str, str] = {
    "Validasi": "Validasi",
    "Hitung": "Hitung",
    "Buat Lampiran": "BuatLampiran",
}
"""Caption → the Sub of rkt_xl/templat/vba/RKT.bas the button runs (tests/test_vba.py checks)."""

_BARIS_TOMBOL = 6  # 0-based row of TOMBOL_BERANDA
_KETERANGAN_TOMBOL = (
    "Validasi: periksa isian; daftar masalah ada di lembar Validasi.",
    "Hitung: isi kolom abu-abu (Capaian, Kategori, Pagu Program).",
    "Buat Lampiran: susun Tabel 2.4, Tabel 2.5, Lampiran I dan II.",
)

_LANGKAH = (
    f"1.  Isi lembar {skema.IDENTITAS.lembar}: nama OPD, tahun RKT, periode Renstra, kepala OPD.",
    f"2.  Isi lembar {skema.SASARAN_T.lembar}: tujuan, sasaran, indikator dan target tahun RKT.",
    f"3.  Isi lembar {skema.EVALUASI.lembar}: target dan realisasi tahun lalu (Tahun RKT - 1).",
    f"4.  Isi lembar {skema.PROGRAM_T.lembar}, lalu {skema.KEGIATAN_T.lembar} "
    "(Kode Program menghubungkan kegiatan dengan programnya).",
    "5.  Tekan Validasi, lalu Hitung, lalu Buat Lampiran.",
)
_INGAT = (
    f"•  Lembar {', '.join(skema.LEMBAR_LAMPIRAN)} dan {skema.VALIDASI} dibuat ulang",
    "    otomatis: jangan diketik, isinya akan ditimpa.",
    "•  Kolom abu-abu bercetak miring dihitung otomatis oleh Hitung: jangan diketik.",
    "•  Tambah baris dengan mengetik tepat di bawah tabel; tabel melebar sendiri.",
    "•  Angka boleh ditulis gaya Indonesia (1.234.567 atau 84,03);",
    "    angka yang meragukan ditandai oleh Validasi.",
    f"•  Tampilan lampiran diatur lewat lembar tersembunyi {skema.GAYA}.",
)
_BARIS_PERINTAH = (
    "Tanpa Excel, atau untuk banyak berkas sekaligus, jalankan di command line:",
    "rkt-xl proses BERKAS.xlsm",
)

# Column widths (characters): a narrow margin, three button columns, a spare one.
_LEBAR_KOLOM_TOMBOL = 30.0
_LEBAR_KOLOM = ((0, 0, 2.0), (1, 3, _LEBAR_KOLOM_TOMBOL), (4, 4, 6.0))
_TINGGI_BARIS_TOMBOL = TINGGI_TOMBOL * 0.75 + 6  # points: the button plus a margin
_KOLOM_AKHIR = 4


def _judul(lembar: Worksheet, fmt: PabrikFormat) -> None:
    lembar.set_row(1, 30)
    lembar.write_string("B2", JUDUL, fmt({"bold": True, "font_size": 18,
                                           "font_color": "#1F4E78", "valign": "vcenter"}))
    lembar.write_string("B3", "Buku kerja SAKIP: isi tabel masukan, rkt_xl menghitung "
                        "dan menyusun lampirannya.", fmt({"italic": True,
                                                          "font_color": CATATAN}))


def _status(lembar: Worksheet, fmt: PabrikFormat) -> None:
    # The whole bar is filled so a status line of any length sits in a visible box;
    # the neighbours stay blank so the text can run over them.
    bar = fmt({"bg_color": ABU_HITUNG, "font_color": "#1F4E78", "valign": "vcenter"})
    lembar.set_row(3, 22)
    lembar.write_string(SEL_STATUS, STATUS_AWAL, bar)
    for kolom in range(2, _KOLOM_AKHIR):
        lembar.write_blank(3, kolom, None, bar)


def _tombol(lembar: Worksheet, fmt: PabrikFormat) -> None:
    _judul_bagian(lembar, _BARIS_TOMBOL - 1, "Tombol (Excel)", fmt)
    lembar.set_row(_BARIS_TOMBOL, _TINGGI_BARIS_TOMBOL)
    lembar.set_row(_BARIS_TOMBOL + 1, 36)
    keterangan = fmt({"italic": True, "font_size": 9, "font_color": CATATAN,
                      "text_wrap": True, "valign": "top"})
    for kolom, teks in enumerate(_KETERANGAN_TOMBOL, start=1):
        lembar.write_string(_BARIS_TOMBOL + 1, kolom, teks, keterangan)
    pasang_tombol(lembar)


def pasang_tombol(lembar: Worksheet) -> None:
    """A form button per TOMBOL_BERANDA cell, centred in it, running its RKT macro."""
    # Excel's column width in pixels for Calibri 11 (what XlsxWriter computes too).
    lebar_kolom = int(_LEBAR_KOLOM_TOMBOL * 7 + 5)
    tinggi_baris = int(_TINGGI_BARIS_TOMBOL * 4 / 3)
    for (sel, judul), keterangan in zip(TOMBOL_BERANDA, _KETERANGAN_TOMBOL, strict=True):
        lembar.insert_button(sel, {
            "macro": MAKRO_TOMBOL[judul],
            "caption": judul,
            "width": LEBAR_TOMBOL,
            "height": TINGGI_TOMBOL,
            "x_offset": (lebar_kolom - LEBAR_TOMBOL) // 2,
            "y_offset": (tinggi_baris - TINGGI_TOMBOL) // 2,
            "description": keterangan,
        })


def _judul_bagian(lembar: Worksheet, baris: int, judul: str, fmt: PabrikFormat) -> None:
    lembar.write_string(baris, 1, judul, fmt({"bold": True, "font_size": 12,
                                              "font_color": "#1F4E78", "bottom": 1}))
    for kolom in range(2, _KOLOM_AKHIR):
        lembar.write_blank(baris, kolom, None, fmt({"bottom": 1}))


def _bagian(lembar: Worksheet, baris: int, judul: str, isi: tuple[str, ...],
            fmt: PabrikFormat) -> int:
    """A heading and its lines from ``baris`` (0-based); returns the next free row."""
    _judul_bagian(lembar, baris, judul, fmt)
    for nomor, teks in enumerate(isi, start=baris + 1):
        lembar.write_string(nomor, 1, teks)
    return baris + len(isi) + 2


def isi_beranda(lembar: Worksheet, fmt: PabrikFormat) -> None:
    for awal, akhir, lebar in _LEBAR_KOLOM:
        lembar.set_column(awal, akhir, lebar)
    _judul(lembar, fmt)
    _status(lembar, fmt)
    _tombol(lembar, fmt)
    baris = _bagian(lembar, _BARIS_TOMBOL + 3, "Langkah kerja", _LANGKAH, fmt)
    baris = _bagian(lembar, baris, "Perlu diingat", _INGAT, fmt)
    _judul_bagian(lembar, baris, "Command line", fmt)
    lembar.write_string(baris + 1, 1, _BARIS_PERINTAH[0])
    lembar.write_string(baris + 2, 1, _BARIS_PERINTAH[1],
                        fmt({"font_name": "Consolas", "bold": True, "indent": 1}))
    _tata_letak(lembar, baris + 2)


def _tata_letak(lembar: Worksheet, baris_akhir: int) -> None:
    lembar.hide_gridlines(2)
    lembar.set_paper(KERTAS_A4)
    lembar.print_area(0, 0, baris_akhir + 1, _KOLOM_AKHIR)
    lembar.fit_to_pages(1, 1)
    lembar.set_tab_color("#1F4E78")
    lembar.activate()
