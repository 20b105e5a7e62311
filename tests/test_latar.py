"""A big Tabel 2.5 is built by a second process (``rkt_xl.engine.file.latar``): the
workbook written must be byte-identical to building it here, and any failure of the
child must fall back to building it here."""

from __future__ import annotations

import contextlib
import copy
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from rkt_xl.engine.file import BOBOT_LATAR, EngineBerkas, latar
from rkt_xl.engine.file.simpan import kunci
from rkt_xl.operasi import proses_satu
from tests.conftest import bangun_workbook, jalankan_cli

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork hanya di POSIX")


def _data_besar(data: dict[str, Any], kali: int) -> dict[str, Any]:
    """The example with its kegiatan repeated under new codes (> BOBOT_LATAR rows)."""
    d = copy.deepcopy(data)
    asli = d["kegiatan"]
    d["kegiatan"] = []
    for i in range(kali):
        for k in asli:
            baru = dict(k)
            baru["Kode Kegiatan"] = f"{k['Kode Kegiatan']}.{i}"
            baru["Kegiatan"] = f"{k['Kegiatan']} tahap {i + 1}"
            d["kegiatan"].append(baru)
    return d


@dataclass
class Anak:
    """A Latar made during a test, and whether a child was started for it."""

    tugas: latar.Latar[Any]
    di_latar: bool


@pytest.fixture
def anak(monkeypatch: pytest.MonkeyPatch) -> list[Anak]:
    """Every ``Latar`` the code under test creates, in order."""
    dibuat: list[Anak] = []
    asli = latar.Latar.__init__

    def catat(self: latar.Latar[Any], fungsi: Any) -> None:
        asli(self, fungsi)
        dibuat.append(Anak(self, self.di_latar))

    monkeypatch.setattr(latar.Latar, "__init__", catat)
    return dibuat


def test_hasil_dari_proses_anak() -> None:
    induk = os.getpid()
    tugas = latar.Latar(lambda kirim: (os.getpid(), "x" * 100_000))
    assert tugas.di_latar
    pid, teks = tugas.hasil()
    assert pid != induk  # computed by the child
    assert teks == "x" * 100_000  # bigger than a pipe's buffer, read whole


def test_anak_gagal_dihitung_ulang_di_sini() -> None:
    induk = os.getpid()

    def kerja(kirim: latar.Kirim) -> int:
        if os.getpid() != induk:
            os.kill(os.getpid(), signal.SIGKILL)  # the child dies without a word
        return 42

    def galat(kirim: latar.Kirim) -> int:
        if os.getpid() != induk:
            raise RuntimeError("hanya di anak")
        return 7

    assert latar.Latar(kerja).hasil() == 42
    assert latar.Latar(galat).hasil() == 7


class _Kumpul:
    def __init__(self) -> None:
        self.bagian: list[bytes] = []
        self.ulang_kali = 0

    def terima(self, data: bytes) -> None:
        self.bagian.append(data)

    def ulang(self) -> None:
        self.bagian.clear()
        self.ulang_kali += 1


def test_hasil_tak_bisa_dipickle_dihitung_di_sini() -> None:
    """A result the child cannot send (not picklable) is computed here instead."""
    induk = os.getpid()
    hasil = latar.Latar(lambda kirim: (lambda: os.getpid())).hasil()
    assert callable(hasil) and hasil() == induk


def test_aliran_sampai_berurutan() -> None:
    potongan = [bytes([i % 251]) * (1000 + i) for i in range(700)]  # ~1 MB, many frames

    def kerja(kirim: latar.Kirim) -> str:
        for p in potongan:
            kirim(p)
        return "selesai"

    k = _Kumpul()
    assert latar.Latar(kerja).hasil(k) == "selesai"
    assert b"".join(k.bagian) == b"".join(potongan)
    assert len(k.bagian) < len(potongan)  # sent in frames, not piece by piece
    assert k.ulang_kali == 0


def test_anak_mati_di_tengah_aliran_diulang_di_sini() -> None:
    induk = os.getpid()

    def kerja(kirim: latar.Kirim) -> int:
        for i in range(40):
            kirim(bytes([i]) * 50_000)
            if i == 20 and os.getpid() != induk:
                os.kill(os.getpid(), signal.SIGKILL)  # after several frames were sent
        return 1

    k = _Kumpul()
    assert latar.Latar(kerja).hasil(k) == 1
    assert k.ulang_kali == 1  # what arrived from the child was thrown away
    assert b"".join(k.bagian) == b"".join(bytes([i]) * 50_000 for i in range(40))


