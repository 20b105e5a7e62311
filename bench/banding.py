"""Part-by-part comparison of two source trees on many workbooks.

    python bench/banding.py --akar /path/to/old/tree [--folder OUT]

A performance change must not change what rkt-xl writes. This runs ``proses`` (and
``validasi --json`` and ``ekspor``) with this checkout and with another tree (for
example ``git worktree add /tmp/ref HEAD``) on the same inputs, each in its own
process, and compares the output workbook's parts (each part's bytes after
decompression, and the part list: the preservation promise is about part contents,
and compressed bytes depend on the zlib level), the JSON and the exit code, with one
fixed clock (SOURCE_DATE_EPOCH) for the history and the status line. Inputs:
the seed workbook as typed and processed, synthetic workbooks of several sizes, and
every case of the bad-input corpus ``tests/korpus``.
Exit 0 when everything is identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent

_JALAN = r"""
import json, sys
from rkt_xl.operasi import proses_satu, ekspor
perintah, berkas = sys.argv[1], sys.argv[2]
if perintah == "ekspor":
    try:
        print(json.dumps(ekspor(__import__("pathlib").Path(berkas)), ensure_ascii=False,
                         sort_keys=True, default=str))
    except Exception as e:
        print("GALAT", type(e).__name__, e)
    sys.exit(0)
h = proses_satu(berkas, perintah)
lap = h.laporan
print(json.dumps({"galat": h.galat, "temuan": [t.ke_dict() for t in lap.temuan] if lap else None,
                  "awal": [t.ke_dict() for t in lap.temuan_awal] if lap else None,
                  "perubahan": [vars(p) for p in lap.perubahan] if lap else None,
                  "lembar": lap.lembar_dibuat if lap else None,
                  "disimpan": lap.disimpan if lap else None}, ensure_ascii=False,
                 default=str))
"""


def _masukan(folder: Path) -> list[Path]:
    """Write the input workbooks into ``folder`` (with this checkout's generators)."""
    sys.path.insert(0, str(AKAR))
    from rkt_xl.contoh import data_contoh
    from rkt_xl.operasi import buat_workbook, proses_satu
    from tests.korpus import buat_korpus as bk

    keluar: list[Path] = []
    seed = folder / "seed.xlsm"
    buat_workbook(seed, data_contoh(), timpa=True)
    keluar.append(seed)
    diproses = folder / "seed_diproses.xlsm"
    shutil.copyfile(seed, diproses)
    proses_satu(str(diproses), "proses")
    keluar.append(diproses)
    for nama, (i, p, k) in {"kecil": (7, 3, 9), "sedang": (75, 50, 1250),
                            "besar": (300, 200, 5000)}.items():
        path = folder / f"sintetis_{nama}.xlsm"
        subprocess.run([sys.executable, str(AKAR / "bench" / "sintetis.py"), str(path),
                        "--indikator", str(i), "--program", str(p), "--kegiatan", str(k)],
                       check=True, capture_output=True)
        keluar.append(path)
    besar2 = folder / "sintetis_besar_diproses.xlsm"
    shutil.copyfile(folder / "sintetis_besar.xlsm", besar2)
    proses_satu(str(besar2), "proses")
    keluar.append(besar2)
    for kasus in bk.KORPUS:
        if kasus.perlu and shutil.which(kasus.perlu) is None:
            continue
        path = folder / f"korpus_{kasus.nama}_{kasus.nama_berkas}"
        path.write_bytes(kasus.buat())
        keluar.append(path)
    return keluar


def _isi(path: Path) -> str:
    """A digest of the package's parts, by content."""
    h = hashlib.sha256()
    try:
        with zipfile.ZipFile(path) as zf:
            for nama in sorted(zf.namelist()):
                h.update(nama.encode() + b"\0" + hashlib.sha256(zf.read(nama)).digest())
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError,
            RuntimeError, UnicodeDecodeError):
        h.update(path.read_bytes())  # not a readable zip: its bytes
    return h.hexdigest()


def _jalankan(akar: Path, perintah: str, masukan: Path, kerja: Path) -> tuple[str, str]:
    salinan = kerja / masukan.name
    shutil.copyfile(masukan, salinan)
    env = dict(os.environ, PYTHONPATH=str(akar), SOURCE_DATE_EPOCH="1764400000")
    r = subprocess.run([sys.executable, "-c", _JALAN, perintah, str(salinan)], env=env,
                       capture_output=True, text=True, cwd=kerja)
    keluaran = r.stdout.replace(str(salinan), "BERKAS") + f"\nkode {r.returncode}"
    return keluaran, _isi(salinan)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--akar", type=Path, required=True, help="the other source tree")
    ap.add_argument("--folder", type=Path, help="keep the inputs here")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as d:
        folder = a.folder or Path(d) / "masukan"
        folder.mkdir(parents=True, exist_ok=True)
        masukan = _masukan(folder)
        beda = 0
        for path in masukan:
            for perintah in ("proses", "validasi", "ekspor"):
                hasil = []
                for i, akar in enumerate((a.akar.resolve(), AKAR)):
                    kerja = Path(d) / f"kerja{i}"
                    kerja.mkdir(exist_ok=True)
                    hasil.append(_jalankan(akar, perintah, path, kerja))
                if hasil[0] != hasil[1]:
                    beda += 1
                    print(f"BEDA  {perintah:<9} {path.name}")
                    if hasil[0][0] != hasil[1][0]:
                        print("  lama:", hasil[0][0][:300])
                        print("  baru:", hasil[1][0][:300])
        print(f"{len(masukan)} berkas × 3 perintah: {beda} berbeda")
        print(json.dumps({"berkas": len(masukan), "beda": beda}))
        return 1 if beda else 0


if __name__ == "__main__":
    sys.exit(main())
