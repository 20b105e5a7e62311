@echo off
rem =========================================================================
rem  Pemasang rkt_xl @VERSI@ untuk Windows 64-bit, TANPA internet.
rem
rem  Memasang rkt_xl dari folder "wheels" di samping berkas ini ke Python 3.13
rem  atau 3.12 (64-bit) milik pengguna, memeriksa hasilnya (rkt-xl --version),
rem  lalu membuat buku kerja RKT dengan "rkt-xl baru".
rem
rem  Pemakaian:  pasang.cmd [BERKAS.xlsm]
rem     BERKAS.xlsm   buku kerja yang dibuat; bawaan %USERPROFILE%\RKT\RKT.xlsm
rem                   (yang sudah ada tidak ditimpa)
rem  Untuk staf TI (variabel lingkungan):
rem     RKT_PYTHON=C:\...\python.exe   pakai Python ini, bukan hasil pencarian
rem     RKT_TANPA_JEDA=1               jangan menunggu tombol di akhir
rem  Kode keluar: 0 berhasil, 1 gagal (pesannya menjelaskan sebab dan jalan keluar).
rem
rem  Catatan penulisan: tanpa blok ( ... ) yang memuat jalur, karena tanda kurung
rem  di jalur seperti "C:\Program Files (x86)" memutus blok cmd; alurnya memakai
rem  goto dan call. Jalur selalu di dalam tanda kutip, juga pada echo (karakter &
rem  di jalur memutus perintah). Berkas ini ASCII dengan akhir baris CRLF.
rem =========================================================================
setlocal EnableExtensions DisableDelayedExpansion
set "VERSI=@VERSI@"
set "RODA=%~dp0wheels"
set "BERKAS=%~1"
if not defined BERKAS set "BERKAS=%USERPROFILE%\RKT\RKT.xlsm"
set "CATATAN=%TEMP%\rkt_xl_pasang.log"
set "SEMENTARA=%TEMP%\rkt_xl_pasang_%RANDOM%%RANDOM%.txt"
set "KODE=1"
set "PY="
set "FOLDER_SKRIP="

echo.
echo Pemasangan rkt_xl %VERSI% (tanpa internet)
echo ============================================
echo.

if not exist "%RODA%\rkt_xl-%VERSI%-py3-none-any.whl" goto :tanpa_roda

rem -- 1. Python 3.13 atau 3.12, 64-bit ------------------------------------
if defined RKT_PYTHON goto :python_pilihan
call :dari_peluncur 3.13
if not defined PY call :dari_peluncur 3.12
if not defined PY call :dari_path
if not defined PY goto :tanpa_python
goto :python_ada

:python_pilihan
call :periksa_python "%RKT_PYTHON%"
if not defined PY goto :python_pilihan_salah

:python_ada
echo [1/4] Python: "%PY%"
echo "%PY%" | find /i "WindowsApps" >nul
if not errorlevel 1 echo       Peringatan: ini Python dari Microsoft Store; tombol Excel lebih andal dengan Python dari python.org.

rem -- 2. Pasang dari folder wheels, tanpa internet ------------------------
echo [2/4] Memasang rkt_xl %VERSI% dari folder wheels...
"%PY%" -m pip --version >nul 2>&1
if not errorlevel 1 goto :pip_ada
echo       pip belum ada; memasangnya dari Python itu sendiri (ensurepip)...
"%PY%" -m ensurepip --default-pip >nul 2>&1
"%PY%" -m pip --version >nul 2>&1
if errorlevel 1 goto :tanpa_pip

:pip_ada
"%PY%" -m pip install --no-index --find-links "%RODA%" --disable-pip-version-check --no-warn-script-location "rkt_xl==%VERSI%" >"%CATATAN%" 2>&1
if errorlevel 1 goto :pip_gagal
echo       Terpasang. Catatan pip: "%CATATAN%"

rem -- 3. Periksa: rkt-xl --version -------------------------------------------
echo [3/4] Memeriksa: rkt-xl --version
"%PY%" -c "import os, sys, sysconfig; c = [sysconfig.get_path('scripts'), sysconfig.get_path('scripts', os.name + '_user')]; print(next(p for p in c if os.path.isfile(os.path.join(p, 'rkt-xl.exe'))))" >"%SEMENTARA%" 2>nul
if errorlevel 1 goto :skrip_tak_ada
set /p FOLDER_SKRIP=<"%SEMENTARA%"
if not defined FOLDER_SKRIP goto :skrip_tak_ada
"%FOLDER_SKRIP%\rkt-xl.exe" --version
if errorlevel 1 goto :periksa_gagal
where rkt-xl >nul 2>&1
if errorlevel 1 echo       Catatan: folder "%FOLDER_SKRIP%" belum ada di PATH; perintah rkt-xl dapat dijalankan sebagai "%PY%" -m rkt_xl
goto :buku_kerja

