"""One XlsxWriter Format per distinct set of properties, per workbook."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook

HURUF = "Calibri"
UKURAN = 11

# Grey + italic marks a column Hitung owns; the same look is explained on Beranda.
ABU_HITUNG = "#EDEDED"
ABU_JUDUL_HITUNG = "#808080"
BIRU_JUDUL = "#4472C4"  # accent 1, the header fill of "Table Style Light 9"
CATATAN = "#595959"
KERTAS_A4 = 9  # XlsxWriter paper index


class PabrikFormat:
    """Formats built on demand and reused, so equal properties share one style id."""

    def __init__(self, workbook: Workbook) -> None:
        self._workbook = workbook
        self._simpanan: dict[tuple[tuple[str, Any], ...], Format] = {}

    def __call__(self, sifat: Mapping[str, Any]) -> Format:
        kunci = tuple(sorted(sifat.items()))
        if kunci not in self._simpanan:
            self._simpanan[kunci] = self._workbook.add_format(dict(sifat))
        return self._simpanan[kunci]
