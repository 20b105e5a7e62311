"""Inputs of the fuzzer: one workbook per (level, seed, index), always the same bytes.

Every input starts from a real workbook: the clean data set of the corpus
(``buat_korpus.bersih``), the Sinjai 2018 example as typed (``contoh``) or the same
example after ``proses`` (``diproses``: generated sheets filled, computed cells
written). It is then broken at one of three levels; ``Masukan.uraian`` says how, in
words, and ``Masukan.teks`` lists the text the generator put in (messages may quote a
user's text back, so the language check masks exactly these).

The random generator is ``random.Random`` seeded with a string: its sequence is fixed
across runs, machines and PYTHONHASHSEED. Nothing here iterates over a set.
"""

from __future__ import annotations

import functools
import random
import re
import struct
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from lxml import etree

from rkt_xl import skema
from rkt_xl.alamat import angka_ke_kolom, pecah_alamat, rentang
from rkt_xl.templat import kunci_data
from tests.korpus import buat_korpus as bk
from tests.korpus.buat_korpus import NS, NS_CT, NS_R, M

LEVEL = ("zip", "xml", "sel")
T = TypeVar("T")

NS_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
NS_R_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
REL_WORKSHEET = f"{NS_R}/worksheet"
CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
LEMBAR_MASUKAN = tuple(t.lembar for t in skema.TABEL)


@dataclass
class Masukan:
    """One generated input."""

    level: str
    seed: int
    indeks: int
    data: bytes = b""
    uraian: list[str] = field(default_factory=list)  # what was done, in English
    teks: list[str] = field(default_factory=list)  # text put into the workbook

    @property
    def kunci(self) -> str:
        """``level:seed:index``, as ``python -m tests.fuzz --satu`` takes it."""
        return f"{self.level}:{self.seed}:{self.indeks}"

    @property
    def nama_berkas(self) -> str:
        return f"fuzz-{self.level}-{self.seed}-{self.indeks}.xlsm"


class Alat:
    """What a mutation works with: the seeded random generator and the record."""

    def __init__(self, masukan: Masukan) -> None:
        self.m = masukan
        self.rng = random.Random(f"rkt-xl-fuzz:{masukan.level}:{masukan.seed}:{masukan.indeks}")
        # Numbers past what Excel holds or rkt_xl formats (1e28, 1e309, NaN…) in about a
        # third of the inputs only: where every input holds one, a single defect that
        # stops the run early would hide everything behind it.
        self.ekstrem = self.rng.random() < 0.35

    def catat(self, teks: str) -> None:
        self.m.uraian.append(teks)

    def teks(self, t: str) -> str:
        """Record a text put into the workbook; returns it."""
        self.m.teks.append(t)
        return t

    def pilih(self, pilihan: Sequence[T]) -> T:
        return pilihan[self.rng.randrange(len(pilihan))]

    def peluang(self, p: float) -> bool:
        return self.rng.random() < p


# -- base workbooks ------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def diproses() -> bytes:
    """The example after ``proses`` (in-process; the same bytes every time)."""
    from rkt_xl.operasi import proses_satu

    with tempfile.TemporaryDirectory(prefix="fuzz-basis-") as tmp:
        path = Path(tmp) / "contoh.xlsm"
        path.write_bytes(bk.contoh())
        hasil = proses_satu(str(path), "proses")
        if hasil.galat:
            raise RuntimeError(f"basis fuzz: {hasil.galat}")
        return path.read_bytes()


BASIS: dict[str, Callable[[], bytes]] = {
    "bersih": bk.bersih, "contoh": bk.contoh, "diproses": diproses}


def _basis(a: Alat) -> bytes:
    nama = a.pilih(tuple(BASIS))
    a.catat(f"base: {nama}")
    return BASIS[nama]()


# -- random values -------------------------------------------------------------------------

KATA = ("program", "kegiatan", "peningkatan", "pelayanan", "masyarakat", "koperasi", "usaha",
        "kecil", "menengah", "tenaga", "kerja", "pembangunan", "jalan", "desa", "Sinjai",
        "Dinas", "penyediaan", "jasa", "surat", "pelatihan", "jumlah", "persentase", "unit",
        "orang", "bulan", "dokumen", "kabupaten", "pemerintah", "daerah", "kualitas")
_ABJAD_LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-/()%:;"
_POTONGAN = {
    "aksen": tuple("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿŁłŒœŠšŸŽžİı"),
    "arab": tuple("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ٠١٢٣٤٥٦٧٨٩"),
    "cina": tuple("合作社与中小企业发展计划人民政府县"),
    "emoji": ("👩\u200d💻", "🚀", "✓", "🇮🇩", "👍🏽", "𝔘"),
    "spasi": (" ", "\u00a0", "\t", "\n", "\r\n", "\u2028", "\u3000", "\u200b"),
    "format": ("\u200e", "\u202e", "\ufeff", "\u00ad", "e\u0301", "\u0300"),
    "xml": ("<", ">", "&", '"', "'", "]]>", "_x0041_", "_x000D_", "&amp;", "<![CDATA[x]]>"),
    "rumus": ("=1+1", "+62 811", "-x", "@SUM(1)", "=cmd|' /C calc'!A0", "'0012"),
}
# Characters XML 1.0 cannot carry: only the template builder can write them (it
# escapes them as _xHHHH_, as Excel does); cells made with lxml never hold them.
_KONTROL = ("\x01", "\x07", "\x0b", "\x1f", "\x7f")


def teks_acak(a: Alat, panjang_maks: int = 60, kontrol: bool = False) -> str:
    """Random text: Indonesian words mixed with other scripts, odd spaces, format and
    markup characters."""
    bagian: list[str] = []
    n = a.rng.randint(0, panjang_maks)
    while sum(map(len, bagian)) < n:
        jenis = a.rng.random()
        if jenis < 0.45:
            bagian.append(a.pilih(KATA))
        elif jenis < 0.6:
            bagian.append(" ")
        elif jenis < 0.75:
            bagian.append("".join(a.pilih(_ABJAD_LATIN) for _ in range(a.rng.randint(1, 6))))
        elif kontrol and jenis < 0.78:
            bagian.append(a.pilih(_KONTROL))
        else:
            bagian.append(a.pilih(_POTONGAN[a.pilih(tuple(_POTONGAN))]))
    return "".join(bagian)


