"""The xlwings engine and the Excel buttons, on Linux, through xlwings' remote engine.

A workbook file becomes the JSON request Excel's xlwings client would send
(``payload_dari_berkas``); ``xw.Book(json=...)`` runs the button code against it and
``book.json()`` gives the actions Excel would apply. Those actions are compared with
what the file engine (``rkt-xl proses``) writes into a copy of the same file.

The remote engine needs ``XLWINGS_LICENSE_KEY=noncommercial`` (PolyForm Noncommercial,
DESIGN §8); ``siapkan_remote`` registers it even when xlwings was imported before.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.remote_xlwings import (
    aksi,
    payload_dari_berkas,
    sel_tertulis,
    siapkan_remote,
    tata_tertulis,
)

siapkan_remote("noncommercial")

import xlwings as xw  # noqa: E402 - after the licence key is in place

from rkt_xl import excel, skema  # noqa: E402
from rkt_xl.alur import jalankan  # noqa: E402
from rkt_xl.engine.xlwings import EngineXlwings, tabel_dari_nilai  # noqa: E402
from rkt_xl.engine.xlwings.nilai import (  # noqa: E402
    BATAS_TEPAT,
    nilai_baca,
    nilai_tulis,
    rumus_tautan,
    sama,
    teks_aman,
)
from rkt_xl.engine.xlwings.rencana import (  # noqa: E402
    Persegi,
    lebar_ke_poin,
    persegi_dari,
    rencanakan,
    runtun,
)
from rkt_xl.galat import GalatStruktur  # noqa: E402
from rkt_xl.lampiran.layout import Layout  # noqa: E402
from rkt_xl.model import GalatExcel  # noqa: E402
from rkt_xl.templat import SEL_STATUS, bangun  # noqa: E402

KOLOM_HITUNG = (
    (skema.EVALUASI, skema.CAPAIAN),
    (skema.EVALUASI, skema.KATEGORI),
    (skema.PROGRAM_T, skema.PAGU_PROGRAM),
)
POLA_STATUS = re.compile(
    r"^Terakhir diproses \d\d-\d\d-\d{4} \d\d:\d\d oleh tombol "
    r"(Validasi|Hitung|Buat Lampiran|Proses): \d+ galat, \d+ peringatan, \d+ info")


# -- helpers ---------------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def _tanpa_mock_caller() -> Any:
    yield
    if hasattr(xw.Book, "_mock_caller"):
        del xw.Book._mock_caller


def tulis_workbook(path: Path, data: dict[str, Any] | None) -> Path:
    buf = io.BytesIO()
    bangun(buf, data)
    path.write_bytes(buf.getvalue())
    return path


def buku_remote(path: Path) -> tuple[dict[str, Any], Any]:
    payload = payload_dari_berkas(path)
    return payload, xw.Book(json=payload)


def nama_lembar(payload: dict[str, Any]) -> list[str]:
    return [s["name"] for s in payload["sheets"]]


def isi_awal(payload: dict[str, Any]) -> dict[tuple[str, str], Any]:
    """Every non-empty cell of the request, as (sheet, A1) → value."""
    from rkt_xl.alamat import alamat

    hasil: dict[tuple[str, str], Any] = {}
    for s in payload["sheets"]:
        for i, baris in enumerate(s["values"]):
            for j, v in enumerate(baris):
                if v != "":
                    hasil[(s["name"], alamat(i + 1, j + 1))] = v
    return hasil


def keadaan_akhir(payload: dict[str, Any], daftar: list[dict[str, Any]]
                  ) -> dict[tuple[str, str], Any]:
    """The cells as Excel would hold them after applying the actions."""
    hasil = isi_awal(payload)
    hasil.update(sel_tertulis(daftar, nama_lembar(payload)))
    return hasil


def kolom_tabel(t: skema.TabelSkema, kolom: str) -> str:
    """Column letter of a contract column (the template lays tables out from A1)."""
    return chr(ord("A") + t.indeks(kolom))


# The clock both engines record in the history and the status line, so their output
# can be compared (the CLI reads it from SOURCE_DATE_EPOCH).
EPOCH = 1764400000
WAKTU = dt.datetime.fromtimestamp(EPOCH, dt.timezone.utc).replace(tzinfo=None)


def proses_berkas(path: Path) -> dict[str, Any]:
    """``rkt-xl proses --json`` on the file (in place): the CLI's summary of it."""
    r = subprocess.run([sys.executable, "-m", "rkt_xl", "proses", str(path), "--json"],
                       capture_output=True, text=True, timeout=300,
                       env={**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)})
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)[0]  # type: ignore[no-any-return]


def nilai_file(path: Path) -> dict[tuple[str, str], Any]:
    wb = openpyxl.load_workbook(path, data_only=True)
    hasil: dict[tuple[str, str], Any] = {}
    for t, kolom in KOLOM_HITUNG:
        ws = wb[t.lembar]
        huruf = kolom_tabel(t, kolom)
        for r in range(2, ws.max_row + 1):
            hasil[(t.lembar, f"{huruf}{r}")] = ws[f"{huruf}{r}"].value
    return hasil


def setara(a: Any, b: Any) -> bool:
    """Equal as Excel stores them: numbers as doubles (to the last bit), text exactly."""
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) \
            and not isinstance(a, bool) and not isinstance(b, bool):
        return float(a) == float(b)
    return bool(a == b)


