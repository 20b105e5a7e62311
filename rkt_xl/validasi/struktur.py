"""Is this an RKT workbook at all: tables, columns, merged cells, error values."""

from __future__ import annotations

from collections.abc import Iterator

from rkt_xl import skema
from rkt_xl.hitung import HasilHitung
from rkt_xl.kutip import kutip
from rkt_xl.model import RKT, BagianRusak, GalatExcel, RumusTanpaNilai
from rkt_xl.temuan import Temuan, Tingkat
from rkt_xl.validasi.registri import daftarkan, pemeriksa, temuan

STRUKTUR = daftarkan(
    "struktur", Tingkat.GALAT,
    "Lembar, tabel, atau kolom yang diwajibkan tidak ada atau namanya diubah.",
    "Tabel tblKegiatan tidak memiliki kolom 'Pagu' (ditemukan: 'Pagu (Rp)').")
SEL_DIGABUNG = daftarkan(
    "sel-digabung", Tingkat.GALAT,
    "Ada sel yang digabung (merge) di dalam tabel input; nilainya hanya terbaca di sel "
    "pertama.",
    "Sel C3:C5 pada tabel tblSasaran digabung; pisahkan (Unmerge) dan isi tiap baris.")
DI_LUAR_TABEL = daftarkan(
    "baris-di-luar-tabel", Tingkat.INFO,
    "Baris yang diketik tepat di bawah tabel (belum masuk rentang tabel) ikut dibaca.",
    "Baris 33–35 di bawah tabel tblKegiatan ikut dibaca; perluas tabelnya agar Excel "
    "mengenalinya.")
JUMLAH_PENGGUNA = daftarkan(
    "baris-jumlah-pengguna", Tingkat.INFO,
    "Baris jumlah buatan pengguna (teks Jumlah/Total/Sub Total, atau baris berumus tepat "
    "di bawah tabel) tidak dibaca sebagai data dan tidak pernah ditulis.",
    "Baris 13 (Jumlah) di bawah tabel tblProgram adalah baris jumlah buatan pengguna; "
    "tidak dibaca sebagai program.")
DATA_DI_LUAR = daftarkan(
    "data-di-luar-tabel", Tingkat.PERINGATAN,
    "Ada isian di kolom tabel, terpisah baris kosong di bawah tabel (sampai 50 baris): "
    "tidak dibaca.",
    "Sel A35:G36 di bawah tabel tblKegiatan (terpisah baris kosong) tidak dibaca; "
    "pindahkan ke dalam tabel.")
TANPA_NILAI = daftarkan(
    "rumus-tanpa-nilai", Tingkat.GALAT,
    "Sel berisi rumus yang belum pernah dihitung (berkas ditulis skrip, belum dibuka lalu "
    "disimpan di Excel/LibreOffice): nilainya belum ada.",
    "Sel G5 berisi rumus '=E5*12' yang belum dihitung; buka berkas di Excel atau LibreOffice, "
    "simpan, lalu ulangi.")
GAYA_HILANG = daftarkan(
    "gaya-tidak-ada", Tingkat.PERINGATAN,
    "Lembar tersembunyi _Gaya (contoh format lampiran) tidak ada: lampiran dibuat tanpa "
    "format (tanpa garis tabel, huruf tebal, dan format angka).",
    "Lembar _Gaya tidak ada; lampiran dibuat tanpa format. Salin lembar _Gaya dari "
    "templat baru.")
BAGIAN_RUSAK = daftarkan(
    "bagian-rusak", Tingkat.PERINGATAN,
    "Ada bagian berkas (XML) yang rusak; rkt-xl menyalinnya apa adanya, tetapi Excel "
    "mungkin menolak membuka berkas atau memperbaikinya. Kerusakan yang hilang bila "
    "lembarnya ditulis ulang (namespace Strict, baris tanpa nomor) diperbaiki oleh "
    "proses; lembar lampiran dan Validasi yang rusak diganti utuh.",
    "Bagian xl/comments1.xml di dalam berkas rusak (XML tidak sah).")
RUMUS_GALAT = daftarkan(
    "rumus-galat", Tingkat.GALAT,
    "Sel input berisi nilai galat rumus (#DIV/0!, #REF!, #N/A…).",
    "Sel G4 berisi galat rumus #DIV/0!; perbaiki rumusnya atau ketik nilainya.")


