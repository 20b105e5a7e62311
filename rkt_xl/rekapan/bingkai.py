"""Rows → pandas DataFrames: the four rekap tables (``rkt_xl.rekap``) and one
workbook's six contract tables (``rkt_xl.baca``). dtypes: see ``kontrak``.

pandas is imported by this module and by ``buku``; nothing imports either at start-up.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

import pandas as pd

from rkt_xl import skema
from rkt_xl.rekapan import kontrak
from rkt_xl.rekapan.kumpul import (
    HasilBerkas,
    NilaiSel,
    daftar_berkas,
    kumpulkan_hasil,
    pecahan,
    teks,
)

if TYPE_CHECKING:
    from rkt_xl.hitung import HasilHitung
    from rkt_xl.model import RKT

PathLike = Union[str, "os.PathLike[str]"]


def _kolom(nilai: Sequence[NilaiSel], jenis: kontrak.Jenis) -> pd.Series:
    return pd.Series(list(nilai), dtype=kontrak.DTYPE[jenis])


def bingkai(header: Sequence[str], jenis: Sequence[kontrak.Jenis],
            baris: Sequence[Sequence[NilaiSel]]) -> pd.DataFrame:
    """A DataFrame with exactly these columns and dtypes (no inference: an integer
    column with a gap stays Int64, a text column stays text)."""
    kolom = list(zip(*baris, strict=True)) if baris else [() for _ in header]
    return pd.DataFrame({h: _kolom(k, j) for h, j, k in zip(header, jenis, kolom, strict=True)})


def bingkai_rekap(tabel: kontrak.TabelRekap, baris: Sequence[Sequence[NilaiSel]]) -> pd.DataFrame:
    return bingkai(tabel.header, [k.jenis for k in tabel.kolom], baris)


# -- the rekap ------------------------------------------------------------------------

def urutkan(hasil: Iterable[HasilBerkas]) -> list[HasilBerkas]:
    """By rata-rata capaian, highest first; then readable files without any capaian;
    unreadable files last. Ties keep the input order."""
    def kunci(h: HasilBerkas) -> tuple[int, float]:
        if h.tidak_terbaca is not None:
            return 2, 0.0
        if h.rata_rata is None:
            return 1, 0.0
        return 0, -h.rata_rata

    return sorted(hasil, key=kunci)


def _kunci_nama(nama: str) -> str:
    return " ".join(nama.split()).casefold()


def kembaran(hasil: Sequence[HasilBerkas]) -> dict[str, list[str]]:
    """Berkas → the other files with the same Nama OPD (case and spacing ignored): two
    submissions of one OPD, or a copied workbook whose identity was not changed."""
    per_nama: dict[str, list[str]] = {}
    for h in hasil:
        if h.nama_opd:
            per_nama.setdefault(_kunci_nama(h.nama_opd), []).append(h.berkas)
    keluar: dict[str, list[str]] = {}
    for daftar in per_nama.values():
        if len(daftar) > 1:
            for b in daftar:
                keluar[b] = [x for x in daftar if x != b]
    return keluar


def status(h: HasilBerkas, sama: Sequence[str] = ()) -> str:
    if h.tidak_terbaca is not None:
        return f"{kontrak.STATUS_TIDAK_TERBACA}: {h.tidak_terbaca}"
    if h.galat:
        s = kontrak.STATUS_GALAT
    elif h.peringatan:
        s = kontrak.STATUS_PERINGATAN
    else:
        s = kontrak.STATUS_BAIK
    if sama:
        s += f"; Nama OPD sama dengan berkas {', '.join(sama)}"
    return s


def rekap_dari_hasil(hasil: Iterable[HasilBerkas]) -> dict[str, pd.DataFrame]:
    """The four rekap tables, keyed by sheet name, rows in Ringkasan order."""
    urut = urutkan(hasil)
    sama = kembaran(urut)
    ringkasan = [(h.berkas, h.nama_opd, h.tahun, status(h, sama.get(h.berkas, ())), h.galat,
                  h.peringatan, h.jumlah_indikator, h.rata_rata, h.kategori, h.total_pagu)
                 for h in urut]
    indikator = [(h.nama_opd, *b) for h in urut for b in h.indikator]
    program = [(h.nama_opd, *b) for h in urut for b in h.program]
    temuan = [(h.berkas, *b) for h in urut for b in h.temuan]
    return {
        kontrak.RINGKASAN.lembar: bingkai_rekap(kontrak.RINGKASAN, ringkasan),
        kontrak.INDIKATOR.lembar: bingkai_rekap(kontrak.INDIKATOR, indikator),
        kontrak.PROGRAM.lembar: bingkai_rekap(kontrak.PROGRAM, program),
        kontrak.TEMUAN.lembar: bingkai_rekap(kontrak.TEMUAN, temuan),
    }


def rekap(paths: PathLike | Iterable[PathLike], *, jobs: int = 1) -> dict[str, pd.DataFrame]:
    """The rekap of many RKT workbooks as DataFrames keyed ``Ringkasan``, ``Indikator``,
    ``Program``, ``Temuan`` (DESIGN §6b; dtypes in ``rkt_xl.rekapan.kontrak``).

    ``paths``: files, folders (searched for .xlsm/.xlsx) and globs. Workbooks are only
    read, never written; capaian, kategori and pagu are recomputed. A file that cannot
    be read is a Ringkasan row whose Status says why, not an exception."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    berkas, gagal = daftar_berkas([os.fspath(p) for p in paths])
    return rekap_dari_hasil([*kumpulkan_hasil(berkas, jobs), *gagal])


