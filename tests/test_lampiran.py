"""The appendix and Validasi builders as pure functions on the example data."""

from __future__ import annotations

import copy
import datetime as dt
import random
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from rkt_xl import angka, hitung, pemetaan, pertukaran, skema
from rkt_xl.engine.file.render import nama_cetak, render_lembar
from rkt_xl.hitung import HasilHitung
from rkt_xl.lampiran import (
    bangun_lampiran_1,
    bangun_lampiran_2,
    bangun_semua,
    bangun_tabel_2_4,
    bangun_tabel_2_5,
    bangun_validasi,
    halaman,
)
from rkt_xl.lampiran import judul as judul_mod
from rkt_xl.lampiran.gaya import GAYA
from rkt_xl.lampiran.layout import Gabung, Layout, SelLayout
from rkt_xl.lampiran.nilai import ISIAN_TANGGAL
from rkt_xl.lampiran.validasi import KOSONG, tautan
from rkt_xl.model import RKT
from rkt_xl.temuan import Temuan, Tingkat

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


# -- helpers -------------------------------------------------------------------------------
def susun(data: dict[str, Any]) -> tuple[RKT, HasilHitung]:
    rkt = pemetaan.susun(pertukaran.ke_tabel(data))
    return rkt, hitung.hitung(rkt)


def peta(lay: Layout) -> dict[tuple[int, int], SelLayout]:
    return {(s.baris, s.kolom): s for s in lay.sel}


def nilai(lay: Layout, r: int, c: int) -> object:
    s = peta(lay).get((r, c))
    return s.nilai if s else None


def baris_dengan(lay: Layout, kolom: int, isi: object) -> int:
    hasil = [s.baris for s in lay.sel if s.kolom == kolom and s.nilai == isi]
    assert hasil, f"{isi!r} tidak ada di kolom {kolom} {lay.lembar}"
    return hasil[0]


def teks_semua(lay: Layout) -> list[str]:
    return [str(s.nilai) for s in lay.sel if s.nilai is not None]


def header(lay: Layout) -> list[str]:
    assert lay.cetak.baris_judul is not None
    a, b = lay.cetak.baris_judul
    return [str(s.nilai) for s in lay.sel if a <= s.baris <= b and s.gaya == "header"
            and s.nilai is not None]


def periksa_rapi(lay: Layout) -> None:
    """What every layout must satisfy: known styles, no 'None' text, no overlapping
    merges, header rows styled as header, renders to well-formed XML."""
    for s in lay.sel:
        assert s.gaya in GAYA, s.gaya
        assert not isinstance(s.nilai, str) or "None" not in s.nilai, s
    terpakai: dict[tuple[int, int], object] = {}
    for g in lay.gabung:
        assert g.baris1 <= g.baris2 and g.kolom1 <= g.kolom2
        for r in range(g.baris1, g.baris2 + 1):
            for c in range(g.kolom1, g.kolom2 + 1):
                assert (r, c) not in terpakai, f"gabungan bertumpuk di {(r, c)}: {g}"
                terpakai[(r, c)] = g
    assert lay.cetak.baris_judul is not None
    etree.fromstring(render_lembar(lay, {n: i for i, n in enumerate(GAYA)}))


@pytest.fixture
def contoh(data: dict[str, Any]) -> tuple[RKT, HasilHitung]:
    return susun(data)


