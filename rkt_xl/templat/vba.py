"""The vbaProject.bin of the template, built on Linux with pyOpenVBA.

XlsxWriter writes a macro-enabled package only around a VBA project binary, and has no
way to make one. pyOpenVBA adds a project to an existing package the way Excel does
(ThisWorkbook plus one document module per sheet, named by the sheets' code names),
so a throwaway skeleton with the same code names is built, given the project and the
standard and class modules, and its ``xl/vbaProject.bin`` is taken out.
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import xlsxwriter
from pyopenvba import ExcelFile, VBAModuleKind
from pyopenvba.cfb import CFB

from rkt_xl.templat.sumber import semua_modul

KODE_BUKU = "ThisWorkbook"

# [MS-OVBA] 2.3.4.1 header with version 0xFFFF and no performance cache: Office then
# compiles from source instead of trusting p-code of another build (as xlwings'
# quickstart_standalone.xlsm does).
_VBA_PROJECT_TANPA_CACHE = bytes.fromhex("CC61FFFF000000")
_ENTRI_PROYEK = "xl/vbaProject.bin"


def kode_lembar(jumlah: int) -> list[str]:
    """The code names Excel gives sheets of a new project: Sheet1, Sheet2, …"""
    return [f"Sheet{nomor}" for nomor in range(1, jumlah + 1)]


def adalah_kelas(teks: str) -> bool:
    """A class module as the VBE exports it (``.cls``: a ``VERSION 1.0 CLASS`` block)."""
    return teks.lstrip().startswith("VERSION ") and "CLASS" in teks.split("\n", 1)[0]


def _sumber(nama: str, teks: str) -> str:
    """VBA source with CRLF line ends and, for a standard module, ``Attribute VB_Name``."""
    teks = teks.replace("\r\n", "\n").replace("\n", "\r\n")
    if not adalah_kelas(teks) and not teks.startswith("Attribute VB_Name"):
        teks = f'Attribute VB_Name = "{nama}"\r\n{teks}'
    return teks


def _kerangka(tujuan: Path, kode: Sequence[str]) -> None:
    buku = xlsxwriter.Workbook(str(tujuan))
    buku.set_vba_name(KODE_BUKU)
    for nomor, nama in enumerate(kode, start=1):
        buku.add_worksheet(f"L{nomor}").set_vba_name(nama)
    buku.close()


def projek_vba(kode: Sequence[str], modul: Mapping[str, str] | None = None) -> bytes:
    """A vbaProject.bin for sheets with code names ``kode`` (in sheet order) and the
    standard or class modules ``modul`` (name → source; a class as an exported .cls);
    by default every module of the template (:func:`rkt_xl.templat.sumber.semua_modul`)."""
    if modul is None:
        modul = semua_modul()
    with tempfile.TemporaryDirectory(prefix="rkt_xl-vba-") as folder:
        kerangka, hasil = Path(folder) / "kerangka.xlsm", Path(folder) / "hasil.xlsm"
        _kerangka(kerangka, kode)
        with ExcelFile(kerangka) as berkas:
            proyek = berkas.add_vba_project()
            for nama, teks in modul.items():
                jenis = VBAModuleKind.other if adalah_kelas(teks) else VBAModuleKind.standard
                proyek.add_module(nama, _sumber(nama, teks), kind=jenis)
            berkas.save(hasil)
        with zipfile.ZipFile(hasil) as paket:
            biner = paket.read(_ENTRI_PROYEK)
    cfb = CFB.from_bytes(biner)
    cfb.write_stream_in_storage("VBA", "_VBA_PROJECT", _VBA_PROJECT_TANPA_CACHE)
    return bytes(cfb.to_bytes())
