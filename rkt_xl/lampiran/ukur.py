"""Text measurement and word wrap: how many lines a text takes in a column.

Row heights are computed rather than left to the spreadsheet: neither Excel nor
LibreOffice auto-fits a row under *merged* text, and LibreOffice (7.4, measured)
does not auto-fit any row of an xlsx on load. So every generated row gets an
explicit height, and the height must hold the text as each program wraps it.

One greedy wrap (``_potong``) serves every caller: ``bungkus`` slices its lines,
``jumlah_baris`` counts them. It is linear in the text length — each character is
measured once, an over-long word too — and text beyond what a cell can hold
(``BATAS_TEKS``) is never measured, because no spreadsheet shows it.

Calibration (``docs/cetak.md``): rendered through LibreOffice, a line breaks where
the text passes the column width less ~2.5 pt; a wrapped line of 10 pt text is
11.2 pt tall there and 12.75 pt (17 px) in Excel on Windows. Estimates err on
Excel's side: text is measured a little wider than its metric (Excel's hinted
glyphs), the usable width is the column less padding and indent, and a line is
Excel's line height.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from rkt_xl.lampiran.gaya import GAYA
from rkt_xl.lampiran.layout import BATAS_TEKS

PX_PER_KOLOM = 7.0  # an Excel width unit: a digit of the default font (Calibri 11)
PT_PER_PX = 0.75  # 96 dpi
# Usable width of a cell, in pixels: the column less the renderer's margins (LibreOffice
# keeps ~3.3 px, Excel ~5 px with its gridline) and, per indent level, three spaces of
# the default font (ECMA-376 §18.8.1: indent 1 = 3 spaces; ~10 px in Excel, 10.5 px in
# LibreOffice's copy).
PADDING_PX = 6.0
INDENT_PX = 12.0
# Text is measured this much wider than its metric: Excel on Windows rounds each
# glyph's advance to whole pixels and prints slightly wider than it shows.
CADANGAN = 1.04

# Advance widths (1/1000 em) of ASCII 32..126 in Arial, taken from its metric twin
# Liberation Sans (what LibreOffice uses where Arial is absent).
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
# Excel's row height for one line of Arial, in pixels, by point size (measured in
# Excel: 10 pt → 17 px = 12.75 pt); a wrapped line takes the same again.
_TINGGI_PX = {8: 15, 9: 16, 10: 17, 11: 19, 12: 20, 13: 22, 14: 24, 15: 25, 16: 27}


def lebar_huruf(ch: str, tebal: bool = False) -> int:
    """The advance width of one character in 1/1000 em."""
    kode = ord(ch)
    if 32 <= kode <= 126:
        return (_ARIAL_TEBAL if tebal else _ARIAL)[kode - 32]
    return _LAIN.get(ch, 611 if ch.isupper() else 556)


# The same words come back in every row of a big RKT ("Persentase", "kegiatan"…):
# short ones are remembered (bounded), long ones never (a 32.767-character "word"
# must not be kept, nor its pieces).
_TABEL_ASCII = tuple(tuple(lebar_huruf(chr(k), tebal) if k >= 32 else 556 for k in range(128))
                     for tebal in (False, True))
_LEBAR_MAKS = 1015  # the widest character ("@"): a text this short surely fits
_SEMPIT = (min(_TABEL_ASCII[False][32:]), min(_TABEL_ASCII[True][32:]))  # … and surely not
_CACHE: tuple[dict[str, int], dict[str, int]] = ({}, {})
_PANJANG_CACHE = 48
_BATAS_CACHE = 100_000


def lebar_1000(teks: str, tebal: bool = False) -> int:
    """Width of ``teks`` in 1/1000 em: the integer sum of its advance widths."""
    if len(teks) <= _PANJANG_CACHE:
        cache = _CACHE[tebal]
        w = cache.get(teks)
        if w is None:
            w = _jumlah_lebar(teks, tebal)
            if len(cache) >= _BATAS_CACHE:
                cache.clear()
            cache[teks] = w
        return w
    return _jumlah_lebar(teks, tebal)


def _jumlah_lebar(teks: str, tebal: bool) -> int:
    if teks.isascii():
        return sum(map(_TABEL_ASCII[tebal].__getitem__, teks.encode("ascii")))
    return sum(lebar_huruf(c, tebal) for c in teks)


@dataclass(frozen=True)
class Huruf:
    """What a style's font looks like, for measuring (Arial metrics)."""

    ukuran: float = 10.0
    tebal: bool = False

    @property
    def tinggi_baris(self) -> float:
        """Points a line of this font takes in a row (Excel's auto height)."""
        px = _TINGGI_PX.get(int(self.ukuran)) if self.ukuran == int(self.ukuran) else None
        if px is None:
            px = round(self.ukuran / PT_PER_PX * 1.275)
        return px * PT_PER_PX


