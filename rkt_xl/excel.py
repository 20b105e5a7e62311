"""Entry points of the Excel buttons and ribbon: ``RunPython "import rkt_xl.excel as m;
m.hitung()"``.

Each function attaches to the workbook that called it (``xw.Book.caller()``), runs
the same pipeline as the command line (:func:`rkt_xl.alur.jalankan`) through
:class:`rkt_xl.engine.xlwings.EngineXlwings`, writes one status line on the Beranda
sheet, and never lets a traceback reach the user: every failure becomes an Indonesian
message box (``app.alert``, which the remote engine turns into an ``alert`` action
for xlwings Server/Lite clients).

What each button writes (compare :data:`rkt_xl.operasi.PERINTAH`, the command line):

=============  ==========================  ===========================================
button         writes                      differs from the CLI because
=============  ==========================  ===========================================
Validasi       the Validasi sheet          ``rkt-xl validasi`` prints findings and
                                           changes nothing; a button has no terminal,
                                           so the sheet is its report (and is shown)
Hitung         computed columns,           the Validasi sheet would otherwise still
               Validasi sheet              list the capaian/pagu differences Hitung
                                           has just corrected
Buat Lampiran  the four appendix sheets    same as ``rkt-xl lampiran``
Proses         everything                  same as ``rkt-xl proses``
=============  ==========================  ===========================================

Nothing is saved: the changes are in the open workbook, and the user saves it (a
macro's changes cannot be undone with Ctrl+Z, so closing without saving is the way
back; the error message says so).
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
from contextlib import suppress
from typing import Any, NoReturn

from rkt_xl import jejak, skema
from rkt_xl.alur import Laporan, jalankan
from rkt_xl.galat import GalatRKT
from rkt_xl.operasi import PERINTAH

__all__ = [
    "JUDUL",
    "PERINTAH_EXCEL",
    "hitung",
    "jalankan_di",
    "lampiran",
    "pesan_galat",
    "proses",
    "validasi",
]


# What each button writes: (computed columns, appendix sheets, Validasi sheet), as the
# command of the same name, but for Validasi: a button has no terminal, so the
# Validasi sheet is its report.
PERINTAH_EXCEL: dict[str, tuple[bool, bool, bool]] = {**PERINTAH, "validasi": (False, False, True)}

JUDUL: dict[str, str] = {
    "validasi": "Validasi",
    "hitung": "Hitung",
    "lampiran": "Buat Lampiran",
    "proses": "Proses",
}

_DEBUG = "RKT_XL_DEBUG"


def validasi() -> None:
    """Tombol Validasi: periksa isian, tulis lembar Validasi, lalu tampilkan lembar itu."""
    _tombol("validasi")


def hitung() -> None:
    """Tombol Hitung: isi Capaian (%), Kategori, dan Pagu Program; perbarui lembar
    Validasi."""
    _tombol("hitung")


def lampiran() -> None:
    """Tombol Buat Lampiran: susun ulang Tabel 2.4, Tabel 2.5, Lampiran I dan II."""
    _tombol("lampiran")


def proses() -> None:
    """Tombol Proses: Validasi, Hitung, dan Buat Lampiran sekaligus."""
    _tombol("proses")


def _tombol(perintah: str) -> None:
    """A button: run, and end with a non-zero exit on any failure. xlwings' RunPython
    (``ExecuteWindows``) shows what was written to stderr only when the exit code is
    not 0: a failure that exits 0 is a click that silently does nothing."""
    try:
        import xlwings as xw

        book = xw.Book.caller()
    except Exception as e:
        if os.environ.get(_DEBUG):
            raise
        _gagal(f"{JUDUL.get(perintah, perintah)} tidak dapat dijalankan: buku kerja yang "
               "memanggil tidak ditemukan. Perintah ini dijalankan dari tombol di Excel "
               f"(RunPython), bukan langsung ({type(e).__name__}).")
    if jalankan_di(book, perintah) is None:
        sys.exit(1)  # the message is on stderr (or in the client's message box)


def _gagal(pesan: str) -> NoReturn:
    sys.stderr.write(f"rkt_xl: {pesan}\n")
    sys.stderr.flush()
    sys.exit(1)


def oleh(perintah: str) -> str:
    """How the history and the status line name a button (``tombol Hitung``)."""
    return f"tombol {JUDUL.get(perintah, perintah)}"


def pesan_galat(e: BaseException, perintah: str) -> str:
    """The Indonesian message box text for a failure (no traceback)."""
    judul = JUDUL.get(perintah, perintah)
    if isinstance(e, GalatRKT):
        return f"{judul} tidak dapat dijalankan: {e}"
    if isinstance(e, MemoryError):
        return f"{judul} gagal: buku kerja terlalu besar untuk diproses di komputer ini."
    kembali = ("Sebagian perubahan mungkin sudah tertulis. Perubahan oleh makro tidak "
               "dapat dibatalkan dengan Ctrl+Z: tutup buku kerja tanpa menyimpan untuk "
               "kembali ke isi terakhir yang disimpan.")
    if type(e).__name__ == "com_error":
        return (f"{judul} gagal: Excel menolak perubahan. Pastikan tidak ada sel yang "
                "sedang diedit, tidak ada kotak dialog yang terbuka, dan lembar tidak "
                f"dilindungi (Protect Sheet), lalu coba lagi. {kembali} (Rincian: {e})")
    return (f"{judul} gagal karena kesalahan tak terduga ({type(e).__name__}: {e}). "
            f"{kembali} Laporkan masalah ini dengan menyertakan pesan ini.")


def _peringatkan(book: Any, pesan: str, perintah: str, remote: bool) -> None:
    """Say why a button failed. Desktop Excel: on stderr, which RunPython shows in its
    own message box once the exit code is not 0 (a box of ours as well would show the
    same text twice). A remote client (xlwings Server) has no stderr: an alert."""
    if remote:
        try:
            book.app.alert(pesan, title=f"RKT — {JUDUL.get(perintah, perintah)}",
                           mode="critical")
            return
        except Exception:
            pass  # the message box itself failed: stderr is the last resort
    sys.stderr.write(f"rkt_xl: {pesan}\n")
    sys.stderr.flush()


def jalankan_di(book: Any, perintah: str, sekarang: _dt.datetime | None = None
                ) -> Laporan | None:
    """Run one button's command on an open ``xw.Book``; returns the report, or None
    after saying what failed (``_peringatkan``). Never raises (set RKT_XL_DEBUG=1 to
    get the exception when reporting a bug)."""
    from rkt_xl.engine.xlwings import EngineXlwings

    waktu = sekarang or jejak.sekarang()
    tulis_hitung, tulis_lampiran, tulis_validasi = PERINTAH_EXCEL[perintah]
    engine: EngineXlwings | None = None
    try:
        engine = EngineXlwings(book)
        with engine.sesi():
            laporan = jalankan(engine, tulis_hitung=tulis_hitung,
                               tulis_lampiran=tulis_lampiran, tulis_validasi=tulis_validasi,
                               oleh=oleh(perintah), waktu=waktu)
            if perintah == "validasi" or laporan.struktur_rusak:
                engine.aktifkan(skema.VALIDASI)
        return laporan
    except BaseException as e:
        if os.environ.get(_DEBUG) or isinstance(e, (KeyboardInterrupt, SystemExit)):
            raise
        from rkt_xl.engine.xlwings import adalah_remote

        _peringatkan(book, pesan_galat(e, perintah), perintah, adalah_remote(book))
        if engine is not None:
            # The message box already said what went wrong; the status is a bonus.
            with suppress(Exception):
                engine.tulis_teks(skema.BERANDA, skema.SEL_STATUS,
                                  f"Tombol {JUDUL.get(perintah, perintah)} gagal "
                                  f"{jejak.teks_waktu(waktu)} (lihat pesan).")
        return None
