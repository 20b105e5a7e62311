"""Minimal reproducers of the defect classes the fuzzer finds (issue 16).

One test per defect class, each building its bad workbook in a few lines from the
clean workbook of the corpus (``buat_korpus.bersih``), and each asserting the
behaviour the issue asks for. A class found and not fixed yet is marked
``xfail(strict=True)`` (with its reason): the bounded fuzz run (tests/fuzz/test_fuzz.py)
tolerates exactly those classes (tests/fuzz/dikenal.py reads the markers). Every class
found so far is fixed: no marker is left, and any finding of these classes fails the
bounded run again.

Each docstring names a fuzz input that found the class (with the generator of the same
commit):
``python -m tests.fuzz --satu LEVEL:SEED:INDEX`` runs it again.
"""

from __future__ import annotations

import struct
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from rkt_xl.operasi import Hasil, proses_satu
from tests.fuzz.bahasa import Pengguna, periksa_teks
from tests.fuzz.checker import openpyxl_membaca
from tests.fuzz.generator import NS_STRICT, entri_zip
from tests.korpus import buat_korpus as bk

# -- helpers ----------------------------------------------------------------------------------


def _tulis(tmp_path: Path, data: bytes, nama: str = "rkt.xlsm") -> Path:
    path = tmp_path / nama
    path.write_bytes(data)
    return path


def _data(ubah: Callable[[dict[str, Any]], None]) -> bytes:
    """The clean data changed by ``ubah``, through the template builder."""
    return bk.bersih_dengan(ubah)()


def _jalankan(path: Path, perintah: str) -> Hasil:
    """One command in-process, exactly as the CLI runs it per file."""
    return proses_satu(str(path), perintah)


def _tanpa_galat_internal(h: Hasil) -> None:
    assert "kesalahan tak terduga" not in (h.galat or ""), h.galat


def _temuan(h: Hasil) -> set[tuple[str, str, str, str]]:
    assert h.laporan is not None, h.galat
    return {(t.tingkat.value, t.aturan, t.lembar, t.sel) for t in h.laporan.temuan}


def _idempoten(path: Path) -> None:
    """``proses`` twice: the second run writes nothing and reports the same."""
    h1 = _jalankan(path, "proses")
    sesudah1 = path.read_bytes()
    h2 = _jalankan(path, "proses")
    assert h1.galat is None and h2.galat is None, (h1.galat, h2.galat)
    assert _temuan(h1) == _temuan(h2)
    assert path.read_bytes() == sesudah1, "proses kedua mengubah berkas lagi"


def _tambal_entri(data: bytes, nama: str, tambal: Callable[[bytearray, Any], None]) -> bytes:
    """Patch the zip headers/data of one entry in place (``tambal(bytes, entry)``)."""
    hasil = bytearray(data)
    tambal(hasil, next(e for e in entri_zip(data) if e.nama == nama.encode()))
    return bytes(hasil)


def _ganti_part(data: bytes, lembar: str, lama: bytes, baru: bytes) -> bytes:
    part = bk.part_lembar(bk.baca_zip(data), lembar)
    isi = bk.baca_zip(data)[part]
    assert lama in isi
    return bk.ubah_zip(data, {part: isi.replace(lama, baru)})


def _lembar_kegiatan(data: bytes) -> str:
    return bk.part_lembar(bk.baca_zip(data), "Kegiatan")


# -- 1. numbers no Excel-range policy covers: an internal error instead of a galat -------------


@pytest.mark.parametrize(("tabel", "kolom", "nilai"), [
    ("sasaran", "Target", 1e28), ("kegiatan", "Pagu", 1e30), ("evaluasi", "Realisasi", 1e300)])
def test_angka_besar_tanpa_galat_internal(tmp_path: Path, tabel: str, kolom: str,
                                          nilai: float) -> None:
    """A normal Excel number of 1E+28 or more. Found by e.g. sel:3:6."""
    path = _tulis(tmp_path, _data(lambda d: d[tabel][0].__setitem__(kolom, nilai)))
    for perintah in ("validasi", "proses"):
        _tanpa_galat_internal(_jalankan(path, perintah))


