"""Cell by cell: required values, numbers typed as text, polaritas."""

from __future__ import annotations

from collections.abc import Iterator

from rkt_xl import angka, skema
from rkt_xl.hitung import HasilHitung
from rkt_xl.model import RKT, Bacaan, Baris, GalatExcel, Status
from rkt_xl.temuan import Temuan, Tingkat
from rkt_xl.validasi.registri import daftarkan, pemeriksa, temuan

WAJIB = daftarkan(
    "wajib-diisi", Tingkat.GALAT,
    "Sel yang wajib diisi kosong (kode, indikator, target, satuan, pagu, realisasi…).",
    "Realisasi indikator 1.2 belum diisi (Evaluasi!G3); capaian tidak dapat dihitung.")
TIDAK_VALID = daftarkan(
    "angka-tidak-valid", Tingkat.GALAT,
    "Sel angka berisi teks yang bukan angka yang sah (penulisan Indonesia: titik ribuan per "
    "tiga angka, koma desimal).",
    "Pagu '25.4500.000' salah kelompok ribuan: titik harus memisahkan tepat tiga angka.")
AMBIGU = daftarkan(
    "angka-ambigu", Tingkat.PERINGATAN,
    "Teks angka yang maknanya ganda; rkt_xl tidak menebak.",
    "'1.08' ambigu: 1,08 (titik sebagai koma desimal) atau 108?")
TEKS = daftarkan(
    "angka-teks", Tingkat.INFO,
    "Angka yang sah tetapi tersimpan sebagai teks (biasanya hasil tempel dari Word).",
    "Target '12 Bulan' tersimpan sebagai teks; dibaca 12 dengan satuan 'Bulan'.")
KUALITATIF = daftarkan(
    "target-kualitatif", Tingkat.INFO,
    "Target berupa uraian (bukan angka): tidak ada capaian yang dihitung.",
    "Target 'Usaha Mikro = 6379 unit, …' berupa uraian; capaian tidak dihitung.")
POLARITAS = daftarkan(
    "polaritas-tidak-valid", Tingkat.GALAT,
    "Polaritas bukan 'Positif' atau 'Negatif' (kosong berarti Positif).",
    "Polaritas 'Naik' tidak dikenal; isi Positif (makin tinggi makin baik) atau Negatif.")


def _wajib(b: Baris, kolom: str, apa: str) -> Iterator[Temuan]:
    sel = b.sel.get(kolom)
    if sel is not None and sel.alamat and sel.kosong:
        yield temuan(WAJIB, sel.lembar, sel.alamat,
                     f"{apa} (kolom '{kolom}', baris {b.nomor}) belum diisi.",
                     f"Isi kolom '{kolom}'.")


def _angka(b: Baris, kolom: str, bacaan: Bacaan, apa: str) -> Iterator[Temuan]:
    sel = b.sel.get(kolom)
    if sel is None or not sel.alamat or isinstance(sel.mentah, GalatExcel):
        return
    if bacaan.status is Status.TIDAK_VALID:
        yield temuan(TIDAK_VALID, sel.lembar, sel.alamat,
                     f"{apa} {bacaan.alasan}; nilai ini tidak dipakai dalam perhitungan.",
                     "Ketik angka tanpa teks, dengan titik pemisah ribuan dan koma desimal "
                     "(mis. 25.450.000 atau 84,03), atau sebagai sel angka.")
    elif bacaan.status is Status.AMBIGU:
        pilihan = " atau ".join(angka.format_angka(k) for k in bacaan.kemungkinan)
        yield temuan(AMBIGU, sel.lembar, sel.alamat,
                     f"{apa} {bacaan.alasan}; nilai ini tidak dipakai sampai dipastikan.",
                     f"Ketik ulang sebagai angka: {pilihan}.")
    elif bacaan.status is Status.TEKS_ANGKA:
        satuan = f" dengan satuan '{bacaan.satuan}'" if bacaan.satuan else ""
        yield temuan(TEKS, sel.lembar, sel.alamat,
                     f"{apa} '{sel.teks}' tersimpan sebagai teks; dibaca "
                     f"{angka.format_angka(bacaan.nilai or 0)}{satuan}.",
                     "Ketik sebagai angka (tanpa satuan) agar Excel dapat menjumlahkannya.")


def _kualitatif(b: Baris, kolom: str, bacaan: Bacaan, apa: str) -> Iterator[Temuan]:
    sel = b.sel.get(kolom)
    if sel is not None and sel.alamat and bacaan.status is Status.KUALITATIF:
        yield temuan(KUALITATIF, sel.lembar, sel.alamat,
                     f"{apa} '{sel.teks}' berupa uraian, bukan angka; capaian tidak dihitung.",
                     "Jika target terukur, pisahkan angka (kolom Target) dan satuannya "
                     "(kolom Satuan).")


def _satuan_perlu(b: Baris, bacaan: Bacaan) -> Iterator[Temuan]:
    # A numeric target needs a unit, typed in Satuan or after the number ("12 Bulan").
    if bacaan.terpakai and not bacaan.satuan:
        yield from _wajib(b, skema.SATUAN, "Satuan target")


