"""``rkt-xl rekap BERKAS... --ke REKAP.xlsx [--jobs N] [--json]`` (DESIGN §6b).

Kept out of ``cli.py`` (registered there with one ``add_command``). Importing this
module costs click only; XlsxWriter is imported while the workers read the workbooks.
The command writes plain rows (``tabel``): pandas, for the Python API, is never
imported by the command line.

Exit codes: 2 when no file could be read, or the summary could not be written (usage
and file errors, as every command); 1 when any file has a galat or could not be read;
0 otherwise.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from rkt_xl.cli.klik import KONTEKS, Perintah
from rkt_xl.cli.opsi import berkas_arg, jobs_opt, json_opt

if TYPE_CHECKING:
    from rkt_xl.rekapan.kumpul import HasilBerkas
    from rkt_xl.rekapan.tabel import Tabel

AKHIRAN = ".xlsx"


def _galat(pesan: str) -> None:
    sys.stderr.write(f"galat: {pesan}\n")


def _gagal(pesan: Sequence[str]) -> NoReturn:
    for p in pesan:
        _galat(p)
    sys.exit(2)


def _pesan_terkunci(tujuan: Path, kunci: Path) -> str:
    return (f"{tujuan}: berkas rekap sedang dibuka di Excel/LibreOffice ({kunci.name} ada); "
            "tidak ditimpa. Tutup berkasnya lalu ulangi, atau pakai nama lain di --ke. "
            f"Bila berkas itu sebenarnya tidak terbuka (Excel/LibreOffice tertutup paksa), "
            f"hapus berkas kunci {kunci} lalu ulangi.")


def periksa_tujuan(tujuan: Path) -> None:
    """Refuse (exit 2) an output that is not .xlsx or is open in a spreadsheet."""
    from rkt_xl.engine.file.simpan import berkas_kunci_excel

    if tujuan.suffix.lower() != AKHIRAN:
        _gagal([f"{tujuan}: nama berkas rekap harus berakhiran .xlsx (buku kerja tanpa makro)"])
    kunci = berkas_kunci_excel(tujuan)
    if kunci is not None:
        _gagal([_pesan_terkunci(tujuan, kunci)])
    if tujuan.is_dir():
        _gagal([f"{tujuan}: sebuah folder; --ke harus nama berkas .xlsx"])


def _sama(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _masukan(argumen: Sequence[str], tujuan: Path | None
             ) -> tuple[list[str], list[HasilBerkas]]:
    """Workbooks to read, and an unreadable row per argument that matched nothing. The
    summary itself is never an input: named explicitly it is refused (rekap would
    overwrite a workbook), found in a folder or glob (a previous run) it is skipped."""
    from rkt_xl.rekapan.kumpul import daftar_berkas

    if tujuan is not None:
        for arg in argumen:
            if Path(arg).is_file() and _sama(Path(arg), tujuan):
                _gagal([f"{arg}: berkas masukan tidak boleh sama dengan --ke; rekap tidak "
                        "menimpa buku kerja OPD. Pilih nama lain untuk berkas rekap."])
    berkas, gagal = daftar_berkas(argumen)
    if gagal and not berkas:
        _gagal([f"{h.berkas}: {h.tidak_terbaca}" for h in gagal])
    if tujuan is not None:
        berkas = [b for b in berkas if not _sama(Path(b), tujuan)]
    return berkas, gagal


def _siapkan_impor() -> None:
    """XlsxWriter and the writer's modules, imported while the workers read."""
    import xlsxwriter  # noqa: F401

    import rkt_xl.rekapan.buku  # noqa: F401


def _kumpulkan(berkas: list[str], jobs: int, diam: bool) -> list[HasilBerkas]:
    from rkt_xl.rekapan.kumpul import kumpulkan_hasil

    tty = not diam and len(berkas) > 1 and _tty(sys.stderr)
    if not tty:
        return kumpulkan_hasil(berkas, jobs, sambil=_siapkan_impor)
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as p:
        tugas = p.add_task("Membaca", total=len(berkas))
        maju: Callable[[], None] = lambda: p.advance(tugas)  # noqa: E731
        return kumpulkan_hasil(berkas, jobs, maju=maju, sambil=_siapkan_impor)