@dataclass(frozen=True)
class CiriGaya:
    """What measuring a cell needs from its style: font, indent, whether it wraps."""

    huruf: Huruf
    indent: int = 0
    bungkus: bool = True


_CIRI: dict[str, CiriGaya] = {}


def ciri_gaya(gaya: str) -> CiriGaya:
    """The measuring traits of a style of ``gaya.GAYA`` (its defaults, not a restyle)."""
    c = _CIRI.get(gaya)
    if c is None:
        p = GAYA.get(gaya, {})
        c = _CIRI[gaya] = CiriGaya(Huruf(float(p.get("font_size", 10)), bool(p.get("bold"))),
                                   int(p.get("indent", 0)), bool(p.get("text_wrap")))
    return c


def huruf_gaya(gaya: str) -> Huruf:
    return ciri_gaya(gaya).huruf


def lebar_pakai_px(lebar_kolom: float, indent: int = 0) -> float:
    """Pixels text may use in a column (or merged columns) of this Excel width."""
    return max(lebar_kolom * PX_PER_KOLOM - PADDING_PX - indent * INDENT_PX, 1.0)


def batas_1000(lebar_px: float, huruf: Huruf) -> int:
    """The widest line in 1/1000 em (as ``lebar_1000`` counts) that fits ``lebar_px``."""
    return int(lebar_px * PT_PER_PX * 1000 / (huruf.ukuran * CADANGAN))


def lebar_teks_px(teks: str, huruf: Huruf) -> float:
    """Estimated width of one line of text, in pixels (as wide as ``batas_1000`` assumes)."""
    return lebar_1000(teks, huruf.tebal) * huruf.ukuran * CADANGAN / 1000 / PT_PER_PX


def _potong(paragraf: str, batas: int, tebal: bool, posisi: bool = True
            ) -> list[tuple[int, int]]:
    """The greedy wrap of one paragraph: (start, end) of each line (``posisi=False``:
    as many lines, their offsets left at 0 — for counting).

    Words are separated by single spaces (two spaces hold an empty word); a line
    takes words while it stays within ``batas``, the space at a break is dropped,
    and a word wider than a whole line is broken between characters (at least one
    character a line). Each word is measured once and each line found by bisection
    over the running widths, so the cost grows with the text, not with its square.
    """
    n_huruf = len(paragraf)
    if n_huruf * _LEBAR_MAKS <= batas or (
            n_huruf * _SEMPIT[tebal] <= batas and lebar_1000(paragraf, tebal) <= batas):
        return [(0, n_huruf)]
    spasi = _TABEL_ASCII[tebal][32]
    kata = paragraf.split(" ")
    cache = _CACHE[tebal]
    lebar = [cache.get(k) or lebar_1000(k, tebal) for k in kata]
    # tambah[k]: width of words 0..k-1, each after a space; mulai[k]: offset of word k
    tambah = list(accumulate([spasi + w for w in lebar], initial=0))
    mulai = list(accumulate([len(k) + 1 for k in kata], initial=0)) if posisi else None
    n = len(kata)
    hasil: list[tuple[int, int]] = []
    awal = 0  # start of the current line
    isi = lebar[0]  # its width so far
    i = 0  # the last word (or piece of one) on it
    if isi > batas:
        awal, isi = _pecah(paragraf, 0, len(kata[0]), awal, batas, tebal, hasil)
    while True:
        # the last word that still fits after the line's content (words i+1..e cost
        # tambah[e + 1] - tambah[i + 1]); a character wider than the line leaves
        # isi > batas, and no word fits
        i = max(i, bisect_right(tambah, batas - isi + tambah[i + 1], i + 1) - 2)
        if i >= n - 1:
            hasil.append((awal, n_huruf))
            return hasil
        i += 1
        isi = lebar[i]
        if mulai is None:
            hasil.append(_NOL)
            if isi > batas:
                _, isi = _pecah(kata[i], 0, len(kata[i]), 0, batas, tebal, hasil)
            continue
        hasil.append((awal, mulai[i] - 1))  # the line ends before the space
        awal = mulai[i]
        if isi > batas:
            awal, isi = _pecah(paragraf, awal, awal + len(kata[i]), awal, batas, tebal, hasil)


