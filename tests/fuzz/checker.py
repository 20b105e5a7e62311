"""The checks of issue 16 after each input, through the real command line.

Per input, in a folder of its own, each in a subprocess as a user runs it:
``validasi FILE --json``, ``proses FILE`` (plain text, the way messages reach a
terminal or a log), and a second ``proses FILE --json``. Then:

==================  ==========================================================================
check               finding when
==================  ==========================================================================
kode-keluar         an exit code outside {0, 1, 2}
galat-internal      a Python traceback, or the catch-all "kesalahan tak terduga"
bahasa              a message with embedded English/exception text (``bahasa.py``)
masukan-berubah     the input changed after ``validasi`` or a refused ``proses`` (exit 2),
                    or a file was left in its folder
openpyxl            openpyxl cannot read the output of ``proses`` — unless the input was
                    already unreadable and ``validasi`` reported a galat/peringatan naming
                    the part (the issue: a broken part may be kept, but not silently)
baca-ulang          the second ``proses`` refuses (exit 2) what the first one wrote
idempoten           the second ``proses`` changes the file or ends with another exit code
waktu               a run took over 10 s (it is stopped at 15 s)
memori              a run's peak RSS (``wait4``'s rusage of that child) was over 1 GB
json                ``--json`` output that is not valid JSON of the documented shape
==================  ==========================================================================
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.fuzz.bahasa import Pengguna, periksa_teks
from tests.fuzz.generator import Masukan
from tests.korpus.fixtures import env_cli

BATAS_DETIK = 10.0
BATAS_RSS_MB = 1024.0
# A run still going after this is stopped (and reported under waktu).
BATAS_HENTI = BATAS_DETIK + 5
# Guard against a run eating the machine before it is stopped (set per pool worker and
# inherited by the CLI processes): far above BATAS_RSS_MB, so that check still sees it.
BATAS_ALAMAT = 3 * 1024**3

CEK = ("kode-keluar", "galat-internal", "bahasa", "masukan-berubah", "openpyxl", "baca-ulang",
       "idempoten", "waktu", "memori", "json")


@dataclass(frozen=True)
class TemuanFuzz:
    """One failed check."""

    cek: str
    rincian: str

    def __str__(self) -> str:
        return f"[{self.cek}] {self.rincian}"


@dataclass
class HasilFuzz:
    """What one input did."""

    kunci: str  # level:seed:index
    level: str
    uraian: list[str] = field(default_factory=list)
    kode: tuple[int | None, ...] = ()  # validasi, proses, second proses (None: stopped)
    temuan: list[TemuanFuzz] = field(default_factory=list)
    detik: float = 0.0  # the slowest run
    rss_mb: float = 0.0  # the largest run
    galat_generator: str | None = None  # the generator itself failed (a fuzzer bug)

    def tambah(self, cek: str, rincian: str) -> None:
        rincian = " ".join(rincian.split())
        self.temuan.append(TemuanFuzz(cek, rincian[:1500]))

    @property
    def hasil_proses(self) -> str:
        """The outcome column of the campaign table: the first proses' exit code."""
        if self.galat_generator:
            return "generator"
        if len(self.kode) < 2:
            return "dihentikan"
        return "dihentikan" if self.kode[1] is None else str(self.kode[1])


# -- running the command line ----------------------------------------------------------------


@dataclass(frozen=True)
class Jalan:
    """One CLI run."""

    argumen: tuple[str, ...]
    kode: int | None  # None: stopped at BATAS_HENTI
    stdout: str
    stderr: str
    detik: float
    rss_mb: float

    @property
    def keluaran(self) -> str:
        return self.stdout + self.stderr

    @property
    def nama(self) -> str:
        return " ".join(self.argumen[:1] + tuple(a for a in self.argumen if a == "--json"))


def batasi_memori() -> None:
    """Pool-worker initializer: the address-space guard, inherited by every child."""
    import resource

    lunak, keras = resource.getrlimit(resource.RLIMIT_AS)
    batas = BATAS_ALAMAT if keras == resource.RLIM_INFINITY else min(BATAS_ALAMAT, keras)
    if lunak == resource.RLIM_INFINITY or lunak > batas:
        resource.setrlimit(resource.RLIMIT_AS, (batas, keras))