# -- one workbook: rkt_xl.baca --------------------------------------------------------

def _jenis(t: skema.TabelSkema) -> list[kontrak.Jenis]:
    return [kontrak.jenis_baca(t, k) for k in t.kolom]


def _angka(b: Any) -> float | None:
    return pecahan(b.nilai if b.terpakai else None)


def _kunci_nilai(rkt: RKT, t: skema.TabelSkema) -> list[tuple[NilaiSel, ...]]:
    tabel = rkt.tabel.get(t.nama)
    if tabel is None:
        return []
    baris = []
    for b in tabel.baris:
        isi: dict[str, NilaiSel] = {k: teks(b.teks(k)) for k in t.kolom}
        if (t is skema.PENGATURAN and b.teks(skema.KUNCI) == skema.BATAS_CAPAIAN
                and rkt.pengaturan.batas_capaian is not None):
            # the number rkt_xl uses (a cell formatted 120% holds 1.2, and means 120)
            isi[skema.NILAI] = format(rkt.pengaturan.batas_capaian.normalize(), "f")
        baris.append(tuple(isi[k] for k in t.kolom))
    return baris


def tabel_kontrak(rkt: RKT, hasil: HasilHitung) -> dict[str, pd.DataFrame]:
    """The six contract tables of one workbook's model, computed columns recomputed."""
    from rkt_xl.hitung import rupiah

    sasaran = [(teks(i.kode), teks(i.tujuan), teks(i.indikator_tujuan), teks(i.sasaran),
                teks(i.indikator), teks(i.satuan), teks(i.polaritas), _angka(i.target_akhir),
                _angka(i.target)) for i in rkt.indikator]
    evaluasi = []
    for ev in rkt.evaluasi:
        c = hasil.capaian_dari(ev)
        evaluasi.append((teks(ev.kode), teks(ev.indikator), teks(ev.satuan),
                         teks(ev.polaritas), _angka(ev.target_akhir), _angka(ev.target),
                         _angka(ev.realisasi), pecahan(c.nilai), c.kategori))
    program = [(teks(p.kode), teks(p.nama), teks(p.indikator), teks(p.target),
                hasil.pagu_dari(p).nilai) for p in rkt.program]
    kegiatan = [(teks(k.kode_program), teks(k.kode), teks(k.nama), teks(k.indikator),
                 _angka(k.target), teks(k.satuan), rupiah(k.pagu)) for k in rkt.kegiatan]
    isi: dict[str, Sequence[Sequence[NilaiSel]]] = {
        skema.IDENTITAS.lembar: _kunci_nilai(rkt, skema.IDENTITAS),
        skema.PENGATURAN.lembar: _kunci_nilai(rkt, skema.PENGATURAN),
        skema.SASARAN_T.lembar: sasaran,
        skema.EVALUASI.lembar: evaluasi,
        skema.PROGRAM_T.lembar: program,
        skema.KEGIATAN_T.lembar: kegiatan,
    }
    return {t.lembar: bingkai(t.kolom, _jenis(t), isi[t.lembar]) for t in skema.TABEL}


def baca(path: PathLike) -> dict[str, pd.DataFrame]:
    """One RKT workbook as DataFrames keyed ``Identitas``, ``Pengaturan``, ``Sasaran``,
    ``Evaluasi``, ``Program``, ``Kegiatan``: contract headers as columns, Capaian (%),
    Kategori and Pagu Program recomputed (typed values are not trusted). The file is
    only read. Raises ``rkt_xl.galat.GalatRKT`` (Indonesian message) when it cannot be.

    dtypes: text columns ``string``; Target Akhir Renstra, Target, Realisasi and
    Capaian (%) ``float64`` (NaN where the cell is not a usable number: empty,
    qualitative, invalid or ambiguous text — ``rkt-xl validasi`` says which); Pagu and
    Pagu Program ``Int64`` (<NA> when not a valid whole Rupiah amount, or a sum over
    one). Sasaran's Tujuan, Indikator Tujuan and Sasaran are filled down (an empty
    cell means "same as above"); Polaritas reads Positif when empty."""
    from rkt_xl.alur import analisis
    from rkt_xl.engine.file import EngineBerkas

    a = analisis(EngineBerkas(Path(os.fspath(path))))
    return tabel_kontrak(a.rkt, a.hasil)


# -- values out of a DataFrame (JSON and the workbook read the same values) -------------

def nilai_python(v: Any, jenis: kontrak.Jenis) -> NilaiSel:
    """A DataFrame cell as a plain Python value (None for <NA>/NaN)."""
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    if jenis == "bulat":
        return int(v)
    if jenis == "pecahan":
        return float(v)
    return str(v)


def baris_python(df: pd.DataFrame, tabel: kontrak.TabelRekap) -> list[list[NilaiSel]]:
    jenis = [k.jenis for k in tabel.kolom]
    return [[nilai_python(v, j) for v, j in zip(b, jenis, strict=True)]
            for b in df[list(tabel.header)].itertuples(index=False, name=None)]


def ke_json(tabel: dict[str, pd.DataFrame]) -> dict[str, list[dict[str, NilaiSel]]]:
    """The four tables as JSON: ``{"Ringkasan": [{header: value}, …], …}``."""
    return {t.lembar: [dict(zip(t.header, b, strict=True))
                       for b in baris_python(tabel[t.lembar], t)]
            for t in kontrak.TABEL}
