"""Pieces every generated sheet shares: title block, signature block, notes, sizing.

The builders (``tabel_2_4`` … ``validasi``) only decide *what* goes in the table;
this module decides how a printed page around it looks, so the four appendices are
laid out the same way. Everything here is pure: it writes into a ``Layout``.

Row heights are computed here rather than left to Excel/LibreOffice because neither
auto-fits a row whose text sits in a *merged* cell (Tujuan over two indicators, a
program over nine kegiatan): without explicit heights such text is cut off in print.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate, islice, product

from rkt_xl import angka, skema
from rkt_xl.lampiran.gaya import GAYA
from rkt_xl.lampiran.layout import Cetak, Layout, NilaiLayout
from rkt_xl.model import RKT, Bacaan, Indikator, Sel

# What an empty identitas value prints as: dotted blanks a person fills in by hand,
# the way printed Indonesian forms leave a space (never "None" or an empty comma).
ISIAN = "……………………"

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")

# Signature block: at least this many width units at the right of the table.
LEBAR_TTD = 50.0
BARIS_TANDA_TANGAN = 4  # empty rows left for the signature and stamp
TINGGI_MAKS = 409.0  # Excel's maximum row height (points)
WARNA_TAB_LAMPIRAN = "1F4E78"  # the four appendix tabs, one colour

# -- text measurement -------------------------------------------------------------------
# Advance widths (1/1000 em) of ASCII 32..126 in Arial, taken from its metric twin
# Liberation Sans (what LibreOffice uses where Arial is absent), so wrapped lines can
# be counted without a font engine.
_ARIAL = (
    277, 277, 354, 556, 556, 889, 666, 190, 333, 333, 389, 583, 277, 333, 277, 277, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 556, 277, 277, 583, 583, 583, 556, 1015, 666, 666, 722,
    722, 666, 610, 777, 722, 277, 500, 666, 556, 833, 722, 777, 666, 777, 722, 666, 610, 722,
    666, 943, 666, 666, 610, 277, 277, 277, 469, 556, 333, 556, 556, 500, 556, 556, 277, 556,
    556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 277, 556, 500, 722, 500, 500,
    500, 333, 259, 333, 583)
_ARIAL_TEBAL = (
    277, 333, 474, 556, 556, 889, 722, 237, 333, 333, 389, 583, 277, 333, 277, 277, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 583, 583, 583, 610, 975, 722, 722, 722,
    722, 666, 610, 777, 722, 277, 556, 722, 610, 833, 722, 777, 666, 777, 722, 666, 610, 722,
    666, 943, 666, 666, 610, 333, 277, 333, 583, 556, 333, 556, 610, 556, 610, 556, 333, 610,
    610, 277, 277, 556, 277, 889, 610, 610, 610, 610, 389, 556, 333, 610, 556, 777, 556, 556,
    500, 389, 279, 389, 583)
_LAIN = {"\u2026": 1000, "\u2014": 1000, "\u2013": 556, "\u201c": 500, "\u201d": 500}
_EM_PX = 96 / 72  # pixels per point at 96 dpi
# Estimates err wide on purpose: a row a little too tall looks fine, a cut-off line
# does not (and Excel on Windows renders text slightly wider than LibreOffice).
_CADANGAN = 1.06


def _lebar_huruf(ch: str, tebal: bool) -> int:
    kode = ord(ch)
    if 32 <= kode <= 126:
        return (_ARIAL_TEBAL if tebal else _ARIAL)[kode - 32]
    return _LAIN.get(ch, 611 if ch.isupper() else 556)


# Widths are measured per word, not per character: the same words come back in every
# row of a big RKT ("Persentase", "peningkatan", "kegiatan"…). An advance width is a
# whole number of 1/1000 em, so a line's width is an exact integer sum of its words'
# and spaces' widths, whatever order it is added in. The caches are bounded.
_TABEL_ASCII = tuple(tuple(_lebar_huruf(chr(k), tebal) for k in range(128))
                     for tebal in (False, True))
_CACHE_KATA: tuple[dict[str, int], dict[str, int]] = ({}, {})
_BATAS_CACHE_KATA = 200_000
_SPASI = (_lebar_huruf(" ", False), _lebar_huruf(" ", True))


def _lebar_1000(teks: str, tebal: bool) -> int:
    """Width of ``teks`` in 1/1000 em (the integer sum of its advance widths)."""
    cache = _CACHE_KATA[tebal]
    w = cache.get(teks)
    if w is None:
        if teks.isascii():
            w = sum(map(_TABEL_ASCII[tebal].__getitem__, teks.encode("ascii")))
        else:
            w = sum(_lebar_huruf(c, tebal) for c in teks)
        if len(cache) >= _BATAS_CACHE_KATA:
            cache.clear()
        cache[teks] = w
    return w


@dataclass(frozen=True)
class Huruf:
    """What a style's font looks like, for measuring (from gaya.GAYA defaults)."""

    ukuran: float = 10.0
    tebal: bool = False

    @property
    def tinggi_baris(self) -> float:
        # Excel's auto height for Arial is ~1.275 × the point size (12.75 at 10 pt);
        # a little more, so LibreOffice's slightly taller lines fit too.
        return round(self.ukuran * 1.3, 2)


