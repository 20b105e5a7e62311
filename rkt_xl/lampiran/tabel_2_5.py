"""Tabel 2.5: Rencana Anggaran Tahun n — programs with their kegiatan and pagu.

Pagu Program is never copied from what was typed: it is hasil.pagu_program (Σ of
the program's kegiatan, exact integers). When one kegiatan pagu is unusable the
program's sum is unknown: the cell stays EMPTY and a note under the table says
which kegiatan and why. A partial sum printed as if complete is how the seed ended
up 55.000.000 off, so it is never printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rkt_xl import angka, skema
from rkt_xl.hitung import HasilHitung, rupiah
from rkt_xl.lampiran import judul
from rkt_xl.lampiran.layout import Cetak, Layout
from rkt_xl.lampiran.nilai import tahun_teks, teks_target
from rkt_xl.model import RKT, Kegiatan, Program, Status

# The program half is merged over its kegiatan and has rows to spare; the kegiatan
# half fills every row, so it gets the width (fewer lines a row, fewer pages). The
# last three columns make up judul.LEBAR_TTD, the signature block's width.
LEBAR = (4.5, 17.0, 17.0, 9.0, 13.5, 37.0, 37.5, 11.0, 13.5)
LABEL = ("No", "Program", "Indikator Kinerja", "Target", "Pagu Indikatif (Rp)",
         "Kegiatan", "Indikator Kinerja", "Target/Satuan", "Pagu Indikatif (Rp)")
KOLOM_PAGU_PROGRAM = 5
KOLOM_PAGU_KEGIATAN = 9
TANDA = "*)"  # in a cell a note under the table explains
TANDA_JUMLAH = "**)"


@dataclass
class Kelompok:
    """One program and its kegiatan (program None: kegiatan whose code is unknown)."""

    kode: str
    program: Program | None
    kegiatan: list[Kegiatan] = field(default_factory=list)


def kelompok_program(rkt: RKT) -> list[Kelompok]:
    """Programs in table order, each with its kegiatan; orphan kegiatan at the end."""
    hasil = [Kelompok(p.kode, p, rkt.kegiatan_dari(p.kode)) for p in rkt.program]
    dikenal = {p.kode for p in rkt.program}
    yatim: dict[str, Kelompok] = {}
    for k in rkt.kegiatan:
        if k.kode_program not in dikenal:
            yatim.setdefault(k.kode_program, Kelompok(k.kode_program, None)).kegiatan.append(k)
    return hasil + list(yatim.values())


def bangun_tabel_2_5(rkt: RKT, hasil: HasilHitung) -> Layout:
    """The sheet ``Tabel 2.5`` as a Layout."""
    n = len(LABEL)
    layout = judul.layout_baru(skema.TABEL_2_5, LEBAR)
    layout.warna_tab = judul.WARNA_TAB_LAMPIRAN
    baris = judul.blok_judul(
        layout, rkt, f"Tabel 2.5 Rencana Anggaran Tahun {tahun_teks(rkt.tahun)}", n)
    h1, h2 = baris, baris + 1
    tulis_header(layout, h1, h2)
    layout.cetak = Cetak(baris_judul=(h1, h2))
    layout.bekukan_baris = h2
    catatan: list[str] = []
    r = h2 + 1
    kelompok = kelompok_program(rkt)
    if not kelompok:
        judul.baris_kosong(layout, r, n)
        r += 1
    blok: list[tuple[int, int]] = []
    for i, kel in enumerate(kelompok, start=1):
        berikut = tulis_kelompok(layout, r, i, kel, hasil, catatan)
        blok.append((r, berikut - 1))
        r = berikut
    tulis_jumlah(layout, r, rkt, hasil, catatan)
    # Amounts never wrap: a pagu column grows to its widest amount, taking the width
    # from the text beside it (the page width and the signature block stay).
    judul.lebarkan_angka(layout, KOLOM_PAGU_PROGRAM, (2, 3))
    judul.lebarkan_angka(layout, KOLOM_PAGU_KEGIATAN, (7,))
    akhir = judul.tulis_catatan(layout, r + 1, n, catatan)
    judul.blok_ttd(layout, rkt, akhir, n)
    judul.selesaikan(layout, r, blok, ada_total=True)
    return layout


def tulis_header(layout: Layout, h1: int, h2: int) -> None:
    layout.tulis(h1, 1, LABEL[0], "header")
    layout.gabungkan(h1, 1, h2, 1)
    layout.tulis(h1, 2, "Program", "header")
    layout.gabungkan(h1, 2, h1, 5)
    layout.tulis(h1, 6, "Kegiatan", "header")
    layout.gabungkan(h1, 6, h1, 9)
    for k in range(2, len(LABEL) + 1):
        layout.tulis(h2, k, LABEL[k - 1], "header")


def tulis_kelompok(layout: Layout, r: int, nomor: int, kel: Kelompok, hasil: HasilHitung,
                   catatan: list[str]) -> int:
    """A program's rows (one per kegiatan, at least one); returns the next free row."""
    jumlah = max(1, len(kel.kegiatan))
    p = kel.program
    layout.tulis(r, 1, kel.kode or str(nomor), "teks-tengah")
    if p is None:
        layout.tulis(r, 2, f"(Kode Program {kel.kode or '—'} tidak terdaftar di lembar "
                     f"{skema.PROGRAM_T.lembar}) {TANDA}", "teks")
        for k in (3, 4):
            layout.tulis(r, k, None, "teks")
        layout.tulis(r, 5, None, "rupiah")
        catatan.append(f"*) Kegiatan dengan Kode Program {kel.kode or '(kosong)'} tidak "
                       "termasuk dalam pagu program mana pun maupun Jumlah.")
    else:
        layout.tulis(r, 2, p.nama or None, "teks")
        layout.tulis(r, 3, p.indikator or None, "teks")
        layout.tulis(r, 4, p.target or None, "teks-tengah")
        pagu = hasil.pagu_program.get(p.baris.nomor)
        nilai = pagu.nilai if pagu is not None else None
        layout.tulis(r, 5, nilai if nilai is not None else TANDA, "rupiah")
        if nilai is None:
            catatan.append(catatan_program(p, kel.kegiatan, pagu.alasan if pagu else None))
        if not kel.kegiatan:
            catatan.append(f"*) Program {p.kode} belum memiliki kegiatan.")
    for kolom in range(1, 6):
        layout.gabungkan(r, kolom, r + jumlah - 1, kolom)
    if not kel.kegiatan:
        for kolom, gaya in ((6, "teks"), (7, "teks"), (8, "teks-tengah"), (9, "rupiah")):
            layout.tulis(r, kolom, TANDA if kolom == 6 and p is not None else None, gaya)
    for i, keg in enumerate(kel.kegiatan):
        tulis_kegiatan(layout, r + i, keg)
    return r + jumlah


