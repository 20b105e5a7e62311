"""The ``Validasi`` sheet: every finding with a link to its cell.

Deterministic on purpose (no timestamp, no run id): running Validasi twice on the
same workbook gives the same bytes, so an unchanged workbook stays unchanged.
"""

from __future__ import annotations

from rkt_xl import skema
from rkt_xl.lampiran import judul
from rkt_xl.lampiran.layout import Cetak, Layout
from rkt_xl.temuan import Temuan, Tingkat, hitung_tingkat, urutkan

LEBAR = (5.5, 12.0, 24.0, 12.0, 9.0, 70.0, 48.0)
LABEL = ("No", "Tingkat", "Aturan", "Lembar", "Sel", "Pesan", "Saran")
KOSONG = "Tidak ada temuan: semua pemeriksaan lolos."
WARNA_TAB = {Tingkat.GALAT: "C00000", Tingkat.PERINGATAN: "FFC000", Tingkat.INFO: "00B050"}


def kutip_lembar(nama: str) -> str:
    """A sheet name as used in a reference: always quoted, ' doubled (``'Bu''s'``)."""
    return "'" + nama.replace("'", "''") + "'"


def tautan(lembar: str, sel: str) -> str | None:
    """The internal hyperlink target of a finding, or None when it has no cell.

    A finding about a whole sheet or table (no cell) may name a sheet that does not
    exist (``struktur``); a link there would only give Excel's "reference is not
    valid", so such findings get no link.
    """
    if not lembar or not sel:
        return None
    return f"{kutip_lembar(lembar)}!{sel.replace('$', '')}"


def teks_ringkasan(temuan: list[Temuan]) -> str:
    """``3 galat, 2 peringatan, 1 info``."""
    n = hitung_tingkat(temuan)
    return ", ".join(f"{n[t]} {t.value}" for t in Tingkat)


def bangun_validasi(temuan: list[Temuan], ringkasan: str | None = None) -> Layout:
    """The sheet ``Validasi`` as a Layout: title, summary, one row per finding.

    ``ringkasan`` is an extra line under the counts (e.g. what Hitung changed).
    """
    n = len(LABEL)
    layout = judul.layout_baru(skema.VALIDASI, LEBAR)
    jumlah = hitung_tingkat(temuan)
    layout.warna_tab = next((WARNA_TAB[t] for t in Tingkat if jumlah[t]), WARNA_TAB[Tingkat.INFO])
    r = judul.tulis_terbungkus(layout, 1, 1, n, "Hasil Validasi RKT", "judul")
    r = judul.tulis_terbungkus(layout, r, 1, n, teks_ringkasan(temuan), "ringkasan")
    if ringkasan:
        r = judul.tulis_terbungkus(layout, r, 1, n, ringkasan, "keterangan")
    layout.tinggi_baris[r] = 9.0
    header = r + 1
    judul.tulis_header(layout, header, LABEL)
    layout.cetak = Cetak(baris_judul=(header, header))
    layout.bekukan_baris = header
    r = header + 1
    urut = urutkan(temuan)
    if not urut:
        judul.baris_kosong(layout, r, n, KOSONG)
    for i, t in enumerate(urut):
        tulis_temuan(layout, r + i, i + 1, t)
    akhir = r + max(len(urut), 1) - 1
    judul.atur_tinggi(layout, header, akhir)
    judul.lengkapi_gabungan(layout)
    return layout


def tulis_temuan(layout: Layout, r: int, nomor: int, t: Temuan) -> None:
    layout.tulis(r, 1, nomor, "teks-tengah")
    layout.tulis(r, 2, t.tingkat.value, t.tingkat.value)
    layout.tulis(r, 3, t.aturan or None, "teks")
    layout.tulis(r, 4, t.lembar or None, "teks")
    link = tautan(t.lembar, t.sel)
    layout.tulis(r, 5, t.sel or None, "tautan" if link else "teks", link)
    layout.tulis(r, 6, t.pesan or None, "teks")
    layout.tulis(r, 7, t.saran or None, "teks")
