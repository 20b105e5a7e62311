"""The input sheets: one Excel Table per skema.TabelSkema, starting at A1."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.utility import (
    quote_sheetname,
    xl_col_to_name,
)
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from rkt_xl import skema
from rkt_xl.lampiran.ukur import Huruf, jumlah_baris
from rkt_xl.templat.format import (
    ABU_HITUNG,
    ABU_JUDUL_HITUNG,
    BIRU_JUDUL,
    KERTAS_A4,
    PabrikFormat,
)
from rkt_xl.templat.masukan import Baris, Nilai

GAYA_TABEL = "Table Style Light 9"
CATATAN_HITUNG = "Dihitung otomatis oleh Hitung — jangan diketik."
NAMA_DAFTAR_KODE_PROGRAM = "DaftarKodeProgram"
# Validation lists cover this many sheet rows (header included); longer data extends it.
BARIS_VALIDASI = 5000
WARNA_TAB_MASUKAN = "#70AD47"

_LEBAR_BAKU = 14.0
_LEBAR: dict[str, float] = {
    skema.KODE: 10, skema.TUJUAN: 45, skema.INDIKATOR_TUJUAN: 40, skema.SASARAN: 45,
    skema.INDIKATOR_SASARAN: 45, skema.SATUAN: 12, skema.POLARITAS: 12,
    skema.TARGET_AKHIR: 14, skema.TARGET: 12, skema.REALISASI: 12, skema.CAPAIAN: 13,
    skema.KATEGORI: 15, skema.KODE_PROGRAM: 14, skema.PROGRAM: 45,
    skema.INDIKATOR_PROGRAM: 45, skema.TARGET_PROGRAM: 16, skema.PAGU_PROGRAM: 18,
    skema.KODE_KEGIATAN: 15, skema.KEGIATAN: 45, skema.INDIKATOR_KEGIATAN: 45,
    skema.PAGU: 18, skema.KUNCI: 28, skema.NILAI: 40, skema.KETERANGAN: 80,
}
TINGGI_GARIS = 15.0  # points per line of 11 pt Calibri, the input tables' font
# Calibri is narrower than Arial, whose metrics ukur has: measured with them, a line
# holds a little less than it will, and a row is never too short.
_HURUF_MASUKAN = Huruf(11.0)
_FORMAT_ANGKA: dict[str, str] = {
    skema.CAPAIAN: "0.00", skema.PAGU: "#,##0", skema.PAGU_PROGRAM: "#,##0",
}
# Codes such as "1.01" or "01" must stay text when typed later, so the column is "@".
_KOLOM_KODE = frozenset({skema.KODE, skema.KODE_PROGRAM, skema.KODE_KEGIATAN})


def sifat_kolom(tabel: skema.TabelSkema, kolom: str) -> dict[str, Any]:
    """Format properties of a data cell; also the column format for rows typed later."""
    sifat: dict[str, Any] = {"valign": "top"}
    if kolom not in _FORMAT_ANGKA:
        # Every column that may hold text wraps it ("12 Bulan", "Meningkatnya kualitas
        # layanan…" in a Target column were cut off); a number never wraps anyway.
        sifat["text_wrap"] = True
    if kolom in _FORMAT_ANGKA:
        sifat["num_format"] = _FORMAT_ANGKA[kolom]
    elif kolom in _KOLOM_KODE:
        sifat["num_format"] = "@"
    if kolom in tabel.kolom_hitung:
        sifat.update(bg_color=ABU_HITUNG, italic=True)
    return sifat


def sifat_judul(tabel: skema.TabelSkema, kolom: str) -> dict[str, Any]:
    # Filled explicitly, not left to the table style, so LibreOffice (which ignores
    # table styles) shows the same header as Excel.
    hitung = kolom in tabel.kolom_hitung
    return {
        "bold": True, "text_wrap": True, "valign": "vcenter", "font_color": "#FFFFFF",
        "bg_color": ABU_JUDUL_HITUNG if hitung else BIRU_JUDUL, "italic": hitung,
    }


def tulis_sel(lembar: Worksheet, baris: int, kolom: int, nilai: Nilai, format_: Format) -> None:
    """Write by type: a str is never turned into a formula or a number."""
    if nilai is None or nilai == "":
        lembar.write_blank(baris, kolom, None, format_)
    elif isinstance(nilai, str):
        lembar.write_string(baris, kolom, nilai, format_)
    elif isinstance(nilai, bool):
        lembar.write_boolean(baris, kolom, nilai, format_)
    else:
        lembar.write_number(baris, kolom, nilai, format_)


def jumlah_baris_teks(teks: str, lebar: float) -> int:
    """Lines a wrapped cell needs — the appendices' estimator (rkt_xl.lampiran.ukur):
    XlsxWriter cannot autofit row heights, and LibreOffice does not refit them on
    open, so long text would be clipped."""
    return jumlah_baris(teks, lebar, _HURUF_MASUKAN)


def _tinggi_baris(tabel: skema.TabelSkema, baris: Baris) -> float | None:
    lebar = [_LEBAR.get(k, _LEBAR_BAKU) for k in tabel.kolom]
    garis = max((jumlah_baris_teks(n, w) for n, w, k in zip(baris, lebar, tabel.kolom,
                                                             strict=False)
                 if isinstance(n, str) and k not in _FORMAT_ANGKA), default=1)
    return TINGGI_GARIS * garis if garis > 1 else None


def tulis_tabel(
    lembar: Worksheet, tabel: skema.TabelSkema, isi: Sequence[Baris], fmt: PabrikFormat
) -> None:
    """The table with its rows; an empty table keeps one blank row (Excel needs one)."""
    format_kolom = [fmt(sifat_kolom(tabel, k)) for k in tabel.kolom]
    baris_data = list(isi) or [[None] * len(tabel.kolom)]
    lembar.add_table(0, 0, len(baris_data), len(tabel.kolom) - 1, {
        "name": tabel.nama,
        "style": GAYA_TABEL,
        "columns": [
            {"header": k, "header_format": fmt(sifat_judul(tabel, k)), "format": f}
            for k, f in zip(tabel.kolom, format_kolom, strict=True)
        ],
    })
    for nomor, baris in enumerate(baris_data, start=1):
        for kolom, nilai in enumerate(baris):
            tulis_sel(lembar, nomor, kolom, nilai, format_kolom[kolom])
        tinggi = _tinggi_baris(tabel, baris)
        if tinggi is not None:
            lembar.set_row(nomor, tinggi)
    for kolom, (nama, format_) in enumerate(zip(tabel.kolom, format_kolom, strict=True)):
        lembar.set_column(kolom, kolom, _LEBAR.get(nama, _LEBAR_BAKU), format_)


def tandai_kolom_hitung(lembar: Worksheet, tabel: skema.TabelSkema) -> None:
    for nama in tabel.kolom_hitung:
        lembar.write_comment(0, tabel.indeks(nama), CATATAN_HITUNG,
                             {"author": "rkt_xl", "x_scale": 1.6, "y_scale": 0.6})


def _baris_akhir(isi: Sequence[Baris]) -> int:
    """0-based last row that validation lists cover."""
    return max(BARIS_VALIDASI, len(isi) + 1) - 1


def validasi_polaritas(lembar: Worksheet, tabel: skema.TabelSkema, isi: Sequence[Baris]) -> None:
    if skema.POLARITAS not in tabel.kolom:
        return
    kolom = tabel.indeks(skema.POLARITAS)
    lembar.data_validation(1, kolom, _baris_akhir(isi), kolom, {
        "validate": "list",
        "source": list(skema.POLARITAS_SAH),
        "input_title": "Polaritas",
        "input_message": "Positif: makin tinggi makin baik. Negatif: makin rendah makin "
                         "baik. Kosong dianggap Positif.",
        "error_title": "Polaritas tidak dikenal",
        "error_message": "Isi Positif atau Negatif.",
    })


def definisikan_daftar_kode_program(workbook: Workbook, isi: Sequence[Baris]) -> None:
    """A workbook name over the Kode Program column, for the Kegiatan dropdown."""
    kolom = xl_col_to_name(skema.PROGRAM_T.indeks(skema.KODE_PROGRAM))
    akhir = _baris_akhir(isi) + 1
    lembar = quote_sheetname(skema.PROGRAM_T.lembar)
    workbook.define_name(NAMA_DAFTAR_KODE_PROGRAM, f"={lembar}!${kolom}$2:${kolom}${akhir}")


def validasi_kode_program(lembar: Worksheet, isi: Sequence[Baris]) -> None:
    kolom = skema.KEGIATAN_T.indeks(skema.KODE_PROGRAM)
    # A warning, not a stop: staff paste kegiatan before their program exists, and
    # Validasi reports an unknown code anyway (program-tidak-dikenal).
    lembar.data_validation(1, kolom, _baris_akhir(isi), kolom, {
        "validate": "list",
        "source": f"={NAMA_DAFTAR_KODE_PROGRAM}",
        "error_type": "warning",
        "input_title": "Kode Program",
        "input_message": "Pilih Kode Program yang sudah ada di lembar Program.",
        "error_title": "Kode Program belum ada",
        "error_message": "Kode ini belum ada di lembar Program. Tetap gunakan?",
    })


def validasi_pengaturan(lembar: Worksheet, isi: Sequence[Baris]) -> None:
    kolom_nilai = skema.PENGATURAN.indeks(skema.NILAI)
    for nomor, baris in enumerate(isi, start=1):
        if baris[0] == skema.RUMUS_NEGATIF:
            lembar.data_validation(nomor, kolom_nilai, nomor, kolom_nilai, {
                "validate": "list",
                "source": [skema.RUMUS_2T_R, skema.RUMUS_T_R],
                "error_title": "Rumus tidak dikenal",
                "error_message": f"Isi {skema.RUMUS_2T_R} atau {skema.RUMUS_T_R}.",
            })
        elif baris[0] == skema.BATAS_CAPAIAN:
            lembar.data_validation(nomor, kolom_nilai, nomor, kolom_nilai, {
                "validate": "decimal",
                "criteria": ">",
                "value": 0,
                "error_type": "warning",
                "error_title": "Batas capaian",
                "error_message": "Kosongkan, atau isi angka lebih dari 0 (mis. 100 atau 120).",
            })


def isi_lembar_tabel(
    workbook: Workbook, lembar: Worksheet, tabel: skema.TabelSkema, isi: Sequence[Baris],
    fmt: PabrikFormat,
) -> None:
    """Everything an input sheet has: table, widths, notes, dropdowns, frozen header."""
    tulis_tabel(lembar, tabel, isi, fmt)
    tandai_kolom_hitung(lembar, tabel)
    validasi_polaritas(lembar, tabel, isi)
    if tabel is skema.PROGRAM_T:
        definisikan_daftar_kode_program(workbook, isi)
    elif tabel is skema.KEGIATAN_T:
        validasi_kode_program(lembar, isi)
    elif tabel is skema.PENGATURAN:
        validasi_pengaturan(lembar, isi)
    lembar.set_row(0, 32)
    lembar.freeze_panes(1, 0)
    lembar.set_tab_color(WARNA_TAB_MASUKAN)
    _tata_cetak(lembar)


def _tata_cetak(lembar: Worksheet) -> None:
    """Print the table on A4 landscape, one page wide, the header on every page."""
    lembar.set_landscape()
    lembar.set_paper(KERTAS_A4)
    lembar.fit_to_pages(1, 0)
    lembar.repeat_rows(0)