# -- Lampiran I ------------------------------------------------------------------------------
def test_lampiran_1_capaian_penuh_dan_rata_rata(contoh: tuple[RKT, HasilHitung]) -> None:
    rkt, hasil = contoh
    lay = bangun_lampiran_1(rkt, hasil)
    r = baris_dengan(lay, 1, 2)
    cap = peta(lay)[(r, 6)]
    assert cap.gaya == "persen"
    assert isinstance(cap.nilai, Decimal)
    assert abs(cap.nilai - Decimal("102.380952380952380952")) < Decimal("1e-15")
    assert angka.format_persen(cap.nilai) == "102,38"  # the seed printed 102.39
    rata_r = baris_dengan(lay, 1, "Rata-rata capaian kinerja")
    rata = peta(lay)[(rata_r, 6)]
    assert rata.gaya == "total-persen" and rata.nilai == hasil.rata_rata
    assert isinstance(rata.nilai, Decimal) and angka.bulatkan(rata.nilai) == Decimal("110.56")
    # Numbers stay numbers: target 42 (whole), realisasi 86.82 (fraction).
    assert peta(lay)[(r, 4)].nilai == 42 and peta(lay)[(r, 4)].gaya == "angka-bulat"
    r1 = baris_dengan(lay, 1, 1)
    assert peta(lay)[(r1, 5)].nilai == Decimal("86.82") and peta(lay)[(r1, 5)].gaya == "angka"
    assert nilai(lay, r1, 7) == "Sangat Tinggi"
    assert header(lay) == ["No", "Indikator Sasaran", "Target Akhir Renstra 2018", "Tahun 2017",
                           "Target", "Realisasi", "% Capaian", "Kategori"]
    assert "Evaluasi Pelaksanaan RKT Tahun 2017" in nilai(lay, 1, 1)  # type: ignore[operator]
    periksa_rapi(lay)


def test_lampiran_1_capaian_tak_terhitung_diberi_catatan(data: dict[str, Any]) -> None:
    data["evaluasi"][1]["Target"] = 0
    rkt, hasil = susun(data)
    lay = bangun_lampiran_1(rkt, hasil)
    r = baris_dengan(lay, 1, 2)
    # No capaian, no kategori: the marker of the note that says why.
    assert nilai(lay, r, 6) == "*)" and nilai(lay, r, 7) is None
    assert peta(lay)[(r, 6)].gaya == "persen"  # right-aligned where the number would be
    assert any(t.startswith("*) Capaian indikator nomor 2") and "target 0" in t
               for t in teks_semua(lay))


# -- Tabel 2.5 -------------------------------------------------------------------------------
def test_tabel_2_5_kegiatan_di_bawah_programnya(contoh: tuple[RKT, HasilHitung]) -> None:
    rkt, hasil = contoh
    lay = bangun_tabel_2_5(rkt, hasil)
    sel = peta(lay)
    for p in rkt.program:
        r = baris_dengan(lay, 1, p.kode)
        kegiatan = rkt.kegiatan_dari(p.kode)
        tinggi = max(1, len(kegiatan))
        assert [sel[(r + i, 6)].nilai for i in range(len(kegiatan))] == [k.nama for k in kegiatan]
        if tinggi > 1:
            for kolom in range(1, 6):
                assert any(g.baris1 == r and g.baris2 == r + tinggi - 1 and g.kolom1 == kolom
                           == g.kolom2 for g in lay.gabung), (p.kode, kolom)
    assert lay.cetak.baris_judul is not None
    awal, akhir = lay.cetak.baris_judul[1], baris_dengan(lay, 1, "Jumlah")
    assert len([s for s in lay.sel if s.kolom == 6 and s.nilai and awal < s.baris < akhir]) \
        == len(rkt.kegiatan)
    r2 = baris_dengan(lay, 1, "2")
    assert sel[(r2, 5)].nilai == 118136000 and sel[(r2, 5)].gaya == "rupiah"
    assert sel[(baris_dengan(lay, 1, "1"), 5)].nilai == 516257850
    periksa_rapi(lay)


