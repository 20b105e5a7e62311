"""Print the four appendix sheets of a workbook to one PDF with headless LibreOffice.

The user's file is never touched: LibreOffice works on a temporary copy in which
every sheet except Tabel 2.4, Tabel 2.5, Lampiran I and Lampiran II is hidden
(LibreOffice does not print hidden sheets), and it never saves anything (its save
drops parts of an .xlsm).

Numbers must print the Indonesian way (516.257.850 and 102,38). The sheets carry
locale-neutral number formats (``#,##0``, ``0.00``), which LibreOffice shows with
the separators of its locale, so each run uses a private LibreOffice profile whose
locale is ``id-ID``. A private profile also lets several conversions run at once.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from rkt_xl import skema
from rkt_xl.bulat import bulat
from rkt_xl.engine.file.paket import M, Paket
from rkt_xl.galat import GalatBerkas

__all__ = ["BATAS_WAKTU", "cari_soffice", "ke_pdf"]

BATAS_WAKTU = 120  # seconds for one conversion
LOKAL = "id-ID"
PESAN_TANPA_LO = ("LibreOffice tidak ditemukan; pasang dengan: "
                  "apt-get install libreoffice-calc-nogui")

_PROFIL = f"""<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N">
 <prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>{LOKAL}</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc">
 <prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def cari_soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    for nama in ("soffice", "libreoffice"):
        path = shutil.which(nama)
        if path:
            return path
    for path in ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice",
                 "/Applications/LibreOffice.app/Contents/MacOS/soffice",
                 r"C:\Program Files\LibreOffice\program\soffice.exe"):
        if Path(path).exists():
            return path
    return None


def ke_pdf(berkas: Path, folder: Path | None = None) -> Path:
    """Write ``<stem>.pdf`` (next to the workbook, or in ``folder``); return its path.

    Raises GalatBerkas (Indonesian message) when LibreOffice is missing, the workbook
    has none of the appendix sheets, or the conversion fails or times out.
    """
    berkas = Path(berkas)
    soffice = cari_soffice()
    if soffice is None:
        raise GalatBerkas(PESAN_TANPA_LO)
    tujuan_folder = Path(folder) if folder is not None else berkas.parent
    tujuan = tujuan_folder / f"{berkas.stem}.pdf"
    paket = Paket(berkas)  # checks the file and gives clear errors for bad ones
    with tempfile.TemporaryDirectory(prefix="rkt_xl_pdf_") as tmp:
        kerja = Path(tmp)
        salinan = kerja / "buku" / berkas.name
        salinan.parent.mkdir()
        salinan.write_bytes(_hanya_lampiran(paket))
        profil = _siapkan_profil(kerja / "profil")
        keluar = kerja / "keluar"
        keluar.mkdir()
        _jalankan(soffice, profil, salinan, keluar, berkas)
        hasil = keluar / f"{salinan.stem}.pdf"
        if not hasil.exists() or hasil.stat().st_size == 0:
            raise GalatBerkas(f"{berkas}: LibreOffice tidak menghasilkan PDF")
        tujuan_folder.mkdir(parents=True, exist_ok=True)
        sementara = tujuan.with_name(f".{tujuan.name}.tmp")
        shutil.copyfile(hasil, sementara)
        os.replace(sementara, tujuan)
    return tujuan


def _hanya_lampiran(paket: Paket) -> bytes:
    """The workbook's bytes with every sheet but the four appendices hidden."""
    wb = paket.xml(paket.part_workbook)
    sheets = wb.find(M + "sheets")
    assert sheets is not None  # Paket already refused a workbook without <sheets>
    tampil = [i for i, sh in enumerate(sheets) if sh.get("name") in skema.LEMBAR_LAMPIRAN]
    if not tampil:
        raise GalatBerkas(
            f"{paket.nama}: tidak ada lembar lampiran ({', '.join(skema.LEMBAR_LAMPIRAN)}); "
            "jalankan dulu: rkt-xl lampiran")
    for i, sh in enumerate(sheets):
        if i in tampil:
            if "state" in sh.attrib:
                del sh.attrib["state"]
        elif sh.get("state") != "veryHidden":
            sh.set("state", "hidden")
    # LibreOffice prints the print range of a hidden sheet all the same, so the print
    # names of every sheet not printed go (only in this copy).
    nama = wb.find(M + "definedNames")
    for dn in list(nama if nama is not None else []):
        lokal = dn.get("localSheetId")
        if (nama is not None and dn.get("name", "").startswith("_xlnm.Print_")
                and (n := bulat(lokal, 10)) is not None and n not in tampil):
            nama.remove(dn)
    # The active and first-shown tab must be a visible sheet, or the file is invalid.
    for view in wb.iter(M + "workbookView"):
        view.set("activeTab", str(tampil[0]))
        view.set("firstSheet", str(tampil[0]))
    parts = dict(paket.parts)
    parts[paket.part_workbook] = etree.tostring(wb, xml_declaration=True, encoding="UTF-8",
                                                standalone=True)
    for nama_lampiran in skema.LEMBAR_LAMPIRAN:
        lampiran = paket.cari_lembar(nama_lampiran)
        if lampiran is not None and lampiran.part in parts:
            parts[lampiran.part] = _jumlah_halaman_di_kaki(paket, lampiran.part)
    styles = paket.part_styles()
    if styles and styles in parts:
        parts[styles] = _ganti_huruf_baku(paket, styles)
    return _zip(parts, paket)


