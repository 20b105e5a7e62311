"""The CLI ↔ Excel round trip at the package level (issue 11), and schema validity.

Excel is not here, so its save is simulated at the XML level the way Excel writes
what the buttons leave behind: HYPERLINK formulas on the Validasi sheet (``t="str"``
with the cached text), a formula the user dragged down the Pagu Program column past
the table (one shared formula: a master with ``ref``/``si``, followers with ``si``
only), and ``xl/calcChain.xml`` listing every formula cell, with its relationship and
content type. The simulated file is itself schema-valid (the premise), then processed
by the real command line, and every invariant Excel relies on is checked with code
that does not use rkt_xl's own reader: the calculation chain, codeNames, content
types, relationships, openxml-audit's schema validation, and the bytes of every part
rkt_xl does not own.
"""

from __future__ import annotations

import posixpath
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from bench.sintetis import buat
from tests.conftest import jalankan_cli
from tests.korpus import buat_korpus as bk
from tests.skema_ooxml import galat_skema, pastikan_sah

AKAR = Path(__file__).resolve().parents[1]
NS_CT = bk.NS_CT
NS_REL = bk.NS_REL
M = bk.M
CALC_CHAIN = f"{bk.NS_R}/calcChain"
JENIS_CALC_CHAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"
RUMUS_PAGU = "SUMIF(Kegiatan!$A:$A,A{n},Kegiatan!$G:$G)"  # as the user typed it in E2