def data_besar(n: int, contoh: dict[str, Any]) -> dict[str, Any]:
    """A valid RKT with n indicators, n kegiatan and n // 10 programs (rkt-xl/1)."""
    program = max(1, n // 10)
    return {
        "format": "rkt-xl/1",
        "identitas": {**contoh["identitas"], "Tahun RKT": 2019, "Periode Renstra": "2016-2021",
                      "Tanggal": "2 Januari 2019"},
        "pengaturan": dict(contoh["pengaturan"]),
        "sasaran": [{
            "Kode": f"1.{i}", "Tujuan": f"Tujuan {i // 50 + 1}",
            "Indikator Tujuan": f"Indikator tujuan {i // 50 + 1}",
            "Sasaran": f"Sasaran {i // 10 + 1}", "Indikator Sasaran": f"Indikator {i}",
            "Satuan": "%", "Polaritas": "Positif" if i % 3 else "Negatif",
            "Target Akhir Renstra": 90, "Target": 80 + i % 7,
        } for i in range(1, n + 1)],
        "evaluasi": [{
            "Kode": f"1.{i}", "Indikator Sasaran": f"Indikator {i}", "Satuan": "%",
            "Polaritas": "Positif" if i % 3 else "Negatif", "Target Akhir Renstra": 90,
            "Target": 80 + i % 7, "Realisasi": 70 + (i * 7) % 31 + 0.25,
        } for i in range(1, n + 1)],
        "program": [{
            "Kode Program": str(p), "Program": f"Program {p}",
            "Indikator Program": f"Cakupan program {p}", "Target Program": "100%",
        } for p in range(1, program + 1)],
        "kegiatan": [{
            "Kode Program": str(k % program + 1), "Kode Kegiatan": f"{k % program + 1}.{k:04d}",
            "Kegiatan": f"Kegiatan {k}", "Indikator Kegiatan": f"Indikator kegiatan {k}",
            "Target": 12, "Satuan": "Bulan", "Pagu": 1_000_000 * (k % 97 + 1) + k,
        } for k in range(1, n + 1)],
    }


# -- (a) parity with the file engine ---------------------------------------------------------
def _mutasi(data: dict[str, Any]) -> dict[str, Any]:
    d = copy.deepcopy(data)
    d["evaluasi"][1]["Realisasi"] = 40  # a realisasi
    d["evaluasi"][2]["Polaritas"] = "Negatif"  # a polaritas
    d["kegiatan"][0]["Pagu"] = 56_460_001  # a pagu
    d["kegiatan"][3]["Pagu"] = "1.234.567"  # a pagu typed as text
    return d


@pytest.mark.parametrize("varian", ["asli", "mutasi"])
def test_proses_sama_dengan_engine_berkas(varian: str, data: dict[str, Any],
                                          tmp_path: Path) -> None:
    isi = data if varian == "asli" else _mutasi(data)
    asal = tulis_workbook(tmp_path / "asal.xlsm", isi)
    salinan = tmp_path / "salinan.xlsm"
    shutil.copyfile(asal, salinan)
    ringkas = proses_berkas(salinan)
    dari_file = nilai_file(salinan)

    payload, book = buku_remote(asal)
    laporan = excel.jalankan_di(book, "proses")
    assert laporan is not None
    akhir = keadaan_akhir(payload, aksi(book))

    beda = {k: (v, akhir.get(k)) for k, v in dari_file.items() if not setara(v, akhir.get(k))}
    # A last-digit difference in a capaian means the file engine computed from the XML
    # text of a number (XlsxWriter writes 86.82 as "86.81999999999999") instead of the
    # double's shortest form (86.82) that Excel, and so xlwings, hands over.
    assert not beda, f"file engine vs xlwings (file, xlwings): {beda}"
    # The computed cells the file engine wrote are the ones xlwings wrote.
    assert sorted(p["sel"] for p in ringkas["perubahan"]) == sorted(
        p.sel for p in laporan.perubahan)
    temuan_file = [(t["tingkat"], t["aturan"], t["lembar"], t["sel"], t["pesan"], t["saran"])
                   for t in ringkas["temuan"]]
    temuan_xlwings = [(t.tingkat.value, t.aturan, t.lembar, t.sel, t.pesan, t.saran)
                      for t in laporan.temuan]
    assert temuan_xlwings == temuan_file
    assert laporan.lembar_dibuat == ringkas["lembar_dibuat"]


def test_lampiran_sama_dengan_engine_berkas(contoh_xlsm: Path, tmp_path: Path) -> None:
    """Every value of the generated sheets matches the file engine's, except the links,
    which are HYPERLINK formulas here (the same target and text)."""
    salinan = tmp_path / "salinan.xlsm"
    shutil.copyfile(contoh_xlsm, salinan)
    proses_berkas(salinan)
    payload, book = buku_remote(contoh_xlsm)
    excel.jalankan_di(book, "proses", WAKTU)
    ditulis = sel_tertulis(aksi(book), nama_lembar(payload))
    wb = openpyxl.load_workbook(salinan, data_only=True)
    for lembar in skema.LEMBAR_HASIL:
        ws = wb[lembar]
        for row in ws.iter_rows():
            for c in row:
                v = ditulis.get((lembar, c.coordinate))
                if c.hyperlink is not None and isinstance(v, str):
                    assert v == rumus_tautan(str(c.hyperlink.location), str(c.value))
                    continue
                nilai = c.value
                if isinstance(nilai, str):
                    # The history names who ran it: the command, or the button.
                    nilai = nilai.replace("\nrkt-xl proses", "\ntombol Proses")
                assert setara(nilai, v), (lembar, c.coordinate, c.value, v)


def test_tabel_ketemu_tanpa_listobject(contoh_xlsm: Path) -> None:
    """A client that reports no tables: found by header row, read the same."""
    payload = payload_dari_berkas(contoh_xlsm)
    dengan = EngineXlwings(xw.Book(json=payload)).baca_tabel()
    tanpa_tabel = copy.deepcopy(payload)
    for s in tanpa_tabel["sheets"]:
        s["tables"] = []
    tanpa = EngineXlwings(xw.Book(json=tanpa_tabel)).baca_tabel()
    assert set(tanpa) == set(dengan) == {t.nama for t in skema.TABEL}
    for nama, t in dengan.items():
        assert tanpa[nama].header == t.header
        assert [(b.nomor, {k: s.mentah for k, s in b.sel.items()}) for b in tanpa[nama].baris] \
            == [(b.nomor, {k: s.mentah for k, s in b.sel.items()}) for b in t.baris]


def test_tabel_dicari_tanpa_beda_huruf(contoh_xlsm: Path) -> None:
    payload = payload_dari_berkas(contoh_xlsm)
    for s in payload["sheets"]:
        for t in s["tables"]:
            t["name"] = t["name"].upper()  # Excel compares table names case-insensitively
    tabel = EngineXlwings(xw.Book(json=payload)).baca_tabel()
    assert set(tabel) == {t.nama for t in skema.TABEL}


# -- (b) calls do not grow with the rows -------------------------------------------------------
def _hitung_aksi(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[dict[str, Any]], int]:
    from xlwings.pro import _xlremote

    asli: Any = _xlremote.Range.raw_value
    baca = 0

    def hitung_baca(self: Any) -> Any:
        nonlocal baca
        baca += 1
        return asli.fget(self)

    monkeypatch.setattr(_xlremote.Range, "raw_value", property(hitung_baca, asli.fset))
    _, book = buku_remote(path)
    book.set_mock_caller()
    excel.hitung()
    monkeypatch.setattr(_xlremote.Range, "raw_value", asli)
    return aksi(book), baca


def test_jumlah_aksi_hitung_tidak_tumbuh(data: dict[str, Any], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    kecil = tulis_workbook(tmp_path / "kecil.xlsm", data_besar(10, data))
    besar = tulis_workbook(tmp_path / "besar.xlsm", data_besar(2000, data))
    aksi_kecil, baca_kecil = _hitung_aksi(kecil, monkeypatch)
    aksi_besar, baca_besar = _hitung_aksi(besar, monkeypatch)
    with capsys.disabled():
        print(f"\nHitung: {len(aksi_kecil)} aksi / {baca_kecil} baca (10 baris), "
              f"{len(aksi_besar)} aksi / {baca_besar} baca (2.000 baris); "
              f"{dict(Counter(a['func'] for a in aksi_besar))}")
    assert abs(len(aksi_besar) - len(aksi_kecil)) < 10
    assert baca_besar == baca_kecil
    # Each computed column is one block: Capaian, Kategori, Pagu Program.
    evaluasi = skema.TABEL.index(skema.EVALUASI) + 1  # sheet position (Beranda first)
    program = skema.TABEL.index(skema.PROGRAM_T) + 1
    tulis = [a for a in aksi_besar if a["func"] == "setValues"
             and a["sheet_position"] in (evaluasi, program)]
    assert len(tulis) == 3
    assert {a["row_count"] for a in tulis} == {2000, 200}


def terapkan(payload: dict[str, Any], daftar: list[dict[str, Any]]) -> dict[str, Any]:
    """The request Excel would send after applying the ``setValues`` actions."""
    from rkt_xl.alamat import pecah_alamat

    baru = copy.deepcopy(payload)
    lembar = {s["name"]: s for s in baru["sheets"]}
    for (nama, ref), v in sel_tertulis(daftar, nama_lembar(payload)).items():
        r, c = pecah_alamat(ref)
        nilai = lembar[nama]["values"]
        while len(nilai) < r:
            nilai.append([""] * len(nilai[0]))
        for baris in nilai:
            baris.extend([""] * (c - len(baris)))
        nilai[r - 1][c - 1] = "" if v is None else v
    return baru


def test_tidak_ada_tulisan_bila_tidak_berubah(contoh_xlsm: Path) -> None:
    """Once the computed columns are right, Hitung writes no cell (and makes no call)."""
    payload, book = buku_remote(contoh_xlsm)
    pertama = jalankan(EngineXlwings(book), tulis_hitung=True)
    assert pertama.perubahan
    book = xw.Book(json=terapkan(payload, aksi(book)))
    engine = EngineXlwings(book)
    laporan = jalankan(engine, tulis_hitung=True)
    assert laporan.perubahan == []
    assert aksi(book) == []
    assert engine.simpan() is False
    assert [t.aturan for t in laporan.temuan_awal] == [t.aturan for t in pertama.temuan]


# -- (c) the Beranda status line ---------------------------------------------------------------
@pytest.mark.parametrize("perintah", ["validasi", "hitung", "lampiran", "proses"])
def test_baris_status_beranda(perintah: str, contoh_xlsm: Path) -> None:
    payload, book = buku_remote(contoh_xlsm)
    book.set_mock_caller()
    getattr(excel, perintah)()
    daftar = aksi(book)
    status = sel_tertulis(daftar, nama_lembar(payload))[(skema.BERANDA, SEL_STATUS)]
    assert POLA_STATUS.match(status), status
    # As typed the example has 5 galat; Hitung corrects three of them.
    tulis_hitung, tulis_lampiran, tulis_validasi = excel.PERINTAH_EXCEL[perintah]
    jumlah = "2 galat, 3 peringatan, 0 info" if tulis_hitung else "5 galat, 3 peringatan, 1 info"
    assert f": {jumlah} (" in status
    fungsi = Counter(a["func"] for a in daftar)
    assert "alert" not in fungsi
    lembar = {sel_lembar for (sel_lembar, _) in sel_tertulis(daftar, nama_lembar(payload))}
    assert (skema.VALIDASI in lembar) == tulis_validasi
    assert (skema.LAMPIRAN_I in lembar) == tulis_lampiran
    assert (skema.EVALUASI.lembar in lembar) == tulis_hitung
    if perintah == "validasi":
        assert daftar[-1]["func"] == "activateSheet"


def test_teks_status() -> None:
    from rkt_xl import jejak
    from rkt_xl.temuan import Temuan, Tingkat

    temuan = ([Temuan(Tingkat.GALAT, "a", "L", "A1", "p")] * 3
              + [Temuan(Tingkat.PERINGATAN, "b", "L", "A1", "p")] * 2
              + [Temuan(Tingkat.INFO, "c", "L", "A1", "p")])
    waktu = dt.datetime(2026, 11, 28, 10, 12)
    teks = jejak.teks_status(excel.oleh("validasi"), waktu, temuan)
    assert teks == ("Terakhir diproses 28-11-2026 10:12 oleh tombol Validasi: 3 galat, "
                    "2 peringatan, 1 info (rincian di lembar Validasi).")
    assert POLA_STATUS.match(teks)
    # Only the time differs: the same status (a second run leaves it as it is).
    nanti = jejak.teks_status(excel.oleh("validasi"), waktu + dt.timedelta(days=1), temuan)
    assert jejak.status_sama(teks, nanti)
    assert not jejak.status_sama(teks, jejak.teks_status("rkt-xl proses", waktu, temuan))
    assert not jejak.status_sama(teks, jejak.teks_status(excel.oleh("validasi"), waktu,
                                                         temuan[1:]))


# -- (d) errors reach the user as an Indonesian message box ------------------------------------
def _alert(daftar: list[dict[str, Any]]) -> list[Any]:
    pesan = [a["args"] for a in daftar if a["func"] == "alert"]
    assert len(pesan) == 1, daftar
    return pesan[0]  # type: ignore[no-any-return]


def test_galat_tak_terduga_jadi_pesan(contoh_xlsm: Path, monkeypatch: pytest.MonkeyPatch
                                      ) -> None:
    def rusak(self: EngineXlwings) -> None:
        raise RuntimeError("tabel rusak")

    monkeypatch.delenv("RKT_XL_DEBUG", raising=False)
    monkeypatch.setattr(EngineXlwings, "baca_tabel", rusak)
    payload, book = buku_remote(contoh_xlsm)
    book.set_mock_caller()
    with pytest.raises(SystemExit) as keluar:
        excel.hitung()  # no traceback: a message, and a non-zero exit
    assert keluar.value.code == 1
    daftar = aksi(book)
    teks, judul, tombol, mode, _ = _alert(daftar)
    assert teks.startswith("Hitung gagal karena kesalahan tak terduga (RuntimeError: "
                           "tabel rusak).")
    assert "tutup buku kerja tanpa menyimpan" in teks
    assert "Traceback" not in teks
    assert (judul, tombol, mode) == ("RKT — Hitung", "ok", "critical")
    status = sel_tertulis(daftar, nama_lembar(payload))[(skema.BERANDA, SEL_STATUS)]
    assert re.fullmatch(r"Tombol Hitung gagal \d\d-\d\d-\d{4} \d\d:\d\d \(lihat pesan\)\.",
                        status), status


def test_galat_rkt_jadi_pesan(contoh_xlsm: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def rusak(self: EngineXlwings) -> None:
        raise GalatStruktur("Tabel tblEvaluasi tidak dapat dibaca.")

    monkeypatch.delenv("RKT_XL_DEBUG", raising=False)
    monkeypatch.setattr(EngineXlwings, "baca_tabel", rusak)
    _, book = buku_remote(contoh_xlsm)
    assert excel.jalankan_di(book, "validasi") is None
    teks = _alert(aksi(book))[0]
    assert teks == "Validasi tidak dapat dijalankan: Tabel tblEvaluasi tidak dapat dibaca."


def test_galat_saat_menulis_jadi_pesan(contoh_xlsm: Path, monkeypatch: pytest.MonkeyPatch
                                       ) -> None:
    class com_error(Exception):  # the name pywin32 gives it
        pass

    def tolak(self: EngineXlwings, *argumen: Any) -> list[str]:
        raise com_error(-2147352567, "Pengecualian terjadi.")

    monkeypatch.delenv("RKT_XL_DEBUG", raising=False)
    monkeypatch.setattr(EngineXlwings, "tulis_kolom", tolak)
    _, book = buku_remote(contoh_xlsm)
    assert excel.jalankan_di(book, "hitung") is None
    teks = _alert(aksi(book))[0]
    assert "Excel menolak perubahan" in teks and "Protect Sheet" in teks


def test_debug_meneruskan_galat(contoh_xlsm: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def rusak(self: EngineXlwings) -> None:
        raise RuntimeError("tabel rusak")

    monkeypatch.setenv("RKT_XL_DEBUG", "1")
    monkeypatch.setattr(EngineXlwings, "baca_tabel", rusak)
    _, book = buku_remote(contoh_xlsm)
    with pytest.raises(RuntimeError):
        excel.jalankan_di(book, "hitung")


@pytest.mark.parametrize("perintah", ["validasi", "hitung", "lampiran", "proses"])
def test_tanpa_pemanggil_gagal_keras(perintah: str, tmp_path: Path) -> None:
    """Run as RunPython runs a button (``python -c "import rkt_xl.excel as m;
    m.hitung()" --wb=… --from_xl=1 …``), outside Excel: Book.caller() fails, the
    Indonesian reason goes to stderr and the exit code is not 0 — what makes xlwings'
    ExecuteWindows show it instead of nothing."""
    env = {k: v for k, v in os.environ.items() if k != "RKT_XL_DEBUG"}
    r = subprocess.run([sys.executable, "-c", f"import rkt_xl.excel as m; m.{perintah}()",
                        "--wb=RKT.xlsm", "--from_xl=1", "--app=Excel.exe", "--hwnd=1"],
                       capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert r.returncode == 1, r.stderr
    assert "buku kerja yang memanggil tidak ditemukan" in r.stderr
    assert "Traceback" not in r.stderr


# -- text never becomes a formula ----------------------------------------------------------------
def test_teks_tidak_menjadi_rumus(data: dict[str, Any], tmp_path: Path) -> None:
    d = copy.deepcopy(data)
    d["kegiatan"][0]["Kegiatan"] = "=HYPERLINK(\"http://contoh\")"
    d["kegiatan"][1]["Kegiatan"] = "-5 orang"
    d["kegiatan"][2]["Kegiatan"] = "+62 411"
    d["kegiatan"][3]["Kegiatan"] = "@SUM(A1)"
    path = tulis_workbook(tmp_path / "teks.xlsm", d)
    payload, book = buku_remote(path)
    excel.jalankan_di(book, "proses")
    daftar = aksi(book)
    for a in daftar:
        if a["func"] != "setValues":
            continue
        for baris in a["values"]:
            for v in baris:
                if isinstance(v, str) and v and v[0] in "=+-@":
                    assert v.startswith("=HYPERLINK(\"#'"), v  # only our own links
    ditulis = sel_tertulis(daftar, nama_lembar(payload))
    tabel_25 = {v for (lembar, _), v in ditulis.items() if lembar == skema.TABEL_2_5}
    assert {"=HYPERLINK(\"http://contoh\")", "-5 orang", "+62 411", "@SUM(A1)"} <= tabel_25
    # Text Excel would turn into numbers stays text: "100%" is not 1, "1" not 1.0.
    assert {"100%", "1", "12 Bulan"} <= tabel_25
    mentah = {v for a in daftar if a["func"] == "setValues" for b in a["values"] for v in b}
    assert {"'100%", "'1", "'12 Bulan"} <= mentah


# -- rendering ------------------------------------------------------------------------------------
def test_render_format_dari_gaya(contoh_xlsm: Path) -> None:
    payload, book = buku_remote(contoh_xlsm)
    engine = EngineXlwings(book)
    tabel = engine.baca_tabel()
    from rkt_xl.hitung import hitung
    from rkt_xl.lampiran import bangun_tabel_2_5
    from rkt_xl.pemetaan import susun

    rkt = susun(tabel)
    layout = bangun_tabel_2_5(rkt, hitung(rkt))
    engine.render(layout)
    daftar = aksi(book)
    rencana = rencanakan(layout)
    fungsi = Counter(a["func"] for a in daftar)
    assert fungsi["sheetClear"] == 1
    assert fungsi["setValues"] == 1
    assert fungsi["copyFromRange"] == rencana.jumlah_persegi
    # Every merge, height and width in one call to the workbook's macro: numbers only.
    assert fungsi["runMacro"] == 1 and "rangeMerge" not in fungsi
    assert "setRowHeight" not in fungsi and "setColumnWidth" not in fungsi
    tata = tata_tertulis(daftar)[skema.TABEL_2_5]
    assert tata["gabung"] == [(g.baris1, g.kolom1, g.baris2, g.kolom2) for g in rencana.gabung]
    for kunci, harap in (("tinggi", rencana.tinggi), ("lebar", rencana.lebar)):
        assert [(a, b) for a, b, _ in tata[kunci]] == [(a, b) for a, b, _ in harap]
        assert [x for *_, x in tata[kunci]] == pytest.approx([x for *_, x in harap])
    gaya = next(s for s in payload["sheets"] if s["name"] == skema.GAYA)
    prototipe = {f"$B${i + 1}" for i, baris in enumerate(gaya["values"]) if i and baris[0]}
    for a in daftar:
        if a["func"] == "copyFromRange":
            assert a["args"][0] == nama_lembar(payload).index(skema.GAYA)
            assert a["args"][1] in prototipe and a["args"][2] == "formats"
    setel = next(a for a in daftar if a["func"] == "setValues")
    assert (setel["row_count"], setel["column_count"]) == (rencana.baris, rencana.kolom)
    assert engine.catatan == []


def test_render_lembar_baru(contoh_xlsm: Path) -> None:
    payload = payload_dari_berkas(contoh_xlsm)
    payload["sheets"] = [s for s in payload["sheets"] if s["name"] != skema.VALIDASI]
    book = xw.Book(json=payload)
    engine = EngineXlwings(book)
    jalankan(engine, tulis_validasi=True)
    daftar = aksi(book)
    assert daftar[0]["func"] == "addSheet" and daftar[0]["args"][1] == skema.VALIDASI
    ditulis = sel_tertulis(daftar, nama_lembar(payload))
    assert ditulis[(skema.VALIDASI, "A1")] == "Hasil Validasi RKT"


# -- pure parts -----------------------------------------------------------------------------------
def test_nilai_baca() -> None:
    assert nilai_baca(56460000.0) == 56460000 and isinstance(nilai_baca(56460000.0), int)
    assert nilai_baca(float(10**15)) == 10**15
    assert nilai_baca(float(BATAS_TEPAT)) == BATAS_TEPAT
    assert nilai_baca(83.69) == Decimal("83.69")
    assert nilai_baca(86.81999999999999) == Decimal("86.82")  # the same double
    assert nilai_baca(7) == 7
    assert nilai_baca("") is None and nilai_baca(None) is None
    assert nilai_baca(" ") == " "
    assert nilai_baca("#DIV/0!") == GalatExcel("#DIV/0!")
    assert nilai_baca(-2146826246) == GalatExcel("#N/A")  # COM error code
    assert nilai_baca(-2146826243) == GalatExcel("#SPILL!")
    assert nilai_baca(True) is True
    assert nilai_baca(dt.date(2017, 12, 28)) == dt.datetime(2017, 12, 28)
    assert nilai_baca(dt.datetime(2017, 12, 28, 10, 0)) == dt.datetime(2017, 12, 28, 10, 0)


def test_tanggal_dari_payload(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Identitas"
    ws.append(["Kunci", "Nilai"])
    ws.append(["Tanggal", dt.datetime(2017, 12, 28)])
    from openpyxl.worksheet.table import Table

    ws.add_table(Table(displayName="tblIdentitas", ref="A1:B2"))
    wb.save(tmp_path / "t.xlsx")
    payload = payload_dari_berkas(tmp_path / "t.xlsx")
    assert payload["sheets"][0]["values"][1][1] == "2017-12-28T00:00:00.000Z"
    tabel = EngineXlwings(xw.Book(json=payload)).baca_tabel()
    assert tabel["tblIdentitas"].baris[0].sel["Nilai"].mentah == dt.datetime(2017, 12, 28)


def test_teks_aman() -> None:
    for teks in ("=1+1", "-5 orang", "+62", "@SUM(A1)", "1.01", "02", "Mei 2018", "TRUE",
                 "benar", "#N/A", "'kutip", " 12", "12/3", "50%"):
        assert teks_aman(teks) == "'" + teks
    for teks in ("Tinggi", "Sangat Tinggi", "Program Pelayanan", "Positif", ""):
        assert teks_aman(teks) == teks


def test_nilai_tulis() -> None:
    assert nilai_tulis(Decimal("102.380952380952380952")) == 102.38095238095238
    assert nilai_tulis(516257850) == 516257850.0
    assert nilai_tulis(10**15) == 1e15
    assert nilai_tulis(BATAS_TEPAT + 1) == "'" + str(BATAS_TEPAT + 1)  # never rounded
    assert nilai_tulis(None) is None
    assert nilai_tulis("-") == "'-"
    assert rumus_tautan("'Bu''s'!A1", 'a"b') == '=HYPERLINK("#\'Bu\'\'s\'!A1","a""b")'


def test_sama() -> None:
    assert sama(Decimal("102.38095238095238"), Decimal("102.380952380952380952"))
    assert not sama(Decimal("102.39"), Decimal("102.380952380952380952"))
    assert sama(None, None) and sama(" ", None) and not sama(0, None)
    assert sama("Tinggi", "Tinggi") and not sama("tinggi", "Tinggi")
    assert sama(516257850, 516257850) and not sama("516257850", 516257850)
    assert sama(BATAS_TEPAT + 1, BATAS_TEPAT + 1) and not sama(BATAS_TEPAT + 1, BATAS_TEPAT)


def test_tabel_dari_nilai() -> None:
    data: list[list[Any]] = [["Kunci", "Nilai"], ["a", 1.0], [None, ""], [" ", None],
                             ["b", 2.5], ["Total", 3]]
    t = tabel_dari_nilai("tblX", "L", "$B$3:$C$8", data, header_ada=True, total_ada=True)
    assert t.header == ("Kunci", "Nilai") and t.ref == "B3:C8" and t.header_baris == 3
    assert [b.nomor for b in t.baris] == [4, 7]
    assert t.baris[1].sel["Nilai"].alamat == "C7"
    assert t.baris[1].sel["Nilai"].mentah == Decimal("2.5")


def test_persegi_dari() -> None:
    sel = {(r, c) for r in range(3, 103) for c in (1, 2, 3)} | {(5, 5), (6, 5), (200, 1)}
    persegi = persegi_dari(sel)
    assert Persegi(3, 1, 102, 3) in persegi and len(persegi) == 3
    tertutup = [(r, c) for p in persegi for r in range(p.baris1, p.baris2 + 1)
                for c in range(p.kolom1, p.kolom2 + 1)]
    assert sorted(tertutup) == sorted(sel)  # exact cover, no overlap


def test_runtun_dan_alamat() -> None:
    assert runtun({1: 9.0, 2: 9.0, 4: 9.0, 5: 15.0}) == [(1, 2, 9.0), (4, 4, 9.0), (5, 5, 15.0)]
    assert lebar_ke_poin(8.43) == 48.0  # Excel's default column: 64 px


def test_rencana_tinggi_baris_lama_dikembalikan() -> None:
    layout = Layout("X")
    layout.tulis(1, 1, "a", "judul")
    layout.tinggi_baris[1] = 30.0
    rencana = rencanakan(layout, baris_lama=40)
    assert rencana.tinggi == [(1, 1, 30.0), (2, 40, 15.0)]
    assert rencana.area_cetak == "$A$1:$A$1"


# -- the desktop (COM) branch, against a recording stand-in for xlwings ------------------------
class _Api:
    """Any object-model path: attribute reads chain, calls and assignments are logged."""

    _log: list[tuple[Any, ...]]
    _jalur: str

    def __init__(self, log: list[tuple[Any, ...]], jalur: str) -> None:
        object.__setattr__(self, "_log", log)
        object.__setattr__(self, "_jalur", jalur)

    def __getattr__(self, nama: str) -> _Api:
        return _Api(self._log, f"{self._jalur}.{nama}")

    def __setattr__(self, nama: str, nilai: Any) -> None:
        self._log.append(("set", f"{self._jalur}.{nama}", nilai))

    def __call__(self, *argumen: Any, **kw: Any) -> _Api:
        self._log.append(("call", self._jalur, argumen, kw))
        return _Api(self._log, f"{self._jalur}()")


class _Range:
    def __init__(self, lembar: _Lembar, alamat: str) -> None:
        self.lembar, self.address = lembar, alamat
        self.api = _Api(lembar.log, f"{lembar.name}!{alamat}")

    def __setattr__(self, nama: str, nilai: Any) -> None:
        if nama in ("value", "formula", "column_width", "row_height"):
            self.lembar.log.append((nama, self.lembar.name, self.address, nilai))
        else:
            object.__setattr__(self, nama, nilai)

    def options(self, **kw: Any) -> _Range:
        return self

    @property
    def value(self) -> Any:
        return self.lembar.isi

    @property
    def row(self) -> int:
        return 1

    @property
    def column(self) -> int:
        return 1

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.lembar.isi), 1)

    def copy(self, tujuan: _Range) -> None:
        self.lembar.log.append(("copy", self.lembar.name, self.address, tujuan.address))

    def unmerge(self) -> None:
        self.lembar.log.append(("unmerge", self.lembar.name, self.address))

    def merge(self) -> None:
        self.lembar.log.append(("merge", self.lembar.name, self.address))


class _Lembar:
    def __init__(self, log: list[tuple[Any, ...]], nama: str, isi: list[Any]) -> None:
        self.log, self.name, self.isi = log, nama, isi
        self.api = _Api(log, nama)
        self.page_setup = type("PS", (), {})()

    def range(self, a: Any, b: Any = None) -> _Range:
        assert b is None and isinstance(a, str), "COM calls use A1 addresses"
        return _Range(self, a)

    @property
    def used_range(self) -> _Range:
        return _Range(self, f"A1:B{len(self.isi)}")

    def clear(self) -> None:
        self.log.append(("clear", self.name))


def _buku_desktop(log: list[tuple[Any, ...]]) -> tuple[Any, dict[str, _Lembar]]:
    from rkt_xl.lampiran.gaya import GAYA

    lembar = {
        skema.GAYA: _Lembar(log, skema.GAYA, ["Gaya", *GAYA]),
        skema.VALIDASI: _Lembar(log, skema.VALIDASI, ["lama"] * 30),
    }
    app = type("App", (), {"engine": type("E", (), {"name": "excel"})(),
                           "api": _Api(log, "App"), "screen_updating": True,
                           "display_alerts": True})()
    book = type("Book", (), {"sheets": lembar, "app": app, "api": _Api(log, "Book"),
                             "fullname": "C:\\RKT.xlsm"})()
    return book, lembar


def _layout_validasi() -> Layout:
    from rkt_xl.lampiran import bangun_validasi
    from rkt_xl.temuan import Temuan, Tingkat

    return bangun_validasi([Temuan(Tingkat.GALAT, "wajib-diisi", "Evaluasi", f"G{r}",
                                   "Realisasi kosong.") for r in range(2, 60)])


def test_cabang_mac_render() -> None:
    """macOS: xlwings' own API only (no `.api`), widths in characters, a note instead
    of page setup."""
    log: list[tuple[Any, ...]] = []
    book, _ = _buku_desktop(log)
    engine = EngineXlwings(book)
    engine.com = False
    layout = _layout_validasi()
    engine.render(layout)
    rencana = rencanakan(layout, 30)
    assert not [x for x in log if x[0] in ("call", "set")]
    assert Counter(x[0] for x in log)["merge"] == len(rencana.gabung)
    assert [x[3] for x in log if x[0] == "column_width"] == [w for _, _, w in rencana.lebar]
    assert len(engine.catatan) == 1 and "Mac" in engine.catatan[0]


def test_cabang_com_render() -> None:
    from rkt_xl.lampiran.gaya import GAYA

    log: list[tuple[Any, ...]] = []
    book, lembar = _buku_desktop(log)
    app = book.app
    engine = EngineXlwings(book)
    assert not engine.remote
    engine.com = True  # as on Windows
    layout = _layout_validasi()
    with engine.sesi():
        assert app.screen_updating is False and app.display_alerts is False
        engine.render(layout)
    assert app.screen_updating is True and app.display_alerts is True
    assert engine.catatan == []
    rencana = rencanakan(layout, 30)
    jenis = Counter(x[0] for x in log)
    assert jenis["clear"] == 1 and jenis["value"] == 1 and jenis["unmerge"] == 1
    assert jenis["copy"] == rencana.jumlah_persegi
    # Prototypes are column B of _Gaya, in catalogue order.
    b = {f"B{i}" for i in range(2, len(GAYA) + 2)}
    assert all(x[2] in b for x in log if x[0] == "copy")
    # This workbook has no RKT_TerapkanTata macro (an older one, its VBA removed):
    # call by call, never a multi-area address (whose separator depends on Windows'
    # language).
    merge = [x for x in log if x[0] == "call" and x[1].endswith(".Merge")]
    assert len(merge) == len(rencana.gabung)
    tinggi = [x for x in log if x[0] == "row_height"]
    assert [(x[2], x[3]) for x in tinggi] == [(Persegi(a, 1, b, 1).a1, h)
                                              for a, b, h in rencana.tinggi]
    assert not any("," in x[2] for x in log if x[0] in ("row_height", "column_width"))
    setel = {x[1]: x[2] for x in log if x[0] == "set"}
    assert setel["Validasi.PageSetup.PrintTitleRows"] == rencana.judul_cetak
    # The footer in the table's font; each sheet numbers its own pages from 1.
    assert setel["Validasi.PageSetup.CenterFooter"] == '&"Arial,Regular"&10Halaman &P dari &N'
    assert setel["Validasi.PageSetup.FirstPageNumber"] == 1
    assert setel["Validasi.PageSetup.Orientation"] == 2
    assert setel["App.ActiveWindow.SplitRow"] == layout.bekukan_baris
    assert setel["App.ActiveWindow.FreezePanes"] is True
    assert lembar[skema.VALIDASI].page_setup.print_area == rencana.area_cetak


def test_galat_di_excel_desktop_ke_stderr(contoh_xlsm: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Desktop Excel (not a remote client): the reason goes to stderr, which RunPython
    shows once the exit code is 1; no message box of ours on top of it."""
    import rkt_xl.engine.xlwings as mesin

    def rusak(self: EngineXlwings) -> None:
        raise RuntimeError("tabel rusak")

    monkeypatch.delenv("RKT_XL_DEBUG", raising=False)
    monkeypatch.setattr(EngineXlwings, "baca_tabel", rusak)
    monkeypatch.setattr(mesin, "adalah_remote", lambda book: False)
    _payload, book = buku_remote(contoh_xlsm)
    book.set_mock_caller()
    with pytest.raises(SystemExit) as keluar:
        excel.hitung()
    assert keluar.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("rkt_xl: Hitung gagal karena kesalahan tak terduga (RuntimeError: ")
    assert not [a for a in aksi(book) if a["func"] == "alert"]


def test_cabang_com_render_dengan_makro() -> None:
    """Desktop Excel with the template's VBA: every merge, height and width in ONE call
    to RKT_TerapkanTata (with the plan as numbers), nothing call by call."""
    from rkt_xl.engine.xlwings import MAKRO_TATA
    from rkt_xl.engine.xlwings.rencana import teks_tata

    log: list[tuple[Any, ...]] = []
    book, _ = _buku_desktop(log)
    book.macro = lambda nama: (lambda *a: log.append(("macro", nama, a)))
    engine = EngineXlwings(book)
    engine.com = True
    layout = _layout_validasi()
    engine.render(layout)
    rencana = rencanakan(layout, 30)
    makro = [x for x in log if x[0] == "macro"]
    assert makro == [("macro", MAKRO_TATA, (skema.VALIDASI, *teks_tata(rencana)))]
    assert not [x for x in log if x[0] in ("row_height", "column_width", "merge")
                or (x[0] == "call" and x[1].endswith(".Merge"))]
    # The links' formulas in one block per column, through Range.Formula.
    assert len([x for x in log if x[0] == "formula"]) == len(rencana.rumus) == 1
