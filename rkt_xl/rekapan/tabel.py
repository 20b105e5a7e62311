"""The four rekap tables as rows of plain values, in their final order: what the
command line writes (workbook and JSON) and what ``rkt_xl.rekap`` turns into
DataFrames. No pandas here: the command line never needs it (~0,35 s and ~25 MB a run).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rkt_xl.rekapan import kontrak
from rkt_xl.rekapan.kumpul import HasilBerkas, NilaiSel

Tabel = dict[str, list[tuple[NilaiSel, ...]]]  # sheet name → rows (contract column order)


def urutkan(hasil: Iterable[HasilBerkas]) -> list[HasilBerkas]:
    """By rata-rata capaian, highest first; then readable files without any capaian;
    unreadable files last. Ties keep the input order."""
    def kunci(h: HasilBerkas) -> tuple[int, float]:
        if h.tidak_terbaca is not None:
            return 2, 0.0
        if h.rata_rata is None:
            return 1, 0.0
        return 0, -h.rata_rata

    return sorted(hasil, key=kunci)


def _kunci_nama(nama: str) -> str:
    return " ".join(nama.split()).casefold()


def kembaran(hasil: Sequence[HasilBerkas]) -> dict[str, list[str]]:
    """Berkas → the other files with the same Nama OPD (case and spacing ignored): two
    submissions of one OPD, or a copied workbook whose identity was not changed."""
    per_nama: dict[str, list[str]] = {}
    for h in hasil:
        if h.nama_opd:
            per_nama.setdefault(_kunci_nama(h.nama_opd), []).append(h.berkas)
    keluar: dict[str, list[str]] = {}
    for daftar in per_nama.values():
        if len(daftar) > 1:
            for b in daftar:
                keluar[b] = [x for x in daftar if x != b]
    return keluar


def status(h: HasilBerkas, sama: Sequence[str] = ()) -> str:
    if h.tidak_terbaca is not None:
        return f"{kontrak.STATUS_TIDAK_TERBACA}: {h.tidak_terbaca}"
    if h.galat:
        s = kontrak.STATUS_GALAT
    elif h.peringatan:
        s = kontrak.STATUS_PERINGATAN
    else:
        s = kontrak.STATUS_BAIK
    if sama:
        s += f"; Nama OPD sama dengan berkas {', '.join(sama)}"
    return s


def susun(hasil: Iterable[HasilBerkas]) -> Tabel:
    """The four tables keyed by sheet name; every table's rows follow Ringkasan order."""
    urut = urutkan(hasil)
    sama = kembaran(urut)
    return {
        kontrak.RINGKASAN.lembar: [
            (h.berkas, h.nama_opd, h.tahun, status(h, sama.get(h.berkas, ())), h.galat,
             h.peringatan, h.jumlah_indikator, h.rata_rata, h.kategori, h.total_pagu)
            for h in urut],
        kontrak.INDIKATOR.lembar: [(h.nama_opd, *b) for h in urut for b in h.indikator],
        kontrak.PROGRAM.lembar: [(h.nama_opd, *b) for h in urut for b in h.program],
        kontrak.TEMUAN.lembar: [(h.berkas, *b) for h in urut for b in h.temuan],
    }


def ke_json(tabel: Tabel) -> dict[str, list[dict[str, NilaiSel]]]:
    """The four tables as JSON: ``{"Ringkasan": [{header: value or null}, …], …}``."""
    return {t.lembar: [dict(zip(t.header, b, strict=True)) for b in tabel[t.lembar]]
            for t in kontrak.TABEL}