def test_pemampat_sama_dengan_deflate_sekaligus(data: dict[str, Any]) -> None:
    """Deflating a sheet as its rows arrive gives the bytes of deflating it whole."""
    from rkt_xl.engine.file.penulis import Pemampat, deflate_mentah
    from rkt_xl.engine.file.render import render_bertahap, render_dan_nama
    from rkt_xl.hitung import hitung
    from rkt_xl.lampiran import bangun_semua, bangun_validasi
    from rkt_xl.pemetaan import susun
    from rkt_xl.pertukaran import ke_tabel

    rkt = susun(ke_tabel(data))
    hasil = hitung(rkt)
    for layout in [*bangun_semua(rkt, hasil), bangun_validasi([])]:
        pm = Pemampat()
        potongan, nama = render_bertahap(layout, {})
        for p in potongan:
            pm.terima(p)
        isi, mampat = pm.selesai()
        assert (isi, nama) == render_dan_nama(layout, {})
        assert mampat == deflate_mentah(isi)


def test_batal_menghentikan_anak() -> None:
    tugas = latar.Latar(lambda kirim: time.sleep(60))
    pid = tugas._pid
    assert pid is not None
    mulai = time.monotonic()
    tugas.batal()
    assert time.monotonic() - mulai < 10
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # gone and reaped, not a zombie


def test_dimatikan_lewat_lingkungan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RKT_XL_PARALEL", "0")
    assert not latar.tersedia()
    monkeypatch.delenv("RKT_XL_PARALEL")
    monkeypatch.setattr(latar, "nonaktif", True)
    assert not latar.tersedia()
    monkeypatch.setattr(latar, "nonaktif", False)
    from rkt_xl.operasi import mulai_pekerja

    mulai_pekerja()  # what every --jobs worker runs first
    assert not latar.tersedia()
    assert latar.cara() is None