def teks_panjang(a: Alat) -> str:
    """A long unbroken text (no space to wrap at), up to Excel's 32.767 characters."""
    n = a.pilih((500, 2000, 4000, 8000, 8000, 16000, bk.PANJANG_MAKS))
    pola = a.pilih(("x", "ab", "Pembangunan", "合作", "٣"))
    return (pola * (n // len(pola) + 1))[:n]


# Numbers as users and other programs write them: Indonesian and English separators,
# currency, percent, scientific, other digit scripts, and what Python would accept
# but a person would not mean (nan, inf, 1_000, 0x1F).
_NOTASI = (
    "1.234.567,89", "1,234,567.89", "1,5", "1.5", "84,03", "1.08", "1e5", "-1.5E-7", "+3",
    "(100)", "1 000", "1\u00a0000", "Rp 1.000", "Rp.1.000,-", "12%", "12 %", "½", "١٢٣", "１２３",
    "0x1F", "1_000", "∞", "0." + "0" * 30 + "1", ".5", "5.", "-0", "00012", "1..2", "1,2,3",
    "12ulan", " 7 ", "\t7\n", "7\u200b", "2018", "25.4500.000", "519.857.85000", "1, 08 %",
    "−5", "1٫5", "3/4",
)
_NOTASI_EKSTREM = ("1E+28", "1E+30", "NaN", "nan", "inf", "-inf", "Infinity", "1e309", "-1e309",
                   "9" * 25, "1e-400", "1E+999999999", "1.000.000.000.000.000.000.000.000.000")


def angka_teks(a: Alat) -> str:
    if a.ekstrem and a.peluang(0.3):
        return str(a.pilih(_NOTASI_EKSTREM))
    if a.peluang(0.7):
        return str(a.pilih(_NOTASI))
    n = a.rng.randint(0, 10**a.rng.randint(1, 20))
    return a.pilih((f"{n:,}", f"{n:,}".replace(",", "."), str(n), f"{n / 7:.3f}",
                    f"{n / 7:.3f}".replace(".", ",")))


def angka_nilai(a: Alat) -> int | float:
    """A number a cell can hold (what the template builder accepts: finite, integers
    within 2**53)."""
    jenis = a.rng.random()
    if a.ekstrem and jenis < 0.3:
        if a.peluang(0.5):
            return float(a.pilih((1e28, 1e30, 1e300, 1.7976931348623157e308, 5e-324, -1e28)))
        return a.pilih((1, -1)) * 10 ** a.rng.uniform(-300, 308)
    if jenis < 0.45:
        return a.rng.randint(0, 10**a.rng.randint(0, 12))
    if jenis < 0.75:
        return round(a.rng.uniform(0, 150), a.rng.randint(0, 4))
    if jenis < 0.9:
        return float(a.pilih((-0.0, 0.1 + 0.2, 1e15, 123456789.123456789, 2.0**53, -7.5, 1e-7,
                              9007199254740993.0, 1e27)))
    return -a.rng.randint(0, 10**a.rng.randint(0, 9))


# What a <v> can hold in a file: anything, including what no Excel writes.
_V_ANEH = ("  12 ", "0x10", "1,5", "", " ", "-0", "+5", "1_0", "١٢", "12abc", "1e", "E5", ".",
           "-", "1.2.3", "1E+2", "0001", "1.50000000000000000001")
_V_EKSTREM = ("1e309", "-1e309", "1E+999999999", "-1E+999999999", "1E-999999999", "NaN", "nan",
              "INF", "-inf", "Infinity", "1E-400", "1e28", "123456789012345678901234567890",
              "9.999999999999999e307", "1.7976931348623157E+308", "0.1e-5000")
GALAT_EXCEL = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!",
               "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!",
               "#CONNECT!", "#BUSY!", "#PYTHON!", "#FOO", "")


def v_acak(a: Alat) -> str:
    if a.ekstrem and a.peluang(0.3):
        return str(a.pilih(_V_EKSTREM))
    if a.peluang(0.25):
        return str(a.pilih(_V_ANEH))
    x = angka_nilai(a)
    return a.pilih((repr(x), str(x), f"{x:.17g}", f"{x:E}"))


# -- zip structure -------------------------------------------------------------------------


@dataclass(frozen=True)
class Entri:
    """One zip entry as the bytes hold it (for patching headers in place)."""

    nama: bytes
    pusat: int  # offset of its central directory record
    lokal: int  # offset of its local header
    data: int  # offset of its compressed data
    ukuran: int  # compressed size


def entri_zip(data: bytes) -> list[Entri]:
    akhir = data.rfind(b"PK\x05\x06")
    jumlah = struct.unpack_from("<H", data, akhir + 10)[0]
    pos = struct.unpack_from("<I", data, akhir + 16)[0]
    hasil = []
    for _ in range(jumlah):
        ukuran = struct.unpack_from("<I", data, pos + 20)[0]
        n, m, k = struct.unpack_from("<HHH", data, pos + 28)
        lokal = struct.unpack_from("<I", data, pos + 42)[0]
        n2, m2 = struct.unpack_from("<HH", data, lokal + 26)
        hasil.append(Entri(data[pos + 46:pos + 46 + n], pos, lokal, lokal + 30 + n2 + m2,
                           ukuran))
        pos += 46 + n + m + k
    return hasil


def _tambal(data: bytearray, pos: int, fmt: str, nilai: int) -> None:
    struct.pack_into(fmt, data, pos, nilai)


def part_penting(parts: dict[str, bytes]) -> list[str]:
    """The parts rkt_xl reads: package and workbook parts, input sheets, tables."""
    hasil: list[str] = [p for p in ("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                         "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml")
             if p in parts]
    for lembar in LEMBAR_MASUKAN:
        part = bk.part_lembar(parts, lembar)
        hasil.append(part)
        rels = part.replace("worksheets/", "worksheets/_rels/") + ".rels"
        if rels in parts:
            hasil.append(rels)
    hasil.extend(p for p in parts if p.startswith("xl/tables/"))
    return hasil


def _pilih_part(a: Alat, parts: dict[str, bytes], penting: float = 0.6) -> str:
    if a.peluang(penting):
        return str(a.pilih(part_penting(parts)))
    return str(a.pilih(list(parts)))


def _entri_dipilih(a: Alat, data: bytes) -> Entri:
    parts = bk.baca_zip(data)
    nama = _pilih_part(a, parts).encode()
    return next(e for e in entri_zip(data) if e.nama == nama)


# -- level zip -----------------------------------------------------------------------------


def z_potong(a: Alat, data: bytes) -> bytes:
    entri = entri_zip(data)
    pusat = min(e.pusat for e in entri)
    cara = a.pilih(("anywhere", "central directory", "end record", "head"))
    n = {"anywhere": lambda: a.rng.randrange(1, len(data)),
         "central directory": lambda: a.rng.randrange(pusat, len(data)),
         "end record": lambda: len(data) - a.rng.randint(1, 22),
         "head": lambda: a.rng.randint(1, 600)}[cara]()
    a.catat(f"truncated to {n} of {len(data)} bytes ({cara})")
    return data[:n]


def z_balik(a: Alat, data: bytes) -> bytes:
    hasil = bytearray(data)
    entri = entri_zip(data)
    cara = a.pilih(("anywhere", "central directory", "local header", "compressed data"))
    if cara == "anywhere":
        awal, akhir = 0, len(data)
    elif cara == "central directory":
        awal, akhir = min(e.pusat for e in entri), len(data)
    else:
        e = _entri_dipilih(a, data)
        awal, akhir = (e.lokal, e.data) if cara == "local header" else \
            (e.data, e.data + max(e.ukuran, 1))
        cara += f" of {e.nama.decode()}"
    posisi = sorted(a.rng.randrange(awal, akhir) for _ in range(a.rng.randint(1, 8)))
    for p in posisi:
        hasil[p] ^= a.rng.randint(1, 255)
    a.catat(f"flipped bytes at {posisi} ({cara})")
    return bytes(hasil)


def z_hapus(a: Alat, data: bytes) -> bytes:
    parts = bk.baca_zip(data)
    nama = _pilih_part(a, parts)
    a.catat(f"dropped part {nama}")
    return bk.ubah_zip(data, {nama: None})


def z_ganda(a: Alat, data: bytes) -> bytes:
    parts = bk.baca_zip(data)
    nama = _pilih_part(a, parts)
    isi = a.pilih(("same", "empty", "other part", "truncated"))
    kedua = {"same": parts[nama], "empty": b"",
             "other part": parts[a.pilih(list(parts))],
             "truncated": parts[nama][:len(parts[nama]) // 2]}[isi]
    pasangan = list(parts.items())
    tempat = a.rng.randint(0, len(pasangan))
    pasangan.insert(tempat, (nama, kedua))
    a.catat(f"part {nama} twice in the zip (second copy: {isi}, at entry {tempat})")
    return bk.tulis_zip(pasangan)


def _nama_lain(a: Alat, nama: str) -> str:
    return str(a.pilih((nama.upper(), nama.lower(), nama.title(), "/" + nama, "./" + nama,
                        nama.replace("/", "\\"), nama + " ", nama + ".", nama + ".bak",
                        nama.replace("o", "\u043e"), nama.replace(".xml", ".XML"),
                        "x" + nama, nama.replace("xl/", "xl//"))))


def z_nama(a: Alat, data: bytes) -> bytes:
    parts = bk.baca_zip(data)
    nama = _pilih_part(a, parts)
    baru = _nama_lain(a, nama)
    a.teks(baru)
    a.catat(f"renamed part {nama} to {baru!r}")
    return bk.tulis_zip([(baru if n == nama else n, isi) for n, isi in parts.items()])


def _ubah_xml(parts: dict[str, bytes], part: str,
              fungsi: Callable[[etree._Element], None]) -> None:
    root = bk.xml(parts[part])
    fungsi(root)
    parts[part] = bk.ke_bytes(root)


def _rusak_teks(a: Alat, isi: bytes) -> tuple[bytes, str]:
    """A part's bytes broken as text: cut, a stray character, a wrong declaration."""
    cara = a.pilih(("cut", "stray byte", "missing >", "encoding UTF-16 declared",
                    "encoding bogus declared", "BOM added", "re-encoded UTF-16", "empty",
                    "latin-1 bytes", "NUL byte", "trailing garbage"))
    if cara == "cut":
        return isi[:a.rng.randrange(len(isi) or 1)], cara
    if cara == "stray byte":
        p = a.rng.randrange(len(isi) or 1)
        return isi[:p] + a.pilih((b"<", b">", b"&", b'"', b"\xff", b"]]>")) + isi[p:], cara
    if cara == "missing >":
        tempat = [m.start() for m in re.finditer(rb">", isi)]
        p = a.pilih(tempat) if tempat else 0
        return isi[:p] + isi[p + 1:], f"{cara} at {p}"
    if cara == "encoding UTF-16 declared":
        return isi.replace(b'encoding="UTF-8"', b'encoding="UTF-16"', 1), cara
    if cara == "encoding bogus declared":
        return isi.replace(b'encoding="UTF-8"', b'encoding="x-rkt-bogus"', 1), cara
    if cara == "BOM added":
        return b"\xef\xbb\xbf" + isi, cara
    if cara == "re-encoded UTF-16":
        return isi.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"', 1) \
            .encode("utf-16"), cara
    if cara == "empty":
        return b"", cara
    if cara == "latin-1 bytes":
        return isi.replace(b"a", b"\xe9", 3), cara
    if cara == "NUL byte":
        p = a.rng.randrange(len(isi) or 1)
        return isi[:p] + b"\x00" + isi[p:], cara
    return isi + a.pilih((b"<x>", b"\x00" * 10, b"garbage")), cara


def z_content_types(a: Alat, data: bytes) -> bytes:
    parts = bk.baca_zip(data)
    part = "[Content_Types].xml"
    cara = a.pilih(("drop override", "wrong type", "drop default", "duplicate override",
                    "part name case", "foreign root", "broken text"))
    if cara == "broken text":
        parts[part], rinci = _rusak_teks(a, parts[part])
        a.catat(f"[Content_Types].xml: {rinci}")
        return bk.tulis_zip(parts)

    def f(root: etree._Element) -> None:
        override = [e for e in root if e.tag == f"{{{NS_CT}}}Override"]
        default = [e for e in root if e.tag == f"{{{NS_CT}}}Default"]
        if cara == "drop override" and override:
            e = a.pilih(override)
            root.remove(e)
            a.catat(f"[Content_Types].xml: dropped Override of {e.get('PartName')}")
        elif cara == "wrong type" and override:
            e = a.pilih(override)
            tipe = a.pilih(("application/xml", "text/plain", "",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml."
                            "chartsheet+xml", CT_WORKSHEET,
                            "application/vnd.openxmlformats-officedocument.spreadsheetml."
                            "sheet.main+xml"))
            e.set("ContentType", tipe)
            a.catat(f"[Content_Types].xml: {e.get('PartName')} typed {tipe!r}")
        elif cara == "drop default" and default:
            e = a.pilih(default)
            root.remove(e)
            a.catat(f"[Content_Types].xml: dropped Default of {e.get('Extension')}")
        elif cara == "duplicate override" and override:
            e = a.pilih(override)
            kembar = etree.SubElement(root, f"{{{NS_CT}}}Override",
                                      PartName=e.get("PartName", ""), ContentType="text/plain")
            a.catat(f"[Content_Types].xml: second Override of {kembar.get('PartName')}")
        elif cara == "part name case" and override:
            e = a.pilih(override)
            e.set("PartName", e.get("PartName", "").upper())
            a.catat(f"[Content_Types].xml: PartName upper-cased: {e.get('PartName')}")
        else:
            root.tag = "{urn:bukan}Types"
            a.catat("[Content_Types].xml: root in a foreign namespace")

    _ubah_xml(parts, part, f)
    return bk.tulis_zip(parts)


_TIPE_REL = (f"{NS_R}/worksheet", f"{NS_R}/chartsheet", f"{NS_R}/dialogsheet",
             "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet",
             f"{NS_R}/styles", f"{NS_R}/sharedStrings", f"{NS_R}/officeDocument",
             f"{NS_R_STRICT}/worksheet", f"{NS_R}/table", "", "urn:bukan")


def _part_rels(parts: dict[str, bytes]) -> list[str]:
    return [p for p in parts if p.endswith(".rels")]


def z_relasi(a: Alat, data: bytes) -> bytes:
    parts = bk.baca_zip(data)
    penting = ["_rels/.rels", "xl/_rels/workbook.xml.rels"]
    part = a.pilih(penting) if a.peluang(0.6) else a.pilih(_part_rels(parts))
    cara = a.pilih(("missing target", "absolute target", "traversal", "external",
                    "empty id", "duplicate id", "wrong type", "drop relationship",
                    "drop rels part", "broken text", "backslash target", "encoded target"))
    if cara == "drop rels part":
        a.catat(f"dropped {part}")
        return bk.ubah_zip(data, {part: None})
    if cara == "broken text":
        parts[part], rinci = _rusak_teks(a, parts[part])
        a.catat(f"{part}: {rinci}")
        return bk.tulis_zip(parts)

    def f(root: etree._Element) -> None:
        rel = a.pilih(list(root))
        target = rel.get("Target", "")
        if cara == "missing target":
            rel.set("Target", target + ".hilang")
        elif cara == "absolute target":
            rel.set("Target", "/xl/" + target.lstrip("/").removeprefix("xl/")
                    if part.startswith("xl/") else "/" + target)
        elif cara == "traversal":
            rel.set("Target", "../../../../etc/passwd")
        elif cara == "external":
            rel.set("TargetMode", "External")
        elif cara == "empty id":
            rel.set("Id", "")
        elif cara == "duplicate id":
            lain = a.pilih(list(root))
            rel.set("Id", lain.get("Id", ""))
        elif cara == "wrong type":
            rel.set("Type", a.pilih(_TIPE_REL))
        elif cara == "backslash target":
            rel.set("Target", target.replace("/", "\\"))
        elif cara == "encoded target":
            rel.set("Target", target.replace("s", "%73"))
        else:
            root.remove(rel)
        a.catat(f"{part}: {cara} on {rel.get('Id')!r} ({target}) -> "
                f"{rel.get('Type', '').rsplit('/', 1)[-1]} {rel.get('Target')!r}")

    _ubah_xml(parts, part, f)
    return bk.tulis_zip(parts)


def z_bom(a: Alat, data: bytes) -> bytes:
    """Packages that inflate a lot but stay within the limits of rkt_xl.engine.file.paket
    (a part over 10 MiB must not be compressed over 200:1; over 64 MiB in all, the
    whole package neither)."""
    parts = bk.baca_zip(data)
    cara = a.pilih(("large zero part", "many small parts", "padded shared strings",
                    "long comment in a sheet", "several large parts"))
    if cara == "large zero part":
        n = a.rng.randint(1, 9 * 1024) * 1024
        parts["xl/media/image1.png"] = b"\0" * n
        a.catat(f"a {n}-byte part of zeros")
    elif cara == "many small parts":
        n = a.rng.randint(500, 9000)
        for i in range(n):
            parts[f"customXml/item{i + 1}.xml"] = b"<a/>"
        a.catat(f"{n} extra small parts")
    elif cara == "padded shared strings":
        n = a.rng.randint(1, 9 * 1024) * 1024
        sst = parts["xl/sharedStrings.xml"]
        p = sst.rfind(b"</sst>")
        parts["xl/sharedStrings.xml"] = sst[:p] + b" " * n + sst[p:]
        a.catat(f"sharedStrings.xml padded with {n} spaces")
    elif cara == "long comment in a sheet":
        part = bk.part_lembar(parts, a.pilih(LEMBAR_MASUKAN))
        n = a.rng.randint(1, 9 * 1024) * 1024
        isi = parts[part]
        p = isi.find(b"<sheetData")
        parts[part] = isi[:p] + b"<!--" + b"x" * n + b"-->" + isi[p:]
        a.catat(f"{part}: a {n}-byte comment")
    else:
        k = a.rng.randint(2, 7)
        for i in range(k):
            parts[f"xl/media/image{i + 1}.png"] = b"\0" * (9 * 1024 * 1024)
        a.catat(f"{k} parts of 9 MiB of zeros")
    return bk.tulis_zip(parts)


def z_nama_bukan_utf8(a: Alat, data: bytes) -> bytes:
    """An entry name that is not valid UTF-8, with or without the UTF-8 flag (bit 11)."""
    e = _entri_dipilih(a, data)
    hasil = bytearray(data)
    nama = bytearray(e.nama)
    p = a.rng.randrange(len(nama))
    nama[p] = a.pilih((0xFF, 0xC3, 0x80, 0xE9, 0xFE))
    flag = a.peluang(0.7)
    for awal, geser_nama, geser_flag in ((e.lokal, 30, 6), (e.pusat, 46, 8)):
        hasil[awal + geser_nama:awal + geser_nama + len(nama)] = nama
        if flag:
            lama = struct.unpack_from("<H", hasil, awal + geser_flag)[0]
            _tambal(hasil, awal + geser_flag, "<H", lama | 0x800)
    a.catat(f"entry name {e.nama.decode()} -> {bytes(nama)!r}"
            f"{' flagged UTF-8' if flag else ' (cp437)'}")
    return bytes(hasil)


def z_deflate(a: Alat, data: bytes) -> bytes:
    e = _entri_dipilih(a, data)
    hasil = bytearray(data)
    cara = a.pilih(("reserved block type", "garbage inside", "zeroed tail"))
    if cara == "reserved block type":
        hasil[e.data] = a.pilih((0x07, 0x06))
    elif cara == "garbage inside" and e.ukuran > 4:
        p = e.data + a.rng.randrange(e.ukuran - 2)
        for i in range(p, min(p + a.rng.randint(2, 16), e.data + e.ukuran)):
            hasil[i] = a.rng.randint(0, 255)
    else:
        awal = e.data + e.ukuran // 2
        hasil[awal:e.data + e.ukuran] = b"\0" * (e.data + e.ukuran - awal)
    a.catat(f"deflate stream of {e.nama.decode()} corrupted ({cara})")
    return bytes(hasil)


def z_metode(a: Alat, data: bytes) -> bytes:
    e = _entri_dipilih(a, data)
    metode = a.pilih((0, 1, 6, 9, 12, 14, 93, 95, 98, 99, 0xFFFF))
    hasil = bytearray(data)
    _tambal(hasil, e.lokal + 8, "<H", metode)
    _tambal(hasil, e.pusat + 10, "<H", metode)
    a.catat(f"compression method of {e.nama.decode()} set to {metode}")
    return bytes(hasil)


def z_kepala(a: Alat, data: bytes) -> bytes:
    """A header field lies: CRC, sizes, the encryption flag, the local name."""
    e = _entri_dipilih(a, data)
    hasil = bytearray(data)
    cara = a.pilih(("crc", "uncompressed size", "compressed size", "encrypted flag",
                    "local name differs", "data descriptor flag"))
    if cara == "crc":
        crc = a.rng.getrandbits(32)
        _tambal(hasil, e.lokal + 14, "<I", crc)
        _tambal(hasil, e.pusat + 16, "<I", crc)
    elif cara == "uncompressed size":
        ukuran = a.pilih((0, 1, 1024, 0xFFFFFFFF, a.rng.getrandbits(24)))
        _tambal(hasil, e.lokal + 22, "<I", ukuran)
        _tambal(hasil, e.pusat + 24, "<I", ukuran)
    elif cara == "compressed size":
        ukuran = max(0, e.ukuran + a.rng.randint(-e.ukuran, 64))
        _tambal(hasil, e.pusat + 20, "<I", ukuran)
    elif cara == "encrypted flag":
        lama = struct.unpack_from("<H", hasil, e.pusat + 8)[0]
        _tambal(hasil, e.pusat + 8, "<H", lama | 1)
        _tambal(hasil, e.lokal + 6, "<H", lama | 1)
    elif cara == "local name differs":
        p = e.lokal + 30 + a.rng.randrange(len(e.nama))
        hasil[p] = ord("Q")
    else:
        lama = struct.unpack_from("<H", hasil, e.lokal + 6)[0]
        _tambal(hasil, e.lokal + 6, "<H", lama | 8)
    a.catat(f"{e.nama.decode()}: {cara}")
    return bytes(hasil)


def z_sampah(a: Alat, data: bytes) -> bytes:
    cara = a.pilih(("prefix", "suffix", "second zip appended", "long comment",
                    "comment length lies"))
    if cara == "prefix":
        awal = a.pilih((b"MZ" + b"\0" * 62, b"x" * a.rng.randint(1, 4096), b"PK\x03\x04"))
        a.catat(f"{len(awal)} bytes before the zip")
        return awal + data
    if cara == "suffix":
        a.catat("bytes after the end record")
        return data + a.pilih((b"\0" * 100, b"PK\x05\x06", b"sampah"))
    if cara == "second zip appended":
        a.catat("a second zip appended")
        return data + bk.tulis_zip({"lain.xml": b"<a/>"})
    hasil = bytearray(data)
    akhir = hasil.rfind(b"PK\x05\x06")
    if cara == "long comment":
        komentar = b"k" * a.rng.randint(1, 65535)
        _tambal(hasil, akhir + 20, "<H", len(komentar))
        a.catat(f"a {len(komentar)}-byte zip comment")
        return bytes(hasil[:akhir + 22]) + komentar
    _tambal(hasil, akhir + 20, "<H", a.rng.randint(1, 65535))
    a.catat("the end record claims a comment that is not there")
    return bytes(hasil)


def z_entri_aneh(a: Alat, data: bytes) -> bytes:
    """Extra entries: directories, names that escape the package, very long names."""
    parts = bk.baca_zip(data)
    nama = a.pilih(("xl/", "xl/worksheets/", "../../luar.xml", "/mutlak.xml", "C:\\win.xml",
                    "xl/" + "a" * 300 + ".xml", "xl/worksheets/sheet7.xml/", "xl\\x.xml",
                    "[trash]/0000.dat", "xl/workbook.xml.bak", "xl/worksheets/Sheet7.xml"))
    isi = b"" if nama.endswith("/") and a.peluang(0.5) else b"<a/>"
    pasangan = list(parts.items())
    pasangan.insert(a.rng.randint(0, len(pasangan)), (nama, isi))
    a.teks(nama)
    a.catat(f"extra entry {nama!r} ({len(isi)} bytes)")
    return bk.tulis_zip(pasangan)


def z_simpan(a: Alat, data: bytes) -> bytes:
    """Every entry stored (not compressed): valid, and another writer's habit."""
    a.catat("all entries stored, not deflated")
    return bk.tulis_zip(bk.baca_zip(data), metode=zipfile.ZIP_STORED)


MUTASI_ZIP: tuple[Callable[[Alat, bytes], bytes], ...] = (
    z_potong, z_balik, z_hapus, z_ganda, z_nama, z_content_types, z_relasi, z_bom,
    z_nama_bukan_utf8, z_deflate, z_metode, z_kepala, z_sampah, z_entri_aneh, z_simpan)
# Mutations after which the bytes are still a zip another mutation can take apart.
_ZIP_UTUH = (z_hapus, z_ganda, z_nama, z_content_types, z_relasi, z_entri_aneh, z_simpan)


# What a mutation raises when an earlier one removed what it works on (a sheet, a
# table, a part): only a second, stacked mutation may be skipped for it.
_TAK_BERLAKU = (KeyError, StopIteration, ValueError, IndexError, AssertionError, AttributeError,
                TypeError, etree.XMLSyntaxError, zipfile.BadZipFile, struct.error)


def _susulan(a: Alat, mutasi: Callable[[Alat, Any], Any], *argumen: Any) -> tuple[bool, Any]:
    """Run a mutation stacked on another: (True, its result), or (False, None) — and the
    record says so — when the first left nothing for it to work on."""
    jumlah_catatan = len(a.m.uraian)
    try:
        return True, mutasi(a, *argumen)
    except _TAK_BERLAKU as e:
        del a.m.uraian[jumlah_catatan:]
        a.catat(f"({mutasi.__name__} not applicable after that: {type(e).__name__})")
        return False, None


def level_zip(a: Alat) -> bytes:
    data = _basis(a)
    if not a.peluang(0.15):
        return a.pilih(MUTASI_ZIP)(a, data)
    data = a.pilih(_ZIP_UTUH)(a, data)
    berlaku, hasil = _susulan(a, a.pilih(MUTASI_ZIP), data)
    return bytes(hasil) if berlaku else data


# -- level xml -----------------------------------------------------------------------------


def _part_xml(a: Alat, parts: dict[str, bytes]) -> str:
    calon = [p for p in (part_penting(parts) if a.peluang(0.75) else list(parts))
             if p.endswith((".xml", ".rels")) and parts[p].lstrip()[:1] == b"<"]
    return str(a.pilih(calon))


def _elemen(root: etree._Element) -> list[etree._Element]:
    return [e for e in root.iter() if isinstance(e.tag, str) and e is not root]


_ATRIBUT_ANEH = ("", " ", "-1", "0", "1.5", "1e3", "abc", "NaN", "inf", "99999999999999999999",
                 "٣", "１", "A1", "true", "x" * 5000, "\t1\n", "&", "<", "'", '"', "\u200b",
                 "😀", "2147483648", "-2147483649", "0x10", "1,5", "A0", "XFE1048577", "$A$1")


def x_hapus(a: Alat, parts: dict[str, bytes]) -> None:
    part = _part_xml(a, parts)

    def f(root: etree._Element) -> None:
        semua = _elemen(root)
        if not semua:
            a.catat(f"{part}: no element to delete (re-serialised only)")
            return
        e = a.pilih(semua)
        induk = e.getparent()
        assert induk is not None
        induk.remove(e)
        a.catat(f"{part}: deleted <{etree.QName(e).localname}> "
                f"{dict(e.attrib.items()) if len(e.attrib) < 6 else ''}")

    _ubah_xml(parts, part, f)


def x_urutan(a: Alat, parts: dict[str, bytes]) -> None:
    part = _part_xml(a, parts)

    def f(root: etree._Element) -> None:
        calon = [e for e in [root, *_elemen(root)] if len(e) >= 2]
        if not calon:
            a.catat(f"{part}: nothing to reorder (re-serialised only)")
            return
        e = a.pilih(calon)
        anak = list(e)
        if a.peluang(0.5):
            anak.reverse()
            cara = "reversed"
        else:
            a.rng.shuffle(anak)
            cara = "shuffled"
        for x in anak:
            e.remove(x)
        e.extend(anak)
        a.catat(f"{part}: children of <{etree.QName(e).localname}> {cara}")

    _ubah_xml(parts, part, f)


def x_atribut(a: Alat, parts: dict[str, bytes]) -> None:
    part = _part_xml(a, parts)

    def f(root: etree._Element) -> None:
        calon = [e for e in [root, *_elemen(root)] if e.attrib]
        if not calon:
            a.catat(f"{part}: no attribute to change (re-serialised only)")
            return
        e = a.pilih(calon)
        nama = a.pilih(sorted(str(k) for k in e.attrib))
        nilai = a.teks(a.pilih(_ATRIBUT_ANEH))
        lama = e.get(nama)
        e.set(nama, nilai)
        a.catat(f"{part}: <{etree.QName(e).localname}> {nama}={lama!r} -> {nilai[:40]!r}")

    _ubah_xml(parts, part, f)


def _sel_tabel(a: Alat, parts: dict[str, bytes], *, lembar: str | None = None,
               kolom: str | None = None) -> tuple[str, str]:
    """A (sheet, cell ref) inside the data rows of an input table (or just below); a
    computed column (the cells Hitung writes) more often than its share of columns."""
    if lembar is None and kolom is None and a.peluang(0.15):
        lembar, kolom = a.pilih(((skema.EVALUASI.lembar, skema.CAPAIAN),
                                 (skema.EVALUASI.lembar, skema.KATEGORI),
                                 (skema.PROGRAM_T.lembar, skema.PAGU_PROGRAM)))
    t = skema.TABEL_MENURUT_NAMA[a.pilih([t.nama for t in skema.TABEL])] if lembar is None \
        else next(t for t in skema.TABEL if t.lembar == lembar)
    ref = bk.xml(parts[bk.part_tabel(parts, t.nama)]).get("ref", "A1:A2")
    r1, c1, r2, _ = rentang(ref)
    baris = a.rng.randint(r1 + 1, max(r1 + 1, r2) + (1 if a.peluang(0.1) else 0))
    indeks = t.kolom.index(kolom) if kolom is not None else \
        (t.kolom.index(skema.NILAI) if t in (skema.IDENTITAS, skema.PENGATURAN) and
         a.peluang(0.8) else a.rng.randrange(len(t.kolom)))
    return t.lembar, f"{angka_ke_kolom(c1 + indeks)}{baris}"


def _jumlah_sst(parts: dict[str, bytes]) -> int:
    return len(bk.xml(parts["xl/sharedStrings.xml"])) if "xl/sharedStrings.xml" in parts else 0


def _ganti_sel(parts: dict[str, bytes], lembar: str, *sel: etree._Element) -> None:
    part = bk.part_lembar(parts, lembar)

    def f(root: etree._Element) -> None:
        for s in sel:
            bk.pasang_sel(root, s)

    _ubah_xml(parts, part, f)


def x_indeks(a: Alat, parts: dict[str, bytes]) -> None:
    cara = a.pilih(("shared string", "style of a cell", "xf of cellXfs", "localSheetId",
                    "activeTab", "table id"))
    if cara == "shared string":
        lembar, ref = _sel_tabel(a, parts)
        n = _jumlah_sst(parts)
        v = a.pilih((str(n), str(n + 7), "-1", "1.5", " 2", "", "9" * 30, "1e2", "abc"))
        _ganti_sel(parts, lembar, bk.sel_mentah(f'<c r="{ref}" t="s"><v>{v}</v></c>'))
        a.catat(f"{lembar}!{ref}: shared string index {v!r} (table has {n})")
    elif cara == "style of a cell":
        lembar, ref = _sel_tabel(a, parts)
        s = a.pilih(("9999", "-1", "x", "1.0", "", "4294967296"))
        _ganti_sel(parts, lembar, bk.sel_mentah(f'<c r="{ref}" s="{s}"><v>12</v></c>'))
        a.catat(f"{lembar}!{ref}: style index {s!r}")
    elif cara == "xf of cellXfs":
        atribut = a.pilih(("numFmtId", "fontId", "fillId", "borderId", "xfId"))
        nilai = a.pilih(("9999", "-1", "4294967296", "300"))

        def f(root: etree._Element) -> None:
            xf = a.pilih(root.findall(f"{M}cellXfs/{M}xf"))
            xf.set(atribut, nilai)

        _ubah_xml(parts, "xl/styles.xml", f)
        a.catat(f"styles.xml: an xf with {atribut}={nilai!r}")
    elif cara == "localSheetId":
        nilai = a.pilih(("99", "-1", "x", "14"))

        def g(root: etree._Element) -> None:
            dn = root.findall(f"{M}definedNames/{M}definedName")
            if dn:
                a.pilih(dn).set("localSheetId", nilai)

        _ubah_xml(parts, "xl/workbook.xml", g)
        a.catat(f"workbook.xml: a definedName with localSheetId={nilai!r}")
    elif cara == "activeTab":
        nilai = a.pilih(("99", "-1", "x"))

        def h(root: etree._Element) -> None:
            for v in root.iter(M + "workbookView"):
                v.set(a.pilih(("activeTab", "firstSheet")), nilai)

        _ubah_xml(parts, "xl/workbook.xml", h)
        a.catat(f"workbook.xml: workbookView index {nilai!r}")
    else:
        nilai = a.pilih(("1", "0", "-1", "x"))
        part = a.pilih([p for p in parts if p.startswith("xl/tables/")])
        _ubah_xml(parts, part, lambda t: t.set("id", nilai))
        a.catat(f"{part}: table id {nilai!r}")


def x_numfmt(a: Alat, parts: dict[str, bytes]) -> None:
    nilai = a.teks(a.pilih(("abc", "", "1.0", "-5", "٣", "1e2", "0x10", " 14", "14 ",
                            "99999999999999999999")))
    tempat = a.pilih(("cellXfs", "numFmts", "cellStyleXfs"))

    def f(root: etree._Element) -> None:
        calon = root.findall(f"{M}{tempat}/{M}{'numFmt' if tempat == 'numFmts' else 'xf'}")
        if calon:
            a.pilih(calon).set("numFmtId", nilai)

    _ubah_xml(parts, "xl/styles.xml", f)
    a.catat(f"styles.xml: numFmtId={nilai!r} in {tempat}")


def x_strict(a: Alat, parts: dict[str, bytes]) -> None:
    """Strict OOXML (ISO 29500 strict): the same parts in the purl.oclc.org namespaces."""
    pilihan = ["xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml",
               bk.part_lembar(parts, a.pilih(LEMBAR_MASUKAN)),
               a.pilih([p for p in parts if p.startswith("xl/tables/")])]
    sasaran = pilihan if a.peluang(0.25) else [a.pilih(pilihan)]
    for part in sasaran:
        parts[part] = parts[part].replace(NS.encode(), NS_STRICT.encode()) \
            .replace(NS_R.encode(), NS_R_STRICT.encode())
    if a.peluang(0.3):
        for part in _part_rels(parts):
            parts[part] = parts[part].replace(NS_R.encode(), NS_R_STRICT.encode())
        sasaran.append("relationship types")
    a.catat(f"Strict OOXML namespaces in {', '.join(sasaran)}")


def x_dtd(a: Alat, parts: dict[str, bytes]) -> None:
    part = a.pilih(("xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml",
                    bk.part_lembar(parts, a.pilih(LEMBAR_MASUKAN))))
    isi = parts[part]
    cara = a.pilih(("internal entity", "bare doctype", "external entity", "char refs",
                    "invalid char ref", "parameter entity"))
    akar = re.search(rb"<([A-Za-z:]+)[\s>]", isi.split(b"?>", 1)[-1])
    nama_akar = akar.group(1).decode() if akar else "x"
    kepala, _, badan = isi.partition(b"?>")
    if cara == "internal entity":
        dtd = f'<!DOCTYPE {nama_akar} [<!ENTITY e "entitas">]>'
        badan = badan.replace(b"<t>", b"<t>&e;", 1).replace(b"<t ", b"<t ", 1)
    elif cara == "bare doctype":
        dtd = f"<!DOCTYPE {nama_akar}>"
    elif cara == "external entity":
        dtd = f'<!DOCTYPE {nama_akar} [<!ENTITY e SYSTEM "file:///etc/hostname">]>'
        badan = badan.replace(b"<t>", b"<t>&e;", 1)
    elif cara == "parameter entity":
        dtd = f'<!DOCTYPE {nama_akar} [<!ENTITY % p "x"> %p;]>'
    elif cara == "char refs":
        dtd = ""
        badan = badan.replace(b"<t>", b"<t>&#x1F600;&#65;&#x200B;", 1)
    else:
        dtd = ""
        badan = badan.replace(b"<t>", b"<t>" + a.pilih((b"&#0;", b"&#xD800;", b"&#x1;",
                                                         b"&#99999999;")), 1)
    parts[part] = kepala + b"?>" + dtd.encode() + badan
    a.catat(f"{part}: {cara}")


def x_bersarang(a: Alat, parts: dict[str, bytes]) -> None:
    n = a.pilih((50, 255, 257, 1000, 2049, 10000, 100000))
    tempat = a.pilih(("inline string", "shared string", "sheetData", "workbook"))
    buka, tutup = "<x>" * n, "</x>" * n
    if tempat == "inline string":
        lembar, ref = _sel_tabel(a, parts)
        part = bk.part_lembar(parts, lembar)
        _ganti_sel(parts, lembar, bk.sel_teks(ref, "SARANG"))
        parts[part] = parts[part].replace(b"SARANG</t>", f"x</t>{buka}{tutup}".encode(), 1)
        tempat += f" at {lembar}!{ref}"
    elif tempat == "shared string":
        sst = parts["xl/sharedStrings.xml"]
        parts["xl/sharedStrings.xml"] = sst.replace(b"</si>", f"{buka}{tutup}</si>".encode(), 1)
    elif tempat == "sheetData":
        part = bk.part_lembar(parts, a.pilih(LEMBAR_MASUKAN))
        parts[part] = parts[part].replace(b"</sheetData>", f"{buka}{tutup}</sheetData>".encode())
    else:
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
            b"</workbook>", f"{buka}{tutup}</workbook>".encode())
    a.catat(f"{n} nested elements in {tempat}")


def x_banyak_sel(a: Alat, parts: dict[str, bytes]) -> None:
    lembar, ref = _sel_tabel(a, parts)
    baris = pecah_alamat(ref)[0]
    n = a.pilih((16384, 100000))
    cara = a.pilih(("without r", "same r", "valid columns then without r"))
    tipe, isi = a.pilih((("", "<v>1</v>"), (' t="s"', "<v>0</v>"), ("", "")))
    if cara == "without r":
        sel = "".join(f"<c{tipe}>{isi}</c>" for _ in range(n))
    elif cara == "same r":
        sel = "".join(f'<c r="{ref}"{tipe}>{isi}</c>' for _ in range(n))
    else:
        sel = "".join(f'<c r="{angka_ke_kolom(i + 1)}{baris}"{tipe}>{isi}</c>'
                      for i in range(16384)) + \
            "".join(f"<c{tipe}>{isi}</c>" for _ in range(n - 16384))
    part = bk.part_lembar(parts, lembar)
    isi_part = parts[part]
    baris_baru = f'<row r="{baris}">{sel}</row>'
    # Replace the row in place (or put it before </sheetData>) as text: far cheaper
    # than 10⁵ lxml elements.
    pola = re.compile(rb'<row r="%d"[^>]*>.*?</row>' % baris, re.S)
    if pola.search(isi_part):
        isi_part = pola.sub(baris_baru.encode(), isi_part, count=1)
    else:
        isi_part = isi_part.replace(b"</sheetData>", baris_baru.encode() + b"</sheetData>")
    parts[part] = isi_part
    a.catat(f"{lembar} row {baris}: {n} cells ({cara}, content {tipe + isi!r})")


def x_dua_v(a: Alat, parts: dict[str, bytes]) -> None:
    # Half the time in a computed cell: the one place both the reader and the writer
    # (Hitung) handle the same cell.
    if a.peluang(0.5):
        lembar, kolom = a.pilih(((skema.EVALUASI.lembar, skema.CAPAIAN),
                                 (skema.PROGRAM_T.lembar, skema.PAGU_PROGRAM)))
        lembar, ref = _sel_tabel(a, parts, lembar=lembar, kolom=kolom)
    else:
        lembar, ref = _sel_tabel(a, parts)
    pertama, kedua = v_acak(a), v_acak(a)
    tipe = a.pilih(("", ' t="s"', ' t="str"', ' t="e"'))
    if tipe == ' t="s"':
        n = max(_jumlah_sst(parts), 1)
        pertama, kedua = str(a.rng.randrange(n)), str(a.rng.randrange(n))
    elif tipe == ' t="e"':
        pertama, kedua = a.pilih(GALAT_EXCEL), a.pilih(GALAT_EXCEL)
    a.teks(pertama)
    a.teks(kedua)
    rumus = "<f>1+1</f>" if a.peluang(0.3) else ""
    _ganti_sel(parts, lembar, bk.sel_mentah(
        f'<c r="{ref}"{tipe}>{rumus}<v>{_esc(pertama)}</v><v>{_esc(kedua)}</v></c>'))
    a.catat(f"{lembar}!{ref}: two <v> ({pertama!r}, {kedua!r}){tipe}")


def xml_pendek(el: etree._Element, n: int = 200) -> str:
    """An element as XML without the main namespace (for a description)."""
    teks = etree.tostring(el, encoding="unicode")
    teks = re.sub(r' xmlns(:\w+)?="[^"]*"', "", teks)
    teks = re.sub(r"<(/?)\w+:", r"<\1", teks)
    return teks if len(teks) <= n else teks[:n] + "…"


def _esc(teks: str) -> str:
    return teks.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def x_relasi_hasil(a: Alat, parts: dict[str, bytes]) -> None:
    lembar = a.pilih(skema.LEMBAR_HASIL)
    tipe = a.pilih(_TIPE_REL[1:])

    def f(root: etree._Element) -> None:
        wb = bk.xml(parts["xl/workbook.xml"])
        rid = next(s.get(f"{{{NS_R}}}id") for s in wb.iter(M + "sheet")
                   if s.get("name") == lembar)
        for rel in root:
            if rel.get("Id") == rid:
                rel.set("Type", tipe)

    _ubah_xml(parts, "xl/_rels/workbook.xml.rels", f)
    a.catat(f"relationship of generated sheet {lembar!r} typed {tipe!r}")


def x_rusak_teks(a: Alat, parts: dict[str, bytes]) -> None:
    part = _part_xml(a, parts)
    parts[part], cara = _rusak_teks(a, parts[part])
    a.catat(f"{part}: {cara}")


def x_tabel(a: Alat, parts: dict[str, bytes]) -> None:
    t = a.pilih(skema.TABEL)
    part = bk.part_tabel(parts, t.nama)
    cara = a.pilih(("ref", "headerRowCount", "totalsRowCount", "duplicate column",
                    "empty column name", "drop column", "displayName", "column count"))

    def f(root: etree._Element) -> None:
        kolom = root.find(M + "tableColumns")
        assert kolom is not None
        if cara == "ref":
            ref = root.get("ref", "")
            nilai = a.teks(a.pilih(("A1:G0", "G5:A1", "A1", "", "A1:XFD1048576",
                                    ref.lower(), "$" + ref.replace(":", ":$"), ref + " ",
                                    "A0:G5", ref.replace("A1", "B1"), ref.split(":")[0] + ":A2")))
            bk.atur_tabel(root, ref=nilai)
        elif cara in ("headerRowCount", "totalsRowCount"):
            nilai = a.pilih(("0", "2", "-1", "x", "5", ""))
            root.set(cara, nilai)
        elif cara == "duplicate column":
            c = a.pilih(list(kolom))
            lain = a.pilih(list(kolom))
            c.set("name", lain.get("name", ""))
            nilai = c.get("name", "")
        elif cara == "empty column name":
            a.pilih(list(kolom)).set("name", "")
            nilai = ""
        elif cara == "drop column":
            c = a.pilih(list(kolom))
            kolom.remove(c)
            nilai = c.get("name", "")
        elif cara == "displayName":
            nilai = a.teks(a.pilih(("tblKegiatan", "tblsasaran", "", "Tabel1", t.nama.upper())))
            root.set("displayName", nilai)
        else:
            nilai = a.pilih(("0", "99", "-1", "x"))
            kolom.set("count", nilai)
        a.catat(f"{t.nama}: {cara} -> {nilai!r}")

    _ubah_xml(parts, part, f)


def x_baris(a: Alat, parts: dict[str, bytes]) -> None:
    lembar = a.pilih(LEMBAR_MASUKAN)
    part = bk.part_lembar(parts, lembar)
    cara = a.pilih(("odd r", "duplicate r", "no r", "swap rows", "odd spans"))

    def f(root: etree._Element) -> None:
        data = root.find(M + "sheetData")
        assert data is not None
        baris = list(data)
        if not baris:
            return
        b = a.pilih(baris)
        if cara == "odd r":
            nilai = a.pilih(("0", "1048577", "-1", "abc", "2.5", "", " 3", "99999999999"))
            b.set("r", nilai)
            rinci = f"row {nilai!r}"
        elif cara == "duplicate r":
            lain = a.pilih(baris)
            b.set("r", lain.get("r", ""))
            rinci = f"row r={lain.get('r')!r} twice"
        elif cara == "no r":
            if "r" in b.attrib:
                del b.attrib["r"]
            rinci = "a row without r"
        elif cara == "swap rows" and len(baris) > 2:
            i, j = a.rng.sample(range(len(baris)), 2)
            baris[i], baris[j] = baris[j], baris[i]
            for x in list(data):
                data.remove(x)
            data.extend(baris)
            rinci = f"rows {i} and {j} swapped"
        else:
            b.set("spans", a.pilih(("0:0", "x", "1:99999", "")))
            rinci = f"spans={b.get('spans')!r}"
        a.catat(f"{lembar}: {rinci}")

    _ubah_xml(parts, part, f)


def x_nama_lembar(a: Alat, parts: dict[str, bytes]) -> None:
    lembar = a.pilih((*LEMBAR_MASUKAN, *skema.LEMBAR_HASIL, "Beranda", "_Gaya"))
    cara = a.pilih(("rename", "hidden", "veryHidden", "duplicate in other case", "empty name"))
    baru = a.pilih(("x" * 40, "Keg[i]at:an", "Kegiatan ", lembar.upper(), "Lampiran II",
                    "Validasi", "'Kegiatan'", "Sheet1", "Tabel 2.4"))

    def f(root: etree._Element) -> None:
        for sh in root.iter(M + "sheet"):
            if sh.get("name") != lembar:
                continue
            if cara == "rename":
                sh.set("name", a.teks(baru))
            elif cara in ("hidden", "veryHidden"):
                sh.set("state", cara)
            elif cara == "duplicate in other case":
                sh.set("name", lembar.swapcase())
            else:
                sh.set("name", "")
        a.catat(f"sheet {lembar!r}: {cara}{f' to {baru!r}' if cara == 'rename' else ''}")

    _ubah_xml(parts, "xl/workbook.xml", f)


def x_asing(a: Alat, parts: dict[str, bytes]) -> None:
    part = _part_xml(a, parts)
    potongan = a.pilih((
        f'<bukan xmlns="{NS}"/>', '<x:asing xmlns:x="urn:asing"><x:y/></x:asing>',
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility'
        f'/2006"><mc:Choice Requires="x14"><c xmlns="{NS}" r="A1"><v>1</v></c></mc:Choice>'
        "</mc:AlternateContent>", "<!-- komentar -->", "<?pi data?>",
        f'<extLst xmlns="{NS}"><ext uri="{{X}}"/></extLst>'))
    isi = parts[part]
    tempat = [m.end() for m in re.finditer(rb"<[^/!?][^>]*>", isi)]
    p = a.pilih(tempat[1:]) if len(tempat) > 1 else len(isi)
    parts[part] = isi[:p] + potongan.encode() + isi[p:]
    a.catat(f"{part}: {potongan[:40]!r} inserted at byte {p}")


MUTASI_XML: tuple[Callable[[Alat, dict[str, bytes]], None], ...] = (
    x_hapus, x_urutan, x_atribut, x_indeks, x_numfmt, x_strict, x_dtd, x_bersarang,
    x_banyak_sel, x_dua_v, x_relasi_hasil, x_rusak_teks, x_tabel, x_baris, x_nama_lembar,
    x_asing)


def level_xml(a: Alat) -> bytes:
    parts = bk.baca_zip(_basis(a))
    a.pilih(MUTASI_XML)(a, parts)
    if a.peluang(0.3):
        cadangan = dict(parts)
        if not _susulan(a, a.pilih(MUTASI_XML), parts)[0]:
            parts.clear()  # a half-applied mutation is undone
            parts.update(cadangan)
    return bk.tulis_zip(parts)


# -- level sel -----------------------------------------------------------------------------

_JUMLAH_BARIS = ((0, 3), (1, 10), (2, 20), (3, 30), (5, 15), (10, 8), (30, 5), (100, 3),
                 (300, 2), (1000, 1), (3000, 1))


def _jumlah_baris(a: Alat) -> int:
    n = a.rng.choices([n for n, _ in _JUMLAH_BARIS], [w for _, w in _JUMLAH_BARIS])[0]
    return a.rng.randint(max(0, n // 2), n) if n > 3 else n


def _nilai_data(a: Alat, kolom: str, tabel: skema.TabelSkema, nomor: int,
                sederhana: bool) -> Any:
    """A value for the JSON data of the template builder."""
    if kolom in (skema.KODE, skema.KODE_PROGRAM, skema.KODE_KEGIATAN) and \
            (sederhana or a.peluang(0.8)):
        return f"{nomor // 10 + 1}.{nomor % 10 + 1}" if kolom != skema.KODE_PROGRAM \
            else str(nomor // 10 + 1)
    if kolom == skema.POLARITAS and (sederhana or a.peluang(0.8)):
        return a.pilih(skema.POLARITAS_SAH)
    angka = kolom in tabel.kolom_angka or kolom in tabel.kolom_hitung
    if kolom in tabel.kolom_hitung and (sederhana or a.peluang(0.7)):
        return None
    if sederhana:
        return a.rng.randint(1, 10**6) if angka else f"{a.pilih(KATA)} {nomor}"
    jenis = a.rng.random()
    if jenis < 0.06:
        return None
    if jenis < 0.1:
        return a.pilih((True, False))
    if angka:
        return angka_nilai(a) if jenis < 0.7 else a.teks(angka_teks(a))
    if jenis < 0.2:
        return angka_nilai(a)
    return a.teks(teks_acak(a, kontrol=True))


def data_acak(a: Alat) -> dict[str, Any]:
    """Random interchange data for the template builder, within what it accepts."""
    data: dict[str, Any] = {"format": "rkt-xl/1"}
    identitas: dict[str, Any] = {}
    for kunci in skema.KUNCI_IDENTITAS:
        if a.peluang(0.1):
            continue
        identitas[kunci] = (angka_nilai(a) if a.peluang(0.15) else
                            a.teks(teks_acak(a, kontrol=True)))
    if a.peluang(0.5):
        identitas[skema.TAHUN_RKT] = a.pilih((2018, 2026, "2018", 1899, 10000, -1, 2018.5))
    if a.peluang(0.5):
        identitas[skema.PERIODE_RENSTRA] = a.pilih(("2016-2021", "2013-2018", "2021–2026",
                                                    "2018", "x-y", "2021-2016"))
    data["identitas"] = identitas
    pengaturan: dict[str, Any] = {}
    if a.peluang(0.4):
        pengaturan[skema.RUMUS_NEGATIF] = a.pilih((skema.RUMUS_2T_R, skema.RUMUS_T_R, "x", None))
    if a.peluang(0.4):
        pengaturan[skema.BATAS_CAPAIAN] = a.pilih((None, 100, 120, 0, -5, "100", "abc", 1e308))
    if a.peluang(0.2):
        pengaturan[skema.SKALA_KATEGORI] = a.pilih(("Permendagri 86/2017", "lain", None))
    data["pengaturan"] = pengaturan
    for t in (skema.SASARAN_T, skema.EVALUASI, skema.PROGRAM_T, skema.KEGIATAN_T):
        n = _jumlah_baris(a)
        sederhana = n > 100  # big tables: cheap values, a few wild ones below
        baris = [{k: _nilai_data(a, k, t, i, sederhana) for k in t.kolom} for i in range(n)]
        for _ in range(min(n, 10) if sederhana else 0):
            b = a.pilih(baris)
            k = a.pilih(t.kolom)
            b[k] = _nilai_data(a, k, t, 0, False)
        if t.kolom_hitung and baris and a.peluang(0.1):
            # A row holding only computed columns (typed over, or left from a deleted row).
            b = a.pilih(baris)
            for k in t.kolom:
                b[k] = angka_nilai(a) if k in t.kolom_hitung else None
        data[kunci_data(t)] = baris
    return data


def _teks_panjang_ke_data(a: Alat, data: dict[str, Any]) -> None:
    for _ in range(a.rng.randint(1, 3)):
        teks = a.teks(teks_panjang(a))
        tempat = a.pilih(("identitas", "program", "kegiatan", "sasaran"))
        if tempat == "identitas":
            kunci = a.pilih(skema.KUNCI_IDENTITAS)
            data["identitas"][kunci] = teks
        elif data[tempat]:
            t = {"program": skema.PROGRAM_T, "kegiatan": skema.KEGIATAN_T,
                 "sasaran": skema.SASARAN_T}[tempat]
            kunci = a.pilih([k for k in t.kolom if k not in t.kolom_angka])
            a.pilih(data[tempat])[kunci] = teks
        else:
            continue
        a.catat(f"a {len(teks)}-character unbroken text in {tempat} {kunci}")


def _sel_acak(a: Alat, parts: dict[str, bytes], ref: str, sst: etree._Element,
              gaya_tanggal: Callable[[], int]) -> etree._Element:
    """One cell of any kind a file can hold, at ``ref``."""
    jenis = a.rng.choices(("angka", "teks-angka", "teks", "bool", "galat", "rumus", "tanggal",
                           "kosong", "aneh"), (30, 15, 15, 5, 8, 10, 7, 5, 5))[0]
    c = etree.Element(M + "c", r=ref)

    def v(teks: str) -> None:
        etree.SubElement(c, M + "v").text = teks

    def teks_sel(teks: str) -> None:
        a.teks(teks)
        if a.peluang(0.5):
            si = etree.SubElement(sst, M + "si")
            t = etree.SubElement(si, M + "t")
            t.text = teks
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            c.set("t", "s")
            v(str(len(sst) - 1))
        else:
            c.set("t", "inlineStr")
            etree.SubElement(etree.SubElement(c, M + "is"), M + "t").text = teks

    if jenis == "angka":
        v(a.teks(v_acak(a)))
    elif jenis == "teks-angka":
        teks_sel(angka_teks(a))
    elif jenis == "teks":
        teks_sel(teks_acak(a))
    elif jenis == "bool":
        c.set("t", "b")
        v(a.teks(a.pilih(("1", "0")) if a.peluang(0.8) else
                 a.pilih(("true", "false", "2", "", "TRUE"))))
    elif jenis == "galat":
        c.set("t", "e")
        v(a.teks(a.pilih(GALAT_EXCEL)))
    elif jenis == "rumus":
        # the formula is the user's text: a message may quote it
        etree.SubElement(c, M + "f").text = a.teks(a.pilih((
            "SUM(1,2)", "1/0", "A1", "#REF!+1", 'WEBSERVICE("http://127.0.0.1:9/")', "")))
        cache = a.pilih(("none", "number", "str", "error", "bool"))
        if cache == "number":
            v(a.teks(v_acak(a)))
        elif cache == "str":
            c.set("t", "str")
            v(a.teks(teks_acak(a)))
        elif cache == "error":
            c.set("t", "e")
            v(a.teks(a.pilih(GALAT_EXCEL)))
        elif cache == "bool":
            c.set("t", "b")
            v("1")
    elif jenis == "tanggal":
        if a.peluang(0.5):
            c.set("s", str(gaya_tanggal()))
            v(a.teks(a.pilih(("43232", "0", "-1", "1e10", "2958466", "60", "43232.5",
                              "1e309", "NaN"))))
        else:
            c.set("t", "d")
            v(a.teks(a.pilih(("2018-01-02T00:00:00", "2018-13-45", "bukan tanggal",
                              "9999-12-31T23:59:59.999"))))
    elif jenis == "kosong":
        cara = a.pilih(("no v", "empty v", "empty is", "space"))
        if cara == "empty v":
            v("")
        elif cara == "empty is":
            c.set("t", "inlineStr")
            etree.SubElement(c, M + "is")
        elif cara == "space":
            teks_sel(a.pilih((" ", "\u00a0", "\t", "\u3000")))
    else:
        c.set("t", a.pilih(("x", "", "n", "s", "inlineStr", "str", "N")))
        v(a.teks(a.pilih(("12", "abc", "-1", "", "1e309"))))
    return c


def level_sel(a: Alat) -> bytes:
    if a.peluang(0.5):
        data = data_acak(a)
        jumlah = {k: len(v) for k, v in data.items() if isinstance(v, list)}
        a.catat(f"random data through the template builder: rows {jumlah}")
        if a.peluang(0.08):
            _teks_panjang_ke_data(a, data)
        return bk.bangun(data)
    parts = bk.baca_zip(_basis(a))
    sst = bk.xml(parts["xl/sharedStrings.xml"])
    gaya: list[int] = []

    def gaya_tanggal() -> int:
        if not gaya:
            gaya.append(bk.tambah_gaya(parts, a.pilih(("14", "22", "47"))))
        return gaya[0]

    per_lembar: dict[str, list[etree._Element]] = {}
    for _ in range(a.rng.randint(1, 6)):
        lembar, ref = _sel_tabel(a, parts)
        c = _sel_acak(a, parts, ref, sst, gaya_tanggal)
        per_lembar.setdefault(lembar, []).append(c)
        v = c.findtext(M + "v") or ""
        teks = f" (shared string {''.join(map(str, sst[int(v)].itertext()))!r})" \
            if c.get("t") == "s" and v.isdigit() and int(v) < len(sst) else ""
        a.catat(f"{lembar}!{ref} = {xml_pendek(c)}{teks}")
    for lembar, sel in per_lembar.items():
        _ganti_sel(parts, lembar, *sel)
    sst.set("count", str(len(sst)))
    sst.set("uniqueCount", str(len(sst)))
    parts["xl/sharedStrings.xml"] = bk.ke_bytes(sst)
    return bk.tulis_zip(parts)


# -- entry point ---------------------------------------------------------------------------

_LEVEL: dict[str, Callable[[Alat], bytes]] = {
    "zip": level_zip, "xml": level_xml, "sel": level_sel}


def buat(level: str, seed: int, indeks: int) -> Masukan:
    """The input (level, seed, index): the same triple always yields the same bytes."""
    if level not in _LEVEL:
        raise ValueError(f"level {level!r} tidak dikenal (pilih: {', '.join(LEVEL)})")
    m = Masukan(level, seed, indeks)
    m.data = _LEVEL[level](Alat(m))
    return m
