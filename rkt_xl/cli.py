"""The ``rkt-xl`` command line (DESIGN §6). Exit codes: 0 fine, 1 a galat exists,
2 usage or file errors. All text Indonesian; heavy imports inside commands so that
``rkt-xl --help`` starts fast."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from rkt_xl import __version__

app = typer.Typer(
    name="rkt-xl",
    help="rkt-xl — Rencana Kinerja Tahunan (RKT) di Excel: validasi, hitung, dan "
         "lampiran siap cetak, tanpa perlu membuka Excel.",
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)

BerkasArg = Annotated[list[str], typer.Argument(
    help="Berkas .xlsm/.xlsx, folder, atau pola (mis. 'folder/*.xlsm').", show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Keluaran JSON (untuk mesin) di stdout.")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=1, max=64,
                                      help="Jumlah proses paralel untuk banyak berkas.")]


def _versi(nilai: bool) -> None:
    if nilai:
        print(f"rkt-xl {__version__}")
        raise typer.Exit()


@app.callback()
def utama(versi: Annotated[Optional[bool], typer.Option(
        "--versi", "--version", callback=_versi, is_eager=True,
        help="Tampilkan versi lalu keluar.")] = None) -> None:
    """rkt-xl: RKT di Excel."""


def _konsol(stderr: bool = False) -> Any:
    from rich.console import Console

    kon = Console(stderr=stderr, highlight=False, soft_wrap=False)
    if not kon.is_terminal:
        # Piped into a log or a file: do not squeeze messages into 80 columns.
        kon = Console(stderr=stderr, highlight=False, soft_wrap=False, width=140)
    return kon


def _gagal_pakai(pesan: list[str]) -> None:
    kon = _konsol(stderr=True)
    for p in pesan:
        kon.print(f"[bold red]galat:[/] {p}", markup=True)
    raise typer.Exit(2)


def _jalankan_banyak(argumen: list[str], perintah: str, jobs: int, diam: bool) -> list[Any]:
    from rkt_xl.berkas import kumpulkan
    from rkt_xl.operasi import Hasil, proses_satu

    berkas, tak_ada = kumpulkan(argumen)
    if tak_ada and not berkas:
        _gagal_pakai(tak_ada)
    hasil: list[Hasil] = [Hasil(t.split(":")[0], perintah, galat=t) for t in tak_ada]
    tampil_progres = not diam and sys.stderr.isatty() and len(berkas) > 1
    if jobs > 1 and len(berkas) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(proses_satu, str(b), perintah) for b in berkas]
            hasil.extend(_tunggu(futures, tampil_progres))
    else:
        hasil.extend(_urut(berkas, perintah, tampil_progres))
    return hasil


def _urut(berkas: list[Path], perintah: str, progres: bool) -> list[Any]:
    from rkt_xl.operasi import proses_satu

    if not progres:
        return [proses_satu(str(b), perintah) for b in berkas]
    from rich.progress import Progress

    keluar = []
    with Progress(console=_konsol(stderr=True), transient=True) as p:
        tugas = p.add_task("Memproses", total=len(berkas))
        for b in berkas:
            keluar.append(proses_satu(str(b), perintah))
            p.advance(tugas)
    return keluar


def _tunggu(futures: list[Any], progres: bool) -> list[Any]:
    if not progres:
        return [f.result() for f in futures]
    from concurrent.futures import as_completed

    from rich.progress import Progress

    with Progress(console=_konsol(stderr=True), transient=True) as p:
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
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _cetak_temuan(kon: Any, temuan: list[Any], judul: str) -> None:
    from rich.table import Table

    if not temuan:
        kon.print(f"{judul}: tidak ada temuan.")
        return
    if not kon.is_terminal:
        # Into a log or a pipe: one plain line per finding (greppable, and rendering a
        # rich table of hundreds of rows costs more than processing the workbook).
        baris = [f"{judul}:"]
        for x in temuan:
            sel = f"{x.lembar}!{x.sel}" if x.sel else x.lembar
            baris.append(f"  {x.tingkat.value:<10} {x.aturan:<26} {sel:<16} {x.pesan}")
        sys.stdout.write("\n".join(baris) + "\n")
        return
    warna = {"galat": "bold red", "peringatan": "yellow", "info": "cyan"}
    t = Table(title=judul, title_justify="left", show_lines=False, expand=False)
    for kolom in ("Tingkat", "Aturan", "Sel", "Pesan"):
        t.add_column(kolom, overflow="fold")
    for x in temuan:
        sel = f"{x.lembar}!{x.sel}" if x.sel else x.lembar
        t.add_row(f"[{warna[x.tingkat.value]}]{x.tingkat.value}[/]", x.aturan, sel, x.pesan)
    kon.print(t)


def _cetak_ringkasan(kon: Any, hasil: list[Any]) -> None:
    from rich.table import Table

    t = Table(title="Ringkasan", title_justify="left")
    for kolom in ("Berkas", "Galat", "Peringatan", "Info", "Sel diubah", "Status"):
        t.add_column(kolom, justify="right" if kolom not in ("Berkas", "Status") else "left",
                     overflow="fold")
    for h in hasil:
        if h.galat:
            t.add_row(h.berkas, "-", "-", "-", "-", "[bold red]gagal[/] (lihat pesan)")
            continue
        lap = h.laporan
        j = lap.jumlah
        status = "[red]ada galat[/]" if lap.ada_galat else "[green]baik[/]"
        if lap.disimpan:
            status += ", disimpan"
        t.add_row(h.berkas, str(j[_tingkat("galat")]), str(j[_tingkat("peringatan")]),
                  str(j[_tingkat("info")]), str(len(lap.perubahan)), status)
    kon.print(t)


def _cetak_galat_berkas(hasil: list[Any]) -> None:
    kon = _konsol(stderr=True)
    for h in hasil:
        if h.galat:
            kon.print(f"[bold red]galat:[/] {h.galat}", markup=True)


def _laporkan(hasil: list[Any], json_: bool, rinci: bool) -> None:
    if json_:
        _cetak_json([_ringkasan_json(h) for h in hasil])
    else:
        _cetak_galat_berkas(hasil)
        kon = _konsol()
        if rinci:
            for h in hasil:
                if h.laporan is not None:
                    _cetak_temuan(kon, h.laporan.temuan, f"Temuan — {h.berkas}")
        _cetak_ringkasan(kon, hasil)
    raise typer.Exit(_kode_keluar(hasil))


@app.command()
def validasi(berkas: BerkasArg, json_: JsonOpt = False, jobs: JobsOpt = 1) -> None:
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
        raise typer.Exit(_kode_keluar(hasil))
    _laporkan(hasil, False, rinci=True)


@app.command()
def hitung(berkas: BerkasArg, json_: JsonOpt = False, jobs: JobsOpt = 1) -> None:
    """Hitung ulang Capaian (%), Kategori, dan Pagu Program, lalu simpan di tempat."""
    _laporkan(_jalankan_banyak(berkas, "hitung", jobs, json_), json_, rinci=False)


@app.command()
def lampiran(berkas: BerkasArg, json_: JsonOpt = False, jobs: JobsOpt = 1) -> None:
    """Buat ulang lembar Tabel 2.4, Tabel 2.5, Lampiran I, dan Lampiran II."""
    _laporkan(_jalankan_banyak(berkas, "lampiran", jobs, json_), json_, rinci=False)


@app.command()
def proses(berkas: BerkasArg, json_: JsonOpt = False, jobs: JobsOpt = 1) -> None:
    """Validasi + hitung + lampiran + lembar Validasi, di tempat (berkas disimpan aman)."""
    _laporkan(_jalankan_banyak(berkas, "proses", jobs, json_), json_, rinci=True)


@app.command()
def baru(
    berkas: Annotated[Path, typer.Argument(help="Berkas .xlsm yang akan dibuat.")],
    dari: Annotated[Optional[Path], typer.Option(
        "--dari", help="Isi dari berkas JSON (hasil rkt-xl ekspor).")] = None,
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa berkas yang sudah ada.")] = False,
) -> None:
    """Buat buku kerja RKT baru dari templat (kosong, atau diisi dari JSON)."""
    from rkt_xl.galat import GalatRKT
    from rkt_xl.operasi import buat_workbook
    from rkt_xl.pertukaran import baca_berkas

    try:
        data = baca_berkas(dari) if dari is not None else None
        buat_workbook(berkas, data, timpa=timpa)
    except GalatRKT as e:
        _gagal_pakai([str(e)])
    _konsol().print(f"Dibuat: {berkas}")


@app.command()
def ekspor(
    berkas: Annotated[Path, typer.Argument(help="Buku kerja RKT.")],
    ke: Annotated[Optional[Path], typer.Option(
        "--ke", help="Berkas JSON tujuan (tanpa ini: ke stdout).")] = None,
) -> None:
    """Ekspor seluruh isi RKT ke JSON (untuk e-SAKIP atau rkt-xl baru --dari)."""
    from rkt_xl.galat import GalatRKT
    from rkt_xl.operasi import ekspor as ekspor_data
    from rkt_xl.pertukaran import tulis_berkas

    try:
        data = ekspor_data(berkas)
        if ke is None:
            _cetak_json(data)
        else:
            tulis_berkas(data, ke)
            _konsol(stderr=True).print(f"Diekspor: {ke}")
    except GalatRKT as e:
        _gagal_pakai([str(e)])


@app.command()
def pdf(
    berkas: BerkasArg,
    ke: Annotated[Optional[Path], typer.Option(
        "--ke", help="Folder tujuan PDF (bawaan: di samping berkas).")] = None,
) -> None:
    """Cetak keempat lampiran ke satu PDF per berkas (lewat LibreOffice)."""
    from rkt_xl.berkas import kumpulkan
    from rkt_xl.galat import GalatRKT
    from rkt_xl.pdf import ke_pdf

    daftar, tak_ada = kumpulkan(berkas)
    if tak_ada:
        _gagal_pakai(tak_ada)
    kon = _konsol()
    kode = 0
    for b in daftar:
        try:
            kon.print(f"PDF: {ke_pdf(b, ke)}")
        except GalatRKT as e:
            _konsol(stderr=True).print(f"[bold red]galat:[/] {e}")
            kode = 2
    raise typer.Exit(kode)


@app.command()
def contoh(
    folder: Annotated[Path, typer.Argument(help="Folder tujuan.")] = Path("."),
    tanpa_proses: Annotated[bool, typer.Option(
        "--tanpa-proses", help="Hanya tulis buku kerja seperti diketik, tanpa diproses.")] = False,
    json_: JsonOpt = False,
) -> None:
    """Demo: buku kerja contoh RKT 2018 Kabupaten Sinjai, lalu diproses lengkap."""
    from rkt_xl.contoh import NAMA_BERKAS, data_contoh
    from rkt_xl.galat import GalatRKT
    from rkt_xl.operasi import buat_workbook, proses_satu

    tujuan = folder / NAMA_BERKAS
    try:
        folder.mkdir(parents=True, exist_ok=True)
        buat_workbook(tujuan, data_contoh(), timpa=True)
    except (GalatRKT, OSError) as e:
        _gagal_pakai([str(e)])
    kon = _konsol()
    if tanpa_proses:
        if json_:
            _cetak_json({"berkas": str(tujuan)})
        else:
            kon.print(f"Buku kerja contoh ditulis (belum diproses): {tujuan}")
        return
    h = proses_satu(str(tujuan), "proses")
    if h.galat:
        _gagal_pakai([h.galat])
    if json_:
        _cetak_json(_ringkasan_json(h))
        return
    lap = h.laporan
    assert lap is not None
    kon.print(f"[bold]Buku kerja contoh:[/] {tujuan}\n")
    _cetak_temuan(kon, lap.temuan_awal, "1. Validasi menemukan pada data yang diketik")
    kon.print()
    from rich.table import Table

    t = Table(title="2. Hitung mengubah", title_justify="left")
    for kolom in ("Sel", "Semula", "Menjadi"):
        t.add_column(kolom)
    for p in lap.perubahan:
        t.add_row(f"{p.lembar}!{p.sel}", p.lama, p.baru)
    kon.print(t if lap.perubahan else "2. Hitung: tidak ada yang berubah.")
    kon.print(f"\n3. Lembar dibuat ulang: {', '.join(lap.lembar_dibuat)}\n")
    _cetak_ringkasan(kon, [h])


def main() -> None:
    app()