def test_tanpa_fork_memakai_utas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(latar.os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
    assert latar.cara() == "proses"
    monkeypatch.delattr(latar.os, "fork")  # as on Windows
    assert latar.cara() == "utas"
    monkeypatch.setattr(latar.os, "sched_getaffinity", lambda _: {0})
    assert latar.cara() is None  # one core: nothing to gain


def test_tabel_2_5_besar_sama_persis(tmp_path: Path, data: dict[str, Any],
                                     monkeypatch: pytest.MonkeyPatch,
                                     anak: list[Anak]) -> None:
    d = _data_besar(data, kali=BOBOT_LATAR // len(data["kegiatan"]) + 1)
    assert len(d["kegiatan"]) >= BOBOT_LATAR
    a = bangun_workbook(tmp_path / "a.xlsm", d)
    b = tmp_path / "b.xlsm"
    b.write_bytes(a.read_bytes())
    if not latar.tersedia():
        pytest.skip("satu inti CPU: tidak ada proses kedua")

    ha = proses_satu(str(a), "proses")
    assert [x.di_latar for x in anak] == [True]  # Tabel 2.5, and only it, in a child
    monkeypatch.setattr(latar, "nonaktif", True)
    hb = proses_satu(str(b), "proses")
    assert len(anak) == 1
    assert ha.laporan is not None and hb.laporan is not None
    assert ha.laporan.lembar_dibuat == hb.laporan.lembar_dibuat == [
        "Tabel 2.4", "Tabel 2.5", "Lampiran I", "Lampiran II", "Validasi"]
    assert a.read_bytes() == b.read_bytes()
    # A second run through the child finds nothing to change: the file is not written.
    monkeypatch.setattr(latar, "nonaktif", False)
    isi = a.read_bytes()
    h2 = proses_satu(str(a), "proses")
    assert [x.di_latar for x in anak] == [True, True]
    assert h2.laporan is not None and not h2.laporan.disimpan
    assert a.read_bytes() == isi


def test_utas_sama_persis_dengan_satu_proses(tmp_path: Path, data: dict[str, Any],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Without fork (Windows; here RKT_XL_PARALEL=utas) the big sheet is deflated by a
    thread while the pipeline goes on: the same bytes as doing it in order."""
    d = _data_besar(data, kali=BOBOT_LATAR // len(data["kegiatan"]) + 1)
    a = bangun_workbook(tmp_path / "a.xlsm", d)
    b = tmp_path / "b.xlsm"
    b.write_bytes(a.read_bytes())
    monkeypatch.setattr(latar.os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
    monkeypatch.setenv("RKT_XL_PARALEL", "utas")
    assert latar.cara() == "utas"
    dipakai: list[bool] = []
    asli = latar.Utas.__init__

    def catat(self: latar.Utas[Any], fungsi: Any) -> None:
        asli(self, fungsi)
        dipakai.append(True)

    monkeypatch.setattr(latar.Utas, "__init__", catat)
    proses_satu(str(a), "proses")
    assert dipakai == [True]
    monkeypatch.setenv("RKT_XL_PARALEL", "0")
    assert latar.cara() is None
    proses_satu(str(b), "proses")
    assert dipakai == [True]
    assert a.read_bytes() == b.read_bytes()


def test_utas_gagal_dihitung_ulang_di_sini() -> None:
    import threading

    utama = threading.get_ident()

    def kerja() -> int:
        if threading.get_ident() != utama:
            raise RuntimeError("hanya di utas")
        return 5

    assert latar.Utas(kerja).hasil() == 5
    assert latar.Utas(lambda: threading.get_ident()).hasil() != utama


def test_galat_di_tengah_jalan_membatalkan_anak(tmp_path: Path, data: dict[str, Any],
                                               monkeypatch: pytest.MonkeyPatch,
                                               anak: list[Anak]) -> None:
    """A failure after the child started (here: in validasi) stops the child and
    leaves the workbook untouched."""
    d = _data_besar(data, kali=BOBOT_LATAR // len(data["kegiatan"]) + 1)
    berkas = bangun_workbook(tmp_path / "a.xlsm", d)
    isi = berkas.read_bytes()
    def rusak(*_: Any) -> Any:
        raise RuntimeError("validasi gagal")

    monkeypatch.setattr("rkt_xl.alur.periksa", rusak)
    monkeypatch.setattr(latar, "tersedia", lambda: True)
    with pytest.raises(RuntimeError), kunci(berkas):
        from rkt_xl.alur import jalankan

        jalankan(EngineBerkas(berkas), tulis_hitung=True, tulis_lampiran=True,
                 tulis_validasi=True)
    assert len(anak) == 1 and anak[0].tugas._pid is None  # cancelled and reaped
    assert berkas.read_bytes() == isi


def test_batch_jobs_tidak_membuat_proses_kedua(tmp_path: Path, data: dict[str, Any]) -> None:
    """``--jobs 2`` workers already use both cores; their output is the same."""
    d = _data_besar(data, kali=BOBOT_LATAR // len(data["kegiatan"]) + 1)
    folder = tmp_path / "opd"
    folder.mkdir()
    a = bangun_workbook(folder / "a.xlsm", d)
    (folder / "b.xlsm").write_bytes(a.read_bytes())
    tunggal = tmp_path / "tunggal.xlsm"
    tunggal.write_bytes(a.read_bytes())
    r = jalankan_cli("proses", str(folder), "--jobs", "2")
    assert r.returncode in (0, 1), r.stderr
    r = jalankan_cli("proses", str(tunggal))
    assert r.returncode in (0, 1), r.stderr
    assert (folder / "a.xlsm").read_bytes() == (folder / "b.xlsm").read_bytes() == \
        tunggal.read_bytes()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="butuh /proc")
def test_anak_tidak_memegang_kunci_berkas(tmp_path: Path) -> None:
    """The child closes what it inherited: had the parent been killed, the
    workbook's lock (flock) would not live on in a child still at work."""
    berkas = tmp_path / "a.xlsm"
    berkas.write_bytes(b"isi")
    with kunci(berkas):
        tugas = latar.Latar(lambda kirim: time.sleep(30))
        try:
            pid = tugas._pid
            assert pid is not None
            def terbuka() -> set[str]:
                hasil = set()
                for fd in os.listdir(f"/proc/{pid}/fd"):
                    with contextlib.suppress(FileNotFoundError):  # closed meanwhile
                        hasil.add(os.readlink(f"/proc/{pid}/fd/{fd}"))
                return hasil

            # the child closes its inherited descriptors right after the fork
            batas = time.monotonic() + 10
            while (str(berkas) in (fds := terbuka()) or len(fds) > 4) and \
                    time.monotonic() < batas:
                time.sleep(0.01)
            assert str(berkas) not in fds
            assert len(fds) <= 4  # stdin, stdout, stderr and its pipe
        finally:
            tugas.batal()


_INDUK_DIBUNUH = r"""
import os, sys, time
from rkt_xl.engine.file import latar
asli = latar.Latar.__init__
def kait(self, fungsi):
    asli(self, fungsi)
    print("ANAK", self._pid, flush=True)
    time.sleep(60)  # killed here, the child at work
latar.Latar.__init__ = kait
sys.argv = ["rkt-xl", "proses", sys.argv[1]]
from rkt_xl.cli import main
main()
"""


def test_induk_dibunuh_anak_ikut_berhenti(tmp_path: Path, data: dict[str, Any]) -> None:
    """SIGKILL of the command while the child builds Tabel 2.5: the workbook is
    untouched, nothing is left beside it, and the orphaned child ends by itself."""
    import subprocess
    import sys

    from tests.korpus.fixtures import env_cli

    if not latar.tersedia():
        pytest.skip("satu inti CPU: tidak ada proses kedua")
    d = _data_besar(data, kali=BOBOT_LATAR // len(data["kegiatan"]) + 1)
    berkas = bangun_workbook(tmp_path / "a.xlsm", d)
    isi = berkas.read_bytes()
    p = subprocess.Popen([sys.executable, "-c", _INDUK_DIBUNUH, str(berkas)], cwd=tmp_path,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         env=env_cli(RKT_XL_PARALEL="1"))
    assert p.stdout is not None
    baris = p.stdout.readline()
    assert baris.startswith("ANAK"), baris + (p.stderr.read() if p.stderr else "")
    anak = int(baris.split()[1])
    p.kill()
    p.wait(timeout=30)
    batas = time.monotonic() + 20
    while time.monotonic() < batas:
        try:
            os.kill(anak, 0)
        except ProcessLookupError:
            break
        try:
            keadaan = Path(f"/proc/{anak}/stat").read_text().split(")")[-1].split()[0]
        except (FileNotFoundError, ProcessLookupError, IndexError):
            break  # gone meanwhile
        if keadaan == "Z":
            break  # finished, waiting to be reaped by init
        time.sleep(0.05)
    else:
        pytest.fail("proses anak masih berjalan setelah induknya dibunuh")
    assert berkas.read_bytes() == isi
    assert {x.name for x in tmp_path.iterdir()} == {"a.xlsm"}


def test_semua_lembar_di_latar_sama_persis(contoh_xlsm: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          anak: list[Anak]) -> None:
    """With the threshold at 1 row every generated sheet (Validasi too) is made by a
    child of its own: still the bytes of the one-process run."""
    if not latar.tersedia():
        pytest.skip("satu inti CPU: tidak ada proses kedua")
    satu = tmp_path / "satu.xlsm"
    satu.write_bytes(contoh_xlsm.read_bytes())
    monkeypatch.setattr("rkt_xl.engine.file.BOBOT_LATAR", 1)
    proses_satu(str(contoh_xlsm), "proses")
    assert [a.di_latar for a in anak] == [True] * 5
    assert all(a.tugas._pid is None for a in anak)  # all reaped
    monkeypatch.setattr(latar, "nonaktif", True)
    proses_satu(str(satu), "proses")
    assert contoh_xlsm.read_bytes() == satu.read_bytes()


def test_galat_saat_menulis_membatalkan_semua_anak(contoh_xlsm: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  anak: list[Anak]) -> None:
    """Writing the first sheet fails: every child still at work (the Validasi sheet's
    among them) is cancelled and reaped, and the workbook is untouched."""
    if not latar.tersedia():
        pytest.skip("satu inti CPU: tidak ada proses kedua")
    from rkt_xl.alur import jalankan
    from rkt_xl.engine.file.penulis import Penulis

    isi = contoh_xlsm.read_bytes()
    def rusak(*_: Any) -> None:
        raise OSError("disk bermasalah")

    monkeypatch.setattr("rkt_xl.engine.file.BOBOT_LATAR", 1)
    monkeypatch.setattr(Penulis, "ganti_lembar", rusak)
    with pytest.raises(OSError), kunci(contoh_xlsm):
        jalankan(EngineBerkas(contoh_xlsm), tulis_hitung=True, tulis_lampiran=True,
                 tulis_validasi=True)
    assert [a.di_latar for a in anak] == [True] * 5
    assert all(a.tugas._pid is None and a.tugas._fd is None for a in anak)
    assert contoh_xlsm.read_bytes() == isi