def test_tabel_2_5_pagu_tidak_valid_tidak_dijumlah(contoh: tuple[RKT, HasilHitung]) -> None:
    rkt, hasil = contoh
    lay = bangun_tabel_2_5(rkt, hasil)
    sel = peta(lay)
    r10 = baris_dengan(lay, 1, "10")
    # Never the partial 61.011.000: the marker of the note saying why.
    assert sel[(r10, 5)].nilai == "*)" and sel[(r10, 5)].gaya == "rupiah"
    # The invalid amount as typed, right-aligned like every amount, with its marker.
    salah = [s for s in lay.sel if s.nilai == "25.4500.000 *)"]
    assert len(salah) == 1 and salah[0].gaya == "rupiah" and salah[0].kolom == 9
    assert GAYA["rupiah"]["align"] == "right"
    rj = baris_dengan(lay, 1, "Jumlah")
    assert sel[(rj, 5)].nilai == "**)" and sel[(rj, 5)].gaya == "total-rupiah"
    catatan = [t for t in teks_semua(lay) if t.startswith("*")]
    assert any("Program 10" in t and "25.4500.000" in t for t in catatan)
    assert any(t.startswith("**) Jumlah") for t in catatan)
    # Notes sit under the table.
    assert min(s.baris for s in lay.sel if str(s.nilai).startswith("*) ")) > rj


def test_tabel_2_5_jumlah_tepat_setelah_diperbaiki(data: dict[str, Any]) -> None:
    for k in data["kegiatan"]:
        if k["Pagu"] == "25.4500.000":
            k["Pagu"] = 25450000
    rkt, hasil = susun(data)
    lay = bangun_tabel_2_5(rkt, hasil)
    sel = peta(lay)
    total = sum(int(k["Pagu"]) for k in data["kegiatan"])
    rj = baris_dengan(lay, 1, "Jumlah")
    assert sel[(rj, 5)].nilai == total == hasil.total_pagu
    assert sel[(baris_dengan(lay, 1, "10"), 5)].nilai == 61011000 + 25450000
    assert not [t for t in teks_semua(lay) if t.startswith("**)")]


def test_tabel_2_5_program_tanpa_kegiatan_dan_kode_tak_dikenal(data: dict[str, Any]) -> None:
    data["kegiatan"] = [k for k in data["kegiatan"] if k["Kode Program"] != "4"]
    data["kegiatan"].append({"Kode Program": "99", "Kode Kegiatan": "99.01",
                             "Kegiatan": "Kegiatan yatim", "Pagu": 1000})
    rkt, hasil = susun(data)
    lay = bangun_tabel_2_5(rkt, hasil)
    sel = peta(lay)
    r4 = baris_dengan(lay, 1, "4")
    assert sel[(r4, 5)].nilai == 0
    assert sel[(r4, 6)].nilai == "*)"  # "Program 4 belum memiliki kegiatan"
    assert any(t.startswith("*) Program 4 belum memiliki kegiatan") for t in teks_semua(lay))
    assert all((r4, k) in sel and sel[(r4, k)].nilai is None for k in range(7, 10))
    assert sel[(r4 + 1, 1)].nilai == "5"  # one row only
    r99 = baris_dengan(lay, 1, "99")
    assert "tidak terdaftar" in str(sel[(r99, 2)].nilai) and sel[(r99, 6)].nilai == "Kegiatan yatim"
    periksa_rapi(lay)


def test_tabel_2_5_header_dua_tingkat(contoh: tuple[RKT, HasilHitung]) -> None:
    lay = bangun_tabel_2_5(*contoh)
    assert lay.cetak.baris_judul is not None
    h1, h2 = lay.cetak.baris_judul
    assert h2 == h1 + 1
    assert [nilai(lay, h1, k) for k in (1, 2, 6)] == ["No", "Program", "Kegiatan"]
    assert [nilai(lay, h2, k) for k in range(2, 10)] == [
        "Program", "Indikator Kinerja", "Target", "Pagu Indikatif (Rp)", "Kegiatan",
        "Indikator Kinerja", "Target/Satuan", "Pagu Indikatif (Rp)"]
    assert any((g.baris1, g.kolom1, g.baris2, g.kolom2) == (h1, 2, h1, 5) for g in lay.gabung)
    assert any((g.baris1, g.kolom1, g.baris2, g.kolom2) == (h1, 1, h2, 1) for g in lay.gabung)


