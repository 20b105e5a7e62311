"""Validasi findings in full — level, rule, sheet, cell, message and suggestion — for
the seed workbook and for one edit per path through the rules (DESIGN §4b, §5).

The expected findings are literals. Each message was read against the rule it states:
its numbers worked by hand (43 / 42 × 100 = 102,38; (2 × 83,69 − 86,82) / 83,69 × 100 =
96,26; 83,69 / 86,82 × 100 = 96,39; min(150; 120) = 120; 173.136.000 − 118.136.000 =
55.000.000; 118.136.000 − 100.000.000 = 18.136.000; Σ Program 1 = 516.257.850), its
cell the one edited, its wording saying what is wrong and what the right value is.
A case lists only the findings the edit adds to the seed's own.
"""

# The messages are literals as the user reads them: long lines, not split mid-sentence.
# ruff: noqa: E501

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from rkt_xl import pemetaan, pertukaran
from rkt_xl.hitung import PaguProgram, hitung
from rkt_xl.model import GalatExcel, Tabel
from rkt_xl.temuan import Temuan, Tingkat
from rkt_xl.validasi import periksa
from rkt_xl.validasi.renstra import periode

Harap = tuple[Tingkat, str, str, str, str, str]
UbahData = Callable[[dict[str, Any]], None]
UbahTabel = Callable[[dict[str, Tabel]], None]

E, K, P, S, ID = "evaluasi", "kegiatan", "program", "sasaran", "identitas"


def e(d: dict[str, Any], tabel: str, i: int, **isi: Any) -> None:
    """Set columns of row ``i`` (``Kode_Program`` stands for "Kode Program")."""
    for k, v in isi.items():
        d[tabel][i][k.replace("_", " ")] = v


def sel(t: dict[str, Tabel], nama: str, i: int, kolom: str, **ubah: Any) -> None:
    """Change what a cell holds or how it is formatted (``persen``, ``rumus``)."""
    b = t[nama].baris[i]
    b.sel[kolom] = replace(b.sel[kolom], **ubah)


def sel_kunci(t: dict[str, Tabel], nama: str, kunci: str, **ubah: Any) -> None:
    b = next(b for b in t[nama].baris if b.sel["Kunci"].mentah == kunci)
    b.sel["Nilai"] = replace(b.sel["Nilai"], **ubah)


def hapus_kunci(t: dict[str, Tabel], kunci: str) -> None:
    tb = t["tblIdentitas"]
    tb.baris = [b for b in tb.baris if b.sel["Kunci"].mentah != kunci]


def _temuan(data: dict[str, Any], ubah_data: UbahData | None = None,
            ubah_tabel: UbahTabel | None = None) -> list[Temuan]:
    d = copy.deepcopy(data)
    if ubah_data is not None:
        ubah_data(d)
    t = pertukaran.ke_tabel(d)
    if ubah_tabel is not None:
        ubah_tabel(t)
    return periksa(pemetaan.susun(t))


def _bentuk(t: Temuan) -> Harap:
    return (t.tingkat, t.aturan, t.lembar, t.sel, t.pesan, t.saran)


SEED: list[Harap] = [
        (Tingkat.GALAT, 'angka-tidak-valid', 'Kegiatan', 'E26',
         "Target kegiatan 8.03: '12ulan' tidak dapat dibaca sebagai angka; nilai ini tidak dipakai dalam perhitungan.",
         'Ketik angka tanpa teks, dengan titik pemisah ribuan dan koma desimal (mis. 25.450.000 atau 84,03), atau sebagai sel angka.'),
        (Tingkat.GALAT, 'angka-tidak-valid', 'Kegiatan', 'G28',
         "Pagu kegiatan 10.02: '25.4500.000' salah kelompok ribuan: titik harus memisahkan tepat tiga angka; nilai ini tidak dipakai dalam perhitungan.",
         'Ketik angka tanpa teks, dengan titik pemisah ribuan dan koma desimal (mis. 25.450.000 atau 84,03), atau sebagai sel angka.'),
        (Tingkat.GALAT, 'angka-tidak-valid', 'Program', 'E2',
         "Pagu Program 1: '519.857.85000' salah kelompok ribuan: titik harus memisahkan tepat tiga angka. Jumlah pagu kegiatannya 516.257.850.",
         'Tekan Hitung untuk mengisi 516.257.850.'),
        (Tingkat.GALAT, 'pagu-program-tidak-sesuai', 'Program', 'E3',
         'Pagu Program 2 tertulis 173.136.000, jumlah pagu 7 kegiatannya 118.136.000 (selisih 55.000.000, tertulis lebih).',
         'Tekan Hitung untuk mengisi 118.136.000, atau periksa pagu kegiatannya.'),
        (Tingkat.PERINGATAN, 'pagu-tidak-terhitung', 'Program', 'E9',
         'Pagu Program 10 tidak dapat dihitung: pagu kegiatan 10.02 (Kegiatan!G28) bukan angka yang sah. Sel ini tidak diisi jumlah sebagian seolah-olah lengkap.',
         'Perbaiki penyebabnya, lalu tekan Hitung.'),
        (Tingkat.GALAT, 'capaian-tidak-sesuai', 'Evaluasi', 'H3',
         "Capaian indikator 1.2 tertulis '102,39', seharusnya 102,38 (43 / 42 × 100).",
         'Tekan Hitung untuk mengisi nilai yang benar.'),
        (Tingkat.INFO, 'belum-dihitung', 'Evaluasi', 'I2',
         "6 sel kolom 'Kategori' tabel tblEvaluasi belum diisi (I2…I7).",
         'Tekan Hitung (atau jalankan rkt-xl hitung); kolom ini diisi otomatis.'),
        (Tingkat.PERINGATAN, 'target-akhir-renstra', 'Sasaran', 'I6',
         '2018 adalah tahun terakhir Renstra 2013-2018, tetapi target indikator 3.1 (Jumlah tenaga kerja/pencari kerja yang mendapatkan pelatihan berbasis kompetensi) adalah 29 sedangkan target akhir Renstra 61.',
         'Samakan target dengan target akhir Renstra, atau jelaskan perubahannya (reviu Renstra).'),
        (Tingkat.PERINGATAN, 'indikator-berbeda', 'Evaluasi', 'B6',
         "Indikator 3.1: di Evaluasi 'Jumlah pencari kerja yang mendapatkan pelatihan', di Sasaran 'Jumlah tenaga kerja/pencari kerja yang mendapatkan pelatihan berbasis kompetensi'.",
         'Jika indikatornya sama, samakan penulisannya; jika berbeda, beri kode lain.'),
]


def _data_wajib_diisi(d: dict[str, Any]) -> None:
    e(d, E, 0, Realisasi=None, Kode=None)
    e(d, K, 0, Kode_Kegiatan=None, Pagu=None)
    e(d, S, 0, Tujuan=None)


