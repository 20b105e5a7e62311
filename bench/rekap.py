"""Benchmark of ``rkt-xl rekap`` (issue 14), against ``rkt-xl proses`` in the same run.

    python bench/rekap.py               # 5 runs (about 2 minutes on 2 cores)
    python bench/rekap.py --cepat       # 3 runs, rough numbers
    python bench/rekap.py --jumlah 100  # another batch size

1. **Batch**: 200 copies of the seed workbook (``rkt-xl contoh --tanpa-proses``).
   Each run times ``rekap FOLDER --ke R.xlsx --jobs 2`` and ``proses FOLDER --jobs 2``
   on fresh copies of the same bytes, alternating which goes first; reported: medians
   and the ratio rekap ÷ proses (target ≤ 1.3). ``rekap --jobs 1`` is timed too, for
   context.
   CPU seconds (the command and its workers) are compared too: on a shared machine
   they move less than wall time.
2. **One big among small**: 50 seed copies and one synthetic 5,000-kegiatan workbook
   (bench/sintetis.py: 300 indicators, 200 programs), ``rekap --jobs 2`` against
   ``proses --jobs 2`` on the same 51 files; wall time and peak RSS.

Children run from a neutral folder with this checkout on PYTHONPATH (compiled first,
as ``pip install`` does), wall time around each child, CPU and peak RSS from GNU time
(``%M``: with worker processes, the largest single process, not their sum). Results
are printed and written to bench/hasil/rekap-*.json (gitignored).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

AKAR = Path(__file__).resolve().parent.parent
HASIL = AKAR / "bench" / "hasil"
PY = sys.executable
NETRAL = Path(tempfile.gettempdir())  # `python -m` puts the cwd first on sys.path
TIME = shutil.which("time", path="/usr/bin:/bin")
TARGET_RASIO = 1.3
BESAR = (300, 200, 5000)  # indicators, programs, kegiatan


@dataclass
class Ukur:
    wall: float
    cpu: float
    rss_mb: float
    kode: int


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(AKAR), *filter(None, [env.get("PYTHONPATH")])])
    env.pop("RKT_XL_DEBUG", None)
    return env


def jalankan(argv: list[str]) -> Ukur:
    with tempfile.TemporaryDirectory() as d:
        keluar = Path(d) / "time"
        awalan = [TIME, "-f", "%M %U %S", "-o", str(keluar), "--"] if TIME else []
        t0 = time.perf_counter()
        p = subprocess.run([*awalan, *argv], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, env=_env(), cwd=NETRAL)
        wall = time.perf_counter() - t0
        if p.returncode not in (0, 1):  # 1: the seed has galat, as expected
            raise RuntimeError(f"{argv} gagal ({p.returncode}): {p.stderr[-2000:]!r}")
        if TIME:
            kb, user, sys_ = keluar.read_text().split()[-3:]
            return Ukur(wall, float(user) + float(sys_), int(kb) / 1024, p.returncode)
    return Ukur(wall, float("nan"), float("nan"), p.returncode)


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def ringkas(u: list[Ukur]) -> dict[str, Any]:
    return {"wall_median": median([x.wall for x in u]), "wall_min": min(x.wall for x in u),
            "cpu_median": median([x.cpu for x in u]),
            "rss_median_mb": median([x.rss_mb for x in u]), "runs": [asdict(x) for x in u]}


def salin(contoh: list[Path], folder: Path) -> Path:
    folder.mkdir(parents=True)
    for i, c in enumerate(contoh):
        shutil.copyfile(c, folder / f"rkt_{i:03d}{c.suffix}")
    return folder


def rekap(folder: Path, keluar: Path, jobs: str) -> list[str]:
    return [PY, "-m", "rkt_xl", "rekap", str(folder), "--ke", str(keluar), "--jobs", jobs]


def proses(folder: Path, jobs: str) -> list[str]:
    return [PY, "-m", "rkt_xl", "proses", str(folder), "--jobs", jobs]


def ukur(contoh: list[Path], runs: int, kerja: Path, dengan_jobs_1: bool) -> dict[str, Any]:
    """rekap --jobs 2 against proses --jobs 2 on fresh copies of ``contoh``."""
    hasil: dict[str, list[Ukur]] = {"rekap": [], "proses": [], "rekap_jobs_1": []}
    for i in range(runs):
        urutan = ["rekap", "proses"] if i % 2 == 0 else ["proses", "rekap"]
        if dengan_jobs_1:
            urutan.append("rekap_jobs_1")
        for nama in urutan:
            folder = salin(contoh, kerja / f"{nama}-{i}")
            keluar = kerja / f"{nama}-{i}.xlsx"
            perintah = {"rekap": rekap(folder, keluar, "2"), "proses": proses(folder, "2"),
                        "rekap_jobs_1": rekap(folder, keluar, "1")}[nama]
            hasil[nama].append(jalankan(perintah))
            shutil.rmtree(folder)
    laporan: dict[str, Any] = {k: ringkas(v) for k, v in hasil.items() if v}
    laporan["rasio"] = laporan["rekap"]["wall_median"] / laporan["proses"]["wall_median"]
    laporan["rasio_per_run"] = [r.wall / p.wall for r, p in
                                zip(hasil["rekap"], hasil["proses"], strict=True)]
    # CPU of the command and its workers (GNU time counts reaped children): steadier
    # than wall time when other jobs share the machine
    laporan["rasio_cpu"] = laporan["rekap"]["cpu_median"] / laporan["proses"]["cpu_median"]
    return laporan


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark rkt-xl rekap (lihat docstring).")
    ap.add_argument("--runs", type=int, default=None, help="ulangan (bawaan 5, --cepat 3)")
    ap.add_argument("--cepat", action="store_true")
    ap.add_argument("--jumlah", type=int, default=200, help="berkas contoh dalam batch")
    ap.add_argument("--kecil", type=int, default=50, help="berkas contoh di samping yang besar")
    ap.add_argument("--tanpa-besar", action="store_true")
    a = ap.parse_args(argv)
    runs = a.runs or (3 if a.cepat else 5)
    subprocess.run([PY, "-m", "compileall", "-q", str(AKAR / "rkt_xl")], check=True,
                   env=_env(), cwd=NETRAL, stdout=subprocess.DEVNULL)
    laporan: dict[str, Any] = {"waktu": _dt.datetime.now().isoformat(timespec="seconds"),
                               "cpu": os.cpu_count(), "runs": runs}
    with tempfile.TemporaryDirectory(prefix="rkt-bench-rekap-") as tmp:
        kerja = Path(tmp)
        subprocess.run([PY, "-m", "rkt_xl", "contoh", str(kerja / "benih"), "--tanpa-proses"],
                       check=True, env=_env(), cwd=NETRAL, stdout=subprocess.DEVNULL)
        seed = next((kerja / "benih").glob("*.xlsm"))
        b = ukur([seed] * a.jumlah, runs, kerja, dengan_jobs_1=True)
        laporan["batch"] = {"berkas": a.jumlah, **b}
        print(f"batch {a.jumlah} berkas contoh, --jobs 2: rekap "
              f"{b['rekap']['wall_median']:.2f} s, proses {b['proses']['wall_median']:.2f} s "
              f"→ {b['rasio']:.2f}× (target ≤ {TARGET_RASIO}) "
              f"{'✓' if b['rasio'] <= TARGET_RASIO else '✗'}; per run "
              f"{', '.join(f'{x:.2f}' for x in b['rasio_per_run'])}; CPU "
              f"{b['rekap']['cpu_median']:.2f} ÷ {b['proses']['cpu_median']:.2f} s = "
              f"{b['rasio_cpu']:.2f}×; rekap --jobs 1 {b['rekap_jobs_1']['wall_median']:.2f} s")
        if not a.tanpa_besar:
            besar = kerja / "besar.xlsm"
            subprocess.run([PY, str(AKAR / "bench" / "sintetis.py"), str(besar),
                            "--indikator", str(BESAR[0]), "--program", str(BESAR[1]),
                            "--kegiatan", str(BESAR[2])],
                           check=True, env=_env(), cwd=NETRAL, stdout=subprocess.DEVNULL)
            c = ukur([besar, *[seed] * a.kecil], runs, kerja, dengan_jobs_1=False)
            laporan["besar"] = {"berkas": a.kecil + 1, **c}
            print(f"1 besar ({BESAR[2]} kegiatan) + {a.kecil} contoh, --jobs 2: rekap "
                  f"{c['rekap']['wall_median']:.2f} s ({c['rekap']['rss_median_mb']:.0f} MB), "
                  f"proses {c['proses']['wall_median']:.2f} s "
                  f"({c['proses']['rss_median_mb']:.0f} MB) → {c['rasio']:.2f}× "
                  f"(CPU {c['rasio_cpu']:.2f}×)")
    HASIL.mkdir(parents=True, exist_ok=True)
    nama = HASIL / f"rekap-{_dt.datetime.now():%Y%m%d-%H%M%S}.json"
    nama.write_text(json.dumps(laporan, indent=2), encoding="utf-8")
    print(f"hasil: {nama}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