def huruf_gaya(gaya: str) -> Huruf:
    p = GAYA.get(gaya, {})
    return Huruf(float(p.get("font_size", 10)), bool(p.get("bold", False)))


_HURUF: dict[str, tuple[Huruf, float]] = {}


def _huruf(gaya: str) -> tuple[Huruf, float]:
    """``huruf_gaya`` and its line height, computed once per style name."""
    h = _HURUF.get(gaya)
    if h is None:
        huruf = huruf_gaya(gaya)
        h = _HURUF[gaya] = (huruf, huruf.tinggi_baris)
    return h


def lebar_teks(teks: str, huruf: Huruf) -> float:
    """Estimated width in pixels of one line of text."""
    em = _lebar_1000(teks, huruf.tebal) / 1000
    return em * huruf.ukuran * _EM_PX * _CADANGAN


def lebar_px(lebar_kolom: float) -> float:
    """Usable pixels inside a column of the given Excel width (7 px a unit, less padding)."""
    return lebar_kolom * 7.0 + 5.0 - 6.0


# ``_potong`` adds character widths one by one in floating point, so its total can
# differ from the integer sum by rounding: it is only skipped when the line is
# clearly (by far more than any rounding error) inside the limit.
_AMAN = 1.0 - 1e-9
_BATAS_W: dict[tuple[float, float], tuple[int, int]] = {}


def _batas_w(batas: float, ukuran: float) -> tuple[int, int]:
    """For a line limit in pixels, the largest integer widths (1/1000 em) that
    (a) pass ``lebar_teks(x) <= batas`` exactly as bungkus computes it, and
    (b) stay clear of ``_potong``. Both tests are monotone in the width."""
    kunci = (batas, ukuran)
    hasil = _BATAS_W.get(kunci)
    if hasil is None:
        skala = ukuran * _EM_PX * _CADANGAN
        skala_potong = ukuran * _EM_PX * _CADANGAN / 1000
        batas_aman = batas * _AMAN

        def muat(w: int) -> bool:
            return w / 1000 * ukuran * _EM_PX * _CADANGAN <= batas

        def aman(w: int) -> bool:
            return not w * skala_potong > batas_aman

        w_uji: list[int] = []
        for uji, awal in ((muat, batas * 1000 / skala), (aman, batas_aman / skala_potong)):
            w = max(int(awal), 0)
            while uji(w + 1):
                w += 1
            while w >= 0 and not uji(w):
                w -= 1
            w_uji.append(w)
        if len(_BATAS_W) > 10_000:
            _BATAS_W.clear()
        hasil = _BATAS_W[kunci] = (w_uji[0], w_uji[1])
    return hasil