def _data_satuan_perlu(d: dict[str, Any]) -> None:
    e(d, E, 0, Satuan=None)
    e(d, E, 1, Satuan=None, Target="42 kop")


def _data_polaritas(d: dict[str, Any]) -> None:
    e(d, E, 0, Polaritas="Naik")


def _data_angka_negatif(d: dict[str, Any]) -> None:
    e(d, E, 0, Realisasi=-86.82)
    e(d, K, 0, Pagu=-56460000)


def _data_ambigu_dan_teks(d: dict[str, Any]) -> None:
    e(d, E, 2, Realisasi="1.10")
    e(d, K, 0, Pagu="Rp 56.460.000")
    e(d, K, 1, Target="17 unit", Satuan=None)
    e(d, E, 3, Realisasi="50")


def _data_kualitatif(d: dict[str, Any]) -> None:
    e(d, E, 0, Target="meningkat")


def _data_pagu_pecahan(d: dict[str, Any]) -> None:
    e(d, K, 0, Pagu=56460000.4)


def _tabel_pagu_pecahan_rumus(t: dict[str, Tabel]) -> None:
    sel(t, "tblKegiatan", 0, "Pagu", mentah=56460000.5, rumus=True)


def _tabel_galat_excel(t: dict[str, Tabel]) -> None:
    sel(t, "tblEvaluasi", 0, "Realisasi", mentah=GalatExcel("#DIV/0!"))


def _tabel_persen_satuan_persen(t: dict[str, Tabel]) -> None:
    sel(t, "tblEvaluasi", 0, "Realisasi", mentah=0.8682, persen=True)


def _tabel_persen_satuan_orang(t: dict[str, Tabel]) -> None:
    sel(t, "tblEvaluasi", 4, "Realisasi", mentah=0.32, persen=True)


def _tabel_persen_pada_teks(t: dict[str, Tabel]) -> None:
    sel(t, "tblEvaluasi", 0, "Realisasi", mentah="86,82", persen=True)


def _tabel_persen_pagu(t: dict[str, Tabel]) -> None:
    sel(t, "tblKegiatan", 0, "Pagu", mentah=0.5646, persen=True)


def _tabel_persen_target_program(t: dict[str, Tabel]) -> None:
    sel(t, "tblProgram", 0, "Target Program", mentah=1, persen=True)


def _data_persen_satuan_kosong(d: dict[str, Any]) -> None:
    e(d, S, 0, Satuan=None)


def _tabel_persen_satuan_kosong(t: dict[str, Tabel]) -> None:
    sel(t, "tblSasaran", 0, "Target", mentah=0.8403, persen=True)


def _tabel_persen_pagu_program(t: dict[str, Tabel]) -> None:
    sel(t, "tblProgram", 1, "Pagu Program", mentah=1181.36, persen=True)


def _tabel_persen_capaian(t: dict[str, Tabel]) -> None:
    sel(t, "tblEvaluasi", 1, "Capaian (%)", mentah=1.0238095238095238, persen=True)


def _tabel_persen_batas(t: dict[str, Tabel]) -> None:
    sel_kunci(t, "tblPengaturan", "Batas Capaian Maksimum", mentah=1.2, persen=True)


def _data_pagu_program_satu_kosong(d: dict[str, Any]) -> None:
    e(d, P, 1, Pagu_Program=None)


def _data_pagu_program_semua_kosong(d: dict[str, Any]) -> None:
    for i in range(len(d[P])):
        e(d, P, i, Pagu_Program=None)


def _data_pagu_program_kurang(d: dict[str, Any]) -> None:
    e(d, P, 1, Pagu_Program=100000000)


def _data_capaian_teks(d: dict[str, Any]) -> None:
    e(d, E, 1, **{"Capaian (%)": "abc"})


def _data_capaian_negatif_2t_r(d: dict[str, Any]) -> None:
    e(d, E, 0, Polaritas="Negatif")


def _data_capaian_negatif_t_r(d: dict[str, Any]) -> None:
    e(d, E, 0, Polaritas="Negatif")
    d["pengaturan"]["Rumus Indikator Negatif"] = "T/R"


def _data_capaian_batas(d: dict[str, Any]) -> None:
    e(d, E, 0, Polaritas="Negatif", Target=10, Realisasi=5, **{"Capaian (%)": 150})
    d["pengaturan"]["Batas Capaian Maksimum"] = 120


def _data_kategori(d: dict[str, Any]) -> None:
    e(d, E, 0, Kategori="Tinggi")
    e(d, E, 1, Kategori=" sangat tinggi ")
    e(d, E, 2, Realisasi=None, Kategori="Sangat Tinggi")


def _data_kategori_satu_kosong(d: dict[str, Any]) -> None:
    for i in range(1, 6):
        e(d, E, i, Kategori="Sangat Tinggi")


def _data_target_nol(d: dict[str, Any]) -> None:
    e(d, E, 0, Target=0)
    e(d, E, 1, Target=0, Realisasi=0, Polaritas="Negatif", **{"Capaian (%)": 100})


def _tabel_identitas_kunci_hilang(t: dict[str, Tabel]) -> None:
    hapus_kunci(t, "Tempat")


def _data_identitas_kosong(d: dict[str, Any]) -> None:
    d[ID]["Nama Kepala"] = "  "


def _data_tahun_bukan_tahun(d: dict[str, Any]) -> None:
    d[ID]["Tahun RKT"] = "dua ribu"


def _data_nip_angka(d: dict[str, Any]) -> None:
    d[ID]["NIP Kepala"] = 196101281987031008


def _data_nip_pendek(d: dict[str, Any]) -> None:
    d[ID]["NIP Kepala"] = "19610128 198703 1 00"


def _data_nip_spasi_tak_terputus(d: dict[str, Any]) -> None:
    d[ID]["NIP Kepala"] = "19610128\u00a0198703\u00a01\u00a0008"


def _data_nip_spasi(d: dict[str, Any]) -> None:
    d[ID]["NIP Kepala"] = "19610128 198703 1 008"


def _data_nip_huruf_o(d: dict[str, Any]) -> None:
    d[ID]["NIP Kepala"] = "1961O128 198703 1 008"


def _data_nip_angka_arab(d: dict[str, Any]) -> None:
    # 18 digits, the first eight Arabic-Indic (U+0661…): isdigit() is true for them
    d[ID]["NIP Kepala"] = "\u0661\u0669\u0666\u0661\u0660\u0661\u0662\u0668 198703 1 008"


def _data_periode_tak_dikenal(d: dict[str, Any]) -> None:
    d[ID]["Periode Renstra"] = "2013 sd 18"


def _data_periode_s_d(d: dict[str, Any]) -> None:
    d[ID]["Periode Renstra"] = "2013 s.d. 2018"


