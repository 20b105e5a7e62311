"""The file engine: reads with a hardened lxml reader, writes by patching owned parts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rkt_xl import skema
from rkt_xl.engine._base import Engine, LembarSiap, NilaiTulis
from rkt_xl.engine.file import latar
from rkt_xl.engine.file.paket import M, Paket, alamat, pecah_alamat, rentang
from rkt_xl.engine.file.pembaca import baca_lembar, baca_tabel
from rkt_xl.engine.file.penulis import Pemampat, Penulis, deflate_mentah
from rkt_xl.engine.file.simpan import tulis_atomik
from rkt_xl.lampiran.layout import Layout
from rkt_xl.model import Tabel

__all__ = ["BOBOT_LATAR", "EngineBerkas"]

# A generated sheet of at least this many rows is built and rendered by a second
# process, or deflated by a thread, when a second core can help (``latar.cara``); for a
# smaller one, starting either costs about what it saves (Tabel 2.5 of 1.000 kegiatan
# takes ~50 ms).
BOBOT_LATAR = 1000


@dataclass
class _Terender:
    """A generated sheet rendered: its part, its print names and, for a big sheet, the
    part already deflated (the raw stream and its CRC-32), or being deflated by a
    thread."""

    lembar: str
    isi: bytes
    nama: dict[str, str]
    mampat: tuple[bytes, int] | latar.Utas[tuple[bytes, int]] | None = None


def _render(pembangun: Callable[[], Layout], gaya: dict[str, int]) -> _Terender:
    from rkt_xl.engine.file.render import render_dan_nama

    layout = pembangun()
    isi, nama = render_dan_nama(layout, gaya)  # render_lembar + nama_cetak
    return _Terender(layout.lembar, isi, nama)


def _render_dikirim(pembangun: Callable[[], Layout], gaya: dict[str, int],
                    kirim: latar.Kirim) -> tuple[str, dict[str, str]]:
    """``_render`` in the background: the part is sent on as it is rendered."""
    from rkt_xl.engine.file.render import render_bertahap

    layout = pembangun()
    potongan, nama = render_bertahap(layout, gaya)
    for p in potongan:
        kirim(p)
    return layout.lembar, nama


class _Siap(LembarSiap):
    def __init__(self, engine: EngineBerkas, hasil: _Terender) -> None:
        self.engine, self.hasil = engine, hasil

    def pasang(self) -> str:
        self.engine._pasang(self.hasil)
        return self.hasil.lembar


class _SiapLatar(LembarSiap):
    """Built and rendered by a child process; deflated here as the pieces arrive."""

    def __init__(self, engine: EngineBerkas, tugas: latar.Latar[tuple[str, dict[str, str]]]
                 ) -> None:
        self.engine, self.tugas = engine, tugas

    def pasang(self) -> str:
        pemampat = Pemampat()
        lembar, nama = self.tugas.hasil(pemampat)
        isi, mampat = pemampat.selesai()
        self.engine._pasang(_Terender(lembar, isi, nama, mampat))
        return lembar

    def batal(self) -> None:
        self.tugas.batal()


class EngineBerkas(Engine):
    """A workbook on disk. Nothing touches the file until ``simpan``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.nama = str(path)
        self.paket = Paket(path)
        self.penulis = Penulis(self.paket)
        self._gaya: dict[str, int] | None = None

    def baca_tabel(self) -> dict[str, Tabel]:
        hasil: dict[str, Tabel] = {}
        for t in skema.TABEL:
            info = self.paket.cari_tabel(t.nama)
            if info is None or not info.ref:
                continue
            # cells and merged ranges (Tabel.gabungan) in one pass over the sheet
            hasil[t.nama] = baca_tabel(self.paket, info, gabungan=True)
        return hasil

    def tulis_kolom(self, tabel: Tabel, kolom: str, nilai: dict[int, NilaiTulis]) -> list[str]:
        if kolom not in tabel.header:
            return []
        lembar = self.paket.lembar[tabel.lembar]
        c = rentang(tabel.ref)[1] + tabel.header.index(kolom)
        berubah = []
        for baris, v in nilai.items():
            ref = alamat(baris, c)
            if self.penulis.tulis_sel(lembar, {ref: v}):
                berubah.append(ref)
        return berubah

    def gaya(self) -> dict[str, int]:
        """Style name → cellXfs index, from the prototype cells of ``_Gaya``."""
        if self._gaya is None:
            self._gaya = {}
            lembar = self.paket.cari_lembar(skema.GAYA)
            if lembar is not None:
                nama = baca_lembar(self.paket, lembar.part, 1, 500, 1, 1)
                sel_b = {}
                for c in self.paket.xml(lembar.part).iter(M + "c"):
                    r = c.get("r", "")
                    if r.startswith("B"):
                        sel_b[pecah_alamat(r)[0]] = int(c.get("s", "0"))
                for (baris, _), v in nama.items():
                    if isinstance(v, str) and baris in sel_b:
                        self._gaya[v.strip()] = sel_b[baris]
        return self._gaya

    def render(self, layout: Layout) -> None:
        self._pasang(_render(lambda: layout, self.gaya()))

    def siapkan(self, pembangun: Callable[[], Layout], bobot: int = 0) -> LembarSiap:
        gaya = self.gaya()
        cara = latar.cara() if bobot >= BOBOT_LATAR else None
        if cara == "proses":
            return _SiapLatar(self, latar.Latar(
                lambda kirim: _render_dikirim(pembangun, gaya, kirim)))
        hasil = _render(pembangun, gaya)
        if cara == "utas":
            isi = hasil.isi
            hasil.mampat = latar.Utas(lambda: deflate_mentah(isi))
        return _Siap(self, hasil)

    def _pasang(self, h: _Terender) -> None:
        mampat = h.mampat.hasil() if isinstance(h.mampat, latar.Utas) else h.mampat
        self.penulis.ganti_lembar(h.lembar, h.isi, mampat)
        self.penulis.nama_cetak(h.lembar, h.nama)

    def simpan(self) -> bool:
        if not self.penulis.ada_perubahan:
            return False
        tulis_atomik(self.path, self.penulis.bytes_baru())
        return True
