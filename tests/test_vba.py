"""The template's VBA project, read back with oletools: no drift, and every name resolves.

Excel is not available in CI, so these checks stand in for "open it and press the
buttons": every module is readable, the project header makes Office compile from
source, every ribbon callback and button macro is a Sub of the right shape, every Sub
runs an existing Python function, and the modules copied or generated at build time
match what the pinned xlwings and the current rkt_xl.udfs would give today.
"""

from __future__ import annotations

import ast
import io
import re
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import olefile  # type: ignore[import-untyped]
import pytest
import xlwings
from lxml import etree

with warnings.catch_warnings():
    # oletools still uses pyparsing's old camelCase names; not ours to fix.
    warnings.simplefilter("ignore", DeprecationWarning)
    from oletools.olevba import VBA_Parser

from rkt_xl.templat import TOMBOL_BERANDA, bangun
from rkt_xl.templat.beranda import MAKRO_TOMBOL
from rkt_xl.templat.ribbon import BAGIAN_RIBBON, NS_CUSTOMUI14
from rkt_xl.templat.sumber import (
    BAS_XLWINGS,
    CLS_DICTIONARY,
    FOLDER_VBA,
    MODUL_UDF,
    NAMA_MODUL_UDF,
    ada_modul_udf,
    modul_udf,
    versi_bas,
)

AKAR = Path(__file__).resolve().parent.parent
TEMPLAT = AKAR / "workbook" / "RKT_template.xlsm"
EXCEL_PY = AKAR / "rkt_xl" / "excel.py"
QUICKSTART = Path(xlwings.__file__).parent / "quickstart_standalone.xlsm"

# Public Sub/Function headers; a Declare line is not a procedure.
_PROSEDUR = re.compile(
    r"^[ \t]*(?:(Public|Private|Friend)[ \t]+)?(?:Static[ \t]+)?(Sub|Function)[ \t]+(\w+)"
    r"[ \t]*\(([^)]*)\)", re.IGNORECASE | re.MULTILINE)
_RUNPYTHON = re.compile(r'^\s*RunPython\s+"([^"]*)"\s*$', re.MULTILINE)
_PERINTAH = re.compile(r"^import rkt_xl\.excel as m; m\.(\w+)\(\)$")


@dataclass(frozen=True)
class Prosedur:
    modul: str
    nama: str
    jenis: str  # "sub" | "function"
    publik: bool
    parameter: str
    isi: str


def _bersih(kode: str) -> str:
    """Source without attribute lines or a .cls header, LF line ends: what a person wrote."""
    baris = kode.replace("\r\n", "\n").split("\n")
    if baris and baris[0].startswith("VERSION ") and "CLASS" in baris[0]:
        baris = baris[baris.index("END") + 1:]
    return "\n".join(b for b in baris if not b.startswith("Attribute ")).strip("\n")


def modul_berkas(berkas: Path | bytes) -> dict[str, str]:
    """Every VBA module of a workbook, by name (file name without .bas/.cls), via olevba."""
    data = berkas if isinstance(berkas, bytes) else berkas.read_bytes()
    parser = VBA_Parser("templat.xlsm", data=data)
    try:
        assert parser.detect_vba_macros()
        return {Path(nama).stem: kode for _, _, nama, kode in parser.extract_macros()}
    finally:
        parser.close()


def prosedur(modul: dict[str, str]) -> Iterator[Prosedur]:
    for nama_modul, kode in modul.items():
        teks = kode.replace("\r\n", "\n")
        for cocok in _PROSEDUR.finditer(teks):
            cakupan, jenis, nama, parameter = cocok.groups()
            akhir = re.compile(rf"^\s*End\s+{jenis}\b", re.IGNORECASE | re.MULTILINE)
            penutup = akhir.search(teks, cocok.end())
            assert penutup is not None, f"{nama_modul}.{nama}: tanpa End {jenis}"
            yield Prosedur(nama_modul, nama, jenis.lower(),
                           (cakupan or "Public").lower() == "public",
                           " ".join(parameter.split()), teks[cocok.end():penutup.start()])


