"""The pipeline, engine-agnostic: read → model → validasi → hitung → lampiran → save.

The command line and the Excel buttons both call ``jalankan`` with their engine, so
clicking Hitung in Excel does exactly what ``rkt-xl proses`` does on the same file.

What a writing run writes, in order (DESIGN §4b): the computed cells; tables grown
over the rows typed below them; the appendix sheets; the Validasi sheet (findings and
the history of Hitung's changes); the Beranda status line. While a ``struktur`` galat
exists nothing is computed or generated: only the Validasi sheet and the status line
say why.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal

from rkt_xl import angka, jejak, skema
from rkt_xl.engine._base import Engine, NilaiTulis
from rkt_xl.galat import GalatBukanRKT
from rkt_xl.hitung import HasilHitung, hitung
from rkt_xl.model import RKT, Tabel
from rkt_xl.pemetaan import susun
from rkt_xl.temuan import Temuan, Tingkat, hitung_tingkat, urutkan
from rkt_xl.validasi import ATURAN_ISI_SEL, ATURAN_KOLOM_HITUNG, periksa
from rkt_xl.validasi.struktur import BAGIAN_RUSAK, pesan_bagian_rusak


@dataclass(frozen=True)
class Perubahan:
    """One computed cell Hitung changed (values as displayed)."""

    lembar: str
    sel: str
    kolom: str
    lama: str
    baru: str


@dataclass
class Laporan:
    berkas: str
    temuan: list[Temuan] = field(default_factory=list)  # the workbook's state at the end
    temuan_awal: list[Temuan] = field(default_factory=list)  # as typed, before Hitung
    perubahan: list[Perubahan] = field(default_factory=list)
    lembar_dibuat: list[str] = field(default_factory=list)
    tabel_diperluas: list[str] = field(default_factory=list)  # "tblKegiatan A1:G35"
    disimpan: bool = False
    rata_rata: Decimal | None = None
    total_pagu: int | None = None
    struktur_rusak: bool = False  # nothing was computed or generated (DESIGN §4b)

    @property
    def jumlah(self) -> dict[Tingkat, int]:
        return hitung_tingkat(self.temuan)

    @property
    def ada_galat(self) -> bool:
        return self.jumlah[Tingkat.GALAT] > 0


def _tampil(v: NilaiTulis, kolom: str) -> str:
    if v is None:
        return "(kosong)"
    if isinstance(v, str):
        return v
    if kolom == skema.CAPAIAN:
        return angka.format_persen(v)
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


def _lama(tabel: Tabel, kolom: str) -> dict[str, str]:
    """What each computed cell shows now (capaian with two decimals)."""
    hasil = {}
    for b in tabel.baris:
        sel = b.sel[kolom]
        teks = sel.tampil
        if kolom == skema.CAPAIAN and sel.angka:
            b_ = angka.baca(sel.mentah)
            teks = angka.format_persen(b_.nilai) if b_.nilai is not None else teks
        hasil[sel.alamat] = teks or "(kosong)"
    return hasil


def _tulis_hitungan(engine: Engine, rkt: RKT, hasil: HasilHitung) -> list[Perubahan]:
    perubahan: list[Perubahan] = []
    for (nama, kolom), nilai in nilai_hitung(rkt, hasil).items():
        tabel: Tabel | None = rkt.tabel.get(nama)
        if tabel is None or kolom not in tabel.header:
            continue  # a struktur finding says why
        lama = _lama(tabel, kolom)
        baru = {b.sel[kolom].alamat: nilai.get(b.nomor) for b in tabel.baris}
        for ref in engine.tulis_kolom(tabel, kolom, nilai):
            semula, menjadi = lama.get(ref, "(kosong)"), _tampil(baru.get(ref), kolom)
            v = baru.get(ref)
            if semula == menjadi and isinstance(v, Decimal):
                # Typed rounded (103,74), now stored at full precision.
                menjadi = angka.format_angka(v, 6) + " (presisi penuh)"
            perubahan.append(Perubahan(tabel.lembar, ref, kolom, semula, menjadi))
    return perubahan


def _perluas(engine: Engine, rkt: RKT) -> list[tuple[Tabel, str]]:
    """Grow every table over the rows typed directly below it, as Excel would have."""
    hasil = []
    for t in skema.TABEL:
        tabel = rkt.tabel.get(t.nama)
        if tabel is not None and tabel.diperluas and tabel.baris:
            hasil.append((tabel, engine.perluas_tabel(tabel, tabel.baris[-1].nomor)))
    return hasil


def jalankan(engine: Engine, *, tulis_hitung: bool = False, tulis_lampiran: bool = False,
             tulis_validasi: bool = False, oleh: str | None = None,
             waktu: _dt.datetime | None = None) -> Laporan:
    """Run the pipeline on one open workbook; nothing is written unless asked.

    ``oleh``: who runs it ("rkt-xl proses", "tombol Hitung"), for the history and the
    Beranda status line (none is written without it); ``waktu``: when (now)."""
    return _jalankan(engine, tulis_hitung=tulis_hitung, tulis_lampiran=tulis_lampiran,
                     tulis_validasi=tulis_validasi, oleh=oleh, waktu=waktu or jejak.sekarang())


@dataclass
class Analisis:
    """What reading a workbook tells, before anything is written: the model, what
    Hitung computes from it, and the findings on the workbook as it is."""

    rkt: RKT
    hasil: HasilHitung
    temuan: list[Temuan]  # sorted (urutkan)

    @property
    def struktur_rusak(self) -> bool:
        """A required table or column is missing: nothing may be computed from it."""
        return any(t.aturan == "struktur" and t.tingkat is Tingkat.GALAT for t in self.temuan)


def analisis(engine: Engine) -> Analisis:
    """Read, map, compute and validate one workbook; nothing is written. The read-only
    half of ``jalankan`` (``rkt-xl validasi`` and the rekap run exactly this).

    A workbook holding none of the contract tables is not an RKT workbook at all
    (any spreadsheet a folder or a glob happens to contain): refused with
    :class:`GalatBukanRKT`, before anything could be written into it."""
    tabel = engine.baca_tabel()
    if not tabel:
        raise GalatBukanRKT(
            f"{engine.nama}: bukan buku kerja RKT (tidak ada satu pun tabel RKT: "
            f"{', '.join(t.nama for t in skema.TABEL)}); berkas tidak diubah. Buku kerja "
            "RKT dibuat dengan rkt-xl baru atau dari templat RKT_template.xlsm.")
    rkt = susun(tabel)
    rkt.ada_gaya = engine.ada_lembar(skema.GAYA)
    rkt.bagian_rusak = engine.bagian_rusak()
    hasil = hitung(rkt)
    return Analisis(rkt, hasil, urutkan(periksa(rkt, hasil)))


def _jalankan(engine: Engine, *, tulis_hitung: bool, tulis_lampiran: bool,
              tulis_validasi: bool, oleh: str | None, waktu: _dt.datetime) -> Laporan:
    a = analisis(engine)
    rkt, hasil = a.rkt, a.hasil
    laporan = Laporan(engine.nama, temuan_awal=a.temuan, rata_rata=hasil.rata_rata,
                      total_pagu=hasil.total_pagu)
    menulis = tulis_hitung or tulis_lampiran or tulis_validasi
    if a.struktur_rusak and menulis:
        # Broken structure is reported, not computed: never a 0 or a partial sum from
        # a missing table. The Validasi sheet says why.
        laporan.struktur_rusak = True
        tulis_hitung = tulis_lampiran = False
        tulis_validasi = True
    akhir = a.temuan
    catatan: list[jejak.Catatan] = []
    w = jejak.teks_waktu(waktu)
    if tulis_hitung:
        laporan.perubahan = _tulis_hitungan(engine, rkt, hasil)
        # The computed columns now hold the recomputed values: what was said about
        # their old content no longer holds.
        ditimpa = _sel_hitung(rkt)
        akhir = [t for t in akhir if t.aturan not in ATURAN_KOLOM_HITUNG
                 and not (t.aturan in ATURAN_ISI_SEL and (t.lembar, t.sel) in ditimpa)]
        catatan += [jejak.Catatan(w, oleh or "", p.lembar, p.sel, p.kolom, p.lama, p.baru)
                    for p in laporan.perubahan]
    if menulis and not laporan.struktur_rusak:
        for tabel, ref in _perluas(engine, rkt):
            laporan.tabel_diperluas.append(f"{tabel.nama} {ref}")
            catatan.append(jejak.Catatan(
                w, oleh or "", tabel.lembar, ref, f"Rentang tabel {tabel.nama}", tabel.ref,
                f"{ref} (baris yang diketik di bawah tabel dimasukkan)"))
        if laporan.tabel_diperluas:
            # The rows are inside their tables now: what was said about them being
            # outside no longer holds.
            akhir = [t for t in akhir if t.aturan != "baris-di-luar-tabel"]
    if tulis_lampiran:
        from rkt_xl.lampiran import bangun_semua

        for layout in bangun_semua(rkt, hasil):
            engine.render(layout)
            laporan.lembar_dibuat.append(layout.lembar)
    if menulis:
        diganti = {*laporan.lembar_dibuat, *([skema.VALIDASI] if tulis_validasi else [])}
        diperbaiki = _perbaiki_lembar(engine, rkt, diganti)
        akhir = _tanpa_yang_pulih(rkt, akhir, diganti, diperbaiki)
    laporan.temuan = akhir
    if tulis_validasi:
        from rkt_xl.lampiran.validasi import baca_riwayat, bangun_validasi

        riwayat = jejak.gabung(catatan, baca_riwayat(engine.baca_lembar(skema.VALIDASI)))
        layout = bangun_validasi(laporan.temuan, riwayat=riwayat)
        engine.render(layout)
        laporan.lembar_dibuat.append(layout.lembar)
    if menulis and oleh is not None:
        _tulis_status(engine, jejak.teks_status(oleh, waktu, laporan.temuan))
    if menulis:
        laporan.disimpan = engine.simpan()
    return laporan


def _perbaiki_lembar(engine: Engine, rkt: RKT, diganti: set[str]) -> set[str]:
    """Write back, repaired, every sheet holding damage a rewrite undoes (so a second
    run finds nothing to report); the sheets this run replaces whole need nothing."""
    perlu = {x.lembar for x in rkt.bagian_rusak
             if x.pulih_bila_ditulis and x.lembar is not None and x.lembar not in diganti}
    return {nama for nama in sorted(perlu) if engine.perbaiki_lembar(nama)}


def _tanpa_yang_pulih(rkt: RKT, temuan: list[Temuan], diganti: set[str],
                     diperbaiki: set[str]) -> list[Temuan]:
    """The findings without the damage this run removed: every damage of a sheet it
    replaced whole, and the repairable damage of a sheet it wrote back."""
    pulih = {pesan_bagian_rusak(x) for x in rkt.bagian_rusak if x.lembar in diganti
             or (x.pulih_bila_ditulis and x.lembar in diperbaiki)}
    return [t for t in temuan if not (t.aturan == BAGIAN_RUSAK.id and t.pesan in pulih)]


def _tulis_status(engine: Engine, teks: str) -> None:
    """The Beranda status line; left as it is when only its time would change and the
    run changed nothing else (a second run writes no byte)."""
    lama = engine.baca_teks(skema.BERANDA, skema.SEL_STATUS)
    if lama is None and not engine.ada_lembar(skema.BERANDA):
        return  # a workbook without Beranda: nowhere to say it
    if engine.ada_perubahan() or not jejak.status_sama(lama, teks):
        engine.tulis_teks(skema.BERANDA, skema.SEL_STATUS, teks)