def _tty(aliran: Any) -> bool:
    try:
        return bool(aliran.isatty())
    except (AttributeError, ValueError):
        return False


def kode_keluar(hasil: Sequence[HasilBerkas]) -> int:
    if not hasil or all(h.tidak_terbaca is not None for h in hasil):
        return 2
    if any(h.tidak_terbaca is not None or h.galat for h in hasil):
        return 1
    return 0


def _ringkas(hasil: Sequence[HasilBerkas]) -> str:
    terbaca = [h for h in hasil if h.tidak_terbaca is None]
    galat = sum(1 for h in terbaca if h.galat)
    peringatan = sum(1 for h in terbaca if not h.galat and h.peringatan)
    baik = len(terbaca) - galat - peringatan
    return (f"Rekap {len(hasil)} berkas: {baik} baik, {peringatan} ada peringatan, "
            f"{galat} ada galat, {len(hasil) - len(terbaca)} tidak terbaca.")


@click.command(name="rekap", cls=Perintah, context_settings=KONTEKS)
@berkas_arg
@click.option("--ke", metavar="REKAP.xlsx",
              help="Berkas rekap .xlsx yang ditulis (ditimpa bila ada dan tidak sedang dibuka).")
@json_opt
@jobs_opt
def rekap(berkas: tuple[str, ...], ke: str | None, json_: bool, jobs: int) -> None:
    """Rekap untuk Bappeda: satu buku kerja ringkasan (.xlsx) dari banyak RKT OPD
    (berkas OPD tidak diubah).

    Setiap buku kerja RKT (berkas .xlsm/.xlsx, folder, atau pola) dibaca, capaian,
    kategori, dan pagunya dihitung ulang, lalu ditulis satu buku kerja ringkasan dengan
    lembar Ringkasan, Indikator, Program, dan Temuan. Kode keluar: 0 semua baik, 1 ada
    galat atau ada berkas yang tidak terbaca, 2 tidak ada berkas yang terbaca."""
    if ke is None and not json_:
        _gagal(["sebutkan berkas rekap dengan --ke REKAP.xlsx (atau --json untuk keluaran "
                "JSON)"])
    tujuan = Path(ke) if ke is not None else None
    if tujuan is not None:
        periksa_tujuan(tujuan)
    daftar, gagal = _masukan(berkas, tujuan)
    hasil = [*_kumpulkan(daftar, jobs, json_), *gagal]

    from rkt_xl.rekapan.tabel import ke_json, susun

    tabel = susun(hasil)
    for h in hasil:
        if h.tidak_terbaca is not None:
            _galat(f"{h.berkas}: {h.tidak_terbaca}")
    laporan = sys.stderr if json_ else sys.stdout
    if tujuan is not None:
        _tulis(tujuan, tabel)
    if json_:
        import json

        sys.stdout.write(json.dumps(ke_json(tabel), ensure_ascii=False, indent=2) + "\n")
    laporan.write(_ringkas(hasil) + "\n")
    if tujuan is not None:
        laporan.write(f"Rekap ditulis: {tujuan}\n")
    sys.exit(kode_keluar(hasil))


def _tulis(tujuan: Path, tabel: Tabel) -> None:
    from rkt_xl.engine.file.simpan import berkas_kunci_excel, tulis_atomik
    from rkt_xl.galat import GalatRKT
    from rkt_xl.rekapan.buku import tulis_buku

    isi = tulis_buku(tabel)
    kunci = berkas_kunci_excel(tujuan)  # opened meanwhile?
    if kunci is not None:
        _gagal([_pesan_terkunci(tujuan, kunci)])
    try:
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        tulis_atomik(tujuan, isi)
    except GalatRKT as e:
        _gagal([str(e)])
    except OSError as e:
        _gagal([f"{tujuan}: gagal menulis ({e.strerror or e})"])
