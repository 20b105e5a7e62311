"""The port every engine implements (like pandas' io/excel ``_base``).

The pipeline (``rkt_xl.alur``) only talks to this interface, so the command line
(file engine) and the Excel buttons (xlwings engine) run exactly the same core.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from decimal import Decimal

from rkt_xl.lampiran.layout import Layout
from rkt_xl.model import BagianRusak, NilaiMentah, Tabel

NilaiTulis = None | str | int | float | Decimal


# Beyond 2^53 a double no longer holds every whole number: a capaian of 1e200 computed
# exactly is stored as the nearest double, and must compare equal to it. An int is a
# Rupiah, never rounded (the engines keep its digits), so it still compares exactly.
_BULAT_PASTI = Decimal(2**53)


def sama_tersimpan(lama: NilaiMentah, baru: NilaiTulis) -> bool:
    """Would writing ``baru`` leave a cell holding ``lama`` as it is (so it is not
    written at all)? Text exactly, empty as empty, whole numbers exactly; other numbers
    as doubles, a few units in the last place apart counting as equal: a script that
    saves 103.73999283068467 as 103.7399928306847 (openpyxl writes 16 digits) has not
    changed a capaian shown as 103,74, and rewriting it would only add noise to the
    history of what Hitung changed."""
    if baru is None:
        return lama is None or (isinstance(lama, str) and not lama.strip())
    if isinstance(baru, str):
        return isinstance(lama, str) and lama == baru
    if isinstance(lama, bool) or isinstance(baru, bool) or \
            not isinstance(lama, (int, float, Decimal)):
        return False
    a, b = Decimal(lama) if isinstance(lama, int) else lama, \
        Decimal(baru) if isinstance(baru, int) else baru
    if isinstance(a, Decimal) and isinstance(b, Decimal) and a.is_finite() and \
            b.is_finite() and a == a.to_integral_value() and b == b.to_integral_value() \
            and (isinstance(baru, int) or (abs(a) <= _BULAT_PASTI and abs(b) <= _BULAT_PASTI)):
        # Rupiah (ints, kept digit for digit) and whole numbers a double holds: exactly.
        return a == b
    fa, fb = float(a), float(b)
    return fa == fb or math.isclose(fa, fb, rel_tol=1e-14, abs_tol=0.0)


class Engine(ABC):
    """One open workbook."""

    nama: str  # how messages name the workbook (its path, or its name in Excel)

    @abstractmethod
    def baca_tabel(self) -> dict[str, Tabel]:
        """Every input table of the contract that exists, by table name."""

    @abstractmethod
    def tulis_kolom(self, tabel: Tabel, kolom: str, nilai: dict[int, NilaiTulis]) -> list[str]:
        """Write one computed column (Excel row → value); return the A1 addresses
        whose value actually changed."""

    @abstractmethod
    def perluas_tabel(self, tabel: Tabel, baris_akhir: int) -> str:
        """Grow a table's range down to ``baris_akhir`` (over rows typed below it, as
        Excel grows a table); returns the new range, e.g. ``"A1:G35"``."""

    @abstractmethod
    def render(self, layout: Layout) -> None:
        """Regenerate one generated sheet whole."""

    @abstractmethod
    def ada_lembar(self, nama: str) -> bool:
        """Whether the workbook has a sheet of that name (any case)."""

    @abstractmethod
    def baca_lembar(self, nama: str) -> dict[tuple[int, int], NilaiMentah]:
        """The non-empty values of a sheet by (row, column); {} when there is none.
        For the sheets rkt_xl generates (the history on Validasi)."""

    @abstractmethod
    def baca_teks(self, nama_lembar: str, sel: str) -> str | None:
        """One cell's text (None when the sheet or the value is missing)."""

    @abstractmethod
    def tulis_teks(self, nama_lembar: str, sel: str, teks: str) -> bool:
        """Write one line of text (the Beranda status); False when the sheet is missing."""

    @abstractmethod
    def ada_perubahan(self) -> bool:
        """Whether this run has changed the workbook so far."""

    def bagian_rusak(self) -> list[BagianRusak]:
        """Parts of the workbook file that are damaged; an engine that
        sees no file (a live Excel) has none to report."""
        return []

    def perbaiki_lembar(self, nama_lembar: str) -> bool:
        """Write a sheet back repaired of what ``bagian_rusak`` marks as undone by a
        rewrite; False when this engine cannot (a live Excel has no file to repair)."""
        return False

    @abstractmethod
    def simpan(self) -> bool:
        """Persist the changes; False when there was nothing to change."""
