"""The commands of rkt-xl (registered on the group in ``rkt_xl.cli.aplikasi``).

Heavy imports stay inside the commands: ``rkt-xl --help`` imports click only."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from rkt_xl.cli.klik import Argumen, Perintah
from rkt_xl.cli.laporan import (
    cetak_json,
    cetak_ringkasan,
    cetak_temuan,
    gagal_pakai,
    jalankan_banyak,
    kode_keluar,
    laporkan,
    ringkasan_json,
    temuan_json,
)
from rkt_xl.cli.layar import Layar
from rkt_xl.cli.opsi import berkas_arg, jobs_opt, json_opt, timpa_opt


def _interpreter_tombol() -> str | None:
    """What the buttons of a workbook made here should run (Windows: this Python)."""
    from rkt_xl.templat.interpreter import pythonw_untuk

    return pythonw_untuk(sys.platform, sys.executable)


@click.command(cls=Perintah)
@berkas_arg
@json_opt
@jobs_opt
def validasi(berkas: tuple[str, ...], json_: bool, jobs: int) -> None:
    """Periksa berkas dan laporkan setiap temuan beserta selnya (berkas tidak diubah)."""
    hasil = jalankan_banyak(berkas, "validasi", jobs, json_)
    if json_:
        from rkt_xl.cli.laporan import cetak_galat_berkas

        cetak_json(temuan_json(hasil))
        cetak_galat_berkas(hasil)
        sys.exit(kode_keluar(hasil))
    laporkan(hasil, False, rinci=True)


@click.command(cls=Perintah)
@berkas_arg
@json_opt
@jobs_opt
def hitung(berkas: tuple[str, ...], json_: bool, jobs: int) -> None:
    """Hitung ulang Capaian (%), Kategori, dan Pagu Program, lalu simpan di tempat."""
    laporkan(jalankan_banyak(berkas, "hitung", jobs, json_), json_, rinci=False)


@click.command(cls=Perintah)
@berkas_arg
@json_opt
@jobs_opt
def lampiran(berkas: tuple[str, ...], json_: bool, jobs: int) -> None:
    """Buat ulang lembar Tabel 2.4, Tabel 2.5, Lampiran I, dan Lampiran II."""
    laporkan(jalankan_banyak(berkas, "lampiran", jobs, json_), json_, rinci=False)


@click.command(cls=Perintah)
@berkas_arg
@json_opt
@jobs_opt
def proses(berkas: tuple[str, ...], json_: bool, jobs: int) -> None:
    """Validasi + hitung + lampiran + lembar Validasi, di tempat (berkas disimpan aman)."""
    laporkan(jalankan_banyak(berkas, "proses", jobs, json_), json_, rinci=True)


@click.command(cls=Perintah)
@click.argument("berkas", cls=Argumen, keterangan="Berkas .xlsm yang akan dibuat.")
@click.option("--dari", metavar="PATH", help="Isi dari berkas JSON (hasil rkt-xl ekspor).")
@timpa_opt("Timpa berkas yang sudah ada.")
def baru(berkas: str, dari: str | None, timpa: bool) -> None:
    """Buat buku kerja RKT baru dari templat (kosong, atau diisi dari JSON)."""
    from rkt_xl.galat import GalatRKT
    from rkt_xl.operasi import buat_workbook
    from rkt_xl.pertukaran import baca_berkas

    try:
        data = baca_berkas(Path(dari)) if dari is not None else None
        buat_workbook(Path(berkas), data, timpa=timpa,
                      interpreter_win=_interpreter_tombol())
    except GalatRKT as e:
        gagal_pakai([str(e)])
    Layar().tulis(f"Dibuat: {Path(berkas)}")


@click.command(cls=Perintah)
@click.argument("berkas", cls=Argumen, keterangan="Buku kerja RKT.")
@click.option("--ke", metavar="PATH", help="Berkas JSON tujuan (tanpa ini: ke stdout).")
def ekspor(berkas: str, ke: str | None) -> None:
    """Ekspor seluruh isi RKT ke JSON (untuk e-SAKIP atau rkt-xl baru --dari)."""
    from rkt_xl.galat import GalatRKT
    from rkt_xl.operasi import ekspor as ekspor_data
    from rkt_xl.pertukaran import tulis_berkas

    try:
        data = ekspor_data(Path(berkas))
        if ke is None:
            cetak_json(data)
        else:
            tulis_berkas(data, Path(ke))
            Layar(stderr=True).tulis(f"Diekspor: {Path(ke)}")
    except GalatRKT as e:
        gagal_pakai([str(e)])


@click.command(cls=Perintah)
@berkas_arg
@click.option("--ke", metavar="DIR", help="Folder tujuan PDF (bawaan: di samping berkas).")
def pdf(berkas: tuple[str, ...], ke: str | None) -> None:
    """Cetak keempat lampiran ke satu PDF per berkas (lewat LibreOffice)."""
    from rkt_xl.berkas import kumpulkan
    from rkt_xl.galat import GalatRKT
    from rkt_xl.pdf import ke_pdf

    daftar, tak_ada = kumpulkan(list(berkas))
    if tak_ada:
        gagal_pakai(tak_ada)
    layar = Layar()
    kode = 0
    for b in daftar:
        try:
            layar.tulis(f"PDF: {ke_pdf(b, Path(ke) if ke is not None else None)}")
        except GalatRKT as e:
            Layar(stderr=True).galat(str(e))
            kode = 2
    sys.exit(kode)


@click.command(cls=Perintah)
@click.argument("folder", cls=Argumen, default=".", required=False,
                keterangan="Folder tujuan. [bawaan: .]")
@click.option("--tanpa-proses", is_flag=True,
              help="Hanya tulis buku kerja seperti diketik, tanpa diproses.")
@timpa_opt("Timpa buku kerja contoh yang sudah ada.")
@json_opt
def contoh(folder: str, tanpa_proses: bool, timpa: bool, json_: bool) -> None:
    """Demo: buku kerja contoh RKT 2018 Kabupaten Sinjai, lalu diproses lengkap.

    Kode keluar seperti proses: 1 bila ada galat, dan contoh ini sengaja memuat galat
    (angka rusak dari dokumen aslinya). Buku kerja contoh yang sudah ada tidak ditimpa
    tanpa --timpa."""
    from rkt_xl.contoh import NAMA_BERKAS, data_contoh
    from rkt_xl.galat import GalatRKT
    from rkt_xl.operasi import buat_workbook, proses_satu

    tujuan = Path(folder) / NAMA_BERKAS
    try:
        buat_workbook(tujuan, data_contoh(), timpa=timpa,
                      interpreter_win=_interpreter_tombol())
    except (GalatRKT, OSError) as e:
        gagal_pakai([str(e)], json_)
    layar = Layar()
    if tanpa_proses:
        if json_:
            cetak_json({"berkas": str(tujuan)})
        else:
            layar.tulis(f"Buku kerja contoh ditulis (belum diproses): {tujuan}")
        return
    h = proses_satu(str(tujuan), "proses")
    if h.galat:
        gagal_pakai([h.galat], json_)
    if json_:
        cetak_json(ringkasan_json(h))
        sys.exit(kode_keluar([h]))
    lap = h.laporan
    assert lap is not None
    layar.tulis([("Buku kerja contoh:", "bold"), f" {tujuan}\n"])
    cetak_temuan(layar, lap.temuan_awal, "1. Validasi menemukan pada data yang diketik")
    layar.tulis()
    if lap.perubahan:
        layar.tabel("2. Hitung mengubah", ("Sel", "Semula", "Menjadi"),
                    [(f"{p.lembar}!{p.sel}", p.lama, p.baru) for p in lap.perubahan])
    else:
        layar.tulis("2. Hitung: tidak ada yang berubah.")
    layar.tulis(f"\n3. Lembar dibuat ulang: {', '.join(lap.lembar_dibuat)}\n")
    cetak_ringkasan(layar, [h])
    sys.exit(kode_keluar([h]))
