"""Synthetic RKT workbooks of any size, built through the contract.

The data is the ``rkt-xl/1`` JSON interchange (rkt_xl/pertukaran.py), rows keyed by
the exact header text of rkt_xl/skema.py, and the workbook is written by
``rkt_xl.templat.bangun`` — what ``rkt-xl baru --dari`` does. Deterministic for a
given seed, so two runs of the benchmark measure the same bytes.

What a big real RKT looks like, roughly: indicator and kegiatan names of 40–140
characters, Tujuan/Indikator Tujuan/Sasaran left empty under the first row of their
group ("same as above"), mostly Positif with some Negatif indicators, numbers mostly
in number cells, a few pasted from Word as text ("12 Bulan", "Rp 56.460.000",
"84,03"), and a handful of the usual mistakes (a stale capaian, a Pagu Program
that does not add up, a malformed amount) so Validasi has realistic work.

    python bench/sintetis.py OUT.xlsm --indikator 300 --program 200 --kegiatan 5000
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from pathlib import Path
from typing import Any

KATA = (
    "peningkatan", "pengembangan", "penyediaan", "pelayanan", "pembinaan", "pengelolaan",
    "penataan", "pemberdayaan", "koperasi", "usaha", "mikro", "kecil", "menengah", "tenaga",
    "kerja", "pelatihan", "keterampilan", "kapasitas", "aparatur", "sarana", "prasarana",
    "kantor", "kendaraan", "dinas", "operasional", "jasa", "komunikasi", "sumber", "daya",
    "air", "listrik", "kebersihan", "administrasi", "perkantoran", "perencanaan", "pelaporan",
    "keuangan", "kinerja", "capaian", "evaluasi", "monitoring", "pengawasan", "kelembagaan",
    "kewirausahaan", "pemasaran", "produk", "daerah", "industri", "rumah", "tangga",
    "penempatan", "perlindungan", "hubungan", "industrial", "sertifikasi", "kompetensi",
    "informasi", "teknologi", "digital", "peralatan", "perlengkapan", "gedung", "pemeliharaan",
    "rutin", "berkala", "koordinasi", "konsultasi", "sosialisasi", "fasilitasi", "bimbingan",
    "teknis", "masyarakat", "desa", "kecamatan", "kabupaten", "provinsi", "nasional",
    "berkelanjutan", "berdaya", "saing", "berkualitas", "mandiri", "produktif", "inovatif",
    "akuntabel", "transparan",
)
SATUAN = ("%", "unit", "orang", "kop", "bulan", "dokumen", "kegiatan", "paket", "UMKM",
          "laporan", "kali", "lokasi")
AWALAN_INDIKATOR = ("Persentase", "Jumlah", "Tingkat", "Rasio", "Indeks", "Cakupan",
                    "Rata-rata", "Waktu")


def _frasa(rng: random.Random, minimum: int, maksimum: int) -> str:
    """Words until the text is between ``minimum`` and ``maksimum`` characters."""
    panjang = rng.randint(minimum, maksimum)
    kata: list[str] = []
    while sum(len(k) + 1 for k in kata) < panjang:
        kata.append(rng.choice(KATA))
    teks = " ".join(kata)[:maksimum].rstrip()
    return teks[:1].upper() + teks[1:]


def _indikator(rng: random.Random) -> str:
    return f"{rng.choice(AWALAN_INDIKATOR)} {_frasa(rng, 30, 110).lower()}"


def _rupiah_teks(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _angka_teks(x: float) -> str:
    bulat, _, pecahan = f"{x:.2f}".partition(".")
    return f"{_rupiah_teks(int(bulat))},{pecahan}"


def data_sintetis(indikator: int, program: int, kegiatan: int, seed: int = 2018
                  ) -> dict[str, Any]:
    """The rkt-xl/1 document of a synthetic RKT of the given size."""
    rng = random.Random(seed)
    data: dict[str, Any] = {
        "format": "rkt-xl/1",
        "identitas": {
            "Nama OPD": "Dinas Koperasi, Usaha Kecil Menengah dan Tenaga Kerja",
            "Pemerintah Daerah": "Kabupaten Contoh",
            "Tahun RKT": 2020,
            "Periode Renstra": "2016-2021",
            "Nama Kepala": "Ir. H. Muhammad Contoh, M.Si",
            "NIP Kepala": "196101281987031008",
            "Jabatan Kepala": "Kepala Dinas Koperasi, Usaha Kecil Menengah dan Tenaga Kerja",
            "Tempat": "Contoh",
            "Tanggal": "28 Desember 2019",
        },
        "pengaturan": {"Rumus Indikator Negatif": "2T-R", "Batas Capaian Maksimum": None,
                       "Skala Kategori": "Permendagri 86/2017"},
    }
    sasaran: list[dict[str, Any]] = []
    evaluasi: list[dict[str, Any]] = []
    tujuan = indikator_tujuan = nama_sasaran = ""
    for i in range(indikator):
        baris: dict[str, Any] = {"Kode": f"{i // 10 + 1}.{i % 10 + 1}"}
        # A new Tujuan every 12 indicators, a new Sasaran every 3: the rows under the
        # first of a group are left empty ("same as above", as printed).
        if i % 12 == 0:
            tujuan = _frasa(rng, 50, 120)
            indikator_tujuan = _indikator(rng)
            baris["Tujuan"] = tujuan
            baris["Indikator Tujuan"] = indikator_tujuan
        if i % 3 == 0:
            nama_sasaran = _frasa(rng, 50, 130)
            baris["Sasaran"] = nama_sasaran
        nama = _indikator(rng)
        satuan = rng.choice(SATUAN)
        negatif = rng.random() < 0.2
        polaritas = "Negatif" if negatif else "Positif"
        target = round(rng.uniform(5, 100), 2) if satuan == "%" else rng.randint(1, 500)
        akhir = target if rng.random() < 0.7 else (round(target * 1.1, 2) if satuan == "%"
                                                   else target + rng.randint(1, 50))
        realisasi = (round(target * rng.uniform(0.6, 1.3), 2) if satuan == "%"
                     else max(0, int(target * rng.uniform(0.6, 1.3))))
        target_sel: Any = target
        r = rng.random()
        if r < 0.03:  # pasted from Word
            target_sel = f"{_angka_teks(target) if isinstance(target, float) else target} " \
                         f"{satuan}"
        elif r < 0.04:
            target_sel = "Meningkatnya kualitas layanan sesuai standar pelayanan minimal"
        baris.update({"Indikator Sasaran": nama, "Satuan": satuan, "Polaritas": polaritas,
                      "Target Akhir Renstra": akhir, "Target": target_sel})
        sasaran.append(baris)
        ev: dict[str, Any] = {
            "Kode": baris["Kode"], "Indikator Sasaran": nama, "Satuan": satuan,
            "Polaritas": polaritas, "Target Akhir Renstra": akhir, "Target": target,
            "Realisasi": realisasi,
        }
        if rng.random() < 0.05:
            ev["Realisasi"] = _angka_teks(realisasi) if isinstance(realisasi, float) \
                else str(realisasi)
        if rng.random() < 0.5 and target:
            # A capaian typed in, usually right to two decimals, sometimes stale.
            cap = realisasi / target * 100 if not negatif else (2 * target - realisasi) / \
                target * 100
            ev["Capaian (%)"] = round(max(cap, 0) + (1.5 if rng.random() < 0.1 else 0), 2)
        evaluasi.append(ev)
    data["sasaran"] = sasaran
    data["evaluasi"] = evaluasi

    programs: list[dict[str, Any]] = []
    kegiatans: list[dict[str, Any]] = []
    # kegiatan spread over the programs unevenly (1..2×average), every program > 0
    bobot = [rng.uniform(0.5, 1.5) for _ in range(program)]
    jumlah = [max(1, int(kegiatan * b / sum(bobot))) for b in bobot]
    jumlah[-1] += kegiatan - sum(jumlah)
    while jumlah[-1] < 1:  # rounding took too much from the last program
        i = max(range(program), key=lambda j: jumlah[j])
        jumlah[i] -= 1
        jumlah[-1] += 1
    for p in range(program):
        kode = str(p + 1)
        total = 0
        for j in range(jumlah[p]):
            satuan = rng.choice(SATUAN)
            pagu = rng.randint(5, 900) * 100_000
            total += pagu
            pagu_sel: Any = pagu
            target_keg: Any = rng.randint(1, 300)
            r = rng.random()
            if r < 0.02:
                pagu_sel = f"Rp {_rupiah_teks(pagu)}"
            elif r < 0.03:
                target_keg = f"{target_keg} {satuan.capitalize()}"
            kegiatans.append({
                "Kode Program": kode, "Kode Kegiatan": f"{kode}.{j + 1:02d}",
                "Kegiatan": _frasa(rng, 40, 140),
                "Indikator Kegiatan": _indikator(rng),
                "Target": target_keg, "Satuan": satuan, "Pagu": pagu_sel,
            })
        r = rng.random()
        pagu_program: Any = total
        if r < 0.1:
            pagu_program = total + rng.randint(1, 50) * 1_000_000  # does not add up
        elif r < 0.15:
            pagu_program = _rupiah_teks(total)
        elif r < 0.3:
            pagu_program = None  # not yet computed
        baris_p: dict[str, Any] = {
            "Kode Program": kode, "Program": "Program " + _frasa(rng, 30, 90),
            "Indikator Program": _indikator(rng), "Target Program": "100%",
        }
        if pagu_program is not None:
            baris_p["Pagu Program"] = pagu_program
        programs.append(baris_p)
    # A couple of the classic mistakes from the seed document.
    if kegiatans:
        kegiatans[len(kegiatans) // 2]["Pagu"] = "25.4500.000"
    data["program"] = programs
    data["kegiatan"] = kegiatans
    return data


def buat(path: Path, indikator: int, program: int, kegiatan: int, seed: int = 2018) -> Path:
    """Write the synthetic workbook to ``path`` (through rkt_xl.templat.bangun)."""
    from rkt_xl.templat import bangun

    buffer = io.BytesIO()
    bangun(buffer, data_sintetis(indikator, program, kegiatan, seed))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Buat buku kerja RKT sintetis untuk benchmark.")
    ap.add_argument("keluaran", type=Path)
    ap.add_argument("--indikator", type=int, default=300)
    ap.add_argument("--program", type=int, default=200)
    ap.add_argument("--kegiatan", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=2018)
    a = ap.parse_args(argv)
    if a.program < 1 or a.kegiatan < a.program or a.indikator < 1:
        ap.error("perlu indikator ≥ 1, program ≥ 1, kegiatan ≥ program")
    buat(a.keluaran, a.indikator, a.program, a.kegiatan, a.seed)
    print(a.keluaran)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
