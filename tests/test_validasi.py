"""Every rule fires on the input that breaks it, at the right cell (pure: no workbook)."""

from __future__ import annotations

from typing import Any

import pytest

from rkt_xl import pemetaan, pertukaran, skema
from rkt_xl.hitung import hitung
from rkt_xl.temuan import Temuan, Tingkat
from rkt_xl.validasi import KATALOG, periksa


def temuan_dari(data: dict[str, Any]) -> list[Temuan]:
    tabel = pertukaran.ke_tabel(data)
    rkt = pemetaan.susun(tabel)
    return periksa(rkt, hitung(rkt))


def cari(temuan: list[Temuan], aturan: str, sel: str | None = None) -> list[Temuan]:
    return [t for t in temuan if t.aturan == aturan and (sel is None or t.sel == sel)]


def test_seed_temuan_nyata(data: dict[str, Any]) -> None:
    t = temuan_dari(data)
    capaian = cari(t, "capaian-tidak-sesuai", "H3")
    assert len(capaian) == 1 and "102,38" in capaian[0].pesan and "102,39" in capaian[0].pesan
    pagu2 = cari(t, "pagu-program-tidak-sesuai", "E3")
    assert len(pagu2) == 1
    assert "173.136.000" in pagu2[0].pesan and "118.136.000" in pagu2[0].pesan
    assert "55.000.000" in pagu2[0].pesan
    tidak_valid = {x.sel: x for x in cari(t, "angka-tidak-valid")}
    assert "519.857.85000" in tidak_valid["E2"].pesan and tidak_valid["E2"].lembar == "Program"
    assert "25.4500.000" in tidak_valid["G28"].pesan
    assert "12ulan" in tidak_valid["E26"].pesan
    renstra = cari(t, "target-akhir-renstra")
    assert len(renstra) == 1 and "29" in renstra[0].pesan and "61" in renstra[0].pesan
    assert renstra[0].lembar == "Sasaran" and renstra[0].sel == "I6"
    # Nothing is flagged that the seed got right: 103,74 typed for 103,7399… is fine.
    assert not cari(t, "capaian-tidak-sesuai", "H2")
    assert not cari(t, "pagu-program-tidak-sesuai", "E4")


def test_setiap_temuan_lengkap(data: dict[str, Any]) -> None:
    for t in temuan_dari(data):
        assert t.aturan in KATALOG
        assert t.tingkat is KATALOG[t.aturan].tingkat
        assert t.lembar and t.pesan


def _ubah(data: dict[str, Any], tabel: str, i: int, **isi: Any) -> dict[str, Any]:
    for k, v in isi.items():
        data[tabel][i][k.replace("_", " ")] = v
    return data


KASUS = [
    # (rule, mutation, sheet, cell)
    ("wajib-diisi", lambda d: _ubah(d, "evaluasi", 0, Realisasi=None), "Evaluasi", "G2"),
    ("angka-ambigu", lambda d: _ubah(d, "evaluasi", 2, Realisasi="1.10"), "Evaluasi", "G4"),
    ("angka-teks", lambda d: _ubah(d, "kegiatan", 0, Pagu="Rp 56.460.000"), "Kegiatan", "G2"),
    ("polaritas-tidak-valid", lambda d: _ubah(d, "sasaran", 0, Polaritas="Naik"),
     "Sasaran", "G2"),
    ("kode-ganda", lambda d: _ubah(d, "program", 1, Kode_Program="1"), "Program", "A3"),
    ("program-tidak-dikenal", lambda d: _ubah(d, "kegiatan", 0, Kode_Program="99"),
     "Kegiatan", "A2"),
    ("target-nol", lambda d: _ubah(d, "evaluasi", 0, Target=0), "Evaluasi", "F2"),
    ("kategori-tidak-sesuai", lambda d: _ubah(d, "evaluasi", 1, Kategori="Tinggi"),
     "Evaluasi", "I3"),
    ("tahun-di-luar-renstra", lambda d: d["identitas"].update({"Tahun RKT": 2020}) or d,
     "Identitas", "B4"),
    ("identitas-kosong", lambda d: d["identitas"].update({"NIP Kepala": None}) or d,
     "Identitas", "B7"),
    ("pengaturan-tidak-valid",
     lambda d: d["pengaturan"].update({"Rumus Indikator Negatif": "2T+R"}) or d,
     "Pengaturan", "B2"),
    ("target-kualitatif", lambda d: _ubah(d, "evaluasi", 0, Target="meningkat"),
     "Evaluasi", "F2"),
    ("program-tanpa-kegiatan",
     lambda d: d.update(kegiatan=[k for k in d["kegiatan"] if k["Kode Program"] != "4"]) or d,
     "Program", "A4"),
]


