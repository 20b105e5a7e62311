"""Consistency with the Renstra and between the two hand-made lists of indicators."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rkt_xl import angka, skema
from rkt_xl.hitung import HasilHitung
from rkt_xl.model import RKT
from rkt_xl.temuan import Temuan, Tingkat
from rkt_xl.validasi.registri import daftarkan, kode, pemeriksa, temuan

AKHIR = daftarkan(
    "target-akhir-renstra", Tingkat.PERINGATAN,
    "Pada tahun terakhir Renstra, Target berbeda dengan Target Akhir Renstra.",
    "2018 adalah tahun terakhir Renstra 2013-2018, tetapi target indikator 3.1 adalah 29 "
    "sedangkan target akhir Renstra 61.")
LUAR = daftarkan(
    "tahun-di-luar-renstra", Tingkat.GALAT,
    "Tahun RKT berada di luar Periode Renstra.",
    "Tahun RKT 2020 di luar Periode Renstra 2013-2018.")
BERBEDA = daftarkan(
    "indikator-berbeda", Tingkat.PERINGATAN,
    "Indikator dengan Kode yang sama ditulis berbeda di tabel Sasaran dan Evaluasi "
    "(nama atau target akhir Renstra): dua salinan yang bergeser.",
    "Indikator 3.1: di Sasaran 'Jumlah tenaga kerja/pencari kerja yang mendapatkan "
    "pelatihan berbasis kompetensi', di Evaluasi 'Jumlah pencari kerja yang mendapatkan "
    "pelatihan'.")

_PERIODE = re.compile(r"^\s*(\d{4})\s*[-–—/s.d]+\s*(\d{4})\s*$")


def periode(teks: str) -> tuple[int, int] | None:
    """``"2013-2018"`` → (2013, 2018); None when it is not a period."""
    m = _PERIODE.match(teks.replace("s.d.", "-").replace("sampai", "-"))
    if not m:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    return (a, b) if a <= b else None


@pemeriksa
def periksa_tahun(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    tahun = rkt.tahun
    sel_periode = rkt.identitas.get(skema.PERIODE_RENSTRA)
    p = periode(sel_periode.teks) if sel_periode else None
    if tahun is None or p is None or sel_periode is None:
        return
    if not p[0] <= tahun <= p[1]:
        sel = rkt.identitas[skema.TAHUN_RKT]
        yield temuan(LUAR, sel.lembar, sel.alamat,
                     f"Tahun RKT {tahun} di luar Periode Renstra {p[0]}-{p[1]}.",
                     "Periksa Tahun RKT atau Periode Renstra di lembar Identitas.")
        return
    if tahun != p[1]:
        return
    for ind in rkt.indikator:
        t, a = ind.target, ind.target_akhir
        if t.terpakai and a.terpakai and t.nilai is not None and a.nilai is not None \
                and t.nilai != a.nilai:
            sel = ind.baris.sel[skema.TARGET]
            yield temuan(AKHIR, sel.lembar, sel.alamat,
                         f"{tahun} adalah tahun terakhir Renstra {p[0]}-{p[1]}, tetapi target "
                         f"indikator{kode(ind.kode)} ({ind.indikator}) adalah "
                         f"{angka.format_angka(t.nilai)} sedangkan target akhir Renstra "
                         f"{angka.format_angka(a.nilai)}.",
                         "Samakan target dengan target akhir Renstra, atau jelaskan "
                         "perubahannya (reviu Renstra).")


def _sama(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


@pemeriksa
def periksa_salinan(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    sasaran = {i.kode: i for i in rkt.indikator if i.kode}
    for ev in rkt.evaluasi:
        ind = sasaran.get(ev.kode)
        if ind is None:
            continue
        if ev.indikator and ind.indikator and not _sama(ev.indikator, ind.indikator):
            sel = ev.baris.sel[skema.INDIKATOR_SASARAN]
            yield temuan(BERBEDA, sel.lembar, sel.alamat,
                         f"Indikator{kode(ev.kode)}: di Evaluasi '{ev.indikator}', di Sasaran "
                         f"'{ind.indikator}'.",
                         "Jika indikatornya sama, samakan penulisannya; jika berbeda, beri "
                         "kode lain.")
        a, b = ev.target_akhir, ind.target_akhir
        if a.terpakai and b.terpakai and a.nilai != b.nilai and a.nilai is not None \
                and b.nilai is not None:
            sel = ev.baris.sel[skema.TARGET_AKHIR]
            yield temuan(BERBEDA, sel.lembar, sel.alamat,
                         f"Target akhir Renstra indikator{kode(ev.kode)}: di Evaluasi "
                         f"{angka.format_angka(a.nilai)}, di Sasaran "
                         f"{angka.format_angka(b.nilai)}.",
                         "Target akhir Renstra satu indikator hanya satu; samakan.")
