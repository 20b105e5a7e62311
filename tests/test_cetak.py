"""The printed appendices, asserted from the PDF that ``rkt-xl pdf`` writes.

Synthetic workbooks of 30, 400 and 1.500 kegiatan and one of 5 programs with ~60
kegiatan each (bench/sintetis.py, the same generator as the benchmark) are built,
processed and printed once per session; every assertion reads the PDF itself
(pdfplumber: words with their positions, the table's ruling lines), never the
Layout that produced it:

- each appendix is numbered "Halaman X dari Y" on its own, X running 1..Y and Y the
  pages it really has (so no page was added by an automatic break);
- no page holds the signature without a row of data;
- every page of a table after the first starts with its program / tujuan / sasaran
  (new, or continued and marked "(lanjutan)");
- every text of the data is printed in full: found whole in its column, and no
  printed line crosses a cell border (a line cut by the row below).

The PNGs of the first, middle and last page of each appendix of the 400-kegiatan
case and of the seed example are written to ``$RKT_XL_ARTEFAK`` (default: a folder
under pytest's temp dir, named in the test report) for a person to look at.
"""

from __future__ import annotations

import bisect
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from rkt_xl import pdf

pdfplumber = pytest.importorskip("pdfplumber")

AKAR = Path(__file__).resolve().parent.parent
from bench.sintetis import buat, data_sintetis  # noqa: E402

ADA_SOFFICE = pdf.cari_soffice() is not None
pytestmark = [pytest.mark.libreoffice,
              pytest.mark.skipif(not ADA_SOFFICE, reason="LibreOffice tidak terpasang")]

JUDUL = ("Tabel 2.4", "Tabel 2.5", "Lampiran I:", "Lampiran II:")
# name → (indikator, program, kegiatan)
UKURAN = {"k30": (12, 5, 30), "k400": (60, 25, 400), "p5x60": (20, 5, 300),
          "k1500": (120, 90, 1500)}
_KAKI = re.compile(r"Halaman (\d+) dari (\d+)")


def _rapat(teks: str) -> str:
    return re.sub(r"\s+", "", teks)


@dataclass
class Halaman:
    nomor: int  # in the PDF
    x: int  # "Halaman X dari Y"
    y: int
    teks: str
    kata: list[dict[str, Any]]
    garis_h: list[tuple[float, float, float]]  # (x0, x1, top) of horizontal rules
    kolom: list[float]  # x of the table's vertical rules, left to right
    bawah_header: float  # the foot of the (shaded) header rows on this page


@dataclass
class Lampiran:
    judul: str
    halaman: list[Halaman] = field(default_factory=list)

    def aliran(self, kolom: int) -> str:
        """Every word printed in table column ``kolom`` (1-based), page after page,
        top to bottom, spaces removed: what a reader sees in that column."""
        bagian = []
        for h in self.halaman:
            if len(h.kolom) <= kolom:
                continue
            kiri, kanan = h.kolom[kolom - 1], h.kolom[kolom]
            kata = [w for w in h.kata if kiri <= w["x0"] and w["x1"] <= kanan + 0.5
                    and w["top"] > h.bawah_header and not _NOMOR_KOLOM.fullmatch(w["text"])]
            kata.sort(key=lambda w: (round(w["top"]), w["x0"]))
            bagian.append("".join(w["text"] for w in kata))
        return "".join(bagian)


def _bersih(nilai: list[float], jarak: float = 1.5) -> list[float]:
    hasil: list[float] = []
    for x in sorted(nilai):
        if not hasil or x - hasil[-1] > jarak:
            hasil.append(x)
    return hasil


_BIRU_HEADER = (0xD9, 0xE1, 0xF2)
_NOMOR_KOLOM = re.compile(r"\(\d+\)")  # Lampiran II's "(1) (2) (3) (4)" under the header


def _warna(r: dict[str, Any]) -> tuple[int, ...]:
    w = r.get("non_stroking_color")
    return tuple(round(x * 255) for x in w) if isinstance(w, (list, tuple)) else ()


def baca_pdf(path: Path) -> list[Lampiran]:
    """The PDF split into its appendices (a new one at each "Halaman 1")."""
    hasil: list[Lampiran] = []
    with pdfplumber.open(path) as dok:
        for i, pg in enumerate(dok.pages, start=1):
            kata = pg.extract_words(x_tolerance=1.5, use_text_flow=False, keep_blank_chars=False)
            teks = " ".join(w["text"] for w in kata)
            m = _KAKI.search(teks)
            assert m, f"halaman {i} tanpa nomor halaman"
            tepi = pg.edges
            garis_h = [(e["x0"], e["x1"], e["top"]) for e in tepi
                       if e["orientation"] == "h" and e["width"] > 3]
            kolom = _bersih([e["x0"] for e in tepi
                             if e["orientation"] == "v" and e["height"] > 3])
            # The header is the only shaded band of blue-grey (gaya "header", D9E1F2).
            header = [r["bottom"] for r in pg.rects if _warna(r) == _BIRU_HEADER]
            h = Halaman(i, int(m.group(1)), int(m.group(2)), teks,
                        [w for w in kata if not _KAKI.search(w["text"])], garis_h, kolom,
                        max(header, default=0.0))
            if h.x == 1:
                judul = next((j for j in JUDUL if teks.lstrip().startswith(j)), "?")
                hasil.append(Lampiran(judul))
            assert hasil, "halaman pertama PDF bukan halaman 1 lampiran"
            hasil[-1].halaman.append(h)
    return hasil