@pytest.mark.parametrize(("aturan", "ubah", "lembar", "sel"), KASUS,
                         ids=[k[0] for k in KASUS])
def test_aturan_menyala(data: dict[str, Any], aturan: str, ubah: Any, lembar: str,
                        sel: str) -> None:
    sebelum = cari(temuan_dari(data), aturan, sel)
    hasil = cari(temuan_dari(ubah(data)), aturan, sel)
    assert not sebelum, f"{aturan} sudah menyala sebelum diubah"
    assert hasil, f"{aturan} tidak menyala di {sel}"
    assert hasil[0].lembar == lembar


def test_struktur_kolom_hilang(data: dict[str, Any]) -> None:
    tabel = pertukaran.ke_tabel(data)
    keg = tabel[skema.KEGIATAN_T.nama]
    keg.header = tuple("Pagu (Rp)" if h == "Pagu" else h for h in keg.header)
    for b in keg.baris:
        b.sel["Pagu (Rp)"] = b.sel.pop("Pagu")
    rkt = pemetaan.susun(tabel)
    t = periksa(rkt)
    struktur = cari(t, "struktur")
    assert len(struktur) == 1
    assert "'Pagu'" in struktur[0].pesan and "Pagu (Rp)" in struktur[0].pesan
    assert struktur[0].tingkat is Tingkat.GALAT


def test_struktur_tabel_hilang(data: dict[str, Any]) -> None:
    tabel = pertukaran.ke_tabel(data)
    del tabel[skema.EVALUASI.nama]
    t = periksa(pemetaan.susun(tabel))
    assert [x.lembar for x in cari(t, "struktur")] == ["Evaluasi"]


def test_isi_turun_tujuan_sasaran(data: dict[str, Any]) -> None:
    rkt = pemetaan.susun(pertukaran.ke_tabel(data))
    kedua = rkt.indikator[1]
    assert kedua.sasaran == rkt.indikator[0].sasaran
    assert kedua.tujuan.startswith("Terwujudnya koperasi")
    # A new Tujuan without its Sasaran does not inherit the previous Sasaran.
    data["sasaran"][2]["Sasaran"] = None
    t = temuan_dari(data)
    assert cari(t, "wajib-diisi", "D4")


def test_indikator_negatif_dan_batas(data: dict[str, Any]) -> None:
    data["evaluasi"][0].update({"Polaritas": "Negatif", "Target": 10, "Realisasi": 8,
                                "Capaian (%)": 120})
    data["pengaturan"]["Batas Capaian Maksimum"] = 110
    t = temuan_dari(data)
    c = cari(t, "capaian-tidak-sesuai", "H2")
    assert c and "110,00" in c[0].pesan


def test_katalog_lengkap_kontrak() -> None:
    wajib = {"struktur", "wajib-diisi", "angka-tidak-valid", "angka-ambigu", "angka-teks",
             "polaritas-tidak-valid", "kode-ganda", "program-tidak-dikenal",
             "program-tanpa-kegiatan", "pagu-program-tidak-sesuai", "capaian-tidak-sesuai",
             "kategori-tidak-sesuai", "target-nol", "target-akhir-renstra",
             "tahun-di-luar-renstra", "identitas-kosong"}
    assert wajib <= set(KATALOG)
    tingkat = {"struktur": "galat", "angka-ambigu": "peringatan", "angka-teks": "info",
               "program-tanpa-kegiatan": "peringatan", "target-nol": "peringatan",
               "target-akhir-renstra": "peringatan", "identitas-kosong": "peringatan"}
    for aturan, harap in tingkat.items():
        assert KATALOG[aturan].tingkat.value == harap


def test_angka_negatif_galat_dan_tidak_dipakai(data: dict[str, Any]) -> None:
    data["evaluasi"][2].update({"Target": -5, "Realisasi": -4})
    semua = temuan_dari(data)
    for sel in ("F4", "G4"):
        t = cari(semua, "angka-negatif", sel)
        assert t and t[0].tingkat is Tingkat.GALAT, sel
    assert "(-5)" in cari(semua, "angka-negatif", "F4")[0].pesan


