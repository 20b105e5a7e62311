"""Tables → model: rows keyed by header become Indikator, Evaluasi, Program, Kegiatan.

This is where a cell's meaning is decided (which columns are numbers, which may carry
a unit, the fill-down of merged-looking Tujuan/Sasaran cells). It reports nothing:
validasi looks at what was read and says what is wrong.
"""

from __future__ import annotations

from decimal import Decimal

from rkt_xl import angka, skema
from rkt_xl.model import (
    RKT,
    Bacaan,
    Baris,
    Evaluasi,
    Indikator,
    Kegiatan,
    Pengaturan,
    Program,
    Sel,
    Status,
    Tabel,
)

# Float noise of a formula (=G3*1.1 gives 3960000.0000000005): a Rupiah amount this
# close to a whole number is that whole number (DESIGN §4b).
TOLERANSI_RUPIAH = Decimal("1e-6")


def kode(teks: str) -> str:
    """Codes compare as text: 1, 1.0 and " 1 " are the same Kode."""
    t = teks.strip()
    return t[:-2] if t.endswith(".0") and t[:-2].isdigit() else t


def _sel(b: Baris, kolom: str) -> Sel:
    return b.sel.get(kolom) or Sel(b.lembar, "", None)


def _tanpa_negatif(bacaan: Bacaan) -> Bacaan:
    """A target, realisasi or pagu below zero is not used (DESIGN §4b): Excel turns a
    typed "(5.000.000)" into -5000000, and no capaian formula means anything with it."""
    if bacaan.terpakai and bacaan.nilai is not None and bacaan.nilai < 0:
        return Bacaan(Status.NEGATIF, bacaan.nilai, bacaan.satuan, "bernilai negatif")
    return bacaan


def _target(b: Baris, kolom: str) -> Bacaan:
    sel = _sel(b, kolom)
    return _tanpa_negatif(angka.baca(sel.mentah, boleh_satuan=True, boleh_kualitatif=True,
                                     persen=sel.persen))


def _angka_murni(b: Baris, kolom: str) -> Bacaan:
    sel = _sel(b, kolom)
    return _tanpa_negatif(angka.baca(sel.mentah, boleh_satuan=True, persen=sel.persen))


def rupiah_bulat(bacaan: Bacaan) -> Bacaan:
    """A Rupiah reading with formula float noise removed (``3960000.0000000005``)."""
    n = bacaan.nilai
    if bacaan.terpakai and n is not None and n != n.to_integral_value():
        bulat = n.to_integral_value()
        if abs(n - bulat) <= TOLERANSI_RUPIAH:
            return Bacaan(bacaan.status, bulat, bacaan.satuan)
    return bacaan


def _pagu(b: Baris, kolom: str) -> Bacaan:
    sel = _sel(b, kolom)
    if sel.persen and sel.angka:
        # Rupiah are not percentages: which amount was meant cannot be known.
        return Bacaan(Status.TIDAK_VALID, alasan="berformat persen")
    return _dalam_batas(_tanpa_negatif(rupiah_bulat(angka.baca(sel.mentah))))


def _dalam_batas(bacaan: Bacaan) -> Bacaan:
    """A Rupiah amount Excel cannot hold exactly is not used (DESIGN §4: exact sums)."""
    if bacaan.terpakai and bacaan.nilai is not None and abs(bacaan.nilai) > angka.BATAS_RUPIAH:
        return Bacaan(Status.TIDAK_VALID, alasan=(
            f"lebih dari {angka.format_angka(angka.BATAS_RUPIAH)}: Excel tidak dapat "
            "menyimpannya tepat sampai Rupiah terakhir"))
    return bacaan


def teks_tampil(sel: Sel) -> str:
    """A text column's value as printed: text as typed, a number the Indonesian way
    (a percent-formatted 0.85 as ``85 %``, as the cell shows it)."""
    v = sel.mentah
    if sel.angka and isinstance(v, (int, float, Decimal)):
        bacaan = angka.baca(v, persen=sel.persen)
        if bacaan.nilai is not None:
            teks = angka.format_angka(bacaan.nilai)
            return f"{teks} %" if sel.persen else teks
    return sel.teks


def polaritas(teks: str) -> str:
    """Positif/Negatif in their canonical spelling; anything else as typed."""
    t = teks.strip()
    for p in skema.POLARITAS_SAH:
        if t.lower() == p.lower():
            return p
    return t or skema.POSITIF


def _indikator(tabel: Tabel) -> list[Indikator]:
    hasil: list[Indikator] = []
    atas = ["", "", ""]
    for b in tabel.baris:
        tingkat = [b.teks(skema.TUJUAN), b.teks(skema.INDIKATOR_TUJUAN), b.teks(skema.SASARAN)]
        # An empty cell means "same as above" only below a level that was itself
        # carried down: a new Tujuan does not inherit the previous Sasaran.
        baru = False
        for i, nilai in enumerate(tingkat):
            if nilai and nilai != atas[i]:
                baru = True
            if not nilai and not baru:
                tingkat[i] = atas[i]
        atas = tingkat
        hasil.append(Indikator(
            baris=b,
            kode=kode(b.teks(skema.KODE)),
            tujuan=tingkat[0],
            indikator_tujuan=tingkat[1],
            sasaran=tingkat[2],
            indikator=b.teks(skema.INDIKATOR_SASARAN),
            satuan=b.teks(skema.SATUAN),
            polaritas=polaritas(b.teks(skema.POLARITAS)),
            target_akhir=_target(b, skema.TARGET_AKHIR),
            target=_target(b, skema.TARGET),
        ))
    return hasil


