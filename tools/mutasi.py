"""Mutation testing of the exact core (issue 13): run mutmut module by module, print the
score per module and overall, exit 1 below the floor.

    python tools/mutasi.py [--jobs 2] [--batas 90]

What is mutated and which tests run is configured in pyproject.toml ([tool.mutmut]):
hitung.py, kategori.py, angka.py and validasi/, against the fast pure tests. Each run
starts from a fresh ``mutants/`` copy, so a score never mixes in results cached from an
older tree. mutmut mutates undecorated functions only: the ``@pemeriksa`` checkers in
validasi/ are exercised by the tests but not mutated (their helpers are).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
# One mutmut run per group keeps each run's stats pass small and its output readable.
KELOMPOK = ("rkt_xl.hitung", "rkt_xl.kategori", "rkt_xl.angka", "rkt_xl.validasi")
# A mutant that makes a test time out was detected too.
TERTANGKAP = {"killed", "timeout"}
_BARIS = re.compile(r"^\s*(?P<nama>\S+): (?P<status>.+?)\s*$")


def modul(nama_mutan: str) -> str:
    """``rkt_xl.validasi.isian.x__angka__mutmut_3`` → ``rkt_xl.validasi.isian``
    (methods are spelt ``xǁKelasǁmetode``)."""
    bagian = nama_mutan.split(".")
    for i, b in enumerate(bagian):
        if b.startswith(("x_", "xǁ")):
            return ".".join(bagian[:i])
    return nama_mutan


def hasil(mutmut: Path) -> dict[str, str]:
    """Every mutant's status, from ``mutmut results --all true``."""
    keluar = subprocess.run([str(mutmut), "results", "--all", "true"], cwd=AKAR,
                            capture_output=True, text=True, check=True).stdout
    status: dict[str, str] = {}
    for baris in keluar.splitlines():
        m = _BARIS.match(baris)
        if m and "__mutmut_" in m["nama"]:
            status[m["nama"]] = m["status"]
    return status


def laporan(status: dict[str, str]) -> tuple[int, int]:
    """Print killed/total per module and overall; return (killed, total)."""
    per_modul: dict[str, Counter[str]] = {}
    for nama, s in status.items():
        per_modul.setdefault(modul(nama), Counter())[s] += 1
    print(f"{'modul':<32} {'terbunuh':>9} {'total':>6} {'skor':>7}  lainnya")
    mati = total = 0
    for m in sorted(per_modul):
        c = per_modul[m]
        k = sum(c[s] for s in TERTANGKAP)
        n = sum(c.values())
        lain = ", ".join(f"{s}: {j}" for s, j in sorted(c.items()) if s not in TERTANGKAP)
        print(f"{m:<32} {k:>9} {n:>6} {100 * k / n:>6.1f}%  {lain}")
        mati, total = mati + k, total + n
    print(f"{'JUMLAH':<32} {mati:>9} {total:>6} {100 * mati / max(total, 1):>6.1f}%")
    hidup = sorted(n for n, s in status.items() if s not in TERTANGKAP)
    if hidup:
        print("\nMutan yang lolos (lihat: mutmut show NAMA):")
        for nama in hidup:
            print(f"  {nama}: {status[nama]}")
    return mati, total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=2, help="mutmut --max-children (bawaan 2)")
    ap.add_argument("--batas", type=float, default=90.0, help="skor minimum, %% (bawaan 90)")
    arg = ap.parse_args(argv)
    mutmut = Path(sys.executable).parent / "mutmut"
    shutil.rmtree(AKAR / "mutants", ignore_errors=True)
    mulai = time.monotonic()
    for k in KELOMPOK:
        t0 = time.monotonic()
        r = subprocess.run([str(mutmut), "run", "--max-children", str(arg.jobs), f"{k}*"],
                           cwd=AKAR, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True)
        if r.returncode != 0:
            print(f"mutmut run {k}* gagal (kode {r.returncode}):\n{r.stderr}", file=sys.stderr)
            return 2
        print(f"{k}: {time.monotonic() - t0:.0f} s")
    print(f"waktu: {time.monotonic() - mulai:.0f} s\n")
    mati, total = laporan(hasil(mutmut))
    if total == 0 or 100 * mati / total < arg.batas:
        print(f"\nskor di bawah {arg.batas:g} %", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
