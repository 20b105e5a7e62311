"""Page setup, tab colour, gridlines and frozen panes of a generated sheet: what
xlwings has no API for, through Excel's object model (COM, Windows) or the remote
engine's own actions.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from rkt_xl.engine.xlwings.rencana import Rencana
from rkt_xl.lampiran.layout import Layout

__all__ = ["tampilan_com", "tampilan_remote", "tata_cetak_com"]


def tampilan_remote(lembar: Any, layout: Layout) -> None:
    # The remote engine has no tab colour, page setup or page breaks: the file
    # engine (rkt-xl proses) sets those. Gridlines only with Office.js clients.
    if layout.bekukan_baris > 0:
        lembar.freeze_panes.freeze_at(f"1:{layout.bekukan_baris}")
    with suppress(NotImplementedError):
        lembar.show_gridlines = False


def tata_cetak_com(app: Any, lembar: Any, layout: Layout, rencana: Rencana,
                   catatan: list[str]) -> None:
    """Page setup through the object model (no xlwings API for it)."""
    c = layout.cetak
    try:
        # One printer round trip, not one per property (absent in Excel 2007).
        with suppress(Exception):
            app.PrintCommunication = False
        ps = lembar.api.PageSetup
        ps.Orientation = 1 if c.orientasi == "portrait" else 2  # xlPortrait/xlLandscape
        ps.PaperSize = int(c.kertas)
        ps.Zoom = False
        ps.FitToPagesWide = int(c.muat_lebar) or False
        ps.FitToPagesTall = int(c.muat_tinggi) or False
        if c.halaman_pertama:  # each appendix numbers its own pages
            ps.FirstPageNumber = int(c.halaman_pertama)
        ps.PrintTitleRows = rencana.judul_cetak or ""
        ps.CenterHorizontally = True
        kiri, kanan, atas, bawah = c.margin
        ps.LeftMargin, ps.RightMargin = kiri * 72, kanan * 72  # inches → points
        ps.TopMargin, ps.BottomMargin = atas * 72, bawah * 72
        bagian = {"&L": "", "&C": "", "&R": ""}
        kunci = "&C"
        sisa = c.kaki
        while sisa:
            if sisa[:2] in bagian:
                kunci, sisa = sisa[:2], sisa[2:]
                continue
            bagian[kunci] += sisa[0]
            sisa = sisa[1:]
        ps.LeftFooter, ps.CenterFooter, ps.RightFooter = (
            bagian["&L"], bagian["&C"], bagian["&R"])
    except Exception as e:
        catatan.append(f"Tata cetak lembar {layout.lembar} tidak dapat diatur ({e}).")
    finally:
        with suppress(Exception):
            app.PrintCommunication = True
    putus = getattr(layout, "putus_baris", [])
    try:
        lembar.api.ResetAllPageBreaks()
        for r in sorted(set(putus)):
            lembar.api.HPageBreaks.Add(Before=lembar.api.Cells(r + 1, 1))
    except Exception as e:
        catatan.append(f"Pemisah halaman lembar {layout.lembar} tidak dapat "
                            f"diatur ({e}).")


def tampilan_com(book: Any, lembar: Any, layout: Layout, catatan: list[str]) -> None:
    """Tab colour, gridlines off and frozen header rows, as the file engine writes
    them. Gridlines and panes belong to a window, so the sheet is activated for a
    moment (screen updating is off) and the user's sheet activated again."""
    try:
        if layout.warna_tab:
            w = layout.warna_tab.lstrip("#")[-6:]
            merah, hijau, biru = int(w[0:2], 16), int(w[2:4], 16), int(w[4:6], 16)
            lembar.api.Tab.Color = merah + hijau * 256 + biru * 65536  # BGR
        app = book.app.api
        aktif = book.api.ActiveSheet
        lembar.api.Activate()
        jendela = app.ActiveWindow
        jendela.DisplayGridlines = False
        jendela.FreezePanes = False
        if layout.bekukan_baris > 0:
            # Panes freeze at what the window shows: scrolled down, the frozen rows
            # would be the ones on screen, not the header. Back to the top first.
            jendela.ScrollRow = 1
            jendela.ScrollColumn = 1
            jendela.SplitColumn = 0
            jendela.SplitRow = layout.bekukan_baris
            jendela.FreezePanes = True
        aktif.Activate()
    except Exception as e:
        catatan.append(f"Tampilan lembar {layout.lembar} tidak dapat diatur ({e}).")