@pemeriksa
def periksa_struktur(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    for t in skema.TABEL:
        tabel = rkt.tabel.get(t.nama)
        if tabel is None:
            yield temuan(STRUKTUR, t.lembar, "",
                         f"Tabel {t.nama} tidak ditemukan (seharusnya di lembar "
                         f"'{t.lembar}', kolom: {', '.join(t.kolom)}).",
                         "Salin lembar dari templat baru (rkt-xl baru) atau kembalikan nama "
                         "tabel lewat Table Design → Table Name.")
            continue
        hilang = [k for k in t.kolom if k not in tabel.header]
        asing = [k for k in tabel.header if k not in t.kolom]
        for k in hilang:
            petunjuk = f" (kolom tak dikenal yang ada: {', '.join(repr(a) for a in asing)})" \
                if asing else ""
            yield temuan(STRUKTUR, tabel.lembar, tabel.ref.split(":")[0],
                         f"Tabel {t.nama} tidak memiliki kolom '{k}'{petunjuk}.",
                         f"Kembalikan judul kolom menjadi persis '{k}'.")


@pemeriksa
def periksa_gabungan(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    for tabel in rkt.tabel.values():
        for ref in tabel.gabungan:
            yield temuan(SEL_DIGABUNG, tabel.lembar, ref.split(":")[0],
                         f"Sel {ref} di dalam tabel {tabel.nama} digabung (merge); hanya sel "
                         "pertamanya yang terbaca.",
                         "Pisahkan sel (Unmerge) dan isi nilai di setiap baris.")


@pemeriksa
def periksa_di_luar_tabel(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    for tabel in rkt.tabel.values():
        if tabel.diperluas and tabel.baris:
            akhir = tabel.baris[-1].nomor
            awal = akhir - tabel.diperluas + 1
            rentang = f"{awal}" if awal == akhir else f"{awal}–{akhir}"
            yield temuan(DI_LUAR_TABEL, tabel.lembar, f"A{awal}",
                         f"Baris {rentang} di bawah tabel {tabel.nama} (rentang {tabel.ref}) "
                         "ikut dibaca sebagai bagian tabel.",
                         "Perluas tabelnya: klik di dalam tabel → Table Design → Resize Table "
                         "(atau seret sudut kanan bawah tabel).")


@pemeriksa
def periksa_jumlah_pengguna(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    for tabel in rkt.tabel.values():
        for r in tabel.baris_jumlah:
            yield temuan(JUMLAH_PENGGUNA, tabel.lembar, f"A{r}",
                         f"Baris {r} pada tabel {tabel.nama} adalah baris jumlah buatan "
                         "pengguna: tidak dibaca sebagai data dan tidak diubah.",
                         "Tidak perlu diubah. Lampiran menghitung jumlahnya sendiri.")


@pemeriksa
def periksa_data_di_luar(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    for tabel in rkt.tabel.values():
        if tabel.di_luar:
            yield temuan(DATA_DI_LUAR, tabel.lembar, tabel.di_luar.split(":")[0],
                         f"Sel {tabel.di_luar} di bawah tabel {tabel.nama}, terpisah baris "
                         "kosong dari tabel, tidak dibaca: isinya tidak masuk perhitungan "
                         "mana pun.",
                         "Jika itu data, hapus baris kosong di antaranya atau pindahkan ke "
                         "dalam tabel (Table Design → Resize Table); jika bukan, abaikan.")


@pemeriksa
def periksa_rumus_galat(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    for tabel in rkt.tabel.values():
        for b in tabel.baris:
            for kolom, sel in b.sel.items():
                if isinstance(sel.mentah, GalatExcel):
                    yield temuan(RUMUS_GALAT, sel.lembar, sel.alamat,
                                 f"Kolom '{kolom}' berisi galat rumus {sel.mentah.kode}.",
                                 "Perbaiki rumusnya atau ketik nilainya langsung.")
                elif isinstance(sel.mentah, RumusTanpaNilai):
                    # quoted: the formula is the user's text, not part of the sentence
                    rumus = f" {kutip('=' + sel.mentah.rumus)}" if sel.mentah.rumus else ""
                    yield temuan(TANPA_NILAI, sel.lembar, sel.alamat,
                                 f"Kolom '{kolom}' berisi rumus{rumus} yang belum pernah "
                                 "dihitung (berkas ditulis oleh skrip dan belum dibuka di "
                                 "program lembar kerja): nilainya belum ada.",
                                 "Buka berkas di Excel atau LibreOffice, simpan, lalu ulangi; "
                                 "atau ketik nilainya langsung.")


@pemeriksa
def periksa_gaya(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    if not rkt.ada_gaya:
        yield temuan(GAYA_HILANG, skema.GAYA, "",
                     f"Lembar {skema.GAYA} (contoh format lampiran) tidak ada: lampiran dibuat "
                     "tanpa format, tanpa garis tabel, huruf tebal, dan format angka.",
                     f"Salin lembar {skema.GAYA} dari templat baru (rkt-xl baru BARU.xlsm, "
                     "lalu di Excel: klik kanan tab → Unhide → _Gaya → Move or Copy ke buku "
                     "kerja ini).")


@pemeriksa
def periksa_bagian_rusak(rkt: RKT, hasil: HasilHitung) -> Iterator[Temuan]:
    for x in rkt.bagian_rusak:
        yield temuan(BAGIAN_RUSAK, x.lembar or "", "", pesan_bagian_rusak(x),
                     "Buka berkas di Excel (File → Open → Open and Repair) dan simpan, atau "
                     "pakai salinan cadangannya.")


def pesan_bagian_rusak(x: BagianRusak) -> str:
    """The finding's message: also how a run finds the finding of a part it repaired."""
    if x.pulih_bila_ditulis:
        return (f"Bagian {x.part} di dalam berkas rusak ({x.alasan}); rkt-xl proses "
                "menuliskannya kembali dengan benar.")
    return (f"Bagian {x.part} di dalam berkas rusak ({x.alasan}); rkt-xl menyalinnya apa "
            "adanya, tetapi Excel mungkin menolak membuka berkas ini.")
