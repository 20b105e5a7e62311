"""Rows → pandas DataFrames: the four rekap tables (``rkt_xl.rekap``) and one
workbook's six contract tables (``rkt_xl.baca``). dtypes: see ``kontrak``.

The only module importing pandas; only the Python API imports it (through
``rkt_xl.__getattr__``). The command line writes the same rows without DataFrames.
"""

from __future__ import annotations

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
from rkt_xl.rekapan.tabel import susun

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

def rekap_dari_hasil(hasil: Iterable[HasilBerkas]) -> dict[str, pd.DataFrame]:
    """The four rekap tables as DataFrames, keyed by sheet name (rows: ``tabel.susun``)."""
    baris = susun(hasil)
    return {t.lembar: bingkai_rekap(t, baris[t.lembar]) for t in kontrak.TABEL}


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
