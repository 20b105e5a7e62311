"""The ``rkt-xl`` command line (DESIGN §6). Exit codes: 0 fine, 1 a galat exists,
2 usage or file errors. All text Indonesian.

Start-up is part of every run (and of every worker of ``--jobs``), so it is kept small:
plain click, heavy imports inside the commands, and rich only for a terminal — when the
output goes to a file or a pipe it is plain text and rich is never imported."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn, Union

import click

from rkt_xl import __version__

# ---------------------------------------------------------------------------------------
# Output: the one place that chooses between rich (a terminal) and plain text.

Bagian = Union[str, tuple[str, str]]
"""A piece of text, optionally with a rich style: ``"teks"`` or ``("teks", "bold red")``."""
Sel = Union[Bagian, list[Bagian]]
"""A table cell or a line: one piece, or several pieces joined."""


def _bagian(isi: Sel) -> list[Bagian]:
    return isi if isinstance(isi, list) else [isi]


def _polos(isi: Sel) -> str:
    return "".join(b if isinstance(b, str) else b[0] for b in _bagian(isi))


class _Layar:
    """stdout (or stderr): rich tables and colours on a terminal; otherwise plain lines,
    and rich is not imported at all (it costs more start-up than the command's own work
    on a small workbook)."""

    def __init__(self, stderr: bool = False) -> None:
        self.stderr = stderr
        self.aliran = sys.stderr if stderr else sys.stdout
        try:
            self.tty = bool(self.aliran.isatty())
        except (AttributeError, ValueError):  # closed or replaced stream
            self.tty = False
        self._konsol: Any = None

    @property
    def konsol(self) -> Any:
        """The rich Console (a terminal only)."""
        if self._konsol is None:
            from rich.console import Console

            self._konsol = Console(stderr=self.stderr, highlight=False, soft_wrap=False)
        return self._konsol

    def _rich(self, isi: Sel) -> Any:
        from rich.text import Text

        return Text.assemble(*_bagian(isi))

    def tulis(self, isi: Sel = "") -> None:
        if self.tty:
            self.konsol.print(self._rich(isi))
        else:
            self.aliran.write(_polos(isi) + "\n")

    def galat(self, pesan: str) -> None:
        self.tulis([("galat:", "bold red"), f" {pesan}"])

    def tabel(self, judul: str, kolom: Sequence[str], baris: Iterable[Sequence[Sel]],
              kanan: Iterable[int] = (), pola: str | None = None) -> None:
        """A titled table. Plain: the title, then the header and the rows padded into
        columns (``kanan``: right-aligned column indexes); or, with ``pola``, the title
        with a colon and one ``pola.format(*cells)`` line per row (no header)."""
        kanan = set(kanan)
        if self.tty:
            from rich.table import Table

            t = Table(title=judul, title_justify="left")
            for i, k in enumerate(kolom):
                t.add_column(k, justify="right" if i in kanan else "left", overflow="fold")
            for b in baris:
                t.add_row(*(self._rich(s) for s in b))
            self.konsol.print(t)
            return
        teks = [[_polos(s) for s in b] for b in baris]
        if pola is not None:
            keluar = [f"{judul}:", *(pola.format(*b) for b in teks)]
        else:
            lebar = [max(len(x) for x in kol) for kol in zip(kolom, *teks, strict=True)]

            def susun(b: Sequence[str]) -> str:
                return "  ".join(x.rjust(w) if i in kanan else x.ljust(w)
                                 for i, (x, w) in enumerate(zip(b, lebar, strict=True))).rstrip()

            keluar = [judul, susun(kolom), *(susun(b) for b in teks)]
        self.aliran.write("\n".join(keluar) + "\n")


# ---------------------------------------------------------------------------------------
# click: an ordered command list, documented arguments, help when run without arguments.

class _Argumen(click.Argument):
    """A positional argument with a help text (click < 8.5 has none)."""

    def __init__(self, param_decls: Sequence[str], keterangan: str = "",
                 **attrs: Any) -> None:
        super().__init__(param_decls, **attrs)
        self.keterangan = keterangan

    def baris_bantuan(self) -> tuple[str, str]:
        nama = self.metavar or (self.name or "").upper()
        if not self.required:
            nama = f"[{nama}]"
        if self.nargs != 1:
            nama += "..."
        tambahan = " [required]" if self.required else ""
        return nama, self.keterangan + tambahan


class _Perintah(click.Command):
    def get_short_help_str(self, limit: int = 45) -> str:
        # The whole sentence in the command list, not click's first-45-characters cut.
        return " ".join((self.help or "").split())

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        argumen = [p.baris_bantuan() for p in self.params if isinstance(p, _Argumen)]
        if argumen:
            with formatter.section("Arguments"):
                formatter.write_dl(argumen)
        super().format_options(ctx, formatter)


class _Grup(click.Group):
    command_class = _Perintah

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # in the order they are defined below

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and not ctx.resilient_parsing:
            click.echo(ctx.get_help())
            ctx.exit(2)
        return super().parse_args(ctx, args)


def _versi(ctx: click.Context, _param: click.Parameter, nilai: bool) -> None:
    if nilai and not ctx.resilient_parsing:
        click.echo(f"rkt-xl {__version__}")
        ctx.exit()


@click.group(
    name="rkt-xl", cls=_Grup,
    help="rkt-xl — Rencana Kinerja Tahunan (RKT) di Excel: validasi, hitung, dan "
         "lampiran siap cetak, tanpa perlu membuka Excel.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option("--versi", "--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_versi, help="Tampilkan versi lalu keluar.")
def app() -> None:
    """rkt-xl: RKT di Excel."""


def _berkas_arg(f: Any) -> Any:
    return click.argument("berkas", cls=_Argumen, nargs=-1, required=True,
                          keterangan="Berkas .xlsm/.xlsx, folder, atau pola "
                                     "(mis. 'folder/*.xlsm').")(f)


def _json_opt(f: Any) -> Any:
    return click.option("--json", "json_", is_flag=True,
                        help="Keluaran JSON (untuk mesin) di stdout.")(f)


def _jobs_opt(f: Any) -> Any:
    return click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1,
                        show_default=True,
                        help="Jumlah proses paralel untuk banyak berkas.")(f)


# ---------------------------------------------------------------------------------------
# Running and reporting.

def _gagal_pakai(pesan: list[str]) -> NoReturn:
    layar = _Layar(stderr=True)
    for p in pesan:
        layar.galat(p)
    sys.exit(2)


def _jalankan_banyak(argumen: Sequence[str], perintah: str, jobs: int,
                     diam: bool) -> list[Any]:
    from rkt_xl.berkas import kumpulkan
    from rkt_xl.operasi import Hasil, proses_satu

    berkas, tak_ada = kumpulkan(list(argumen))
    if tak_ada and not berkas:
        _gagal_pakai(tak_ada)
    hasil: list[Hasil] = [Hasil(t.split(":")[0], perintah, galat=t) for t in tak_ada]
    progres = None if diam or len(berkas) < 2 else _Layar(stderr=True)
    if progres is not None and not progres.tty:
        progres = None
    if jobs > 1 and len(berkas) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(proses_satu, str(b), perintah) for b in berkas]
            hasil.extend(_tunggu(futures, progres))
    else:
        hasil.extend(_urut(berkas, perintah, progres))
    return hasil


def _urut(berkas: list[Path], perintah: str, progres: _Layar | None) -> list[Any]:
    from rkt_xl.operasi import proses_satu

    if progres is None:
        return [proses_satu(str(b), perintah) for b in berkas]
    from rich.progress import Progress

    keluar = []
    with Progress(console=progres.konsol, transient=True) as p:
        tugas = p.add_task("Memproses", total=len(berkas))
        for b in berkas:
            keluar.append(proses_satu(str(b), perintah))
            p.advance(tugas)
    return keluar


def _tunggu(futures: list[Any], progres: _Layar | None) -> list[Any]:
    if progres is None:
        return [f.result() for f in futures]
    from concurrent.futures import as_completed

    from rich.progress import Progress

    with Progress(console=progres.konsol, transient=True) as p:
        tugas = p.add_task("Memproses", total=len(futures))
        for _ in as_completed(futures):
            p.advance(tugas)
    return [f.result() for f in futures]


def _kode_keluar(hasil: list[Any]) -> int:
    if any(h.galat for h in hasil):
        return 2
    return 1 if any(h.laporan and h.laporan.ada_galat for h in hasil) else 0


def _ringkasan_json(h: Any) -> dict[str, Any]:
    d: dict[str, Any] = {"berkas": h.berkas, "perintah": h.perintah}
    if h.galat:
        d.update(status="gagal", pesan=h.galat)
        return d
    lap = h.laporan
    d.update(
        status="galat" if lap.ada_galat else "baik",
        galat=lap.jumlah[_tingkat("galat")], peringatan=lap.jumlah[_tingkat("peringatan")],
        info=lap.jumlah[_tingkat("info")], disimpan=lap.disimpan,
        perubahan=[vars(p) for p in lap.perubahan], lembar_dibuat=lap.lembar_dibuat,
        temuan=[dict(t.ke_dict(), berkas=h.berkas) for t in lap.temuan],
    )
    return d


def _tingkat(nama: str) -> Any:
    from rkt_xl.temuan import Tingkat

    return Tingkat(nama)


def _cetak_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


_WARNA = {"galat": "bold red", "peringatan": "yellow", "info": "cyan"}


def _cetak_temuan(layar: _Layar, temuan: list[Any], judul: str) -> None:
    if not temuan:
        layar.tulis(f"{judul}: tidak ada temuan.")
        return
    # Plain (a log or a pipe): one greppable line per finding; rendering a table of
    # hundreds of rows costs more than processing the workbook.
    layar.tabel(judul, ("Tingkat", "Aturan", "Sel", "Pesan"),
                [((x.tingkat.value, _WARNA[x.tingkat.value]), x.aturan,
                  f"{x.lembar}!{x.sel}" if x.sel else x.lembar, x.pesan) for x in temuan],
                pola="  {0:<10} {1:<26} {2:<16} {3}")


def _cetak_ringkasan(layar: _Layar, hasil: list[Any]) -> None:
    baris: list[list[Sel]] = []
    for h in hasil:
        if h.galat:
            baris.append([h.berkas, "-", "-", "-", "-",
                          [("gagal", "bold red"), " (lihat pesan)"]])
            continue
        lap = h.laporan
        j = lap.jumlah
        status: list[Bagian] = [("ada galat", "red") if lap.ada_galat else ("baik", "green")]
        if lap.disimpan:
            status.append(", disimpan")
        baris.append([h.berkas, str(j[_tingkat("galat")]), str(j[_tingkat("peringatan")]),
                      str(j[_tingkat("info")]), str(len(lap.perubahan)), status])
    layar.tabel("Ringkasan", ("Berkas", "Galat", "Peringatan", "Info", "Sel diubah", "Status"),
                baris, kanan=(1, 2, 3, 4))


def _cetak_galat_berkas(hasil: list[Any]) -> None:
    layar = _Layar(stderr=True)
    for h in hasil:
        if h.galat:
            layar.galat(h.galat)


def _laporkan(hasil: list[Any], json_: bool, rinci: bool) -> NoReturn:
    if json_:
        _cetak_json([_ringkasan_json(h) for h in hasil])
    else:
        _cetak_galat_berkas(hasil)
        layar = _Layar()
        if rinci:
            for h in hasil:
                if h.laporan is not None:
                    _cetak_temuan(layar, h.laporan.temuan, f"Temuan — {h.berkas}")
        _cetak_ringkasan(layar, hasil)
    sys.exit(_kode_keluar(hasil))


# ---------------------------------------------------------------------------------------
# The commands.

@app.command()
@_berkas_arg
@_json_opt
@_jobs_opt
def validasi(berkas: tuple[str, ...], json_: bool, jobs: int) -> None:
    """Periksa berkas dan laporkan setiap temuan beserta selnya (berkas tidak diubah)."""
    hasil = _jalankan_banyak(berkas, "validasi", jobs, json_)
    if json_:
        keluar: list[dict[str, Any]] = []
        for h in hasil:
            if h.galat:
                keluar.append({"berkas": h.berkas, "tingkat": "galat", "aturan": "berkas",
                               "lembar": "", "sel": "", "pesan": h.galat, "saran": ""})
            else:
                keluar.extend(dict(t.ke_dict(), berkas=h.berkas) for t in h.laporan.temuan)
        _cetak_json(keluar)
        _cetak_galat_berkas(hasil)
        sys.exit(_kode_keluar(hasil))
    _laporkan(hasil, False, rinci=True)


@app.command()
@_berkas_arg
@_json_opt
@_jobs_opt
def hitung(berkas: tuple[str, ...], json_: bool, jobs: int) -> None:
    """Hitung ulang Capaian (%), Kategori, dan Pagu Program, lalu simpan di tempat."""
    _laporkan(_jalankan_banyak(berkas, "hitung", jobs, json_), json_, rinci=False)


@app.command()
@_berkas_arg
@_json_opt
@_jobs_opt
def lampiran(berkas: tuple[str, ...], json_: bool, jobs: int) -> None:
    """Buat ulang lembar Tabel 2.4, Tabel 2.5, Lampiran I, dan Lampiran II."""
    _laporkan(_jalankan_banyak(berkas, "lampiran", jobs, json_), json_, rinci=False)


@app.command()
@_berkas_arg
@_json_opt
@_jobs_opt
def proses(berkas: tuple[str, ...], json_: bool, jobs: int) -> None:
    """Validasi + hitung + lampiran + lembar Validasi, di tempat (berkas disimpan aman)."""
    _laporkan(_jalankan_banyak(berkas, "proses", jobs, json_), json_, rinci=True)


@app.command()
@click.argument("berkas", cls=_Argumen, keterangan="Berkas .xlsm yang akan dibuat.")
@click.option("--dari", metavar="PATH", help="Isi dari berkas JSON (hasil rkt-xl ekspor).")
@click.option("--timpa", is_flag=True, help="Timpa berkas yang sudah ada.")
def baru(berkas: str, dari: str | None, timpa: bool) -> None:
    """Buat buku kerja RKT baru dari templat (kosong, atau diisi dari JSON)."""
    from rkt_xl.galat import GalatRKT
    from rkt_xl.operasi import buat_workbook
    from rkt_xl.pertukaran import baca_berkas

    try:
        data = baca_berkas(Path(dari)) if dari is not None else None
        buat_workbook(Path(berkas), data, timpa=timpa)
    except GalatRKT as e:
        _gagal_pakai([str(e)])
    _Layar().tulis(f"Dibuat: {Path(berkas)}")


@app.command()
@click.argument("berkas", cls=_Argumen, keterangan="Buku kerja RKT.")
@click.option("--ke", metavar="PATH", help="Berkas JSON tujuan (tanpa ini: ke stdout).")
def ekspor(berkas: str, ke: str | None) -> None:
    """Ekspor seluruh isi RKT ke JSON (untuk e-SAKIP atau rkt-xl baru --dari)."""
    from rkt_xl.galat import GalatRKT
    from rkt_xl.operasi import ekspor as ekspor_data
    from rkt_xl.pertukaran import tulis_berkas

    try:
        data = ekspor_data(Path(berkas))
        if ke is None:
            _cetak_json(data)
        else:
            tulis_berkas(data, Path(ke))
            _Layar(stderr=True).tulis(f"Diekspor: {Path(ke)}")
    except GalatRKT as e:
        _gagal_pakai([str(e)])


@app.command()
@_berkas_arg
@click.option("--ke", metavar="DIR", help="Folder tujuan PDF (bawaan: di samping berkas).")
def pdf(berkas: tuple[str, ...], ke: str | None) -> None:
    """Cetak keempat lampiran ke satu PDF per berkas (lewat LibreOffice)."""
    from rkt_xl.berkas import kumpulkan
    from rkt_xl.galat import GalatRKT
    from rkt_xl.pdf import ke_pdf

    daftar, tak_ada = kumpulkan(list(berkas))
    if tak_ada:
        _gagal_pakai(tak_ada)
    layar = _Layar()
    kode = 0
    for b in daftar:
        try:
            layar.tulis(f"PDF: {ke_pdf(b, Path(ke) if ke is not None else None)}")
        except GalatRKT as e:
            _Layar(stderr=True).galat(str(e))
            kode = 2
    sys.exit(kode)


@app.command()
@click.argument("folder", cls=_Argumen, default=".", required=False,
                keterangan="Folder tujuan. [default: .]")
@click.option("--tanpa-proses", is_flag=True,
              help="Hanya tulis buku kerja seperti diketik, tanpa diproses.")
@_json_opt
def contoh(folder: str, tanpa_proses: bool, json_: bool) -> None:
    """Demo: buku kerja contoh RKT 2018 Kabupaten Sinjai, lalu diproses lengkap."""
    from rkt_xl.contoh import NAMA_BERKAS, data_contoh
    from rkt_xl.galat import GalatRKT
    from rkt_xl.operasi import buat_workbook, proses_satu

    tujuan = Path(folder) / NAMA_BERKAS
    try:
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        buat_workbook(tujuan, data_contoh(), timpa=True)
    except (GalatRKT, OSError) as e:
        _gagal_pakai([str(e)])
    layar = _Layar()
    if tanpa_proses:
        if json_:
            _cetak_json({"berkas": str(tujuan)})
        else:
            layar.tulis(f"Buku kerja contoh ditulis (belum diproses): {tujuan}")
        return
    h = proses_satu(str(tujuan), "proses")
    if h.galat:
        _gagal_pakai([h.galat])
    if json_:
        _cetak_json(_ringkasan_json(h))
        return
    lap = h.laporan
    assert lap is not None
    layar.tulis([("Buku kerja contoh:", "bold"), f" {tujuan}\n"])
    _cetak_temuan(layar, lap.temuan_awal, "1. Validasi menemukan pada data yang diketik")
    layar.tulis()
    if lap.perubahan:
        layar.tabel("2. Hitung mengubah", ("Sel", "Semula", "Menjadi"),
                    [(f"{p.lembar}!{p.sel}", p.lama, p.baru) for p in lap.perubahan])
    else:
        layar.tulis("2. Hitung: tidak ada yang berubah.")
    layar.tulis(f"\n3. Lembar dibuat ulang: {', '.join(lap.lembar_dibuat)}\n")
    _cetak_ringkasan(layar, [h])


# rkt-xl rekap lives in its own module (issue 14); it imports nothing heavy at start-up.
from rkt_xl.rekapan.perintah import rekap as _rekap  # noqa: E402

app.add_command(_rekap)


def main() -> None:
    """The command line, in-process: exits via SystemExit (tests call it this way)."""
    app.main()


def keluar() -> NoReturn:
    """The console script ``rkt-xl`` and ``python -m rkt_xl``: ``main()``, then leave
    at once with its exit code.

    Tearing the interpreter down frees every object of the run one by one: ~25 ms, a
    fifth of a small workbook's whole run and the same again for every ``--jobs``
    batch. Nothing is left to clean up by then (files closed, workers joined, the
    background child reaped), so only the output is flushed. An unexpected exception
    still ends the normal way, with its traceback."""
    try:
        main()
        kode = 0
    except SystemExit as e:
        if e.code is None or isinstance(e.code, int):
            kode = e.code or 0
        else:
            print(e.code, file=sys.stderr)
            kode = 1
    import contextlib
    import os

    for aliran in (sys.stdout, sys.stderr):
        # a closed pipe (rkt-xl … | head) has nothing left to save
        with contextlib.suppress(OSError, ValueError):
            aliran.flush()
    os._exit(kode)
