"""Helpers shared by the reliability tests (tests/conftest.py belongs to others).

Everything here judges files with zipfile + lxml directly, not with rkt_xl's own
reader, so a bug in the reader cannot hide a bug in what was written.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tests.skema_ooxml import periksa_keluaran, sebelum_jalan

AKAR = Path(__file__).resolve().parents[2]
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
M = f"{{{NS}}}"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def env_cli(**tambahan: str) -> dict[str, str]:
    """The environment of a CLI subprocess: this checkout importable from any cwd, a
    wide console (rich would otherwise wrap messages inside its table cells)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(AKAR), *([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])])
    env["COLUMNS"] = "2000"
    env["NO_COLOR"] = "1"
    env.pop("RKT_XL_DEBUG", None)  # that would turn messages into tracebacks on purpose
    # Block-buffered output, as users have it: what the command prints must be flushed
    # before it leaves (rkt_xl.cli.keluar ends with os._exit).
    env.pop("PYTHONUNBUFFERED", None)
    # One fixed clock for every run, so processed files can be compared byte for byte
    # (the history and the Beranda status line record when a run changed something).
    env.setdefault("SOURCE_DATE_EPOCH", "1764400000")
    env.update(tambahan)
    return env


def cli(*argumen: str, cwd: Path, timeout: float = 120,
        **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m rkt_xl ARG...`` in a subprocess, as a user runs it."""
    sebelum = sebelum_jalan(argumen, cwd)
    r = subprocess.run([sys.executable, "-m", "rkt_xl", *argumen], capture_output=True,
                       text=True, cwd=cwd, timeout=timeout, env=env_cli(**env))
    periksa_keluaran(argumen, r, cwd, sebelum)
    return r


def keluaran(r: subprocess.CompletedProcess[str]) -> str:
    return r.stdout + r.stderr


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def isi_folder(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@dataclass(frozen=True)
class SelXml:
    """One ``<c>`` of a written sheet, as the file stores it."""

    ref: str
    tipe: str  # the t attribute ("n" when absent)
    rumus: bool  # has an <f> child
    teks: str  # the shown text: inline/shared string, or the <v> text


def _xml(zf: zipfile.ZipFile, part: str) -> etree._Element:
    # Plain parser, no entity resolution: these files were written by rkt_xl.
    return etree.fromstring(zf.read(part), etree.XMLParser(resolve_entities=False))


def part_lembar(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → part name."""
    wb = _xml(zf, "xl/workbook.xml")
    rels = {r.get("Id"): r.get("Target", "") for r in _xml(zf, "xl/_rels/workbook.xml.rels")}
    hasil = {}
    for sh in wb.iter(M + "sheet"):
        target = rels[sh.get(f"{{{NS_R}}}id")]
        hasil[sh.get("name", "")] = (target.lstrip("/") if target.startswith("/")
                                     else "xl/" + target)
    return hasil


def _teks_si(si: etree._Element) -> str:
    bagian = []
    for t in si.iter(M + "t"):
        induk = t.getparent()
        if induk is not None and induk.tag != M + "rPh":  # phonetic runs are not shown
            bagian.append(t.text or "")
    return "".join(bagian)


def sel_lembar(path: Path, lembar: str) -> list[SelXml]:
    """Every cell of one sheet of a workbook on disk."""
    with zipfile.ZipFile(path) as zf:
        part = part_lembar(zf)[lembar]
        sst: list[str] = []
        if "xl/sharedStrings.xml" in zf.namelist():
            sst = [_teks_si(si) for si in _xml(zf, "xl/sharedStrings.xml")]
        root = _xml(zf, part)
    hasil = []
    for c in root.iter(M + "c"):
        t = c.get("t", "n")
        v = c.find(M + "v")
        if t == "inlineStr":
            is_ = c.find(M + "is")
            teks = _teks_si(is_) if is_ is not None else ""
        elif t == "s" and v is not None and v.text is not None:
            teks = sst[int(v.text)]
        else:
            teks = v.text or "" if v is not None else ""
        hasil.append(SelXml(c.get("r", ""), t, c.find(M + "f") is not None, teks))
    return hasil


def rumus_per_lembar(path: Path) -> dict[str, int]:
    """Sheet name → how many cells hold a formula."""
    with zipfile.ZipFile(path) as zf:
        return {nama: len(_xml(zf, part).findall(f".//{M}f"))
                for nama, part in part_lembar(zf).items() if part in zf.namelist()}


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}
