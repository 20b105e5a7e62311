"""The xlwings engine: the same pipeline on a live workbook (the Excel buttons).

``EngineXlwings(book)`` implements :class:`rkt_xl.engine._base.Engine` against an
``xw.Book``: the workbook that called ``RunPython`` on Windows/macOS (COM/AppleScript),
or, in tests, a remote-engine book built from a file (:mod:`.remote`).

Bulk calls only. Each xlwings call is a cross-process round trip in Excel, so nothing
is done per cell or per row:

- reading: each input table is one ``Range.value`` of its ListObject range (plus a
  handful of calls to find the table); the number of calls does not depend on the
  number of rows;
- writing a computed column: one 2-D column block (only the rows from the first to
  the last cell that changes), and no call at all when nothing changes;
- rendering a generated sheet: clear, one block of all values, one format copy per
  rectangle of one style (:mod:`.rencana`), the merges, widths and heights in runs.

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

from rkt_xl import batas_tabel, kode_format, skema
from rkt_xl.alamat import alamat, rentang
from rkt_xl.engine._base import Engine, NilaiTulis
from rkt_xl.engine.xlwings.nilai import nilai_baca, nilai_tulis, sama, teks_aman
from rkt_xl.engine.xlwings.rencana import (
    Persegi,
    Rencana,
    alamat_gabungan,
    huruf_kolom,
    lebar_ke_poin,
    rencanakan,
)
from rkt_xl.lampiran.layout import Layout
from rkt_xl.model import Baris, NilaiMentah, Sel, Tabel

__all__ = ["EngineXlwings", "tabel_dari_nilai"]


def _adalah_remote(book: Any) -> bool:
    try:
        return str(book.app.engine.name) in ("remote", "officejs")
    except Exception:
        return False


def _rentang(lembar: Any, p: Persegi) -> Any:
    # An A1 address is one COM call; a (row, col) pair is three (Cells, Cells, Range).
    return lembar.range(p.a1)


def _teks_header(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _kosong(v: NilaiMentah) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def tabel_dari_nilai(nama: str, lembar: str, ref: str, data: list[list[Any]],
                     header_ada: bool = True, total_ada: bool = False,
                     header: tuple[str, ...] | None = None,
                     bawah: list[list[Any]] | None = None,
                     persen: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
                     rumus: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
                     lain: list[tuple[int, int]] | None = None) -> Tabel:
    """A ``Tabel`` from one 2-D read of a table's whole range (header and totals rows
    included when shown) and of the rows below it (``bawah``, from the row after the
    range). Values are converted by :func:`.nilai.nilai_baca`; which rows are data is
    decided by :mod:`rkt_xl.batas_tabel`, exactly as in the file engine. ``persen``
    and ``rumus``: (Excel row, sheet column) of percent-formatted and formula cells."""
    r1, c1, r2, _ = rentang(ref)
    if header is None:
        header = tuple(_teks_header(v) for v in data[0]) if header_ada and data else ()
    awal = 1 if header_ada else 0
    akhir = len(data) - (1 if total_ada else 0)
    isi: dict[int, dict[int, NilaiMentah]] = {}
    for i, baris in enumerate([*data[awal:akhir], *([[]] * (len(data) - akhir)),
                               *(bawah or [])]):
        nomor = r1 + awal + i
        sel = {c1 + j: v for j, v in enumerate(nilai_baca(x) for x in baris)
               if not _kosong(v)}
        if sel:
            isi[nomor] = sel
    batas = batas_tabel.tentukan(
        isi, set(rumus), awal=r1 + awal, akhir=r1 + akhir - 1, bawah=r2 + 1,
        ada_baris_total=total_ada, kolom=header, kolom_awal=c1, lain=lain or [])
    hasil: list[Baris] = []
    for nomor in batas.data:
        b = Baris(lembar, nomor)
        isi_baris = isi[nomor]
        for j, kolom in enumerate(header):
            c = c1 + j
            b.sel[kolom] = Sel(lembar, alamat(nomor, c), isi_baris.get(c),
                               (nomor, c) in persen, (nomor, c) in rumus)
        hasil.append(b)
    return Tabel(nama, lembar, header, hasil, ref.replace("$", ""), r1,
                 diperluas=batas.diperluas, baris_jumlah=batas.jumlah, di_luar=batas.di_luar)


class EngineXlwings(Engine):
    """An open ``xw.Book``. Writes go straight into the workbook (see ``simpan``)."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.remote = _adalah_remote(book)
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
                hasil[t.nama] = self._baca_listobject(*letak)
        if not hasil and semua is not None and not semua:
            # No ListObject anywhere: a client that does not report tables.
            for t in skema.TABEL:
                tabel = self._cari_menurut_header(t)
                if tabel is not None:
                    hasil[t.nama] = tabel
        return hasil

    def _baca_listobject(self, lembar: Any, tbl: Any) -> Tabel:
        rng = tbl.range
        ref = str(rng.address)
        r1, c1, r2, c2 = rentang(ref)
        data = rng.options(ndim=2, err_to_str=True).value
        header_ada = bool(tbl.show_headers)
        total_ada = bool(tbl.show_totals)
        header = None
        if not header_ada:
            try:
                header = tuple(_teks_header(k.name) for k in tbl.columns)
            except Exception:
                header = ()
        kolom = header if header is not None else tuple(_teks_header(v) for v in data[0])
        bawah = [] if total_ada else self._baca_bawah(lembar, r2, c1, c2)
        akhir = r2 + len(bawah)
        awal = r1 + (1 if header_ada else 0)
        t = skema.TABEL_MENURUT_NAMA.get(str(tbl.name))
        persen: set[tuple[int, int]] = set()
        for j, k in enumerate(kolom):
            if t is not None and k in t.kolom_persen and akhir >= awal:
                persen |= {(r, c1 + j) for r in self._baris_persen(lembar, awal, akhir, c1 + j)}
        return tabel_dari_nilai(str(tbl.name), str(lembar.name), ref, data, header_ada,
                                total_ada, header, bawah=bawah, persen=persen,
                                rumus=self._rumus(lembar, awal, akhir, c1, c2),
                                lain=self._tabel_lain(lembar, str(tbl.name), c1, c2))

    # Rows below a table are read in blocks of this many (one call each) until a blank
    # row and BARIS_PERIKSA more are in: Excel grows a table as rows are typed under
    # it, so there is rarely more than the first block to read.
    BLOK_BAWAH = 100

    def _baca_bawah(self, lembar: Any, r2: int, c1: int, c2: int) -> list[list[Any]]:
        """The rows below a table (its columns), as far as batas_tabel looks."""
        terakhir = self._baris_terpakai(lembar)
        hasil: list[list[Any]] = []
        r = r2 + 1
        while r <= terakhir:
            kosong = next((i for i, b in enumerate(hasil)
                           if all(_kosong(nilai_baca(v)) for v in b)), None)
            if kosong is not None and len(hasil) > kosong + batas_tabel.BARIS_PERIKSA:
                break
            sampai = min(terakhir, r + self.BLOK_BAWAH - 1)
            blok = _rentang(lembar, Persegi(r, c1, sampai, c2)).options(
                ndim=2, err_to_str=True).value
            hasil.extend(list(b) for b in blok)
            r = sampai + 1
        return hasil

    def _baris_persen(self, lembar: Any, r1: int, r2: int, c: int) -> list[int]:
        """Rows r1..r2 of column c whose number format is a percentage. One call when
        the column has one format (Excel answers None for mixed formats: then the
        range is halved until each part has one, so a few odd cells cost a few calls
        each, not one per row). None at all where the host cannot tell (the remote
        engine: a documented limitation)."""
        try:
            kode = _rentang(lembar, Persegi(r1, c, r2, c)).number_format
        except NotImplementedError:
            return []
        if kode is not None:
            return list(range(r1, r2 + 1)) if kode_format.persen(str(kode)) else []
        if r1 == r2:
            return []
        tengah = (r1 + r2) // 2
        return self._baris_persen(lembar, r1, tengah, c) + \
            self._baris_persen(lembar, tengah + 1, r2, c)

    def _rumus(self, lembar: Any, r1: int, r2: int, c1: int, c2: int
               ) -> set[tuple[int, int]]:
        """(row, sheet column) of the cells holding a formula: one call (none on the
        remote engine, which does not send formulas)."""
        if r2 < r1:
            return set()
        try:
            rumus = _rentang(lembar, Persegi(r1, c1, r2, c2)).options(ndim=2).formula
        except NotImplementedError:
            return set()
        if not isinstance(rumus, (list, tuple)):
            rumus = [[rumus]]
        return {(r1 + i, c1 + j) for i, baris in enumerate(rumus) for j, f in enumerate(baris)
                if isinstance(f, str) and f.startswith("=")}

    def _tabel_lain(self, lembar: Any, nama: str, c1: int, c2: int) -> list[tuple[int, int]]:
        """Row spans of the other tables of the sheet in the same columns."""
        hasil = []
        try:
            for t in lembar.tables:
                if str(t.name).lower() == nama.lower():
                    continue
                a1, b1, a2, b2 = rentang(str(t.range.address))
                if b1 <= c2 and b2 >= c1:
                    hasil.append((a1, a2))
        except Exception:
            return []
        return hasil

    def _cari_menurut_header(self, t: skema.TabelSkema) -> Tabel | None:
        """The fallback for hosts without ListObjects: the first row of the contract
        sheet holding the first header, with at least half of the headers beside it."""
        lembar = self._lembar(t.lembar)
        if lembar is None:
            return None
        ur = lembar.used_range
        data = ur.options(ndim=2, err_to_str=True).value
        r0, c0 = int(ur.row), int(ur.column)
        for i, baris in enumerate(data):
            teks = [_teks_header(v) for v in baris]
            if t.kolom[0] not in teks:
                continue
            j = teks.index(t.kolom[0])
            k = j
            while k < len(teks) and teks[k]:
                k += 1
            header = tuple(teks[j:k])
            if 2 * sum(h in t.kolom for h in header) < len(t.kolom):
                continue
            akhir = i
            for i2 in range(i + 1, len(data)):
                if any(v not in (None, "") for v in data[i2][j:k]):
                    akhir = i2
            potong = [b[j:k] for b in data[i:akhir + 1]]
            ref = f"{alamat(r0 + i, c0 + j)}:{alamat(r0 + akhir, c0 + k - 1)}"
            return tabel_dari_nilai(t.nama, str(lembar.name), ref, potong)
        return None

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
            _rentang(lembar, Persegi(awal, c, awal + len(isi) - 1, c)).value = isi
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

    def _baris_terpakai(self, lembar: Any) -> int:
        try:
            ur = lembar.used_range
            return int(ur.row) + int(ur.shape[0]) - 1
        except Exception:
            return 0

    def render(self, layout: Layout) -> None:
        lembar = self._lembar_hasil(layout.lembar)
        baris_lama = self._baris_terpakai(lembar)
        rencana = rencanakan(layout, baris_lama)
        if baris_lama:
            # Excel's Clear unmerges; Office.js does not document whether its clear()
            # does, and a leftover merge would make the format copies fail.
            lembar.used_range.unmerge()
        lembar.clear()
        self._format(lembar, rencana)
        if rencana.baris and rencana.kolom:
            _rentang(lembar, Persegi(1, 1, rencana.baris, rencana.kolom)).value = rencana.nilai
        for g in rencana.gabung:
            if self.com:
                # Range.merge wraps each call in two DisplayAlerts calls; alerts are
                # already off for the whole session (sesi), so one COM call a merge.
                _rentang(lembar, g).api.Merge()
            else:
                _rentang(lembar, g).merge()
        self._ukuran(lembar, rencana)
        lembar.page_setup.print_area = rencana.area_cetak
        if self.remote:
            self._tampilan_remote(lembar, layout)
        elif self.com:
            self._tata_cetak_com(lembar, layout, rencana)
            self._tampilan_com(lembar, layout)
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
                tujuan = _rentang(lembar, p)
                if self.remote:
                    # Office.js copyFrom(…, "Formats"): formats only.
                    tujuan.copy_from(asal, copy_type="formats")
                else:
                    # COM Range.Copy(Destination) copies without the clipboard; it
                    # brings the sample value too, which the value block overwrites.
                    asal.copy(tujuan)

    def _ukuran(self, lembar: Any, rencana: Rencana) -> None:
        if not self.com:
            for k1, k2, w in rencana.lebar:
                # Office.js sets widths in points, Excel's object model in characters.
                lebar = lebar_ke_poin(w) if self.remote else w
                _rentang(lembar, Persegi(1, k1, 1, k2)).column_width = lebar
            for r1, r2, h in rencana.tinggi:
                _rentang(lembar, Persegi(r1, 1, r2, 1)).row_height = h
            return
        # COM takes multi-area addresses: one call per distinct size (and per 255
        # characters of address), not per run.
        per_lebar: dict[float, list[str]] = {}
        for k1, k2, w in rencana.lebar:
            per_lebar.setdefault(w, []).append(f"{huruf_kolom(k1)}:{huruf_kolom(k2)}")
        for w, bagian in per_lebar.items():
            for a in alamat_gabungan(bagian):
                lembar.range(a).column_width = w
        per_tinggi: dict[float, list[str]] = {}
        for r1, r2, h in rencana.tinggi:
            per_tinggi.setdefault(h, []).append(f"{r1}:{r2}")
        for h, bagian in per_tinggi.items():
            for a in alamat_gabungan(bagian):
                lembar.range(a).row_height = h

    def _tampilan_remote(self, lembar: Any, layout: Layout) -> None:
        # The remote engine has no tab colour, page setup or page breaks: the file
        # engine (rkt-xl proses) sets those. Gridlines only with Office.js clients.
        if layout.bekukan_baris > 0:
            lembar.freeze_panes.freeze_at(f"1:{layout.bekukan_baris}")
        with suppress(NotImplementedError):
            lembar.show_gridlines = False

    def _tata_cetak_com(self, lembar: Any, layout: Layout, rencana: Rencana) -> None:
        """Page setup through the object model (no xlwings API for it)."""
        c = layout.cetak
        app = self.book.app.api
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
            self.catatan.append(f"Tata cetak lembar {layout.lembar} tidak dapat diatur ({e}).")
        finally:
            with suppress(Exception):
                app.PrintCommunication = True
        putus = getattr(layout, "putus_baris", [])
        try:
            lembar.api.ResetAllPageBreaks()
            for r in sorted(set(putus)):
                lembar.api.HPageBreaks.Add(Before=lembar.api.Cells(r + 1, 1))
        except Exception as e:
            self.catatan.append(f"Pemisah halaman lembar {layout.lembar} tidak dapat "
                                f"diatur ({e}).")

    def _tampilan_com(self, lembar: Any, layout: Layout) -> None:
        """Tab colour, gridlines off and frozen header rows, as the file engine writes
        them. Gridlines and panes belong to a window, so the sheet is activated for a
        moment (screen updating is off) and the user's sheet activated again."""
        try:
            if layout.warna_tab:
                w = layout.warna_tab.lstrip("#")[-6:]
                merah, hijau, biru = int(w[0:2], 16), int(w[2:4], 16), int(w[4:6], 16)
                lembar.api.Tab.Color = merah + hijau * 256 + biru * 65536  # BGR
            app = self.book.app.api
            aktif = self.book.api.ActiveSheet
            lembar.api.Activate()
            jendela = app.ActiveWindow
            jendela.DisplayGridlines = False
            jendela.FreezePanes = False
            if layout.bekukan_baris > 0:
                jendela.SplitColumn = 0
                jendela.SplitRow = layout.bekukan_baris
                jendela.FreezePanes = True
            aktif.Activate()
        except Exception as e:
            self.catatan.append(f"Tampilan lembar {layout.lembar} tidak dapat diatur ({e}).")

    # -- tables, other sheets -----------------------------------------------------------------
    def perluas_tabel(self, tabel: Tabel, baris_akhir: int) -> str:
        r1, c1, _, c2 = rentang(tabel.ref)
        baru = Persegi(r1, c1, baris_akhir, c2)
        lembar = self._lembar(tabel.lembar)
        if lembar is not None:
            lembar.tables[tabel.nama].resize(_rentang(lembar, baru))
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
                for j, x in enumerate(baris) if not _kosong(v := nilai_baca(x))}

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
