"""The habits corpus: workbooks typed the way Dinas staff really type them (DESIGN §4b).

Every case starts from one small, clean, already computed RKT (``DATA``: Validasi finds
nothing in it) and changes it the way it happens in the field: a percent format
applied in Excel, a negative amount typed in brackets, a NIP typed as a number, a
formula written by a script and never calculated, a total row typed under a table, a
row typed one blank row too low, a table converted to a range, a file saved by
LibreOffice or by an openpyxl/pandas script. Cells are changed with openpyxl, which
stores number formats, formulas and tables exactly as Excel's file format says; a
case marked ``libreoffice`` is then opened and saved by a real headless LibreOffice.

Each case carries its exact expected outcome (``Harapan``), checked through the real
command line by tests/test_kebiasaan.py. The expected numbers are computed by hand
in the comments, not by rkt_xl.
"""

from __future__ import annotations

import copy
import functools
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import openpyxl
from openpyxl.workbook.workbook import Workbook

from tests.korpus.buat_korpus import _soffice, ganti_sel, sel_mentah

# -- the clean workbook -------------------------------------------------------------------
# Rows: Sasaran 2-4, Evaluasi 2-4, Program 2-3, Kegiatan 2-5 (headers in row 1).
# Evaluasi (year 2024):
#   1.1 Positif  T 80   R 85    → 85/80×100          = 106,25  Sangat Tinggi
#   1.2 Positif  T 350  R 280   → 280/350×100        = 80      Tinggi
#   2.1 Negatif  T 7    R 7.7   → (2×7−7,7)/7×100    = 90      Tinggi
#   rata-rata (106,25 + 80 + 90) / 3 = 92,083…
# Kegiatan pagu: program 1 = 150.000.000 + 25.500.000 = 175.500.000
#                program 2 = 320.000.000 + 75.250.000 = 395.250.000; total 570.750.000
IDENTITAS: dict[str, Any] = {
    "Nama OPD": "Dinas Uji Kebiasaan", "Pemerintah Daerah": "Kabupaten Uji",
    "Tahun RKT": 2025, "Periode Renstra": "2021-2026", "Nama Kepala": "Siti Aminah, S.E.",
    "NIP Kepala": "19700101 199503 2 001", "Jabatan Kepala": "Kepala Dinas",
    "Tempat": "Uji", "Tanggal": "2 Januari 2025",
}
DATA: dict[str, Any] = {
    "format": "rkt-xl/1",
    "identitas": IDENTITAS,
    "pengaturan": {"Rumus Indikator Negatif": "2T-R", "Batas Capaian Maksimum": None,
                   "Skala Kategori": "Permendagri 86/2017"},
    "sasaran": [
        {"Kode": "1.1", "Tujuan": "Pelayanan publik yang prima",
         "Indikator Tujuan": "Indeks kepuasan masyarakat", "Sasaran": "Layanan tepat waktu",
         "Indikator Sasaran": "Persentase layanan tepat waktu", "Satuan": "%",
         "Polaritas": "Positif", "Target Akhir Renstra": 90, "Target": 85},
        {"Kode": "1.2", "Indikator Sasaran": "Jumlah UMKM dibina", "Satuan": "unit",
         "Polaritas": "Positif", "Target Akhir Renstra": 500, "Target": 400},
        {"Kode": "2.1", "Tujuan": "Kesempatan kerja yang luas",
         "Indikator Tujuan": "Tingkat pengangguran terbuka",
         "Sasaran": "Berkurangnya pengangguran", "Indikator Sasaran": "Angka pengangguran",
         "Satuan": "%", "Polaritas": "Negatif", "Target Akhir Renstra": 5, "Target": 6},
    ],
    "evaluasi": [
        {"Kode": "1.1", "Indikator Sasaran": "Persentase layanan tepat waktu", "Satuan": "%",
         "Polaritas": "Positif", "Target Akhir Renstra": 90, "Target": 80, "Realisasi": 85,
         "Capaian (%)": 106.25, "Kategori": "Sangat Tinggi"},
        {"Kode": "1.2", "Indikator Sasaran": "Jumlah UMKM dibina", "Satuan": "unit",
         "Polaritas": "Positif", "Target Akhir Renstra": 500, "Target": 350,
         "Realisasi": 280, "Capaian (%)": 80, "Kategori": "Tinggi"},
        {"Kode": "2.1", "Indikator Sasaran": "Angka pengangguran", "Satuan": "%",
         "Polaritas": "Negatif", "Target Akhir Renstra": 5, "Target": 7, "Realisasi": 7.7,
         "Capaian (%)": 90, "Kategori": "Tinggi"},
    ],
    "program": [
        {"Kode Program": "1", "Program": "Program Pelayanan", "Indikator Program":
         "Cakupan layanan", "Target Program": "100 %", "Pagu Program": 175_500_000},
        {"Kode Program": "2", "Program": "Program Pemberdayaan UMKM", "Indikator Program":
         "UMKM naik kelas", "Target Program": "50 unit", "Pagu Program": 395_250_000},
    ],
    "kegiatan": [
        {"Kode Program": "1", "Kode Kegiatan": "1.01", "Kegiatan": "Penyediaan layanan",
         "Indikator Kegiatan": "Layanan terselenggara", "Target": 12, "Satuan": "Bulan",
         "Pagu": 150_000_000},
        {"Kode Program": "1", "Kode Kegiatan": "1.02", "Kegiatan": "Monitoring layanan",
         "Indikator Kegiatan": "Laporan monitoring", "Target": 4, "Satuan": "Dokumen",
         "Pagu": 25_500_000},
        {"Kode Program": "2", "Kode Kegiatan": "2.01", "Kegiatan": "Pelatihan UMKM",
         "Indikator Kegiatan": "UMKM dilatih", "Target": 100, "Satuan": "UMKM",
         "Pagu": 320_000_000},
        {"Kode Program": "2", "Kode Kegiatan": "2.02", "Kegiatan": "Pameran produk",
         "Indikator Kegiatan": "Pameran terselenggara", "Target": 2, "Satuan": "Kali",
         "Pagu": 75_250_000},
    ],
}

