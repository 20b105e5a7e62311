"""The port every engine implements (like pandas' io/excel ``_base``).

The pipeline (``rkt_xl.alur``) only talks to this interface, so the command line
(file engine) and the Excel buttons (xlwings engine) run exactly the same core.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from decimal import Decimal

from rkt_xl.lampiran.layout import Layout
from rkt_xl.model import Tabel

NilaiTulis = None | str | int | float | Decimal


class LembarSiap(ABC):
    """A generated sheet prepared ahead of writing (``Engine.siapkan``)."""

    @abstractmethod
    def pasang(self) -> str:
        """Write the sheet into the workbook; returns the sheet's name."""

    def batal(self) -> None:  # noqa: B027 - most engines hold nothing to release
        """The run failed before the sheet was written: release what preparing holds."""


class _LayoutSiap(LembarSiap):
    def __init__(self, engine: Engine, layout: Layout) -> None:
        self.engine, self.layout = engine, layout

    def pasang(self) -> str:
        self.engine.render(self.layout)
        return self.layout.lembar


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

    def siapkan(self, pembangun: Callable[[], Layout], bobot: int = 0) -> LembarSiap:
        """Build a generated sheet now (``pembangun`` is a pure builder, ``bobot`` its
        rough row count) and write it when ``pasang`` is called. An engine may do the
        building and rendering elsewhere meanwhile (the file engine: a second process
        for a big sheet); what is written is the same."""
        del bobot
        return _LayoutSiap(self, pembangun())

    @abstractmethod
    def simpan(self) -> bool:
        """Persist the changes; False when there was nothing to change."""
