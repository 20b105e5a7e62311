"""The Ringkasan chart: rata-rata capaian per OPD, one bar each, coloured by the kategori
band of the average; and the band colours the tables share.

A native Excel chart (XlsxWriter) reading the table's own cells: the bars are the
``Rata-rata Capaian (%)`` column, labelled by ``Nama OPD``. There is one series per band
present, each over the whole column and drawn on top of the others (overlap 100):
a series paints only the bars of its band and leaves the others transparent, so the
legend names each colour natively. Colours are fixed when the file is written (rows
are sorted then, best first).

Rejected: one series with a colour per point has a single legend entry; helper series
for the legend with the main entry hidden lost the wrong entry in LibreOffice (it
numbers legend entries in display order); "110,56 · Sangat Tinggi" as custom labels
were wrapped over three lines by LibreOffice.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from rkt_xl.kategori import SKALA

# Best band first, as every scale lists its bands: dark green → red.
_PALET = (
    ("#1B7F3B", "#C6EFCE"),  # (bar / strong, cell fill / light)
    ("#7CB342", "#E2F0D9"),
    ("#F9A825", "#FFEB9C"),
    ("#EF6C00", "#FCE4D6"),
    ("#C62828", "#FFC7CE"),
)
ABU = ("#9E9E9E", "#EDEDED")  # a kategori no scale knows

TINGGI_BATANG_PX = 22
TINGGI_TAMBAHAN_PX = 130  # title, value axis and legend
LEBAR_MIN_PX = 640
LEBAR_MAKS_PX = 1100


def warna_kategori(nama: str | None) -> tuple[str, str]:
    """(strong, light) colour of a kategori, by its band's rank in its scale."""
    for pita in SKALA.values():
        urutan = [p.kategori for p in pita]
        if nama in urutan:
            i = urutan.index(nama)
            langkah = (len(_PALET) - 1) / max(1, len(urutan) - 1)
            return _PALET[round(i * langkah)]
    return ABU


def pita_dipakai(kategori: Sequence[str | None]) -> list[str | None]:
    """The bands present, best first (a kategori no scale knows comes last)."""
    urutan = [p.kategori for pita in SKALA.values() for p in pita]
    ada = set(kategori)
    return [*dict.fromkeys(k for k in urutan if k in ada),
            *(k for k in dict.fromkeys(kategori) if k not in urutan)]


def tambah_grafik(workbook: Any, worksheet: Any, lembar: str, *, kolom_nama: int,
                  kolom_nilai: int, kategori: Sequence[str | None], baris: int,
                  lebar_px: int, baris_px: float) -> int:
    """Insert the chart below the table at 0-based row ``baris``; ``kategori`` is the
    kategori of table rows 1..n, which all have an average; ``baris_px`` is the height
    of a row. Returns the rows the chart covers."""
    n = len(kategori)
    chart = workbook.add_chart({"type": "bar"})
    kosong = {"fill": {"none": True}, "border": {"none": True}}
    for pita in pita_dipakai(kategori):
        warna = {"fill": {"color": warna_kategori(pita)[0]}, "border": {"none": True}}
        milik = [k == pita for k in kategori]
        chart.add_series({
            "name": pita or "tanpa kategori",
            "categories": [lembar, 1, kolom_nama, n, kolom_nama],
            "values": [lembar, 1, kolom_nilai, n, kolom_nilai],
            **warna,
            "points": [warna if m else kosong for m in milik],
            "data_labels": {"value": True, "num_format": "0.00", "position": "outside_end",
                            "custom": [None if m else {"delete": True} for m in milik]},
            "gap": 40,
            "overlap": 100,
        })
    chart.set_title({"name": "Rata-rata capaian kinerja per OPD (%)",
                     "name_font": {"size": 12, "bold": True}})
    chart.set_x_axis({"min": 0, "num_format": "0", "name": "Rata-rata capaian (%)",
                      "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
    # Bars top-down in table order (Excel draws the first category at the bottom); the
    # value axis stays at the bottom.
    chart.set_y_axis({"reverse": True, "crossing": "max", "num_font": {"size": 9}})
    chart.set_legend({"position": "bottom"})
    chart.set_chartarea({"border": {"none": True}})
    tinggi = TINGGI_BATANG_PX * n + TINGGI_TAMBAHAN_PX
    lebar = min(LEBAR_MAKS_PX, max(LEBAR_MIN_PX, lebar_px))
    chart.set_size({"width": lebar, "height": tinggi})
    worksheet.insert_chart(baris, 0, chart, {"x_offset": 4, "y_offset": 4,
                                             "object_position": 2})
    return math.ceil(tinggi / baris_px) + 1