def _data_tahun_di_luar(d: dict[str, Any]) -> None:
    d[ID]["Tahun RKT"] = 2020


def _data_tahun_bukan_akhir_renstra(d: dict[str, Any]) -> None:
    d[ID]["Tahun RKT"] = 2017


def _data_pengaturan_rumus(d: dict[str, Any]) -> None:
    d["pengaturan"]["Rumus Indikator Negatif"] = "2T+R"


def _data_pengaturan_batas_teks(d: dict[str, Any]) -> None:
    d["pengaturan"]["Batas Capaian Maksimum"] = "banyak"


def _data_pengaturan_batas_nol(d: dict[str, Any]) -> None:
    d["pengaturan"]["Batas Capaian Maksimum"] = 0


def _data_pengaturan_skala(d: dict[str, Any]) -> None:
    d["pengaturan"]["Skala Kategori"] = "Skala Lain"


def _data_kode_ganda(d: dict[str, Any]) -> None:
    e(d, S, 1, Kode="1.1")
    e(d, E, 1, Kode="1.1")
    e(d, P, 1, Kode_Program="1")
    e(d, K, 1, Kode_Kegiatan="1.01")


def _data_salinan(d: dict[str, Any]) -> None:
    e(d, E, 0, Indikator_Sasaran="  PERSENTASE peningkatan   koperasi aktif ")
    e(d, E, 1, Target_Akhir_Renstra=44)


def _data_teks_nol(d: dict[str, Any]) -> None:
    e(d, E, 3, Realisasi="0")


def _data_kode_kosong_lalu_ganda(d: dict[str, Any]) -> None:
    e(d, S, 0, Kode=None)
    e(d, S, 2, Kode="1.2")


def _data_nip_kosong(d: dict[str, Any]) -> None:
    d[ID]["NIP Kepala"] = None


def _tabel_nip_hilang(t: dict[str, Tabel]) -> None:
    hapus_kunci(t, "NIP Kepala")


