"""The habits corpus (tests/kebiasaan/kasus.py) through the real command line, and the
xlwings engine (through xlwings' remote engine) on the same workbooks.

For every case: ``validasi --json`` reports exactly the expected findings and changes
nothing; ``proses`` writes the expected computed values, grows tables as expected,
writes nothing outside the contract tables, the generated sheets and the Beranda
status line (compared cell by cell, read with lxml, not with rkt_xl's reader); a
second ``proses`` changes no byte; and the xlwings engine finds the same findings and
computes the same values, where its host can know what the case is about.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.kebiasaan.kasus import KORPUS, NILAI_BERSIH, Kasus
from tests.korpus.fixtures import SelXml, cli, keluaran, part_lembar, sel_lembar, sha
from tests.remote_xlwings import aksi, payload_dari_berkas, siapkan_remote

siapkan_remote("noncommercial")

import xlwings as xw  # noqa: E402 - after the licence key is in place

LEMBAR_LAMPIRAN = ("Tabel 2.4", "Tabel 2.5", "Lampiran I", "Lampiran II")
KOLOM_HITUNG = {"Evaluasi": ("H", "I"), "Program": ("E",)}
KASUS = [pytest.param(k, id=k.nama) for k in KORPUS]
_DIBANGUN: dict[str, bytes] = {}


def _bytes(k: Kasus) -> bytes:
    if k.nama not in _DIBANGUN:
        if k.libreoffice:
            from tests.conftest import soffice

            if soffice() is None:
                pytest.skip("LibreOffice (soffice) tidak terpasang")
        _DIBANGUN[k.nama] = k.buat()
    return _DIBANGUN[k.nama]


def _tulis(k: Kasus, folder: Path) -> Path:
    path = folder / k.nama_berkas
    path.write_bytes(_bytes(k))
    return path


def _temuan(json_keluar: list[dict[str, Any]]) -> set[tuple[str, str, str, str]]:
    return {(t["tingkat"], t["aturan"], t["lembar"], t["sel"]) for t in json_keluar}


def _semua_sel(path: Path) -> dict[str, dict[str, SelXml]]:
    with zipfile.ZipFile(path) as zf:
        nama = list(part_lembar(zf))
    return {n: {s.ref: s for s in sel_lembar(path, n)} for n in nama}


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _boleh_berubah(lembar: str, ref: str, struktur: bool, tabel: dict[str, str]) -> bool:
    """The cells rkt_xl may write: computed columns inside their (grown) tables, the
    Beranda status line; generated sheets are compared whole elsewhere."""
    if lembar == "Beranda":
        return ref == "B4"
    if struktur or lembar not in KOLOM_HITUNG:
        return False
    huruf = "".join(ch for ch in ref if ch.isalpha())
    baris = int("".join(ch for ch in ref if ch.isdigit()))
    akhir = int("".join(ch for ch in tabel[lembar].split(":")[1] if ch.isdigit()))
    return huruf in KOLOM_HITUNG[lembar] and 2 <= baris <= akhir


def _ref_tabel(path: Path) -> dict[str, str]:
    wb = openpyxl.load_workbook(path)
    return {nama: ws.tables[nama].ref for ws in wb.worksheets for nama in ws.tables}


def _setara(a: Any, b: Any) -> bool:
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) \
            and not isinstance(a, bool) and not isinstance(b, bool):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))
    return bool(a == b)


def _isi_lampiran(path: Path) -> dict[str, list[Any]]:
    wb = openpyxl.load_workbook(path, data_only=True)
    return {n: [c.value for row in wb[n].iter_rows() for c in row if c.value is not None]
            for n in LEMBAR_LAMPIRAN if n in wb.sheetnames}


def _ada(isi: list[Any], harap: Any) -> bool:
    if isinstance(harap, str):
        return any(isinstance(v, str) and harap in v for v in isi)
    return any(_setara(v, harap) for v in isi if isinstance(v, (int, float)))


def test_korpus_cukup() -> None:
    nama = [k.nama for k in KORPUS]
    assert len(nama) >= 40 and len(set(nama)) == len(nama)
    assert sum(k.libreoffice for k in KORPUS) >= 5  # saved by a real LibreOffice


@pytest.mark.parametrize("k", KASUS)
def test_kebiasaan(k: Kasus, tmp_path: Path) -> None:
    path = _tulis(k, tmp_path)
    h = k.harapan
    # -- validasi: exactly the expected findings, nothing written --------------------
    sebelum_sha = sha(path)
    r = cli("validasi", path.name, "--json", cwd=tmp_path)
    teks = keluaran(r)
    assert "Traceback" not in teks and "kesalahan tak terduga" not in teks, teks
    assert r.returncode == h.keluar, teks
    assert sha(path) == sebelum_sha
    hasil = json.loads(r.stdout)
    if h.ditolak is not None:
        assert len(hasil) == 1 and h.ditolak in hasil[0]["pesan"], hasil
        r = cli("proses", path.name, cwd=tmp_path)
        assert r.returncode == 2 and h.ditolak in keluaran(r), keluaran(r)
        assert sha(path) == sebelum_sha  # never written, not even a Validasi sheet
        return
    assert _temuan(hasil) == set(h.temuan), sorted(_temuan(hasil) ^ set(h.temuan))
    # -- proses ---------------------------------------------------------------------------
    sebelum_sel = _semua_sel(path)
    sebelum_parts = _parts(path)
    r = cli("proses", path.name, "--json", cwd=tmp_path)
    assert r.returncode == h.keluar_proses, keluaran(r)
    akhir = json.loads(r.stdout)[0]
    ref = _ref_tabel(path)
    for tabel, harap in h.ref.items():
        assert ref[tabel] == harap, (tabel, ref[tabel])
    wb = openpyxl.load_workbook(path, data_only=True)
    for (lembar, sel), harap in h.nilai.items():
        assert _setara(wb[lembar][sel].value, harap), (lembar, sel, wb[lembar][sel].value)
    # No cell outside the (grown) tables' computed columns changed, but the status line.
    sesudah_sel = _semua_sel(path)
    tabel_lembar = {"Evaluasi": ref["tblEvaluasi"], "Program": ref["tblProgram"]}
    for lembar, sel_sebelum in sebelum_sel.items():
        if lembar in LEMBAR_LAMPIRAN or lembar == "Validasi":
            continue
        for alamat in sel_sebelum.keys() | sesudah_sel[lembar].keys():
            if sel_sebelum.get(alamat) != sesudah_sel[lembar].get(alamat):
                assert _boleh_berubah(lembar, alamat, h.struktur, tabel_lembar), \
                    (lembar, alamat, sel_sebelum.get(alamat), sesudah_sel[lembar].get(alamat))
    assert sesudah_sel["Beranda"]["B4"].teks.startswith("Terakhir diproses ")
    sesudah_parts = _parts(path)
    with zipfile.ZipFile(path) as zf:
        part = part_lembar(zf)
    if h.struktur:
        # Reported, not computed: the appendices are left as they were.
        assert akhir["lembar_dibuat"] == ["Validasi"]
        for n in LEMBAR_LAMPIRAN:
            assert sebelum_parts[part[n]] == sesudah_parts[part[n]], n
    else:
        assert set(LEMBAR_LAMPIRAN) <= set(akhir["lembar_dibuat"])
    isi = _isi_lampiran(path)
    for lembar, tampak in h.lampiran:
        assert _ada(isi[lembar], tampak), (lembar, tampak)
    for lembar, tampak in h.bukan_lampiran:
        assert not _ada(isi[lembar], tampak), (lembar, tampak)
    # -- a second proses changes no byte ------------------------------------------------------
    sekali = path.read_bytes()
    r2 = cli("proses", path.name, cwd=tmp_path)
    assert r2.returncode == h.keluar_proses, keluaran(r2)
    assert path.read_bytes() == sekali


# -- the xlwings engine on the same workbooks ---------------------------------------------------
@pytest.mark.parametrize("k", KASUS)
def test_kebiasaan_xlwings_sama(k: Kasus, tmp_path: Path) -> None:
    from rkt_xl import excel
    from rkt_xl.alur import analisis
    from rkt_xl.engine.xlwings import EngineXlwings
    from rkt_xl.galat import GalatRKT
    from tests.remote_xlwings import sel_tertulis

    h = k.harapan
    if h.paritas is not None:
        pytest.skip(f"tidak dapat diperiksa lewat remote engine: {h.paritas}")
    path = _tulis(k, tmp_path)
    ref_awal = _ref_tabel(path) if h.ditolak is None else {}
    payload = payload_dari_berkas(path)
    if h.ditolak is not None:
        with pytest.raises(GalatRKT, match=h.ditolak):
            analisis(EngineXlwings(xw.Book(json=payload)))
        return
    temuan = analisis(EngineXlwings(xw.Book(json=payload))).temuan
    assert {(t.tingkat.value, t.aturan, t.lembar, t.sel) for t in temuan} == set(h.temuan)
    book = xw.Book(json=payload)
    laporan = excel.jalankan_di(book, "proses")
    assert laporan is not None
    daftar = aksi(book)
    ditulis = sel_tertulis(daftar, [s["name"] for s in payload["sheets"]])
    awal = {(lembar, sel): v for (lembar, sel), v in NILAI_BERSIH.items()}
    for kunci, harap in h.nilai.items():
        if kunci not in awal:
            continue  # a cell the case typed itself: not the engine's
        v = ditulis.get(kunci, awal[kunci])
        if h.struktur:
            assert kunci not in ditulis, kunci  # nothing computed from a broken structure
        assert _setara(v, harap), (kunci, v, harap)
    # Tables grown over the rows typed below them, to the same range as the file engine.
    diperluas = sorted(a["args"][1].replace("$", "") for a in daftar
                       if a["func"] == "resizeTable")
    tumbuh = sorted(r for t, r in h.ref.items() if r != ref_awal[t])
    assert diperluas == tumbuh, diperluas


@pytest.mark.parametrize("perintah", ["hitung", "lampiran"])
def test_struktur_rusak_hanya_lembar_validasi(perintah: str, tmp_path: Path) -> None:
    """hitung and lampiran on a workbook whose tblKegiatan is gone: no computed cell, no
    appendix; only the Validasi sheet (saying why) and the status line (DESIGN §4b)."""
    k = next(x for x in KORPUS if x.nama == "tabel_jadi_rentang")
    path = _tulis(k, tmp_path)
    sebelum_sel, sebelum_parts = _semua_sel(path), _parts(path)
    r = cli(perintah, path.name, "--json", cwd=tmp_path)
    assert r.returncode == 1, keluaran(r)
    hasil = json.loads(r.stdout)[0]
    assert hasil["lembar_dibuat"] == ["Validasi"] and hasil["perubahan"] == []
    sesudah_sel, sesudah_parts = _semua_sel(path), _parts(path)
    with zipfile.ZipFile(path) as zf:
        part = part_lembar(zf)
    berubah = {n for n, p in part.items() if sebelum_parts[p] != sesudah_parts[p]}
    assert berubah == {"Validasi", "Beranda"}
    assert {a for a in sebelum_sel["Beranda"].keys() | sesudah_sel["Beranda"].keys()
            if sebelum_sel["Beranda"].get(a) != sesudah_sel["Beranda"].get(a)} == {"B4"}
    validasi = [s.teks for s in sesudah_sel["Validasi"].values()]
    assert any("tblKegiatan tidak ditemukan" in t for t in validasi)
