"""One workbook → the rows it contributes to the rekap; and the batch over many files.

A worker of ``--jobs`` runs ``ringkas_berkas`` and sends back plain Python values
(str, int, float, None), no pandas and no model objects: the result pickles small and
the parent never needs the workbook's model.

Every workbook is only read (``alur.analisis`` on the file engine writes nothing) and
recomputed in memory: the typed Capaian (%), Kategori and Pagu Program are not used.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rkt_xl import skema
from rkt_xl.rekapan import kontrak

NilaiSel = str | int | float | None
Baris = tuple[NilaiSel, ...]


@dataclass
class HasilBerkas:
    """What one input file contributes. ``tidak_terbaca`` is the Indonesian reason when
    the file could not be read at all (then every number is None and the row lists
    are empty)."""

    berkas: str
    tidak_terbaca: str | None = None
    nama_opd: str | None = None
    tahun: int | None = None
    galat: int | None = None
    peringatan: int | None = None
    jumlah_indikator: int | None = None
    rata_rata: float | None = None
    kategori: str | None = None
    total_pagu: int | None = None
    # Rows of tblIndikator / tblProgram without the leading Nama OPD (added when the
    # tables are assembled), and of tblTemuan without the leading Berkas.
    indikator: list[Baris] = field(default_factory=list)
    program: list[Baris] = field(default_factory=list)
    temuan: list[Baris] = field(default_factory=list)


def pecahan(d: Decimal | None) -> float | None:
    """A Decimal as the float an ``.xlsx`` cell stores: 16 significant digits
    (XlsxWriter writes ``%.16G``), so DataFrame, JSON and workbook hold one value."""
    if d is None:
        return None
    return float(format(d, ".16G"))


def teks(s: str) -> str | None:
    """Text as a table cell holds it: empty text is an empty cell."""
    return s if s else None


def _tanpa_awalan(pesan: str, berkas: str) -> str:
    awalan = f"{berkas}: "
    return pesan[len(awalan):] if pesan.startswith(awalan) else pesan


def tidak_terbaca(berkas: str, pesan: str) -> HasilBerkas:
    alasan = _tanpa_awalan(pesan, berkas)
    return HasilBerkas(berkas, tidak_terbaca=alasan,
                       temuan=[("galat", kontrak.ATURAN_BERKAS, None, None, alasan)])


def ringkas_berkas(berkas: str) -> HasilBerkas:
    """Read one workbook (never written) and summarise it; every failure becomes an
    Indonesian reason (the policy of ``operasi.proses_satu``: never a traceback)."""
    from rkt_xl.galat import GalatRKT

    try:
        return _ringkas(berkas)
    except GalatRKT as e:
        return tidak_terbaca(berkas, str(e))
    except MemoryError:
        return tidak_terbaca(berkas, "berkas terlalu besar untuk dibaca")
    except Exception as e:
        if os.environ.get("RKT_XL_DEBUG"):
            raise
        return tidak_terbaca(berkas, f"kesalahan tak terduga ({type(e).__name__}: {e}); "
                                     "berkas tidak diubah. Laporkan dengan RKT_XL_DEBUG=1.")


def _ringkas(berkas: str) -> HasilBerkas:
    from rkt_xl.alur import analisis
    from rkt_xl.engine.file import EngineBerkas
    from rkt_xl.lampiran.lampiran_1 import kategori_rata_rata
    from rkt_xl.temuan import Tingkat, hitung_tingkat

    # No gc switch here: a library call leaves process-wide state alone (the command
    # line raises the collector's threshold once, for the whole run: cli.keluar).
    a = analisis(EngineBerkas(Path(berkas)))
    rkt, hasil = a.rkt, a.hasil
    jumlah = hitung_tingkat(a.temuan)
    h = HasilBerkas(
        berkas,
        nama_opd=teks(rkt.identitas_teks(skema.NAMA_OPD)),
        tahun=rkt.tahun,
        galat=jumlah[Tingkat.GALAT],
        peringatan=jumlah[Tingkat.PERINGATAN],
        jumlah_indikator=len(rkt.evaluasi),
        rata_rata=pecahan(hasil.rata_rata),
        kategori=kategori_rata_rata(rkt, hasil.rata_rata),
        total_pagu=hasil.total_pagu,
    )
    for ev in rkt.evaluasi:
        c = hasil.capaian_dari(ev)
        h.indikator.append((
            teks(ev.kode), teks(ev.indikator), teks(ev.satuan), teks(ev.polaritas),
            pecahan(ev.target.nilai if ev.target.terpakai else None),
            pecahan(ev.realisasi.nilai if ev.realisasi.terpakai else None),
            pecahan(c.nilai), c.kategori,
        ))
    for p in rkt.program:
        h.program.append((teks(p.kode), teks(p.nama), hasil.pagu_dari(p).nilai))
    h.temuan = [(t.tingkat.value, t.aturan, teks(t.lembar), teks(t.sel), t.pesan)
                for t in a.temuan]
    return h


def kumpulkan_hasil(berkas: Sequence[str], jobs: int = 1, *,
                    maju: Callable[[], None] | None = None,
                    sambil: Callable[[], None] | None = None) -> list[HasilBerkas]:
    """``ringkas_berkas`` over every file, in input order. With ``jobs`` > 1 in worker
    processes; ``sambil`` runs in this process meanwhile (the command line imports
    pandas and XlsxWriter there, off the critical path); ``maju`` after each file."""
    if jobs > 1 and len(berkas) > 1:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=min(jobs, len(berkas))) as pool:
            futures = [pool.submit(ringkas_berkas, b) for b in berkas]
            if sambil is not None:
                sambil()
            if maju is not None:
                for _ in as_completed(futures):
                    maju()
            return [f.result() for f in futures]
    keluar = []
    for b in berkas:
        keluar.append(ringkas_berkas(b))
        if maju is not None:
            maju()
    if sambil is not None:
        sambil()
    return keluar


def daftar_berkas(argumen: Sequence[str]) -> tuple[list[str], list[HasilBerkas]]:
    """Files, folders and globs → the workbooks to read (``berkas.kumpulkan``), and an
    unreadable row for each argument that matched nothing."""
    from rkt_xl.berkas import kumpulkan

    berkas, tak_ada = kumpulkan(list(argumen))
    gagal = []
    for pesan in tak_ada:
        arg = next((a for a in argumen if pesan.startswith(f"{a}: ")), pesan)
        gagal.append(tidak_terbaca(arg, pesan))
    return [str(b) for b in berkas], gagal
