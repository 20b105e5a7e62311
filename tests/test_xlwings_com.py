"""The parts of the xlwings engine only a desktop Excel (COM) answers: number formats
and formulas of a table's cells (DESIGN §4b: percent formats, total rows).

Neither Excel nor COM runs on Linux, and xlwings' remote engine does not send formats
or formulas, so these tests give the engine a small stand-in for the two COM
properties it reads, ``Range.NumberFormat`` (the format code when every cell has the
same one, None when they differ — as Excel answers) and ``Range.Formula``, and check
the decisions and the number of calls: one per column when a column has one format,
a few per odd cell when it does not, never one per row.
"""

from __future__ import annotations

from typing import Any

from rkt_xl.alamat import rentang
from rkt_xl.engine.xlwings.baca import baca_rumus, baris_persen


class _Rentang:
    def __init__(self, lembar: _Lembar, a1: str) -> None:
        self.lembar = lembar
        self.r1, self.c1, self.r2, self.c2 = rentang(a1)

    @property
    def number_format(self) -> str | None:
        self.lembar.panggilan += 1
        kode = {self.lembar.format.get((r, c), "General")
                for r in range(self.r1, self.r2 + 1) for c in range(self.c1, self.c2 + 1)}
        return kode.pop() if len(kode) == 1 else None

    def options(self, **_: Any) -> _Rentang:
        return self

    @property
    def formula(self) -> list[list[str]]:
        self.lembar.panggilan += 1
        return [[self.lembar.rumus.get((r, c), "") for c in range(self.c1, self.c2 + 1)]
                for r in range(self.r1, self.r2 + 1)]


class _Lembar:
    def __init__(self, format_: dict[tuple[int, int], str],
                 rumus: dict[tuple[int, int], str] | None = None) -> None:
        self.format, self.rumus = format_, rumus or {}
        self.panggilan = 0

    def range(self, a1: str) -> _Rentang:
        return _Rentang(self, a1)


def test_satu_format_satu_panggilan() -> None:
    lembar = _Lembar({(r, 7): "0%" for r in range(2, 5002)})
    assert baris_persen(lembar, 2, 5001, 7) == list(range(2, 5002))
    assert lembar.panggilan == 1
    lembar = _Lembar({})
    assert baris_persen(lembar, 2, 5001, 7) == []
    assert lembar.panggilan == 1


def test_format_campuran_dibelah_bukan_per_baris() -> None:
    persen = {17, 2950, 2951}
    lembar = _Lembar({(r, 7): "0.00%" if r in persen else "#,##0" for r in range(2, 5002)})
    assert baris_persen(lembar, 2, 5001, 7) == sorted(persen)
    # bisection: about 2·log2(5000) calls per separate odd run, not 5000
    assert lembar.panggilan <= 3 * 2 * 13


def test_kode_persen_seperti_excel() -> None:
    lembar = _Lembar({(2, 7): "0.0\"%\"", (3, 7): "[Red]0%;-0%", (4, 7): "0\\%"})
    assert baris_persen(lembar, 2, 4, 7) == [3]


def test_rumus_satu_panggilan() -> None:
    lembar = _Lembar({}, {(6, 5): "=SUM(E2:E5)", (3, 7): "=2*12750000", (4, 3): "teks"})
    assert baca_rumus(lembar, 2, 6, 1, 7) == {(6, 5), (3, 7)}
    assert lembar.panggilan == 1