def test_angka_tak_hingga_tanpa_galat_internal(tmp_path: Path) -> None:
    """A number beyond the double range. Found by e.g. sel:3:5."""
    path = _tulis(tmp_path, bk.ganti_sel(bk.bersih(), "Kegiatan",
                                         bk.sel_mentah('<c r="G2"><v>1e309</v></c>')))
    _tanpa_galat_internal(_jalankan(path, "proses"))


def test_eksponen_raksasa_tanpa_galat_internal(tmp_path: Path) -> None:
    """An exponent past Decimal's context. Found by e.g. sel:3:90."""
    path = _tulis(tmp_path, bk.ganti_sel(bk.bersih(), "Kegiatan",
                                         bk.sel_mentah('<c r="G2"><v>1E+999999999</v></c>')))
    _tanpa_galat_internal(_jalankan(path, "validasi"))


def test_numfmtid_bukan_angka_tanpa_galat_internal(tmp_path: Path) -> None:
    """``<xf numFmtId="abc">`` in cellXfs. Found by e.g. xml:1:10 ('1.0')."""
    def f(gaya: etree._Element) -> None:
        xf = gaya.find(f"{bk.M}cellXfs/{bk.M}xf")
        assert xf is not None
        xf.set("numFmtId", "abc")

    data = bk.edit(bk.bersih(), part="xl/styles.xml", fungsi=f)
    _tanpa_galat_internal(_jalankan(_tulis(tmp_path, data), "validasi"))


# -- 2. package errors that escape as internal errors -----------------------------------------


def test_nama_zip_bukan_utf8_tanpa_galat_internal(tmp_path: Path) -> None:
    """An entry name with a byte that is not UTF-8 while the UTF-8 flag is set. Found by
    e.g. zip:2:45."""
    def tambal(b: bytearray, e: Any) -> None:
        for awal, geser_nama, geser_flag in ((e.lokal, 30, 6), (e.pusat, 46, 8)):
            b[awal + geser_nama + 3] = 0xFF  # "docP\xffops/app.xml"
            flag = struct.unpack_from("<H", b, awal + geser_flag)[0]
            struct.pack_into("<H", b, awal + geser_flag, flag | 0x800)

    path = _tulis(tmp_path, _tambal_entri(bk.bersih(), "docProps/app.xml", tambal))
    _tanpa_galat_internal(_jalankan(path, "validasi"))


def test_deflate_rusak_tanpa_galat_internal(tmp_path: Path) -> None:
    """The compressed data of a sheet starts with a reserved block type. Found by e.g.
    zip:2:3 (and zip:2:1: garbage inside the stream)."""
    data = bk.bersih()

    def tambal(b: bytearray, e: Any) -> None:
        b[e.data] = 0x07  # BFINAL=1, BTYPE=11 (reserved)

    path = _tulis(tmp_path, _tambal_entri(data, _lembar_kegiatan(data), tambal))
    _tanpa_galat_internal(_jalankan(path, "validasi"))


@pytest.mark.parametrize(("part", "sebelum"), [
    ("xl/_rels/workbook.xml.rels", b"<Relationship "),  # AttributeError: ... 'startswith'
    ("xl/workbook.xml", b"<sheet "),  # AttributeError: ... 'lower'
    ("xl/sharedStrings.xml", b"<si>"),  # every later shared string read one off
])
def test_komentar_xml_diabaikan(tmp_path: Path, part: str, sebelum: bytes) -> None:
    """An XML comment, valid anywhere in XML (hand edits and other writers leave them),
    is taken for an element where rkt_xl iterates children. Found by the xml level
    (x_asing), e.g. xml:2:80; the sharedStrings case reads silently wrong (no check of
    the fuzzer sees it: found while reducing)."""
    data = bk.ubah_zip(bk.bersih(), {part: lambda isi: isi.replace(
        sebelum, b"<!-- catatan -->" + sebelum, 1)})
    h = _jalankan(_tulis(tmp_path, data), "validasi")
    _tanpa_galat_internal(h)
    assert _temuan(h) == _temuan(_jalankan(_tulis(tmp_path, bk.bersih(), "asli.xlsm"),
                                           "validasi"))


