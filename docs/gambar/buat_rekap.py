"""Make docs/gambar/rekap_ringkasan.png: the README screenshot of ``rkt-xl rekap``.

Seven OPD workbooks made from the embedded Sinjai example (other names, realisasi and
pagu), one damaged file, then ``rkt-xl rekap`` and headless LibreOffice (locale id-ID,
as ``rkt-xl pdf`` prints) → PDF → PNG of the Ringkasan page::

    .venv/bin/python docs/gambar/buat_rekap.py [FOLDER_KERJA]
"""

from __future__ import annotations

import copy
import re
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from rkt_xl.contoh import data_contoh
from rkt_xl.operasi import buat_workbook
from rkt_xl.pdf import _jalankan, _siapkan_profil, cari_soffice

AKAR = Path(__file__).resolve().parents[2]
GAMBAR = AKAR / "docs" / "gambar" / "rekap_ringkasan.png"

# (file, Nama OPD, realisasi as a fraction of target, pagu factor, what is corrected:
# 0 nothing, 1 the galat, 2 the galat and the peringatan)
OPD = (
    ("dinkop.xlsm", None, None, 1, 0),
    ("dinkes.xlsm", "Dinas Kesehatan", Decimal("0.96"), 6, 2),
    ("disdik.xlsx", "Dinas Pendidikan dan Kebudayaan", Decimal("0.84"), 9, 2),
    ("distan.xlsm", "Dinas Pertanian", Decimal("0.71"), 3, 1),
    ("dpupr.xlsm", "Dinas Pekerjaan Umum dan Penataan Ruang", Decimal("0.58"), 12, 2),
    ("bkpsdm.xlsm", "Badan Kepegawaian dan Pengembangan SDM", Decimal("0.43"), 2, 1),
    ("dukcapil.xlsm", "Dinas Kependudukan dan Pencatatan Sipil", Decimal("0.93"), 2, 0),
)


def data_opd(nama: str | None, rasio: Decimal | None, faktor: int,
             tingkat: int) -> dict[str, Any]:
    perbaiki = tingkat >= 1
    data = copy.deepcopy(data_contoh())
    if tingkat >= 2:  # the seed's Renstra end target and the drifted indicator name
        sasaran = {s["Kode"]: s for s in data["sasaran"]}
        sasaran["3.1"]["Target"] = sasaran["3.1"]["Target Akhir Renstra"]
        for ev in data["evaluasi"]:
            if ev["Kode"] in sasaran:
                ev["Indikator Sasaran"] = sasaran[ev["Kode"]]["Indikator Sasaran"]
    if nama is not None:
        data["identitas"]["Nama OPD"] = nama
    for ev in data["evaluasi"]:
        if rasio is not None:
            ev["Realisasi"] = float(Decimal(str(ev["Target"])) * rasio)
        if perbaiki:
            ev.pop("Capaian (%)", None)
    for k in data["kegiatan"]:
        if perbaiki and k["Pagu"] == "25.4500.000":
            k["Pagu"] = 25450000
        if perbaiki and k["Target"] == "12ulan":
            k["Target"] = "12 Bulan"
        if isinstance(k["Pagu"], int):
            k["Pagu"] *= faktor
    if perbaiki:
        for p in data["program"]:
            p.pop("Pagu Program", None)
    return data


RESOLUSI = 120  # dpi


def kotak_isi(pdf: Path, dpi: int) -> tuple[int, int, int, int]:
    """Pixel box (x, y, w, h) around the words of page 1 without its footer: the table
    and the chart (its title, axis labels and legend are words too)."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    kotak = [tuple(float(v) for v in m) for m in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">', html)]
    halaman = re.search(r'<page width="[\d.]+" height="([\d.]+)"', html)
    assert halaman is not None
    tinggi_halaman = float(halaman[1])
    isi = [k for k in kotak if k[3] < tinggi_halaman - 50]  # the footer sits lower
    skala = dpi / 72
    x0, y0 = min(k[0] for k in isi) - 8, min(k[1] for k in isi) - 8
    x1, y1 = max(k[2] for k in isi) + 8, max(k[3] for k in isi) + 8
    return (int(x0 * skala), int(y0 * skala), int((x1 - x0) * skala), int((y1 - y0) * skala))


def main(kerja: Path) -> None:
    opd = kerja / "opd"
    opd.mkdir(parents=True, exist_ok=True)
    for berkas, nama, rasio, faktor, tingkat in OPD:
        sementara = opd / (Path(berkas).stem + ".xlsm")
        buat_workbook(sementara, data_opd(nama, rasio, faktor, tingkat), timpa=True)
        sementara.rename(opd / berkas)  # one .xlsx among them, as folders are
    (opd / "dinsos.xlsm").write_bytes(b"bukan buku kerja\n")
    rekap = kerja / "Rekap RKT 2018.xlsx"
    r = subprocess.run([sys.executable, "-m", "rkt_xl", "rekap", "opd", "--ke", rekap.name],
                       capture_output=True, text=True, cwd=kerja)
    print(r.stdout, r.stderr, sep="")
    soffice = cari_soffice()
    assert soffice is not None, "LibreOffice tidak terpasang"
    keluar = kerja / "pdf"
    keluar.mkdir(exist_ok=True)
    _jalankan(soffice, _siapkan_profil(kerja / "profil"), rekap, keluar, rekap)
    pdf = keluar / f"{rekap.stem}.pdf"
    x, y, w, h = kotak_isi(pdf, RESOLUSI)
    subprocess.run(["pdftoppm", "-png", "-r", str(RESOLUSI), "-f", "1", "-l", "1",
                    "-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h), "-singlefile",
                    str(pdf), str(GAMBAR.with_suffix(""))], check=True)
    print(f"Gambar: {GAMBAR}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="rekap_")))