def test_capaian_dikutip_dua_desimal(data: dict[str, Any]) -> None:
    """A typed capaian is quoted as the cell shows it (two decimals), not with the 17
    digits a double holds."""
    data["evaluasi"][1]["Capaian (%)"] = 103.73999283068467  # row 3: 43 / 42 = 102,38
    t = cari(temuan_dari(data), "capaian-tidak-sesuai", "H3")
    assert len(t) == 1
    assert "tertulis '103,74', seharusnya 102,38 (43 / 42 × 100)" in t[0].pesan
    assert "103,7399" not in t[0].pesan


def test_rumus_dengan_batas_dikutip(data: dict[str, Any]) -> None:
    """With Batas Capaian Maksimum the formula in the message includes the cap."""
    data["pengaturan"]["Batas Capaian Maksimum"] = 100
    data["evaluasi"][1]["Capaian (%)"] = 102.38  # 43 / 42 capped at 100
    t = cari(temuan_dari(data), "capaian-tidak-sesuai", "H3")
    assert len(t) == 1
    assert "seharusnya 100,00 (min(43 / 42 × 100; 100), Batas Capaian Maksimum)" in t[0].pesan


# -- the registry itself -----------------------------------------------------------------------
def test_daftarkan_dan_tingkat(monkeypatch: pytest.MonkeyPatch) -> None:
    from rkt_xl.validasi import registri

    monkeypatch.setattr(registri, "KATALOG", {})
    a = registri.daftarkan("uji-aturan", Tingkat.PERINGATAN, "Judul uji.", "Contoh uji.",
                           tingkat_lain=(Tingkat.GALAT,))
    assert a == registri.Aturan("uji-aturan", Tingkat.PERINGATAN, "Judul uji.", "Contoh uji.",
                                (Tingkat.GALAT,))
    assert dict(registri.KATALOG) == {"uji-aturan": a}
    assert registri.daftarkan("lain", Tingkat.INFO, "J", "C").tingkat_lain == ()
    with pytest.raises(ValueError, match=r"^aturan 'uji-aturan' didaftarkan dua kali$"):
        registri.daftarkan("uji-aturan", Tingkat.INFO, "J", "C")
    assert registri.temuan(a, "Lembar", "B2", "Pesan.", "Saran.") == Temuan(
        Tingkat.PERINGATAN, "uji-aturan", "Lembar", "B2", "Pesan.", "Saran.")
    assert registri.temuan(a, "L", "A1", "P").saran == ""
    assert registri.temuan(a, "L", "A1", "P", tingkat=Tingkat.GALAT).tingkat is Tingkat.GALAT
    assert registri.temuan(a, "L", "A1", "P",
                           tingkat=Tingkat.PERINGATAN).tingkat is Tingkat.PERINGATAN
    with pytest.raises(ValueError, match=r"^aturan 'uji-aturan' tidak berlaku pada tingkat "
                                         r"info$"):
        registri.temuan(a, "L", "A1", "P", tingkat=Tingkat.INFO)


def test_pemeriksa_dan_jalankan_berurutan(monkeypatch: pytest.MonkeyPatch,
                                         data: dict[str, Any]) -> None:
    from rkt_xl.validasi import registri

    monkeypatch.setattr(registri, "_FUNGSI", [])
    a = KATALOG["struktur"]

    def pertama(rkt: Any, hasil: Any) -> list[Temuan]:
        return [registri.temuan(a, "X", "A1", "satu"), registri.temuan(a, "X", "A2", "dua")]

    def kedua(rkt: Any, hasil: Any) -> list[Temuan]:
        return [registri.temuan(a, "Y", "B1", "tiga")]

    assert registri.pemeriksa(pertama) is pertama
    registri.pemeriksa(kedua)
    assert list(registri._FUNGSI) == [(f"{__name__}.pertama", pertama),
                                      (f"{__name__}.kedua", kedua)]
    rkt = pemetaan.susun(pertukaran.ke_tabel(data))
    assert [t.pesan for t in registri.jalankan(rkt, hitung(rkt))] == ["satu", "dua", "tiga"]