def tulis_kegiatan(layout: Layout, r: int, k: Kegiatan) -> None:
    layout.tulis(r, 6, k.nama or None, "teks")
    layout.tulis(r, 7, k.indikator or None, "teks")
    target = teks_target(k.target, k.baris.sel.get(skema.TARGET), k.satuan)
    layout.tulis(r, 8, target or None, "teks-tengah")
    nilai = rupiah(k.pagu)
    if nilai is not None:
        layout.tulis(r, 9, nilai, "rupiah")
    elif k.pagu.status is Status.KOSONG:
        layout.tulis(r, 9, TANDA, "rupiah")
    elif k.pagu.terpakai and k.pagu.nilai is not None:
        # A fraction of a Rupiah: shown, but as text with its marker, so it is not
        # mistaken for valid; right-aligned like every amount.
        layout.tulis(r, 9, f"{angka.format_angka(k.pagu.nilai)} {TANDA}", "rupiah")
    else:
        ketik = k.baris.teks(skema.PAGU)
        layout.tulis(r, 9, f"{ketik} {TANDA}" if ketik else TANDA, "rupiah")


def catatan_program(p: Program, kegiatan: list[Kegiatan], alasan: str | None) -> str:
    """Why a program's pagu is empty, naming the kegiatan and cell to fix."""
    for k in kegiatan:
        if rupiah(k.pagu) is not None:
            continue
        sel = k.baris.sel.get(skema.PAGU)
        tempat = f" (lembar {sel.lembar} sel {sel.alamat})" if sel and sel.alamat else ""
        nama = f"kegiatan {k.kode}" if k.kode else f"kegiatan \u201c{k.nama}\u201d"
        if k.pagu.status is Status.KOSONG:
            sebab = f"pagu {nama} belum diisi{tempat}"
        elif k.pagu.terpakai:
            sebab = f"pagu {nama} bukan bilangan bulat Rupiah{tempat}"
        else:
            ketik = k.baris.teks(skema.PAGU)
            sebab = f"pagu {nama} tertulis \u201c{ketik}\u201d, bukan angka yang sah{tempat}"
        return (f"*) Pagu Program {p.kode} dikosongkan karena tidak dapat dijumlah: {sebab}. "
                "Perbaiki pagu tersebut lalu jalankan Hitung.")
    return f"*) Pagu Program {p.kode} dikosongkan karena tidak dapat dijumlah ({alasan})."


def tulis_jumlah(layout: Layout, r: int, rkt: RKT, hasil: HasilHitung,
                 catatan: list[str]) -> None:
    layout.tulis(r, 1, "Jumlah", "total-label")
    layout.gabungkan(r, 1, r, KOLOM_PAGU_PROGRAM - 1)
    layout.tulis(r, KOLOM_PAGU_PROGRAM,
                 hasil.total_pagu if hasil.total_pagu is not None else TANDA_JUMLAH,
                 "total-rupiah")
    layout.tulis(r, KOLOM_PAGU_PROGRAM + 1, None, "total-label")
    layout.gabungkan(r, KOLOM_PAGU_PROGRAM + 1, r, KOLOM_PAGU_KEGIATAN)
    if hasil.total_pagu is None:
        catatan.append(catatan_jumlah(rkt, hasil))


def catatan_jumlah(rkt: RKT, hasil: HasilHitung) -> str:
    kosong = [p.kode for p in rkt.program
              if (pp := hasil.pagu_program.get(p.baris.nomor)) is None or pp.nilai is None]
    if kosong:
        sebab = "pagu Program " + ", ".join(kosong) + " tidak dapat dijumlah (lihat di atas)"
    else:
        sebab = hasil.total_alasan or "ada pagu program yang tidak dapat dijumlah"
    return (f"**) Jumlah dikosongkan karena {sebab}; jumlah sebagian tidak dicetak agar "
            "tidak terbaca sebagai total.")