KASUS: list[tuple[str, UbahData | None, UbahTabel | None, list[Harap]]] = [
    ('wajib-diisi', _data_wajib_diisi, None, [
        (Tingkat.GALAT, 'wajib-diisi', 'Sasaran', 'B2',
         "Tujuan (kolom 'Tujuan', baris 2) belum diisi.",
         "Isi kolom 'Tujuan'."),
        (Tingkat.GALAT, 'wajib-diisi', 'Sasaran', 'B3',
         "Tujuan (kolom 'Tujuan', baris 3) belum diisi.",
         "Isi kolom 'Tujuan'."),
        (Tingkat.GALAT, 'wajib-diisi', 'Evaluasi', 'A2',
         "Kode indikator (kolom 'Kode', baris 2) belum diisi.",
         "Isi kolom 'Kode'."),
        (Tingkat.GALAT, 'wajib-diisi', 'Evaluasi', 'G2',
         "Realisasi indikator (capaian tidak dapat dihitung) (kolom 'Realisasi', baris 2) belum diisi.",
         "Isi kolom 'Realisasi'."),
        (Tingkat.GALAT, 'wajib-diisi', 'Kegiatan', 'B2',
         "Kode kegiatan (kolom 'Kode Kegiatan', baris 2) belum diisi.",
         "Isi kolom 'Kode Kegiatan'."),
        (Tingkat.GALAT, 'wajib-diisi', 'Kegiatan', 'G2',
         "Pagu kegiatan (kolom 'Pagu', baris 2) belum diisi.",
         "Isi kolom 'Pagu'."),
        (Tingkat.PERINGATAN, 'pagu-tidak-terhitung', 'Program', 'E2',
         'Pagu Program 1 tidak dapat dihitung: pagu kegiatan Penyediaan jasa komunikasi, sumber daya air dan Listrik (Kegiatan!G2) belum diisi. Sel ini tidak diisi jumlah sebagian seolah-olah lengkap.',
         'Perbaiki penyebabnya, lalu tekan Hitung.'),
        (Tingkat.GALAT, 'capaian-tidak-sesuai', 'Evaluasi', 'H2',
         "Capaian indikator tertulis '103,74', seharusnya kosong: realisasi belum diisi.",
         'Tekan Hitung untuk mengosongkannya.'),
        (Tingkat.INFO, 'belum-dihitung', 'Evaluasi', 'I3',
         "5 sel kolom 'Kategori' tabel tblEvaluasi belum diisi (I3…I7).",
         'Tekan Hitung (atau jalankan rkt-xl hitung); kolom ini diisi otomatis.'),
    ]),
    ('satuan-perlu', _data_satuan_perlu, None, [
        (Tingkat.GALAT, 'wajib-diisi', 'Evaluasi', 'C2',
         "Satuan target (kolom 'Satuan', baris 2) belum diisi.",
         "Isi kolom 'Satuan'."),
        (Tingkat.INFO, 'angka-teks', 'Evaluasi', 'F3',
         "Target indikator 1.2: '42 kop' tersimpan sebagai teks; dibaca 42 dengan satuan 'kop'.",
         'Ketik sebagai angka (tanpa satuan) agar Excel dapat menjumlahkannya.'),
    ]),
    ('polaritas', _data_polaritas, None, [
        (Tingkat.GALAT, 'polaritas-tidak-valid', 'Evaluasi', 'D2',
         "Polaritas 'Naik' tidak dikenal.",
         "Isi 'Positif' (makin tinggi makin baik) atau 'Negatif' (makin rendah makin baik); kosong berarti Positif."),
    ]),
    ('angka-negatif', _data_angka_negatif, None, [
        (Tingkat.GALAT, 'angka-negatif', 'Evaluasi', 'G2',
         'Realisasi indikator 1.1: bernilai negatif (-86,82); nilai ini tidak dipakai: capaiannya tidak dihitung.',
         'Excel mengubah angka dalam kurung, mis. (5.000.000), menjadi negatif. Ketik angkanya tanpa kurung atau tanda minus.'),
        (Tingkat.GALAT, 'angka-negatif', 'Kegiatan', 'G2',
         'Pagu kegiatan 1.01: bernilai negatif (-56.460.000); nilai ini tidak dipakai: jumlah pagu programnya tidak dapat dihitung.',
         'Excel mengubah angka dalam kurung, mis. (5.000.000), menjadi negatif. Ketik angkanya tanpa kurung atau tanda minus.'),
        (Tingkat.PERINGATAN, 'pagu-tidak-terhitung', 'Program', 'E2',
         'Pagu Program 1 tidak dapat dihitung: pagu kegiatan 1.01 (Kegiatan!G2) bernilai negatif. Sel ini tidak diisi jumlah sebagian seolah-olah lengkap.',
         'Perbaiki penyebabnya, lalu tekan Hitung.'),
        (Tingkat.GALAT, 'capaian-tidak-sesuai', 'Evaluasi', 'H2',
         "Capaian indikator 1.1 tertulis '103,74', seharusnya kosong: realisasi bernilai negatif.",
         'Tekan Hitung untuk mengosongkannya.'),
        (Tingkat.INFO, 'belum-dihitung', 'Evaluasi', 'I3',
         "5 sel kolom 'Kategori' tabel tblEvaluasi belum diisi (I3…I7).",
         'Tekan Hitung (atau jalankan rkt-xl hitung); kolom ini diisi otomatis.'),
    ]),
    ('ambigu-dan-teks', _data_ambigu_dan_teks, None, [
        (Tingkat.PERINGATAN, 'angka-ambigu', 'Evaluasi', 'G4',
         "Realisasi indikator 2.1: '1.10' ambigu: 1,10 (titik sebagai koma desimal) atau 110? Dalam penulisan Indonesia titik memisahkan ribuan per tiga angka; nilai ini tidak dipakai sampai dipastikan.",
         'Ketik ulang sebagai angka: 1,1 atau 110.'),
        (Tingkat.INFO, 'angka-teks', 'Evaluasi', 'G5',
         "Realisasi indikator 2.2: '50' tersimpan sebagai teks; dibaca 50.",
         'Ketik sebagai angka (tanpa satuan) agar Excel dapat menjumlahkannya.'),
        (Tingkat.INFO, 'angka-teks', 'Kegiatan', 'G2',
         "Pagu kegiatan 1.01: 'Rp 56.460.000' tersimpan sebagai teks; dibaca 56.460.000.",
         'Ketik sebagai angka (tanpa satuan) agar Excel dapat menjumlahkannya.'),
        (Tingkat.INFO, 'angka-teks', 'Kegiatan', 'E3',
         "Target kegiatan 1.02: '17 unit' tersimpan sebagai teks; dibaca 17 dengan satuan 'unit'.",
         'Ketik sebagai angka (tanpa satuan) agar Excel dapat menjumlahkannya.'),
        (Tingkat.GALAT, 'capaian-tidak-sesuai', 'Evaluasi', 'H4',
         "Capaian indikator 2.1 tertulis '101,85', seharusnya kosong: realisasi ambigu (belum dipastikan).",
         'Tekan Hitung untuk mengosongkannya.'),
        (Tingkat.INFO, 'belum-dihitung', 'Evaluasi', 'I2',
         "5 sel kolom 'Kategori' tabel tblEvaluasi belum diisi (I2…I7).",
         'Tekan Hitung (atau jalankan rkt-xl hitung); kolom ini diisi otomatis.'),
    ]),
    ('kualitatif', _data_kualitatif, None, [
        (Tingkat.INFO, 'target-kualitatif', 'Evaluasi', 'F2',
         "Target indikator 1.1 'meningkat' berupa uraian, bukan angka; capaian tidak dihitung.",
         'Jika target terukur, pisahkan angka (kolom Target) dan satuannya (kolom Satuan).'),
        (Tingkat.GALAT, 'capaian-tidak-sesuai', 'Evaluasi', 'H2',
         "Capaian indikator 1.1 tertulis '103,74', seharusnya kosong: target berupa uraian, bukan angka.",
         'Tekan Hitung untuk mengosongkannya.'),
        (Tingkat.INFO, 'belum-dihitung', 'Evaluasi', 'I3',
         "5 sel kolom 'Kategori' tabel tblEvaluasi belum diisi (I3…I7).",
         'Tekan Hitung (atau jalankan rkt-xl hitung); kolom ini diisi otomatis.'),
    ]),
    ('pagu-pecahan', _data_pagu_pecahan, None, [
        (Tingkat.GALAT, 'angka-tidak-valid', 'Kegiatan', 'G2',
         'Pagu kegiatan 1.01 56.460.000,4 bukan Rupiah utuh; nilai ini tidak dipakai.',
         'Pagu dalam Rupiah utuh, mis. 56.460.000.'),
        (Tingkat.PERINGATAN, 'pagu-tidak-terhitung', 'Program', 'E2',
         'Pagu Program 1 tidak dapat dihitung: pagu kegiatan 1.01 (Kegiatan!G2) bukan Rupiah utuh. Sel ini tidak diisi jumlah sebagian seolah-olah lengkap.',
         'Perbaiki penyebabnya, lalu tekan Hitung.'),
    ]),
    ('pagu-pecahan-rumus', None, _tabel_pagu_pecahan_rumus, [
        (Tingkat.GALAT, 'angka-tidak-valid', 'Kegiatan', 'G2',
         'Pagu kegiatan 1.01 56.460.000,5 bukan Rupiah utuh; nilai ini tidak dipakai.',
         'Hasil rumusnya bukan Rupiah utuh: bungkus rumusnya dengan ROUND(…; 0), mis. =ROUND(G3*1,1; 0).'),
        (Tingkat.PERINGATAN, 'pagu-tidak-terhitung', 'Program', 'E2',
         'Pagu Program 1 tidak dapat dihitung: pagu kegiatan 1.01 (Kegiatan!G2) bukan Rupiah utuh. Sel ini tidak diisi jumlah sebagian seolah-olah lengkap.',
         'Perbaiki penyebabnya, lalu tekan Hitung.'),
    ]),
    ('galat-excel', None, _tabel_galat_excel, [
        (Tingkat.GALAT, 'capaian-tidak-sesuai', 'Evaluasi', 'H2',
         "Capaian indikator 1.1 tertulis '103,74', seharusnya kosong: realisasi bukan angka yang sah.",
         'Tekan Hitung untuk mengosongkannya.'),
        (Tingkat.INFO, 'belum-dihitung', 'Evaluasi', 'I3',
         "5 sel kolom 'Kategori' tabel tblEvaluasi belum diisi (I3…I7).",
         'Tekan Hitung (atau jalankan rkt-xl hitung); kolom ini diisi otomatis.'),
        (Tingkat.GALAT, 'rumus-galat', 'Evaluasi', 'G2',
         "Kolom 'Realisasi' berisi galat rumus #DIV/0!.",
         'Perbaiki rumusnya atau ketik nilainya langsung.'),
    ]),
    ('persen-satuan-persen', None, _tabel_persen_satuan_persen, [
        (Tingkat.INFO, 'angka-persen', 'Evaluasi', 'G2',
         'Realisasi indikator 1.1: tertulis 86,82% (sel berformat persen, tersimpan 0,8682); dibaca 86,82 %.',
         "Tidak perlu diubah. Agar jelas, boleh diketik sebagai angka biasa (85) dengan Satuan '%'."),
    ]),
    ('persen-satuan-orang', None, _tabel_persen_satuan_orang, [
        (Tingkat.PERINGATAN, 'angka-persen', 'Evaluasi', 'G6',
         "Realisasi indikator 3.1: tertulis 32% (sel berformat persen, tersimpan 0,32), tetapi Satuan-nya 'orang': dibaca 32.",
         "Jika satuannya persen, isi Satuan '%'. Jika bukan, ubah format sel ke Number dan ketik angkanya."),
    ]),
    ('persen-pada-teks', None, _tabel_persen_pada_teks, [
        (Tingkat.INFO, 'angka-teks', 'Evaluasi', 'G2',
         "Realisasi indikator 1.1: '86,82' tersimpan sebagai teks; dibaca 86,82.",
         'Ketik sebagai angka (tanpa satuan) agar Excel dapat menjumlahkannya.'),
    ]),
    ('persen-pagu', None, _tabel_persen_pagu, [
        (Tingkat.GALAT, 'angka-persen', 'Kegiatan', 'G2',
         'Pagu kegiatan 1.01: berformat persen (tampil 56,46%, tersimpan 0,5646); Rupiah bukan persentase, nilai ini tidak dipakai.',
         'Ubah format sel ke Number (Format Cells → Number), lalu ketik pagunya dalam Rupiah.'),
        (Tingkat.PERINGATAN, 'pagu-tidak-terhitung', 'Program', 'E2',
         'Pagu Program 1 tidak dapat dihitung: pagu kegiatan 1.01 (Kegiatan!G2) bukan angka yang sah. Sel ini tidak diisi jumlah sebagian seolah-olah lengkap.',
         'Perbaiki penyebabnya, lalu tekan Hitung.'),
    ]),
    ('persen-target-program', None, _tabel_persen_target_program, [
        (Tingkat.INFO, 'angka-persen', 'Program', 'D2',
         'Target program 1 tertulis 100% (sel berformat persen, tersimpan 1); dibaca 100 %.',
         "Tidak perlu diubah. Agar jelas, boleh diketik sebagai angka biasa (85) dengan Satuan '%'."),
    ]),
    ('persen-satuan-kosong', _data_persen_satuan_kosong, _tabel_persen_satuan_kosong, [
        (Tingkat.INFO, 'angka-persen', 'Sasaran', 'I2',
         'Target indikator 1.1: tertulis 84,03% (sel berformat persen, tersimpan 0,8403); dibaca 84,03 %.',
         "Tidak perlu diubah. Agar jelas, boleh diketik sebagai angka biasa (85) dengan Satuan '%'."),
    ]),
    ('persen-pagu-program', None, _tabel_persen_pagu_program, [
        (Tingkat.GALAT, 'angka-persen', 'Program', 'E3',
         'Pagu Program 2 berformat persen (tampil 118.136%); Rupiah bukan persentase. Jumlah pagu kegiatannya 118.136.000.',
         'Ubah format sel ke Number (Format Cells → Number), lalu tekan Hitung.'),
    ]),
    ('persen-capaian', None, _tabel_persen_capaian, [
        (Tingkat.PERINGATAN, 'angka-persen', 'Evaluasi', 'H3',
         'Capaian indikator 1.2 di sel berformat persen: capaian sudah dalam persen, sehingga tampil 100 kali lipat (tersimpan 1,02, tampil 102,38%).',
         'Ubah format sel ke Number dengan 2 desimal (0.00).'),
        (Tingkat.GALAT, 'capaian-tidak-sesuai', 'Evaluasi', 'H3',
         "Capaian indikator 1.2 tertulis '1,02', seharusnya 102,38 (43 / 42 × 100).",
         'Tekan Hitung untuk mengisi nilai yang benar.'),
    ]),
    ('persen-batas', None, _tabel_persen_batas, [
        (Tingkat.GALAT, 'capaian-tidak-sesuai', 'Evaluasi', 'H5',
         "Capaian indikator 2.2 tertulis '142,86', seharusnya 120,00 (min(50 / 35 × 100; 120), Batas Capaian Maksimum).",
         'Tekan Hitung untuk mengisi nilai yang benar.'),
        (Tingkat.INFO, 'angka-persen', 'Pengaturan', 'B3',
         'Batas Capaian Maksimum tertulis 120% (sel berformat persen, tersimpan 1,2); dibaca 120 %.',
         "Tidak perlu diubah. Agar jelas, boleh diketik sebagai angka biasa (85) dengan Satuan '%'."),
    ]),
    ('pagu-program-satu-kosong', _data_pagu_program_satu_kosong, None, [
        (Tingkat.INFO, 'belum-dihitung', 'Program', 'E3',
         "1 sel kolom 'Pagu Program' tabel tblProgram belum diisi (E3).",
         'Tekan Hitung (atau jalankan rkt-xl hitung); kolom ini diisi otomatis.'),
    ]),
    ('pagu-program-semua-kosong', _data_pagu_program_semua_kosong, None, [
        (Tingkat.INFO, 'belum-dihitung', 'Program', 'E2',
         "10 sel kolom 'Pagu Program' tabel tblProgram belum diisi (E2…E12).",
         'Tekan Hitung (atau jalankan rkt-xl hitung); kolom ini diisi otomatis.'),
    ]),
    ('pagu-program-kurang', _data_pagu_program_kurang, None, [
        (Tingkat.GALAT, 'pagu-program-tidak-sesuai', 'Program', 'E3',
         'Pagu Program 2 tertulis 100.000.000, jumlah pagu 7 kegiatannya 118.136.000 (selisih 18.136.000, tertulis kurang).',
         'Tekan Hitung untuk mengisi 118.136.000, atau periksa pagu kegiatannya.'),
    ]),
    ('capaian-teks', _data_capaian_teks, None, [
        (Tingkat.GALAT, 'capaian-tidak-sesuai', 'Evaluasi', 'H3',
         "Capaian indikator 1.2 tertulis 'abc', seharusnya 102,38 (43 / 42 × 100).",
         'Tekan Hitung untuk mengisi nilai yang benar.'),
    ]),
    ('capaian-negatif-2t-r', _data_capaian_negatif_2t_r, None, [
        (Tingkat.GALAT, 'capaian-tidak-sesuai', 'Evaluasi', 'H2',
         "Capaian indikator 1.1 tertulis '103,74', seharusnya 96,26 ((2 × 83,69 − 86,82) / 83,69 × 100, indikator negatif).",
         'Tekan Hitung untuk mengisi nilai yang benar.'),
    ]),
    ('capaian-negatif-t-r', _data_capaian_negatif_t_r, None, [
        (Tingkat.GALAT, 'capaian-tidak-sesuai', 'Evaluasi', 'H2',
         "Capaian indikator 1.1 tertulis '103,74', seharusnya 96,39 (83,69 / 86,82 × 100, indikator negatif).",
         'Tekan Hitung untuk mengisi nilai yang benar.'),
    ]),
    ('capaian-batas', _data_capaian_batas, None, [
        (Tingkat.GALAT, 'capaian-tidak-sesuai', 'Evaluasi', 'H2',
         "Capaian indikator 1.1 tertulis '150,00', seharusnya 120,00 (min((2 × 10 − 5) / 10 × 100; 120), indikator negatif, Batas Capaian Maksimum).",
         'Tekan Hitung untuk mengisi nilai yang benar.'),
        (Tingkat.GALAT, 'capaian-tidak-sesuai', 'Evaluasi', 'H5',
         "Capaian indikator 2.2 tertulis '142,86', seharusnya 120,00 (min(50 / 35 × 100; 120), Batas Capaian Maksimum).",
         'Tekan Hitung untuk mengisi nilai yang benar.'),
    ]),
    ('kategori', _data_kategori, None, [
        (Tingkat.GALAT, 'wajib-diisi', 'Evaluasi', 'G4',
         "Realisasi indikator 2.1 (capaian tidak dapat dihitung) (kolom 'Realisasi', baris 4) belum diisi.",
         "Isi kolom 'Realisasi'."),
        (Tingkat.GALAT, 'kategori-tidak-sesuai', 'Evaluasi', 'I2',
         "Kategori indikator 1.1 tertulis 'Tinggi', seharusnya 'Sangat Tinggi' (capaian 103,74, skala Permendagri 86/2017).",
         'Tekan Hitung untuk mengisi kategori yang benar.'),
        (Tingkat.GALAT, 'capaian-tidak-sesuai', 'Evaluasi', 'H4',
         "Capaian indikator 2.1 tertulis '101,85', seharusnya kosong: realisasi belum diisi.",
         'Tekan Hitung untuk mengosongkannya.'),
        (Tingkat.GALAT, 'kategori-tidak-sesuai', 'Evaluasi', 'I4',
         "Kategori indikator 2.1 tertulis 'Sangat Tinggi', seharusnya kosong karena capaiannya tidak dapat dihitung.",
         'Tekan Hitung untuk mengosongkannya.'),
        (Tingkat.INFO, 'belum-dihitung', 'Evaluasi', 'I5',
         "3 sel kolom 'Kategori' tabel tblEvaluasi belum diisi (I5…I7).",
         'Tekan Hitung (atau jalankan rkt-xl hitung); kolom ini diisi otomatis.'),
    ]),
    ('kategori-satu-kosong', _data_kategori_satu_kosong, None, [
        (Tingkat.INFO, 'belum-dihitung', 'Evaluasi', 'I2',
         "1 sel kolom 'Kategori' tabel tblEvaluasi belum diisi (I2).",
         'Tekan Hitung (atau jalankan rkt-xl hitung); kolom ini diisi otomatis.'),
    ]),
    ('target-nol', _data_target_nol, None, [
        (Tingkat.GALAT, 'capaian-tidak-sesuai', 'Evaluasi', 'H2',
         "Capaian indikator 1.1 tertulis '103,74', seharusnya kosong: target 0: capaian tidak dapat dihitung.",
         'Tekan Hitung untuk mengosongkannya.'),
        (Tingkat.INFO, 'belum-dihitung', 'Evaluasi', 'I3',
         "5 sel kolom 'Kategori' tabel tblEvaluasi belum diisi (I3…I7).",
         'Tekan Hitung (atau jalankan rkt-xl hitung); kolom ini diisi otomatis.'),
        (Tingkat.PERINGATAN, 'target-nol', 'Evaluasi', 'F2',
         'Target indikator 1.1 adalah 0; capaian tidak dapat dihitung.',
         'Periksa target; jika memang 0, jelaskan capaiannya secara naratif.'),
    ]),
    ('identitas-kunci-hilang', None, _tabel_identitas_kunci_hilang, [
        (Tingkat.PERINGATAN, 'identitas-kosong', 'Identitas', 'A1',
         "Kunci 'Tempat' tidak ada di tabel tblIdentitas.",
         "Tambahkan baris dengan Kunci 'Tempat' dan isi Nilai-nya."),
    ]),
    ('identitas-kosong', _data_identitas_kosong, None, [
        (Tingkat.PERINGATAN, 'identitas-kosong', 'Identitas', 'B6',
         "Identitas 'Nama Kepala' belum diisi.",
         "Isi Nilai untuk 'Nama Kepala'."),
    ]),
    ('tahun-bukan-tahun', _data_tahun_bukan_tahun, None, [
        (Tingkat.GALAT, 'identitas-tidak-valid', 'Identitas', 'B4',
         "Tahun RKT 'dua ribu' bukan tahun empat angka.",
         'Isi mis. 2018.'),
    ]),
    ('nip-angka', _data_nip_angka, None, [
        (Tingkat.GALAT, 'nip-tidak-valid', 'Identitas', 'B7',
         'NIP Kepala tersimpan sebagai angka (196101281987031008): Excel hanya menyimpan 15 angka bermakna, sehingga NIP 18 angka sudah berubah dan tidak dapat dipulihkan dari sel ini.',
         "Ketik ulang NIP sebagai teks: format sel sebagai Text, atau awali dengan tanda petik ('), mis. '19610128 198703 1 008."),
    ]),
    ('nip-pendek', _data_nip_pendek, None, [
        (Tingkat.GALAT, 'nip-tidak-valid', 'Identitas', 'B7',
         "NIP Kepala '19610128 198703 1 00' bukan 18 angka (terbaca 17 angka).",
         'Periksa NIP: 18 angka 0–9, boleh dipisah spasi seperti 19610128 198703 1 008.'),
    ]),
    ('nip-spasi-tak-terputus', _data_nip_spasi_tak_terputus, None, [
    ]),
    ('nip-spasi', _data_nip_spasi, None, [
    ]),
    ('nip-huruf-o', _data_nip_huruf_o, None, [
        (Tingkat.GALAT, 'nip-tidak-valid', 'Identitas', 'B7',
         "NIP Kepala '1961O128 198703 1 008' bukan 18 angka (terbaca 17 angka).",
         'Periksa NIP: 18 angka 0–9, boleh dipisah spasi seperti 19610128 198703 1 008.'),
    ]),
    ('nip-angka-arab', _data_nip_angka_arab, None, [
        (Tingkat.GALAT, 'nip-tidak-valid', 'Identitas', 'B7',
         "NIP Kepala '\u0661\u0669\u0666\u0661\u0660\u0661\u0662\u0668 198703 1 008' bukan "
         "18 angka (terbaca 10 angka 0–9 dan 8 angka aksara lain).",
         'Periksa NIP: 18 angka 0–9, boleh dipisah spasi seperti 19610128 198703 1 008.'),
    ]),
    ('periode-tak-dikenal', _data_periode_tak_dikenal, None, [
        (Tingkat.GALAT, 'identitas-tidak-valid', 'Identitas', 'B5',
         "Periode Renstra '2013 sd 18' tidak dikenali.",
         'Tulis tahun awal dan akhir, mis. 2013-2018.'),
    ]),
    ('periode-s-d', _data_periode_s_d, None, [
    ]),
    ('tahun-di-luar', _data_tahun_di_luar, None, [
        (Tingkat.GALAT, 'tahun-di-luar-renstra', 'Identitas', 'B4',
         'Tahun RKT 2020 di luar Periode Renstra 2013-2018.',
         'Periksa Tahun RKT atau Periode Renstra di lembar Identitas.'),
    ]),
    ('tahun-bukan-akhir-renstra', _data_tahun_bukan_akhir_renstra, None, [
    ]),
    ('pengaturan-rumus', _data_pengaturan_rumus, None, [
        (Tingkat.GALAT, 'pengaturan-tidak-valid', 'Pengaturan', 'B2',
         "Rumus Indikator Negatif '2T+R' tidak dikenal; dipakai 2T-R.",
         'Pilih 2T-R atau T/R.'),
    ]),
    ('pengaturan-batas-teks', _data_pengaturan_batas_teks, None, [
        (Tingkat.GALAT, 'pengaturan-tidak-valid', 'Pengaturan', 'B3',
         "Batas Capaian Maksimum 'banyak' bukan angka positif; capaian tidak dibatasi.",
         'Kosongkan, atau isi angka seperti 100 atau 120.'),
    ]),
    ('pengaturan-batas-nol', _data_pengaturan_batas_nol, None, [
        (Tingkat.GALAT, 'pengaturan-tidak-valid', 'Pengaturan', 'B3',
         "Batas Capaian Maksimum '0' bukan angka positif; capaian tidak dibatasi.",
         'Kosongkan, atau isi angka seperti 100 atau 120.'),
    ]),
    ('pengaturan-skala', _data_pengaturan_skala, None, [
        (Tingkat.GALAT, 'pengaturan-tidak-valid', 'Pengaturan', 'B4',
         "Skala Kategori 'Skala Lain' tidak dikenal; dipakai Permendagri 86/2017.",
         'Pilihan: Permendagri 86/2017.'),
    ]),
    ('kode-ganda', _data_kode_ganda, None, [
        (Tingkat.GALAT, 'pagu-program-tidak-sesuai', 'Program', 'E3',
         'Pagu Program 1 tertulis 173.136.000, jumlah pagu 9 kegiatannya 516.257.850 (selisih 343.121.850, tertulis kurang).',
         'Tekan Hitung untuk mengisi 516.257.850, atau periksa pagu kegiatannya.'),
        (Tingkat.GALAT, 'capaian-tidak-sesuai', 'Evaluasi', 'H3',
         "Capaian indikator 1.1 tertulis '102,39', seharusnya 102,38 (43 / 42 × 100).",
         'Tekan Hitung untuk mengisi nilai yang benar.'),
        (Tingkat.PERINGATAN, 'indikator-berbeda', 'Evaluasi', 'B2',
         "Indikator 1.1: di Evaluasi 'Persentase peningkatan koperasi aktif', di Sasaran 'Jumlah koperasi yang dinilai kesehatannya'.",
         'Jika indikatornya sama, samakan penulisannya; jika berbeda, beri kode lain.'),
        (Tingkat.PERINGATAN, 'indikator-berbeda', 'Evaluasi', 'E2',
         'Target akhir Renstra indikator 1.1: di Evaluasi 84,03, di Sasaran 43.',
         'Target akhir Renstra satu indikator hanya satu; samakan.'),
        (Tingkat.GALAT, 'kode-ganda', 'Sasaran', 'A3',
         "Kode indikator '1.1' sudah dipakai di Sasaran!A2.",
         'Beri setiap kode indikator kode yang berbeda.'),
        (Tingkat.GALAT, 'kode-ganda', 'Evaluasi', 'A3',
         "Kode indikator '1.1' sudah dipakai di Evaluasi!A2.",
         'Beri setiap kode indikator kode yang berbeda.'),
        (Tingkat.GALAT, 'kode-ganda', 'Program', 'A3',
         "Kode Program '1' sudah dipakai di Program!A2.",
         'Beri setiap kode program kode yang berbeda.'),
        (Tingkat.GALAT, 'kode-ganda', 'Kegiatan', 'B3',
         "Kode Kegiatan '1.01' sudah dipakai di Kegiatan!B2.",
         'Beri setiap kode kegiatan kode yang berbeda.'),
        (Tingkat.GALAT, 'program-tidak-dikenal', 'Kegiatan', 'A11',
         "Kegiatan '2.01' merujuk Kode Program '2' yang tidak ada di tabel Program; pagunya tidak masuk jumlah program mana pun.",
         'Pilih Kode Program dari daftar, atau tambahkan programnya di lembar Program.'),
        (Tingkat.GALAT, 'program-tidak-dikenal', 'Kegiatan', 'A12',
         "Kegiatan '2.02' merujuk Kode Program '2' yang tidak ada di tabel Program; pagunya tidak masuk jumlah program mana pun.",
         'Pilih Kode Program dari daftar, atau tambahkan programnya di lembar Program.'),
        (Tingkat.GALAT, 'program-tidak-dikenal', 'Kegiatan', 'A13',
         "Kegiatan '2.03' merujuk Kode Program '2' yang tidak ada di tabel Program; pagunya tidak masuk jumlah program mana pun.",
         'Pilih Kode Program dari daftar, atau tambahkan programnya di lembar Program.'),
        (Tingkat.GALAT, 'program-tidak-dikenal', 'Kegiatan', 'A14',
         "Kegiatan '2.04' merujuk Kode Program '2' yang tidak ada di tabel Program; pagunya tidak masuk jumlah program mana pun.",
         'Pilih Kode Program dari daftar, atau tambahkan programnya di lembar Program.'),
        (Tingkat.GALAT, 'program-tidak-dikenal', 'Kegiatan', 'A15',
         "Kegiatan '2.05' merujuk Kode Program '2' yang tidak ada di tabel Program; pagunya tidak masuk jumlah program mana pun.",
         'Pilih Kode Program dari daftar, atau tambahkan programnya di lembar Program.'),
        (Tingkat.GALAT, 'program-tidak-dikenal', 'Kegiatan', 'A16',
         "Kegiatan '2.06' merujuk Kode Program '2' yang tidak ada di tabel Program; pagunya tidak masuk jumlah program mana pun.",
         'Pilih Kode Program dari daftar, atau tambahkan programnya di lembar Program.'),
        (Tingkat.GALAT, 'program-tidak-dikenal', 'Kegiatan', 'A17',
         "Kegiatan '2.07' merujuk Kode Program '2' yang tidak ada di tabel Program; pagunya tidak masuk jumlah program mana pun.",
         'Pilih Kode Program dari daftar, atau tambahkan programnya di lembar Program.'),
    ]),
    ('salinan', _data_salinan, None, [
        (Tingkat.PERINGATAN, 'indikator-berbeda', 'Evaluasi', 'E3',
         'Target akhir Renstra indikator 1.2: di Evaluasi 44, di Sasaran 43.',
         'Target akhir Renstra satu indikator hanya satu; samakan.'),
    ]),
    ('teks-nol', _data_teks_nol, None, [
        (Tingkat.INFO, 'angka-teks', 'Evaluasi', 'G5',
         "Realisasi indikator 2.2: '0' tersimpan sebagai teks; dibaca 0.",
         'Ketik sebagai angka (tanpa satuan) agar Excel dapat menjumlahkannya.'),
        (Tingkat.GALAT, 'capaian-tidak-sesuai', 'Evaluasi', 'H5',
         "Capaian indikator 2.2 tertulis '142,86', seharusnya 0,00 (0 / 35 × 100).",
         'Tekan Hitung untuk mengisi nilai yang benar.'),
    ]),
    ('kode-kosong-lalu-ganda', _data_kode_kosong_lalu_ganda, None, [
        (Tingkat.GALAT, 'wajib-diisi', 'Sasaran', 'A2',
         "Kode indikator (kolom 'Kode', baris 2) belum diisi.",
         "Isi kolom 'Kode'."),
        (Tingkat.PERINGATAN, 'indikator-berbeda', 'Evaluasi', 'B3',
         "Indikator 1.2: di Evaluasi 'Jumlah koperasi yang dinilai kesehatannya', di Sasaran 'Persentase peningkatan usaha mikro kecil menengah'.",
         'Jika indikatornya sama, samakan penulisannya; jika berbeda, beri kode lain.'),
        (Tingkat.PERINGATAN, 'indikator-berbeda', 'Evaluasi', 'E3',
         'Target akhir Renstra indikator 1.2: di Evaluasi 43, di Sasaran 1,08.',
         'Target akhir Renstra satu indikator hanya satu; samakan.'),
        (Tingkat.GALAT, 'kode-ganda', 'Sasaran', 'A4',
         "Kode indikator '1.2' sudah dipakai di Sasaran!A3.",
         'Beri setiap kode indikator kode yang berbeda.'),
    ]),
    ('nip-kosong', _data_nip_kosong, None, [
        (Tingkat.PERINGATAN, 'identitas-kosong', 'Identitas', 'B7',
         "Identitas 'NIP Kepala' belum diisi.",
         "Isi Nilai untuk 'NIP Kepala'."),
    ]),
    ('nip-hilang', None, _tabel_nip_hilang, [
        (Tingkat.PERINGATAN, 'identitas-kosong', 'Identitas', 'A1',
         "Kunci 'NIP Kepala' tidak ada di tabel tblIdentitas.",
         "Tambahkan baris dengan Kunci 'NIP Kepala' dan isi Nilai-nya."),
    ]),
]



