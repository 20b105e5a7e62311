"""The port every engine implements (like pandas' io/excel ``_base``).

The pipeline (``rkt_xl.alur``) only talks to this interface, so the command line
(file engine) and the Excel buttons (xlwings engine) run exactly the same core.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from decimal import Decimal

from rkt_xl.lampiran.layout import Layout
from rkt_xl.model import Tabel

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
    def render(self, layout: Layout) -> None:
        """Regenerate one generated sheet whole."""

    @abstractmethod
    def simpan(self) -> bool:
        """Persist the changes; False when there was nothing to change."""