# The computed cells of the clean workbook, as Hitung leaves them.
NILAI_BERSIH: dict[tuple[str, str], Any] = {
    ("Evaluasi", "H2"): 106.25, ("Evaluasi", "I2"): "Sangat Tinggi",
    ("Evaluasi", "H3"): 80, ("Evaluasi", "I3"): "Tinggi",
    ("Evaluasi", "H4"): 90, ("Evaluasi", "I4"): "Tinggi",
    ("Program", "E2"): 175_500_000, ("Program", "E3"): 395_250_000,
}

G, P, INFO = "galat", "peringatan", "info"
# What Hitung corrects by rewriting the computed columns.
DIPERBAIKI_HITUNG = frozenset({"capaian-tidak-sesuai", "kategori-tidak-sesuai",
                               "pagu-program-tidak-sesuai"})
Temuan = tuple[str, str, str, str]  # (tingkat, aturan, lembar, sel)

# Why the xlwings remote engine (xlwings Server's protocol, the only one that runs
# without Excel) cannot check a case: its request carries cell values only.
TANPA_FORMAT = "permintaan remote engine tidak memuat format angka (COM membacanya)"
TANPA_RUMUS = "permintaan remote engine tidak memuat rumus (COM membacanya)"


@dataclass(frozen=True)
class Harapan:
    """The exact outcome of one case.

    ``temuan``: EVERY finding ``validasi --json`` reports, as (tingkat, aturan, lembar,
    sel). ``nilai``: cells after ``proses`` (computed cells and cells that must stay).
    ``ditolak``: the file is refused (exit 2) with this piece of message, and never
    written. ``struktur``: a struktur galat: nothing computed or generated, only the
    Validasi sheet and the status line. ``lampiran``: (sheet, text) that must appear
    in a generated sheet after ``proses``; ``bukan_lampiran``: text that must not.
    ``ref``: table ranges after ``proses``. ``paritas``: why the xlwings remote engine
    cannot reproduce this case (None: it must give the same findings and values).
    """

    temuan: frozenset[Temuan] = frozenset()
    nilai: dict[tuple[str, str], Any] = field(default_factory=dict)
    ditolak: str | None = None
    struktur: bool = False
    lampiran: tuple[tuple[str, object], ...] = ()
    bukan_lampiran: tuple[tuple[str, object], ...] = ()
    ref: dict[str, str] = field(default_factory=dict)
    paritas: str | None = None

    @property
    def keluar(self) -> int:
        """``validasi``'s exit code: the workbook as typed."""
        if self.ditolak is not None:
            return 2
        return 1 if any(t[0] == G for t in self.temuan) else 0

    @property
    def keluar_proses(self) -> int:
        """``proses``'s: what is left once Hitung has rewritten the computed columns
        (unless a struktur galat kept it from computing anything)."""
        if self.ditolak is not None:
            return 2
        tetap = [t for t in self.temuan if t[0] == G and
                 (self.struktur or t[1] not in DIPERBAIKI_HITUNG)]
        return 1 if tetap else 0


