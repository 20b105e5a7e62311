"""The bounded fuzz run of CI, and tests of the fuzzer itself.

``test_fuzz_terbatas`` runs fixed (level, seed, index) triples through the real
command line (tests/fuzz/checker.py). It fails on any finding of a class without an
open reproducer (a new defect, or one whose reproducer was fixed: see
tests/fuzz/dikenal.py), naming each input, its check and the one command that runs it
again; it is reported as an expected failure (xfail) while only known defect classes
are found, and passes once there are none.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from tests.fuzz import generator, runner
from tests.fuzz.bahasa import Pengguna, periksa_teks
from tests.fuzz.checker import TemuanFuzz, jalankan_cli
from tests.fuzz.dikenal import KELAS, diketahui, golongkan
from tests.korpus import buat_korpus as bk

# Fixed seeds: the same inputs on every CI run. RKT_FUZZ_JUMLAH changes how many (per
# level) for a local run; CI keeps the default (~2 minutes on 2 cores).
SEED = 1
JUMLAH = int(os.environ.get("RKT_FUZZ_JUMLAH", "100"))


@pytest.mark.lambat
def test_fuzz_terbatas() -> None:
    hasil = list(runner.jalankan(runner.triples(generator.LEVEL, SEED, JUMLAH), jobs=2))
    gagal = [h for h in hasil if h.galat_generator]
    assert not gagal, "\n".join(f"generator gagal pada {h.kunci}:\n{h.galat_generator}"
                                for h in gagal)
    baru: list[str] = []
    dikenal: Counter[str] = Counter()
    for h in hasil:
        for t in h.temuan:
            kelas = golongkan(t, h.uraian)
            if diketahui(kelas):
                dikenal[kelas] += 1
                continue
            baru.append(f"{h.kunci} [{t.cek}] {kelas}: {t.rincian[:400]}\n"
                        f"    input: {'; '.join(h.uraian)[:400]}\n"
                        f"    ulangi: {runner.perintah_ulang(h.kunci)}")
    if baru:
        pytest.fail(f"{len(baru)} temuan fuzz di luar kelas cacat yang diketahui:\n"
                    + "\n".join(baru) + "\n\n" + runner.tabel(hasil), pytrace=False)
    if dikenal:
        pytest.xfail("hanya cacat yang diketahui (reproduksi xfail di "
                     "tests/test_fuzz_temuan.py): "
                     + ", ".join(f"{k} ×{n}" for k, n in dikenal.most_common()))


# -- the fuzzer itself -----------------------------------------------------------------------


@pytest.mark.parametrize("level", generator.LEVEL)
def test_generator_deterministik(level: str) -> None:
    """The same (level, seed, index) always gives the same bytes; another index, others."""
    pertama = [generator.buat(level, 7, i) for i in range(4)]
    kedua = [generator.buat(level, 7, i) for i in range(4)]
    assert [m.data for m in pertama] == [m.data for m in kedua]
    assert [m.uraian for m in pertama] == [m.uraian for m in kedua]
    assert len({m.data for m in pertama}) == 4
    assert all(m.uraian for m in pertama)


@pytest.mark.parametrize("pesan", [
    "berkas zip rusak atau terpotong (File is not a zip file)",
    "berkas zip rusak atau terpotong (Bad CRC-32 for file 'xl/styles.xml')",
    "berkas tidak dapat dibuka (That compression method is not supported)",
    "bagian xl/workbook.xml rusak (XML tidak valid: Excessive depth in document: 256 use "
    "XML_PARSE_HUGE option, line 2, column 9634)",
    "berkas tidak dapat dibaca (None)",
    "berkas tidak dapat dibuka ()",
    "kesalahan tak terduga (InvalidOperation: [<class 'decimal.InvalidOperation'>])",
    "nilai Decimal('1E+28') tidak dapat ditulis",
    "berkas zip rusak (File name in directory 'a.xml' and header b'a.xQl' differ.)",
    "bagian xl/sharedStrings.xml rusak (XML tidak valid: no element found)",
    "Target tidak dapat dibaca: nan",
])
def test_bahasa_menangkap_teks_pengecualian(pesan: str) -> None:
    assert periksa_teks(f"rkt.xlsm: {pesan}", Pengguna(["rkt.xlsm"]))


def test_bahasa_diam_pada_kutipan_pengguna() -> None:
    """English (and repr-looking) text a user typed, quoted back, is theirs."""
    teks = ["Error: the file is not found", "None of the above", "=cmd|' /C calc'!A0",
            "baris\nis not of", "nan", "b'x'", " usaha@SUM(1) in the Error bulan "]
    keluaran = "\n".join([
        "Target kegiatan 1.01: 'Error: the file is not found' tidak dapat dibaca sebagai angka",
        "Indikator 1.1: di Evaluasi 'None of the above', di Sasaran \"=cmd|' /C calc'!A0\".",
        "Pagu kegiatan 2.01: 'baris", "is not of' bukan satu angka",
        "Realisasi 'nan' bukan angka; b'x' tertulis apa adanya",
        "Program '2' (usaha@SUM(1) in the Error bulan) belum memiliki kegiatan",  # trimmed
    ])
    assert periksa_teks(keluaran, Pengguna(teks)) == []


def test_bahasa_diam_pada_keluaran_contoh(tmp_path: Path) -> None:
    """The real output on the Sinjai example (galat, peringatan, every message kind it
    has) holds no foreign text: the detector's false-positive rate on normal output."""
    path = tmp_path / "contoh.xlsm"
    path.write_bytes(bk.contoh())
    for argumen in (("validasi", path.name, "--json"), ("proses", path.name)):
        j = jalankan_cli(argumen, tmp_path, batas=120)
        assert j.kode == 1, j.keluaran
        teks = j.keluaran
        if "--json" in argumen:
            teks = "\n".join(f"{t['pesan']}\n{t['saran']}" for t in json.loads(j.stdout))
        assert periksa_teks(teks, Pengguna([path.name])) == []