# -- Tabel 2.4 and Lampiran II -------------------------------------------------------------------
def test_tabel_2_4_dan_lampiran_2_daftar_indikator_sama(contoh: tuple[RKT, HasilHitung]) -> None:
    rkt, hasil = contoh
    t24, l2 = bangun_tabel_2_4(rkt, hasil), bangun_lampiran_2(rkt, hasil)
    assert t24.cetak.baris_judul and l2.cetak.baris_judul
    awal24, awal2 = t24.cetak.baris_judul[1] + 1, l2.cetak.baris_judul[1] + 1
    n = len(rkt.indikator)
    ind24 = [(nilai(t24, awal24 + i, 4), nilai(t24, awal24 + i, 5)) for i in range(n)]
    ind2 = [(nilai(l2, awal2 + i, 3), nilai(l2, awal2 + i, 4)) for i in range(n)]
    assert ind24 == ind2
    assert [x[1] for x in ind24] == ["84,03 %", "43 kop", "1,08 %", "40 produk", "29 orang",
                                     "9.500 orang"]
    assert nilai(l2, awal2 + n, 3) is None  # nothing more in the table


def test_tabel_2_4_gabungan_per_tingkat(contoh: tuple[RKT, HasilHitung]) -> None:
    lay = bangun_tabel_2_4(*contoh)
    assert lay.cetak.baris_judul is not None
    awal = lay.cetak.baris_judul[1] + 1
    for kolom in (1, 2, 3):
        rentang = sorted((g.baris1, g.baris2) for g in lay.gabung
                         if g.kolom1 == kolom == g.kolom2 and g.baris1 >= awal)
        assert rentang == [(awal, awal + 1), (awal + 2, awal + 3), (awal + 4, awal + 5)]
    assert header(lay)[-1] == "Target Kinerja Indikator Sasaran pada Tahun 2018"
    periksa_rapi(lay)


def test_tingkat_bawah_tidak_melewati_batas_tingkat_atas(data: dict[str, Any]) -> None:
    # Two tujuan sharing a sasaran text: the Sasaran merge must stop at the tujuan line.
    data["sasaran"][2]["Sasaran"] = data["sasaran"][0]["Sasaran"]
    data["sasaran"][2]["Indikator Tujuan"] = data["sasaran"][0]["Indikator Tujuan"]
    rkt, hasil = susun(data)
    lay = bangun_tabel_2_4(rkt, hasil)
    for g in lay.gabung:
        if g.kolom1 in (2, 3) and g.baris2 > g.baris1:
            tujuan = {nilai(lay, r, 1) for r in range(g.baris1, g.baris2 + 1)} - {None}
            assert len(tujuan) <= 1
    l2 = bangun_lampiran_2(rkt, hasil)
    assert [s.nilai for s in l2.sel if s.kolom == 1 and s.gaya == "teks-tengah"
            and s.nilai is not None] == ["1.", "2.", "3."]


def test_lampiran_2_nomor_kolom(contoh: tuple[RKT, HasilHitung]) -> None:
    lay = bangun_lampiran_2(*contoh)
    assert lay.cetak.baris_judul is not None
    a, b = lay.cetak.baris_judul
    assert [nilai(lay, a, k) for k in range(1, 5)] == ["No", "Sasaran Strategis",
                                                       "Indikator Kinerja", "Target"]
    assert [nilai(lay, b, k) for k in range(1, 5)] == ["(1)", "(2)", "(3)", "(4)"]
    periksa_rapi(lay)


