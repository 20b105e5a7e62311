"""The four rekap tables → one summary ``.xlsx`` (XlsxWriter, no macros).

Each sheet holds one Excel table at A1 with the exact headers of ``kontrak`` (so
``pandas.read_excel(sheet_name=...)`` reads it as is), numbers as number cells with
display formats, the header row frozen, filter buttons, widths fitted to the content,
and A4 landscape printing one page wide with the header repeated. Ringkasan gets the
chart below its table (``grafik``); nothing else is written outside the tables.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from rkt_xl import __version__, angka, skema
from rkt_xl.lampiran.ukur import Huruf, jumlah_baris, lebar_teks_px
from rkt_xl.rekapan import kontrak
from rkt_xl.rekapan.grafik import tambah_grafik, warna_kategori
from rkt_xl.rekapan.kumpul import NilaiSel
from rkt_xl.rekapan.tabel import Tabel

KERTAS_A4 = 9  # XlsxWriter paper index
GAYA_TABEL = "Table Style Medium 2"
# Arial 10, as the generated appendices (lampiran/gaya.py): its metrics are known
# (``ukur.lebar_teks_px``), so widths and wrapped row heights are computed, and
# LibreOffice renders it with the metric twin Liberation Sans.
HURUF = Huruf(10.0)
HURUF_HEADER = Huruf(10.0, tebal=True)
_DASAR: dict[str, Any] = {"font_name": "Arial", "font_size": 10, "valign": "top"}
_ANGKA_BULAT = "#,##0"
# Decimals as typed (84,03 or 1,1), without the dangling separator "#,##0.##" shows
# for a whole number ("43,"): whole numbers get the format above instead.
_ANGKA_PECAHAN = "#,##0.0#########"
_FORMAT: dict[str, dict[str, Any]] = {
    "teks": {},
    "teks-panjang": {"text_wrap": True},
    "tahun": {"num_format": "0", "align": "center"},
    "jumlah": {"num_format": "#,##0"},
    "persen": {"num_format": "0.00"},
    "rupiah": {"num_format": "#,##0"},
    "angka": {"num_format": _ANGKA_BULAT},
    "angka-pecahan": {"num_format": _ANGKA_PECAHAN},
}
LEBAR_MAKS = {"teks-panjang": 55.0}  # then the text wraps
LEBAR_MAKS_LAIN = 30.0
LEBAR_MIN = 6.0
TINGGI_BARIS = 12.75  # points: Excel's row height for Arial 10
TOMBOL_FILTER = 3.0  # width units the header's filter button takes
WARNA_HEADER = "#D9E1F2"  # the header fill of the generated appendices (lampiran/gaya.py)
_KAKI = "&L&8Rekap RKT — &A&R&8Halaman &P dari &N"


def _tampil(v: NilaiSel, tampilan: str) -> str:
    """The cell as it reads on screen (Indonesian separators), to size the column."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if tampilan == "tahun":
        return str(v)
    if tampilan == "persen":
        return angka.format_angka(Decimal(repr(v)), 2)
    return angka.format_angka(v)


def _unit(teks: str, huruf: Huruf) -> float:
    """Width units (7 px each, 5 px padding) one line needs."""
    return (lebar_teks_px(teks, huruf) + 1.0) / 7.0 + 0.5


def lebar_kolom(header: str, nilai: list[str], tampilan: str) -> float:
    """The widest cell's line, or the header's longest word plus its filter button (the
    header wraps at spaces), within ``LEBAR_MIN`` … the cap of its kind."""
    perlu = max(_unit(k, HURUF_HEADER) for k in header.split()) + TOMBOL_FILTER
    for teks in set(nilai):
        for garis in teks.split("\n"):
            perlu = max(perlu, _unit(garis, HURUF))
    return max(LEBAR_MIN, min(LEBAR_MAKS.get(tampilan, LEBAR_MAKS_LAIN), round(perlu, 1)))