@pytest.mark.parametrize(("cek", "rincian", "uraian", "kelas"), [
    ("galat-internal", "validasi --json: x.xlsm: kesalahan tak terduga (InvalidOperation: "
     "[<class 'decimal.InvalidOperation'>])", [], "angka-besar-format"),
    ("galat-internal", "proses: x.xlsm: kesalahan tak terduga (ValueError: invalid literal for "
     "int() with base 10: 'x')", ["styles.xml: numFmtId='x' in cellXfs"], "numfmtid-bukan-angka"),
    ("galat-internal", "proses: x.xlsm: kesalahan tak terduga (ValueError: invalid literal for "
     "int() with base 10: 'x')", ["sheet 'Kegiatan': odd r"], "baru/galat-internal/ValueError"),
    ("bahasa", "proses: 'Bad CRC-32' dalam: x.xlsm: berkas zip rusak atau terpotong (Bad "
     "CRC-32 for file 'a')", [], "pesan-inggris"),
    ("waktu", "proses: 12.0 s", ["a 32767-character unbroken text in identitas Nama OPD"],
     "teks-panjang-kuadratik"),
    ("waktu", "proses: 12.0 s", ["random data"], "baru/waktu/proses-12-0-s"),
])
def test_golongkan(cek: str, rincian: str, uraian: list[str], kelas: str) -> None:
    assert golongkan(TemuanFuzz(cek, rincian), uraian) == kelas


def test_setiap_kelas_punya_reproduksi() -> None:
    """Every known class names a reproducer that exists in tests/test_fuzz_temuan.py."""
    from tests.fuzz.dikenal import BERKAS_REPRODUKSI

    teks = BERKAS_REPRODUKSI.read_text(encoding="utf-8")
    for k in KELAS:
        assert f"def {k.uji}(" in teks, k
    assert all(isinstance(diketahui(k.id), bool) for k in KELAS)
