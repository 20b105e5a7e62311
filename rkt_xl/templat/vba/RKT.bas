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

' Dipanggil Python (rkt_xl.engine.xlwings) saat Buat Lampiran: sel gabungan, tinggi
' baris dan lebar kolom satu lembar lampiran dalam SATU panggilan, bukan satu panggilan
' per sel gabungan atau per baris (ribuan pada RKT besar, masing-masing perjalanan
' bolak-balik COM). Hanya angka yang dikirim: "b1 k1 b2 k2|..." untuk gabungan,
' "b1 b2 tinggi|..." dan "k1 k2 lebar|..." dengan titik desimal (Val selalu membaca
' titik, apa pun bahasa Windows); alamat sel dibentuk dengan Cells, bukan teks.
Public Sub RKT_TerapkanTata(NamaLembar As String, Gabung As String, Tinggi As String, _
                            Lebar As String)
    Dim ws As Worksheet, bagian() As String, angka() As String, i As Long
    Set ws = ThisWorkbook.Worksheets(NamaLembar)
    If Len(Lebar) > 0 Then
        bagian = Split(Lebar, "|")
        For i = LBound(bagian) To UBound(bagian)
            angka = Split(bagian(i), " ")
            ws.Range(ws.Columns(CLng(angka(0))), ws.Columns(CLng(angka(1)))).ColumnWidth = _
                Val(angka(2))
        Next i
    End If
    If Len(Tinggi) > 0 Then
        bagian = Split(Tinggi, "|")
        For i = LBound(bagian) To UBound(bagian)
            angka = Split(bagian(i), " ")
            ws.Range(ws.Rows(CLng(angka(0))), ws.Rows(CLng(angka(1)))).RowHeight = _
                Val(angka(2))
        Next i
    End If
    If Len(Gabung) > 0 Then
        bagian = Split(Gabung, "|")
        For i = LBound(bagian) To UBound(bagian)
            angka = Split(bagian(i), " ")
            ws.Range(ws.Cells(CLng(angka(0)), CLng(angka(1))), _
                     ws.Cells(CLng(angka(2)), CLng(angka(3)))).Merge
        Next i
    End If
End Sub
