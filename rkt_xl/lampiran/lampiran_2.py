"""Lampiran II: Rencana Kinerja Tahunan (RKT) Tahun n — sasaran strategis and targets.

Built from the same tblSasaran rows as Tabel 2.4, so the two lists cannot drift
apart (in the seed, Tabel 2.4 had 5 indicators and Lampiran II 6).
"""

from __future__ import annotations

from rkt_xl import skema
from rkt_xl.hitung import HasilHitung
from rkt_xl.lampiran import judul
from rkt_xl.lampiran.layout import Cetak, Layout
from rkt_xl.lampiran.nilai import tahun_teks, teks_target
from rkt_xl.model import RKT, Indikator

# The last two columns make up judul.LEBAR_TTD (the signature block's width).
LEBAR = (4.5, 93.5, 46.0, 16.0)
LABEL = ("No", "Sasaran Strategis", "Indikator Kinerja", "Target")


def bangun_lampiran_2(rkt: RKT, hasil: HasilHitung) -> Layout:
    """The sheet ``Lampiran II`` as a Layout (``hasil`` unused: no computed column)."""
    del hasil
    n = len(LABEL)
    layout = judul.layout_baru(skema.LAMPIRAN_II, LEBAR)
    layout.warna_tab = judul.WARNA_TAB_LAMPIRAN
    baris = judul.blok_judul(
        layout, rkt,
        f"Lampiran II: Rencana Kinerja Tahunan (RKT) Tahun {tahun_teks(rkt.tahun)}", n)
    header, nomor_kolom = baris, baris + 1
    judul.tulis_header(layout, header, LABEL)
    for k in range(1, n + 1):
        layout.tulis(nomor_kolom, k, f"({k})", "nomor-kolom")
    layout.cetak = Cetak(baris_judul=(header, nomor_kolom))
    layout.bekukan_baris = nomor_kolom
    awal = nomor_kolom + 1
    judul.tutup_daftar_indikator(layout, rkt, header, awal, n, tulis_isi)
    return layout


def tulis_isi(layout: Layout, awal: int, indikator: list[Indikator]) -> list[tuple[int, int]]:
    """The indicator rows; returns the row span of each sasaran (kept on one page)."""
    # The same grouping key as Tabel 2.4, so a sasaran is one group in both tables.
    kunci = [(x.tujuan, x.indikator_tujuan, x.sasaran) for x in indikator]
    grup = judul.kelompok(kunci)
    for nomor, (a, b) in enumerate(grup, start=1):
        layout.tulis(awal + a, 1, f"{nomor}.", "teks-tengah")
        layout.tulis(awal + a, 2, indikator[a].sasaran or None, "teks")
        layout.gabungkan(awal + a, 1, awal + b, 1)
        layout.gabungkan(awal + a, 2, awal + b, 2)
    for i, ind in enumerate(indikator):
        r = awal + i
        layout.tulis(r, 3, ind.indikator or None, "teks")
        target = teks_target(ind.target, ind.baris.sel.get(skema.TARGET), ind.satuan)
        layout.tulis(r, 4, target or None, "teks-tengah")
    return [(awal + a, awal + b) for a, b in grup]