@pytest.fixture(scope="module")
def segar() -> bytes:
    buffer = io.BytesIO()
    bangun(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def modul(segar: bytes) -> dict[str, str]:
    return modul_berkas(segar)


@pytest.fixture(scope="module")
def publik(modul: dict[str, str]) -> dict[str, Prosedur]:
    """Public procedures of standard modules (what Excel can call by bare name)."""
    standar = {n: k for n, k in modul.items() if _jenis_modul(modul, n) == "standar"}
    return {p.nama.lower(): p for p in prosedur(standar) if p.publik}


def _jenis_modul(modul: dict[str, str], nama: str) -> str:
    kode = modul[nama]
    if 'Attribute VB_Base = "0{00020' in kode:
        return "dokumen"
    return "kelas" if "Attribute VB_Base" in kode else "standar"


# -- no drift ---------------------------------------------------------------------------

def test_templat_tersimpan_sama_dengan_bangunan_baru(segar: bytes) -> None:
    assert TEMPLAT.read_bytes() == segar, (
        "workbook/RKT_template.xlsm tidak sama dengan hasil bangun ulang: "
        "jalankan `make template` (python -m rkt_xl.templat) dan sertakan hasilnya.")


def test_modul_xlwings_dari_versi_terpasang(modul: dict[str, str]) -> None:
    kode = modul["xlwings"]
    assert versi_bas(kode) == xlwings.__version__
    assert f"'Version: {xlwings.__version__}" in kode
    # The DLL it declares is the one the pinned Python package ships for Windows.
    assert f'"xlwings64-{xlwings.__version__}.dll"' in kode
    assert _bersih(kode) == _bersih(BAS_XLWINGS.read_text(encoding="ascii"))
    assert _bersih(modul["Dictionary"]) == _bersih(CLS_DICTIONARY.read_text(encoding="ascii"))


def test_sama_dengan_quickstart_standalone_xlwings(modul: dict[str, str]) -> None:
    """The same standalone pair `xlwings quickstart --standalone` puts in a workbook
    (the VBE there changed the case of a few identifiers: VBA ignores case)."""
    contoh = modul_berkas(QUICKSTART)
    for nama in ("xlwings", "Dictionary"):
        assert _bersih(modul[nama]).lower() == _bersih(contoh[nama]).lower(), nama
    assert _jenis_modul(modul, "Dictionary") == "kelas"


def test_modul_udf_sama_dengan_generator(modul: dict[str, str]) -> None:
    assert ada_modul_udf(), f"{MODUL_UDF} belum ada: templat tanpa fungsi RKT_"
    assert _bersih(modul[NAMA_MODUL_UDF]) == _bersih(modul_udf())
    fungsi = {p.nama for p in prosedur({NAMA_MODUL_UDF: modul[NAMA_MODUL_UDF]})}
    for nama in ("RKT_CAPAIAN", "RKT_KATEGORI", "RKT_ANGKA", "RKT_TERBILANG", "RKT_RUPIAH"):
        assert nama in fungsi
    assert f'XLPy.CallUDF("{MODUL_UDF}", "RKT_CAPAIAN"' in modul[NAMA_MODUL_UDF]


def test_modul_rkt_dari_berkas_teks(modul: dict[str, str]) -> None:
    for berkas in FOLDER_VBA.glob("*.bas"):
        teks = berkas.read_text(encoding="ascii")  # code page 1252 in the project: ASCII only
        assert teks.startswith(f'Attribute VB_Name = "{berkas.stem}"')
        assert _bersih(modul[berkas.stem]) == _bersih(teks)


# -- project structure ------------------------------------------------------------------

def test_setiap_modul_terbaca_oletools(segar: bytes) -> None:
    ole = olefile.OleFileIO(zipfile.ZipFile(io.BytesIO(segar)).read("xl/vbaProject.bin"))
    try:
        proyek = ole.openstream("PROJECT").read().decode("cp1252")
        header = ole.openstream(["VBA", "_VBA_PROJECT"]).read()
    finally:
        ole.close()
    # Version 0xFFFF, no p-code cache: Office compiles from source ([MS-OVBA] 2.3.4.1).
    assert header[:4] == bytes.fromhex("CC61FFFF")
    terdaftar = dict(baris.split("=", 1) for baris in proyek.splitlines()
                     if baris.split("=", 1)[0] in ("Module", "Class", "Document"))
    deklarasi = [(b.split("=", 1)[0], b.split("=", 1)[1].split("/")[0])
                 for b in proyek.splitlines() if b.split("=", 1)[0] in ("Module", "Class")]
    assert terdaftar
    assert ("Class", "Dictionary") in deklarasi
    assert {n for jenis, n in deklarasi if jenis == "Module"} >= {"RKT", "xlwings"}
    modul = modul_berkas(segar)
    for _, nama in deklarasi:
        assert _bersih(modul[nama]).strip(), f"modul {nama} kosong atau tak terbaca"


def test_nama_prosedur_publik_unik(modul: dict[str, str]) -> None:
    """Two public procedures of one name in two standard modules make a bare macro name
    (a button's, a callback's) ambiguous in Excel."""
    dilihat: dict[str, str] = {}
    for p in prosedur({n: k for n, k in modul.items() if _jenis_modul(modul, n) == "standar"}):
        if not p.publik:
            continue
        lain = dilihat.setdefault(p.nama.lower(), p.modul)
        assert lain == p.modul, f"{p.nama} ada di {lain} dan {p.modul}"


# -- every name resolves ----------------------------------------------------------------

def _sub_tanpa_argumen(publik: dict[str, Prosedur], makro: str) -> Prosedur:
    modul, _, nama = makro.rpartition(".")
    p = publik.get(nama.lower())
    assert p is not None, f"makro {makro} tidak ada di proyek VBA"
    assert not modul or p.modul == modul
    assert p.jenis == "sub"
    return p


def test_makro_tombol_ada(segar: bytes, publik: dict[str, Prosedur]) -> None:
    with zipfile.ZipFile(io.BytesIO(segar)) as paket:
        vml = b"".join(paket.read(n) for n in paket.namelist() if n.endswith(".vml"))
    makro = re.findall(rb"<x:FmlaMacro>\[0\]!([\w.]+)</x:FmlaMacro>", vml)
    assert [m.decode() for m in makro] == [MAKRO_TOMBOL[judul] for _, judul in TOMBOL_BERANDA]
    for nama in makro:
        assert _sub_tanpa_argumen(publik, nama.decode()).parameter == ""


def test_onaction_ribbon_ada(segar: bytes, publik: dict[str, Prosedur]) -> None:
    with zipfile.ZipFile(io.BytesIO(segar)) as paket:
        akar = etree.fromstring(paket.read(BAGIAN_RIBBON))
    ns = {"c": NS_CUSTOMUI14}
    tombol = akar.findall(".//c:tab[@label='RKT']//c:button", ns)
    assert [t.get("label") for t in tombol] == ["Validasi", "Hitung", "Buat Lampiran", "Proses"]
    # Every callback attribute, not just onAction, must name a Sub of the project.
    callback = [(el.get("id"), str(atribut), str(nilai)) for el in akar.iter()
                for atribut, nilai in el.attrib.items()
                if str(atribut).startswith(("on", "get")) and atribut != "onLoad"]
    assert len(callback) == len(tombol)
    for id_, _, nilai in callback:
        p = _sub_tanpa_argumen(publik, nilai)
        assert re.fullmatch(r"\w+ As IRibbonControl", p.parameter, re.IGNORECASE), id_
        # A callback only forwards to the button Sub of the same name.
        tujuan = p.nama.removeprefix("Ribbon")
        assert p.isi.split() == [tujuan], p.nama
        assert _sub_tanpa_argumen(publik, tujuan).parameter == ""


def _perintah_rkt(publik: dict[str, Prosedur]) -> dict[str, str]:
    """Sub name → the rkt_xl.excel function its single RunPython line calls."""
    hasil = {}
    for p in publik.values():
        if p.modul != "RKT" or p.parameter:
            continue
        perintah = _RUNPYTHON.findall(p.isi)
        assert len(perintah) == 1, f"{p.nama}: harus tepat satu baris RunPython"
        cocok = _PERINTAH.match(perintah[0])
        assert cocok, f"{p.nama}: {perintah[0]!r} bukan 'import rkt_xl.excel as m; m.f()'"
        hasil[p.nama] = cocok.group(1)
    return hasil


def test_sub_rkt_memanggil_runpython(publik: dict[str, Prosedur]) -> None:
    assert _perintah_rkt(publik) == {"Validasi": "validasi", "Hitung": "hitung",
                                     "BuatLampiran": "lampiran", "Proses": "proses"}
    assert publik["runpython"].modul == "xlwings"


def test_fungsi_python_ada_di_excel_py(publik: dict[str, Prosedur]) -> None:
    if not EXCEL_PY.exists():
        pytest.skip("rkt_xl/excel.py belum ada")
    pohon = ast.parse(EXCEL_PY.read_text(encoding="utf-8"))
    fungsi = {n.name: n for n in pohon.body if isinstance(n, ast.FunctionDef)}
    for sub, nama in _perintah_rkt(publik).items():
        assert nama in fungsi, f"Sub {sub} memanggil rkt_xl.excel.{nama}, yang tidak ada"
        argumen = fungsi[nama].args
        # Called as m.f(): nothing may be required.
        wajib = len(argumen.posonlyargs) + len(argumen.args) - len(argumen.defaults)
        assert wajib == 0 and all(d is not None for d in argumen.kw_defaults), nama


# -- the generator itself ---------------------------------------------------------------

def test_generator_udf_tanpa_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    paket = tmp_path / "udf_uji"
    paket.mkdir()
    (paket / "__init__.py").write_text("")
    (paket / "f.py").write_text(
        "import xlwings as xw\n\n"
        "@xw.func\n@xw.arg('x', doc='angka')\ndef RKT_UJI(x, y=1):\n    return x\n\n"
        "@xw.func\ndef RKT_BANYAK(*angka):\n    return 0\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    sebelum = {n for n in ("pythoncom", "pywintypes", "xlwings.udfs") if n in sys.modules}
    func_asli = xlwings.func
    kode = modul_udf("udf_uji.f")
    assert kode.startswith(f'Attribute VB_Name = "{NAMA_MODUL_UDF}"\n')
    assert "Function RKT_UJI(x, Optional y)" in kode
    assert "Function RKT_BANYAK(ParamArray angka())" in kode
    assert 'XLPy.CallUDF("udf_uji.f", "RKT_UJI", Array(x, y), ThisWorkbook, ' in kode
    # Nothing of the Windows stand-ins is left behind.
    assert xlwings.func is func_asli
    assert {n for n in ("pythoncom", "pywintypes", "xlwings.udfs") if n in sys.modules} == sebelum


def test_makro_tata_sesuai_python(publik: dict[str, Prosedur]) -> None:
    """RKT_TerapkanTata, which the xlwings engine calls once per generated sheet with
    every merge, height and width: four String arguments, split on "|" then " ", numbers
    read by Val (a dot as decimal mark, whatever the language of Windows) and cells
    addressed with Cells (no address text for Excel to parse)."""
    from rkt_xl.engine.xlwings import MAKRO_TATA
    from rkt_xl.engine.xlwings.rencana import Persegi, Rencana, teks_tata

    p = publik[MAKRO_TATA.lower()]
    assert p.modul == "RKT" and p.jenis == "sub"
    assert [x.split()[-2:] for x in p.parameter.replace("_", " ").split(",")] == \
        [["As", "String"]] * 4
    isi = " ".join(p.isi.replace(" _\n", " ").split())  # line continuations joined
    for potongan in ('Split(Gabung, "|")', 'Split(Tinggi, "|")', 'Split(Lebar, "|")',
                     'Split(bagian(i), " ")', ".Merge", ".RowHeight = Val(angka(2))",
                     ".ColumnWidth = Val(angka(2))", "ws.Cells(CLng(angka(0)), CLng(angka(1)))"):
        assert potongan in isi, potongan
    assert "Range(\"" not in isi  # never an address string
    r = Rencana("X", 3, 3)
    r.gabung = [Persegi(1, 1, 3, 1), Persegi(2, 2, 2, 3)]
    r.tinggi = [(1, 2, 12.75), (3, 3, 409.0)]
    r.lebar = [(1, 3, 8.43)]
    gabung, tinggi, lebar = teks_tata(r)
    assert (gabung, tinggi, lebar) == ("1 1 3 1|2 2 2 3", "1 2 12.75|3 3 409", "1 3 8.43")