class _Penulis:
    def __init__(self, workbook: Any) -> None:
        self.wb = workbook
        self._format: dict[tuple[tuple[str, Any], ...], Any] = {}

    def format(self, **sifat: Any) -> Any:
        kunci = tuple(sorted({**_DASAR, **sifat}.items()))
        if kunci not in self._format:
            self._format[kunci] = self.wb.add_format(dict(kunci))
        return self._format[kunci]

    def sel(self, ws: Any, r: int, c: int, v: NilaiSel, tampilan: str) -> None:
        if v is None:
            ws.write_blank(r, c, None, self.format(**_FORMAT[tampilan]))
        elif isinstance(v, str):
            # write_string, never write(): a message starting with "=" stays text
            ws.write_string(r, c, v, self.format(**_FORMAT[tampilan]))
        else:
            if tampilan == "angka" and float(v) != int(v):
                tampilan = "angka-pecahan"
            ws.write_number(r, c, v, self.format(**_FORMAT[tampilan]))

    def tabel(self, t: kontrak.TabelRekap, baris: Sequence[Sequence[NilaiSel]]
              ) -> tuple[Any, int, list[float]]:
        ws = self.wb.add_worksheet(t.lembar)
        n = len(baris)
        # The header's own fill: LibreOffice does not draw Excel's table styles.
        gaya_header = self.format(bold=True, text_wrap=True, valign="vcenter",
                                  bg_color=WARNA_HEADER, bottom=1)
        kolom = [{"header": k.nama, "header_format": gaya_header} for k in t.kolom]
        # An Excel table needs one data row; an empty one stays empty cells.
        ws.add_table(0, 0, max(n, 1), len(t.kolom) - 1,
                     {"name": t.nama, "columns": kolom, "style": GAYA_TABEL,
                      "autofilter": True})
        lebar = []
        for c, k in enumerate(t.kolom):
            w = lebar_kolom(k.nama, [_tampil(b[c], k.tampilan) for b in baris], k.tampilan)
            ws.set_column(c, c, w)
            lebar.append(w)
        # Row heights are set, not left to the spreadsheet: LibreOffice does not grow a
        # row for wrapped text on opening an .xlsx, and the lines would overlap.
        garis = max(jumlah_baris(h, w - TOMBOL_FILTER, HURUF_HEADER)
                    for h, w in zip(t.header, lebar, strict=True))
        if garis > 1:
            ws.set_row(0, HURUF_HEADER.tinggi_baris * garis + 2)
        bungkus = [c for c, k in enumerate(t.kolom) if k.tampilan == "teks-panjang"]
        for r, isi in enumerate(baris, start=1):
            for c, (v, k) in enumerate(zip(isi, t.kolom, strict=True)):
                self.sel(ws, r, c, v, k.tampilan)
            garis = max([1, *(jumlah_baris(x, lebar[c], HURUF) for c in bungkus
                              if isinstance(x := isi[c], str))])
            if garis > 1:
                ws.set_row(r, HURUF.tinggi_baris * garis + 1)
        ws.set_default_row(TINGGI_BARIS)
        ws.freeze_panes(1, 0)
        ws.set_landscape()
        ws.set_paper(KERTAS_A4)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        ws.set_footer(_KAKI)
        ws.print_area(0, 0, max(n, 1), len(t.kolom) - 1)
        return ws, n, lebar

    def warnai(self, ws: Any, t: kontrak.TabelRekap, n: int, kolom: str,
               aturan: list[tuple[str, str, dict[str, Any]]]) -> None:
        """Conditional fills on one column (they follow the rows when the user sorts)."""
        c = t.header.index(kolom)
        for kriteria, nilai, sifat in aturan:
            if kriteria == "==":
                opsi = {"type": "cell", "criteria": "==", "value": f'"{nilai}"'}
            else:
                opsi = {"type": "text", "criteria": "begins with", "value": nilai}
            ws.conditional_format(1, c, max(n, 1), c, {**opsi, "format": self.wb.add_format(sifat)})