@dataclass(frozen=True)
class Kasus:
    nama: str
    keterangan: str  # Indonesian: how staff end up with this workbook
    buat: Callable[[], bytes]
    harapan: Harapan
    libreoffice: bool = False
    akhiran: str = ".xlsm"

    @property
    def nama_berkas(self) -> str:
        return self.nama + self.akhiran


KORPUS: list[Kasus] = []


def kasus(nama: str, keterangan: str, harapan: Harapan, *, libreoffice: bool = False,
          akhiran: str = ".xlsm", pasca: Callable[[bytes], bytes] | None = None
          ) -> Callable[[Callable[[Workbook], None]], None]:
    """Register a case: the decorated function changes the clean workbook in place
    (openpyxl); ``libreoffice``: then LibreOffice opens and saves it; ``pasca``: then
    the file is changed at the XML level (what only Excel itself writes)."""

    def daftar(ubah: Callable[[Workbook], None]) -> None:
        def buat() -> bytes:
            data = _ubah_openpyxl(ubah, akhiran)
            if libreoffice:
                data = _soffice(data, akhiran, akhiran.lstrip("."))
            return pasca(data) if pasca is not None else data

        KORPUS.append(Kasus(nama, keterangan, buat, harapan, libreoffice, akhiran))

    return daftar


@functools.lru_cache(maxsize=1)
def bersih() -> bytes:
    from rkt_xl.templat import bangun

    buf = io.BytesIO()
    bangun(buf, copy.deepcopy(DATA))
    return buf.getvalue()


