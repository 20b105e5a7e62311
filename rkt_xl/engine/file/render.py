"""Render a ``Layout`` into a complete SpreadsheetML worksheet part (bytes).

The file engine swaps this part in for a generated sheet, copying every other part
of the workbook byte for byte. The output is:

- valid for Excel: children of ``<worksheet>`` in the order the schema (CT_Worksheet)
  demands — Excel refuses a part whose elements are out of order;
- text-safe: every string is an inline string, never a formula, so ``=1+1`` or
  ``-5 orang`` typed by a user stays text;
- byte-deterministic: the same Layout gives the same bytes (no timestamps, sorted
  rows and cells, fixed number formatting), so regenerating an unchanged sheet does
  not change the workbook.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from decimal import Decimal

from rkt_xl.alamat import alamat, angka_ke_kolom
from rkt_xl.engine.file.paket import NS_MAIN, NS_R
from rkt_xl.engine.file.teks import tanpa_kontrol, teks_excel
from rkt_xl.lampiran.layout import TINGGI_MAKS, Layout, NilaiLayout, SelLayout

__all__ = ["URUTAN_ELEMEN", "kutip_lembar", "nama_cetak", "render_dan_nama", "render_lembar"]

# CT_Worksheet child order (ECMA-376 Part 1, §18.3.1.99), the elements we write.
URUTAN_ELEMEN: tuple[str, ...] = (
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData",
    "mergeCells", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter",
    "rowBreaks",
)

_TINGGI_BAKU = 15.0
_LEBAR_MAKS = 255.0  # Excel's maximum column width (characters)



def kutip_lembar(nama: str) -> str:
    """A sheet name in a reference, always quoted with ' doubled: ``'Tabel 2.5'``."""
    return "'" + nama.replace("'", "''") + "'"


# -- escaping ----------------------------------------------------------------------------
def _esc(teks: str) -> str:
    return teks.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(teks: str) -> str:
    teks = tanpa_kontrol(teks)
    return (_esc(teks).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;")
            .replace("\t", "&#9;"))


def _angka(x: float) -> str:
    """A number the way the file stores it: shortest repr, no trailing ``.0``."""
    teks = repr(float(x))
    return teks[:-2] if teks.endswith(".0") else teks


def _ukuran(x: float) -> str:
    """Widths, heights and margins: short, stable decimal text."""
    return _angka(round(float(x), 6))


# -- cells -------------------------------------------------------------------------------


def _sel_xml(ref: str, nilai: NilaiLayout, s: int) -> str:
    gaya = f' s="{s}"' if s else ""
    if nilai is None:
        return f'<c r="{ref}"{gaya}/>'
    if type(nilai) is str:  # the common case first; the same text as str(nilai)
        teks = nilai
    else:
        if isinstance(nilai, bool):  # not in NilaiLayout, but never write True as 1
            nilai = "BENAR" if nilai else "SALAH"
        if isinstance(nilai, int):
            return f'<c r="{ref}"{gaya}><v>{nilai}</v></c>'
        if isinstance(nilai, (float, Decimal)):
            f = float(nilai)
            if math.isfinite(f):
                return f'<c r="{ref}"{gaya}><v>{_angka(f)}</v></c>'
            nilai = str(nilai)  # NaN/∞ cannot be stored as a number: keep it visible
        teks = str(nilai)
    teks = teks_excel(teks)
    ruang = ' xml:space="preserve"' if teks != teks.strip() or "  " in teks or \
        "\n" in teks or "\t" in teks else ""
    teks = teks.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")  # _esc
    return f'<c r="{ref}"{gaya} t="inlineStr"><is><t{ruang}>{teks}</t></is></c>'


def _batas(layout: Layout, sel: Iterable[tuple[int, int]]) -> tuple[int, int]:
    """Last used row and column (merges included); (1, 1) for an empty sheet."""
    baris = [r for r, _ in sel] + [g.baris2 for g in layout.gabung]
    kolom = [c for _, c in sel] + [g.kolom2 for g in layout.gabung]
    return max(baris, default=1), max(kolom, default=1)


# -- parts of the worksheet ------------------------------------------------------------
def _sheet_pr(layout: Layout, kode_nama: str | None) -> str:
    # codeName: the sheet's VBA document module, kept from the sheet replaced, so
    # Excel binds the module it has instead of adding one (and orphaning the old).
    kode = f' codeName="{_attr(kode_nama)}"' if kode_nama else ""
    tab = ""
    if layout.warna_tab:
        warna = layout.warna_tab.lstrip("#").upper()
        tab = f'<tabColor rgb="FF{warna[-6:]}"/>'
    fit = '<pageSetUpPr fitToPage="1"/>' if layout.cetak.muat_lebar or \
        layout.cetak.muat_tinggi else ""
    isi = tab + fit
    if not isi:
        return f"<sheetPr{kode}/>" if kode else ""
    return f"<sheetPr{kode}>{isi}</sheetPr>"