# -- 3. output rkt-xl itself refuses ------------------------------------------------------------


def test_relasi_lembar_hasil_bukan_worksheet(tmp_path: Path) -> None:
    """``Lampiran II`` behind a chartsheet relationship: proses appends a second
    ``Lampiran II`` and the next run refuses the file. Found by e.g. xml:3:15, zip:2:0."""
    def f(rels: etree._Element) -> None:
        wb = bk.xml(bk.baca_zip(bk.bersih())["xl/workbook.xml"])
        rid = next(s.get(f"{{{bk.NS_R}}}id") for s in wb.iter(bk.M + "sheet")
                   if s.get("name") == "Lampiran II")
        next(r for r in rels if r.get("Id") == rid).set("Type", f"{bk.NS_R}/chartsheet")

    path = _tulis(tmp_path, bk.edit(bk.bersih(), part="xl/_rels/workbook.xml.rels", fungsi=f))
    sebelum = path.read_bytes()
    # The name is taken by a sheet that is not a worksheet: no second sheet of that
    # name is ever added (the output would be unreadable); the user is told, in
    # Indonesian, which sheet and what to do, and the file stays as it was.
    galat = _jalankan(path, "proses").galat
    assert galat is not None and "'Lampiran II'" in galat and "bukan lembar kerja" in galat
    assert path.read_bytes() == sebelum
    assert _jalankan(path, "validasi").galat is None  # still read


# -- 4. not idempotent ------------------------------------------------------------------------


@pytest.mark.parametrize("sel", ['<c r="H5"><v>100</v></c>',
                                 '<c r="I5" t="inlineStr"><is><t>Sangat Tinggi</t></is></c>'])
def test_evaluasi_hanya_kolom_hitung_idempoten(tmp_path: Path, sel: str) -> None:
    """A row with only a computed column: 4 galat, Hitung empties it, the next run
    reports 0. Found by e.g. sel:3:4."""
    path = _tulis(tmp_path, bk.ganti_sel(bk.bersih(), "Evaluasi", bk.sel_mentah(sel)))
    _idempoten(path)


@pytest.mark.parametrize(("lembar", "sel"), [
    ("Evaluasi", '<c r="H2" t="e"><v>#REF!</v></c>'),
    ("Program", '<c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c>')])
def test_galat_di_kolom_hitung_idempoten(tmp_path: Path, lembar: str, sel: str) -> None:
    """An error value in Capaian (%) / Pagu Program: rumus-galat is still listed after
    Hitung wrote the cell, and gone on the next run. Found by e.g. sel:3:19."""
    path = _tulis(tmp_path, bk.ganti_sel(bk.bersih(), lembar, bk.sel_mentah(sel)))
    _idempoten(path)


@pytest.mark.parametrize(("lembar", "sel"), [
    ("Evaluasi", '<c r="H2"><v>1</v><v>2</v></c>'),
    ("Program", '<c r="E2"><v>1</v><v>2</v></c>'),
    ("Evaluasi", '<c r="H2" t="e"><v>#N/A</v><v>#NULL!</v></c>')])
def test_dua_v_satu_aturan(tmp_path: Path, lembar: str, sel: str) -> None:
    """Two ``<v>`` in a computed cell: Hitung writes one, the next run reads the other
    and writes again. With error values it first leaves ``<v>#NULL!</v>`` in what is
    now a number cell, which openpyxl (and Excel) refuse. Found by the xml level:
    xml:3:29, xml:3:23."""
    path = _tulis(tmp_path, bk.ganti_sel(bk.bersih(), lembar, bk.sel_mentah(sel)))
    assert _jalankan(path, "proses").galat is None
    sesudah = path.read_bytes()
    assert openpyxl_membaca(sesudah) is None
    assert _jalankan(path, "proses").galat is None
    assert path.read_bytes() == sesudah, "proses kedua mengubah berkas lagi"


