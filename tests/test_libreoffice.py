"""The template in headless LibreOffice: it opens, imports the VBA, and wires the buttons.

LibreOffice cannot run RunPython, but its VBA import is an independent reader of the
package: it must find the project, the modules, the form buttons on Beranda, and
resolve each button's ``[0]!Macro`` to a Sub in a module. A button whose macro does not
exist gets no script at all, and a script URL for a missing Sub does not resolve; the
negative controls check both, so a pass here means something.

One soffice session checks every document: a LibreOffice Basic macro, installed in a
throwaway user profile, loads each workbook and writes what it sees as JSON. Basic,
rather than Python-UNO, so nothing beyond LibreOffice itself is needed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from rkt_xl import skema
from rkt_xl.templat import TOMBOL_BERANDA, URUTAN_LEMBAR, bangun
from rkt_xl.templat import beranda as modul_beranda
from rkt_xl.templat.beranda import MAKRO_TOMBOL
from rkt_xl.templat.sumber import NAMA_MODUL_UDF, ada_modul_udf
from tests.conftest import soffice

pytestmark = pytest.mark.libreoffice

PUSTAKA_VBA = "VBAProject"
MAKRO_SALAH = "HitungTidakAda"
BATAS_WAKTU = 180


def url_skrip(makro: str) -> str:
    """How LibreOffice names a Sub of the imported VBA project."""
    return f"vnd.sun.star.script:{PUSTAKA_VBA}.{makro}?language=Basic&location=document"


# Loads every file of RKT_LO_BERKAS ("|"-separated), resolves RKT_LO_SKRIP URLs in each,
# writes JSON to RKT_LO_KELUAR and closes LibreOffice. Every step that can fail is
# caught: an unhandled Basic error would open a dialog nobody can close.
_BASIC = r'''Option Explicit

Function J(ByVal s As String) As String
    s = Replace(s, "\", "\\")
    s = Replace(s, """", "\""")
    s = Replace(s, Chr(13), "\r")
    s = Replace(s, Chr(10), "\n")
    s = Replace(s, Chr(9), "\t")
    J = """" & s & """"
End Function

Function Resolusi(oDok As Object, sUrl As String) As String
    On Error GoTo Gagal
    Dim oSkrip As Object
    oSkrip = oDok.getScriptProvider().getScript(sUrl)
    Resolusi = "{""url"":" & J(sUrl) & ",""ok"":true,""galat"":""""}"
    Exit Function
Gagal:
    Resolusi = "{""url"":" & J(sUrl) & ",""ok"":false,""galat"":" & J(Error$) & "}"
End Function

Function Pustaka(oDok As Object) As String
    Dim oLib As Object, sLib As Variant, sMod As Variant, s As String, m As String
    s = ""
    For Each sLib In oDok.BasicLibraries.getElementNames()
        oDok.BasicLibraries.loadLibrary(sLib)
        oLib = oDok.BasicLibraries.getByName(sLib)
        m = ""
        For Each sMod In oLib.getElementNames()
            If m <> "" Then m = m & ","
            m = m & J(sMod) & ":" & J(oLib.getByName(sMod))
        Next
        If s <> "" Then s = s & ","
        s = s & J(sLib) & ":{" & m & "}"
    Next
    Pustaka = "{" & s & "}"
End Function

Function Kontrol(oDok As Object) As String
    Dim i As Integer, f As Integer, k As Integer, e As Integer
    Dim oLembar As Object, oForm As Object, oKontrol As Object, aAcara As Variant
    Dim s As String, a As String, r As String, sLabel As String
    s = ""
    For i = 0 To oDok.Sheets.getCount() - 1
        oLembar = oDok.Sheets.getByIndex(i)
        For f = 0 To oLembar.DrawPage.Forms.getCount() - 1
            oForm = oLembar.DrawPage.Forms.getByIndex(f)
            For k = 0 To oForm.getCount() - 1
                oKontrol = oForm.getByIndex(k)
                sLabel = ""
                If oKontrol.getPropertySetInfo().hasPropertyByName("Label") Then
                    sLabel = oKontrol.Label
                End If
                aAcara = oForm.getScriptEvents(k)
                a = ""
                r = ""
                For e = LBound(aAcara) To UBound(aAcara)
                    If a <> "" Then
                        a = a & ","
                        r = r & ","
                    End If
                    a = a & "{""listener"":" & J(aAcara(e).ListenerType) & ",""metode"":" & _
                        J(aAcara(e).EventMethod) & ",""jenis"":" & J(aAcara(e).ScriptType) & _
                        ",""kode"":" & J(aAcara(e).ScriptCode) & "}"
                    r = r & Resolusi(oDok, aAcara(e).ScriptCode)
                Next
                If s <> "" Then s = s & ","
                s = s & "{""lembar"":" & J(oLembar.Name) & ",""nama"":" & J(oKontrol.Name) & _
                    ",""label"":" & J(sLabel) & ",""acara"":[" & a & "],""resolusi"":[" & r & "]}"
            Next
        Next
    Next
    Kontrol = "[" & s & "]"