def _bagian(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _lembar(parts: dict[str, bytes]) -> dict[str, tuple[str, str]]:
    """Sheet name → (part, sheetId), read from workbook.xml and its relationships."""
    wb = bk.xml(parts["xl/workbook.xml"])
    rels = {r.get("Id"): r.get("Target") for r in bk.xml(parts["xl/_rels/workbook.xml.rels"])}
    hasil = {}
    for s in wb.iter(M + "sheet"):
        target = rels[s.get(f"{{{bk.NS_R}}}id")]
        hasil[s.get("name", "")] = (posixpath.normpath(posixpath.join("xl", target or "")),
                                    s.get("sheetId", ""))
    return hasil


def _baris_akhir_tabel(parts: dict[str, bytes], nama: str) -> int:
    ref = bk.xml(parts[bk.part_tabel(parts, nama)]).get("ref", "")
    return int("".join(ch for ch in ref.split(":")[1] if ch.isdigit()))


def simpan_ala_excel(path: Path) -> list[tuple[str, str]]:
    """What Excel writes when the buttons have run and the user saves; returns the
    formula cells (sheet, ref) listed in the new calcChain."""
    parts = _bagian(path)
    lembar = _lembar(parts)
    rantai: list[tuple[str, str]] = []

    # Validasi: the buttons link each finding's cell with =HYPERLINK(…) in column E.
    part_v, _ = lembar["Validasi"]
    root = bk.xml(parts[part_v])
    for c in root.iter(M + "c"):
        ref = c.get("r", "")
        baris = int("".join(ch for ch in ref if ch.isdigit()))
        if not ref.startswith("E") or ref[1:2].isalpha() or baris < 5:
            continue
        teks = "".join(str(t) for t in c.itertext())
        lembar_d = next(x for x in root.iter(M + "c") if x.get("r") == f"D{baris}")
        nama_d = "".join(str(t) for t in lembar_d.itertext())
        for x in list(c):
            c.remove(x)
        c.set("t", "str")
        etree.SubElement(c, M + "f").text = f'HYPERLINK("#\'{nama_d}\'!{teks}","{teks}")'
        etree.SubElement(c, M + "v").text = teks
        rantai.append(("Validasi", ref))
    parts[part_v] = bk.ke_bytes(root)

    # Program: Pagu Program typed as one formula in E2 and dragged three rows past the
    # table — Excel stores that as a shared formula.
    part_p, _ = lembar["Program"]
    akhir = _baris_akhir_tabel(parts, "tblProgram")
    root = bk.xml(parts[part_p])
    for n in range(2, akhir + 4):
        if n == 2:
            sel = (f'<c r="E2"><f t="shared" ref="E2:E{akhir + 3}" si="0">'
                   f'{RUMUS_PAGU.format(n=2)}</f><v>0</v></c>')
        else:
            sel = f'<c r="E{n}"><f t="shared" si="0"/><v>0</v></c>'
        bk.pasang_sel(root, bk.sel_mentah(sel))
        rantai.append(("Program", f"E{n}"))
    parts[part_p] = bk.ke_bytes(root)

    # calcChain.xml: every formula cell, i = the sheet's sheetId; its relationship and
    # content type as Excel adds them.
    rantai_xml = bk.xml(f'<calcChain xmlns="{bk.NS}"/>'.encode())
    for nama, ref in rantai:
        etree.SubElement(rantai_xml, M + "c", r=ref, i=lembar[nama][1])
    _pasang_calc_chain(parts, bk.ke_bytes(rantai_xml))
    path.write_bytes(bk.tulis_zip(parts))
    return rantai


def _pasang_calc_chain(parts: dict[str, bytes], isi: bytes) -> None:
    """``xl/calcChain.xml`` with its relationship and content type, as Excel adds them."""
    parts["xl/calcChain.xml"] = isi
    rels = bk.xml(parts["xl/_rels/workbook.xml.rels"])
    etree.SubElement(rels, f"{{{NS_REL}}}Relationship", Id="rId900", Type=CALC_CHAIN,
                     Target="calcChain.xml")
    parts["xl/_rels/workbook.xml.rels"] = bk.ke_bytes(rels)
    ct = bk.xml(parts["[Content_Types].xml"])
    etree.SubElement(ct, f"{{{NS_CT}}}Override", PartName="/xl/calcChain.xml",
                     ContentType=JENIS_CALC_CHAIN)
    parts["[Content_Types].xml"] = bk.ke_bytes(ct)


def _kode_nama(parts: dict[str, bytes]) -> dict[str, str | None]:
    hasil = {}
    for nama, (part, _) in _lembar(parts).items():
        pr = bk.xml(parts[part]).find(M + "sheetPr")
        hasil[nama] = pr.get("codeName") if pr is not None else None
    return hasil


def _rumus(parts: dict[str, bytes], part: str) -> dict[str, etree._Element]:
    return {c.get("r", ""): f for c in bk.xml(parts[part]).iter(M + "c")
            if (f := c.find(M + "f")) is not None}


def _tanpa_area_cetak(parts: dict[str, bytes]) -> bytes:
    wb = bk.xml(parts["xl/workbook.xml"])
    for dn in list(wb.iter(M + "definedName")):
        if dn.get("name") == "_xlnm.Print_Area" and dn.get("localSheetId") in {
                str(i) for i, s in enumerate(wb.iter(M + "sheet"))
                if s.get("name") in bk.LEMBAR_HASIL}:
            dn.getparent().remove(dn)  # type: ignore[union-attr]
    return bk.ke_bytes(wb)


def periksa_paket(parts: dict[str, bytes]) -> None:
    """The package invariants Excel checks on open, read with zipfile and lxml only."""
    ct = bk.xml(parts["[Content_Types].xml"])
    override = {o.get("PartName", "").lstrip("/") for o in ct.iter(f"{{{NS_CT}}}Override")}
    default = {d.get("Extension", "").lower() for d in ct.iter(f"{{{NS_CT}}}Default")}
    for nama in parts:
        if nama != "[Content_Types].xml":
            ekstensi = posixpath.basename(nama).rsplit(".", 1)[-1].lower()
            assert nama in override or ekstensi in default, f"{nama}: tanpa jenis isi"
    assert override <= set(parts), f"Override untuk bagian yang tidak ada: {override - set(parts)}"
    for nama, isi in parts.items():
        if not nama.endswith(".rels"):
            continue
        folder = posixpath.dirname(posixpath.dirname(nama))
        for r in bk.xml(isi):
            if r.get("TargetMode") == "External":
                continue
            target = r.get("Target", "")
            lengkap = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join(folder, target))
            assert lengkap in parts, f"{nama}: {r.get('Id')} → {lengkap} tidak ada"
    # calcChain: absent with everything pointing to it, or every entry a formula cell
    rels_wb = bk.xml(parts["xl/_rels/workbook.xml.rels"])
    rantai = [r for r in rels_wb if r.get("Type") == CALC_CHAIN]
    if "xl/calcChain.xml" not in parts:
        assert not rantai and "xl/calcChain.xml" not in override
    else:
        per_id = {i: p for p, i in _lembar(parts).values()}
        i = ""
        for c in bk.xml(parts["xl/calcChain.xml"]):
            i = c.get("i", i)
            assert c.get("r", "") in _rumus(parts, per_id[i]), \
                f"calcChain menyebut {per_id[i]}!{c.get('r')}, yang tidak berumus"