def _sheet_views(layout: Layout) -> str:
    n = layout.bekukan_baris
    if n <= 0:
        return ('<sheetViews><sheetView showGridLines="0" workbookViewId="0">'
                '<selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>')
    kiri_atas = f"A{n + 1}"
    return ('<sheetViews><sheetView showGridLines="0" workbookViewId="0">'
            f'<pane ySplit="{n}" topLeftCell="{kiri_atas}" activePane="bottomLeft" '
            'state="frozen"/>'
            f'<selection pane="bottomLeft" activeCell="{kiri_atas}" sqref="{kiri_atas}"/>'
            "</sheetView></sheetViews>")


def _cols(layout: Layout) -> str:
    if not layout.lebar_kolom:
        return ""
    isi = "".join(f'<col min="{k}" max="{k}" width="{_ukuran(min(w, _LEBAR_MAKS))}" '
                  'customWidth="1"/>'
                  for k, w in sorted(layout.lebar_kolom.items()) if 1 <= k <= 16384 and w >= 0)
    return f"<cols>{isi}</cols>" if isi else ""


_HURUF_KOLOM: dict[int, str] = {}


def _huruf_kolom(kolom: int) -> str:
    """``angka_ke_kolom``, remembered: the same few columns come back in every row."""
    huruf = _HURUF_KOLOM.get(kolom)
    if huruf is None:
        huruf = _HURUF_KOLOM[kolom] = angka_ke_kolom(kolom)
    return huruf


def _kolom(s: SelLayout) -> int:
    return s.kolom


def _sheet_data(layout: Layout, sel: dict[tuple[int, int], SelLayout],
                gaya_s: dict[str, int]) -> Iterator[bytes]:
    """<sheetData>, as UTF-8 pieces, a row at a time: each row is encoded on its own,
    so the text of a big sheet is never held as one str next to its bytes (one
    non-Latin-1 character would make that str 2 bytes a character)."""
    per_baris: dict[int, list[SelLayout]] = {}
    for (r, _), s in sel.items():
        daftar = per_baris.get(r)
        if daftar is None:
            per_baris[r] = [s]
        else:
            daftar.append(s)
    tinggi_baris = layout.tinggi_baris
    baris = sorted(set(per_baris) | {r for r in tinggi_baris if r >= 1})
    gaya = gaya_s.get
    # An empty styled cell (the hidden cells of merged ranges: half of a big table)
    # is `<c r="A1" s="3"/>`: its style attribute is made once per style name.
    atribut: dict[str, str] = {}
    huruf_dikenal = _HURUF_KOLOM
    yield b"<sheetData>"
    for r in baris:
        tinggi = tinggi_baris.get(r)
        # Excel rejects a row taller than 409 pt or negative: clamp, never fail.
        ht = f' ht="{_ukuran(min(max(tinggi, 0.0), TINGGI_MAKS))}" customHeight="1"' \
            if tinggi is not None else ""
        daftar = per_baris.get(r)
        if daftar:
            daftar.sort(key=_kolom)
            nomor = str(r)  # alamat(r, kolom) is the column letters + str(r)
            potongan = []
            for s in daftar:
                huruf = huruf_dikenal.get(s.kolom) or _huruf_kolom(s.kolom)
                if s.nilai is None:
                    a = atribut.get(s.gaya)
                    if a is None:
                        indeks = gaya(s.gaya, 0)
                        a = atribut[s.gaya] = f' s="{indeks}"' if indeks else ""
                    potongan.append(f'<c r="{huruf}{nomor}"{a}/>')  # = _sel_xml(…, None, …)
                else:
                    potongan.append(_sel_xml(huruf + nomor, s.nilai, gaya(s.gaya, 0)))
            isi = "".join(potongan)
        else:
            isi = ""
        yield (f'<row r="{r}"{ht}>{isi}</row>' if isi else f'<row r="{r}"{ht}/>') \
            .encode("utf-8")
    yield b"</sheetData>"


def _merge_cells(layout: Layout) -> str:
    unik = sorted({(g.baris1, g.kolom1, g.baris2, g.kolom2) for g in layout.gabung
                   if (g.baris1, g.kolom1) != (g.baris2, g.kolom2)})
    if not unik:
        return ""
    isi = "".join(f'<mergeCell ref="{alamat(r1, c1)}:{alamat(r2, c2)}"/>'
                  for r1, c1, r2, c2 in unik)
    return f'<mergeCells count="{len(unik)}">{isi}</mergeCells>'


def _hyperlinks(sel: dict[tuple[int, int], SelLayout]) -> str:
    # Internal links only: `location`, no r:id, so the sheet needs no relationships.
    # Only the linked cells are sorted (by their unique key: the order of the whole).
    tertaut = sorted((k, s) for k, s in sel.items() if s.tautan)
    isi = "".join(
        f'<hyperlink ref="{alamat(r, c)}" location="{_attr(s.tautan)}" '
        f'display="{_attr(str(s.nilai) if s.nilai is not None else s.tautan)}"/>'
        for (r, c), s in tertaut if s.tautan)
    return f"<hyperlinks>{isi}</hyperlinks>" if isi else ""


