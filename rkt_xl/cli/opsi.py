"""Arguments and options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from rkt_xl.cli.klik import Argumen, Bilangan

JOBS_MAKS = 64


def berkas_arg(f: Any) -> Any:
    """``BERKAS...``: files, folders or glob patterns (at least one)."""
    return click.argument("berkas", cls=Argumen, nargs=-1, required=True,
                          keterangan="Berkas .xlsm/.xlsx, folder, atau pola "
                                     "(mis. 'folder/*.xlsm').")(f)


def json_opt(f: Any) -> Any:
    return click.option("--json", "json_", is_flag=True,
                        help="Keluaran JSON (untuk mesin) di stdout.")(f)


def jobs_opt(f: Any) -> Any:
    return click.option("--jobs", "-j", type=Bilangan(1, JOBS_MAKS), default=1,
                        show_default=True, metavar="N",
                        help=f"Jumlah proses paralel untuk banyak berkas (1 sampai "
                             f"{JOBS_MAKS}).")(f)


def timpa_opt(keterangan: str) -> Callable[[Any], Any]:
    return click.option("--timpa", is_flag=True, help=keterangan)