# -- every sheet -------------------------------------------------------------------------------
def test_bangun_semua_urutan_dan_blok(contoh: tuple[RKT, HasilHitung]) -> None:
    rkt, hasil = contoh
    semua = bangun_semua(rkt, hasil)
    assert [lay.lembar for lay in semua] == list(skema.LEMBAR_LAMPIRAN)
    for lay in semua:
        periksa_rapi(lay)
        teks = teks_semua(lay)
        assert "DINAS KOPERASI, USAHA KECIL MENENGAH DAN TENAGA KERJA" in teks
        assert "KABUPATEN SINJAI" in teks
        # Tanggal holds only the year: dotted space for the day and month.
        assert f"Sinjai, {ISIAN_TANGGAL} 2017" in teks and "NIP. 196101281987031008" in teks
        nama = [s for s in lay.sel if s.nilai == "Ir. H. Muh. Ramlan Hamid, M.Si"]
        assert len(nama) == 1 and nama[0].gaya == "ttd-nama"
        # Signature block to the right of, and below, the table.
        assert nama[0].kolom > 1 and nama[0].baris == lay.baris_terakhir - 1
        # Title merged across the whole table width.
        lebar = max(lay.lebar_kolom)
        assert any((g.baris1, g.kolom1, g.kolom2) == (1, 1, lebar) for g in lay.gabung)
        # Widths fit an A4 landscape page at >= 85 %, the four appendices at one scale.
        assert halaman.skala_cetak(lay) >= 0.85
        assert sum(lay.lebar_kolom.values()) == judul_mod.LEBAR_HALAMAN
        assert lay.cetak.orientasi == "landscape"
        assert nama_cetak(lay)["_xlnm.Print_Titles"].startswith(f"'{lay.lembar}'!$")


def test_model_kosong_tetap_rapi() -> None:
    rkt = RKT()
    hasil = hitung.hitung(rkt)
    for lay in bangun_semua(rkt, hasil):
        periksa_rapi(lay)
        teks = teks_semua(lay)
        assert "Belum ada data" in teks, lay.lembar
        assert any(t.startswith("NIP. ") for t in teks)
        assert judul_mod.ISIAN in " ".join(teks)
        assert lay.cetak.baris_judul is not None
        a, b = lay.cetak.baris_judul
        assert all(s.gaya == "header" for s in lay.sel if a <= s.baris <= b
                   and s.gaya != "nomor-kolom")


def test_identitas_kosong_tanpa_none(data: dict[str, Any]) -> None:
    data["identitas"] = {"Tahun RKT": 2018}
    rkt, hasil = susun(data)
    for lay in bangun_semua(rkt, hasil):
        periksa_rapi(lay)
        teks = teks_semua(lay)
        assert f"{judul_mod.ISIAN}, {judul_mod.ISIAN}" in teks
        assert f"NIP. {judul_mod.ISIAN}" in teks


def test_teks_berawalan_sama_dengan_tetap_teks(data: dict[str, Any]) -> None:
    data["sasaran"][0]["Indikator Sasaran"] = "=SUM(A1)"
    data["kegiatan"][0]["Kegiatan"] = "+62 kegiatan"
    rkt, hasil = susun(data)
    for lay, cari in ((bangun_tabel_2_4(rkt, hasil), "=SUM(A1)"),
                      (bangun_tabel_2_5(rkt, hasil), "+62 kegiatan")):
        akar = etree.fromstring(render_lembar(lay, {}))
        assert not list(akar.iter(M + "f"))
        teks = [c for c in akar.iter(M + "c") if c.findtext(f"{M}is/{M}t") == cari]
        assert len(teks) == 1 and teks[0].get("t") == "inlineStr"


def test_tanggal_indonesia(data: dict[str, Any]) -> None:
    rkt, hasil = susun(data)
    # A real date cell (what the engines read from a date-formatted Tanggal cell).
    rkt.identitas[skema.TANGGAL] = replace(rkt.identitas[skema.TANGGAL],
                                           mentah=dt.datetime(2017, 12, 28))
    lay = bangun_lampiran_2(rkt, hasil)
    assert "Sinjai, 28 Desember 2017" in teks_semua(lay)


