"""The xlwings engine: the same pipeline on a live workbook (the Excel buttons).

``EngineXlwings(book)`` implements :class:`rkt_xl.engine._base.Engine` against an
``xw.Book``: the workbook that called ``RunPython`` on Windows/macOS (COM/AppleScript),
or, in tests, a remote-engine book built from a file (tests/remote_xlwings.py).

Bulk calls only. Each xlwings call is a cross-process round trip in Excel, so nothing
is done per cell or per row:

- reading: each input table is one ``Range.value`` of its ListObject range (plus a
  handful of calls to find the table); the number of calls does not depend on the
  number of rows;
- writing a computed column: one 2-D column block (only the rows from the first to
  the last cell that changes), and no call at all when nothing changes;
- rendering a generated sheet: clear, one block of all values, one block of link
  formulas per column that has links, one format copy per rectangle of one style
  (:mod:`.rencana`), and every merge, row height and column width in ONE call to the
  workbook's macro ``RKT_TerapkanTata`` (a Tabel 2.5 of 5.000 kegiatan has thousands
  of merges and row heights; call by call it froze Excel for seconds to minutes).

Why not ``.options(pd.DataFrame)``: pandas turns a column with one empty cell into
float64 with NaN and a mixed column into objects, so a Pagu typed as text next to
numbers, an empty Realisasi, or an error value would all need to be undone. The core
wants each raw cell (text stays text, to be parsed strictly by ``angka``), so a table
is read as one 2-D list (``ndim=2``, ``err_to_str=True``) and converted cell by cell
in Python (:func:`.nilai.nilai_baca`), exactly as the file engine converts XML.

Tables: Excel (COM) and the remote payload of Office Scripts/Office.js both expose
ListObjects by name, with their ranges. A client that sends no tables at all (the
Google Sheets client) falls back to finding each table by its header row in the sheet
named by :mod:`rkt_xl.skema` (documented limitation: such a "table" ends at the last
non-empty row below its header).

``simpan`` does not save the workbook: the changes are already in the open workbook,
the user saves when they choose (as with any edit), and saving in place could
overwrite a file that the user opened to look at. It reports whether anything was
written.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from rkt_xl import skema
from rkt_xl.alamat import alamat, rentang
from rkt_xl.engine._base import Engine, NilaiTulis
from rkt_xl.engine.xlwings.baca import (
    baca_listobject,
    baris_terpakai,
    cari_menurut_header,
    kosong,
    rentang_sel,
    tabel_dari_nilai,
)
from rkt_xl.engine.xlwings.nilai import nilai_baca, nilai_tulis, sama, teks_aman
from rkt_xl.engine.xlwings.rencana import (
    Persegi,
    Rencana,
    lebar_ke_poin,
    rencanakan,
    teks_tata,
)
from rkt_xl.engine.xlwings.tata import tampilan_com, tampilan_remote, tata_cetak_com
from rkt_xl.lampiran.layout import Layout
from rkt_xl.model import NilaiMentah, Tabel

__all__ = ["MAKRO_TATA", "EngineXlwings", "adalah_remote", "tabel_dari_nilai"]

MAKRO_TATA = "RKT_TerapkanTata"
"""The template's macro that applies merges, heights and widths (templat/vba/RKT.bas)."""


def adalah_remote(book: Any) -> bool:
    """A book of xlwings' remote engine (xlwings Server/Lite), not a live Excel."""
    try:
        return str(book.app.engine.name) in ("remote", "officejs")
    except Exception:
        return False


