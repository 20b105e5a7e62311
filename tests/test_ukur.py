"""Text measurement and wrapping (rkt_xl/lampiran/ukur.py) against a reference.

The reference wrap below is written from the rule, not from the code under test:
the slowest obvious greedy wrap, re-measuring every candidate line character by
character. The wrap in ``ukur`` must give the same lines, and stay linear in the
text length (a 32.767-character word without a space once took 29,5 s).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from rkt_xl import hitung, pemetaan, pertukaran, skema
from rkt_xl.lampiran import bangun_semua
from rkt_xl.lampiran.layout import BATAS_TEKS
from rkt_xl.lampiran.ukur import (
    Huruf,
    batas_1000,
    bungkus_px,
    bungkus_seimbang,
    jumlah_baris_px,
    lebar_huruf,
)

CONTOH = Path(__file__).resolve().parents[1] / "rkt_xl" / "data" / "contoh_sinjai_2018.json"


def lebar_ref(teks: str, tebal: bool) -> int:
    return sum(lebar_huruf(c, tebal) for c in teks)


def bungkus_ref(teks: str, batas: int, tebal: bool) -> list[str]:
    """The rule: per paragraph, a line takes the next word (after one space) while
    the line stays within ``batas``; otherwise the word starts the next line. A word
    wider than a line is cut where the next character would not fit (at least one
    character a line)."""
    hasil: list[str] = []
    for paragraf in teks[:BATAS_TEKS].split("\n"):
        baris: str | None = None
        for kata in paragraf.split(" "):
            if baris is not None and lebar_ref(baris + " " + kata, tebal) <= batas:
                baris = baris + " " + kata
                continue
            if baris is not None:
                hasil.append(baris)
            baris = ""
            for ch in kata:
                if baris and lebar_ref(baris + ch, tebal) > batas:
                    hasil.append(baris)
                    baris = ""
                baris += ch
        hasil.append(baris if baris is not None else "")
    return hasil


_kata = st.text(alphabet="abcdefghijklmnopWMil.,-'\"()/é…—@", min_size=0, max_size=40)
_teks = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200),
    st.lists(_kata, max_size=30).map(" ".join),
    st.lists(st.lists(_kata, max_size=12).map(" ".join), max_size=4).map("\n".join),
    st.integers(1, 400).map(lambda n: "W" * n),
)


@settings(max_examples=400, deadline=None)
@given(teks=_teks, lebar_px=st.floats(min_value=1, max_value=900),
       ukuran=st.sampled_from([8.0, 9.0, 10.0, 11.0, 12.0, 14.0]), tebal=st.booleans())
@example(teks=" awal  spasi ganda", lebar_px=20.0, ukuran=10.0, tebal=False)
@example(teks="kata-yang-sangat-panjang-tanpa-spasi-sama-sekali", lebar_px=15.0,
         ukuran=10.0, tebal=True)
@example(teks="", lebar_px=50.0, ukuran=10.0, tebal=False)
def test_bungkus_sama_dengan_rujukan(teks: str, lebar_px: float, ukuran: float,
                                      tebal: bool) -> None:
    h = Huruf(ukuran, tebal)
    rujukan = bungkus_ref(teks, batas_1000(lebar_px, h), tebal)
    assert bungkus_px(teks, lebar_px, h) == rujukan
    assert jumlah_baris_px(teks, lebar_px, h) == len(rujukan)


@given(teks=st.lists(_kata, min_size=1, max_size=20).map(" ".join),
       lebar=st.floats(min_value=5, max_value=120))
def test_seimbang_tidak_menambah_baris(teks: str, lebar: float) -> None:
    from rkt_xl.lampiran.ukur import bungkus

    h = Huruf(10.0, False)
    seimbang = bungkus_seimbang(teks, lebar, h)
    assert len(seimbang) == len(bungkus(teks, lebar, h))
    assert "".join(seimbang).replace(" ", "") == teks.replace(" ", "")


def test_bungkus_linear_dan_dibatasi() -> None:
    """A word of Excel's 32.767 characters: wrapped in one pass, and text beyond what
    a cell holds is never measured."""
    h = Huruf(10.0, False)
    for n in (BATAS_TEKS, 4 * BATAS_TEKS):
        mulai = time.perf_counter()
        baris = bungkus_px("x" * n, 300.0, h)
        assert time.perf_counter() - mulai < 0.5
        assert sum(map(len, baris)) == BATAS_TEKS


def test_tujuh_identitas_panjang_cepat() -> None:
    """Issue 16 item 4: seven Identitas texts of 32.767 characters without spaces
    took 29,5 s and 640 MB in ``proses`` (the wrap re-measured the rest of an
    over-long word for every line; 64 s for the four appendices on this machine
    before). The appendices now take well under a second."""
    import tracemalloc

    data = json.loads(CONTOH.read_text(encoding="utf-8"))
    for kunci in (skema.NAMA_OPD, skema.PEMERINTAH_DAERAH, skema.NAMA_KEPALA,
                  skema.NIP_KEPALA, skema.JABATAN_KEPALA, skema.TEMPAT, skema.TANGGAL):
        data["identitas"][kunci] = "x" * BATAS_TEKS
    rkt = pemetaan.susun(pertukaran.ke_tabel(data))
    hasil = hitung.hitung(rkt)
    mulai = time.perf_counter()
    lampiran = bangun_semua(rkt, hasil)
    assert time.perf_counter() - mulai < 5.0
    assert all(lay.sel for lay in lampiran)
    tracemalloc.start()
    try:
        bangun_semua(rkt, hasil)
        puncak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert puncak < 100 * 2**20