def _warna_kategori(nama: list[str]) -> list[tuple[str, str, dict[str, Any]]]:
    return [("==", k, {"bg_color": warna_kategori(k)[1]}) for k in nama]


_WARNA_TINGKAT = {  # as the Validasi sheet colours them (lampiran/gaya.py)
    "galat": {"font_color": "#9C0006", "bg_color": "#FFC7CE"},
    "peringatan": {"font_color": "#9C5700", "bg_color": "#FFEB9C"},
    "info": {"font_color": "#1F4E78", "bg_color": "#DDEBF7"},
}


def tulis_buku(tabel: Tabel) -> bytes:
    """The summary workbook's bytes (written by the caller, atomically)."""
    import xlsxwriter

    from rkt_xl.kategori import SKALA

    buf = io.BytesIO()
    # Arial 10 as the workbook's default font too: column widths are counted in its
    # digits (7 px, as Calibri 11's), and LibreOffice has its metric twin, so columns
    # keep their width there (with Calibri missing they grow by a third).
    wb = xlsxwriter.Workbook(buf, {"in_memory": True,
                                   "default_format_properties": {"font_name": "Arial",
                                                                 "font_size": 10}})
    wb.set_properties({"title": "Rekap RKT", "subject": "Rekap Rencana Kinerja Tahunan OPD",
                       "author": f"rkt-xl {__version__}",
                       "comments": "Dibuat oleh rkt-xl rekap; dihitung ulang dari buku kerja "
                                   "RKT setiap OPD."})
    p = _Penulis(wb)
    semua_kategori = list(dict.fromkeys(b.kategori for s in SKALA.values() for b in s))
    for t in kontrak.TABEL:
        baris = tabel[t.lembar]
        ws, n, lebar = p.tabel(t, baris)
        if skema.KATEGORI in t.header:
            p.warnai(ws, t, n, skema.KATEGORI, _warna_kategori(semua_kategori))
        if t is kontrak.RINGKASAN:
            p.warnai(ws, t, n, kontrak.STATUS, [
                ("mulai", kontrak.STATUS_TIDAK_TERBACA, {**_WARNA_TINGKAT["galat"], "bold": True}),
                ("mulai", kontrak.STATUS_GALAT, _WARNA_TINGKAT["galat"]),
                ("mulai", kontrak.STATUS_PERINGATAN, _WARNA_TINGKAT["peringatan"]),
                ("mulai", kontrak.STATUS_BAIK, {"font_color": "#006100", "bg_color": "#C6EFCE"}),
            ])
            _grafik(wb, ws, baris, t, n, lebar)
        if t is kontrak.TEMUAN:
            p.warnai(ws, t, n, kontrak.TINGKAT,
                     [("==", k, sifat) for k, sifat in _WARNA_TINGKAT.items()])
    wb.worksheets()[0].activate()
    wb.close()
    return buf.getvalue()


def _grafik(wb: Any, ws: Any, isi: Sequence[Sequence[NilaiSel]], t: kontrak.TabelRekap,
            n: int, lebar: list[float]) -> None:
    # Rows are sorted with every average first: the chart takes that leading block.
    i_rata, i_kategori = t.header.index(kontrak.RATA_RATA), t.header.index(skema.KATEGORI)
    k = next((i for i, b in enumerate(isi) if b[i_rata] is None), len(isi))
    if k == 0:
        return
    kategori = [None if b[i_kategori] is None else str(b[i_kategori]) for b in isi[:k]]
    baris = max(n, 1) + 2
    lebar_px = int(sum(w * 7 + 5 for w in lebar))
    tinggi = tambah_grafik(wb, ws, t.lembar, kolom_nama=t.header.index(skema.NAMA_OPD),
                           kolom_nilai=i_rata, kategori=kategori, baris=baris,
                           lebar_px=lebar_px, baris_px=TINGGI_BARIS * 4 / 3)
    ws.print_area(0, 0, baris + tinggi, len(t.kolom) - 1)
