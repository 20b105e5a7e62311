"""Where the time of ``proses`` goes: the pipeline stage by stage, in one process.

    python bench/tahap.py BERKAS.xlsm [--kali 3] [--akar POHON]

Runs the stages of ``rkt_xl.alur.jalankan`` one by one on a fresh copy of the
workbook (imports done before the clock starts, the cyclic GC tuned as the command
tunes it) and prints the CPU time of each stage (the best of ``--kali`` runs) and
the peak RSS reached after it. ``--akar`` measures another source tree (a copy of
the code before a change). The pipeline's result is not checked here: the test
suite and the byte-for-byte comparison in bench/README.md do that.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

_ANAK = r"""
import gc, resource, shutil, sys, time
from pathlib import Path
import rkt_xl.cli  # what the command imports anyway
from rkt_xl import alur
from rkt_xl.engine.file import EngineBerkas
from rkt_xl.engine.file import render as _render  # noqa: F401 (imported lazily by proses)
from rkt_xl.hitung import hitung
from rkt_xl.lampiran import bangun_semua
from rkt_xl.lampiran.validasi import bangun_validasi
from rkt_xl.pemetaan import susun
from rkt_xl.temuan import urutkan
from rkt_xl.validasi import periksa

sumber, salinan = sys.argv[1], sys.argv[2]
shutil.copyfile(sumber, salinan)
hasil = []
t = time.process_time()

def tahap(nama):
    global t
    x = time.process_time()
    hasil.append((nama, x - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024))
    t = x

gc.set_threshold(100_000, 50, 50)  # as the rkt-xl command sets it
t = time.process_time()
e = EngineBerkas(Path(salinan)); tahap("buka (Paket)")
tabel = e.baca_tabel(); tahap("baca_tabel")
rkt = susun(tabel); tahap("susun (pemetaan)")
if hasattr(e, "bagian_rusak"):  # trees before issue 16 have no damage report
    rkt.bagian_rusak = e.bagian_rusak(); tahap("bagian_rusak (kerusakan)")
h = hitung(rkt); tahap("hitung")
awal = periksa(rkt, h); tahap("periksa (validasi)")
alur._tulis_hitungan(e, rkt, h); tahap("tulis kolom hitung")
lay = bangun_semua(rkt, h); tahap("bangun lampiran (4 layout)")
v = bangun_validasi(urutkan(awal)); tahap("bangun lembar Validasi")
for x in [*lay, v]:
    e.render(x)
tahap("render (5 lembar)")
e.simpan(); tahap("simpan (zip + tulis atomik)")
for nama, s, mb in hasil:
    print(f"{nama}\t{s}\t{mb}")
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Waktu CPU proses per tahap.")
    ap.add_argument("berkas", type=Path)
    ap.add_argument("--kali", type=int, default=3)
    ap.add_argument("--akar", type=Path, default=Path(__file__).resolve().parent.parent)
    a = ap.parse_args(argv)
    env = dict(os.environ, PYTHONPATH=str(a.akar.resolve()))
    terbaik: dict[str, float] = {}
    puncak: dict[str, int] = {}
    urutan: list[str] = []
    with tempfile.TemporaryDirectory() as d:
        for _ in range(a.kali):
            r = subprocess.run([sys.executable, "-c", _ANAK, str(a.berkas.resolve()),
                                str(Path(d) / "salinan.xlsm")], capture_output=True,
                               text=True, env=env, cwd=d, check=True)
            for baris in r.stdout.splitlines():
                nama, s, mb = baris.split("\t")
                if nama not in terbaik:
                    urutan.append(nama)
                terbaik[nama] = min(terbaik.get(nama, float("inf")), float(s))
                puncak[nama] = max(puncak.get(nama, 0), int(mb))
    total = 0.0
    for nama in urutan:
        total += terbaik[nama]
        print(f"{nama:<30}{terbaik[nama]:8.3f} s   RSS puncak {puncak[nama]:4d} MB")
    print(f"{'jumlah':<30}{total:8.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
