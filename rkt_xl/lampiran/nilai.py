"""Values as the appendices print them: identitas text, dates, targets, numbers.

Every number that becomes text here has two decimals when it is not whole, rounded
half up (DESIGN §4), so a column never mixes ``1,1`` and ``1,08``.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal

from rkt_xl import angka, skema
from rkt_xl.lampiran.layout import NilaiLayout
from rkt_xl.model import RKT, Bacaan, Sel

# What an empty identitas value prints as: dotted blanks a person fills in by hand,
# the way printed Indonesian forms leave a space (never "None" or an empty comma).
ISIAN = "……………………"
# A date typed without its day (or day and month): the space left for them.
ISIAN_TANGGAL = "…………"

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")
_TAHUN_SAJA = re.compile(r"\s*(\d{4})\s*")
_BULAN_TAHUN = re.compile(r"\s*([A-Za-z]+)\s+(\d{4})\s*")


def identitas(rkt: RKT, kunci: str) -> str:
    """An identitas value as printable text ("" when missing)."""
    sel = rkt.identitas.get(kunci)
    if sel is None:
        return ""
    if kunci == skema.TANGGAL:
        return tanggal(sel)
    return sel.teks


def tanggal(sel: Sel) -> str:
    """A date the Indonesian way (``28 Desember 2017``); a year alone (or month and
    year) gets dotted space for what is missing (``………… 2017``); other text stays
    as typed."""
    v = sel.mentah
    if isinstance(v, (_dt.datetime, _dt.date)):
        return f"{v.day} {BULAN[v.month - 1]} {v.year}"
    teks = sel.teks
    if _TAHUN_SAJA.fullmatch(teks):
        return f"{ISIAN_TANGGAL} {teks.strip()}"
    m = _BULAN_TAHUN.fullmatch(teks)
    if m and m.group(1).capitalize() in BULAN:
        return f"{ISIAN_TANGGAL} {m.group(1).capitalize()} {m.group(2)}"
    return teks


def atau_isian(teks: str) -> str:
    return teks if teks.strip() else ISIAN


def tahun_teks(tahun: int | None) -> str:
    return str(tahun) if tahun is not None else ISIAN


def tahun_akhir_renstra(rkt: RKT) -> int | None:
    """The end year of ``Periode Renstra`` (``2013-2018`` → 2018)."""
    angka_tahun = [int(t) for t in re.findall(r"(?<!\d)\d{4}(?!\d)",
                                              identitas(rkt, skema.PERIODE_RENSTRA))]
    return angka_tahun[-1] if angka_tahun else None


def teks_angka(nilai: Decimal | int) -> str:
    """``1234567`` → ``1.234.567``; ``1.1`` → ``1,10`` (two decimals unless whole)."""
    d = Decimal(nilai)
    return angka.format_angka(d) if d == d.to_integral_value() else angka.format_angka(d, 2)


def teks_target(bacaan: Bacaan, mentah: Sel | None, satuan: str) -> str:
    """A target as printed in the RKT tables: ``84,03 %``, ``43 kop``, text as typed.

    Numbers are re-written the Indonesian way (the source may say ``1.08``); a target
    that is not a usable number is shown exactly as typed so nothing is hidden.
    """
    satuan = satuan.strip() or (bacaan.satuan or "")
    if bacaan.terpakai and bacaan.nilai is not None:
        return f"{teks_angka(bacaan.nilai)} {satuan}".strip()
    ketik = mentah.teks if mentah is not None else ""
    if not ketik:
        return ""
    if satuan and not ketik.lower().endswith(satuan.lower()):
        return f"{ketik} {satuan}"
    return ketik


def nilai_angka(bacaan: Bacaan, mentah: Sel | None) -> tuple[NilaiLayout, bool]:
    """A number cell's value for a table: (Decimal, True) when usable, else the text typed."""
    if bacaan.terpakai and bacaan.nilai is not None:
        return bacaan.nilai, True
    teks = mentah.teks if mentah is not None else ""
    return (teks or None), False


def gaya_angka(nilai: Decimal) -> str:
    # "#,##0.00" would print a whole number as "43,00", so whole numbers get their own
    # style ("#,##0").
    return "angka-bulat" if nilai == nilai.to_integral_value() else "angka"
