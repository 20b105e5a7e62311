"""The pipeline, engine-agnostic: read → model → validasi → hitung → lampiran → save.

The command line and the Excel buttons both call ``jalankan`` with their engine, so
clicking Hitung in Excel does exactly what ``rkt-xl proses`` does on the same file.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from decimal import Decimal

from rkt_xl import angka, skema
from rkt_xl.engine._base import Engine, NilaiTulis
from rkt_xl.hitung import HasilHitung, hitung
from rkt_xl.model import RKT, Tabel
from rkt_xl.pemetaan import susun
from rkt_xl.temuan import Temuan, Tingkat, hitung_tingkat, urutkan
from rkt_xl.validasi import ATURAN_KOLOM_HITUNG, periksa


@dataclass(frozen=True)
class Perubahan:
    """One computed cell Hitung changed."""

    lembar: str
    sel: str
    lama: str
    baru: str


@dataclass
class Laporan:
    berkas: str
    temuan: list[Temuan] = field(default_factory=list)  # the workbook's state at the end
    temuan_awal: list[Temuan] = field(default_factory=list)  # as typed, before Hitung
    perubahan: list[Perubahan] = field(default_factory=list)
    lembar_dibuat: list[str] = field(default_factory=list)
    disimpan: bool = False
    rata_rata: Decimal | None = None
    total_pagu: int | None = None

    @property
    def jumlah(self) -> dict[Tingkat, int]:
        return hitung_tingkat(self.temuan)

    @property
    def ada_galat(self) -> bool:
        return self.jumlah[Tingkat.GALAT] > 0


def _tampil(v: NilaiTulis) -> str:
    if v is None:
        return "(kosong)"
    if isinstance(v, str):
        return v
    return angka.format_angka(v, 2) if isinstance(v, Decimal) and \
        v != v.to_integral_value() else angka.format_angka(v)


def nilai_hitung(rkt: RKT, hasil: HasilHitung) -> dict[tuple[str, str], dict[int, NilaiTulis]]:
    """(table, column) → Excel row → the value Hitung writes there."""
    capaian: dict[int, NilaiTulis] = {}
    kategori: dict[int, NilaiTulis] = {}
    for ev in rkt.evaluasi:
        c = hasil.capaian_dari(ev)
        capaian[ev.baris.nomor] = c.nilai
        kategori[ev.baris.nomor] = c.kategori
    pagu: dict[int, NilaiTulis] = {p.baris.nomor: hasil.pagu_dari(p).nilai for p in rkt.program}
    return {
        (skema.EVALUASI.nama, skema.CAPAIAN): capaian,
        (skema.EVALUASI.nama, skema.KATEGORI): kategori,
        (skema.PROGRAM_T.nama, skema.PAGU_PROGRAM): pagu,
    }


def _sel_hitung(rkt: RKT) -> set[tuple[str, str]]:
    sel: set[tuple[str, str]] = set()
    for t in skema.TABEL:
        tabel = rkt.tabel.get(t.nama)
        if tabel is None:
            continue
        for b in tabel.baris:
            for kolom in t.kolom_hitung:
                if kolom in b.sel and b.sel[kolom].alamat:
                    sel.add((b.lembar, b.sel[kolom].alamat))
    return sel


def _tulis_hitungan(engine: Engine, rkt: RKT, hasil: HasilHitung) -> list[Perubahan]:
    perubahan: list[Perubahan] = []
    for (nama, kolom), nilai in nilai_hitung(rkt, hasil).items():
        tabel: Tabel | None = rkt.tabel.get(nama)
        if tabel is None or kolom not in tabel.header:
            continue  # a struktur finding says why
        lama = {b.sel[kolom].alamat: b.sel[kolom].tampil or "(kosong)" for b in tabel.baris}
        baru = {b.sel[kolom].alamat: nilai.get(b.nomor) for b in tabel.baris}
        for ref in engine.tulis_kolom(tabel, kolom, nilai):
            semula, menjadi = lama.get(ref, "(kosong)"), _tampil(baru.get(ref))
            v = baru.get(ref)
            if semula == menjadi and isinstance(v, Decimal):
                # Typed rounded (103,74), now stored at full precision.
                menjadi = angka.format_angka(v, 6) + " (presisi penuh)"
            perubahan.append(Perubahan(tabel.lembar, ref, semula, menjadi))
    return perubahan


def jalankan(engine: Engine, *, tulis_hitung: bool = False, tulis_lampiran: bool = False,
             tulis_validasi: bool = False) -> Laporan:
    """Run the pipeline on one open workbook; nothing is written unless asked."""
    # The pipeline allocates a few hundred thousand small objects (cells, rows, layout
    # cells) and frees almost none until it ends, so the cyclic collector would only
    # rescan them, again and again (~15 % of the run on a 5.000-kegiatan workbook).
    # They hold no reference cycles worth collecting early: it is paused meanwhile.
    gc_aktif = gc.isenabled()
    gc.disable()
    try:
        return _jalankan(engine, tulis_hitung=tulis_hitung, tulis_lampiran=tulis_lampiran,
                         tulis_validasi=tulis_validasi)
    finally:
        if gc_aktif:
            gc.enable()


@dataclass
class Analisis:
    """What reading a workbook tells, before anything is written: the model, what
    Hitung computes from it, and the findings on the workbook as it is."""

    rkt: RKT
    hasil: HasilHitung
    temuan: list[Temuan]  # sorted (urutkan)


def analisis(engine: Engine) -> Analisis:
    """Read, map, compute and validate one workbook; nothing is written. The read-only
    half of ``jalankan`` (``rkt-xl validasi`` and the rekap run exactly this)."""
    rkt = susun(engine.baca_tabel())
    hasil = hitung(rkt)
    return Analisis(rkt, hasil, urutkan(periksa(rkt, hasil)))


def _jalankan(engine: Engine, *, tulis_hitung: bool, tulis_lampiran: bool,
              tulis_validasi: bool) -> Laporan:
    a = analisis(engine)
    rkt, hasil = a.rkt, a.hasil
    laporan = Laporan(engine.nama, temuan_awal=a.temuan, rata_rata=hasil.rata_rata,
                      total_pagu=hasil.total_pagu)
    akhir = a.temuan
    if tulis_hitung:
        laporan.perubahan = _tulis_hitungan(engine, rkt, hasil)
        # The computed columns now hold the recomputed values: what was said about
        # their old content no longer holds.
        ditimpa = _sel_hitung(rkt)
        akhir = [t for t in akhir if t.aturan not in ATURAN_KOLOM_HITUNG
                 and not (t.aturan.startswith("angka-") and (t.lembar, t.sel) in ditimpa)]
    laporan.temuan = akhir
    if tulis_lampiran:
        from rkt_xl.lampiran import bangun_semua

        for layout in bangun_semua(rkt, hasil):
            engine.render(layout)
            laporan.lembar_dibuat.append(layout.lembar)
    if tulis_validasi:
        from rkt_xl.lampiran.validasi import bangun_validasi

        layout = bangun_validasi(laporan.temuan)
        engine.render(layout)
        laporan.lembar_dibuat.append(layout.lembar)
    if tulis_lampiran or tulis_validasi or tulis_hitung:
        laporan.disimpan = engine.simpan()
    return laporan
