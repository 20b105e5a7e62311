"""Hitung: capaian, kategori, rata-rata and pagu sums, as pure functions (DESIGN §4).

Capaian is computed in Decimal from the numbers as typed (``83.69`` stays exactly
83.69), stored at full precision and only rounded (half up) where text is produced.
Rupiah are integers, so sums are exact at any size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, localcontext

from rkt_xl import skema
from rkt_xl.angka import BATAS_ANGKA, BATAS_RUPIAH, format_angka
from rkt_xl.kategori import SKALA, SKALA_BAKU, kategori
from rkt_xl.model import RKT, Bacaan, Evaluasi, Pengaturan, Program, Status

SERATUS = Decimal(100)
ALASAN_TERLALU_BESAR = "capaian terlalu besar untuk disimpan di Excel"


@dataclass(frozen=True)
class Capaian:
    """The recomputed capaian of one indicator, or why there is none."""

    nilai: Decimal | None
    kategori: str | None
    alasan: str | None = None  # Indonesian, when nilai is None
    dibatasi: bool = False  # the cap was applied


def capaian(
    target: Decimal | None,
    realisasi: Decimal | None,
    polaritas: str = skema.POSITIF,
    rumus_negatif: str = skema.RUMUS_2T_R,
    batas: Decimal | None = None,
) -> tuple[Decimal | None, str | None]:
    """Capaian (%) of one indicator: ``(value, None)`` or ``(None, reason)``."""
    if target is None:
        return None, "target belum diisi atau bukan angka"
    if realisasi is None:
        return None, "realisasi belum diisi atau bukan angka"
    negatif = polaritas.strip().lower() == skema.NEGATIF.lower()
    with localcontext() as ctx:
        ctx.prec = 34
        if negatif and target == 0 and realisasi == 0:
            nilai = SERATUS
        elif target == 0:
            return None, "target 0: capaian tidak dapat dihitung"
        elif not negatif:
            nilai = realisasi / target * SERATUS
        elif rumus_negatif.replace(" ", "").upper() == skema.RUMUS_T_R:
            if realisasi == 0:
                return None, "realisasi 0: rumus T/R tidak dapat dihitung"
            nilai = target / realisasi * SERATUS
        else:
            nilai = max(Decimal(0), (2 * target - realisasi) / target * SERATUS)
        if batas is not None and nilai > batas:
            nilai = batas
        if abs(nilai) > BATAS_ANGKA:
            return None, ALASAN_TERLALU_BESAR
        return +nilai, None


_SEBAB: dict[Status, str] = {
    Status.KOSONG: "belum diisi",
    Status.NEGATIF: "bernilai negatif",
    Status.KUALITATIF: "berupa uraian, bukan angka",
    Status.AMBIGU: "ambigu (belum dipastikan)",
    Status.TIDAK_VALID: "bukan angka yang sah",
}


def sebab(b: Bacaan) -> str:
    """Why a reading cannot be used, in a few words (``"bernilai negatif"``)."""
    return _SEBAB.get(b.status, "tidak dapat dipakai")


def hitung_capaian(ev: Evaluasi, pengaturan: Pengaturan) -> Capaian:
    t = ev.target.nilai if ev.target.terpakai else None
    r = ev.realisasi.nilai if ev.realisasi.terpakai else None
    nilai, alasan = capaian(t, r, ev.polaritas or skema.POSITIF, pengaturan.rumus_negatif,
                            pengaturan.batas_capaian)
    if nilai is None:
        if t is None:
            alasan = f"target {sebab(ev.target)}"
        elif r is None:
            alasan = f"realisasi {sebab(ev.realisasi)}"
        return Capaian(None, None, alasan)
    skala = pengaturan.skala_kategori if pengaturan.skala_kategori in SKALA else SKALA_BAKU
    dibatasi = pengaturan.batas_capaian is not None and nilai == pengaturan.batas_capaian
    return Capaian(nilai, kategori(nilai, skala), dibatasi=dibatasi)


def rata_rata(nilai: list[Decimal]) -> Decimal | None:
    """Unweighted mean of the capaian that exist (None when there are none)."""
    if not nilai:
        return None
    with localcontext() as ctx:
        ctx.prec = 34
        return sum(nilai, Decimal(0)) / len(nilai)


@dataclass(frozen=True)
class PaguProgram:
    """Σ Pagu of a program's kegiatan, or None with the reason it is unknown."""

    nilai: int | None
    alasan: str | None = None
    jumlah_kegiatan: int = 0


