"""Running a command on many workbooks, and reporting the results (text or JSON)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from rkt_xl.cli.layar import Bagian, Layar, Sel

if TYPE_CHECKING:  # imported when a command runs, not at start-up
    from concurrent.futures import Future

    from rkt_xl.alur import Laporan
    from rkt_xl.operasi import Hasil
    from rkt_xl.temuan import Temuan, Tingkat


def cetak_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def galat_json(pesan: str) -> dict[str, Any]:
    """An error that is about no particular workbook, as a JSON object."""
    return {"status": "gagal", "kode": 2, "pesan": pesan}


def gagal_pakai(pesan: list[str], json_: bool = False) -> NoReturn:
    """Usage or file errors: exit 2 (with ``--json``, an error object on stdout too)."""
    layar = Layar(stderr=True)
    for p in pesan:
        layar.galat(p)
    if json_:
        cetak_json(galat_json(" ".join(pesan)))
    sys.exit(2)


def jalankan_banyak(argumen: Sequence[str], perintah: str, jobs: int,
                    json_: bool) -> list[Hasil]:
    """``perintah`` on every workbook named by files, folders and globs; a name that
    matches nothing becomes a failed result (reported with the others)."""
    from rkt_xl.berkas import kumpulkan
    from rkt_xl.operasi import Hasil, proses_satu

    berkas, tak_ada = kumpulkan(list(argumen))
    if tak_ada and not berkas and not json_:
        gagal_pakai(tak_ada)
    hasil: list[Hasil] = [Hasil(t.split(":")[0], perintah, galat=t) for t in tak_ada]
    progres = None if json_ or len(berkas) < 2 else Layar(stderr=True)
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


def _urut(berkas: list[Path], perintah: str, progres: Layar | None) -> list[Hasil]:
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


def _tunggu(futures: list[Future[Hasil]], progres: Layar | None) -> list[Hasil]:
    if progres is None:
        return [f.result() for f in futures]
    from concurrent.futures import as_completed

    from rich.progress import Progress

    with Progress(console=progres.konsol, transient=True) as p:
        tugas = p.add_task("Memproses", total=len(futures))
        for _ in as_completed(futures):
            p.advance(tugas)
    return [f.result() for f in futures]


def kode_keluar(hasil: list[Hasil]) -> int:
    """2 when a file could not be processed, 1 when a galat exists, else 0."""
    if any(h.galat for h in hasil):
        return 2
    return 1 if any(h.laporan and h.laporan.ada_galat for h in hasil) else 0


def _tingkat(nama: str) -> Tingkat:
    from rkt_xl.temuan import Tingkat

    return Tingkat(nama)


def _laporan(h: Hasil) -> Laporan:
    """The report of a file that was processed (``h.galat`` is None)."""
    assert h.laporan is not None, h.galat
    return h.laporan


def ringkasan_json(h: Hasil) -> dict[str, Any]:
    d: dict[str, Any] = {"berkas": h.berkas, "perintah": h.perintah}
    if h.galat:
        d.update(status="gagal", pesan=h.galat)
        return d
    lap = _laporan(h)
    d.update(
        status="galat" if lap.ada_galat else "baik",
        galat=lap.jumlah[_tingkat("galat")], peringatan=lap.jumlah[_tingkat("peringatan")],
        info=lap.jumlah[_tingkat("info")], disimpan=lap.disimpan,
        perubahan=[vars(p) for p in lap.perubahan], lembar_dibuat=lap.lembar_dibuat,
        temuan=[dict(t.ke_dict(), berkas=h.berkas) for t in lap.temuan],
    )
    return d


def temuan_json(hasil: list[Hasil]) -> list[dict[str, Any]]:
    """``validasi --json``: one object per finding; a file that could not be read is
    one ``berkas`` finding."""
    keluar: list[dict[str, Any]] = []
    for h in hasil:
        if h.galat:
            keluar.append({"berkas": h.berkas, "tingkat": "galat", "aturan": "berkas",
                           "lembar": "", "sel": "", "pesan": h.galat, "saran": ""})
        else:
            keluar.extend(dict(t.ke_dict(), berkas=h.berkas) for t in _laporan(h).temuan)
    return keluar


_WARNA = {"galat": "bold red", "peringatan": "yellow", "info": "cyan"}


def cetak_temuan(layar: Layar, temuan: list[Temuan], judul: str) -> None:
    if not temuan:
        layar.tulis(f"{judul}: tidak ada temuan.")
        return
    # Plain (a log or a pipe): one greppable line per finding; rendering a table of
    # hundreds of rows costs more than processing the workbook.
    layar.tabel(judul, ("Tingkat", "Aturan", "Sel", "Pesan"),
                [((x.tingkat.value, _WARNA[x.tingkat.value]), x.aturan,
                  f"{x.lembar}!{x.sel}" if x.sel else x.lembar, x.pesan) for x in temuan],
                pola="  {0:<10} {1:<26} {2:<16} {3}")


def cetak_ringkasan(layar: Layar, hasil: list[Hasil]) -> None:
    baris: list[list[Sel]] = []
    for h in hasil:
        if h.galat:
            baris.append([h.berkas, "-", "-", "-", "-",
                          [("gagal", "bold red"), " (lihat pesan)"]])
            continue
        lap = _laporan(h)
        j = lap.jumlah
        status: list[Bagian] = [("ada galat", "red") if lap.ada_galat else ("baik", "green")]
        if lap.disimpan:
            status.append(", disimpan")
        baris.append([h.berkas, str(j[_tingkat("galat")]), str(j[_tingkat("peringatan")]),
                      str(j[_tingkat("info")]), str(len(lap.perubahan)), status])
    layar.tabel("Ringkasan", ("Berkas", "Galat", "Peringatan", "Info", "Sel diubah", "Status"),
                baris, kanan=(1, 2, 3, 4))


def cetak_galat_berkas(hasil: list[Hasil]) -> None:
    layar = Layar(stderr=True)
    for h in hasil:
        if h.galat:
            layar.galat(h.galat)


def laporkan(hasil: list[Hasil], json_: bool, rinci: bool) -> NoReturn:
    """The summary (with ``rinci``, every finding first) and the exit code."""
    if json_:
        cetak_json([ringkasan_json(h) for h in hasil])
        cetak_galat_berkas(hasil)
    else:
        cetak_galat_berkas(hasil)
        layar = Layar()
        if rinci:
            for h in hasil:
                if h.laporan is not None:
                    cetak_temuan(layar, h.laporan.temuan, f"Temuan — {h.berkas}")
        cetak_ringkasan(layar, hasil)
    sys.exit(kode_keluar(hasil))
