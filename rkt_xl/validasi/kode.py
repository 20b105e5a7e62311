"""Codes: unique, and every kegiatan under a known program."""

from __future__ import annotations

from collections.abc import Iterator

from rkt_xl import skema
from rkt_xl.hitung import HasilHitung, kegiatan_tak_terbaca
from rkt_xl.model import RKT, Baris
from rkt_xl.temuan import Temuan, Tingkat
from rkt_xl.validasi.registri import daftarkan, pemeriksa, temuan

GANDA = daftarkan(
    "kode-ganda", Tingkat.GALAT,
    "Kode, Kode Program, atau Kode Kegiatan dipakai lebih dari sekali dalam satu tabel.",
    "Kode Program '2' sudah dipakai di Program!A3; setiap program perlu kode sendiri.")
TAK_DIKENAL = daftarkan(
    "program-tidak-dikenal", Tingkat.GALAT,
    "Kegiatan merujuk Kode Program yang tidak ada di tabel Program.",
    "Kegiatan 3.01 merujuk Kode Program '3' yang tidak ada di tblProgram.")
TANPA_KEGIATAN = daftarkan(
    "program-tanpa-kegiatan", Tingkat.PERINGATAN,
    "Program belum memiliki kegiatan (pagunya dihitung 0).",
    "Program 9 belum memiliki kegiatan di tblKegiatan; Pagu Program dihitung 0.")


def _ganda(baris: list[tuple[str, Baris]], kolom: str, apa: str) -> Iterator[Temuan]:
    pertama: dict[str, Baris] = {}
    for kode, b in baris:
        if not kode:
            continue
        if kode in pertama:
            asal = pertama[kode].sel[kolom]
            sel = b.sel[kolom]
            yield temuan(GANDA, sel.lembar, sel.alamat,
                         f"{apa} '{kode}' sudah dipakai di {asal.lembar}!{asal.alamat}.",
                         f"Beri setiap {apa.lower()} kode yang berbeda.")
        else:
            pertama[kode] = b


@pemeriksa
def periksa_kode(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    yield from _ganda([(i.kode, i.baris) for i in rkt.indikator], skema.KODE, "Kode indikator")
    yield from _ganda([(e.kode, e.baris) for e in rkt.evaluasi], skema.KODE, "Kode indikator")
    yield from _ganda([(p.kode, p.baris) for p in rkt.program], skema.KODE_PROGRAM,
                      "Kode Program")
    yield from _ganda([(k.kode, k.baris) for k in rkt.kegiatan], skema.KODE_KEGIATAN,
                      "Kode Kegiatan")


@pemeriksa
def periksa_rujukan_program(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    if skema.PROGRAM_T.nama not in rkt.tabel:
        return  # reported once as struktur
    dikenal = {p.kode for p in rkt.program if p.kode}
    for k in rkt.kegiatan:
        if k.kode_program and k.kode_program not in dikenal:
            sel = k.baris.sel[skema.KODE_PROGRAM]
            yield temuan(TAK_DIKENAL, sel.lembar, sel.alamat,
                         f"Kegiatan '{k.kode or k.nama}' merujuk Kode Program "
                         f"'{k.kode_program}' yang tidak ada di tabel Program; pagunya tidak "
                         "masuk jumlah program mana pun.",
                         "Pilih Kode Program dari daftar, atau tambahkan programnya di lembar "
                         "Program.")
    if kegiatan_tak_terbaca(rkt) is not None:
        return  # which programs have kegiatan is unknown: struktur says why
    punya = {k.kode_program for k in rkt.kegiatan}
    for p in rkt.program:
        if p.kode and p.kode not in punya:
            sel = p.baris.sel[skema.KODE_PROGRAM]
            yield temuan(TANPA_KEGIATAN, sel.lembar, sel.alamat,
                         f"Program '{p.kode}' ({p.nama}) belum memiliki kegiatan; Pagu "
                         "Program dihitung 0.",
                         "Tambahkan kegiatannya di lembar Kegiatan dengan Kode Program ini.")