End Function

Function Periksa(sBerkas As String, aSkrip As Variant) As String
    On Error GoTo Gagal
    Dim aArg(1) As New com.sun.star.beans.PropertyValue, oDok As Object
    Dim s As String, r As String, i As Integer, sLembar As String, n As Variant
    aArg(0).Name = "Hidden"
    aArg(0).Value = True
    aArg(1).Name = "MacroExecutionMode"
    aArg(1).Value = com.sun.star.document.MacroExecMode.ALWAYS_EXECUTE_NO_WARN
    oDok = StarDesktop.loadComponentFromURL(ConvertToURL(sBerkas), "_blank", 0, aArg())
    sLembar = ""
    For Each n In oDok.Sheets.getElementNames()
        If sLembar <> "" Then sLembar = sLembar & ","
        sLembar = sLembar & J(n)
    Next
    r = ""
    For i = LBound(aSkrip) To UBound(aSkrip)
        If aSkrip(i) <> "" Then
            If r <> "" Then r = r & ","
            r = r & Resolusi(oDok, aSkrip(i))
        End If
    Next
    s = "{""berkas"":" & J(sBerkas) & ",""dimuat"":true,""galat"":"""",""lembar"":[" & _
        sLembar & "],""pustaka"":" & Pustaka(oDok) & ",""kontrol"":" & Kontrol(oDok) & _
        ",""skrip"":[" & r & "]}"
    oDok.close(True)
    Periksa = s
    Exit Function
Gagal:
    Periksa = "{""berkas"":" & J(sBerkas) & ",""dimuat"":false,""galat"":" & _
        J(Error$ & " (baris " & Erl & ")") & "}"
End Function

Sub Tulis(sBerkas As String, sTeks As String)
    Dim oSfa As Object, oAliran As Object, oTeks As Object
    oSfa = createUnoService("com.sun.star.ucb.SimpleFileAccess")
    If oSfa.exists(ConvertToURL(sBerkas)) Then oSfa.kill(ConvertToURL(sBerkas))
    oAliran = oSfa.openFileWrite(ConvertToURL(sBerkas))
    oTeks = createUnoService("com.sun.star.io.TextOutputStream")
    oTeks.setOutputStream(oAliran)
    oTeks.setEncoding("UTF-8")
    oTeks.writeString(sTeks)
    oTeks.closeOutput()
End Sub

Sub Jalankan
    On Error GoTo Akhir
    Dim aBerkas As Variant, aSkrip As Variant, i As Integer, s As String
    aBerkas = Split(Environ("RKT_LO_BERKAS"), "|")
    aSkrip = Split(Environ("RKT_LO_SKRIP"), "|")
    s = ""
    For i = LBound(aBerkas) To UBound(aBerkas)
        If s <> "" Then s = s & ","
        s = s & Periksa(aBerkas(i), aSkrip)
    Next
    Tulis(Environ("RKT_LO_KELUAR"), "{""dokumen"":[" & s & "]}")
Akhir:
    StarDesktop.terminate()
End Sub
'''

_KEPALA_XML = '<?xml version="1.0" encoding="UTF-8"?>\n'
_XLB = (_KEPALA_XML
        + '<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN"'
        ' "library.dtd">\n<library:library xmlns:library="http://openoffice.org/2000/library"'
        ' library:name="Standard" library:readonly="false"'
        ' library:passwordprotected="false">\n <library:element library:name="RKTCek"/>\n'
        "</library:library>\n")
_XBA = (_KEPALA_XML
        + '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN"'
        ' "module.dtd">\n<script:module xmlns:script="http://openoffice.org/2000/script"'
        ' script:name="RKTCek" script:language="StarBasic">{kode}</script:module>\n')


def _jalankan(perintah: list[str], env: dict[str, str] | None = None) -> None:
    """soffice in its own process group, so a hang is killed whole (oosplash + soffice.bin)."""
    proses = subprocess.Popen(perintah, env=env, start_new_session=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _, galat = proses.communicate(timeout=BATAS_WAKTU)
    except subprocess.TimeoutExpired:
        os.killpg(proses.pid, signal.SIGKILL)
        proses.communicate()
        pytest.fail(f"soffice tidak selesai dalam {BATAS_WAKTU} detik: {' '.join(perintah)}")
    assert proses.returncode == 0, galat


def periksa_di_libreoffice(folder: Path, berkas: list[Path], skrip: list[str]) -> list[Any]:
    program = soffice()
    assert program is not None
    profil = folder / "profil"
    awal = [program, "--headless", "--norestore", "--nologo", "--nolockcheck",
            f"-env:UserInstallation={profil.as_uri()}"]
    # A first start lays out the profile; the macro library goes into it afterwards
    # (a profile LibreOffice has not made itself is reset on start).
    _jalankan([*awal, "--terminate_after_init"])
    standar = profil / "user" / "basic" / "Standard"
    (standar / "script.xlb").write_text(_XLB, encoding="utf-8")
    (standar / "RKTCek.xba").write_text(_XBA.format(kode=escape(_BASIC)), encoding="utf-8")
    keluar = folder / "hasil.json"
    env = dict(os.environ, RKT_LO_BERKAS="|".join(str(b) for b in berkas),
               RKT_LO_SKRIP="|".join(skrip), RKT_LO_KELUAR=str(keluar))
    _jalankan([*awal, "macro:///Standard.RKTCek.Jalankan"], env)
    assert keluar.exists(), "makro pemeriksa LibreOffice tidak menulis hasil"
    dokumen: list[Any] = json.loads(keluar.read_text(encoding="utf-8"))["dokumen"]
    return dokumen


RIBBON = ("RKT.RibbonValidasi", "RKT.RibbonHitung", "RKT.RibbonBuatLampiran", "RKT.RibbonProses")
SKRIP = [url_skrip(m) for m in ("RKT.Proses", *RIBBON, "RKT.TidakAda", "Hitung")]


@pytest.fixture(scope="module")
def hasil(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    folder = tmp_path_factory.mktemp("libreoffice")
    templat = folder / "RKT_template.xlsm"
    bangun(templat)
    # Negative control: the same workbook with one button pointing at a Sub that
    # does not exist.
    salah = folder / "tombol_salah.xlsm"
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(modul_beranda.MAKRO_TOMBOL, "Hitung", MAKRO_SALAH)
        bangun(salah)
    dokumen = periksa_di_libreoffice(folder, [templat, salah], SKRIP)
    return {Path(d["berkas"]).stem: d for d in dokumen}


@pytest.fixture(scope="module")
def templat(hasil: dict[str, dict[str, Any]]) -> dict[str, Any]:
    dokumen = hasil["RKT_template"]
    assert dokumen["dimuat"], dokumen["galat"]
    return dokumen


def _tombol(dokumen: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {k["label"]: k for k in dokumen["kontrol"] if k["lembar"] == skema.BERANDA}


def test_templat_dibuka(templat: dict[str, Any]) -> None:
    assert templat["lembar"] == list(URUTAN_LEMBAR)


def test_modul_vba_diimpor(templat: dict[str, Any]) -> None:
    modul = templat["pustaka"][PUSTAKA_VBA]
    harapan = {"RKT", "xlwings", "Dictionary", "ThisWorkbook",
               *(f"Sheet{n}" for n in range(1, len(URUTAN_LEMBAR) + 1))}
    if ada_modul_udf():
        harapan.add(NAMA_MODUL_UDF)
    assert set(modul) == harapan
    for sub in ("Validasi", "Hitung", "BuatLampiran", "Proses", "RibbonHitung"):
        assert f"Sub {sub}(" in modul["RKT"]
    assert "Function RunPython(" in modul["xlwings"]


def test_tombol_beranda_dan_makronya(templat: dict[str, Any]) -> None:
    tombol = _tombol(templat)
    assert list(tombol) == [judul for _, judul in TOMBOL_BERANDA]
    assert [k for k in templat["kontrol"] if k["lembar"] != skema.BERANDA] == []
    for judul, kontrol in tombol.items():
        [acara] = kontrol["acara"]
        assert (acara["listener"], acara["metode"], acara["jenis"]) == (
            "XActionListener", "actionPerformed", "Script")
        assert acara["kode"] == url_skrip(f"RKT.{MAKRO_TOMBOL[judul]}")
        assert [r["ok"] for r in kontrol["resolusi"]] == [True], kontrol["resolusi"]


def test_sub_pita_ditemukan(templat: dict[str, Any]) -> None:
    ok = {r["url"]: r for r in templat["skrip"]}
    for makro in ("RKT.Proses", *RIBBON):
        assert ok[url_skrip(makro)]["ok"], ok[url_skrip(makro)]["galat"]


def test_kontrol_negatif_skrip_tidak_ada(templat: dict[str, Any]) -> None:
    ok = {r["url"]: r for r in templat["skrip"]}
    for salah in ("RKT.TidakAda", "Hitung"):  # a missing Sub; a name without its module
        assert not ok[url_skrip(salah)]["ok"]
        assert "could not be found" in ok[url_skrip(salah)]["galat"]


def test_kontrol_negatif_tombol_dengan_makro_salah(hasil: dict[str, dict[str, Any]]) -> None:
    dokumen = hasil["tombol_salah"]
    assert dokumen["dimuat"], dokumen["galat"]
    tombol = _tombol(dokumen)
    assert list(tombol) == [judul for _, judul in TOMBOL_BERANDA]
    # The wrong macro resolves to nothing: no script that could run …
    assert not any(r["ok"] for r in tombol["Hitung"]["resolusi"])
    # … while the other buttons of the same workbook still resolve.
    for judul in ("Validasi", "Buat Lampiran"):
        assert [r["ok"] for r in tombol[judul]["resolusi"]] == [True]