# -- page breaks -------------------------------------------------------------------------------
def test_putus_halaman_di_antara_atau_dengan_lanjutan(data: dict[str, Any]) -> None:
    program, kegiatan = [], []
    for i in range(1, 31):
        program.append({"Kode Program": str(i), "Program": f"Program nomor {i} " * 3,
                        "Indikator Program": "Indikator", "Target Program": "100%"})
        for j in range(1, 1 + i % 6):
            kegiatan.append({"Kode Program": str(i), "Kode Kegiatan": f"{i}.{j}",
                             "Kegiatan": "Kegiatan yang cukup panjang namanya " * 2,
                             "Indikator Kegiatan": "Indikator", "Target": j,
                             "Satuan": "dok", "Pagu": 1000 * j})
    data["program"], data["kegiatan"] = program, kegiatan
    rkt, hasil = susun(data)
    lay = bangun_tabel_2_5(rkt, hasil)
    assert len(lay.putus_baris) >= 2
    sel = {k: s for k, s in lay.sel_lengkap().items()}
    rj = baris_dengan(lay, 1, "Jumlah")
    program_di: dict[int, Gabung] = {}
    g: Gabung | None
    for g in lay.gabung:
        if g.kolom1 == g.kolom2 == 2:
            program_di.update(dict.fromkeys(range(g.baris1, g.baris2 + 1), g))
    for b in lay.putus_baris:
        assert b < rj - 2  # the Jumlah row goes with at least two rows of kegiatan
        pertama = sel[(b + 1, 2)].nilai
        # A page starts with a program: a new one, or one continued from the page
        # before, whose merged cells were split at the break.
        assert isinstance(pertama, str) and pertama.startswith("Program nomor"), b
        g = program_di.get(b + 1)
        if g is not None and g.baris1 == b + 1 and sel.get((b, 1)) is not None and \
                program_di.get(b) is not None and program_di[b].baris2 == b and \
                sel[(program_di[b].baris1, 2)].nilai == pertama.removesuffix(" (lanjutan)"):
            assert pertama.endswith(" (lanjutan)")
    # The signature block is not split, nor parted from the table.
    mulai = min(s.baris for s in lay.sel if str(s.nilai).startswith("Sinjai, "))
    akhir = max(s.baris for s in lay.sel if str(s.nilai).startswith("NIP. "))
    assert not [b for b in lay.putus_baris if rj - 2 <= b < akhir]
    assert mulai > rj


def test_program_terpotong_diberi_lanjutan(data: dict[str, Any]) -> None:
    """A program whose kegiatan run over a page break: both parts are merged and
    bordered on their own page, the second repeats the program as "(lanjutan)", and
    its pagu is not printed twice."""
    data["program"] = [{"Kode Program": "1", "Program": "Program Satu",
                        "Indikator Program": "Indikator program", "Target Program": "100%"}]
    data["kegiatan"] = [{"Kode Program": "1", "Kode Kegiatan": f"k{j}",
                         "Kegiatan": "Kegiatan yang cukup panjang namanya " * 3,
                         "Indikator Kegiatan": "Indikator", "Target": j, "Satuan": "dok",
                         "Pagu": 1000} for j in range(1, 41)]
    rkt, hasil = susun(data)
    lay = bangun_tabel_2_5(rkt, hasil)
    assert lay.putus_baris
    sel = lay.sel_lengkap()
    b = lay.putus_baris[0]
    assert sel[(b + 1, 2)].nilai == "Program Satu (lanjutan)"
    assert sel[(b + 1, 3)].nilai == "Indikator program (lanjutan)"
    assert sel[(b + 1, 4)].nilai == "100%" and sel[(b + 1, 1)].nilai == "1"
    assert sel[(b + 1, 5)].nilai is None  # the pagu once, on the first part
    for kolom in range(1, 6):
        bagian = sorted((g.baris1, g.baris2) for g in lay.gabung
                        if g.kolom1 == g.kolom2 == kolom and g.baris2 > g.baris1)
        assert any(g[1] == b for g in bagian) and any(g[0] == b + 1 for g in bagian), kolom
    periksa_rapi(lay)


