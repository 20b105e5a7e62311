"""Tabel 2.4: Rencana Kinerja Tahunan (RKT) Tahun n — tujuan → sasaran → target.

Tujuan, Indikator Tujuan and Sasaran are merged over the indicators they head, as in
the printed document. The model rows already carry those values filled down, so a
group is a run of consecutive equal values; a lower level never spans a boundary of
the level above it (two tujuan that happen to share a sasaran text stay separate).
"""

from __future__ import annotations

from rkt_xl import skema
from rkt_xl.hitung import HasilHitung
from rkt_xl.lampiran import judul
from rkt_xl.lampiran.layout import Cetak, Layout
from rkt_xl.lampiran.nilai import tahun_teks, teks_target
from rkt_xl.model import RKT, Indikator

# The last two columns make up judul.LEBAR_TTD (the signature block's width).
LEBAR = (32.0, 32.0, 34.0, 46.0, 16.0)


def label_kolom(tahun: int | None) -> tuple[str, ...]:
    return ("Tujuan", "Indikator Tujuan", "Sasaran", "Indikator Sasaran",
            f"Target Kinerja Indikator Sasaran pada Tahun {tahun_teks(tahun)}")


def bangun_tabel_2_4(rkt: RKT, hasil: HasilHitung) -> Layout:
    """The sheet ``Tabel 2.4`` as a Layout (``hasil`` is unused: no computed column)."""
    del hasil  # same signature as the other builders
    tahun = rkt.tahun
    label = label_kolom(tahun)
    n = len(label)
    layout = judul.layout_baru(skema.TABEL_2_4, LEBAR)
    layout.warna_tab = judul.WARNA_TAB_LAMPIRAN
    baris = judul.blok_judul(
        layout, rkt, f"Tabel 2.4 Rencana Kinerja Tahunan (RKT) Tahun {tahun_teks(tahun)}",
        n)
    header = baris
    judul.tulis_header(layout, header, label)
    layout.cetak = Cetak(baris_judul=(header, header))
    layout.bekukan_baris = header
    awal = header + 1
    judul.tutup_daftar_indikator(layout, rkt, header, awal, n, tulis_isi)
    return layout


def tulis_isi(layout: Layout, awal: int, indikator: list[Indikator]) -> list[tuple[int, int]]:
    """The indicator rows; returns the row span of each tujuan (kept on one page)."""
    for i, ind in enumerate(indikator):
        r = awal + i
        layout.tulis(r, 1, ind.tujuan or None, "teks")
        layout.tulis(r, 2, ind.indikator_tujuan or None, "teks")
        layout.tulis(r, 3, ind.sasaran or None, "teks")
        layout.tulis(r, 4, ind.indikator or None, "teks")
        target = teks_target(ind.target, ind.baris.sel.get(skema.TARGET), ind.satuan)
        layout.tulis(r, 5, target or None, "teks-tengah")
    # Each level is keyed by itself and every level above it.
    kunci_level: tuple[list[tuple[str, ...]], ...] = (
        [(x.tujuan,) for x in indikator],
        [(x.tujuan, x.indikator_tujuan) for x in indikator],
        [(x.tujuan, x.indikator_tujuan, x.sasaran) for x in indikator],
    )
    for kolom, kunci in enumerate(kunci_level, start=1):
        for a, b in judul.kelompok(kunci):
            layout.gabungkan(awal + a, kolom, awal + b, kolom)
    return [(awal + a, awal + b) for a, b in judul.kelompok(kunci_level[0])]
