"""Lampiran I: Evaluasi Pelaksanaan RKT Tahun n-1 — target, realisasi, capaian.

Numbers stay numbers (styles "angka"/"persen") so the sheet can be checked and
summed; capaian is the full-precision recomputed value with a 0.00 display format,
never what was typed (the seed printed 102.39 for 43/42 = 102.38).
"""

from __future__ import annotations

from decimal import Decimal

from rkt_xl import angka, skema
from rkt_xl.hitung import Capaian, HasilHitung
from rkt_xl.kategori import SKALA, SKALA_BAKU, kategori
from rkt_xl.lampiran import judul
from rkt_xl.lampiran.layout import Cetak, Layout
from rkt_xl.lampiran.nilai import gaya_angka, nilai_angka, tahun_akhir_renstra, tahun_teks
from rkt_xl.model import RKT, Bacaan, Evaluasi, Sel

# The last five columns make up judul.LEBAR_TTD (the signature block's width).
LEBAR = (4.5, 93.5, 12.5, 12.0, 12.0, 12.0, 13.5)
JUMLAH_KOLOM = len(LEBAR)
KOLOM_CAPAIAN = 6
LABEL_RATA = "Rata-rata capaian kinerja"
TANDA = "*)"  # in a cell a note under the table explains


def bangun_lampiran_1(rkt: RKT, hasil: HasilHitung) -> Layout:
    """The sheet ``Lampiran I`` as a Layout."""
    n = JUMLAH_KOLOM
    tahun = rkt.tahun
    tahun_lalu = tahun - 1 if tahun is not None else None
    layout = judul.layout_baru(skema.LAMPIRAN_I, LEBAR)
    layout.warna_tab = judul.WARNA_TAB_LAMPIRAN
    baris = judul.blok_judul(
        layout, rkt,
        f"Lampiran I: Evaluasi Pelaksanaan RKT Tahun {tahun_teks(tahun_lalu)}", n,
        subjudul="Evaluasi Pencapaian Sasaran")
    h1, h2 = baris, baris + 1
    tulis_header(layout, h1, h2, tahun_akhir_renstra(rkt), tahun_lalu)
    layout.cetak = Cetak(baris_judul=(h1, h2))
    layout.bekukan_baris = h2
    catatan: list[str] = []
    r = h2 + 1
    if not rkt.evaluasi:
        judul.baris_kosong(layout, r, n)
        r += 1
    for i, ev in enumerate(rkt.evaluasi, start=1):
        tulis_baris(layout, r, i, ev, hasil.capaian.get(ev.baris.nomor), catatan)
        r += 1
    tulis_rata_rata(layout, r, rkt, hasil, catatan)
    for k in range(3, KOLOM_CAPAIAN + 1):
        judul.lebarkan_angka(layout, k, (2,))
    akhir = judul.tulis_catatan(layout, r + 1, n, catatan)
    judul.blok_ttd(layout, rkt, akhir, n)
    # The average stays with the last indicators; the signature block with both.
    judul.selesaikan(layout, r, ada_total=True)
    return layout


def tulis_header(layout: Layout, h1: int, h2: int, akhir_renstra: int | None,
                 tahun_lalu: int | None) -> None:
    akhir = f"Target Akhir Renstra {akhir_renstra}" if akhir_renstra else "Target Akhir Renstra"
    for k, teks in ((1, "No"), (2, "Indikator Sasaran"), (3, akhir)):
        layout.tulis(h1, k, teks, "header")
        layout.gabungkan(h1, k, h2, k)
    layout.tulis(h1, 4, f"Tahun {tahun_teks(tahun_lalu)}", "header")
    layout.gabungkan(h1, 4, h1, JUMLAH_KOLOM)
    for k, teks in enumerate(("Target", "Realisasi", "% Capaian", "Kategori"), start=4):
        layout.tulis(h2, k, teks, "header")


def tulis_angka(layout: Layout, r: int, k: int, bacaan: Bacaan, sel: Sel | None) -> None:
    nilai, sah = nilai_angka(bacaan, sel)
    if sah and isinstance(nilai, Decimal):
        layout.tulis(r, k, nilai, gaya_angka(nilai))
    else:
        # Not a usable number: shown exactly as typed (Validasi reports it), aligned
        # as the numbers of its column.
        layout.tulis(r, k, nilai, "angka")


def tulis_baris(layout: Layout, r: int, nomor: int, ev: Evaluasi, cap: Capaian | None,
                catatan: list[str]) -> None:
    layout.tulis(r, 1, nomor, "teks-tengah")
    layout.tulis(r, 2, ev.indikator or None, "teks")
    sel = ev.baris.sel
    tulis_angka(layout, r, 3, ev.target_akhir, sel.get(skema.TARGET_AKHIR))
    tulis_angka(layout, r, 4, ev.target, sel.get(skema.TARGET))
    tulis_angka(layout, r, 5, ev.realisasi, sel.get(skema.REALISASI))
    nilai = cap.nilai if cap is not None else None
    if nilai is None:
        layout.tulis(r, KOLOM_CAPAIAN, TANDA, "persen")
    elif cap is not None and cap.dibatasi:  # capped: the value with its note's marker
        layout.tulis(r, KOLOM_CAPAIAN, f"{angka.format_persen(nilai)} {TANDA}", "persen")
    else:
        layout.tulis(r, KOLOM_CAPAIAN, nilai, "persen")
    layout.tulis(r, 7, cap.kategori if cap is not None and cap.kategori else None,
                 "teks-tengah")
    if cap is None or cap.nilai is None:
        alasan = cap.alasan if cap is not None and cap.alasan else "belum dihitung"
        catatan.append(f"*) Capaian indikator nomor {nomor} tidak dihitung: {alasan}.")
    elif cap.dibatasi:
        catatan.append(f"*) Capaian indikator nomor {nomor} dibatasi "
                       f"{angka.format_angka(cap.nilai)}% (Batas Capaian Maksimum).")


def tulis_rata_rata(layout: Layout, r: int, rkt: RKT, hasil: HasilHitung,
                    catatan: list[str]) -> None:
    layout.tulis(r, 1, LABEL_RATA, "total-label")
    layout.gabungkan(r, 1, r, KOLOM_CAPAIAN - 1)
    layout.tulis(r, KOLOM_CAPAIAN,
                 hasil.rata_rata if hasil.rata_rata is not None else TANDA, "total-persen")
    layout.tulis(r, 7, kategori_rata_rata(rkt, hasil.rata_rata), "total-label")
    if hasil.rata_rata is None:
        catatan.append("*) Rata-rata capaian tidak dihitung: belum ada indikator yang "
                       "capaiannya dapat dihitung.")


def kategori_rata_rata(rkt: RKT, rata: Decimal | None) -> str | None:
    """The kategori of the average on the same scale as the indicators."""
    if rata is None:
        return None
    skala = rkt.pengaturan.skala_kategori
    return kategori(rata, skala if skala in SKALA else SKALA_BAKU)
