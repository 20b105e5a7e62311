"""The style catalogue of generated sheets.

Each name is a prototype cell on the template's hidden ``_Gaya`` sheet (column A the
name, column B the styled sample). Engines look a style up by name there, so a user
restyles every appendix by formatting ``_Gaya``, not by editing code. The properties
below are what the template builder gives a fresh ``_Gaya`` (XlsxWriter format
properties); they are the defaults, not the truth, once a user has restyled.
"""

from __future__ import annotations

from typing import Any

_BINGKAI = {"border": 1, "valign": "top", "text_wrap": True, "font_name": "Arial",
            "font_size": 10}
# Padding: text and numbers keep one indent level (three spaces) off the border they
# are aligned to, so "516.257.850" does not run into the text of the next column.
# An indent needs an explicit left or right alignment (Excel and LibreOffice ignore it
# under "general"); numeric styles below say "right".
_SISIP = {"indent": 1, "align": "left"}
_POLOS = {"font_name": "Arial", "font_size": 10}

GAYA: dict[str, dict[str, Any]] = {
    "judul": {**_POLOS, "bold": True, "font_size": 12, "align": "center", "valign": "vcenter"},
    "subjudul": {**_POLOS, "bold": True, "align": "center", "valign": "vcenter"},
    "keterangan": {**_POLOS, "italic": True, "font_size": 9},
    "header": {**_BINGKAI, "bold": True, "align": "center", "valign": "vcenter",
               "bg_color": "#D9E1F2"},
    "nomor-kolom": {**_BINGKAI, "italic": True, "font_size": 9, "align": "center",
                    "bg_color": "#F2F2F2"},
    "teks": {**_BINGKAI, **_SISIP},
    "teks-tebal": {**_BINGKAI, **_SISIP, "bold": True},
    "teks-tengah": {**_BINGKAI, "align": "center"},
    # Two decimals, as capaian (the seed prints 1,10, not 1,1); whole numbers have
    # their own style, or they would print as "43,00".
    "angka": {**_BINGKAI, **_SISIP, "align": "right", "num_format": "#,##0.00"},
    "angka-bulat": {**_BINGKAI, **_SISIP, "align": "right", "num_format": "#,##0"},
    "rupiah": {**_BINGKAI, **_SISIP, "align": "right", "num_format": "#,##0"},
    "rupiah-tebal": {**_BINGKAI, **_SISIP, "bold": True, "align": "right",
                     "num_format": "#,##0"},
    "persen": {**_BINGKAI, **_SISIP, "align": "right", "num_format": "0.00"},
    "total-label": {**_BINGKAI, "bold": True, "align": "center", "bg_color": "#F2F2F2"},
    "total-rupiah": {**_BINGKAI, **_SISIP, "bold": True, "align": "right",
                     "num_format": "#,##0", "bg_color": "#F2F2F2"},
    "total-persen": {**_BINGKAI, **_SISIP, "bold": True, "align": "right",
                     "num_format": "0.00", "bg_color": "#F2F2F2"},
    "ttd": {**_POLOS, "align": "center"},
    "ttd-nama": {**_POLOS, "bold": True, "underline": 1, "align": "center"},
    # Validasi sheet
    "galat": {**_BINGKAI, "bold": True, "font_color": "#9C0006", "bg_color": "#FFC7CE"},
    "peringatan": {**_BINGKAI, "bold": True, "font_color": "#9C5700", "bg_color": "#FFEB9C"},
    "info": {**_BINGKAI, "font_color": "#1F4E78", "bg_color": "#DDEBF7"},
    "tautan": {**_BINGKAI, **_SISIP, "font_color": "#0563C1", "underline": 1},
    "ringkasan": {**_POLOS, "bold": True},
}

NAMA_GAYA: tuple[str, ...] = tuple(GAYA)
