"""Cell by cell: required values, numbers typed as text, polaritas."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from rkt_xl import angka, skema
from rkt_xl.hitung import HasilHitung
from rkt_xl.model import RKT, Bacaan, Baris, GalatExcel, RumusTanpaNilai, Sel, Status
from rkt_xl.temuan import Temuan, Tingkat
from rkt_xl.validasi.registri import daftarkan, kode, pemeriksa, temuan

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
PERSEN = daftarkan(
    "angka-persen", Tingkat.INFO,
    "Angka di sel berformat persen (tampil 85%, tersimpan 0,85) dibaca 85 dalam satuan "
    "persen, seperti teks \"85%\". Peringatan bila Satuan indikatornya bukan persen; "
    "galat di kolom Pagu/Pagu Program (Rupiah bukan persentase) dan peringatan di kolom "
    "Capaian (%), yang akan tampil 100 kali lipat.",
    "Realisasi indikator 1.1 tertulis 85% (sel berformat persen); dibaca 85 %.",
    tingkat_lain=(Tingkat.PERINGATAN, Tingkat.GALAT))
NEGATIF = daftarkan(
    "angka-negatif", Tingkat.GALAT,
    "Pagu, Realisasi, Target, atau Target Akhir Renstra bernilai negatif (Excel mengubah "
    "\"(5.000.000)\" yang diketik menjadi -5.000.000); nilainya tidak dipakai: jumlah "
    "pagu dikosongkan, capaian tidak dihitung.",
    "Pagu kegiatan 2.01 bernilai negatif (-5.000.000); nilai ini tidak dipakai.")
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


def _angka(b: Baris, kolom: str, bacaan: Bacaan, apa: str, satuan: str | None = None,
           rupiah: bool = False) -> Iterator[Temuan]:
    """What a number cell holds, if it is not a plain number: text (valid, ambiguous,
    invalid), a percent format, a negative value. ``satuan``: the row's unit (a
    percent format is then checked against it); ``rupiah``: an amount in Rupiah."""
    sel = b.sel.get(kolom)
    if sel is None or not sel.alamat or isinstance(sel.mentah, (GalatExcel, RumusTanpaNilai)):
        return  # reported by rumus-galat / rumus-tanpa-nilai
    if sel.persen and sel.angka:
        yield from temuan_persen(sel, bacaan, apa, satuan, rupiah)
        if rupiah:
            return
    if bacaan.status is Status.NEGATIF:
        akibat = "jumlah pagu programnya tidak dapat dihitung" if rupiah else \
            "capaiannya tidak dihitung"
        yield temuan(NEGATIF, sel.lembar, sel.alamat,
                     f"{apa} bernilai negatif ({sel.tampil}); nilai ini tidak dipakai: "
                     f"{akibat}.",
                     "Excel mengubah angka dalam kurung, mis. (5.000.000), menjadi negatif. "
                     "Ketik angkanya tanpa kurung atau tanda minus.")
    elif bacaan.status is Status.TIDAK_VALID:
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


def temuan_persen(sel: Sel, bacaan: Bacaan, apa: str, satuan: str | None,
            rupiah: bool) -> Iterator[Temuan]:
    v = sel.mentah
    tersimpan = angka.format_angka(v) if isinstance(v, (int, float, Decimal)) else sel.teks
    if rupiah:
        yield temuan(PERSEN, sel.lembar, sel.alamat,
                     f"{apa} berformat persen (tampil {sel.tampil}, tersimpan {tersimpan}); "
                     "Rupiah bukan persentase, nilai ini tidak dipakai.",
                     "Ubah format sel ke Number (Format Cells → Number), lalu ketik pagunya "
                     "dalam Rupiah.", tingkat=Tingkat.GALAT)
        return
    dibaca = angka.format_angka(bacaan.nilai) if bacaan.nilai is not None else sel.tampil
    if satuan is not None and satuan.strip() and not angka.satuan_persen(satuan):
        yield temuan(PERSEN, sel.lembar, sel.alamat,
                     f"{apa} tertulis {sel.tampil} (sel berformat persen, tersimpan "
                     f"{tersimpan}), tetapi Satuan-nya '{satuan.strip()}': dibaca {dibaca}.",
                     "Jika satuannya persen, isi Satuan '%'. Jika bukan, ubah format sel ke "
                     "Number dan ketik angkanya.", tingkat=Tingkat.PERINGATAN)
        return
    yield temuan(PERSEN, sel.lembar, sel.alamat,
                 f"{apa} tertulis {sel.tampil} (sel berformat persen, tersimpan {tersimpan}); "
                 f"dibaca {dibaca} %.",
                 "Tidak perlu diubah. Agar jelas, boleh diketik sebagai angka biasa (85) dengan "
                 "Satuan '%'.")


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
        yield from _wajib(b, skema.TARGET, f"Target indikator{kode(ind.kode)}")
        yield from _satuan_perlu(b, ind.target)
        yield from _polaritas(b, ind.polaritas)
        yield from _angka(b, skema.TARGET_AKHIR, ind.target_akhir,
                          f"Target akhir Renstra indikator{kode(ind.kode)}:", ind.satuan)
        yield from _angka(b, skema.TARGET, ind.target, f"Target indikator{kode(ind.kode)}:",
                          ind.satuan)
        yield from _kualitatif(b, skema.TARGET, ind.target, f"Target indikator{kode(ind.kode)}")


@pemeriksa
def periksa_evaluasi(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    for ev in rkt.evaluasi:
        b = ev.baris
        yield from _wajib(b, skema.KODE, "Kode indikator")
        yield from _wajib(b, skema.INDIKATOR_SASARAN, "Indikator sasaran")
        yield from _wajib(b, skema.TARGET, f"Target indikator{kode(ev.kode)}")
        yield from _wajib(b, skema.REALISASI,
                          f"Realisasi indikator{kode(ev.kode)} (capaian tidak dapat dihitung)")
        yield from _satuan_perlu(b, ev.target)
        yield from _polaritas(b, ev.polaritas)
        yield from _angka(b, skema.TARGET_AKHIR, ev.target_akhir,
                          f"Target akhir Renstra indikator{kode(ev.kode)}:", ev.satuan)
        yield from _angka(b, skema.TARGET, ev.target, f"Target indikator{kode(ev.kode)}:",
                          ev.satuan)
        yield from _angka(b, skema.REALISASI, ev.realisasi, f"Realisasi indikator{kode(ev.kode)}:",
                          ev.satuan)
        yield from _kualitatif(b, skema.TARGET, ev.target, f"Target indikator{kode(ev.kode)}")


@pemeriksa
def periksa_program(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    for p in rkt.program:
        b = p.baris
        yield from _wajib(b, skema.KODE_PROGRAM, "Kode program")
        yield from _wajib(b, skema.PROGRAM, "Nama program")
        yield from _wajib(b, skema.INDIKATOR_PROGRAM, f"Indikator program{kode(p.kode)}")
        yield from _wajib(b, skema.TARGET_PROGRAM, f"Target program{kode(p.kode)}")
        sel = b.sel.get(skema.TARGET_PROGRAM)
        if sel is not None and sel.alamat and sel.persen and sel.angka:
            yield from temuan_persen(sel, angka.baca(sel.mentah, persen=True),
                               f"Target program{kode(p.kode)}", None, False)


@pemeriksa
def periksa_kegiatan(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    for k in rkt.kegiatan:
        b = k.baris
        yield from _wajib(b, skema.KODE_PROGRAM, "Kode program kegiatan")
        yield from _wajib(b, skema.KODE_KEGIATAN, "Kode kegiatan")
        yield from _wajib(b, skema.KEGIATAN, "Nama kegiatan")
        yield from _wajib(b, skema.INDIKATOR_KEGIATAN, f"Indikator kegiatan{kode(k.kode)}")
        yield from _wajib(b, skema.TARGET, f"Target kegiatan{kode(k.kode)}")
        yield from _satuan_perlu(b, k.target)
        yield from _wajib(b, skema.PAGU, f"Pagu kegiatan{kode(k.kode)}")
        yield from _angka(b, skema.TARGET, k.target, f"Target kegiatan{kode(k.kode)}:", k.satuan)
        yield from _angka(b, skema.PAGU, k.pagu, f"Pagu kegiatan{kode(k.kode)}:", rupiah=True)
        yield from _pagu_bulat(b, k.pagu, f"Pagu kegiatan{kode(k.kode)}")


def _pagu_bulat(b: Baris, pagu: Bacaan, apa: str) -> Iterator[Temuan]:
    sel = b.sel.get(skema.PAGU)
    if (sel is not None and pagu.terpakai and pagu.nilai is not None
            and pagu.nilai != pagu.nilai.to_integral_value()):
        bulat = angka.format_angka(angka.bulatkan(pagu.nilai, 0))
        saran = ("Hasil rumusnya bukan Rupiah utuh: bungkus rumusnya dengan ROUND(…; 0), mis. "
                 "=ROUND(G3*1,1; 0)." if sel.rumus else f"Pagu dalam Rupiah utuh, mis. {bulat}.")
        yield temuan(TIDAK_VALID, sel.lembar, sel.alamat,
                     f"{apa} {angka.format_angka(pagu.nilai)} bukan Rupiah utuh; nilai ini "
                     "tidak dipakai.", saran)