def _evaluasi(tabel: Tabel) -> list[Evaluasi]:
    return [Evaluasi(
        baris=b,
        kode=kode(b.teks(skema.KODE)),
        indikator=b.teks(skema.INDIKATOR_SASARAN),
        satuan=b.teks(skema.SATUAN),
        polaritas=polaritas(b.teks(skema.POLARITAS)),
        target_akhir=_target(b, skema.TARGET_AKHIR),
        target=_target(b, skema.TARGET),
        realisasi=_angka_murni(b, skema.REALISASI),
        # Read as stored: a percent format on Capaian (%) is a display fault of its own
        # (angka-persen), the number Hitung wrote there is not a hundredth of itself.
        capaian_tertulis=angka.baca(_sel(b, skema.CAPAIAN).mentah, boleh_satuan=True),
        kategori_tertulis=b.teks(skema.KATEGORI),
    ) for b in tabel.baris]


def _program(tabel: Tabel) -> list[Program]:
    return [Program(
        baris=b,
        kode=kode(b.teks(skema.KODE_PROGRAM)),
        nama=b.teks(skema.PROGRAM),
        indikator=b.teks(skema.INDIKATOR_PROGRAM),
        target=teks_tampil(_sel(b, skema.TARGET_PROGRAM)),
        pagu_tertulis=_pagu(b, skema.PAGU_PROGRAM),
    ) for b in tabel.baris]


def _kegiatan(tabel: Tabel) -> list[Kegiatan]:
    return [Kegiatan(
        baris=b,
        kode_program=kode(b.teks(skema.KODE_PROGRAM)),
        kode=kode(b.teks(skema.KODE_KEGIATAN)),
        nama=b.teks(skema.KEGIATAN),
        indikator=b.teks(skema.INDIKATOR_KEGIATAN),
        target=_target(b, skema.TARGET),
        satuan=b.teks(skema.SATUAN),
        pagu=_pagu(b, skema.PAGU),
    ) for b in tabel.baris]


def _kunci_nilai(tabel: Tabel | None) -> dict[str, Sel]:
    hasil: dict[str, Sel] = {}
    if tabel is None:
        return hasil
    for b in tabel.baris:
        k = b.teks(skema.KUNCI)
        if k and k not in hasil:
            hasil[k] = _sel(b, skema.NILAI)
    return hasil


def rumus_negatif(teks: str) -> str | None:
    t = teks.replace(" ", "").replace("−", "-").upper()
    if t in ("", skema.RUMUS_2T_R):
        return skema.RUMUS_2T_R
    if t == skema.RUMUS_T_R:
        return skema.RUMUS_T_R
    return None


def baca_batas(sel: Sel) -> Bacaan:
    """``Batas Capaian Maksimum`` as a number in percent units (``120%`` → 120)."""
    return angka.baca(sel.mentah, boleh_satuan=True, persen=sel.persen)


def pengaturan(sel: dict[str, Sel]) -> Pengaturan:
    """The settings as used: unknown or invalid values fall back to the defaults
    (validasi reports them)."""
    p = Pengaturan()
    rumus = sel.get(skema.RUMUS_NEGATIF)
    if rumus is not None:
        p.rumus_negatif = rumus_negatif(rumus.teks) or skema.RUMUS_2T_R
    batas = sel.get(skema.BATAS_CAPAIAN)
    if batas is not None:
        b = baca_batas(batas)
        if b.terpakai and b.nilai is not None and b.nilai > 0:
            p.batas_capaian = Decimal(b.nilai)
    skala = sel.get(skema.SKALA_KATEGORI)
    if skala is not None and skala.teks:
        p.skala_kategori = skala.teks
    return p


def susun(tabel: dict[str, Tabel]) -> RKT:
    """The model of the document from its tables (missing tables give empty lists)."""
    kosong = Tabel("", "", (), [])
    for t in skema.TABEL:
        if t.nama in tabel:
            _lengkapi(tabel[t.nama], t)
    rkt = RKT(tabel=tabel)
    rkt.identitas = _kunci_nilai(tabel.get(skema.IDENTITAS.nama))
    rkt.pengaturan_sel = _kunci_nilai(tabel.get(skema.PENGATURAN.nama))
    rkt.pengaturan = pengaturan(rkt.pengaturan_sel)
    rkt.indikator = _indikator(tabel.get(skema.SASARAN_T.nama, kosong))
    rkt.evaluasi = _evaluasi(tabel.get(skema.EVALUASI.nama, kosong))
    rkt.program = _program(tabel.get(skema.PROGRAM_T.nama, kosong))
    rkt.kegiatan = _kegiatan(tabel.get(skema.KEGIATAN_T.nama, kosong))
    return rkt


def _lengkapi(tabel: Tabel, t: skema.TabelSkema) -> None:
    # A column missing from the workbook (a struktur finding) reads as empty cells with
    # no address, so every rule can look a column up without guarding for it.
    for b in tabel.baris:
        for kolom in t.kolom:
            if kolom not in b.sel:
                b.sel[kolom] = Sel(b.lembar, "", None)