class EngineXlwings(Engine):
    """An open ``xw.Book``. Writes go straight into the workbook (see ``simpan``)."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.remote = adalah_remote(book)
        # Desktop Excel on Windows: the COM object model is reachable through `.api`
        # (page setup, windows, multi-area ranges). On macOS only xlwings' own API
        # is used; what it lacks is left as the template has it (see `catatan`).
        self.com = not self.remote and sys.platform.startswith("win")
        try:
            self.nama = str(book.fullname)
        except Exception:
            self.nama = str(getattr(book, "name", "buku kerja"))
        self.catatan: list[str] = []  # Indonesian notes on what could not be applied
        self._ditulis = False
        self._prototipe: dict[str, Any] | None = None
        self._makro: bool | None = None  # RKT_TerapkanTata: unknown, there, missing

    # -- session ----------------------------------------------------------------------------
    @contextmanager
    def sesi(self) -> Iterator[None]:
        """Screen updating and alert dialogs off while writing (desktop Excel only).

        Without it Excel repaints after every call, and ``Range.merge`` may stop the
        run with a confirmation dialog. Both are restored, also after an error.
        """
        if self.remote:
            yield
            return
        app = self.book.app
        lama: list[tuple[str, Any]] = []
        for atribut in ("screen_updating", "display_alerts"):
            try:
                lama.append((atribut, getattr(app, atribut)))
                setattr(app, atribut, False)
            except Exception:
                pass
        try:
            yield
        finally:
            for atribut, nilai in reversed(lama):
                with suppress(Exception):
                    setattr(app, atribut, nilai)

    # -- reading -------------------------------------------------------------------------------
    def _lembar(self, nama: str) -> Any | None:
        """A sheet by name, case-insensitively (both hosts compare that way)."""
        try:
            return self.book.sheets[nama]
        except Exception:
            return None

    def _cari_tabel(self, t: skema.TabelSkema, semua: dict[str, tuple[Any, Any]] | None
                    ) -> tuple[Any, Any] | None:
        lembar = self._lembar(t.lembar)
        if lembar is not None:
            try:
                return lembar, lembar.tables[t.nama]
            except Exception:
                pass
        if semua is None:
            return None
        return semua.get(t.nama.lower())

    def _indeks_tabel(self) -> dict[str, tuple[Any, Any]]:
        """Every ListObject of the book by lower-case name (Excel names are unique
        workbook-wide and case-insensitive)."""
        hasil: dict[str, tuple[Any, Any]] = {}
        for lembar in self.book.sheets:
            try:
                for tbl in lembar.tables:
                    hasil.setdefault(str(tbl.name).lower(), (lembar, tbl))
            except Exception:
                continue
        return hasil

    def baca_tabel(self) -> dict[str, Tabel]:
        hasil: dict[str, Tabel] = {}
        semua: dict[str, tuple[Any, Any]] | None = None
        for t in skema.TABEL:
            letak = self._cari_tabel(t, semua)
            if letak is None and semua is None:
                semua = self._indeks_tabel()  # once, only when a table is not in place
                letak = semua.get(t.nama.lower())
            if letak is not None:
                hasil[t.nama] = baca_listobject(*letak)
        if not hasil and semua is not None and not semua:
            # No ListObject anywhere: a client that does not report tables.
            for t in skema.TABEL:
                lembar = self._lembar(t.lembar)
                tabel = cari_menurut_header(lembar, t) if lembar is not None else None
                if tabel is not None:
                    hasil[t.nama] = tabel
        return hasil

    # -- computed columns ------------------------------------------------------------------
    def tulis_kolom(self, tabel: Tabel, kolom: str, nilai: dict[int, NilaiTulis]) -> list[str]:
        if kolom not in tabel.header or not nilai:
            return []
        _, c1, _, _ = rentang(tabel.ref)
        c = c1 + tabel.header.index(kolom)
        lama: dict[int, NilaiMentah] = {b.nomor: b.sel[kolom].mentah for b in tabel.baris
                                        if kolom in b.sel}
        berubah = sorted(r for r, v in nilai.items() if not sama(lama.get(r), v))
        if not berubah:
            return []
        lembar = self._lembar(tabel.lembar)
        if lembar is None:
            return []
        # One block from the first to the last changed row. Rows in between that Hitung
        # has no value for are rows the reader dropped as empty: they stay empty; a
        # row that is not empty breaks the block so its cell is never touched.
        blok: list[tuple[int, list[list[str | float | None]]]] = []
        for r in range(berubah[0], berubah[-1] + 1):
            if r in nilai:
                v = nilai_tulis(nilai[r])
            elif lama.get(r) is None:
                v = None
            else:
                continue
            if blok and blok[-1][0] + len(blok[-1][1]) == r:
                blok[-1][1].append([v])
            else:
                blok.append((r, [[v]]))
        for awal, isi in blok:
            rentang_sel(lembar, Persegi(awal, c, awal + len(isi) - 1, c)).value = isi
        self._ditulis = True
        return [alamat(r, c) for r in berubah]

    # -- generated sheets ------------------------------------------------------------------
    def prototipe(self) -> dict[str, Any]:
        """Style name → its prototype cell (column B) on ``_Gaya``, read once."""
        if self._prototipe is None:
            self._prototipe = {}
            gaya = self._lembar(skema.GAYA)
            if gaya is None:
                self.catatan.append(f"Lembar {skema.GAYA} tidak ada: lampiran dibuat "
                                    "tanpa format.")
                return self._prototipe
            ur = gaya.used_range
            akhir = int(ur.row) + int(ur.shape[0]) - 1
            nama = gaya.range(f"A1:A{max(akhir, 1)}").options(ndim=1).value or []
            for i, v in enumerate(nama, start=1):
                if isinstance(v, str) and v.strip() and v.strip() not in self._prototipe:
                    self._prototipe[v.strip()] = gaya.range(f"B{i}")
        return self._prototipe

    def _lembar_hasil(self, nama: str) -> Any:
        lembar = self._lembar(nama)
        if lembar is None:
            semua = self.book.sheets
            lembar = semua.add(nama, after=semua[len(semua) - 1])
        return lembar

    def render(self, layout: Layout) -> None:
        lembar = self._lembar_hasil(layout.lembar)
        baris_lama = baris_terpakai(lembar)
        rencana = rencanakan(layout, baris_lama)
        if baris_lama:
            # Excel's Clear unmerges; Office.js does not document whether its clear()
            # does, and a leftover merge would make the format copies fail.
            lembar.used_range.unmerge()
        lembar.clear()
        self._format(lembar, rencana)
        if rencana.baris and rencana.kolom:
            rentang_sel(lembar, Persegi(1, 1, rencana.baris, rencana.kolom)).value = rencana.nilai
        for blok, isi in rencana.rumus:
            rentang_sel(lembar, blok).formula = isi
        self._tata(lembar, rencana)
        lembar.page_setup.print_area = rencana.area_cetak
        if self.remote:
            tampilan_remote(lembar, layout)
        elif self.com:
            tata_cetak_com(self.book.app.api, lembar, layout, rencana, self.catatan)
            tampilan_com(self.book, lembar, layout, self.catatan)
        elif not any("tata cetak" in c for c in self.catatan):
            self.catatan.append("Di Excel untuk Mac tata cetak, warna tab, dan baris beku "
                                "lampiran tidak diatur; jalankan rkt-xl proses untuk itu.")
        self._ditulis = True

    def _format(self, lembar: Any, rencana: Rencana) -> None:
        prototipe = self.prototipe()
        hilang = sorted(g for g in rencana.gaya if g not in prototipe)
        if hilang and prototipe:
            self.catatan.append(f"Gaya {', '.join(hilang)} tidak ada di lembar {skema.GAYA}; "
                                f"sel itu di {rencana.lembar} tanpa format.")
        for nama, daftar in rencana.gaya.items():
            asal = prototipe.get(nama)
            if asal is None:
                continue
            for p in daftar:
                tujuan = rentang_sel(lembar, p)
                if self.remote:
                    # Office.js copyFrom(…, "Formats"): formats only.
                    tujuan.copy_from(asal, copy_type="formats")
                else:
                    # COM Range.Copy(Destination) copies without the clipboard; it
                    # brings the sample value too, which the value block overwrites.
                    asal.copy(tujuan)

    def _tata(self, lembar: Any, rencana: Rencana) -> None:
        """Merges, row heights and column widths. A big Tabel 2.5 has thousands of
        each, and every call to Excel is a cross-process round trip: they go to the
        workbook's own macro (``RKT_TerapkanTata``) in one call. Without the macro (a
        workbook whose VBA was removed) desktop Excel gets them call by call, one per
        merge and per run of equal sizes: slower, the same result."""
        if self._makro is not False:
            try:
                self.book.macro(MAKRO_TATA)(str(lembar.name), *teks_tata(rencana))
                self._makro = True
                return
            except Exception:
                if self.remote:
                    raise
                self._makro = False  # not there: the same, call by call
        for g in rencana.gabung:
            if self.com:
                # Range.merge wraps each call in two DisplayAlerts calls; alerts are
                # already off for the whole session (sesi), so one COM call a merge.
                rentang_sel(lembar, g).api.Merge()
            else:
                rentang_sel(lembar, g).merge()
        for k1, k2, w in rencana.lebar:
            # Office.js sets widths in points, Excel's object model in characters.
            lebar = lebar_ke_poin(w) if self.remote else w
            rentang_sel(lembar, Persegi(1, k1, 1, k2)).column_width = lebar
        for r1, r2, h in rencana.tinggi:
            rentang_sel(lembar, Persegi(r1, 1, r2, 1)).row_height = h

    # -- tables, other sheets -----------------------------------------------------------------
    def perluas_tabel(self, tabel: Tabel, baris_akhir: int) -> str:
        r1, c1, _, c2 = rentang(tabel.ref)
        baru = Persegi(r1, c1, baris_akhir, c2)
        lembar = self._lembar(tabel.lembar)
        if lembar is not None:
            lembar.tables[tabel.nama].resize(rentang_sel(lembar, baru))
            self._ditulis = True
        return baru.a1

    def ada_lembar(self, nama: str) -> bool:
        return self._lembar(nama) is not None

    def baca_lembar(self, nama: str) -> dict[tuple[int, int], NilaiMentah]:
        lembar = self._lembar(nama)
        if lembar is None:
            return {}
        ur = lembar.used_range
        r0, c0 = int(ur.row), int(ur.column)
        data = ur.options(ndim=2, err_to_str=True).value
        return {(r0 + i, c0 + j): v for i, baris in enumerate(data)
                for j, x in enumerate(baris) if not kosong(v := nilai_baca(x))}

    def baca_teks(self, nama_lembar: str, sel: str) -> str | None:
        lembar = self._lembar(nama_lembar)
        if lembar is None:
            return None
        v = lembar.range(sel).value
        return v if isinstance(v, str) else None

    def ada_perubahan(self) -> bool:
        return self._ditulis

    # -- other writes ----------------------------------------------------------------------
    def tulis_teks(self, nama_lembar: str, sel: str, teks: str) -> bool:
        """Write one line of text (the Beranda status); False when the sheet is missing."""
        lembar = self._lembar(nama_lembar)
        if lembar is None:
            return False
        lembar.range(sel).value = teks_aman(teks)
        self._ditulis = True
        return True

    def aktifkan(self, nama_lembar: str) -> None:
        lembar = self._lembar(nama_lembar)
        if lembar is not None:
            lembar.activate()

    def simpan(self) -> bool:
        return self._ditulis