@dataclass
class Cetakan:
    nama: str
    data: dict[str, Any]
    pdf: Path
    lampiran: list[Lampiran]

    def __getitem__(self, judul: str) -> Lampiran:
        return next(x for x in self.lampiran if x.judul == judul)


def _cetak(folder: Path, nama: str) -> Cetakan:
    from rkt_xl.operasi import proses_satu

    indikator, program, kegiatan = UKURAN[nama]
    berkas = buat(folder / f"{nama}.xlsm", indikator, program, kegiatan)
    hasil = proses_satu(str(berkas), "proses")
    assert hasil.galat is None, hasil.galat
    keluar = pdf.ke_pdf(berkas, folder)
    return Cetakan(nama, data_sintetis(indikator, program, kegiatan), keluar, baca_pdf(keluar))


@pytest.fixture(scope="session")
def folder_cetak(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cetak")


@pytest.fixture(scope="session")
def cetakan(folder_cetak: Path) -> Iterator[dict[str, Cetakan]]:
    """Each synthetic workbook printed once per session (on demand)."""
    sudah: dict[str, Cetakan] = {}

    class _Malas(dict[str, Cetakan]):
        def __missing__(self, nama: str) -> Cetakan:
            sudah[nama] = _cetak(folder_cetak, nama)
            self[nama] = sudah[nama]
            return sudah[nama]

    yield _Malas()


# -- what the data says each column must show ------------------------------------------
def _isi_kolom(data: dict[str, Any], judul: str) -> dict[int, list[str]]:
    """Texts of the data by table column of an appendix (filled down as printed)."""
    sasaran = data["sasaran"]
    isi: dict[str, list[str]] = {"Tujuan": [], "Indikator Tujuan": [], "Sasaran": []}
    terakhir = {k: "" for k in isi}
    for b in sasaran:
        for k in isi:
            terakhir[k] = b.get(k) or terakhir[k]
            isi[k].append(terakhir[k])
    indikator = [b["Indikator Sasaran"] for b in sasaran]
    if judul == "Tabel 2.4":
        return {1: isi["Tujuan"], 2: isi["Indikator Tujuan"], 3: isi["Sasaran"], 4: indikator}
    if judul == "Tabel 2.5":
        return {2: [p["Program"] for p in data["program"]],
                3: [p["Indikator Program"] for p in data["program"]],
                6: [k["Kegiatan"] for k in data["kegiatan"]],
                7: [k["Indikator Kegiatan"] for k in data["kegiatan"]]}
    if judul == "Lampiran I:":
        return {2: [e["Indikator Sasaran"] for e in data["evaluasi"]]}
    return {2: isi["Sasaran"], 3: indikator}


# The column whose text must open every page after the first (a page read alone
# names its program / tujuan / sasaran).
_KOLOM_BLOK = {"Tabel 2.5": 2, "Tabel 2.4": 1, "Lampiran II:": 2}


# -- the checks ------------------------------------------------------------------------
def periksa_nomor(c: Cetakan) -> None:
    assert [x.judul for x in c.lampiran] == list(JUDUL), c.nama
    for lamp in c.lampiran:
        n = len(lamp.halaman)
        assert [h.x for h in lamp.halaman] == list(range(1, n + 1)), lamp.judul
        assert {h.y for h in lamp.halaman} == {n}, (lamp.judul, n)


def periksa_ttd(c: Cetakan) -> None:
    for lamp in c.lampiran:
        isi = {k: [_rapat(t) for t in ts] for k, ts in _isi_kolom(c.data, lamp.judul).items()}
        for h in lamp.halaman:
            if "NIP." not in h.teks:
                continue
            satu = Lampiran(lamp.judul, [h])
            assert any(t and t in satu.aliran(k) for k, ts in isi.items() for t in ts), \
                f"{c.nama} {lamp.judul} hlm {h.x}: tanda tangan tanpa baris data"


def periksa_lanjutan(c: Cetakan) -> None:
    for lamp in c.lampiran:
        kolom = _KOLOM_BLOK.get(lamp.judul)
        if kolom is None:
            continue
        nama = sorted({_rapat(t) for t in _isi_kolom(c.data, lamp.judul)[kolom]},
                      key=len, reverse=True)
        for h in lamp.halaman[1:]:
            potongan = Lampiran(lamp.judul, [h]).aliran(kolom)
            awal = next((x for x in nama if potongan.startswith(x)), None)
            assert awal is not None, f"{c.nama} {lamp.judul} hlm {h.x}: {potongan[:60]!r}"


def periksa_teks_utuh(c: Cetakan) -> None:
    for lamp in c.lampiran:
        for kolom, teks in _isi_kolom(c.data, lamp.judul).items():
            aliran = lamp.aliran(kolom)
            hilang = [t for t in teks if _rapat(t) not in aliran]
            assert not hilang, f"{c.nama} {lamp.judul} kolom {kolom}: {hilang[:3]}"
        for h in lamp.halaman:
            garis = sorted(h.garis_h, key=lambda g: g[2])
            tinggi = [g[2] for g in garis]
            for w in h.kata:
                # a rule strictly inside the word's line: the line is cut by a border
                i = bisect.bisect_right(tinggi, w["top"] + 1.0)
                while i < len(garis) and garis[i][2] < w["bottom"] - 1.0:
                    x0, x1, _ = garis[i]
                    if x0 - 0.5 <= w["x0"] and w["x1"] <= x1 + 0.5:
                        raise AssertionError(f"{c.nama} {lamp.judul} hlm {h.x}: "
                                             f"{w['text']!r} terpotong garis sel")
                    i += 1


def periksa_semua(c: Cetakan) -> None:
    periksa_nomor(c)
    periksa_ttd(c)
    periksa_lanjutan(c)
    periksa_teks_utuh(c)


# -- tests -------------------------------------------------------------------------------
@pytest.mark.parametrize("nama", ["k30", "p5x60"])
def test_cetak_sintetis(cetakan: dict[str, Cetakan], nama: str) -> None:
    periksa_semua(cetakan[nama])


def test_cetak_400_kegiatan(cetakan: dict[str, Cetakan], folder_cetak: Path,
                            request: pytest.FixtureRequest) -> None:
    c = cetakan["k400"]
    periksa_semua(c)
    jumlah = {x.judul: len(x.halaman) for x in c.lampiran}
    # Issue 12: 61 pages of Tabel 2.5 before; at most 42 with nothing cut off.
    assert jumlah["Tabel 2.5"] <= 42, jumlah
    assert jumlah["Tabel 2.4"] <= 6 and jumlah["Lampiran I:"] <= 5, jumlah
    _simpan_png(c.pdf, c.lampiran, _folder_artefak(folder_cetak), "k400", request)


@pytest.mark.lambat
def test_cetak_1500_kegiatan(cetakan: dict[str, Cetakan]) -> None:
    periksa_semua(cetakan["k1500"])


def test_cetak_contoh(contoh_xlsm: Path, folder_cetak: Path,
                     request: pytest.FixtureRequest) -> None:
    """The seed (RKT Sinjai 2018) as printed: numbered per appendix, the values of
    the document, the page images kept for a person to look at."""
    from rkt_xl.operasi import proses_satu

    berkas = contoh_xlsm
    assert proses_satu(str(berkas), "proses").galat is None
    keluar = pdf.ke_pdf(berkas, folder_cetak)
    lampiran = baca_pdf(keluar)
    assert [x.judul for x in lampiran] == list(JUDUL)
    for lamp in lampiran:
        n = len(lamp.halaman)
        assert [(h.x, h.y) for h in lamp.halaman] == [(i, n) for i in range(1, n + 1)]
    teks = "\n".join(h.teks for lamp in lampiran for h in lamp.halaman)
    for angka in ("102,38", "110,56", "118.136.000", "516.257.850", "84,03 %", "1,10"):
        assert angka in teks, angka
    assert "25.4500.000 *)" in teks and "Sinjai, ………… 2017" in teks
    _simpan_png(keluar, lampiran, _folder_artefak(folder_cetak), "contoh", request)


# -- page images -----------------------------------------------------------------------
def _folder_artefak(folder_cetak: Path) -> Path:
    folder = Path(os.environ.get("RKT_XL_ARTEFAK") or folder_cetak / "png")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _simpan_png(path: Path, lampiran: list[Lampiran], folder: Path, awalan: str,
                request: pytest.FixtureRequest) -> None:
    if shutil.which("pdftoppm") is None:
        return
    for lamp in lampiran:
        nomor = sorted({lamp.halaman[0].nomor, lamp.halaman[len(lamp.halaman) // 2].nomor,
                        lamp.halaman[-1].nomor})
        for n in nomor:
            nama = f"{awalan}_{_rapat(lamp.judul).rstrip(':')}_hlm{n - lamp.halaman[0].nomor + 1}"
            subprocess.run(["pdftoppm", "-png", "-r", "70", "-singlefile", "-f", str(n),
                            "-l", str(n), str(path), str(folder / nama)], check=True)
    request.node.user_properties.append(("png", str(folder)))