:skrip_tak_ada
echo       rkt-xl.exe tidak ditemukan; memeriksa lewat "%PY%" -m rkt_xl --version
"%PY%" -m rkt_xl --version
if errorlevel 1 goto :periksa_gagal

rem -- 4. Buku kerja RKT ---------------------------------------------------
:buku_kerja
echo [4/4] Buku kerja: "%BERKAS%"
if exist "%BERKAS%" goto :berkas_sudah_ada
"%PY%" -m rkt_xl baru "%BERKAS%"
if errorlevel 1 goto :baru_gagal
echo       Tombol Validasi / Hitung / Buat Lampiran di buku kerja ini memakai Python di atas.
goto :berhasil

:berkas_sudah_ada
echo       Sudah ada, TIDAK ditimpa. Buku kerja baru dibuat dengan:
echo       "%PY%" -m rkt_xl baru NAMA.xlsm

:berhasil
set "KODE=0"
echo.
echo BERHASIL. Buka buku kerja di atas di Excel, klik "Enable Content" bila diminta,
echo lalu tekan tombol Validasi di lembar Beranda. Panduan: Panduan_Pemasangan.html
goto :akhir

rem -- Kegagalan -------------------------------------------------------------
:tanpa_roda
echo GAGAL: wheel rkt_xl %VERSI% tidak ada di folder "%RODA%".
echo Ekstrak SELURUH isi berkas zip lebih dulu (klik kanan - Extract All), lalu
echo jalankan pasang.cmd dari folder hasil ekstrak, bukan dari dalam zip.
goto :akhir

:python_pilihan_salah
echo GAGAL: RKT_PYTHON="%RKT_PYTHON%" bukan Python 3.12 atau 3.13 64-bit yang dapat dijalankan.
goto :akhir

:tanpa_python
echo GAGAL: Python 3.13 atau 3.12 (64-bit) tidak ditemukan.
echo Pasang Python dari python.org: "Windows installer (64-bit)" versi 3.13 atau 3.12,
echo dengan pilihan "py launcher" tetap tercentang, lalu jalankan pasang.cmd lagi.
echo Lihat Panduan_Pemasangan.html, langkah 1.
goto :akhir

:tanpa_pip
echo GAGAL: pip tidak tersedia pada "%PY%" dan tidak dapat dipasang dengan ensurepip.
echo Pasang ulang Python dari python.org (pilihan "pip" tetap tercentang).
goto :akhir

:pip_gagal
echo GAGAL: pip tidak dapat memasang rkt_xl. Isi catatan pip "%CATATAN%":
echo.
type "%CATATAN%"
goto :akhir

:periksa_gagal
echo GAGAL: rkt_xl terpasang tetapi tidak dapat dijalankan (lihat pesan di atas).
goto :akhir

:baru_gagal
echo GAGAL: buku kerja tidak dapat dibuat di "%BERKAS%" (lihat pesan di atas).
echo Coba lokasi lain:  pasang.cmd "D:\RKT\RKT.xlsm"
goto :akhir

rem -- Selesai -------------------------------------------------------------
:akhir
if exist "%SEMENTARA%" del "%SEMENTARA%" >nul 2>&1
echo.
if defined RKT_TANPA_JEDA goto :keluar
echo Tekan sembarang tombol untuk menutup jendela ini.
pause >nul
:keluar
endlocal & exit /b %KODE%

rem -- Subrutin ----------------------------------------------------------------
rem :dari_peluncur VERSI - Python VERSI lewat peluncur py (py -3.13, py -3.12)
:dari_peluncur
where py >nul 2>&1
if errorlevel 1 goto :eof
py -%1 -c "import sys; print(sys.executable)" >"%SEMENTARA%" 2>nul
if errorlevel 1 goto :eof
call :dari_berkas_sementara
goto :eof

rem :dari_path - python pertama di PATH (bila peluncur py tidak dipasang)
:dari_path
where python >nul 2>&1
if errorlevel 1 goto :eof
python -c "import sys; print(sys.executable)" >"%SEMENTARA%" 2>nul
if errorlevel 1 goto :eof
call :dari_berkas_sementara
goto :eof

:dari_berkas_sementara
set "CALON="
set /p CALON=<"%SEMENTARA%"
if not defined CALON goto :eof
call :periksa_python "%CALON%"
goto :eof

rem :periksa_python PYTHON.EXE - PY diisi bila 3.12/3.13 dan 64-bit
:periksa_python
"%~1" -c "import struct, sys; sys.exit(0 if struct.calcsize('P') == 8 and sys.version_info[:2] in ((3, 12), (3, 13)) else 3)" >nul 2>&1
if errorlevel 1 goto :eof
set "PY=%~1"
goto :eof