def _vm_hwm(pid: int) -> float:
    """The peak RSS (MB) of a running process's current image, 0 when unknown."""
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for baris in f:
                if baris.startswith(b"VmHWM:"):
                    return int(baris.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def jalankan_cli(argumen: tuple[str, ...], cwd: Path, batas: float = BATAS_HENTI) -> Jalan:
    """``python -m rkt_xl ARG…`` with this checkout's rkt_xl, stopped with SIGKILL after
    ``batas`` seconds.

    Peak RSS: ``wait4``'s ru_maxrss of the child also counts the pages it shared with
    this (forking) process before exec, ~140 MB here, so it is only an upper bound; the
    figure is VmHWM of the child's own image, sampled every 20 ms while it runs. A
    ru_maxrss over the limit still counts (no pool worker is that large)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        mulai = time.monotonic()
        p = subprocess.Popen([sys.executable, "-m", "rkt_xl", *argumen], cwd=cwd,
                             env=env_cli(), stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        selesai = threading.Event()
        dihentikan = threading.Event()
        puncak = [0.0]

        def awasi() -> None:
            while not selesai.wait(0.02):
                puncak[0] = max(puncak[0], _vm_hwm(p.pid))
                if time.monotonic() - mulai > batas:
                    dihentikan.set()
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(p.pid, signal.SIGKILL)
                    return

        pengawas = threading.Thread(target=awasi, daemon=True)
        pengawas.start()
        _, status, pakai = os.wait4(p.pid, 0)
        selesai.set()
        pengawas.join()
        p.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        detik = time.monotonic() - mulai
        rss = pakai.ru_maxrss / 1024
        out.seek(0)
        err.seek(0)
        return Jalan(argumen, None if dihentikan.is_set() else p.returncode,
                     out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                     detik, rss if rss > BATAS_RSS_MB else max(puncak[0], 1.0))


# -- the checks --------------------------------------------------------------------------------

_BARIS_TEMUAN = re.compile(r"^  (galat|peringatan|info)\s+(\S+)\s+(\S+)\s", re.M)
# A part of the package named in a message: how a report can point at a broken part.
_NAMA_PART = re.compile(r"\[Content_Types\]\.xml|\b(?:xl|_rels|docProps|customXml|customUI)"
                        r"/[^\s,;:)'\"]+")


def _baris_dengan(teks: str, kata: str) -> str:
    return next((b for b in teks.splitlines() if kata in b), kata)


def _cek_umum(h: HasilFuzz, j: Jalan, pengguna: Pengguna, teks_bahasa: str) -> None:
    """The checks every run gets: exit code, time, memory, traceback, language."""
    h.detik = max(h.detik, j.detik)
    h.rss_mb = max(h.rss_mb, j.rss_mb)
    if j.kode is None:
        h.tambah("waktu", f"{j.nama}: dihentikan setelah {j.detik:.1f} s")
    elif j.detik > BATAS_DETIK:
        h.tambah("waktu", f"{j.nama}: {j.detik:.1f} s")
    if j.rss_mb > BATAS_RSS_MB:
        h.tambah("memori", f"{j.nama}: RSS puncak {j.rss_mb:.0f} MB")
    if j.kode is not None and j.kode not in (0, 1, 2):
        h.tambah("kode-keluar", f"{j.nama}: kode keluar {j.kode}; "
                                f"{j.keluaran.strip()[-300:]}")
    for tanda in ("Traceback", "kesalahan tak terduga"):
        if tanda in j.keluaran:
            h.tambah("galat-internal", f"{j.nama}: {_baris_dengan(j.keluaran, tanda)}"
                     if tanda != "Traceback" else f"{j.nama}: {j.keluaran.strip()[-600:]}")
            break
    # A line already reported as an internal error is not also a language finding.
    teks = "\n".join(b for b in teks_bahasa.splitlines() if "kesalahan tak terduga" not in b)
    asing = periksa_teks(teks, pengguna)
    if asing:
        h.tambah("bahasa", f"{j.nama}: {asing[0]}"
                           + (f" (+{len(asing) - 1} lagi)" if len(asing) > 1 else ""))


def _json(h: HasilFuzz, j: Jalan) -> list[dict[str, Any]] | None:
    if j.kode is None:
        return None
    try:
        data = json.loads(j.stdout)
    except ValueError as e:
        h.tambah("json", f"{j.nama}: bukan JSON ({e}); awal keluaran: {j.stdout[:200]!r}")
        return None
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        h.tambah("json", f"{j.nama}: bukan daftar objek: {j.stdout[:200]!r}")
        return None
    return data


def _pesan_json(data: list[dict[str, Any]] | None) -> str:
    """The sentences of a --json output (messages and suggestions), one per line."""
    baris: list[str] = []
    for x in data or []:
        for t in [x, *x.get("temuan", [])]:
            baris.extend(str(t[k]) for k in ("pesan", "saran") if t.get(k))
    return "\n".join(baris)


class _WaktuHabis(Exception):
    pass


@contextlib.contextmanager
def _alarm(detik: int) -> Iterator[None]:
    def habis(*_: object) -> None:
        raise _WaktuHabis

    lama = signal.signal(signal.SIGALRM, habis)
    signal.alarm(detik)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, lama)


def openpyxl_membaca(data: bytes) -> str | None:
    """None when openpyxl opens the workbook, else why not."""
    import openpyxl

    try:
        with warnings.catch_warnings(), _alarm(30):
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(io.BytesIO(data))
            wb.close()
    except _WaktuHabis:
        return "openpyxl tidak selesai dalam 30 s"
    except Exception as e:  # whatever openpyxl raises on a broken file
        return f"{type(e).__name__}: {e}"[:300]
    return None


# XML comments and processing instructions (not the declaration): legal anywhere in a
# part, read by Excel and by rkt_xl, but openpyxl takes them for elements in .rels and
# table parts (KeyError, TypeError). openpyxl stands in for Excel only where it reads
# what the standard allows.
_KOMENTAR_PI = re.compile(rb"<!--.*?-->|<\?(?!xml[\s?])[^?]*\?>", re.S)
# Markup Compatibility blocks, which Excel resolves (and openpyxl does not) in every
# part but the relationships (OPC has no MCE: rkt-xl reports those).
_MCE = re.compile(rb"<mc:AlternateContent\b.*?</mc:AlternateContent>", re.S)


def openpyxl_keterbatasan(data: bytes) -> bool:
    """openpyxl fails on ``data`` only for its comments or processing instructions:
    without them it reads the workbook."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = [(i, zf.read(i)) for i in zf.infolist()]
    except Exception:  # not a zip openpyxl could read anyway
        return False
    def bersih(nama: str, isi: bytes) -> bytes:
        if nama.endswith(".xml"):
            isi = _MCE.sub(b"", isi)
        return _KOMENTAR_PI.sub(b"", isi) if nama.endswith((".xml", ".rels")) else isi

    baru = [(i, bersih(i.filename, isi)) for i, isi in parts]
    if all(a == b for (_, a), (_, b) in zip(parts, baru, strict=True)):
        return False
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, isi in baru:
            zf.writestr(i.filename, isi)
    return openpyxl_membaca(keluar.getvalue()) is None


def skema_sah(data: bytes) -> bool:
    """openxml-audit finds no error in ``data``: what openpyxl then refuses (an empty
    ``<fill/>``, which the schema allows) is openpyxl's own limit. The second oracle is
    asked only when openpyxl refuses both input and output."""
    from tests.skema_ooxml import galat_skema

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "masukan.xlsm"
        path.write_bytes(data)
        try:
            return not galat_skema(path)
        except Exception:  # a package the validator cannot open is not valid
            return False


def _part_berbeda(a: bytes, b: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(a)) as za, zipfile.ZipFile(io.BytesIO(b)) as zb:
            pa = {i.filename: za.read(i) for i in za.infolist()}
            pb = {i.filename: zb.read(i) for i in zb.infolist()}
    except Exception as e:  # the output need not be a readable zip
        return [f"(zip tidak terbaca: {type(e).__name__})"]
    return sorted(n for n in pa.keys() | pb.keys() if pa.get(n) != pb.get(n))


def _temuan_proses(j: Jalan, data: list[dict[str, Any]] | None) -> set[str]:
    """``aturan@sel`` of what a proses run reported (plain or --json)."""
    if data is None:
        return {f"{m.group(2)}@{m.group(3)}" for m in _BARIS_TEMUAN.finditer(j.stdout)}
    return {f"{t['aturan']}@{t['lembar']}!{t['sel']}" if t.get("sel") else
            f"{t['aturan']}@{t['lembar']}" for x in data for t in x.get("temuan", [])}


def periksa(m: Masukan, folder: Path) -> HasilFuzz:
    """Run the three commands on ``m`` inside ``folder`` (empty) and check them."""
    h = HasilFuzz(m.kunci, m.level, list(m.uraian))
    path = folder / m.nama_berkas
    path.write_bytes(m.data)
    isi_folder = sorted(os.listdir(folder))
    pengguna = Pengguna([*m.teks, m.nama_berkas])

    def masukan_utuh(setelah: str, isi: bytes) -> None:
        if isi != m.data:
            h.tambah("masukan-berubah", f"berkas berubah setelah {setelah}")
        sisa = sorted(set(os.listdir(folder)) - set(isi_folder))
        if sisa:
            h.tambah("masukan-berubah", f"berkas tertinggal setelah {setelah}: {sisa}")

    v = jalankan_cli(("validasi", path.name, "--json"), folder)
    data_v = _json(h, v)
    _cek_umum(h, v, pengguna, _pesan_json(data_v) + "\n" + v.stderr)
    masukan_utuh("validasi", path.read_bytes())
    if v.kode is None:
        h.kode = (None,)
        return h

    p1 = jalankan_cli(("proses", path.name), folder)
    _cek_umum(h, p1, pengguna, p1.keluaran)
    keluaran1 = path.read_bytes()
    if p1.kode == 2:
        masukan_utuh("proses yang menolak", keluaran1)
    elif p1.kode is not None:
        sisa = sorted(set(os.listdir(folder)) - set(isi_folder))
        if sisa:
            h.tambah("masukan-berubah", f"berkas tertinggal setelah proses: {sisa}")
        _cek_openpyxl(h, m.data, keluaran1, data_v)
    if p1.kode is None:
        h.kode = (v.kode, None)
        return h

    p2 = jalankan_cli(("proses", path.name, "--json"), folder)
    data_p2 = _json(h, p2)
    _cek_umum(h, p2, pengguna, _pesan_json(data_p2) + "\n" + p2.stderr)
    keluaran2 = path.read_bytes()
    h.kode = (v.kode, p1.kode, p2.kode)
    if p2.kode is None:
        return h
    if p1.kode in (0, 1) and p2.kode == 2:
        h.tambah("baca-ulang", f"proses kedua menolak keluaran proses pertama: "
                               f"{_pesan_json(data_p2) or p2.stderr}")
    elif p2.kode != p1.kode or keluaran2 != keluaran1:
        beda = _part_berbeda(keluaran1, keluaran2) if keluaran2 != keluaran1 else []
        t1, t2 = _temuan_proses(p1, None), _temuan_proses(p2, data_p2)
        h.tambah("idempoten",
                 f"kode {p1.kode}→{p2.kode}; part berubah: {beda[:6]}; temuan hanya di proses "
                 f"pertama: {sorted(t1 - t2)[:6]}; hanya di kedua: {sorted(t2 - t1)[:6]}")
    return h


def _cek_openpyxl(h: HasilFuzz, masukan: bytes, keluaran: bytes,
                  data_v: list[dict[str, Any]] | None) -> None:
    alasan = openpyxl_membaca(keluaran)
    if alasan is None:
        return
    alasan_masukan = openpyxl_membaca(masukan)
    dilaporkan = [t for t in data_v or [] if t.get("tingkat") in ("galat", "peringatan")
                  and _NAMA_PART.search(str(t.get("pesan", "")))]
    if alasan_masukan is None:
        # openpyxl reads a broken style until a cell uses it (an xf pointing past the
        # borders): input that Excel repairs as well, said so by validasi, is not made
        # worse by rkt-xl using it
        if not dilaporkan:
            h.tambah("openpyxl", f"masukan terbaca openpyxl, keluaran proses tidak: {alasan}")
        return
    if openpyxl_keterbatasan(masukan) and openpyxl_keterbatasan(keluaran):
        return  # legal XML openpyxl misreads, in the input as in the output
    if not dilaporkan and skema_sah(masukan):
        return  # valid by the schema (openxml-audit): openpyxl's limit, not damage
    if not dilaporkan:
        status = "tanpa galat" if not any(t.get("tingkat") == "galat" for t in data_v or []) \
            else "tanpa temuan yang menyebut part"
        h.tambah("openpyxl", f"masukan sudah tak terbaca openpyxl ({alasan_masukan}); rkt-xl "
                             f"menerimanya {status}")