def _cetak(layout: Layout) -> str:
    c = layout.cetak
    kiri, kanan, atas, bawah = c.margin
    orientasi = c.orientasi if c.orientasi in ("landscape", "portrait") else "landscape"
    kaki = f"<headerFooter><oddFooter>{_esc(teks_excel(c.kaki))}</oddFooter></headerFooter>" \
        if c.kaki else ""
    # CT_PageSetup attribute order does not matter to Excel; these are schema-valid.
    nomor = f' firstPageNumber="{int(c.halaman_pertama)}"' if c.halaman_pertama else ""
    pakai_nomor = ' useFirstPageNumber="1"' if c.halaman_pertama else ""
    return (
        '<printOptions horizontalCentered="1"/>'
        f'<pageMargins left="{_ukuran(kiri)}" right="{_ukuran(kanan)}" top="{_ukuran(atas)}" '
        f'bottom="{_ukuran(bawah)}" header="0.3" footer="0.3"/>'
        f'<pageSetup paperSize="{int(c.kertas)}"{nomor} orientation="{orientasi}" '
        f'fitToWidth="{int(c.muat_lebar)}" fitToHeight="{int(c.muat_tinggi)}"{pakai_nomor}/>'
        + kaki)


def _row_breaks(layout: Layout) -> str:
    # brk id = the last row of a page (1-based), i.e. the 0-based index of the next
    # page's first row; max = the last column index of the sheet.
    putus = sorted({r for r in layout.putus_baris if r >= 1})
    if not putus:
        return ""
    isi = "".join(f'<brk id="{r}" max="16383" man="1"/>' for r in putus)
    return f'<rowBreaks count="{len(putus)}" manualBreakCount="{len(putus)}">{isi}</rowBreaks>'


def render_lembar(layout: Layout, gaya_s: dict[str, int], kode_nama: str | None = None
                  ) -> bytes:
    """The complete worksheet part for ``layout``.

    ``gaya_s`` maps a style name to its cellXfs index (from the template's ``_Gaya``
    sheet); a name it lacks falls back to 0, the workbook's default style.
    """
    return render_dan_nama(layout, gaya_s, kode_nama)[0]


def render_dan_nama(layout: Layout, gaya_s: dict[str, int], kode_nama: str | None = None
                    ) -> tuple[bytes, dict[str, str]]:
    """``render_lembar`` and ``nama_cetak`` together, the cells gathered once.
    ``kode_nama``: the sheet's codeName (VBA document module), kept as it was."""
    sel = layout.sel_lengkap()
    baris_akhir, kolom_akhir = _batas(layout, sel.keys())
    isi = b"".join(_potongan(layout, sel, gaya_s, baris_akhir, kolom_akhir, kode_nama))
    return isi, _nama_cetak(layout, baris_akhir, kolom_akhir)


def _potongan(layout: Layout, sel: dict[tuple[int, int], SelLayout], gaya_s: dict[str, int],
              baris_akhir: int, kolom_akhir: int, kode_nama: str | None) -> Iterator[bytes]:
    dimensi = "A1" if not sel else f"A1:{alamat(baris_akhir, kolom_akhir)}"
    # UTF-8 of the whole is the UTF-8 of its parts, joined
    yield "".join([
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_R}">',
        _sheet_pr(layout, kode_nama),
        f'<dimension ref="{dimensi}"/>',
        _sheet_views(layout),
        f'<sheetFormatPr defaultRowHeight="{_ukuran(_TINGGI_BAKU)}"/>',
        _cols(layout),
    ]).encode("utf-8")
    yield from _sheet_data(layout, sel, gaya_s)
    yield "".join([
        _merge_cells(layout),
        _hyperlinks(sel),
        _cetak(layout),
        _row_breaks(layout),
        "</worksheet>",
    ]).encode("utf-8")


def nama_cetak(layout: Layout) -> dict[str, str]:
    """Defined names this sheet needs in workbook.xml (written with localSheetId).

    ``{"_xlnm.Print_Titles": "'Tabel 2.5'!$7:$8",
    "_xlnm.Print_Area": "'Tabel 2.5'!$A$1:$I$40"}``
    """
    sel = layout.sel_lengkap()
    return _nama_cetak(layout, *_batas(layout, sel.keys()))


def _nama_cetak(layout: Layout, baris_akhir: int, kolom_akhir: int) -> dict[str, str]:
    lembar = kutip_lembar(layout.lembar)
    hasil: dict[str, str] = {}
    if layout.cetak.baris_judul is not None:
        a, b = sorted(layout.cetak.baris_judul)
        hasil["_xlnm.Print_Titles"] = f"{lembar}!${a}:${b}"
    hasil["_xlnm.Print_Area"] = \
        f"{lembar}!$A$1:${angka_ke_kolom(kolom_akhir)}${baris_akhir}"
    return hasil