def test_program_lebih_panjang_dari_halaman_mulai_di_halaman_pertama(
        data: dict[str, Any]) -> None:
    """A program with more kegiatan than a page holds cannot be kept whole: it starts
    right under the header, instead of leaving a first page with only the title."""
    data["program"] = [{"Kode Program": str(i), "Program": f"Program {i}",
                        "Indikator Program": "Indikator", "Target Program": "100%"}
                       for i in (1, 2)]
    data["kegiatan"] = [{"Kode Program": "1" if j <= 80 else "2", "Kode Kegiatan": f"k{j}",
                         "Kegiatan": "Kegiatan yang cukup panjang namanya " * 3,
                         "Indikator Kegiatan": "Indikator", "Target": j, "Satuan": "dok",
                         "Pagu": 1000 * j} for j in range(1, 86)]
    rkt, hasil = susun(data)
    lay = bangun_tabel_2_5(rkt, hasil)
    pertama = baris_dengan(lay, 1, "1")  # the first program's No cell
    program_2 = baris_dengan(lay, 1, "2")
    tinggi = sum(lay.tinggi_baris.get(r, 15.0) for r in range(pertama, program_2))
    assert tinggi > halaman.tinggi_halaman(lay)  # really taller than a page
    assert pertama - 1 not in lay.putus_baris  # no page of title and header alone
    assert lay.putus_baris  # the rest still gets its breaks (program 2, signature)


# -- Validasi --------------------------------------------------------------------------------
TEMUAN = [
    Temuan(Tingkat.INFO, "angka-teks", "Kegiatan", "G5", "Angka sebagai teks."),
    Temuan(Tingkat.GALAT, "angka-tidak-valid", "Kegiatan", "G28", "Pagu tidak valid.", "Saran"),
    Temuan(Tingkat.PERINGATAN, "identitas-kosong", "Identitas", "B3", "Kosong."),
    Temuan(Tingkat.GALAT, "struktur", "Bu'Lembar", "", "Tabel tidak ada."),
    Temuan(Tingkat.GALAT, "kode-ganda", "Data 2018", "$A$4", "Kode ganda."),
    Temuan(Tingkat.PERINGATAN, "program-tanpa-kegiatan", "Program", "A5", "Tanpa kegiatan."),
]


def test_validasi_urut_ringkasan_tautan() -> None:
    lay = bangun_validasi(TEMUAN)
    periksa_rapi(lay)
    assert "3 galat, 2 peringatan, 1 info" in teks_semua(lay)
    assert lay.cetak.baris_judul is not None
    h = lay.cetak.baris_judul[0]
    assert [nilai(lay, h, k) for k in range(1, 8)] == ["No", "Tingkat", "Aturan", "Lembar",
                                                       "Sel", "Pesan", "Saran"]
    tingkat = [peta(lay)[(h + 1 + i, 2)] for i in range(len(TEMUAN))]
    assert [s.nilai for s in tingkat] == ["galat"] * 3 + ["peringatan"] * 2 + ["info"]
    assert all(s.gaya == s.nilai for s in tingkat)
    # Stable within a level: workbook order kept.
    assert [nilai(lay, h + 1 + i, 3) for i in range(3)] == ["angka-tidak-valid", "struktur",
                                                            "kode-ganda"]
    sel = {s.nilai: s for s in lay.sel if s.kolom == 5 and s.baris > h}
    assert sel["G28"].tautan == "'Kegiatan'!G28" and sel["G28"].gaya == "tautan"
    assert sel["$A$4"].tautan == "'Data 2018'!A4"
    struktur_r = baris_dengan(lay, 3, "struktur")
    assert peta(lay)[(struktur_r, 5)].tautan is None  # no cell: no dead link
    assert tautan("Bu'Lembar", "C3") == "'Bu''Lembar'!C3"


def test_validasi_kosong_dan_ringkasan_tambahan() -> None:
    lay = bangun_validasi([], "Hitung mengubah 14 sel.")
    periksa_rapi(lay)
    teks = teks_semua(lay)
    assert KOSONG in teks and "0 galat, 0 peringatan, 0 info" in teks
    assert "Hitung mengubah 14 sel." in teks