@pytest.fixture
def diproses(contoh_xlsm: Path) -> Path:
    r = jalankan_cli("proses", str(contoh_xlsm))
    assert r.returncode == 1, r.stderr  # the Sinjai example holds galat by design
    return contoh_xlsm


def test_bolak_balik_excel(diproses: Path, tmp_path: Path) -> None:
    kode_awal = _kode_nama(_bagian(diproses))
    rantai = simpan_ala_excel(diproses)
    masukan = _bagian(diproses)
    simpanan = tmp_path / "simpanan_excel.xlsm"
    shutil.copyfile(diproses, simpanan)
    assert not galat_skema(simpanan)  # the premise: what "Excel" saved is valid
    periksa_paket(masukan)
    assert len(rantai) > 12

    r = jalankan_cli("proses", str(diproses))
    assert r.returncode == 1, r.stderr
    keluaran = _bagian(diproses)
    periksa_paket(keluaran)
    pastikan_sah(diproses)

    # calcChain: formulas were replaced (Validasi regenerated, Pagu Program computed),
    # so the chain is gone with its relationship and content type; Excel rebuilds it.
    assert "xl/calcChain.xml" not in keluaran
    # codeNames: every sheet keeps its VBA document module (no orphan modules)
    assert _kode_nama(keluaran) == kode_awal
    assert all(kode_awal[n] for n in bk.LEMBAR_HASIL)
    # The followers below the table lost their master (E2 now holds a value): each
    # holds the formula written out, translated to its row, as Excel would.
    lembar = _lembar(keluaran)
    akhir = _baris_akhir_tabel(keluaran, "tblProgram")
    rumus = _rumus(keluaran, lembar["Program"][0])
    assert [r for r in rumus if int(r[1:]) <= akhir] == []
    for n in range(akhir + 1, akhir + 4):
        f = rumus[f"E{n}"]
        assert f.text == RUMUS_PAGU.format(n=n) and "t" not in f.attrib and "si" not in f.attrib
    assert not [f for f in etree.fromstring(keluaran[lembar["Validasi"][0]]).iter(M + "f")]

    # Every part rkt-xl does not own is byte-identical (the owned ones: the sheets it
    # writes, the Beranda status line, and what removing calcChain touches).
    milik = {lembar[n][0] for n in ("Validasi", "Program", "Beranda")} | {
        "[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/calcChain.xml",
        "xl/workbook.xml"}
    berubah = {n for n in masukan if keluaran.get(n) != masukan[n]}
    assert berubah <= milik, berubah - milik
    # workbook.xml: only the print areas of the sheets rkt-xl generates (Validasi now
    # lists more findings) may differ
    assert _tanpa_area_cetak(keluaran) == _tanpa_area_cetak(masukan)
    assert set(keluaran) == set(masukan) - {"xl/calcChain.xml"}

    # and a third run changes nothing
    sebelum = diproses.read_bytes()
    assert jalankan_cli("proses", str(diproses)).returncode == 1
    assert diproses.read_bytes() == sebelum


def test_calc_chain_dipertahankan_bila_tidak_ada_rumus_diganti(diproses: Path) -> None:
    """A formula in a cell rkt-xl never writes (Identitas) keeps the chain as it is."""
    parts = _bagian(diproses)
    lembar = _lembar(parts)
    part_i, id_i = lembar["Identitas"]
    root = bk.xml(parts[part_i])
    bk.pasang_sel(root, bk.sel_mentah('<c r="D2"><f>1+1</f><v>2</v></c>'))
    parts[part_i] = bk.ke_bytes(root)
    _pasang_calc_chain(
        parts, f'<calcChain xmlns="{bk.NS}"><c r="D2" i="{id_i}"/></calcChain>'.encode())
    diproses.write_bytes(bk.tulis_zip(parts))

    assert jalankan_cli("proses", str(diproses)).returncode == 1
    keluaran = _bagian(diproses)
    assert keluaran["xl/calcChain.xml"] == parts["xl/calcChain.xml"]
    periksa_paket(keluaran)
    pastikan_sah(diproses)


def test_templat_sah() -> None:
    pastikan_sah(AKAR / "workbook" / "RKT_template.xlsm")


def test_buku_besar_sah(tmp_path: Path) -> None:
    """A big synthetic workbook (many rows per appendix, continued pages, grown tables
    are not needed) is valid once processed: the writers' output at scale."""
    path = buat(tmp_path / "besar.xlsm", 40, 25, 400)
    r = jalankan_cli("proses", str(path))
    assert r.returncode in (0, 1), r.stderr
    periksa_paket(_bagian(path))
    pastikan_sah(path)
