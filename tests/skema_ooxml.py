"""Schema validity of the workbooks the suite produces (issue 11).

openxml-audit validates a package the way the Open XML SDK does: package structure,
relationships, content types, and every part against the ECMA-376 schemas (element
order, required attributes, value types). Excel's "We found a problem with some
content" comes from exactly these. Every workbook a writing command leaves behind in
a test through the shared CLI helpers (``tests.conftest.jalankan_cli``,
``tests.korpus.fixtures.cli``) is validated here; ``tests/test_skema.py`` covers the
template, every engine path and the Excel round trip explicitly.
"""

from __future__ import annotations

import hashlib
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from openxml_audit import FileFormat, OpenXmlValidator, ValidationSeverity  # type: ignore[import-untyped]

# Commands that write a workbook (rkt-xl pdf and rekap write other files).
PERINTAH_MENULIS = frozenset({"proses", "hitung", "lampiran", "baru", "contoh"})
# Validation costs ~3 s per 1,000 kegiatan: the big workbooks of the fault-injection and
# benchmark tests are validated once, in test_skema, not after every run.
BATAS_UKURAN = 400 * 1024

_VALIDATOR = OpenXmlValidator(file_format=FileFormat.OFFICE_2019, max_errors=20)
_SAH: set[str] = set()  # sha256 of packages already found valid in this process


def galat_skema(path: Path) -> list[str]:
    """openxml-audit's errors for one package ([] when valid)."""
    data = path.read_bytes()
    kunci = hashlib.sha256(data).hexdigest()
    if kunci in _SAH:
        return []
    hasil = _VALIDATOR.validate(path)
    # Errors only: openxml-audit's warnings are Excel's silent canonicalisations (inline
    # strings moved to the shared table on the next save), not content it repairs.
    galat = [str(e) for e in hasil.errors if e.severity is ValidationSeverity.ERROR]
    if not galat:
        _SAH.add(kunci)
    return galat


def pastikan_sah(path: Path) -> None:
    galat = galat_skema(path)
    assert not galat, f"{path.name} tidak sah menurut skema OOXML:\n" + "\n".join(galat)


def _berkas(argumen: Sequence[str], cwd: Path | None) -> list[Path]:
    """The workbooks a command line names, directly or as a folder's contents."""
    hasil: list[Path] = []
    for a in argumen[1:]:
        if a.startswith("-"):
            continue
        p = Path(a) if cwd is None else cwd / a
        for berkas in (sorted(p.glob("*.xls[mx]")) if p.is_dir() else [p]):
            if berkas.suffix.lower() in (".xlsm", ".xlsx") and berkas.is_file():
                hasil.append(berkas)
    return hasil


def sebelum_jalan(argumen: Sequence[str], cwd: Path | None) -> dict[Path, bytes]:
    """The bytes of the workbooks a writing command is about to change."""
    if not argumen or argumen[0] not in PERINTAH_MENULIS:
        return {}
    return {p: p.read_bytes() for p in _berkas(argumen, cwd)
            if p.stat().st_size <= BATAS_UKURAN}


def periksa_keluaran(argumen: Sequence[str], r: subprocess.CompletedProcess[str],
                     cwd: Path | None, sebelum: dict[Path, bytes]) -> None:
    """After a CLI run: every workbook a writing command that did not refuse (exit 0 or
    1) names, or leaves in a folder it names, is schema-valid — or carries no error its
    input did not already have (a damaged part rkt-xl copies as it is, and reports)."""
    if not argumen or argumen[0] not in PERINTAH_MENULIS or r.returncode not in (0, 1):
        return
    for berkas in _berkas(argumen, cwd):
        if berkas.stat().st_size > BATAS_UKURAN:
            continue
        galat = galat_skema(berkas)
        if galat and berkas in sebelum:
            with tempfile.TemporaryDirectory() as tmp:
                masukan = Path(tmp) / berkas.name
                masukan.write_bytes(sebelum[berkas])
                galat = sorted(set(galat) - set(galat_skema(masukan)))
        assert not galat, (f"{berkas.name} tidak sah menurut skema OOXML setelah "
                           f"rkt-xl {argumen[0]}:\n" + "\n".join(galat))