def test_sharedstrings_strict_terbaca(tmp_path: Path) -> None:
    """The same workbook with its shared strings in the Strict OOXML namespace reads
    the same (today: every text empty, 57 galat; on the example, the first proses
    differs from the second). Found by e.g. xml:3:85."""
    parts = bk.baca_zip(bk.bersih())
    parts["xl/sharedStrings.xml"] = parts["xl/sharedStrings.xml"].replace(
        bk.NS.encode(), NS_STRICT.encode())
    asli = _tulis(tmp_path, bk.bersih(), "asli.xlsm")
    strict = _tulis(tmp_path, bk.tulis_zip(parts), "strict.xlsm")
    h = _jalankan(strict, "validasi")
    # Read the same: every text is there. One part in the Strict namespace inside a
    # transitional workbook is itself damage Excel repairs (second campaign): named.
    assert _temuan(h) - {("peringatan", "bagian-rusak", "", "")} == \
        _temuan(_jalankan(asli, "validasi"))
    assert h.laporan is not None and any(
        t.aturan == "bagian-rusak" and "xl/sharedStrings.xml" in t.pesan and "Strict" in t.pesan
        for t in h.laporan.temuan)


# -- 5. time --------------------------------------------------------------------------------


def test_teks_panjang_tanpa_spasi_linear(tmp_path: Path) -> None:
    """A 16.000-character Nama OPD without a space: proses must cost about what it costs
    with a short name (today 8× the 4.000-character time, ~4 s; linear it is ~0.1 s
    more). Found by e.g. sel:3:25."""
    def waktu(nama_opd: str, nama: str) -> float:
        path = _tulis(tmp_path, _data(lambda d: d["identitas"].__setitem__("Nama OPD",
                                                                             nama_opd)), nama)
        mulai = time.perf_counter()
        assert _jalankan(path, "proses").galat is None
        return time.perf_counter() - mulai

    dasar = min(waktu("Dinas Koperasi", f"dasar{i}.xlsm") for i in range(2))
    assert waktu("x" * 16_000, "panjang.xlsm") < 3 * dasar + 0.5


# -- 6. language of refusals ------------------------------------------------------------------


def _terpotong() -> bytes:
    return bk.bersih()[:30_000]


def _crc_salah() -> bytes:
    data = bk.bersih()

    def tambal(b: bytearray, e: Any) -> None:
        struct.pack_into("<I", b, e.lokal + 14, 0xDEADBEEF)
        struct.pack_into("<I", b, e.pusat + 16, 0xDEADBEEF)

    return _tambal_entri(data, _lembar_kegiatan(data), tambal)


def _metode(metode: int) -> Callable[[], bytes]:
    def buat() -> bytes:
        def tambal(b: bytearray, e: Any) -> None:
            struct.pack_into("<H", b, e.lokal + 8, metode)
            struct.pack_into("<H", b, e.pusat + 10, metode)

        return _tambal_entri(bk.bersih(), "xl/sharedStrings.xml", tambal)

    return buat


def _nama_lokal_beda() -> bytes:
    def tambal(b: bytearray, e: Any) -> None:
        b[e.lokal + 30 + 2] = ord("Q")  # "[CQntent_Types].xml" in the local header only

    return _tambal_entri(bk.bersih(), "[Content_Types].xml", tambal)


def _bersarang() -> bytes:
    data = bk.bersih()
    part = _lembar_kegiatan(data)
    return bk.ubah_zip(data, {part: lambda isi: isi.replace(
        b"</sheetData>", b"<x>" * 3000 + b"</x>" * 3000 + b"</sheetData>")})


