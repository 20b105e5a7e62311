"""Computed columns: what the workbook shows now against what Hitung computes."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from rkt_xl import angka, skema
from rkt_xl.hitung import HasilHitung, kegiatan_tak_terbaca, rupiah, sebab
from rkt_xl.model import RKT, Bacaan, Sel, Status
from rkt_xl.temuan import Temuan, Tingkat
from rkt_xl.validasi.isian import PERSEN
from rkt_xl.validasi.isian import TIDAK_VALID as PAGU_TEKS
from rkt_xl.validasi.registri import daftarkan, kode, pemeriksa, temuan

TOLERANSI_CAPAIAN = Decimal("0.005")

PAGU = daftarkan(
    "pagu-program-tidak-sesuai", Tingkat.GALAT,
    "Pagu Program berbeda dengan jumlah Pagu kegiatannya.",
    "Pagu Program 2 tertulis 173.136.000, jumlah pagu kegiatannya 118.136.000 "
    "(selisih 55.000.000).")
CAPAIAN = daftarkan(
    "capaian-tidak-sesuai", Tingkat.GALAT,
    "Capaian (%) berbeda lebih dari 0,005 dari hasil hitung ulang (diketik, usang, atau "
    "disalin dari dokumen lama).",
    "Capaian indikator 1.2 tertulis 102,39, seharusnya 102,38 (43 / 42 × 100).")
KATEGORI = daftarkan(
    "kategori-tidak-sesuai", Tingkat.GALAT,
    "Kategori berbeda dengan kategori capaian hasil hitung ulang.",
    "Kategori indikator 1.2 tertulis 'Tinggi', seharusnya 'Sangat Tinggi' (capaian 102,38).")
TAK_TERHITUNG = daftarkan(
    "pagu-tidak-terhitung", Tingkat.PERINGATAN,
    "Pagu Program tidak dapat dijumlah karena ada pagu kegiatannya yang kosong atau tidak "
    "valid; sel dibiarkan kosong, bukan diisi jumlah sebagian.",
    "Pagu Program 10 tidak dapat dihitung: pagu kegiatan 10.02 (Kegiatan!G28) tidak valid.")
BELUM = daftarkan(
    "belum-dihitung", Tingkat.INFO,
    "Kolom hasil hitung masih kosong; jalankan Hitung (atau rkt-xl hitung).",
    "6 sel kolom Kategori belum diisi (Evaluasi!I2:I7); jalankan Hitung.")
TARGET_NOL = daftarkan(
    "target-nol", Tingkat.PERINGATAN,
    "Target 0 sehingga capaian tidak dapat dihitung (kecuali indikator negatif dengan "
    "target dan realisasi 0, capaian 100).",
    "Target indikator 2.3 adalah 0; capaian tidak dapat dihitung.")

def _rp(n: int | Decimal) -> str:
    return angka.format_angka(n, 0)


def _belum(kosong: list[Sel], kolom: str, tabel: str) -> Iterator[Temuan]:
    if kosong:
        rentang = kosong[0].alamat if len(kosong) == 1 else \
            f"{kosong[0].alamat}…{kosong[-1].alamat}"
        yield temuan(BELUM, kosong[0].lembar, kosong[0].alamat,
                     f"{len(kosong)} sel kolom '{kolom}' tabel {tabel} belum diisi "
                     f"({rentang}).",
                     "Tekan Hitung (atau jalankan rkt-xl hitung); kolom ini diisi otomatis.")


@pemeriksa
def periksa_pagu_program(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    kosong: list[Sel] = []
    for p in rkt.program:
        sel = p.baris.sel.get(skema.PAGU_PROGRAM)
        pp = hasil.pagu_dari(p)
        if sel is None or not sel.alamat or pp.nilai is None:
            continue
        tertulis = p.pagu_tertulis
        if sel.persen and sel.angka:
            # The format, not the value, is wrong: whatever Hitung writes would show
            # a hundred times too large, so this stays until the format is changed.
            yield temuan(PERSEN, sel.lembar, sel.alamat,
                         f"Pagu Program{kode(p.kode)} berformat persen (tampil {sel.tampil}); "
                         f"Rupiah bukan persentase. Jumlah pagu kegiatannya {_rp(pp.nilai)}.",
                         "Ubah format sel ke Number (Format Cells → Number), lalu tekan Hitung.",
                         tingkat=Tingkat.GALAT)
        elif tertulis.status is Status.KOSONG:
            kosong.append(sel)
        elif tertulis.terpakai and tertulis.nilai is not None and tertulis.nilai != pp.nilai:
            selisih = tertulis.nilai - pp.nilai
            yield temuan(PAGU, sel.lembar, sel.alamat,
                         f"Pagu Program{kode(p.kode)} tertulis {_rp(tertulis.nilai)}, jumlah pagu "
                         f"{pp.jumlah_kegiatan} kegiatannya {_rp(pp.nilai)} (selisih "
                         f"{_rp(abs(selisih))}, tertulis {'lebih' if selisih > 0 else 'kurang'}).",
                         f"Tekan Hitung untuk mengisi {_rp(pp.nilai)}, atau periksa pagu "
                         "kegiatannya.")
        elif not tertulis.terpakai:
            # Typed text that is not a number: reported by the number rule, with the
            # value Hitung will put there.
            yield temuan(PAGU_TEKS, sel.lembar, sel.alamat,
                         f"Pagu Program{kode(p.kode)}: {tertulis.alasan or 'bukan angka'}. "
                         "Jumlah pagu kegiatannya "
                         f"{_rp(pp.nilai)}.",
                         f"Tekan Hitung untuk mengisi {_rp(pp.nilai)}.")
    yield from _belum(kosong, skema.PAGU_PROGRAM, skema.PROGRAM_T.nama)


@pemeriksa
def periksa_pagu_tak_terhitung(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    for p in rkt.program:
        sel = p.baris.sel.get(skema.PAGU_PROGRAM)
        if sel is None or not sel.alamat or hasil.pagu_dari(p).nilai is not None:
            continue
        pp = hasil.pagu_dari(p)
        salah = next((k for k in rkt.kegiatan_dari(p.kode) if rupiah(k.pagu) is None), None)
        apa = pp.alasan or "ada pagu kegiatan yang kosong atau tidak valid"
        if salah is not None and kegiatan_tak_terbaca(rkt) is None:
            ks = salah.baris.sel[skema.PAGU]
            kenapa = "bukan Rupiah utuh" if salah.pagu.terpakai else sebab(salah.pagu)
            apa = (f"pagu kegiatan {salah.kode or salah.nama} ({ks.lembar}!{ks.alamat}) "
                   f"{kenapa}")
        yield temuan(TAK_TERHITUNG, sel.lembar, sel.alamat,
                     f"Pagu Program{kode(p.kode)} tidak dapat dihitung: {apa}. Sel ini tidak diisi "
                     "jumlah sebagian seolah-olah lengkap.",
                     "Perbaiki penyebabnya, lalu tekan Hitung.")


@pemeriksa
def periksa_capaian(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    capaian_kosong: list[Sel] = []
    kategori_kosong: list[Sel] = []
    for ev in rkt.evaluasi:
        c = hasil.capaian_dari(ev)
        sel = ev.baris.sel.get(skema.CAPAIAN)
        if sel is not None and sel.alamat:
            tertulis = ev.capaian_tertulis
            if sel.persen and sel.angka and tertulis.nilai is not None:
                # The cell's own numbers, not a generic example: what is stored and what
                # the percent format makes of it.
                yield temuan(PERSEN, sel.lembar, sel.alamat,
                             f"Capaian indikator{kode(ev.kode)} di sel berformat persen: capaian "
                             "sudah dalam persen, sehingga tampil 100 kali lipat (tersimpan "
                             f"{angka.format_persen(tertulis.nilai)}, tampil "
                             f"{angka.format_persen(tertulis.nilai * 100)}%).",
                             "Ubah format sel ke Number dengan 2 desimal (0.00).",
                             tingkat=Tingkat.PERINGATAN)
            if c.nilai is None:
                if tertulis.status is not Status.KOSONG:
                    yield temuan(CAPAIAN, sel.lembar, sel.alamat,
                                 f"Capaian indikator{kode(ev.kode)} tertulis "
                                 f"'{_tertulis(sel, tertulis)}', seharusnya kosong: "
                                 f"{c.alasan}.",
                                 "Tekan Hitung untuk mengosongkannya.")
            elif tertulis.status is Status.KOSONG:
                capaian_kosong.append(sel)
            elif not tertulis.terpakai or tertulis.nilai is None or \
                    abs(tertulis.nilai - c.nilai) > TOLERANSI_CAPAIAN:
                rumus = _rumus(ev.polaritas, rkt.pengaturan.rumus_negatif, ev.target.nilai,
                               ev.realisasi.nilai,
                               rkt.pengaturan.batas_capaian if c.dibatasi else None)
                yield temuan(CAPAIAN, sel.lembar, sel.alamat,
                             f"Capaian indikator{kode(ev.kode)} tertulis "
                             f"'{_tertulis(sel, tertulis)}', seharusnya "
                             f"{angka.format_persen(c.nilai)}{rumus}.",
                             "Tekan Hitung untuk mengisi nilai yang benar.")
        ksel = ev.baris.sel.get(skema.KATEGORI)
        if ksel is None or not ksel.alamat:
            continue
        if c.kategori is None:
            if ev.kategori_tertulis:
                yield temuan(KATEGORI, ksel.lembar, ksel.alamat,
                             f"Kategori indikator{kode(ev.kode)} tertulis "
                             f"'{ev.kategori_tertulis}', seharusnya kosong karena capaiannya "
                             "tidak dapat dihitung.",
                             "Tekan Hitung untuk mengosongkannya.")
        elif not ev.kategori_tertulis:
            kategori_kosong.append(ksel)
        elif ev.kategori_tertulis.strip().lower() != c.kategori.lower():
            assert c.nilai is not None
            yield temuan(KATEGORI, ksel.lembar, ksel.alamat,
                         f"Kategori indikator{kode(ev.kode)} tertulis '{ev.kategori_tertulis}', "
                         f"seharusnya '{c.kategori}' (capaian {angka.format_persen(c.nilai)}, "
                         f"skala {rkt.pengaturan.skala_kategori}).",
                         "Tekan Hitung untuk mengisi kategori yang benar.")
    yield from _belum(capaian_kosong, skema.CAPAIAN, skema.EVALUASI.nama)
    yield from _belum(kategori_kosong, skema.KATEGORI, skema.EVALUASI.nama)


def _tertulis(sel: Sel, tertulis: Bacaan) -> str:
    """A typed capaian as the cell shows it: two decimals (``103,74``), text as typed."""
    if tertulis.terpakai and tertulis.nilai is not None:
        return angka.format_persen(tertulis.nilai)
    return sel.tampil


def _rumus(polaritas: str, rumus_negatif: str, t: Decimal | None, r: Decimal | None,
           batas: Decimal | None = None) -> str:
    """How the capaian is computed, as a message shows it (the cap included)."""
    if t is None or r is None:
        return ""
    ft, fr = angka.format_angka(t), angka.format_angka(r)
    if polaritas != skema.NEGATIF:
        rumus, catatan = f"{fr} / {ft} × 100", ""
    elif rumus_negatif == skema.RUMUS_T_R:
        rumus, catatan = f"{ft} / {fr} × 100", ", indikator negatif"
    else:
        rumus, catatan = f"(2 × {ft} − {fr}) / {ft} × 100", ", indikator negatif"
    if batas is not None:
        return (f" (min({rumus}; {angka.format_angka(batas)}){catatan}, Batas Capaian "
                "Maksimum)")
    return f" ({rumus}{catatan})"


@pemeriksa
def periksa_target_nol(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    for ev in rkt.evaluasi:
        t = ev.target
        if t.terpakai and t.nilai == 0 and hasil.capaian_dari(ev).nilai is None:
            sel = ev.baris.sel[skema.TARGET]
            yield temuan(TARGET_NOL, sel.lembar, sel.alamat,
                         f"Target indikator{kode(ev.kode)} adalah 0; capaian tidak dapat dihitung.",
                         "Periksa target; jika memang 0, jelaskan capaiannya secara naratif.")