def _polaritas(b: Baris, nilai: str) -> Iterator[Temuan]:
    sel = b.sel.get(skema.POLARITAS)
    if sel is not None and sel.alamat and nilai not in skema.POLARITAS_SAH:
        yield temuan(POLARITAS, sel.lembar, sel.alamat,
                     f"Polaritas '{sel.teks}' tidak dikenal.",
                     "Isi 'Positif' (makin tinggi makin baik) atau 'Negatif' (makin rendah "
                     "makin baik); kosong berarti Positif.")


@pemeriksa
def periksa_sasaran(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    for ind in rkt.indikator:
        b = ind.baris
        yield from _wajib(b, skema.KODE, "Kode indikator")
        for nilai, kolom in ((ind.tujuan, skema.TUJUAN),
                             (ind.indikator_tujuan, skema.INDIKATOR_TUJUAN),
                             (ind.sasaran, skema.SASARAN)):
            if not nilai:
                yield from _wajib(b, kolom, kolom)
        yield from _wajib(b, skema.INDIKATOR_SASARAN, "Indikator sasaran")
        yield from _wajib(b, skema.TARGET, f"Target indikator {ind.kode}")
        yield from _satuan_perlu(b, ind.target)
        yield from _polaritas(b, ind.polaritas)
        yield from _angka(b, skema.TARGET_AKHIR, ind.target_akhir,
                          f"Target akhir Renstra indikator {ind.kode}:")
        yield from _angka(b, skema.TARGET, ind.target, f"Target indikator {ind.kode}:")
        yield from _kualitatif(b, skema.TARGET, ind.target, f"Target indikator {ind.kode}")


@pemeriksa
def periksa_evaluasi(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    for ev in rkt.evaluasi:
        b = ev.baris
        yield from _wajib(b, skema.KODE, "Kode indikator")
        yield from _wajib(b, skema.INDIKATOR_SASARAN, "Indikator sasaran")
        yield from _wajib(b, skema.TARGET, f"Target indikator {ev.kode}")
        yield from _wajib(b, skema.REALISASI,
                          f"Realisasi indikator {ev.kode} (capaian tidak dapat dihitung)")
        yield from _satuan_perlu(b, ev.target)
        yield from _polaritas(b, ev.polaritas)
        yield from _angka(b, skema.TARGET_AKHIR, ev.target_akhir,
                          f"Target akhir Renstra indikator {ev.kode}:")
        yield from _angka(b, skema.TARGET, ev.target, f"Target indikator {ev.kode}:")
        yield from _angka(b, skema.REALISASI, ev.realisasi, f"Realisasi indikator {ev.kode}:")
        yield from _kualitatif(b, skema.TARGET, ev.target, f"Target indikator {ev.kode}")


@pemeriksa
def periksa_program(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    for p in rkt.program:
        b = p.baris
        yield from _wajib(b, skema.KODE_PROGRAM, "Kode program")
        yield from _wajib(b, skema.PROGRAM, "Nama program")
        yield from _wajib(b, skema.INDIKATOR_PROGRAM, f"Indikator program {p.kode}")
        yield from _wajib(b, skema.TARGET_PROGRAM, f"Target program {p.kode}")


@pemeriksa
def periksa_kegiatan(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    for k in rkt.kegiatan:
        b = k.baris
        yield from _wajib(b, skema.KODE_PROGRAM, "Kode program kegiatan")
        yield from _wajib(b, skema.KODE_KEGIATAN, "Kode kegiatan")
        yield from _wajib(b, skema.KEGIATAN, "Nama kegiatan")
        yield from _wajib(b, skema.INDIKATOR_KEGIATAN, f"Indikator kegiatan {k.kode}")
        yield from _wajib(b, skema.TARGET, f"Target kegiatan {k.kode}")
        yield from _satuan_perlu(b, k.target)
        yield from _wajib(b, skema.PAGU, f"Pagu kegiatan {k.kode}")
        yield from _angka(b, skema.TARGET, k.target, f"Target kegiatan {k.kode}:")
        yield from _angka(b, skema.PAGU, k.pagu, f"Pagu kegiatan {k.kode}:")
        yield from _pagu_bulat(b, k.pagu, f"Pagu kegiatan {k.kode}")


def _pagu_bulat(b: Baris, pagu: Bacaan, apa: str) -> Iterator[Temuan]:
    sel = b.sel.get(skema.PAGU)
    if (sel is not None and pagu.terpakai and pagu.nilai is not None
            and pagu.nilai != pagu.nilai.to_integral_value()):
        yield temuan(TIDAK_VALID, sel.lembar, sel.alamat,
                     f"{apa} {angka.format_angka(pagu.nilai)} bukan Rupiah utuh.",
                     "Pagu dalam Rupiah utuh, mis. "
                     f"{angka.format_angka(angka.bulatkan(pagu.nilai, 0))}.")
