"""The bad-input corpus through the real command line, plus hostile-input defences,
idempotency and the JSON round trip.

Each corpus case (tests/korpus/buat_korpus.py) runs ``validasi --json`` and ``proses``
in a subprocess, exactly as a user would, and checks: the expected outcome (a finding
at a cell, or exit code 2 with an Indonesian message naming the file), no Python
traceback, and an untouched input whenever nothing may be written.
"""

from __future__ import annotations

import http.server
import io
import json
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

import openpyxl
import pytest
from lxml import etree

from rkt_xl.engine.file import EngineBerkas, paket, urai
from rkt_xl.galat import GalatBerkas
from rkt_xl.operasi import proses_satu
from rkt_xl.pertukaran import ke_data
from tests.korpus import buat_korpus as bk
from tests.korpus.fixtures import (
    cli,
    isi_folder,
    keluaran,
    parts,
    rumus_per_lembar,
    sel_lembar,
    sha,
)

KASUS = [pytest.param(k, id=k.nama) for k in bk.KORPUS]


def _tulis(kasus: bk.Kasus, folder: Path) -> Path:
    if kasus.perlu and shutil.which(kasus.perlu) is None:
        pytest.skip(f"{kasus.perlu} tidak terpasang")
    path = folder / kasus.nama_berkas
    path.write_bytes(kasus.buat())
    return path


def _tanpa_traceback(teks: str) -> None:
    assert "Traceback" not in teks, teks
    assert "kesalahan tak terduga" not in teks, teks  # the catch-all: a bug to fix


def test_korpus_cukup_dan_unik() -> None:
    nama = [k.nama for k in bk.KORPUS]
    assert len(nama) >= 40
    assert len(set(nama)) == len(nama)


# -- the corpus through the CLI ---------------------------------------------------------------


@pytest.mark.parametrize("kasus", KASUS)
def test_kasus(kasus: bk.Kasus, tmp_path: Path) -> None:
    """One corpus file: `validasi --json`, then `proses`, each in its own subprocess
    (one test per case, so a case is generated once)."""
    path = _tulis(kasus, tmp_path)
    _cek_validasi(kasus, path)
    _cek_proses(kasus, path)


def _cek_validasi(kasus: bk.Kasus, path: Path) -> None:
    folder = path.parent
    sebelum, isi = sha(path), isi_folder(folder)
    r = cli("validasi", path.name, "--json", cwd=folder)
    _tanpa_traceback(keluaran(r))
    h = kasus.harapan
    assert r.returncode == h.keluar_validasi, keluaran(r)
    # validasi never writes: the file and its folder are exactly as before.
    assert sha(path) == sebelum
    assert isi_folder(folder) == isi
    temuan = json.loads(r.stdout)
    if h.gagal:
        assert len(temuan) == 1
        t = temuan[0]
        assert t["aturan"] == "berkas" and t["tingkat"] == "galat"
        assert t["berkas"] == path.name
        assert t["pesan"].startswith(path.name + ":")
        assert h.pesan in t["pesan"], t["pesan"]
        return
    ditemukan = {(t["aturan"], t["lembar"], t["sel"]) for t in temuan}
    for harap in h.temuan:
        assert harap in ditemukan, (harap, sorted(ditemukan))
    aturan = {t["aturan"] for t in temuan}
    for bukan in h.bukan:
        assert bukan not in aturan, [t for t in temuan if t["aturan"] == bukan]
    assert all(t["berkas"] == path.name and t["pesan"] for t in temuan)


def _cek_proses(kasus: bk.Kasus, path: Path) -> None:
    folder = path.parent
    masukan = path.read_bytes()
    sebelum, isi = sha(path), isi_folder(folder)
    r = cli("proses", path.name, cwd=folder)
    teks = keluaran(r)
    _tanpa_traceback(teks)
    h = kasus.harapan
    assert r.returncode == h.keluar_proses, teks
    # Never a temp file or a second workbook left behind, success or not.
    assert isi_folder(folder) == isi
    if h.gagal:
        assert sha(path) == sebelum
        assert f"{path.name}: " in teks and h.pesan in teks, teks
        return
    _periksa_hasil(kasus, path, masukan)


