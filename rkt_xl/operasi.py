"""One command on one workbook, as a picklable result (for --jobs N batches).

Every failure becomes an Indonesian sentence here; the command line never shows a
traceback (set RKT_XL_DEBUG=1 to see one when reporting a bug).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rkt_xl.alur import Laporan, jalankan
from rkt_xl.galat import GalatBerkas, GalatRKT

# What each command writes: (hitung, lampiran, validasi sheet). Hitung writes the
# Validasi sheet too: it holds the history of what Hitung changed (the audit trail).
PERINTAH: dict[str, tuple[bool, bool, bool]] = {
    "validasi": (False, False, False),
    "hitung": (True, False, True),
    "lampiran": (False, True, False),
    "proses": (True, True, True),
}


@dataclass
class Hasil:
    berkas: str
    perintah: str
    laporan: Laporan | None = None
    galat: str | None = None  # the file could not be processed (exit code 2)


def proses_satu(berkas: str, perintah: str) -> Hasil:
    from rkt_xl.engine.file import EngineBerkas
    from rkt_xl.engine.file.simpan import kunci

    tulis_hitung, tulis_lampiran, tulis_validasi = PERINTAH[perintah]
    path = Path(berkas)
    try:
        if not (tulis_hitung or tulis_lampiran or tulis_validasi):
            return Hasil(berkas, perintah, jalankan(EngineBerkas(path)))
        with kunci(path):
            laporan = jalankan(EngineBerkas(path), tulis_hitung=tulis_hitung,
                               tulis_lampiran=tulis_lampiran, tulis_validasi=tulis_validasi,
                               oleh=f"rkt-xl {perintah}")
        return Hasil(berkas, perintah, laporan)
    except GalatRKT as e:
        return Hasil(berkas, perintah, galat=str(e))
    except MemoryError:
        return Hasil(berkas, perintah, galat=f"{berkas}: berkas terlalu besar untuk diproses")
    except Exception as e:
        if os.environ.get("RKT_XL_DEBUG"):
            raise
        return Hasil(berkas, perintah,
                     galat=f"{berkas}: kesalahan tak terduga ({type(e).__name__}: {e}); "
                           "berkas tidak diubah. Laporkan dengan RKT_XL_DEBUG=1.")


def buat_workbook(tujuan: Path, data: dict[str, Any] | None, timpa: bool = False,
                  interpreter_win: str | None = None) -> None:
    """A new workbook from the template (optionally filled), written atomically;
    ``interpreter_win``: the Python its buttons run (see templat/interpreter.py)."""
    from rkt_xl.engine.file.simpan import tulis_atomik
    from rkt_xl.templat import bangun

    if tujuan.exists() and not timpa:
        raise GalatBerkas(f"{tujuan}: berkas sudah ada; tidak ditimpa (pakai --timpa)")
    if tujuan.suffix.lower() not in (".xlsm",):
        raise GalatBerkas(f"{tujuan}: nama berkas harus berakhiran .xlsm (buku kerja makro)")
    if not tujuan.parent.exists():
        tujuan.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    bangun(buffer, data, interpreter_win)
    tulis_atomik(tujuan, buffer.getvalue())


def ekspor(berkas: Path) -> dict[str, Any]:
    from rkt_xl.engine.file import EngineBerkas
    from rkt_xl.pertukaran import ke_data

    return ke_data(EngineBerkas(berkas).baca_tabel())