_NOL = (0, 0)


def _pecah(teks: str, a: int, b: int, awal: int, batas: int, tebal: bool,
           hasil: list[tuple[int, int]]) -> tuple[int, int]:
    """Cut the over-long word ``teks[a:b]`` that starts a line at ``awal``: each full
    line goes to ``hasil``; returns the start and width of the piece left over (the
    line goes on with it)."""
    tabel = _TABEL_ASCII[tebal]
    lebar = 0
    for k in range(a, b):
        kode = ord(teks[k])
        c = tabel[kode] if kode < 128 else lebar_huruf(teks[k], tebal)
        if lebar + c > batas and k > awal:
            hasil.append((awal, k))
            awal, lebar = k, 0
        lebar += c
    return awal, lebar


def _paragraf(teks: str) -> list[str]:
    return teks[:BATAS_TEKS].split("\n")


def bungkus_px(teks: str, lebar_px: float, huruf: Huruf) -> list[str]:
    """The lines of ``teks`` wrapped into ``lebar_px`` pixels."""
    batas = batas_1000(lebar_px, huruf)
    hasil: list[str] = []
    for p in _paragraf(teks):
        hasil.extend(p[a:b] for a, b in _potong(p, batas, huruf.tebal))
    return hasil


def jumlah_baris_px(teks: str, lebar_px: float, huruf: Huruf) -> int:
    """``len(bungkus_px(...))`` without building the lines."""
    batas = batas_1000(lebar_px, huruf)
    tebal = huruf.tebal
    if "\n" not in teks:
        return len(_potong(teks[:BATAS_TEKS], batas, tebal, False))
    return sum(len(_potong(p, batas, tebal, False)) for p in _paragraf(teks))


def bungkus(teks: str, lebar_kolom: float, huruf: Huruf, indent: int = 0) -> list[str]:
    """Greedy word wrap of ``teks`` into a cell ``lebar_kolom`` Excel units wide."""
    return bungkus_px(teks, lebar_pakai_px(lebar_kolom, indent), huruf)


def jumlah_baris(teks: str, lebar_kolom: float, huruf: Huruf, indent: int = 0) -> int:
    """How many lines ``teks`` takes in a cell ``lebar_kolom`` Excel units wide."""
    return jumlah_baris_px(teks, lebar_pakai_px(lebar_kolom, indent), huruf)


# Balancing is for a title, a note or a signature line: a few lines at most. A
# longer text is wrapped as it comes (balancing it would wrap it ~24 times).
_SEIMBANG_MAKS = 6


def bungkus_seimbang(teks: str, lebar_kolom: float, huruf: Huruf) -> list[str]:
    """Like ``bungkus`` with the same number of lines, but of even length: a title,
    note or signature line does not end in one orphaned word."""
    lebar = lebar_pakai_px(lebar_kolom)
    baris = bungkus_px(teks, lebar, huruf)
    if len(baris) <= 1 or len(baris) > _SEIMBANG_MAKS:
        return baris
    bawah, atas = lebar / len(baris) * 0.8, lebar
    for _ in range(20):
        tengah = (bawah + atas) / 2
        if jumlah_baris_px(teks, tengah, huruf) <= len(baris):
            atas = tengah
        else:
            bawah = tengah
    return bungkus_px(teks, atas, huruf)


def tinggi_teks(nilai: object, lebar_kolom: float, gaya: str) -> float:
    """Points a cell's value needs in a row: a number or a style that does not wrap
    shows on one line (Excel prints ### rather than wrap a number)."""
    c = ciri_gaya(gaya)
    if not isinstance(nilai, str) or not nilai or not c.bungkus:
        return c.huruf.tinggi_baris
    return jumlah_baris(nilai, lebar_kolom, c.huruf, c.indent) * c.huruf.tinggi_baris