def _periksa_hasil(kasus: bk.Kasus, path: Path, masukan: bytes) -> None:
    """A workbook `proses` saved: it opens, its tables read back, nothing of the user's
    is lost, and no formula was written anywhere."""
    if _openpyxl_membuka(masukan):
        # Another reader opens it, if it opened the input (some corpus files are broken
        # in ways openpyxl refuses and rkt_xl tolerates).
        assert _openpyxl_membuka(path.read_bytes())
    sebelum_path = path.with_name("masukan" + path.suffix)
    sebelum_path.write_bytes(masukan)
    try:
        tabel_sebelum = set(EngineBerkas(sebelum_path).baca_tabel())
        rumus_sebelum = rumus_per_lembar(sebelum_path)
    finally:
        sebelum_path.unlink()
    assert set(EngineBerkas(path).baca_tabel()) == tabel_sebelum
    rumus = rumus_per_lembar(path)
    for lembar in bk.LEMBAR_HASIL:
        assert rumus.get(lembar, 0) == 0, f"rumus di lembar {lembar}"
    for lembar, n in rumus.items():
        if lembar not in bk.LEMBAR_HASIL:
            # Input sheets keep their formulas except computed cells Hitung filled.
            assert n <= rumus_sebelum.get(lembar, 0), lembar
    for nama in kasus.harapan.periksa:
        PERIKSA[nama](path, masukan)


def _openpyxl_membuka(data: bytes) -> bool:
    try:
        openpyxl.load_workbook(io.BytesIO(data)).close()
    except Exception:  # any refusal counts
        return False
    return True


def _teks_hasil(path: Path) -> list[tuple[str, str, str]]:
    """(sheet, cell type, text) of every cell of the generated sheets."""
    return [(lembar, s.tipe, s.teks) for lembar in bk.LEMBAR_HASIL
            for s in sel_lembar(path, lembar)]


def _cek_tanpa_rumus(path: Path, masukan: bytes) -> None:
    # Checked for every case in _periksa_hasil; named so the doc table can say so.
    assert all(rumus_per_lembar(path).get(lembar, 0) == 0 for lembar in bk.LEMBAR_HASIL)


def _cek_teks_rumus(path: Path, masukan: bytes) -> None:
    sel = _teks_hasil(path)
    for teks in bk.TEKS_RUMUS:
        cocok = [(lembar, tipe) for lembar, tipe, isi in sel if teks in isi]
        assert cocok, f"{teks!r} hilang dari lembar hasil"
        assert all(tipe in ("inlineStr", "s") for _, tipe in cocok), cocok
    # The number cell's text is quoted in the Validasi sheet, as text.
    assert any("=SUM(G2:G4)" in isi for lembar, _, isi in sel if lembar == "Validasi")


def _cek_teks_non_latin(path: Path, masukan: bytes) -> None:
    isi = {s.teks for s in sel_lembar(path, "Tabel 2.5")}
    for teks in bk.TEKS_NON_LATIN:
        assert any(teks in x for x in isi), teks


def _cek_teks_panjang(path: Path, masukan: bytes) -> None:
    sel = _teks_hasil(path)
    assert all(len(isi) <= bk.PANJANG_MAKS for _, _, isi in sel)
    assert any(isi == bk.TEKS_PANJANG for lembar, _, isi in sel if lembar == "Tabel 2.5")


def _cek_part_kustom(path: Path, masukan: bytes) -> None:
    lama = bk.baca_zip(masukan)
    baru = parts(path)
    for part in bk.PART_KUSTOM:
        assert baru.get(part) == lama[part], part
    assert b"/docProps/custom.xml" in baru["[Content_Types].xml"]


PERIKSA = {
    "tanpa-rumus": _cek_tanpa_rumus,
    "teks-rumus": _cek_teks_rumus,
    "teks-non-latin": _cek_teks_non_latin,
    "teks-panjang": _cek_teks_panjang,
    "part-kustom-utuh": _cek_part_kustom,
}


def test_periksa_dikenal() -> None:
    for k in bk.KORPUS:
        assert set(k.harapan.periksa) <= set(PERIKSA), k.nama


def test_markdown_memuat_semua_kasus() -> None:
    md = bk.markdown()
    for k in bk.KORPUS:
        assert f"`{k.nama_berkas}`" in md


def test_dokumentasi_terkini() -> None:
    """docs/keandalan.md carries the generated table; regenerate it when cases change."""
    doc = (bk.AKAR / "docs" / "keandalan.md").read_text(encoding="utf-8")
    assert bk.markdown() in doc, "jalankan: python tests/korpus/buat_korpus.py --markdown"


# -- hostile input: XML ------------------------------------------------------------------------


def _teks(root: etree._Element) -> str:
    return "".join(str(x) for x in root.itertext())