def rupiah(b: Bacaan) -> int | None:
    """A Pagu reading as whole Rupiah (None when unusable or not whole)."""
    if not b.terpakai or b.nilai is None or b.nilai != b.nilai.to_integral_value():
        return None
    return int(b.nilai)


def jumlah_pagu(pagu: list[Bacaan]) -> PaguProgram:
    """Exact sum; one invalid or missing amount makes the whole sum unknown."""
    total = 0
    for i, b in enumerate(pagu):
        n = rupiah(b)
        if n is None:
            kenapa = "bukan bilangan bulat Rupiah" if b.terpakai else sebab(b)
            return PaguProgram(None, f"pagu kegiatan ke-{i + 1} {kenapa}", len(pagu))
        total += n
    if total > BATAS_RUPIAH:
        return PaguProgram(None, f"jumlahnya melebihi {format_angka(BATAS_RUPIAH)}, angka "
                           "terbesar yang disimpan Excel tepat sampai Rupiah terakhir",
                           len(pagu))
    return PaguProgram(total, None, len(pagu))


@dataclass
class HasilHitung:
    """Everything Hitung computes, keyed by the Excel row of the source row."""

    capaian: dict[int, Capaian] = field(default_factory=dict)  # tblEvaluasi row → capaian
    rata_rata: Decimal | None = None
    pagu_program: dict[int, PaguProgram] = field(default_factory=dict)  # tblProgram row
    total_pagu: int | None = None
    total_alasan: str | None = None

    def capaian_dari(self, ev: Evaluasi) -> Capaian:
        return self.capaian[ev.baris.nomor]

    def pagu_dari(self, p: Program) -> PaguProgram:
        return self.pagu_program[p.baris.nomor]


def kegiatan_tak_terbaca(rkt: RKT) -> str | None:
    """Why no program's pagu can be summed at all: tblKegiatan, or a column the sum
    needs, is missing (None when the table is there). A missing table is not an empty
    one: its programs are not 0, they are unknown (DESIGN §4b)."""
    t = rkt.tabel.get(skema.KEGIATAN_T.nama)
    if t is None:
        return f"tabel {skema.KEGIATAN_T.nama} tidak ditemukan"
    hilang = [k for k in (skema.KODE_PROGRAM, skema.PAGU) if k not in t.header]
    if hilang:
        return f"tabel {skema.KEGIATAN_T.nama} tidak memiliki kolom '{hilang[0]}'"
    return None


def hitung(rkt: RKT) -> HasilHitung:
    """Recompute every computed value of the document."""
    hasil = HasilHitung()
    for ev in rkt.evaluasi:
        hasil.capaian[ev.baris.nomor] = hitung_capaian(ev, rkt.pengaturan)
    hasil.rata_rata = rata_rata(
        [c.nilai for c in hasil.capaian.values() if c.nilai is not None])
    per_program: dict[str, list[Bacaan]] = {}
    for k in rkt.kegiatan:
        per_program.setdefault(k.kode_program, []).append(k.pagu)
    tak_terbaca = kegiatan_tak_terbaca(rkt)
    total: int | None = 0
    for p in rkt.program:
        if tak_terbaca is not None:
            hasil.pagu_program[p.baris.nomor] = PaguProgram(None, tak_terbaca)
            hasil.total_alasan = f"pagu program tidak dapat dijumlah ({tak_terbaca})"
            total = None
            continue
        pp = jumlah_pagu(per_program.get(p.kode, []))
        hasil.pagu_program[p.baris.nomor] = pp
        if pp.nilai is None:
            if total is not None:
                hasil.total_alasan = f"pagu Program {p.kode} tidak dapat dijumlah ({pp.alasan})"
            total = None
        elif total is not None:
            total += pp.nilai
    if total is not None and total > BATAS_RUPIAH:
        hasil.total_alasan = (f"jumlah seluruh pagu melebihi {format_angka(BATAS_RUPIAH)}, "
                              "angka terbesar yang disimpan Excel tepat")
        total = None
    hasil.total_pagu = total
    return hasil
