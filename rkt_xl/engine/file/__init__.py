"""The file engine: reads with a hardened lxml reader, writes by patching owned parts."""

from __future__ import annotations

from pathlib import Path

from rkt_xl import skema
from rkt_xl.alamat import alamat, angka_ke_kolom, pecah_alamat, rentang
from rkt_xl.bulat import bulat
from rkt_xl.engine._base import Engine, NilaiTulis
from rkt_xl.engine.file.kerusakan import bagian_rusak
from rkt_xl.engine.file.paket import M, Paket
from rkt_xl.engine.file.pembaca import baca_lembar, baca_tabel
from rkt_xl.engine.file.penulis import Penulis
from rkt_xl.engine.file.simpan import tulis_atomik
from rkt_xl.galat import GalatBerkas
from rkt_xl.lampiran.layout import Layout
from rkt_xl.model import BagianRusak, NilaiMentah, Tabel

__all__ = ["EngineBerkas"]


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
            hasil[t.nama] = baca_tabel(self.paket, info, gabungan=True,
                                       kolom_hitung=t.kolom_hitung)
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

    def perluas_tabel(self, tabel: Tabel, baris_akhir: int) -> str:
        info = self.paket.cari_tabel(tabel.nama)
        assert info is not None  # it was read from this package
        r1, c1, _, c2 = rentang(info.ref)
        ref = f"{angka_ke_kolom(c1)}{r1}:{angka_ke_kolom(c2)}{baris_akhir}"
        self.penulis.ubah_rentang_tabel(info.part, ref)
        return ref

    def ada_lembar(self, nama: str) -> bool:
        return self.paket.cari_lembar(nama) is not None

    def baca_lembar(self, nama: str) -> dict[tuple[int, int], NilaiMentah]:
        lembar = self.paket.cari_lembar(nama)
        if lembar is None:
            return {}
        return baca_lembar(self.paket, lembar.part, 1, 1_048_576, 1, 16_384)

    def baca_teks(self, nama_lembar: str, sel: str) -> str | None:
        lembar = self.paket.cari_lembar(nama_lembar)
        if lembar is None:
            return None
        r, c = pecah_alamat(sel)
        v = baca_lembar(self.paket, lembar.part, r, r, c, c).get((r, c))
        return v if isinstance(v, str) else None

    def tulis_teks(self, nama_lembar: str, sel: str, teks: str) -> bool:
        lembar = self.paket.cari_lembar(nama_lembar)
        if lembar is None:
            return False
        self.penulis.tulis_sel(lembar, {sel: teks})
        return True

    def bagian_rusak(self) -> list[BagianRusak]:
        return bagian_rusak(self.paket)

    def perbaiki_lembar(self, nama_lembar: str) -> bool:
        lembar = self.paket.cari_lembar(nama_lembar)
        if lembar is None:
            return False
        try:
            self.penulis.tulis_ulang(lembar.part)
        except GalatBerkas:
            return False  # not even well-formed: copied as it is, and still reported
        return True

    def ada_perubahan(self) -> bool:
        return self.penulis.ada_perubahan

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
                    if r.startswith("B") and (s := bulat(c.get("s", "0"), 9)) is not None:
                        sel_b[pecah_alamat(r)[0]] = s  # a damaged style is reported, not used
                for (baris, _), v in nama.items():
                    if isinstance(v, str) and baris in sel_b:
                        self._gaya[v.strip()] = sel_b[baris]
        return self._gaya

    def render(self, layout: Layout) -> None:
        from rkt_xl.engine.file.render import render_dan_nama

        isi, nama = render_dan_nama(layout, self.gaya(), self.penulis.kode_nama(layout.lembar))
        self.penulis.ganti_lembar(layout.lembar, isi)
        self.penulis.nama_cetak(layout.lembar, nama)

    def simpan(self) -> bool:
        if not self.penulis.ada_perubahan:
            return False
        if self.paket.ganda:
            raise GalatBerkas(
                f"{self.nama}: bagian {self.paket.ganda[0]} ada dua kali di dalam berkas "
                "(berkas rusak: tidak jelas mana yang benar), sehingga rkt-xl tidak menulis ke "
                "dalamnya. Buka berkas di Excel (File → Open → Open and Repair) dan simpan "
                "dengan nama lain, lalu ulangi. Berkas tidak diubah.")
        if self.paket.strict:
            raise GalatBerkas(
                f"{self.nama}: berkas berformat Strict Open XML; rkt-xl dapat membacanya "
                "(validasi, rekap) tetapi tidak menulis ke dalamnya. Di Excel: File → Save "
                "As → Excel Macro-Enabled Workbook (.xlsm), lalu ulangi. Berkas tidak diubah.")
        tulis_atomik(self.path, self.penulis.bytes_baru())
        return True