def test_validasi_deterministik_dan_teracak() -> None:
    """The same findings give the same bytes. Shuffled (a real, seeded shuffle), the rows
    still come galat → peringatan → info, each level in the order given (workbook
    order), and the sheet is byte for byte the one of that order given directly."""
    gaya = {n: i for i, n in enumerate(GAYA)}
    a = render_lembar(bangun_validasi(list(TEMUAN)), gaya)
    assert a == render_lembar(bangun_validasi(list(TEMUAN)), gaya)
    akar = etree.fromstring(a)
    lokasi = [h.get("location") for h in akar.iter(M + "hyperlink")]
    assert "'Kegiatan'!G28" in lokasi and "'Bu''Lembar'!A1" not in lokasi
    acak = random.Random(13)
    dilihat: set[tuple[str, ...]] = set()
    for _ in range(12):
        teracak = list(TEMUAN)
        acak.shuffle(teracak)
        dilihat.add(tuple(t.aturan for t in teracak))
        # The oracle: levels in their fixed order, the shuffled order kept within each.
        harap = [t for tingkat in ("galat", "peringatan", "info") for t in teracak
                 if t.tingkat.value == tingkat]
        lay = bangun_validasi(teracak)
        assert lay.cetak.baris_judul is not None
        h = lay.cetak.baris_judul[0]
        assert [nilai(lay, h + 1 + i, 3) for i in range(len(TEMUAN))] == [
            t.aturan for t in harap]
        assert render_lembar(lay, gaya) == render_lembar(bangun_validasi(harap), gaya)
    assert len(dilihat) > 6  # the shuffle really reorders


# -- property: any shape of data gives a tidy layout --------------------------------------------
# User text never contains "None" here, so any "None" seen is the builders' fault.
_TEKS = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40).filter(
    lambda t: "None" not in t)
_ANGKA = st.one_of(st.none(), st.integers(-10**12, 10**12), _TEKS,
                   st.decimals(allow_nan=False, allow_infinity=False, places=2,
                               min_value=-10**6, max_value=10**6).map(float))


@settings(max_examples=40, deadline=None)
@given(
    sasaran=st.lists(st.fixed_dictionaries({
        "Tujuan": st.sampled_from(["T1", "T2", "", None]),
        "Sasaran": st.sampled_from(["S1", "S2", "", None]),
        "Indikator Sasaran": _TEKS, "Target": _ANGKA, "Satuan": _TEKS}), max_size=8),
    program=st.lists(st.sampled_from(["1", "2", "3", ""]), max_size=5),
    kegiatan=st.lists(st.tuples(st.sampled_from(["1", "2", "9", ""]), _ANGKA), max_size=10),
    evaluasi=st.lists(st.tuples(_ANGKA, _ANGKA), max_size=6),
)
def test_bentuk_data_apa_pun_rapi(sasaran: list[dict[str, Any]], program: list[str],
                                  kegiatan: list[tuple[str, Any]],
                                  evaluasi: list[tuple[Any, Any]]) -> None:
    data: dict[str, Any] = {
        "identitas": {"Tahun RKT": 2018, "Periode Renstra": "2014-2019"},
        "sasaran": [{k: v for k, v in s.items() if v is not None} for s in sasaran],
        "program": [{"Kode Program": k, "Program": f"P{k}"} for k in program],
        "kegiatan": [{"Kode Program": k, "Kegiatan": "K", "Pagu": p} for k, p in kegiatan],
        "evaluasi": [{"Indikator Sasaran": "I", "Target": t, "Realisasi": r}
                     for t, r in evaluasi],
    }
    rkt, hasil = susun(data)
    for lay in [*bangun_semua(rkt, hasil)]:
        periksa_rapi(lay)


def test_render_lampiran_deterministik(data: dict[str, Any]) -> None:
    gaya = {n: i for i, n in enumerate(GAYA)}
    satu = [render_lembar(lay, gaya) for lay in bangun_semua(*susun(data))]
    dua = [render_lembar(lay, gaya) for lay in bangun_semua(*susun(copy.deepcopy(data)))]
    assert satu == dua
    t25 = bangun_semua(*susun(data))[1]
    assert nama_cetak(t25)["_xlnm.Print_Titles"] == "'Tabel 2.5'!$5:$6"
    assert nama_cetak(t25)["_xlnm.Print_Area"].startswith("'Tabel 2.5'!$A$1:$I$")
