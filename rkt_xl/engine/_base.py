"""The port every engine implements (like pandas' io/excel ``_base``).

The pipeline (``rkt_xl.alur``) only talks to this interface, so the command line
(file engine) and the Excel buttons (xlwings engine) run exactly the same core.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from decimal import Decimal

from rkt_xl.lampiran.layout import Layout
from rkt_xl.model import NilaiMentah, Tabel

NilaiTulis = None | str | int | float | Decimal


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

    @abstractmethod
    def simpan(self) -> bool:
        """Persist the changes; False when there was nothing to change."""