def _doc_sst(prolog: str, isi: str) -> bytes:
    return (prolog + f'<sst xmlns="{bk.NS}"><si><t>{isi}</t></si></sst>').encode()


@pytest.mark.parametrize("kasus", ["bom-entitas", "bom-entitas-tersembunyi",
                                   "bom-entitas-utf16", "entitas-eksternal",
                                   "entitas-eksternal-utf16"])
def test_bom_entitas_ditolak_cepat(kasus: str, tmp_path: Path) -> None:
    path = _tulis(bk.per_nama()[kasus], tmp_path)
    mulai = time.perf_counter()
    with pytest.raises(GalatBerkas, match="DTD/entitas"):
        EngineBerkas(path).baca_tabel()
    # Only a guard against hanging (an expanded bomb takes minutes): never a speed test.
    assert time.perf_counter() - mulai < 20.0


def test_parser_tidak_mengembangkan_entitas() -> None:
    """Even past the DTD pre-check, the hardened parser itself never expands a
    billion-laughs entity (10^9 'lol')."""
    doc = _doc_sst(bk.BILLION_LAUGHS, "&lol9;")
    mulai = time.perf_counter()
    try:
        root = etree.fromstring(doc, urai.parser_aman())
    except etree.XMLSyntaxError:
        pass  # libxml2's amplification guard: refused, fine
    else:
        assert len(_teks(root)) < 1000
    assert time.perf_counter() - mulai < 20.0  # a guard against hanging only


class _Perekam(http.server.BaseHTTPRequestHandler):
    permintaan: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Perekam.permintaan.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"BOCOR")

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server_perekam() -> Iterator[str]:
    """A local HTTP server that records every request (nothing should reach it)."""
    _Perekam.permintaan = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Perekam)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_entitas_eksternal_tidak_diambil(server_perekam: str, tmp_path: Path) -> None:
    rahasia = tmp_path / "rahasia.txt"
    rahasia.write_text("ISI-RAHASIA-42")
    dokumen = [
        _doc_sst(f'<!DOCTYPE sst [<!ENTITY x SYSTEM "{server_perekam}/entitas">]>', "&x;"),
        _doc_sst(f'<!DOCTYPE sst [<!ENTITY x SYSTEM "{rahasia.as_uri()}">]>', "&x;"),
        _doc_sst(f'<!DOCTYPE sst [<!ENTITY % p SYSTEM "{server_perekam}/param"> %p;]>', ""),
        _doc_sst(f'<!DOCTYPE sst SYSTEM "{server_perekam}/dtd">', "a"),
    ]
    for doc in dokumen:
        # The raw parser (no pre-check): nothing fetched, nothing read from disk.
        try:
            root = etree.fromstring(doc, urai.parser_aman())
            assert "ISI-RAHASIA" not in _teks(root)
            assert "BOCOR" not in _teks(root)
        except etree.XMLSyntaxError:
            pass
        # And rkt_xl's entry point refuses the part outright.
        with pytest.raises(GalatBerkas, match="DTD/entitas"):
            urai.parse_xml(doc, "xl/sharedStrings.xml", "uji.xlsm")
    time.sleep(0.2)
    assert _Perekam.permintaan == []


def test_rumus_tidak_pernah_dijalankan(server_perekam: str, tmp_path: Path) -> None:
    """Input formulas (WEBSERVICE, a hyperlink) are never evaluated: the cached value is
    used, no request leaves the machine, and the formula stays where the user put it."""
    data = bk.ganti_sel(bk.bersih(), "Evaluasi", bk.sel_mentah(
        f'<c r="G3"><f>WEBSERVICE("{server_perekam}/webservice")</f><v>43</v></c>'),
        bk.sel_mentah(f'<c r="J3"><f>HYPERLINK("{server_perekam}/tautan","x")</f>'
                      '<v>x</v></c>'))
    path = tmp_path / "rumus.xlsm"
    path.write_bytes(data)
    for perintah in ("validasi", "proses"):
        r = cli(perintah, path.name, cwd=tmp_path)
        _tanpa_traceback(keluaran(r))
        assert r.returncode == 0, keluaran(r)
    time.sleep(0.2)
    assert _Perekam.permintaan == []
    sel = {s.ref: s for s in sel_lembar(path, "Evaluasi")}
    assert sel["G3"].rumus and sel["G3"].teks == "43"
    assert sel["J3"].rumus
    # Capaian from the cached 43 against target 42 (not from anything "evaluated").
    assert Decimal(sel["H3"].teks).quantize(Decimal("0.01")) == Decimal("102.38")


