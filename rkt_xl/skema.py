"""The workbook contract: the one place that knows sheet, table and column names.

Engines, the template builder, the readers and the tests all import this module, so
a renamed header is changed here once (DESIGN §3). Every string here is part of the
contract relied on by other people's tests: keep them exact.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TabelSkema:
    """One Excel Table (ListObject) of the contract."""

    lembar: str
    nama: str
    kolom: tuple[str, ...]
    # Columns Hitung writes; every other column belongs to the user.
    kolom_hitung: tuple[str, ...] = ()
    # Columns that must hold a number (text there is parsed strictly).
    kolom_angka: tuple[str, ...] = ()
    # Columns where a percent number format changes what a number means (DESIGN §4b).
    kolom_persen: tuple[str, ...] = ()

    def indeks(self, kolom: str) -> int:
        return self.kolom.index(kolom)


# -- column names used by code (one constant each, so typos fail at import) --------
KODE = "Kode"
TUJUAN = "Tujuan"
INDIKATOR_TUJUAN = "Indikator Tujuan"
SASARAN = "Sasaran"
INDIKATOR_SASARAN = "Indikator Sasaran"
SATUAN = "Satuan"
POLARITAS = "Polaritas"
TARGET_AKHIR = "Target Akhir Renstra"
TARGET = "Target"
REALISASI = "Realisasi"
CAPAIAN = "Capaian (%)"
KATEGORI = "Kategori"
KODE_PROGRAM = "Kode Program"
PROGRAM = "Program"
INDIKATOR_PROGRAM = "Indikator Program"
TARGET_PROGRAM = "Target Program"
PAGU_PROGRAM = "Pagu Program"
KODE_KEGIATAN = "Kode Kegiatan"
KEGIATAN = "Kegiatan"
INDIKATOR_KEGIATAN = "Indikator Kegiatan"
PAGU = "Pagu"
KUNCI = "Kunci"
NILAI = "Nilai"
KETERANGAN = "Keterangan"

IDENTITAS = TabelSkema("Identitas", "tblIdentitas", (KUNCI, NILAI))
PENGATURAN = TabelSkema("Pengaturan", "tblPengaturan", (KUNCI, NILAI, KETERANGAN),
                        kolom_persen=(NILAI,))
SASARAN_T = TabelSkema(
    "Sasaran",
    "tblSasaran",
    (KODE, TUJUAN, INDIKATOR_TUJUAN, SASARAN, INDIKATOR_SASARAN, SATUAN, POLARITAS,
     TARGET_AKHIR, TARGET),
    kolom_angka=(TARGET_AKHIR, TARGET),
    kolom_persen=(TARGET_AKHIR, TARGET),
)
EVALUASI = TabelSkema(
    "Evaluasi",
    "tblEvaluasi",
    (KODE, INDIKATOR_SASARAN, SATUAN, POLARITAS, TARGET_AKHIR, TARGET, REALISASI,
     CAPAIAN, KATEGORI),
    kolom_hitung=(CAPAIAN, KATEGORI),
    kolom_angka=(TARGET_AKHIR, TARGET, REALISASI),
    kolom_persen=(TARGET_AKHIR, TARGET, REALISASI, CAPAIAN),
)
PROGRAM_T = TabelSkema(
    "Program",
    "tblProgram",
    (KODE_PROGRAM, PROGRAM, INDIKATOR_PROGRAM, TARGET_PROGRAM, PAGU_PROGRAM),
    kolom_hitung=(PAGU_PROGRAM,),
    kolom_persen=(TARGET_PROGRAM, PAGU_PROGRAM),
)
KEGIATAN_T = TabelSkema(
    "Kegiatan",
    "tblKegiatan",
    (KODE_PROGRAM, KODE_KEGIATAN, KEGIATAN, INDIKATOR_KEGIATAN, TARGET, SATUAN, PAGU),
    kolom_angka=(TARGET, PAGU),
    kolom_persen=(TARGET, PAGU),
)

TABEL: tuple[TabelSkema, ...] = (IDENTITAS, PENGATURAN, SASARAN_T, EVALUASI, PROGRAM_T, KEGIATAN_T)

# Every column Hitung writes, whatever its table.
KOLOM_HITUNG_SEMUA: frozenset[str] = frozenset(k for t in TABEL for k in t.kolom_hitung)

# Columns that identify a data row: a row without any of them and holding a formula,
# at the end of a table, is the user's own total row (DESIGN §4b).
KOLOM_KUNCI: tuple[str, ...] = (KUNCI, KODE, KODE_PROGRAM, KODE_KEGIATAN)
TABEL_MENURUT_NAMA = {t.nama: t for t in TABEL}

# -- tblIdentitas keys ----------------------------------------------------------------
NAMA_OPD = "Nama OPD"
PEMERINTAH_DAERAH = "Pemerintah Daerah"
TAHUN_RKT = "Tahun RKT"
PERIODE_RENSTRA = "Periode Renstra"
NAMA_KEPALA = "Nama Kepala"
NIP_KEPALA = "NIP Kepala"
JABATAN_KEPALA = "Jabatan Kepala"
TEMPAT = "Tempat"
TANGGAL = "Tanggal"
KUNCI_IDENTITAS: tuple[str, ...] = (
    NAMA_OPD, PEMERINTAH_DAERAH, TAHUN_RKT, PERIODE_RENSTRA, NAMA_KEPALA, NIP_KEPALA,
    JABATAN_KEPALA, TEMPAT, TANGGAL,
)

# -- tblPengaturan keys, defaults and the explanation shown in the Keterangan column --
RUMUS_NEGATIF = "Rumus Indikator Negatif"
BATAS_CAPAIAN = "Batas Capaian Maksimum"
SKALA_KATEGORI = "Skala Kategori"
RUMUS_2T_R = "2T-R"
RUMUS_T_R = "T/R"
PENGATURAN_BAKU: tuple[tuple[str, str, str], ...] = (
    (RUMUS_NEGATIF, RUMUS_2T_R,
     "Rumus capaian indikator negatif: 2T-R = (2×Target − Realisasi)/Target×100 "
     "(PermenPAN-RB 8/2021), atau T/R = Target/Realisasi×100."),
    (BATAS_CAPAIAN, "",
     "Kosong = tanpa batas; isi angka (mis. 100 atau 120) untuk membatasi setiap capaian."),
    (SKALA_KATEGORI, "Permendagri 86/2017",
     "Skala kategori capaian. Tersedia: Permendagri 86/2017."),
)

POSITIF = "Positif"
NEGATIF = "Negatif"
POLARITAS_SAH = (POSITIF, NEGATIF)

# -- generated sheets, regenerated whole each run ---------------------------------------
TABEL_2_4 = "Tabel 2.4"
TABEL_2_5 = "Tabel 2.5"
LAMPIRAN_I = "Lampiran I"
LAMPIRAN_II = "Lampiran II"
VALIDASI = "Validasi"
LEMBAR_LAMPIRAN: tuple[str, ...] = (TABEL_2_4, TABEL_2_5, LAMPIRAN_I, LAMPIRAN_II)
LEMBAR_HASIL: tuple[str, ...] = (*LEMBAR_LAMPIRAN, VALIDASI)

BERANDA = "Beranda"
SEL_STATUS = "B4"  # Beranda cell holding the status line ("Validasi 28-11-2026 10:12 — …")
GAYA = "_Gaya"