def test_temuan_seed(data: dict[str, Any]) -> None:
    assert [_bentuk(t) for t in _temuan(data)] == SEED


@pytest.mark.parametrize(("ubah_data", "ubah_tabel", "harap"), [k[1:] for k in KASUS],
                         ids=[k[0] for k in KASUS])
def test_temuan_per_jalur(data: dict[str, Any], ubah_data: UbahData | None,
                          ubah_tabel: UbahTabel | None, harap: list[Harap]) -> None:
    seed = set(SEED)
    baru = [_bentuk(t) for t in _temuan(data, ubah_data, ubah_tabel)]
    assert [t for t in baru if t not in seed] == harap


def _tabel_persen_nan(t: dict[str, Tabel]) -> None:
    sel(t, "tblEvaluasi", 0, "Realisasi", mentah=float("nan"), persen=True)


def test_persen_bukan_angka_terhingga_dilaporkan(data: dict[str, Any]) -> None:
    temuan = _temuan(data, None, _tabel_persen_nan)
    assert ("angka-tidak-valid", "G2") in {(t.aturan, t.sel) for t in temuan}


def test_periksa_memakai_hasil_yang_diberikan(data: dict[str, Any]) -> None:
    """periksa() judges against the HasilHitung it is given (the one Hitung wrote),
    and computes one only when none is given."""
    rkt = pemetaan.susun(pertukaran.ke_tabel(data))
    hasil = hitung(rkt)
    p2 = rkt.program[1]
    hasil.pagu_program[p2.baris.nomor] = PaguProgram(173136000, None, 7)  # as typed
    aturan_e3 = {(t.aturan, t.sel) for t in periksa(rkt, hasil)}
    assert ("pagu-program-tidak-sesuai", "E3") not in aturan_e3
    assert ("pagu-program-tidak-sesuai", "E3") in {(t.aturan, t.sel) for t in periksa(rkt)}