# -- hostile input: limits ---------------------------------------------------------------------


def test_batas_total_ukuran(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "a.xlsm"
    path.write_bytes(bk.bersih())
    EngineBerkas(path)  # fine under the real limits
    total = sum(i.file_size for i in zipfile.ZipFile(path).infolist())
    monkeypatch.setattr(paket, "BATAS_UKURAN_TOTAL", total - 1)
    with pytest.raises(GalatBerkas, match="terlalu besar setelah diekstrak"):
        EngineBerkas(path)


def test_batas_jumlah_part_tepat(tmp_path: Path) -> None:
    """Exactly at the limit is accepted; one more is refused (bom-zip cases)."""
    isi = bk.baca_zip(bk.bersih())
    for i in range(paket.BATAS_JUMLAH_PART - len(isi)):
        isi[f"customXml/x{i}.xml"] = b"<a/>"
    path = tmp_path / "a.xlsm"
    path.write_bytes(bk.tulis_zip(isi))
    assert EngineBerkas(path).baca_tabel()


def test_bom_zip_tidak_diekstrak(tmp_path: Path) -> None:
    """The size limits are checked on the zip directory, before inflating anything."""
    path = _tulis(bk.per_nama()["bom-zip"], tmp_path)
    assert path.stat().st_size < 2 << 20
    mulai = time.perf_counter()
    with pytest.raises(GalatBerkas, match="bom zip"):
        EngineBerkas(path)
    assert time.perf_counter() - mulai < 20.0  # a guard against hanging only


# -- idempotency and round trip ----------------------------------------------------------------


def _sumber(nama: str) -> bytes:
    """A base workbook or a corpus case, by name."""
    if nama == "bersih":
        return bk.bersih()
    if nama == "contoh":
        return bk.contoh()
    return bk.per_nama()[nama].buat()


@pytest.mark.parametrize("sumber", ["bersih", "contoh", "teks-non-latin"])
def test_proses_dua_kali_tidak_mengubah_byte(sumber: str, tmp_path: Path) -> None:
    data = _sumber(sumber)
    path = tmp_path / "rkt.xlsm"
    path.write_bytes(data)
    pertama = cli("proses", path.name, "--json", cwd=tmp_path)
    assert pertama.returncode in (0, 1), keluaran(pertama)
    assert json.loads(pertama.stdout)[0]["disimpan"] is True
    setelah_pertama = sha(path)
    kedua = cli("proses", path.name, "--json", cwd=tmp_path)
    assert kedua.returncode == pertama.returncode, keluaran(kedua)
    assert sha(path) == setelah_pertama
    hasil = json.loads(kedua.stdout)[0]
    assert hasil["disimpan"] is False and hasil["perubahan"] == []


@pytest.mark.parametrize("sumber", ["bersih", "contoh", "teks-non-latin", "teks-rumus"])
def test_ekspor_lalu_baru_sama(sumber: str, tmp_path: Path) -> None:
    data = _sumber(sumber)
    asal = tmp_path / "asal.xlsm"
    asal.write_bytes(data)
    r = cli("ekspor", asal.name, "--ke", "data.json", cwd=tmp_path)
    assert r.returncode == 0, keluaran(r)
    r = cli("baru", "salinan.xlsm", "--dari", "data.json", cwd=tmp_path)
    assert r.returncode == 0, keluaran(r)
    a = ke_data(EngineBerkas(asal).baca_tabel())
    b = ke_data(EngineBerkas(tmp_path / "salinan.xlsm").baca_tabel())
    assert a == b
    assert json.loads((tmp_path / "data.json").read_text(encoding="utf-8")) == a
    # And the copy validates exactly like the original.
    va, vb = proses_satu(str(asal), "validasi"), proses_satu(str(tmp_path / "salinan.xlsm"),
                                                               "validasi")
    assert va.laporan is not None and vb.laporan is not None
    assert [(t.aturan, t.lembar, t.sel) for t in va.laporan.temuan] == \
        [(t.aturan, t.lembar, t.sel) for t in vb.laporan.temuan]


def test_korpus_sebagai_skrip(tmp_path: Path) -> None:
    """`python tests/korpus/buat_korpus.py --markdown` works outside pytest."""
    r = subprocess.run([sys.executable, str(bk.AKAR / "tests/korpus/buat_korpus.py"),
                        "--markdown"], capture_output=True, text=True, cwd=tmp_path,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout == bk.markdown()