def _ubah_openpyxl(ubah: Callable[[Workbook], None], akhiran: str) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(bersih()), keep_vba=akhiran == ".xlsm")
    ubah(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def nilai(**ubah: Any) -> dict[tuple[str, str], Any]:
    """NILAI_BERSIH with some cells changed: ``nilai(Evaluasi_H2=None)``."""
    hasil = dict(NILAI_BERSIH)
    for k, v in ubah.items():
        lembar, sel = k.rsplit("_", 1)
        hasil[(lembar.replace("_", " "), sel)] = v
    return hasil


def persen(wb: Workbook, lembar: str, sel: str, v: float, kode: str = "0%") -> None:
    """What Excel stores when "85%" is typed in a cell: 0.85 with a percent format."""
    c = wb[lembar][sel]
    c.value = v
    c.number_format = kode


def tabel(wb: Workbook, lembar: str, nama: str, ref: str) -> None:
    t = wb[lembar].tables[nama]
    t.ref = ref
    if t.autoFilter is not None:
        t.autoFilter.ref = ref


# -- percent formats --------------------------------------------------------------------------
@kasus("persen_realisasi", "Realisasi diketik 85% di Excel (format 0%).", Harapan(
    temuan=frozenset({(INFO, "angka-persen", "Evaluasi", "G2")}), nilai=nilai(),
    lampiran=(("Lampiran I", 106.25),), paritas=TANPA_FORMAT))
def _(wb: Workbook) -> None:
    persen(wb, "Evaluasi", "G2", 0.85)


@kasus("persen_realisasi_dua_desimal", "Realisasi 84,03% dengan format 0.00%.", Harapan(
    # 84,03 / 80 × 100 = 105,0375 → Sangat Tinggi; the typed 106,25 is now stale.
    temuan=frozenset({(INFO, "angka-persen", "Evaluasi", "G2"),
                      (G, "capaian-tidak-sesuai", "Evaluasi", "H2")}),
    nilai=nilai(Evaluasi_H2=105.0375), paritas=TANPA_FORMAT))
def _(wb: Workbook) -> None:
    persen(wb, "Evaluasi", "G2", 0.8403, "0.00%")


@kasus("persen_kode_kustom", "Format kustom dengan warna dan dua bagian "
       "(#,##0.0%;[Red]-#,##0.0%).", Harapan(
           temuan=frozenset({(INFO, "angka-persen", "Evaluasi", "G2")}), nilai=nilai(),
           paritas=TANPA_FORMAT))
def _(wb: Workbook) -> None:
    persen(wb, "Evaluasi", "G2", 0.85, "#,##0.0%;[Red]-#,##0.0%")


@kasus("persen_teks_dalam_kutip", 'Format 0.0"%" menampilkan tanda % tanpa mengalikan '
       "100: angkanya dibaca apa adanya.", Harapan(nilai=nilai()))
def _(wb: Workbook) -> None:
    persen(wb, "Evaluasi", "G2", 85, '0.0"%"')


@kasus("persen_lolos_escape", "Format 0\\% (tanda % di-escape) juga bukan persen.",
       Harapan(nilai=nilai()))
def _(wb: Workbook) -> None:
    persen(wb, "Evaluasi", "G2", 85, "0\\%")


@kasus("persen_target", "Target 80% berformat persen, realisasi 85.", Harapan(
    temuan=frozenset({(INFO, "angka-persen", "Evaluasi", "F2")}), nilai=nilai(),
    paritas=TANPA_FORMAT))
def _(wb: Workbook) -> None:
    persen(wb, "Evaluasi", "F2", 0.8)


@kasus("persen_target_dan_realisasi", "Target dan realisasi sama-sama diketik dengan %.",
       Harapan(temuan=frozenset({(INFO, "angka-persen", "Evaluasi", "F2"),
                                 (INFO, "angka-persen", "Evaluasi", "G2")}),
               nilai=nilai(), paritas=TANPA_FORMAT))
def _(wb: Workbook) -> None:
    persen(wb, "Evaluasi", "F2", 0.8)
    persen(wb, "Evaluasi", "G2", 0.85)


@kasus("persen_target_akhir_renstra", "Target Akhir Renstra 90% berformat persen.",
       Harapan(temuan=frozenset({(INFO, "angka-persen", "Evaluasi", "E2")}), nilai=nilai(),
               paritas=TANPA_FORMAT))
def _(wb: Workbook) -> None:
    persen(wb, "Evaluasi", "E2", 0.9)


@kasus("persen_batas_capaian", "Batas Capaian Maksimum diketik 100% (format 0%).",
       Harapan(
           # 106,25 capped at 100 → Sangat Tinggi; the typed 106,25 is now too high.
           temuan=frozenset({(INFO, "angka-persen", "Pengaturan", "B3"),
                             (G, "capaian-tidak-sesuai", "Evaluasi", "H2")}),
           nilai=nilai(Evaluasi_H2=100), paritas=TANPA_FORMAT))
def _(wb: Workbook) -> None:
    persen(wb, "Pengaturan", "B3", 1.0)


@kasus("persen_satuan_bukan_persen", "Realisasi jumlah UMKM diketik dengan format persen "
       "padahal satuannya unit.", Harapan(
           # read as 280 (2.8 × 100): the same capaian, but a warning.
           temuan=frozenset({(P, "angka-persen", "Evaluasi", "G3")}), nilai=nilai(),
           paritas=TANPA_FORMAT))
def _(wb: Workbook) -> None:
    persen(wb, "Evaluasi", "G3", 2.8)


@kasus("persen_target_sasaran", "Target tahun RKT 84,03% berformat persen: Lampiran II "
       "mencetak 84,03 %, bukan 0,8403.", Harapan(
           temuan=frozenset({(INFO, "angka-persen", "Sasaran", "I2")}), nilai=nilai(),
           lampiran=(("Lampiran II", "84,03 %"), ("Tabel 2.4", "84,03 %")),
           bukan_lampiran=(("Lampiran II", "0,8403"),), paritas=TANPA_FORMAT))
def _(wb: Workbook) -> None:
    persen(wb, "Sasaran", "I2", 0.8403, "0.00%")


@kasus("persen_target_program", "Target Program 95% berformat persen.", Harapan(
    temuan=frozenset({(INFO, "angka-persen", "Program", "D2")}), nilai=nilai(),
    lampiran=(("Tabel 2.5", "95 %"),), bukan_lampiran=(("Tabel 2.5", "0,95"),),
    paritas=TANPA_FORMAT))
def _(wb: Workbook) -> None:
    persen(wb, "Program", "D2", 0.95)


@kasus("persen_di_pagu", "Sel Pagu berformat persen (Rupiah bukan persentase).", Harapan(
    temuan=frozenset({(G, "angka-persen", "Kegiatan", "G2"),
                      (P, "pagu-tidak-terhitung", "Program", "E2")}),
    # unknown sum: the program's pagu and the total are left empty, never partial
    nilai=nilai(Program_E2=None), paritas=TANPA_FORMAT))
def _(wb: Workbook) -> None:
    persen(wb, "Kegiatan", "G2", 1.5)


@kasus("persen_di_kolom_capaian", "Kolom Capaian (%) diberi format persen: capaian akan "
       "tampil 100 kali lipat.", Harapan(
           # 106.25 is the right value; the format shows it as 10625%: a warning that
           # stays until the format is changed (Hitung's value is not divided by 100).
           temuan=frozenset({(P, "angka-persen", "Evaluasi", "H2")}),
           nilai=nilai(), paritas=TANPA_FORMAT))
def _(wb: Workbook) -> None:
    persen(wb, "Evaluasi", "H2", 106.25)


@kasus("persen_teks", 'Realisasi ditempel dari Word sebagai teks "85%".', Harapan(
    temuan=frozenset({(INFO, "angka-teks", "Evaluasi", "G2")}), nilai=nilai()))
def _(wb: Workbook) -> None:
    wb["Evaluasi"]["G2"].value = "85%"


@kasus("persen_libreoffice", "Realisasi 85% disimpan ulang oleh LibreOffice Calc (format "
       "persen versi LibreOffice).", Harapan(
           temuan=frozenset({(INFO, "angka-persen", "Evaluasi", "G2")}), nilai=nilai(),
           paritas=TANPA_FORMAT), libreoffice=True)
def _(wb: Workbook) -> None:
    persen(wb, "Evaluasi", "G2", 0.85)


# -- negative values ------------------------------------------------------------------------
@kasus("pagu_negatif", 'Pagu diketik "(5.000.000)": Excel menyimpannya -5000000.', Harapan(
    temuan=frozenset({(G, "angka-negatif", "Kegiatan", "G3"),
                      (P, "pagu-tidak-terhitung", "Program", "E2")}),
    nilai=nilai(Program_E2=None)))
def _(wb: Workbook) -> None:
    wb["Kegiatan"]["G3"].value = -5_000_000


@kasus("pagu_negatif_teks", 'Pagu ditempel sebagai teks "-5.000.000".', Harapan(
    temuan=frozenset({(G, "angka-negatif", "Kegiatan", "G3"),
                      (P, "pagu-tidak-terhitung", "Program", "E2")}),
    nilai=nilai(Program_E2=None)))
def _(wb: Workbook) -> None:
    wb["Kegiatan"]["G3"].value = "-5.000.000"


@kasus("realisasi_negatif", "Realisasi bernilai negatif.", Harapan(
    temuan=frozenset({(G, "angka-negatif", "Evaluasi", "G3"),
                      (G, "capaian-tidak-sesuai", "Evaluasi", "H3"),
                      (G, "kategori-tidak-sesuai", "Evaluasi", "I3")}),
    nilai=nilai(Evaluasi_H3=None, Evaluasi_I3=None),
    lampiran=(("Lampiran I", "realisasi bernilai negatif"),)))
def _(wb: Workbook) -> None:
    wb["Evaluasi"]["G3"].value = -280


@kasus("target_negatif", "Target evaluasi bernilai negatif.", Harapan(
    temuan=frozenset({(G, "angka-negatif", "Evaluasi", "F3"),
                      (G, "capaian-tidak-sesuai", "Evaluasi", "H3"),
                      (G, "kategori-tidak-sesuai", "Evaluasi", "I3")}),
    nilai=nilai(Evaluasi_H3=None, Evaluasi_I3=None)))
def _(wb: Workbook) -> None:
    wb["Evaluasi"]["F3"].value = -350


@kasus("target_akhir_negatif", "Target Akhir Renstra bernilai negatif di tabel Sasaran.",
       Harapan(temuan=frozenset({(G, "angka-negatif", "Sasaran", "H3")}), nilai=nilai()))
def _(wb: Workbook) -> None:
    wb["Sasaran"]["H3"].value = -500


# -- NIP -----------------------------------------------------------------------------------
@kasus("nip_angka", "NIP diketik sebagai angka: Excel menyimpan 15 angka bermakna.", Harapan(
    temuan=frozenset({(G, "nip-tidak-valid", "Identitas", "B7")}), nilai=nilai()))
def _(wb: Workbook) -> None:
    wb["Identitas"]["B7"].value = 197001011995032000  # what Excel keeps of ...2001


@kasus("nip_tanpa_spasi", "NIP 18 angka diketik sebagai teks tanpa spasi.", Harapan(
    nilai=nilai(), lampiran=(("Tabel 2.5", "NIP. 197001011995032001"),)))
def _(wb: Workbook) -> None:
    wb["Identitas"]["B7"].value = "197001011995032001"


@kasus("nip_dengan_spasi", "NIP dengan spasi seperti di SK: dicetak persis seperti diketik.",
       Harapan(nilai=nilai(), lampiran=(("Lampiran II", "NIP. 19700101 199503 2 001"),)))
def _(wb: Workbook) -> None:
    pass  # the clean workbook has it this way


@kasus("nip_kurang_angka", "NIP kurang satu angka.", Harapan(
    temuan=frozenset({(G, "nip-tidak-valid", "Identitas", "B7")}), nilai=nilai()))
def _(wb: Workbook) -> None:
    wb["Identitas"]["B7"].value = "19700101 199503 2 00"


# -- formulas -------------------------------------------------------------------------------
@kasus("rumus_tanpa_nilai_pagu", "Pagu berupa rumus yang ditulis skrip (openpyxl) dan belum "
       "pernah dihitung.", Harapan(
           temuan=frozenset({(G, "rumus-tanpa-nilai", "Kegiatan", "G3"),
                             (P, "pagu-tidak-terhitung", "Program", "E2")}),
           nilai=nilai(Program_E2=None), paritas=TANPA_RUMUS))
def _(wb: Workbook) -> None:
    wb["Kegiatan"]["G3"].value = "=2*12750000"


@kasus("rumus_tanpa_nilai_teks", "Nama kegiatan berupa rumus yang belum dihitung.", Harapan(
    temuan=frozenset({(G, "rumus-tanpa-nilai", "Kegiatan", "C3")}), nilai=nilai(),
    paritas=TANPA_RUMUS))
def _(wb: Workbook) -> None:
    wb["Kegiatan"]["C3"].value = '="Monitoring "&"layanan"'


@kasus("rumus_dihitung_libreoffice", "Pagu berupa rumus, berkas dibuka dan disimpan "
       "LibreOffice: nilainya terhitung dan dipakai.", Harapan(nilai=nilai()),
       libreoffice=True)
def _(wb: Workbook) -> None:
    wb["Kegiatan"]["G3"].value = "=2*12750000"


def _rumus_excel(ref: str, rumus: str, nilai: str) -> Callable[[bytes], bytes]:
    """A formula cell with its cached value, written the way Excel writes it (17
    significant digits: the float noise of =3600000*1.1 is kept in the file)."""
    return lambda data: ganti_sel(data, "Kegiatan", sel_mentah(
        f'<c r="{ref}"><f>{rumus}</f><v>{nilai}</v></c>'))


@kasus("rumus_sisa_pecahan", "Pagu =3600000*1,1 yang disimpan Excel sebagai "
       "3960000,0000000005: sisa pecahan biner itu Rupiah utuh.", Harapan(
           # program 1 = 150.000.000 + 3.960.000 = 153.960.000
           temuan=frozenset({(G, "pagu-program-tidak-sesuai", "Program", "E2")}),
           nilai=nilai(Program_E2=153_960_000)),
       pasca=_rumus_excel("G3", "3600000*1.1", "3960000.0000000005"))
def _(wb: Workbook) -> None:
    pass


@kasus("rumus_pecahan_rupiah", "Pagu =25500000/7 bukan Rupiah utuh: disarankan ROUND.",
       Harapan(temuan=frozenset({(G, "angka-tidak-valid", "Kegiatan", "G3"),
                                 (P, "pagu-tidak-terhitung", "Program", "E2")}),
               nilai=nilai(Program_E2=None)),
       pasca=_rumus_excel("G3", "25500000/7", "3642857.1428571427"))
def _(wb: Workbook) -> None:
    pass


# -- total rows -------------------------------------------------------------------------------
@kasus("jumlah_sum_di_bawah_program", "Baris JUMLAH dengan =SUM(E2:E3) tepat di bawah "
       "tblProgram.", Harapan(
           temuan=frozenset({(INFO, "baris-jumlah-pengguna", "Program", "A4")}),
           nilai=nilai(Program_B4="JUMLAH"), ref={"tblProgram": "A1:E3"}),
       libreoffice=True)
def _(wb: Workbook) -> None:
    ws = wb["Program"]
    ws["B4"], ws["E4"] = "JUMLAH", "=SUM(E2:E3)"


@kasus("jumlah_rumus_saja_di_bawah", "Di bawah tblKegiatan hanya ada =SUM(G2:G5), tanpa "
       "teks.", Harapan(
           temuan=frozenset({(INFO, "baris-jumlah-pengguna", "Kegiatan", "A6")}),
           nilai=nilai(), ref={"tblKegiatan": "A1:G5"},
           lampiran=(("Tabel 2.5", 570_750_000),),
           bukan_lampiran=(("Tabel 2.5", 1_141_500_000),), paritas=TANPA_RUMUS),
       libreoffice=True)
def _(wb: Workbook) -> None:
    wb["Kegiatan"]["G6"] = "=SUM(G2:G5)"


@kasus("jumlah_teks_di_bawah_kegiatan", 'Baris "Total" berisi angka (bukan rumus) di bawah '
       "tblKegiatan: jumlah di Tabel 2.5 tidak berlipat.", Harapan(
           temuan=frozenset({(INFO, "baris-jumlah-pengguna", "Kegiatan", "A6")}),
           nilai=nilai(), lampiran=(("Tabel 2.5", 570_750_000),),
           bukan_lampiran=(("Tabel 2.5", 1_141_500_000),), ref={"tblKegiatan": "A1:G5"}))
def _(wb: Workbook) -> None:
    ws = wb["Kegiatan"]
    ws["C6"], ws["G6"] = "Total", 570_750_000


@kasus("jumlah_di_dalam_tabel", "Excel memperluas tabel saat baris JUMLAH diketik: baris "
       "terakhir tblProgram adalah jumlah.", Harapan(
           temuan=frozenset({(INFO, "baris-jumlah-pengguna", "Program", "A4")}),
           nilai=nilai(Program_E4=570_750_000), ref={"tblProgram": "A1:E4"}),
       libreoffice=True)
def _(wb: Workbook) -> None:
    ws = wb["Program"]
    ws["B4"], ws["E4"] = "Jumlah", "=SUM(E2:E3)"
    tabel(wb, "Program", "tblProgram", "A1:E4")


@kasus("sub_total_dan_total", "Baris Sub Total lalu Total di bawah tblKegiatan.", Harapan(
    temuan=frozenset({(INFO, "baris-jumlah-pengguna", "Kegiatan", "A6"),
                      (INFO, "baris-jumlah-pengguna", "Kegiatan", "A7")}),
    nilai=nilai(), ref={"tblKegiatan": "A1:G5"}))
def _(wb: Workbook) -> None:
    ws = wb["Kegiatan"]
    ws["C6"], ws["G6"] = "Sub Total", 175_500_000
    ws["C7"], ws["G7"] = "TOTAL:", 570_750_000


@kasus("rata_rata_di_bawah_evaluasi", "Baris Rata-rata di bawah tblEvaluasi (seperti "
       "Lampiran I).", Harapan(
           temuan=frozenset({(INFO, "baris-jumlah-pengguna", "Evaluasi", "A5")}),
           nilai=nilai(), ref={"tblEvaluasi": "A1:I4"}), libreoffice=True)
def _(wb: Workbook) -> None:
    ws = wb["Evaluasi"]
    ws["B5"], ws["H5"] = "Rata-rata", "=AVERAGE(H2:H4)"


# -- rows next to a table --------------------------------------------------------------------
@kasus("baris_tepat_di_bawah", "Kegiatan baru diketik tepat di bawah tabel di LibreOffice "
       "(tabel tidak melebar sendiri).", Harapan(
           # program 2 = 395.250.000 + 10.000.000 = 405.250.000
           temuan=frozenset({(INFO, "baris-di-luar-tabel", "Kegiatan", "A6"),
                             (G, "pagu-program-tidak-sesuai", "Program", "E3")}),
           nilai=nilai(Program_E3=405_250_000), ref={"tblKegiatan": "A1:G6"}),
       libreoffice=True)
def _(wb: Workbook) -> None:
    wb["Kegiatan"].append(["2", "2.03", "Temu bisnis", "Temu bisnis terselenggara", 1, "Kali",
                           10_000_000])


@kasus("baris_terpisah_baris_kosong", "Kegiatan diketik satu baris kosong di bawah tabel: "
       "tidak dibaca, diperingatkan.", Harapan(
           temuan=frozenset({(P, "data-di-luar-tabel", "Kegiatan", "A7")}),
           nilai=nilai(Kegiatan_G7=10_000_000), ref={"tblKegiatan": "A1:G5"}))
def _(wb: Workbook) -> None:
    ws = wb["Kegiatan"]
    isi: list[str | int] = ["2", "2.03", "Temu bisnis", "Temu bisnis terselenggara", 1, "Kali",
                            10_000_000]
    for kolom, v in zip("ABCDEFG", isi, strict=True):
        ws[f"{kolom}7"] = v


@kasus("catatan_jauh_di_bawah", "Catatan diketik beberapa baris di bawah tblSasaran.",
       Harapan(temuan=frozenset({(P, "data-di-luar-tabel", "Sasaran", "B8")}),
               nilai=nilai(Sasaran_B8="Catatan: target disesuaikan Renstra perubahan")))
def _(wb: Workbook) -> None:
    wb["Sasaran"]["B8"] = "Catatan: target disesuaikan Renstra perubahan"


@kasus("isian_di_luar_jangkauan", "Teks 60 baris di bawah tabel (lebih dari 50): "
       "bukan urusan tabel, tidak dilaporkan.", Harapan(nilai=nilai()))
def _(wb: Workbook) -> None:
    wb["Kegiatan"]["C66"] = "coretan lama"


# -- broken structure ----------------------------------------------------------------------
def _tanpa_tabel(wb: Workbook, lembar: str, nama: str) -> None:
    del wb[lembar].tables[nama]


# A missing tblKegiatan: its programs' pagu are unknown, not 0 (and nothing is written).
TANPA_KEGIATAN = frozenset({(G, "struktur", "Kegiatan", ""),
                            (P, "pagu-tidak-terhitung", "Program", "E2"),
                            (P, "pagu-tidak-terhitung", "Program", "E3")})


@kasus("tabel_jadi_rentang", "tblKegiatan diubah menjadi rentang biasa (Convert to Range): "
       "datanya masih ada, tabelnya hilang.", Harapan(
           temuan=TANPA_KEGIATAN,
           # nothing computed: the typed Pagu Program stay, never zeroed
           nilai=nilai(), struktur=True))
def _(wb: Workbook) -> None:
    _tanpa_tabel(wb, "Kegiatan", "tblKegiatan")


@kasus("tabel_diganti_nama", "tblKegiatan diganti nama menjadi Table1.", Harapan(
    temuan=TANPA_KEGIATAN,
    nilai=nilai(), struktur=True))
def _(wb: Workbook) -> None:
    t = wb["Kegiatan"].tables["tblKegiatan"]
    t.name = t.displayName = "Table1"


@kasus("kolom_diganti_nama", "Judul kolom Pagu diganti 'Pagu (Rp)'.", Harapan(
    temuan=frozenset({(G, "struktur", "Kegiatan", "A1"),
                      (P, "pagu-tidak-terhitung", "Program", "E2"),
                      (P, "pagu-tidak-terhitung", "Program", "E3")}),
    nilai=nilai(), struktur=True))
def _(wb: Workbook) -> None:
    ws = wb["Kegiatan"]
    ws["G1"] = "Pagu (Rp)"
    t = ws.tables["tblKegiatan"]
    t.tableColumns[6].name = "Pagu (Rp)"


@kasus("lembar_kegiatan_diganti_pandas", "Skrip pandas menulis ulang lembar Kegiatan "
       "(if_sheet_exists='replace'): tabelnya hilang.", Harapan(
           temuan=TANPA_KEGIATAN,
           nilai=nilai(), struktur=True))
def _(wb: Workbook) -> None:
    # what pandas' openpyxl writer does with if_sheet_exists="replace"
    indeks = wb.sheetnames.index("Kegiatan")
    lama = wb["Kegiatan"]
    baris = [[c.value for c in r] for r in lama.iter_rows(min_row=1, max_row=5)]
    wb.remove(lama)
    baru = wb.create_sheet("Kegiatan", indeks)
    for b in baris:
        baru.append(b)


# -- not an RKT workbook ----------------------------------------------------------------------
BUKAN_RKT = "bukan buku kerja RKT"


@kasus("bukan_rkt_openpyxl", "Buku kerja lain di folder yang sama (dibuat skrip).",
       Harapan(ditolak=BUKAN_RKT), akhiran=".xlsx")
def _(wb: Workbook) -> None:
    for nama in list(wb.sheetnames)[1:]:
        wb.remove(wb[nama])
    ws = wb.worksheets[0]
    ws.title = "Data"
    for t in list(ws.tables):
        del ws.tables[t]
    ws.delete_rows(1, ws.max_row)
    ws.append(["Nama", "Jumlah"])
    ws.append(["A", 1])


# -- files saved by other programs --------------------------------------------------------
@kasus("disimpan_libreoffice", "Buku kerja bersih dibuka dan disimpan LibreOffice Calc.",
       Harapan(nilai=nilai()), libreoffice=True)
def _(wb: Workbook) -> None:
    pass


@kasus("disimpan_openpyxl", "Buku kerja bersih dibuka dan disimpan skrip openpyxl.",
       Harapan(nilai=nilai()))
def _(wb: Workbook) -> None:
    pass


@kasus("disimpan_openpyxl_xlsx", "Disimpan skrip sebagai .xlsx (makro hilang, tabel tetap).",
       Harapan(nilai=nilai()), akhiran=".xlsx")
def _(wb: Workbook) -> None:
    pass


@kasus("gaya_dihapus", "Lembar tersembunyi _Gaya dihapus: lampiran tetap dibuat, tanpa "
       "format, dan Validasi memperingatkannya.", Harapan(
           temuan=frozenset({(P, "gaya-tidak-ada", "_Gaya", "")}), nilai=nilai()))
def _(wb: Workbook) -> None:
    wb.remove(wb["_Gaya"])
