"""Identitas and Pengaturan: keys present, values usable."""

from __future__ import annotations

from collections.abc import Iterator

from rkt_xl import skema
from rkt_xl.hitung import HasilHitung
from rkt_xl.kategori import SKALA
from rkt_xl.model import RKT, Sel
from rkt_xl.pemetaan import baca_batas, rumus_negatif
from rkt_xl.temuan import Temuan, Tingkat
from rkt_xl.validasi.isian import temuan_persen
from rkt_xl.validasi.registri import daftarkan, pemeriksa, temuan
from rkt_xl.validasi.renstra import periode

KOSONG = daftarkan(
    "identitas-kosong", Tingkat.PERINGATAN,
    "Kunci tblIdentitas tidak ada atau nilainya kosong (dipakai di judul dan tanda tangan "
    "lampiran).",
    "Identitas 'NIP Kepala' belum diisi; blok tanda tangan lampiran akan kosong.")
TIDAK_VALID = daftarkan(
    "identitas-tidak-valid", Tingkat.GALAT,
    "Tahun RKT bukan tahun empat angka, atau Periode Renstra tidak berbentuk 2013-2018.",
    "Periode Renstra '2013 sd 18' tidak dikenali; tulis seperti 2013-2018.")
NIP = daftarkan(
    "nip-tidak-valid", Tingkat.GALAT,
    "NIP Kepala bukan 18 angka yang diketik sebagai teks (spasi boleh, seperti "
    "19610128 198703 1 008). NIP yang tersimpan sebagai angka sudah berubah: Excel hanya "
    "menyimpan 15 angka bermakna.",
    "NIP Kepala tersimpan sebagai angka (196101281987031000); tiga angka terakhirnya "
    "hilang. Ketik ulang sebagai teks.")
PANJANG_NIP = 18
PENGATURAN = daftarkan(
    "pengaturan-tidak-valid", Tingkat.GALAT,
    "Nilai tblPengaturan tidak dikenal; nilai bakunya dipakai.",
    "Rumus Indikator Negatif '2T+R' tidak dikenal; dipakai 2T-R. Pilihan: 2T-R, T/R.")


@pemeriksa
def periksa_identitas(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    tabel = rkt.tabel.get(skema.IDENTITAS.nama)
    if tabel is None:
        return  # reported as struktur
    for kunci in skema.KUNCI_IDENTITAS:
        sel = rkt.identitas.get(kunci)
        if sel is None:
            yield temuan(KOSONG, tabel.lembar, tabel.ref.split(":")[0],
                         f"Kunci '{kunci}' tidak ada di tabel {tabel.nama}.",
                         f"Tambahkan baris dengan Kunci '{kunci}' dan isi Nilai-nya.")
        elif sel.kosong:
            yield temuan(KOSONG, sel.lembar, sel.alamat, f"Identitas '{kunci}' belum diisi.",
                         f"Isi Nilai untuk '{kunci}'.")
    tahun = rkt.identitas.get(skema.TAHUN_RKT)
    if tahun is not None and not tahun.kosong and rkt.tahun is None:
        yield temuan(TIDAK_VALID, tahun.lembar, tahun.alamat,
                     f"Tahun RKT '{tahun.teks}' bukan tahun empat angka.", "Isi mis. 2018.")
    yield from _nip(rkt.identitas.get(skema.NIP_KEPALA))
    per = rkt.identitas.get(skema.PERIODE_RENSTRA)
    if per is not None and not per.kosong and periode(per.teks) is None:
        yield temuan(TIDAK_VALID, per.lembar, per.alamat,
                     f"Periode Renstra '{per.teks}' tidak dikenali.",
                     "Tulis tahun awal dan akhir, mis. 2013-2018.")


def _nip(sel: Sel | None) -> Iterator[Temuan]:
    if sel is None or sel.kosong or not sel.alamat:
        return
    saran = ("Ketik ulang NIP sebagai teks: format sel sebagai Text, atau awali dengan tanda "
             "petik ('), mis. '19610128 198703 1 008.")
    if sel.angka:
        yield temuan(NIP, sel.lembar, sel.alamat,
                     f"NIP Kepala tersimpan sebagai angka ({sel.teks}): Excel hanya menyimpan "
                     "15 angka bermakna, sehingga NIP 18 angka sudah berubah dan tidak dapat "
                     "dipulihkan dari sel ini.", saran)
        return
    angka_nip = sel.teks.replace("\u00a0", " ").replace(" ", "")
    if not (angka_nip.isascii() and angka_nip.isdigit() and len(angka_nip) == PANJANG_NIP):
        jumlah = sum(c.isascii() and c.isdigit() for c in angka_nip)
        # Digits of another script (Arabic-Indic ١٩٦١…) look like a NIP but are not one.
        lain = sum(c.isdigit() and not c.isascii() for c in angka_nip)
        rincian = f"terbaca {jumlah} angka" + (
            f" 0–9 dan {lain} angka aksara lain" if lain else "")
        yield temuan(NIP, sel.lembar, sel.alamat,
                     f"NIP Kepala '{sel.teks}' bukan {PANJANG_NIP} angka ({rincian}).",
                     "Periksa NIP: 18 angka 0–9, boleh dipisah spasi seperti "
                     "19610128 198703 1 008.")


@pemeriksa
def periksa_pengaturan(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    sel = rkt.pengaturan_sel.get(skema.RUMUS_NEGATIF)
    if sel is not None and rumus_negatif(sel.teks) is None:
        yield temuan(PENGATURAN, sel.lembar, sel.alamat,
                     f"Rumus Indikator Negatif '{sel.teks}' tidak dikenal; dipakai "
                     f"{skema.RUMUS_2T_R}.", "Pilih 2T-R atau T/R.")
    sel = rkt.pengaturan_sel.get(skema.BATAS_CAPAIAN)
    if sel is not None and not sel.kosong:
        b = baca_batas(sel)
        if sel.persen and sel.angka:
            yield from temuan_persen(sel, b, "Batas Capaian Maksimum", None, False)
        if not b.terpakai or b.nilai is None or b.nilai <= 0:
            yield temuan(PENGATURAN, sel.lembar, sel.alamat,
                         f"Batas Capaian Maksimum '{sel.teks}' bukan angka positif; capaian "
                         "tidak dibatasi.", "Kosongkan, atau isi angka seperti 100 atau 120.")
    sel = rkt.pengaturan_sel.get(skema.SKALA_KATEGORI)
    if sel is not None and sel.teks and sel.teks not in SKALA:
        yield temuan(PENGATURAN, sel.lembar, sel.alamat,
                     f"Skala Kategori '{sel.teks}' tidak dikenal; dipakai Permendagri 86/2017.",
                     f"Pilihan: {', '.join(SKALA)}.")
