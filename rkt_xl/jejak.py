"""The audit trail in the workbook: what Hitung changed, and the Beranda status line.

A Kepala Dinas signs what the appendices say; when Hitung corrected a typed value
(173.136.000 → 118.136.000), the workbook itself keeps that trace (DESIGN §4b). The
history lives on the Validasi sheet, newest first; a run that changes nothing adds
nothing, so a second run writes the same bytes. The status line on Beranda says when
the workbook was last processed, by whom (a command or a button) and what remains.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass

from rkt_xl.temuan import Temuan, hitung_tingkat

BATAS_CATATAN = 2000
"""The history keeps this many most recent changes."""

_WAKTU = re.compile(r"\d{2}-\d{2}-\d{4} \d{2}:\d{2}")


@dataclass(frozen=True)
class Catatan:
    """One change Hitung made, every field as displayed."""

    waktu: str  # "29-11-2026 10:12"
    oleh: str  # "rkt-xl proses", "tombol Hitung"
    lembar: str
    sel: str  # "H3", or a range for a grown table
    kolom: str  # the column header, or what changed ("Rentang tabel tblKegiatan")
    semula: str
    menjadi: str


def sekarang() -> _dt.datetime:
    """The time a run records: now, or ``SOURCE_DATE_EPOCH`` (seconds, UTC) when set —
    the reproducible-builds convention, so two runs can give the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).replace(tzinfo=None)
    return _dt.datetime.now()


def teks_waktu(waktu: _dt.datetime) -> str:
    return f"{waktu:%d-%m-%Y %H:%M}"


def gabung(baru: list[Catatan], lama: list[Catatan]) -> list[Catatan]:
    """This run's changes before the earlier ones, at most ``BATAS_CATATAN``."""
    return [*baru, *lama][:BATAS_CATATAN]


def teks_status(oleh: str, waktu: _dt.datetime, temuan: list[Temuan]) -> str:
    """``Terakhir diproses 29-11-2026 10:12 oleh rkt-xl proses: 0 galat, 2 peringatan,
    1 info (rincian di lembar Validasi).``"""
    n = hitung_tingkat(temuan)
    jumlah = ", ".join(f"{n[t]} {t.value}" for t in n)
    return (f"Terakhir diproses {teks_waktu(waktu)} oleh {oleh}: {jumlah} (rincian di lembar "
            "Validasi).")


def status_sama(lama: str | None, baru: str) -> bool:
    """The same status but for its time: rewriting it would only move the clock."""
    return lama is not None and _WAKTU.sub("", lama) == _WAKTU.sub("", baru)