@pytest.mark.parametrize(("teks", "harap"), [
    ("2013-2018", (2013, 2018)), (" 2013 - 2018 ", (2013, 2018)), ("2013–2018", (2013, 2018)),
    ("2013—2018", (2013, 2018)), ("2013/2018", (2013, 2018)), ("2013 s.d. 2018", (2013, 2018)),
    ("2013 sd 2018", (2013, 2018)), ("2013 sampai 2018", (2013, 2018)),
    ("2018-2018", (2018, 2018)), ("2018-2013", None), ("2013-18", None), ("2013 sd 18", None),
    ("Renstra 2013-2018", None), ("", None),
])
def test_periode(teks: str, harap: tuple[int, int] | None) -> None:
    assert periode(teks) == harap


def test_pesan_bagian_rusak() -> None:
    """Damage copied as it is, and damage proses repairs by writing the sheet back: the
    finding says which, word for word (the second message is also how a writing run
    finds the finding of a part it repaired)."""
    from rkt_xl.model import BagianRusak
    from rkt_xl.validasi.struktur import pesan_bagian_rusak

    assert pesan_bagian_rusak(BagianRusak("xl/comments1.xml", "XML tidak sah")) == (
        "Bagian xl/comments1.xml di dalam berkas rusak (XML tidak sah); rkt-xl menyalinnya "
        "apa adanya, tetapi Excel mungkin menolak membuka berkas ini.")
    assert pesan_bagian_rusak(BagianRusak(
        "xl/worksheets/sheet5.xml", "baris 4 bernomor kosong (r=\"\")", "Evaluasi", True)) == (
        "Bagian xl/worksheets/sheet5.xml di dalam berkas rusak (baris 4 bernomor kosong "
        "(r=\"\")); rkt-xl proses menuliskannya kembali dengan benar.")