def _jumlah_halaman_di_kaki(paket: Paket, part: str) -> bytes:
    """The sheet with ``&N`` in its footer replaced by its own page count.

    LibreOffice's page-count field counts every page of the document (Tabel 2.4 page
    1 read "Halaman 1 dari 77"), while each appendix is numbered on its own (the
    sheet restarts at page 1: ``useFirstPageNumber``). The appendices place a manual
    break at the end of every page (rkt_xl/lampiran/halaman.py), so a sheet has one
    page more than it has breaks; tests/test_cetak.py checks that against the PDF.
    """
    st = paket.xml(part)
    putus = st.find(M + "rowBreaks")
    jumlah = 1 + (len(putus) if putus is not None else 0)
    ganti = False
    for kaki in st.iter(M + "oddFooter", M + "evenFooter", M + "firstFooter",
                        M + "oddHeader", M + "evenHeader", M + "firstHeader"):
        if kaki.text and "&N" in kaki.text:
            kaki.text = kaki.text.replace("&N", str(jumlah))
            ganti = True
    if not ganti:
        return paket.parts[part]
    return etree.tostring(st, xml_declaration=True, encoding="UTF-8", standalone=True)


# Column widths are counted in digits of the workbook's default font (Calibri 11): Excel
# draws a digit 7 px wide, and a width unit is that digit. LibreOffice takes the
# digit's exact width instead (7.44 px for Calibri or its twin Carlito, 7.41 px for
# the Liberation Sans 10 pt used before), so its pages came out at another scale than
# Excel's. The copy gets a default font whose digit is exactly Excel's: Liberation
# Sans (ships with LibreOffice) at 9.45 pt, 7.0 px (measured, docs/cetak.md). Cells
# name their own font (Arial), so only widths change.
_HURUF_BAKU = ("Calibri", "Carlito")
_HURUF_GANTI = "Liberation Sans"
_DIGIT_GANTI = 0.556  # width of "0" in Liberation Sans (em)
_DIGIT_CALIBRI = 0.507


def _ukuran_ganti(ukuran: float) -> float:
    """The Liberation Sans size whose digit is as wide as Excel draws Calibri's: a
    whole number of pixels at 96 dpi (7 px at 11 pt); LibreOffice keeps font sizes in
    twentieths of a point."""
    digit_px = max(round(_DIGIT_CALIBRI * ukuran * 96 / 72), 1)
    return round(digit_px * 0.75 / _DIGIT_GANTI * 20) / 20


def _ganti_huruf_baku(paket: Paket, part: str) -> bytes:
    st = paket.xml(part)
    font = st.find(f"{M}fonts/{M}font")
    nama = font.find(M + "name") if font is not None else None
    if font is None or nama is None or nama.get("val") not in _HURUF_BAKU:
        return paket.parts[part]
    nama.set("val", _HURUF_GANTI)
    sz = font.find(M + "sz")
    if sz is not None:
        try:
            ukuran = float(sz.get("val", "11"))
        except ValueError:
            ukuran = 11.0
        sz.set("val", f"{_ukuran_ganti(ukuran):g}")
    for skema_huruf in font.findall(M + "scheme"):
        font.remove(skema_huruf)  # else the theme's minor font (Calibri) wins again
    return etree.tostring(st, xml_declaration=True, encoding="UTF-8", standalone=True)


def _zip(parts: dict[str, bytes], paket: Paket) -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in paket.infos:
            if info.filename in parts:
                zf.writestr(info.filename, parts[info.filename])
    return buf.getvalue()


def _siapkan_profil(folder: Path) -> Path:
    user = folder / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(_PROFIL, encoding="utf-8")
    return folder


def _jalankan(soffice: str, profil: Path, salinan: Path, keluar: Path, asal: Path) -> None:
    perintah = [
        soffice, f"-env:UserInstallation={profil.resolve().as_uri()}",
        "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
        "--nolockcheck", "--convert-to", "pdf", "--outdir", str(keluar), str(salinan),
    ]
    env = dict(os.environ, HOME=str(profil), SAL_USE_VCLPLUGIN="svp")
    try:
        # Own session: on timeout the whole LibreOffice process group is stopped,
        # not only the launcher script.
        proses = subprocess.Popen(perintah, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  env=env, start_new_session=os.name == "posix")
    except OSError as e:
        raise GalatBerkas(f"LibreOffice tidak dapat dijalankan ({e.strerror}). "
                          f"{PESAN_TANPA_LO}") from e
    try:
        out, err = proses.communicate(timeout=BATAS_WAKTU)
    except subprocess.TimeoutExpired as e:
        _hentikan(proses)
        raise GalatBerkas(f"{asal}: konversi ke PDF tidak selesai dalam {BATAS_WAKTU} detik "
                          "(LibreOffice macet?)") from e
    if proses.returncode != 0:
        pesan = (err or out).decode("utf-8", "replace").strip().splitlines()
        akhir = pesan[-1] if pesan else f"kode keluar {proses.returncode}"
        raise GalatBerkas(f"{asal}: konversi ke PDF gagal: {akhir}")


def _hentikan(proses: subprocess.Popen[bytes]) -> None:
    try:
        if os.name == "posix":
            os.killpg(proses.pid, signal.SIGKILL)
        else:  # pragma: no cover
            proses.kill()
    except ProcessLookupError:  # pragma: no cover
        pass
    proses.communicate()
