"""The ``rkt-xl`` group, its commands, and the two ways in (``main``, ``keluar``).

A new command: import it and add one ``app.add_command(...)`` line below (the help
lists commands in the order they are added)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import NoReturn

import click

from rkt_xl import __version__
from rkt_xl.cli.klik import KONTEKS, Grup, jalankan
from rkt_xl.cli.perintah import baru, contoh, ekspor, hitung, lampiran, pdf, proses, validasi
from rkt_xl.rekapan.perintah import rekap


def _versi(ctx: click.Context, _param: click.Parameter, nilai: bool) -> None:
    if nilai and not ctx.resilient_parsing:
        click.echo(f"rkt-xl {__version__}")
        ctx.exit()


@click.group(
    name="rkt-xl", cls=Grup, context_settings=KONTEKS,
    help="rkt-xl — Rencana Kinerja Tahunan (RKT) di Excel: validasi, hitung, dan "
         "lampiran siap cetak, tanpa perlu membuka Excel.",
)
@click.option("--versi", "--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_versi, help="Tampilkan versi lalu keluar.")
def app() -> None:
    """rkt-xl: RKT di Excel."""


app.add_command(validasi)
app.add_command(hitung)
app.add_command(lampiran)
app.add_command(proses)
app.add_command(baru)
app.add_command(ekspor)
app.add_command(pdf)
app.add_command(contoh)
app.add_command(rekap)


def main(args: Sequence[str] | None = None) -> NoReturn:
    """The command line, in-process: exits via SystemExit (tests call it this way)."""
    jalankan(app, args)


def keluar() -> NoReturn:
    """The console script ``rkt-xl`` and ``python -m rkt_xl``: ``main()``, then leave
    at once with its exit code.

    Tearing the interpreter down frees every object of the run one by one: ~25 ms, a
    fifth of a small workbook's whole run and the same again for every ``--jobs``
    batch. Nothing is left to clean up by then (files closed, workers joined), so only
    the output is flushed. An unexpected exception still ends the normal way, with its
    traceback."""
    # A run allocates a few hundred thousand small objects (cells, rows, layout cells)
    # and frees almost none until it ends, so the cyclic collector would only rescan
    # them, again and again (~10 % of proses on 5.000 kegiatan). This process is the
    # command's own (and so are its --jobs workers, forked from it): collections are
    # made rare here, never by the library, which also runs inside Excel's Python.
    import gc

    gc.set_threshold(100_000, 50, 50)
    try:
        main()
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