def _xml_terpotong() -> bytes:
    return bk.ubah_zip(bk.bersih(), {"xl/workbook.xml": lambda isi: isi[:len(isi) // 2]})


@pytest.mark.parametrize("buat", [
    pytest.param(_terpotong, id="zip-terpotong"),  # (File is not a zip file)
    pytest.param(_crc_salah, id="crc"),  # (Bad CRC-32 for file …)
    pytest.param(_metode(99), id="metode-99"),  # (That compression method is not supported)
    pytest.param(_metode(12), id="metode-bzip2"),  # (None)
    pytest.param(_nama_lokal_beda, id="nama-lokal-beda"),  # File name in directory … differ
    pytest.param(_bersarang, id="bersarang"),  # Excessive depth in document: 2048 …
    pytest.param(_xml_terpotong, id="xml-terpotong"),  # Premature end of data …, line 2
])
def test_pesan_penolakan_hanya_indonesia(tmp_path: Path, buat: Callable[[], bytes]) -> None:
    """A refused file gets one Indonesian sentence, no embedded exception text.
    Found by e.g. zip:2:6, zip:2:28, zip:2:21, zip:2:29, zip:2:5, xml:3:8."""
    path = _tulis(tmp_path, buat())
    h = _jalankan(path, "validasi")
    assert h.galat is not None
    _tanpa_galat_internal(h)
    assert not periksa_teks(h.galat, Pengguna([str(path)])), h.galat


# -- 7. broken parts passed on silently --------------------------------------------------------


def _numfmtid_desimal(gaya: etree._Element) -> None:
    next(gaya.iter(bk.M + "xf")).set("numFmtId", "1.0")


def _extlst_di_kolom_tabel(tabel: etree._Element) -> None:
    kolom = tabel.find(bk.M + "tableColumns")
    assert kolom is not None
    kolom.insert(2, etree.Element(bk.M + "extLst"))


@pytest.mark.parametrize(("ubah", "bagian"), [
    # Found by zip:2:0, xml:3:3: an empty comments part
    (lambda d: bk.ubah_zip(d, {"xl/comments1.xml": b""}), "xl/comments1.xml"),
    # sel:1:19, sel:1:31: t="d" holds ISO 8601 only (openpyxl: "month must be in 1..12")
    (lambda d: bk.ganti_sel(d, "Pengaturan", bk.sel_mentah(
        '<c r="B4" t="d"><v>2018-13-45</v></c>')), "Pengaturan!B4"),
    # xml:1:10, xml:1:27: a number format id that is not an integer
    (lambda d: bk.edit(d, part="xl/styles.xml", fungsi=_numfmtid_desimal), "xl/styles.xml"),
    # xml:1:5: an element other than tableColumn inside a table's column list
    (lambda d: bk.edit(d, tabel="tblEvaluasi", fungsi=_extlst_di_kolom_tabel), "tables/"),
    # second campaign (seed 2): each a schema violation openpyxl refuses
    # xml:2:27: a cell's style index that does not exist
    (lambda d: bk.ganti_sel(d, "Evaluasi", bk.sel_mentah('<c r="B4" s="x"><v>1</v></c>')),
     "Evaluasi!B4"),
    # xml:2:685: an xf pointing past the borders (openpyxl fails once a cell uses it)
    (lambda d: bk.edit(d, part="xl/styles.xml", fungsi=lambda st: next(
        st.iter(bk.M + "xf")).set("borderId", "300")), "xl/styles.xml"),
    # xml:2:9: a table id that is not an integer
    (lambda d: bk.edit(d, tabel="tblProgram", fungsi=lambda t: t.set("id", "x")), "tables/"),
    # xml:2:134: an element other than Relationship in a relationships part
    (lambda d: bk.edit(d, part="xl/_rels/workbook.xml.rels", fungsi=lambda r: r.append(
        etree.Element(f"{{{bk.NS_REL}}}bukan"))), "xl/_rels/workbook.xml.rels"),
    # xml:2:936: a sheet name Excel forbids
    (lambda d: bk.edit(d, part="xl/workbook.xml", fungsi=lambda wb: next(
        x for x in wb.iter(bk.M + "sheet") if x.get("name") == "Beranda").set(
        "name", "Ber[a]nda")), "xl/workbook.xml"),
    # xml:2:674: a print name scoped to a sheet that does not exist
    (lambda d: bk.edit(d, part="xl/workbook.xml", fungsi=lambda wb: next(
        wb.iter(bk.M + "definedName")).set("localSheetId", "x")), "xl/workbook.xml"),
    # sel:2:528: a boolean stored as TRUE (Excel and LibreOffice store 1)
    (lambda d: bk.ganti_sel(d, "Evaluasi", bk.sel_mentah(
        '<c r="C2" t="b"><v>TRUE</v></c>')), "Evaluasi!C2"),
    # xml:2:96: one part in the Strict namespace in a transitional workbook
    (lambda d: bk.ubah_zip(d, {"xl/sharedStrings.xml": bk.baca_zip(d)[
        "xl/sharedStrings.xml"].replace(
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        b"http://purl.oclc.org/ooxml/spreadsheetml/main")}), "xl/sharedStrings.xml"),
    # zip:2:627: the shared strings under another content type
    (lambda d: bk.edit(d, part="[Content_Types].xml", fungsi=lambda ct: next(
        o for o in ct if o.get("PartName") == "/xl/sharedStrings.xml").set(
        "ContentType", "application/xml")), "xl/sharedStrings.xml"),
    # third campaign (seed 3)
    # xml:3:6, xml:3:566: a pane name the schema does not have
    (lambda d: _ganti_part(d, "Identitas", b'activePane="bottomLeft"', b'activePane="1,5"'),
     "xl/worksheets/sheet2.xml"),
    # xml:3:598: a fill pattern the schema does not have
    (lambda d: bk.edit(d, part="xl/styles.xml", fungsi=lambda st: next(
        st.iter(bk.M + "patternFill")).set("patternType", "A1")), "xl/styles.xml"),
    # xml:3:797: a row height that is not a number
    (lambda d: bk.edit(d, lembar="Kegiatan", fungsi=lambda ws: next(
        ws.iter(bk.M + "row")).set("ht", "")), "Kegiatan"),
    # zip:3:169: the workbook part falls back to the Default application/xml
    (lambda d: bk.edit(d, part="[Content_Types].xml", fungsi=lambda ct: ct.remove(next(
        o for o in ct if o.get("PartName") == "/xl/workbook.xml"))), "xl/workbook.xml"),
    # zip:3:265: an Override naming the part in other letter case
    (lambda d: bk.edit(d, part="[Content_Types].xml", fungsi=lambda ct: next(
        o for o in ct if o.get("PartName") == "/xl/sharedStrings.xml").set(
        "PartName", "/XL/SHAREDSTRINGS.XML")), "xl/sharedStrings.xml"),
    # xml:3:1581: a shared string deleted: the last index points past the table
    (lambda d: bk.edit(d, part="xl/sharedStrings.xml", fungsi=lambda sst: sst.remove(
        sst[0])), "sheet"),
    # fourth campaign (seed 4)
    # xml:4:76: a colour index that is not a number
    (lambda d: bk.edit(d, part="xl/styles.xml", fungsi=lambda st: next(
        st.iter(bk.M + "bgColor")).set("indexed", "NaN")), "bgColor indexed"),
    # xml:4:1463: a border style the schema does not have
    (lambda d: bk.edit(d, part="xl/styles.xml", fungsi=lambda st: next(
        st.iter(bk.M + "left")).set("style", "0x10")), "left style"),
], ids=["comments-kosong", "tanggal-tidak-sah", "numfmtid-desimal", "extlst-di-kolom",
        "gaya-sel-tidak-ada", "borderid-di-luar", "id-tabel", "rels-elemen-asing",
        "nama-lembar", "localsheetid", "boolean-true", "strict-campuran",
        "jenis-isi-sst", "nama-pane", "pola-isian", "tinggi-baris", "jenis-isi-workbook",
        "partname-huruf", "teks-bersama-hilang", "warna-indeks", "gaya-garis"])
def test_part_rusak_dilaporkan(tmp_path: Path, ubah: Callable[[bytes], bytes],
                               bagian: str) -> None:
    """A part openpyxl refuses (the premise: Excel refuses or repairs it too): rkt-xl may
    keep the part as it is, but must name it in a galat or peringatan."""
    data = ubah(bk.bersih())
    assert openpyxl_membaca(data) is not None  # the premise: another reader refuses it
    h = _jalankan(_tulis(tmp_path, data), "validasi")
    assert h.laporan is not None, h.galat
    assert any(t.tingkat.value in ("galat", "peringatan") and bagian in t.pesan
               for t in h.laporan.temuan), _temuan(h)
    # and a clean workbook has no such finding: the check is not a blanket warning
    bersih = _jalankan(_tulis(tmp_path, bk.bersih(), "bersih.xlsm"), "validasi")
    assert bersih.laporan is not None
    assert not [t for t in bersih.laporan.temuan if t.aturan == "bagian-rusak"]


def _atribut_gaya_bersih() -> list[tuple[str, str]]:
    from rkt_xl.engine.file.skema_gaya import _SKEMA

    gaya = etree.fromstring(bk.baca_zip(bk.bersih())["xl/styles.xml"])
    ada = {etree.QName(e).localname for e in gaya.iter() if isinstance(e.tag, str)}
    return [(el, a) for el, atribut in _SKEMA.items() if el in ada for a in atribut]


@pytest.mark.parametrize(("elemen", "atribut"), _atribut_gaya_bersih())
def test_atribut_gaya_menurut_skema(elemen: str, atribut: str) -> None:
    """Seed 4 found two style attributes of a wrong type, one at a time; every typed
    attribute of the template's stylesheet is checked: "NaN" fits none of the types
    (unsigned, int, double, boolean, enumeration, ARGB), the value Excel wrote fits."""
    from rkt_xl.engine.file.skema_gaya import atribut_gaya_salah

    gaya = etree.fromstring(bk.baca_zip(bk.bersih())["xl/styles.xml"])
    assert list(atribut_gaya_salah(gaya)) == []
    el = next(gaya.iter(bk.M + elemen))
    el.set(atribut, "NaN")
    assert list(atribut_gaya_salah(gaya)) == [f"{elemen} {atribut} 'NaN' tidak sah"]


# -- 8. second campaign (seed 2): not idempotent, English, refused writes -----------------------


@pytest.mark.parametrize("sel", [
    '<c r="H3"><v>NaN</v></c>',  # sel:2:3: damage in a computed cell Hitung repairs
    '<c r="H3" t="inlineStr"><is><t>baris&#13;\nbaru</t></is></c>',  # sel:2:344: a CR
])
def test_kolom_hitung_rusak_idempoten(tmp_path: Path, sel: str) -> None:
    """A damaged or CR-holding value in Capaian (%): the first run overwrites it (and
    records the old text in the history); the second run reports and writes the same."""
    path = _tulis(tmp_path, bk.ganti_sel(bk.bersih(), "Evaluasi", bk.sel_mentah(sel)))
    _idempoten(path)


def test_capaian_raksasa_idempoten(tmp_path: Path) -> None:
    """A capaian of ~1.6e200 computed exactly is stored as the nearest double; read
    back, it is the same value, not a change to record again. Found by sel:2:163."""
    def ubah(d: dict[str, Any]) -> None:
        d["evaluasi"][0]["Target"] = 1.5
        d["evaluasi"][0]["Realisasi"] = 2.335302237558127e198
    path = _tulis(tmp_path, _data(ubah))
    _idempoten(path)


def test_entri_zip_ganda_tidak_ditulis(tmp_path: Path) -> None:
    """Two entries of one name: which is the workbook's? validasi reads the last and
    says so; proses refuses to write (the output would silently drop one). Found by
    zip:2:272, zip:2:1478."""
    isi = bk.baca_zip(bk.bersih())
    data = bk.tulis_zip([*isi.items(), ("xl/styles.xml", isi["xl/styles.xml"])])
    path = _tulis(tmp_path, data)
    v = _jalankan(path, "validasi")
    assert v.laporan is not None
    assert any(t.aturan == "bagian-rusak" and "xl/styles.xml" in t.pesan
               for t in v.laporan.temuan), _temuan(v)
    h = _jalankan(path, "proses")
    assert h.galat is not None and "dua kali" in h.galat and "tidak diubah" in h.galat
    assert path.read_bytes() == data


def test_rumus_dikutip_dalam_pesan(tmp_path: Path) -> None:
    """The formula a message names is quoted as the user's text ('=SUM(1,2)'), not run
    into the sentence. Found by sel:2:233."""
    path = _tulis(tmp_path, bk.ganti_sel(bk.bersih(), "Identitas", bk.sel_mentah(
        '<c r="B7"><f>SUM(1,2)</f></c>')))
    h = _jalankan(path, "validasi")
    assert h.laporan is not None
    pesan = [t.pesan for t in h.laporan.temuan if t.aturan == "rumus-tanpa-nilai"]
    assert pesan and "rumus '=SUM(1,2)' yang" in pesan[0]


@pytest.mark.parametrize("struktur_rusak", [False, True])
def test_lembar_hasil_rusak(tmp_path: Path, struktur_rusak: bool) -> None:
    """A generated sheet whose XML is cut: validasi names it. proses replaces the sheet
    whole, so the damage is gone and no longer reported (a second run reports the same);
    with a broken structure no appendix is written, and the damage stays reported on
    every run. Found by xml:1:11 (the bounded run of the final code)."""
    data = bk.contoh()
    if struktur_rusak:
        data = bk.edit(data, tabel="tblKegiatan", fungsi=lambda t: bk.atur_tabel(t, nama="T6"))
    part = bk.part_lembar(bk.baca_zip(data), "Tabel 2.4")
    data = bk.ubah_zip(data, {part: bk.baca_zip(data)[part][:400]})
    path = _tulis(tmp_path, data)
    v = _jalankan(path, "validasi")
    assert ("peringatan", "bagian-rusak", "Tabel 2.4", "") in _temuan(v), _temuan(v)
    h = _jalankan(path, "proses")
    assert (("peringatan", "bagian-rusak", "Tabel 2.4", "") in _temuan(h)) is struktur_rusak
    assert (openpyxl_membaca(path.read_bytes()) is None) is not struktur_rusak
    _idempoten(path)


# -- 9. third campaign (seed 3) --------------------------------------------------------------


@pytest.mark.parametrize("rusak", ["strict", "baris-tanpa-nomor"])
def test_lembar_diperbaiki_saat_ditulis(tmp_path: Path, rusak: str) -> None:
    """Damage the reader reads through (a sheet in the Strict namespace in a
    Transitional workbook, a row with r=""): validasi names it; proses writes the sheet
    back repaired and no longer reports it, so a second run reports and writes the
    same. Found by xml:3:105 (Strict) and xml:3:113 (r="")."""
    data = bk.bersih()
    if rusak == "strict":
        data = _ganti_part(data, "Evaluasi",
                           b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                           b"http://purl.oclc.org/ooxml/spreadsheetml/main")
    else:
        data = bk.edit(data, lembar="Evaluasi", fungsi=lambda ws: list(
            ws.iter(bk.M + "row"))[-1].set("r", ""))
    path = _tulis(tmp_path, data)
    v = _jalankan(path, "validasi")
    assert ("peringatan", "bagian-rusak", "Evaluasi", "") in _temuan(v), _temuan(v)
    h = _jalankan(path, "proses")
    assert not [t for t in _temuan(h) if t[1] == "bagian-rusak"], _temuan(h)
    assert openpyxl_membaca(path.read_bytes()) is None
    part = bk.part_lembar(bk.baca_zip(path.read_bytes()), "Evaluasi")
    isi = bk.baca_zip(path.read_bytes())[part]
    assert b"purl.oclc.org" not in isi and b'r=""' not in isi
    _idempoten(path)


def test_tahun_ribuan_angka_tanpa_galat_internal(tmp_path: Path) -> None:
    """A Tahun RKT of 5,000 digits (past Python's int conversion limit) is not a year,
    never an internal error. Found by sel:3:901 (a 32,767-digit text)."""
    def ubah(d: dict[str, Any]) -> None:
        d["identitas"]["Tahun RKT"] = "9" * 5000
    h = _jalankan(_tulis(tmp_path, _data(ubah)), "validasi")
    _tanpa_galat_internal(h)
    assert h.laporan is not None


def test_nomor_baris_tak_tampak_dikutip(tmp_path: Path) -> None:
    """A row number holding a zero-width space is refused naming it, not as Python's
    repr ('\\u200b'). Found by xml:3:4."""
    data = bk.edit(bk.bersih(), lembar="Program", fungsi=lambda ws: list(
        ws.iter(bk.M + "row"))[1].set("r", "\u200b"))
    h = _jalankan(_tulis(tmp_path, data), "validasi")
    assert h.galat is not None and "'⟨U+200B⟩'" in h.galat, h.galat
    assert periksa_teks(h.galat, Pengguna([])) == []
