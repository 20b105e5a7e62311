Attribute VB_Name = "RKT"
' Makro RKT: tombol di lembar Beranda dan tab pita (ribbon) "RKT".
'
' Setiap makro hanya memanggil Python lewat xlwings (RunPython, modul xlwings di
' proyek ini). Semua logika ada di paket rkt_xl (rkt_xl/excel.py), sehingga tombol
' Excel dan perintah `rkt-xl proses` menjalankan kode yang sama persis.
'
' Berkas ini dibaca saat templat dibangun (python -m rkt_xl.templat): ubah di sini,
' bukan di editor VBA, supaya perubahan tidak hilang pada pembangunan berikutnya.
' Interpreter Python diatur di lembar xlwings.conf.
Option Explicit

' Periksa isian; daftar masalah ditulis ke lembar Validasi.
Public Sub Validasi()
    RunPython "import rkt_xl.excel as m; m.validasi()"
End Sub

' Isi kolom hitungan (Capaian, Kategori, Pagu Program).
Public Sub Hitung()
    RunPython "import rkt_xl.excel as m; m.hitung()"
End Sub

' Susun Tabel 2.4, Tabel 2.5, Lampiran I dan Lampiran II dari tabel masukan.
Public Sub BuatLampiran()
    RunPython "import rkt_xl.excel as m; m.lampiran()"
End Sub

' Validasi, Hitung dan Buat Lampiran sekaligus.
Public Sub Proses()
    RunPython "import rkt_xl.excel as m; m.proses()"
End Sub

' Callback tombol tab pita "RKT" (customUI/customUI14.xml). Excel mengirim kontrol
' yang ditekan; tanda tangan ini wajib persis agar Excel menemukan callback-nya.
Public Sub RibbonValidasi(control As IRibbonControl)
    Validasi
End Sub

Public Sub RibbonHitung(control As IRibbonControl)
    Hitung
End Sub

Public Sub RibbonBuatLampiran(control As IRibbonControl)
    BuatLampiran
End Sub

Public Sub RibbonProses(control As IRibbonControl)
    Proses
End Sub