# The narrowest character: a text of n characters is at least n × this wide.
_LEBAR_MIN = (min(_TABEL_ASCII[False]), min(_TABEL_ASCII[True]))


@dataclass(frozen=True)
class _Baris:
    """The limits of one line, for a column width and a font (computed once each)."""

    batas: float  # pixels
    w_muat: int  # the widest line (1/1000 em) that fits
    w_aman: int  # … and that stays clear of _potong's float sum
    panjang_maks: int  # a paragraph longer than this (characters) never fits one line


_BARIS: dict[tuple[float, Huruf], _Baris] = {}


def _baris(lebar: float, huruf: Huruf) -> _Baris:
    b = _BARIS.get((lebar, huruf))
    if b is None:
        batas = max(lebar_px(lebar), 10.0)
        w_muat, w_aman = _batas_w(batas, huruf.ukuran)
        if len(_BARIS) > 10_000:
            _BARIS.clear()
        b = _BARIS[(lebar, huruf)] = _Baris(batas, w_muat, w_aman,
                                            min(w_muat, w_aman) // _LEBAR_MIN[huruf.tebal])
    return b


def _muat_satu_baris(paragraf: str, b: _Baris, tebal: bool) -> bool:
    """A paragraph that fits whole is one line (every prefix fits too), unless it
    starts with a space, which the greedy loop drops."""
    return len(paragraf) <= b.panjang_maks and paragraf.isascii() and \
        paragraf[:1] != " " and \
        sum(map(_TABEL_ASCII[tebal].__getitem__, paragraf.encode("ascii"))) <= \
        min(b.w_muat, b.w_aman)


def _ujung_baris(kata: list[str], b: _Baris, tebal: bool) -> list[int] | None:
    """Where each line of a paragraph ends (word indexes), by bisection over the running
    widths (word + one space each): the greedy result, as long as no line comes near
    _potong's limit and no word is empty; None otherwise (the word-by-word loop)."""
    if "" in kata:
        return None
    spasi = _SPASI[tebal]
    dikenal = _CACHE_KATA[tebal].get  # a known word's width (never 0: no "" here)
    kunci = list(accumulate([(dikenal(k) or _lebar_1000(k, tebal)) + spasi for k in kata],
                            initial=0))
    w_muat, w_aman = b.w_muat, b.w_aman
    ujung: list[int] = []
    i, n = 0, len(kata)
    while i < n:
        e = bisect_right(kunci, w_muat + kunci[i] + spasi, i + 1) - 1
        if e <= i:
            e = i + 1  # the first word of a line is taken whatever its width
        if kunci[e] - kunci[i] - spasi > w_aman:
            return None
        ujung.append(e)
        i = e
    return ujung


def bungkus(teks: str, lebar: float, huruf: Huruf) -> list[str]:
    """Greedy word wrap of ``teks`` into lines fitting ``lebar`` Excel width units."""
    b = _baris(lebar, huruf)
    tebal = huruf.tebal
    hasil: list[str] = []
    for paragraf in teks.split("\n"):
        if _muat_satu_baris(paragraf, b, tebal):
            hasil.append(paragraf)
            continue
        kata = paragraf.split(" ")
        ujung = _ujung_baris(kata, b, tebal)
        if ujung is None:
            _bungkus_paragraf(kata, b.batas, huruf, b.w_muat, hasil)
            continue
        i = 0
        for e in ujung:
            hasil.append(" ".join(kata[i:e]) if e - i > 1 else kata[i])
            i = e
    return hasil


def jumlah_baris(teks: str, lebar: float, huruf: Huruf) -> int:
    """``len(bungkus(teks, lebar, huruf))``, without building the lines: what a row
    height needs, for every text cell of a big table."""
    b = _baris(lebar, huruf)
    tebal = huruf.tebal
    jumlah = 0
    for paragraf in teks.split("\n"):
        if _muat_satu_baris(paragraf, b, tebal):
            jumlah += 1
            continue
        kata = paragraf.split(" ")
        ujung = _ujung_baris(kata, b, tebal)
        if ujung is None:
            sisa: list[str] = []
            _bungkus_paragraf(kata, b.batas, huruf, b.w_muat, sisa)
            jumlah += len(sisa)
        else:
            jumlah += len(ujung)
    return jumlah


def _bungkus_paragraf(kata_kata: list[str], batas: float, huruf: Huruf, w_muat: int,
                      hasil: list[str]) -> None:
    """The greedy wrap of one paragraph, word by word (over-long words broken)."""
    tebal = huruf.tebal
    spasi = _SPASI[tebal]
    skala_potong = huruf.ukuran * _EM_PX * _CADANGAN / 1000
    batas_aman = batas * _AMAN
    baris = ""
    w_baris = 0
    for kata in kata_kata:
        w_kata = _lebar_1000(kata, tebal)
        if baris:
            w_calon = w_baris + spasi + w_kata
            if w_calon <= w_muat:  # lebar_teks(f"{baris} {kata}") <= batas
                baris = f"{baris} {kata}"
                w_baris = w_calon
            else:
                hasil.append(baris)
                baris = kata
                w_baris = w_kata
        else:
            baris = kata
            w_baris = w_kata
        # A single word longer than the line is broken by the renderer too.
        while len(baris) > 1 and w_baris * skala_potong > batas_aman:
            potong = _potong(baris, batas, huruf)
            if potong >= len(baris):
                break
            hasil.append(baris[:potong])
            baris = baris[potong:]
            w_baris = _lebar_1000(baris, tebal)
    hasil.append(baris)


def bungkus_seimbang(teks: str, lebar: float, huruf: Huruf) -> list[str]:
    """Like ``bungkus`` with the same number of lines, but of even length: a title,
    note or signature line does not end in one orphaned word."""
    baris = bungkus(teks, lebar, huruf)
    if len(baris) <= 1:
        return baris
    bawah, atas = lebar / len(baris) * 0.8, lebar
    for _ in range(24):
        tengah = (bawah + atas) / 2
        if len(bungkus(teks, tengah, huruf)) <= len(baris):
            atas = tengah
        else:
            bawah = tengah
    return bungkus(teks, atas, huruf)


def _potong(kata: str, batas: float, huruf: Huruf) -> int:
    """How many leading characters of an over-long word fit on one line (at least 1)."""
    skala = huruf.ukuran * _EM_PX * _CADANGAN / 1000
    lebar = 0.0
    for i, ch in enumerate(kata):
        lebar += _lebar_huruf(ch, huruf.tebal) * skala
        if lebar > batas:
            return max(i, 1)
    return len(kata)


def jumlah_baris_teks(nilai: NilaiLayout, lebar: float, gaya: str) -> int:
    if nilai is None or nilai == "" or not isinstance(nilai, str):
        return 1  # a number shows on one line (Excel prints ### rather than wrap it)
    return jumlah_baris(str(nilai), lebar, _huruf(gaya)[0])


# -- sizing -------------------------------------------------------------------------------
def atur_tinggi(layout: Layout, baris_dari: int, baris_sampai: int) -> None:
    """Set the height of rows ``baris_dari..baris_sampai`` so wrapped text fits.

    A merged cell spanning several rows needs the *sum* of their heights; what is
    missing is spread over the rows of the span so no single row balloons.
    """
    lebar = layout.lebar_kolom
    gabung_di = {(g.baris1, g.kolom1): g for g in layout.gabung}
    tertutup: set[tuple[int, int]] = set()
    for gb in layout.gabung:
        # every cell of the range but its top-left, which product() yields first
        tertutup.update(islice(product(range(gb.baris1, gb.baris2 + 1),
                                       range(gb.kolom1, gb.kolom2 + 1)), 1, None))
    tinggi: dict[int, float] = {}
    rentang: list[tuple[int, int, float]] = []  # multi-row merges: (r1, r2, height)
    lebar_rentang: dict[tuple[int, int], float] = {}
    huruf_dikenal = _HURUF
    for s in layout.sel:
        baris = s.baris
        if baris < baris_dari or baris > baris_sampai:
            continue
        kolom = s.kolom
        kunci = (baris, kolom)
        if kunci in tertutup:
            continue
        g = gabung_di.get(kunci)
        if g is None:
            k2, r2 = kolom, baris
        else:
            k2, r2 = g.kolom2, g.baris2
        w = lebar_rentang.get((kolom, k2))
        if w is None:
            w = lebar_rentang[(kolom, k2)] = sum(lebar.get(k, 8.43)
                                                 for k in range(kolom, k2 + 1))
        hh = huruf_dikenal.get(s.gaya)
        h, tinggi_baris = hh if hh is not None else _huruf(s.gaya)
        nilai = s.nilai
        if nilai is None or nilai == "" or not isinstance(nilai, str):
            perlu = tinggi_baris + 3.0  # one line (jumlah_baris_teks)
        else:
            perlu = jumlah_baris(str(nilai), w, h) * tinggi_baris + 3.0
        if r2 == baris:
            lama = tinggi.get(baris)
            if lama is None or perlu > lama:  # max(tinggi.get(baris, 0.0), perlu); perlu > 0
                tinggi[baris] = perlu
        else:
            rentang.append((baris, r2, perlu))
    for r in range(baris_dari, baris_sampai + 1):
        tinggi.setdefault(r, 15.0)
        tinggi[r] = max(tinggi[r], 15.0)
    for r1, r2, perlu in sorted(rentang, key=lambda x: x[1] - x[0]):
        ada = sum(tinggi.get(r, 15.0) for r in range(r1, r2 + 1))
        if perlu > ada:
            tambah = (perlu - ada) / (r2 - r1 + 1)
            for r in range(r1, r2 + 1):
                tinggi[r] = tinggi.get(r, 15.0) + tambah
    for r, t in tinggi.items():
        # Quarter points: what Excel stores, and stable bytes run after run. Excel
        # allows 409 pt at most; a longer text is cut there, as Excel itself would.
        layout.tinggi_baris[r] = min(TINGGI_MAKS, math.ceil(t * 4) / 4)


# -- grouping -----------------------------------------------------------------------------
def kelompok(kunci: Sequence[object]) -> list[tuple[int, int]]:
    """Runs of consecutive equal keys as inclusive (start, end) indices."""
    hasil: list[tuple[int, int]] = []
    for i, k in enumerate(kunci):
        if hasil and kunci[hasil[-1][0]] == k:
            hasil[-1] = (hasil[-1][0], i)
        else:
            hasil.append((i, i))
    return hasil


# -- identitas ----------------------------------------------------------------------------
def identitas(rkt: RKT, kunci: str) -> str:
    """An identitas value as printable text ("" when missing)."""
    sel = rkt.identitas.get(kunci)
    if sel is None:
        return ""
    if kunci == skema.TANGGAL:
        return tanggal(sel)
    return sel.teks


def tanggal(sel: Sel) -> str:
    """A date the Indonesian way (``28 Desember 2017``); text stays as typed."""
    v = sel.mentah
    if isinstance(v, (_dt.datetime, _dt.date)):
        return f"{v.day} {BULAN[v.month - 1]} {v.year}"
    return sel.teks


def atau_isian(teks: str) -> str:
    return teks if teks.strip() else ISIAN


def tahun_teks(tahun: int | None) -> str:
    return str(tahun) if tahun is not None else ISIAN


def tahun_akhir_renstra(rkt: RKT) -> int | None:
    """The end year of ``Periode Renstra`` (``2013-2018`` → 2018)."""
    angka_tahun = [int(t) for t in _tahun_dalam(identitas(rkt, skema.PERIODE_RENSTRA))]
    return angka_tahun[-1] if angka_tahun else None


def _tahun_dalam(teks: str) -> list[str]:
    return re.findall(r"(?<!\d)\d{4}(?!\d)", teks)


# -- values ---------------------------------------------------------------------------------
def teks_target(bacaan: Bacaan, mentah: Sel | None, satuan: str) -> str:
    """A target as printed in the RKT tables: ``84,03 %``, ``43 kop``, text as typed.

    Numbers are re-written the Indonesian way (the source may say ``1.08``); a target
    that is not a usable number is shown exactly as typed so nothing is hidden.
    """
    satuan = satuan.strip() or (bacaan.satuan or "")
    if bacaan.terpakai and bacaan.nilai is not None:
        teks = angka.format_angka(bacaan.nilai)
        return f"{teks} {satuan}".strip()
    ketik = mentah.teks if mentah is not None else ""
    if not ketik:
        return ""
    if satuan and not ketik.lower().endswith(satuan.lower()):
        return f"{ketik} {satuan}"
    return ketik


def nilai_angka(bacaan: Bacaan, mentah: Sel | None) -> tuple[NilaiLayout, bool]:
    """A number cell's value for a table: (Decimal, True) when usable, else the text typed."""
    if bacaan.terpakai and bacaan.nilai is not None:
        return bacaan.nilai, True
    teks = mentah.teks if mentah is not None else ""
    return (teks or None), False


def gaya_angka(nilai: Decimal) -> str:
    # "#,##0.##" leaves a dangling separator on whole numbers in Excel ("43."), so
    # whole numbers get their own style.
    return "angka-bulat" if nilai == nilai.to_integral_value() else "angka"


# -- blocks ---------------------------------------------------------------------------------
def blok_judul(layout: Layout, rkt: RKT, judul: str, jumlah_kolom: int,
               subjudul: str | None = None) -> int:
    """Title rows merged across the table width; returns the first free row.

    Title, OPD name (upper case), Pemerintah Daerah (upper case) and an optional
    subtitle, then one blank row before the table.
    """
    baris = 1
    baris = tulis_terbungkus(layout, baris, 1, jumlah_kolom, judul, "judul")
    for teks in (identitas(rkt, skema.NAMA_OPD), identitas(rkt, skema.PEMERINTAH_DAERAH)):
        baris = tulis_terbungkus(layout, baris, 1, jumlah_kolom, teks.upper(), "subjudul")
    if subjudul:
        baris = tulis_terbungkus(layout, baris, 1, jumlah_kolom, subjudul, "subjudul")
    layout.tinggi_baris[baris] = 9.0  # a thin gap, not a full empty line
    return baris + 1


def tulis_terbungkus(layout: Layout, baris: int, kolom1: int, kolom2: int, teks: str,
                     gaya: str) -> int:
    """Write text across merged columns, one row per wrapped line; returns next row.

    Title, note and signature styles do not wrap (they are not table cells), so the
    lines are broken here, where the width is known, instead of being cut off.
    """
    lebar = sum(layout.lebar_kolom.get(k, 8.43) for k in range(kolom1, kolom2 + 1))
    h = huruf_gaya(gaya)
    for potongan in bungkus_seimbang(teks, lebar, h) if teks else [""]:
        layout.tulis(baris, kolom1, potongan or None, gaya)
        layout.gabungkan(baris, kolom1, baris, kolom2)
        layout.tinggi_baris[baris] = math.ceil((h.tinggi_baris + 3.0) * 4) / 4
        baris += 1
    return baris


def tulis_catatan(layout: Layout, baris: int, jumlah_kolom: int, catatan: list[str]) -> int:
    """Notes under a table ("*) Pagu Program 10 tidak dijumlah: …"); returns next row."""
    for teks in catatan:
        baris = tulis_terbungkus(layout, baris, 1, jumlah_kolom, teks, "keterangan")
    return baris


def kolom_ttd(layout: Layout, jumlah_kolom: int) -> int:
    """The first column of the signature block: enough right-hand columns for LEBAR_TTD."""
    lebar = 0.0
    k = jumlah_kolom
    while k > 1:
        lebar += layout.lebar_kolom.get(k, 8.43)
        if lebar >= LEBAR_TTD:
            break
        k -= 1
    return k


def blok_ttd(layout: Layout, rkt: RKT, baris: int, jumlah_kolom: int) -> int:
    """The signature block at the right, starting after one blank row at ``baris``;
    returns the row after it.

    ``{Tempat}, {Tanggal}`` / Jabatan Kepala / space to sign / Nama (bold, underlined)
    / ``NIP. …``. Missing values print as dotted blanks to be filled in by hand.
    """
    k1 = kolom_ttd(layout, jumlah_kolom)
    tempat = identitas(rkt, skema.TEMPAT)
    tgl = identitas(rkt, skema.TANGGAL)
    baris += 1
    baris = tulis_terbungkus(layout, baris, k1, jumlah_kolom,
                             f"{atau_isian(tempat)}, {atau_isian(tgl)}", "ttd")
    baris = tulis_terbungkus(layout, baris, k1, jumlah_kolom,
                             atau_isian(identitas(rkt, skema.JABATAN_KEPALA)), "ttd")
    for _ in range(BARIS_TANDA_TANGAN):
        layout.tinggi_baris[baris] = 15.0
        baris += 1
    baris = tulis_terbungkus(layout, baris, k1, jumlah_kolom,
                             atau_isian(identitas(rkt, skema.NAMA_KEPALA)), "ttd-nama")
    nip = identitas(rkt, skema.NIP_KEPALA)
    baris = tulis_terbungkus(layout, baris, k1, jumlah_kolom, f"NIP. {atau_isian(nip)}", "ttd")
    return baris


def tulis_header(layout: Layout, baris: int, label: Sequence[str]) -> None:
    for k, teks in enumerate(label, start=1):
        layout.tulis(baris, k, teks, "header")


def baris_kosong(layout: Layout, baris: int, jumlah_kolom: int,
                 teks: str = "Belum ada data") -> None:
    """The empty-state row inside a table: one merged, bordered cell."""
    layout.tulis(baris, 1, teks, "teks-tengah")
    for k in range(2, jumlah_kolom + 1):
        layout.tulis(baris, k, None, "teks-tengah")
    layout.gabungkan(baris, 1, baris, jumlah_kolom)


def layout_baru(lembar: str, lebar: Sequence[float]) -> Layout:
    """An empty sheet with its column widths (1-based) set."""
    return Layout(lembar=lembar, lebar_kolom={i: w for i, w in enumerate(lebar, start=1)},
                  cetak=Cetak())


def lengkapi_gabungan(layout: Layout) -> None:
    """Give every hidden cell of a merged range the style of its top-left cell.

    Excel draws a merged range's borders from the cells underneath, so a merge with
    only its first cell styled loses its lower and right borders.
    """
    ada = {(s.baris, s.kolom): s for s in layout.sel}
    tulis = layout.tulis
    sel = layout.sel
    terisi = True
    for i, g in enumerate(layout.gabung):
        kiri_atas = ada.get((g.baris1, g.kolom1))
        if kiri_atas is None:
            terisi = False  # its hidden cells stay for sel_lengkap, should it be written
            continue
        if terisi:
            layout.gabung_terisi = i + 1
        gaya = kiri_atas.gaya
        for kunci in product(range(g.baris1, g.baris2 + 1), range(g.kolom1, g.kolom2 + 1)):
            if kunci not in ada:
                tulis(kunci[0], kunci[1], None, gaya)
                ada[kunci] = sel[-1]


# -- pagination -----------------------------------------------------------------------------
# A4 in points (portrait width, height). Other paper sizes are rare for an RKT; A4's
# numbers keep the estimate on the safe side for Letter/F4 too.
_A4 = (595.0, 842.0)
# Fill at most this share of a page: the renderer's scale and fonts differ a little
# between Excel and LibreOffice, and an automatic break just before a manual one
# would leave a nearly empty page.
_ISI_HALAMAN = 0.92


def skala_cetak(layout: Layout) -> float:
    """The scale fit-to-width printing will use (1.0 when the table already fits)."""
    lebar_pt = sum(w * 7.0 + 5.0 for w in layout.lebar_kolom.values()) * 0.75
    kiri, kanan, _, _ = layout.cetak.margin
    kertas = _A4[1] if layout.cetak.orientasi == "landscape" else _A4[0]
    tersedia = kertas - (kiri + kanan) * 72
    if lebar_pt <= 0 or not layout.cetak.muat_lebar:
        return 1.0
    return min(1.0, math.floor(tersedia / lebar_pt * 100) / 100)


def tinggi_halaman(layout: Layout) -> float:
    """Usable page height in sheet points (before scaling down to the paper)."""
    _, _, atas, bawah = layout.cetak.margin
    kertas = _A4[0] if layout.cetak.orientasi == "landscape" else _A4[1]
    return (kertas - (atas + bawah) * 72) * _ISI_HALAMAN / skala_cetak(layout)


def atur_halaman(layout: Layout, blok: Sequence[tuple[int, int]]) -> None:
    """Manual page breaks so that no block of rows (a program with its kegiatan, a
    sasaran with its indicators, the signature block) is split across two pages.

    Row heights are all known (they are set explicitly), so the pages can be laid out
    here exactly as the printer will, up to the safety share of ``_ISI_HALAMAN``.
    A block taller than a page cannot be kept whole: it starts where it is (a break
    before it would only leave a page holding nothing but the title or the header)
    and is left to the automatic breaks.
    """
    def tinggi(r: int) -> float:
        return layout.tinggi_baris.get(r, 15.0)

    kapasitas = tinggi_halaman(layout)
    judul = layout.cetak.baris_judul
    ulang = sum(tinggi(r) for r in range(judul[0], judul[1] + 1)) if judul else 0.0
    akhir_blok = {a: b for a, b in blok}
    terakhir = max([layout.baris_terakhir, *layout.tinggi_baris.keys(), 0])
    layout.putus_baris = []
    awal_halaman = 0.0  # what a fresh page already holds (the repeated header)
    terisi = 0.0
    r = 1
    while r <= terakhir:
        r2 = akhir_blok.get(r, r)
        h = sum(tinggi(x) for x in range(r, r2 + 1))
        if terisi + h > kapasitas and terisi > awal_halaman + 0.5 and \
                ulang + h <= kapasitas:  # whole on a fresh page: worth moving there
            layout.putus_baris.append(r - 1)
            awal_halaman = terisi = ulang
        terisi += h
        while terisi > kapasitas:  # a block taller than a page flows on by itself
            awal_halaman = ulang
            terisi = ulang + (terisi - kapasitas)
        r = r2 + 1


def tutup_daftar_indikator(
    layout: Layout, rkt: RKT, header: int, awal: int, n: int,
    tulis_isi: Callable[[Layout, int, list[Indikator]], list[tuple[int, int]]],
) -> None:
    """The body and the end of a sheet listing tblSasaran's indicators (Tabel 2.4 and
    Lampiran II): rows (or the empty state), heights, merges, signature, page breaks."""
    blok: list[tuple[int, int]] = []
    if rkt.indikator:
        blok = tulis_isi(layout, awal, rkt.indikator)
        akhir = awal + len(rkt.indikator) - 1
    else:
        baris_kosong(layout, awal, n)
        akhir = awal
    atur_tinggi(layout, header, akhir)
    lengkapi_gabungan(layout)
    selesai = blok_ttd(layout, rkt, akhir + 1, n)
    atur_halaman(layout, [*blok, (akhir + 1, selesai - 1)])
