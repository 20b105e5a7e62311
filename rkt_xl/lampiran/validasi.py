"""The ``Validasi`` sheet: every finding with a link to its cell, then the history of
what Hitung changed (the audit trail, :mod:`rkt_xl.jejak`).

Deterministic on purpose: the findings carry no timestamp, and the history only the
times of the runs that changed something, so running again on an unchanged workbook
gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rkt_xl import skema
from rkt_xl.jejak import Catatan
from rkt_xl.lampiran import judul
from rkt_xl.lampiran.layout import Cetak, Layout
from rkt_xl.model import NilaiMentah
from rkt_xl.temuan import Temuan, Tingkat, hitung_tingkat, urutkan

LEBAR = (5.5, 12.0, 24.0, 12.0, 9.0, 70.0, 48.0)
LABEL = ("No", "Tingkat", "Aturan", "Lembar", "Sel", "Pesan", "Saran")
KOSONG = "Tidak ada temuan: semua pemeriksaan lolos."
JUDUL_RIWAYAT = "Riwayat perubahan oleh Hitung"
LABEL_RIWAYAT = ("No", "Waktu, oleh", "Kolom", "Lembar", "Sel", "Semula", "Menjadi")
RIWAYAT_KOSONG = "Belum ada perubahan oleh Hitung."
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


def bangun_validasi(temuan: list[Temuan], ringkasan: str | None = None,
                    riwayat: Sequence[Catatan] = ()) -> Layout:
    """The sheet ``Validasi`` as a Layout: title, summary, one row per finding, then
    the history of Hitung's changes (newest first).

    ``ringkasan`` is an extra line under the counts.
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
    akhir = tulis_riwayat(layout, akhir + 2, riwayat)
    judul.atur_tinggi(layout, header, akhir)
    judul.lengkapi_gabungan(layout)
    return layout


def tulis_riwayat(layout: Layout, r: int, riwayat: Sequence[Catatan]) -> int:
    """The history section from row ``r``; returns its last row."""
    n = len(LABEL_RIWAYAT)
    layout.tulis(r, 1, JUDUL_RIWAYAT, "ringkasan")
    layout.gabungkan(r, 1, r, n)
    judul.tulis_header(layout, r + 1, LABEL_RIWAYAT)
    r += 2
    if not riwayat:
        judul.baris_kosong(layout, r, n, RIWAYAT_KOSONG)
        return r
    for i, c in enumerate(riwayat):
        baris = r + i
        layout.tulis(baris, 1, i + 1, "teks-tengah")
        layout.tulis(baris, 2, f"{c.waktu}\n{c.oleh}", "teks")
        layout.tulis(baris, 3, c.kolom or None, "teks")
        layout.tulis(baris, 4, c.lembar or None, "teks")
        link = tautan(c.lembar, c.sel.split(":")[0])
        layout.tulis(baris, 5, c.sel or None, "tautan" if link else "teks", link)
        layout.tulis(baris, 6, c.semula or None, "teks")
        layout.tulis(baris, 7, c.menjadi or None, "teks")
    return r + len(riwayat) - 1


def baca_riwayat(nilai: Mapping[tuple[int, int], NilaiMentah]) -> list[Catatan]:
    """The history as an earlier run wrote it on the sheet (cells by (row, column));
    [] when the sheet has none (a new workbook, or one processed by rkt_xl 0.1.0)."""
    judul_baris = next((r for (r, c), v in sorted(nilai.items())
                        if c == 1 and v == JUDUL_RIWAYAT), None)
    if judul_baris is None:
        return []
    hasil: list[Catatan] = []
    r = judul_baris + 2
    while True:
        waktu_oleh = nilai.get((r, 2))
        if not isinstance(waktu_oleh, str) or not waktu_oleh.strip():
            return hasil

        def teks(kolom: int, baris: int = r) -> str:
            v = nilai.get((baris, kolom))
            return "" if v is None else str(v)

        waktu, _, oleh = waktu_oleh.partition("\n")
        hasil.append(Catatan(waktu, oleh, teks(4), teks(5), teks(3), teks(6), teks(7)))
        r += 1


def tulis_temuan(layout: Layout, r: int, nomor: int, t: Temuan) -> None:
    layout.tulis(r, 1, nomor, "teks-tengah")
    layout.tulis(r, 2, t.tingkat.value, t.tingkat.value)
    layout.tulis(r, 3, t.aturan or None, "teks")
    layout.tulis(r, 4, t.lembar or None, "teks")
    link = tautan(t.lembar, t.sel)
    layout.tulis(r, 5, t.sel or None, "tautan" if link else "teks", link)
    layout.tulis(r, 6, t.pesan or None, "teks")
    layout.tulis(r, 7, t.saran or None, "teks")
