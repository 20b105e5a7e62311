"""The audit trail in the workbook (DESIGN §4b): the Validasi sheet lists every change
Hitung made, the Beranda status line says when and by whom the workbook was last
processed, and a run that changes nothing changes no byte.

The seed's known mistakes are the oracle: Lampiran I row 2 printed 102,39 for 43/42
(102,38), Program 2 printed 173.136.000 where its kegiatan sum to 118.136.000.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from rkt_xl.lampiran.validasi import JUDUL_RIWAYAT
from rkt_xl.templat import SEL_STATUS

# 2025-11-29 07:06:40 UTC and one day later
EPOCH, BESOK = 1764400000, 1764486400
WAKTU, WAKTU_BESOK = "29-11-2025 07:06", "30-11-2025 07:06"


def _cli(*argumen: str, epoch: int = EPOCH) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    env.pop("RKT_XL_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "rkt_xl", *argumen], capture_output=True,
                          text=True, timeout=300, env=env)


def _riwayat(path: Path) -> list[tuple[Any, ...]]:
    """The history rows of the Validasi sheet, read with openpyxl."""
    ws = openpyxl.load_workbook(path)["Validasi"]
    baris = [tuple(c.value for c in r) for r in ws.iter_rows(max_col=7)]
    i = next(i for i, b in enumerate(baris) if b[0] == JUDUL_RIWAYAT)
    assert baris[i + 1][:3] == ("No", "Waktu, oleh", "Kolom")
    hasil = []
    for b in baris[i + 2:]:
        if b[1] is None:
            break
        hasil.append(b)
    return hasil


def _status(path: Path) -> str:
    v = openpyxl.load_workbook(path)["Beranda"][SEL_STATUS].value
    assert isinstance(v, str)
    return v


def test_riwayat_mencatat_koreksi_hitung(contoh_xlsm: Path) -> None:
    assert _cli("proses", str(contoh_xlsm)).returncode == 1
    riwayat = _riwayat(contoh_xlsm)
    oleh = f"{WAKTU}\nrkt-xl proses"
    # (Waktu, oleh), Kolom, Lembar, Sel, Semula, Menjadi
    assert (oleh, "Capaian (%)", "Evaluasi", "H3", "102,39", "102,38") in \
        [b[1:] for b in riwayat]
    assert (oleh, "Pagu Program", "Program", "E3", "173.136.000", "118.136.000") in \
        [b[1:] for b in riwayat]
    assert [b[0] for b in riwayat] == list(range(1, len(riwayat) + 1))
    assert _status(contoh_xlsm).startswith(f"Terakhir diproses {WAKTU} oleh rkt-xl proses: ")


def test_proses_kedua_tidak_mengubah_byte_walau_hari_lain(contoh_xlsm: Path) -> None:
    assert _cli("proses", str(contoh_xlsm)).returncode == 1
    sekali = contoh_xlsm.read_bytes()
    # A day later nothing has changed: the status line keeps its time, the history
    # gets no entry, no byte moves.
    assert _cli("proses", str(contoh_xlsm), epoch=BESOK).returncode == 1
    assert contoh_xlsm.read_bytes() == sekali


def test_perubahan_baru_di_atas_yang_lama(contoh_xlsm: Path) -> None:
    assert _cli("proses", str(contoh_xlsm)).returncode == 1
    lama = _riwayat(contoh_xlsm)
    wb = openpyxl.load_workbook(contoh_xlsm, keep_vba=True)
    wb["Evaluasi"]["G2"].value = 80  # a corrected realisasi: its capaian changes
    wb.save(contoh_xlsm)
    assert _cli("hitung", str(contoh_xlsm), epoch=BESOK).returncode == 1
    baru = _riwayat(contoh_xlsm)
    oleh = f"{WAKTU_BESOK}\nrkt-xl hitung"
    assert baru[0][1:5] == (oleh, "Capaian (%)", "Evaluasi", "H2")
    # every earlier entry kept, renumbered after the new ones
    n = len(baru) - len(lama)
    assert n >= 1 and [b[1:] for b in baru[n:]] == [b[1:] for b in lama]
    assert _status(contoh_xlsm).startswith(f"Terakhir diproses {WAKTU_BESOK} oleh "
                                           "rkt-xl hitung: ")


def test_tanpa_perubahan_riwayat_kosong_tertulis(tmp_path: Path) -> None:
    from tests.kebiasaan.kasus import bersih

    path = tmp_path / "bersih.xlsm"
    path.write_bytes(bersih())
    assert _cli("proses", str(path)).returncode == 0
    ws = openpyxl.load_workbook(path)["Validasi"]
    teks = [c.value for r in ws.iter_rows() for c in r if isinstance(c.value, str)]
    assert "Belum ada perubahan oleh Hitung." in teks


def _teks_tautan(v: Any) -> Any:
    """The shown text of a link the xlwings engine writes as =HYPERLINK("#…","E2")."""
    if isinstance(v, str):
        m = re.fullmatch(r'=HYPERLINK\("[^"]*","([^"]*)"\)', v)
        if m:
            return m.group(1)
    return v


@pytest.mark.parametrize("perintah", ["hitung", "proses"])
def test_tombol_membaca_riwayat_lama(perintah: str, contoh_xlsm: Path) -> None:
    """A button after the CLI: the xlwings engine reads the history the CLI wrote and
    puts its own changes on top (through xlwings' remote engine)."""
    from rkt_xl import excel
    from tests.remote_xlwings import (
        aksi,
        payload_dari_berkas,
        sel_tertulis,
        siapkan_remote,
    )

    siapkan_remote("noncommercial")
    import xlwings as xw

    assert _cli("proses", str(contoh_xlsm)).returncode == 1
    lama = _riwayat(contoh_xlsm)
    wb = openpyxl.load_workbook(contoh_xlsm, keep_vba=True)
    wb["Program"]["E2"].value = 1  # typed over a computed cell
    wb.save(contoh_xlsm)
    payload = payload_dari_berkas(contoh_xlsm)
    book = xw.Book(json=payload)
    excel.jalankan_di(book, perintah)
    ditulis = sel_tertulis(aksi(book), [s["name"] for s in payload["sheets"]])
    judul = next(r for (lembar, sel), v in ditulis.items()
                 if lembar == "Validasi" and v == JUDUL_RIWAYAT
                 for r in [int(sel[1:])])
    baris = [tuple(_teks_tautan(ditulis.get(("Validasi", f"{k}{r}"))) for k in "BCDEFG")
             for r in range(judul + 2, judul + 2 + len(lama) + 1)]
    assert baris[0][1:4] == ("Pagu Program", "Program", "E2")
    assert baris[0][0].endswith(f"\ntombol {excel.JUDUL[perintah]}")
    assert baris[0][4:] == ("1", "516.257.850")  # the seed: Program 1 sums to 516.257.850
    assert [b[1:] for b in baris[1:]] == [b[2:] for b in lama]
