"""Running many inputs in a process pool, and the campaign table.

    python -m tests.fuzz [--level zip,xml,sel] [--seed 1] [--jumlah 100] [--mulai 0]
                         [--jobs 2] [--simpan DIR] [--json FILE]
    python -m tests.fuzz --satu LEVEL:SEED:INDEX [--tulis FILE]

``--jumlah`` inputs per level (indexes ``--mulai`` …), each (level, seed, index) made,
run and checked in a pool worker. The exit code is 1 when any check failed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path

from tests.fuzz.checker import CEK, HasilFuzz, batasi_memori, periksa
from tests.fuzz.dikenal import PER_ID, diketahui, golongkan
from tests.fuzz.generator import LEVEL, buat

Triple = tuple[str, int, int]


def uji_satu(triple: Triple, simpan: str | None = None) -> HasilFuzz:
    """Make, run and check one input (in a pool worker). With ``simpan``, an input with
    findings is copied there under its name."""
    level, seed, indeks = triple
    try:
        m = buat(level, seed, indeks)
    except Exception:  # a bug of the fuzzer, reported as such, never as rkt-xl's
        return HasilFuzz(f"{level}:{seed}:{indeks}", level,
                         galat_generator=traceback.format_exc(limit=4))
    with tempfile.TemporaryDirectory(prefix="rkt-fuzz-") as tmp:
        hasil = periksa(m, Path(tmp))
    if simpan and hasil.temuan:
        Path(simpan).mkdir(parents=True, exist_ok=True)
        (Path(simpan) / m.nama_berkas).write_bytes(m.data)
    return hasil


def triples(level: Sequence[str], seed: int, jumlah: int, mulai: int = 0) -> list[Triple]:
    """Levels interleaved, so a partial or parallel run covers all of them evenly."""
    return [(lv, seed, i) for i in range(mulai, mulai + jumlah) for lv in level]


def jalankan(daftar: Iterable[Triple], jobs: int = 2, simpan: str | None = None,
             progres: bool = False) -> Iterator[HasilFuzz]:
    """The results in order, from a pool of ``jobs`` workers."""
    daftar = list(daftar)
    with ProcessPoolExecutor(max_workers=jobs, initializer=batasi_memori) as pool:
        mulai = time.monotonic()
        for i, hasil in enumerate(pool.map(uji_satu, daftar, [simpan] * len(daftar)), 1):
            if progres and (i % 25 == 0 or i == len(daftar)):
                print(f"  {i}/{len(daftar)} masukan, {time.monotonic() - mulai:.0f} s",
                      file=sys.stderr, flush=True)
            yield hasil


def perintah_ulang(kunci: str) -> str:
    return f"python -m tests.fuzz --satu {kunci}"


# -- the table -------------------------------------------------------------------------------


def tabel(hasil: Sequence[HasilFuzz]) -> str:
    """Inputs per level × outcome (first proses exit code) and findings by check (inputs
    with at least one finding of that check), then the defect classes."""
    hasil_kolom = ("0", "1", "2", "dihentikan", "generator")
    cek = [c for c in CEK if any(t.cek == c for h in hasil for t in h.temuan)]
    kepala = ["level", "masukan", *(f"exit {k}" if k.isdigit() else k for k in hasil_kolom),
              "bertemuan", *cek]
    baris: list[list[str]] = []
    for lv in [*LEVEL, "total"]:
        hs = [h for h in hasil if lv in ("total", h.level)]
        if not hs:
            continue
        hasil_proses = Counter(h.hasil_proses for h in hs)
        per_cek = Counter(c for h in hs for c in {t.cek for t in h.temuan})
        baris.append([lv, str(len(hs)), *(str(hasil_proses[k]) for k in hasil_kolom),
                      str(sum(1 for h in hs if h.temuan)), *(str(per_cek[c]) for c in cek)])
    lebar = [max(len(x) for x in kol) for kol in zip(kepala, *baris, strict=True)]
    keluar = ["| " + " | ".join(k.ljust(w) for k, w in zip(kepala, lebar, strict=True)) + " |",
              "|" + "|".join("-" * (w + 2) for w in lebar) + "|"]
    keluar += ["| " + " | ".join(x.rjust(w) if i else x.ljust(w)
                                 for i, (x, w) in enumerate(zip(b, lebar, strict=True))) + " |"
               for b in baris]
    return "\n".join(keluar)


def ringkasan_kelas(hasil: Sequence[HasilFuzz]) -> str:
    """Defect classes: how many inputs, on which levels, one input to reproduce."""
    per_kelas: dict[str, list[tuple[HasilFuzz, str]]] = {}
    for h in hasil:
        for t in h.temuan:
            per_kelas.setdefault(golongkan(t, h.uraian), []).append((h, str(t)))
    keluar = []
    for kelas, daftar in sorted(per_kelas.items(), key=lambda x: -len(x[1])):
        masukan = {h.kunci for h, _ in daftar}
        level = sorted({h.level for h, _ in daftar})
        contoh_h, contoh_t = daftar[0]
        status = f"diketahui, {PER_ID[kelas].uji}" if diketahui(kelas) else \
            ("diperbaiki?" if kelas in PER_ID else "BARU")
        keluar.append(f"- {kelas} [{status}]: {len(masukan)} masukan ({', '.join(level)}); "
                      f"mis. {contoh_h.kunci} — {contoh_t[:220]}")
    return "\n".join(keluar)


def waktu(hasil: Sequence[HasilFuzz], detik_total: float) -> str:
    lambat = sorted(hasil, key=lambda h: -h.detik)[:3]
    rss = max((h.rss_mb for h in hasil), default=0.0)
    return (f"{len(hasil)} masukan dalam {detik_total:.0f} s; run terlama: "
            + ", ".join(f"{h.kunci} {h.detik:.1f} s" for h in lambat)
            + f"; RSS puncak terbesar {rss:.0f} MB")


# -- command line ----------------------------------------------------------------------------


def _satu(kunci: str, tulis: str | None) -> int:
    level, seed, indeks = kunci.split(":")
    if tulis:
        m = buat(level, int(seed), int(indeks))
        Path(tulis).write_bytes(m.data)
        print(f"ditulis: {tulis}")
    [h] = jalankan([(level, int(seed), int(indeks))], jobs=1)
    print(f"{h.kunci}: kode keluar {h.kode}, {h.detik:.1f} s, {h.rss_mb:.0f} MB")
    for u in h.uraian:
        print(f"  input: {u}")
    if h.galat_generator:
        print(h.galat_generator)
        return 1
    for t in h.temuan:
        print(f"  TEMUAN {t} (kelas: {golongkan(t, h.uraian)})")
    if not h.temuan:
        print("  tidak ada temuan")
    return 1 if h.temuan else 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fuzz",
                                 description="Fuzzer rkt-xl (issue 16): zip, xml, sel.")
    ap.add_argument("--level", default=",".join(LEVEL),
                    help="level dipisah koma (bawaan: semua)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jumlah", type=int, default=100, help="masukan per level")
    ap.add_argument("--mulai", type=int, default=0, help="indeks pertama")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--simpan", metavar="DIR", help="salin masukan yang bertemuan ke DIR")
    ap.add_argument("--json", metavar="FILE", help="semua hasil sebagai JSON")
    ap.add_argument("--satu", metavar="LEVEL:SEED:INDEX", help="jalankan satu masukan saja")
    ap.add_argument("--tulis", metavar="FILE", help="dengan --satu: tulis berkasnya juga")
    arg = ap.parse_args(argv)
    if arg.satu:
        return _satu(arg.satu, arg.tulis)
    level = [lv for lv in arg.level.split(",") if lv]
    asing = [lv for lv in level if lv not in LEVEL]
    if asing:
        ap.error(f"level tidak dikenal: {asing}")
    daftar = triples(level, arg.seed, arg.jumlah, arg.mulai)
    print(f"fuzz: {len(daftar)} masukan (level {', '.join(level)}, seed {arg.seed}, "
          f"indeks {arg.mulai}…{arg.mulai + arg.jumlah - 1}), {arg.jobs} proses",
          file=sys.stderr)
    mulai = time.monotonic()
    hasil = list(jalankan(daftar, arg.jobs, arg.simpan, progres=True))
    detik = time.monotonic() - mulai
    print(tabel(hasil))
    print()
    print(waktu(hasil, detik))
    kelas = ringkasan_kelas(hasil)
    if kelas:
        print("\nKelas cacat:")
        print(kelas)
    for h in hasil:
        if h.galat_generator:
            print(f"\nGENERATOR GAGAL {h.kunci}:\n{h.galat_generator}")
    if arg.json:
        Path(arg.json).parent.mkdir(parents=True, exist_ok=True)
        Path(arg.json).write_text(json.dumps([asdict(h) for h in hasil], ensure_ascii=False,
                                             indent=1), encoding="utf-8")
    return 1 if any(h.temuan or h.galat_generator for h in hasil) else 0
