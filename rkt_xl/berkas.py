"""Which files a command works on: files, folders and globs, expanded and checked."""

from __future__ import annotations

import glob
from pathlib import Path

from rkt_xl.engine.file.simpan import AWALAN_SEMENTARA

EKSTENSI = (".xlsm", ".xlsx")


def _layak(p: Path) -> bool:
    return (p.suffix.lower() in EKSTENSI and not p.name.startswith("~$")
            and not p.name.startswith(AWALAN_SEMENTARA) and not p.name.startswith(".~lock"))


def kumpulkan(argumen: list[str]) -> tuple[list[Path], list[str]]:
    """Expand arguments to workbook paths (in order, no duplicates) and the arguments
    that matched nothing (reported as usage errors)."""
    hasil: list[Path] = []
    tak_ada: list[str] = []
    lihat: set[Path] = set()

    def tambah(p: Path) -> None:
        kunci = p.resolve()
        if kunci not in lihat:
            lihat.add(kunci)
            hasil.append(p)

    for arg in argumen:
        p = Path(arg)
        if p.is_dir():
            calon = sorted(x for x in p.rglob("*") if x.is_file() and _layak(x))
            for x in calon:
                tambah(x)
            if not calon:
                tak_ada.append(f"{arg}: folder tidak berisi berkas .xlsm/.xlsx")
        elif p.exists():
            tambah(p)  # an explicit file is tried whatever its name, and explained
        elif any(ch in arg for ch in "*?["):
            cocok = sorted(Path(x) for x in glob.glob(arg, recursive=True))
            cocok = [x for x in cocok if x.is_file() and _layak(x)]
            for x in cocok:
                tambah(x)
            if not cocok:
                tak_ada.append(f"{arg}: tidak ada berkas yang cocok")
        else:
            tak_ada.append(f"{arg}: berkas tidak ditemukan")
    return hasil, tak_ada
