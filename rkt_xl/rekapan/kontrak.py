"""The summary workbook's contract (DESIGN §6b): sheets, tables, headers, and per column
its pandas dtype and display format. The only place naming them; exact strings.

Column kinds, the same in the DataFrames, the JSON and the workbook:

- ``teks``: pandas ``string`` (``pd.StringDtype()``), missing = ``<NA>``; JSON string
  or null; a text cell or an empty one.
- ``bulat``: pandas ``Int64`` (nullable integer), missing = ``<NA>``; JSON integer or
  null; a number cell. Rupiah, counts and the year: whole numbers, never floats, so a
  Rupiah sum is exact at any size (Excel itself keeps 15 digits: up to 999 trillion).
- ``pecahan``: numpy ``float64``, missing = ``NaN``; JSON number or null; a number
  cell. Capaian at full precision (16 significant digits, exactly what the ``.xlsx``
  cell stores, so DataFrame, JSON and workbook hold the same float), Target and
  Realisasi as rkt_xl reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rkt_xl import skema

Jenis = Literal["teks", "bulat", "pecahan"]
# Display formats are locale-neutral (Excel's own codes): an Indonesian Excel or
# LibreOffice shows them as 1.234.567 and 110,56, the separators of the user's locale.
Tampilan = Literal["teks", "teks-panjang", "tahun", "jumlah", "persen", "rupiah", "angka"]

DTYPE: dict[Jenis, str] = {"teks": "string", "bulat": "Int64", "pecahan": "float64"}


@dataclass(frozen=True)
class Kolom:
    nama: str
    jenis: Jenis
    tampilan: Tampilan


@dataclass(frozen=True)
class TabelRekap:
    lembar: str
    nama: str
    kolom: tuple[Kolom, ...]

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(k.nama for k in self.kolom)


BERKAS = "Berkas"
STATUS = "Status"
GALAT = "Galat"
PERINGATAN = "Peringatan"
JUMLAH_INDIKATOR = "Jumlah Indikator"
RATA_RATA = "Rata-rata Capaian (%)"
TOTAL_PAGU = "Total Pagu"
TINGKAT = "Tingkat"
ATURAN = "Aturan"
LEMBAR = "Lembar"
SEL = "Sel"
PESAN = "Pesan"

RINGKASAN = TabelRekap("Ringkasan", "tblRingkasan", (
    Kolom(BERKAS, "teks", "teks-panjang"),
    Kolom(skema.NAMA_OPD, "teks", "teks-panjang"),
    Kolom(skema.TAHUN_RKT, "bulat", "tahun"),
    Kolom(STATUS, "teks", "teks-panjang"),
    Kolom(GALAT, "bulat", "jumlah"),
    Kolom(PERINGATAN, "bulat", "jumlah"),
    Kolom(JUMLAH_INDIKATOR, "bulat", "jumlah"),
    Kolom(RATA_RATA, "pecahan", "persen"),
    Kolom(skema.KATEGORI, "teks", "teks"),
    Kolom(TOTAL_PAGU, "bulat", "rupiah"),
))
INDIKATOR = TabelRekap("Indikator", "tblIndikator", (
    Kolom(skema.NAMA_OPD, "teks", "teks-panjang"),
    Kolom(skema.KODE, "teks", "teks"),
    Kolom(skema.INDIKATOR_SASARAN, "teks", "teks-panjang"),
    Kolom(skema.SATUAN, "teks", "teks"),
    Kolom(skema.POLARITAS, "teks", "teks"),
    Kolom(skema.TARGET, "pecahan", "angka"),
    Kolom(skema.REALISASI, "pecahan", "angka"),
    Kolom(skema.CAPAIAN, "pecahan", "persen"),
    Kolom(skema.KATEGORI, "teks", "teks"),
))
PROGRAM = TabelRekap("Program", "tblProgram", (
    Kolom(skema.NAMA_OPD, "teks", "teks-panjang"),
    Kolom(skema.KODE_PROGRAM, "teks", "teks"),
    Kolom(skema.PROGRAM, "teks", "teks-panjang"),
    Kolom(skema.PAGU_PROGRAM, "bulat", "rupiah"),
))
TEMUAN = TabelRekap("Temuan", "tblTemuan", (
    Kolom(BERKAS, "teks", "teks-panjang"),
    Kolom(TINGKAT, "teks", "teks"),
    Kolom(ATURAN, "teks", "teks"),
    Kolom(LEMBAR, "teks", "teks"),
    Kolom(SEL, "teks", "teks"),
    Kolom(PESAN, "teks", "teks-panjang"),
))
TABEL: tuple[TabelRekap, ...] = (RINGKASAN, INDIKATOR, PROGRAM, TEMUAN)

# ``rkt_xl.baca``: the six contract tables of one workbook. Numbers where the contract
# has numbers (skema ``kolom_angka`` and the computed columns), text elsewhere.
_BULAT_BACA = {skema.PAGU, skema.PAGU_PROGRAM}
_PECAHAN_BACA = {skema.TARGET_AKHIR, skema.TARGET, skema.REALISASI, skema.CAPAIAN}


def jenis_baca(tabel: skema.TabelSkema, kolom: str) -> Jenis:
    """The dtype kind of one column of a contract table in ``rkt_xl.baca``."""
    if tabel in (skema.IDENTITAS, skema.PENGATURAN):
        return "teks"  # key → value, as text (a NIP is text; a year reads "2018")
    if kolom in _BULAT_BACA:
        return "bulat"
    if kolom in _PECAHAN_BACA:
        return "pecahan"
    return "teks"


# Status of a Ringkasan row (DESIGN §6b: for an unreadable file it says why).
STATUS_BAIK = "baik"
STATUS_PERINGATAN = "ada peringatan"
STATUS_GALAT = "ada galat"
STATUS_TIDAK_TERBACA = "tidak terbaca"
# The Temuan row of an unreadable file: the same rule id ``rkt-xl validasi --json`` uses.
ATURAN_BERKAS = "berkas"
