"""Defect classes: which class a finding belongs to, and which classes are known.

A class is known while its reproducer in ``tests/test_fuzz_temuan.py`` is still marked
``xfail``: that marker is the single record of "found, not fixed yet". When the lead
fixes a class, the reproducer XPASSes (strict), its marker is removed, and from then
on the bounded fuzz run fails on any finding of that class again — a regression, or a
fix that covered the reproducer but not what the fuzzer generates.

Classification looks at the check, its detail, and the description of the input
(what the generator did): the same symptom can have different causes (an ``int()``
of a bad attribute is only the numFmtId class when the input changed numFmtId).
A finding no rule claims is ``baru/<check>/<signature>``: a new class, which fails
the bounded run.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.fuzz.checker import TemuanFuzz

BERKAS_REPRODUKSI = Path(__file__).resolve().parents[1] / "test_fuzz_temuan.py"


@dataclass(frozen=True)
class Kelas:
    id: str
    uraian: str  # one line, English
    uji: str  # the reproducer in tests/test_fuzz_temuan.py
    cocok: Callable[[TemuanFuzz, str], bool]  # (finding, input description) → belongs


def _internal(pola: str, uraian: str = "") -> Callable[[TemuanFuzz, str], bool]:
    def cocok(t: TemuanFuzz, masukan: str) -> bool:
        return t.cek == "galat-internal" and re.search(pola, t.rincian) is not None and \
            (not uraian or re.search(uraian, masukan) is not None)

    return cocok


def _idempoten(pola_rincian: str = "", pola_masukan: str = "") -> Callable[[TemuanFuzz, str],
                                                                             bool]:
    def cocok(t: TemuanFuzz, masukan: str) -> bool:
        return t.cek == "idempoten" and re.search(pola_rincian, t.rincian) is not None and \
            re.search(pola_masukan, masukan) is not None

    return cocok


# A refusal (exit 2) message: GalatBerkas sentences start with the file name and say
# what is wrong with the package.
_PENOLAKAN = r"zip rusak|tidak dapat dibuka|tidak dapat dibaca|rusak \(XML tidak valid"

KELAS: tuple[Kelas, ...] = (
    Kelas("angka-besar-format", "a number of 1E+28 or more: format_angka raises "
          "decimal.InvalidOperation", "test_angka_besar_tanpa_galat_internal",
          _internal(r"InvalidOperation")),
    Kelas("angka-tak-hingga", "a number beyond the double range (1e309, inf, nan) read as "
          "Infinity/NaN: OverflowError/ValueError converting it to int",
          "test_angka_tak_hingga_tanpa_galat_internal",
          _internal(r"cannot convert (?:Infinity|NaN|float (?:infinity|NaN)) to integer")),
    Kelas("eksponen-raksasa", "<v>1E+999999999</v>: decimal.Overflow in the reader",
          "test_eksponen_raksasa_tanpa_galat_internal", _internal(r"\(Overflow: ")),
    Kelas("numfmtid-bukan-angka", "a numFmtId that is not an integer: unchecked int()",
          "test_numfmtid_bukan_angka_tanpa_galat_internal",
          _internal(r"invalid literal for int\(\)", r"numFmtId")),
    Kelas("nama-zip-bukan-utf8", "a zip entry name that is not UTF-8: UnicodeDecodeError",
          "test_nama_zip_bukan_utf8_tanpa_galat_internal", _internal(r"UnicodeDecodeError")),
    Kelas("deflate-rusak", "a corrupt deflate stream: uncaught zlib.error",
          "test_deflate_rusak_tanpa_galat_internal",
          _internal(r"\(error: Error -?\d+ while decompressing")),
    Kelas("komentar-xml", "an XML comment in a .rels part or the sheet list taken for an "
          "element: AttributeError on None", "test_komentar_xml_diabaikan",
          _internal(r"'NoneType' object has no attribute", r"<!--")),
    Kelas("relasi-lembar-hasil", "a generated sheet behind a non-worksheet relationship: "
          "proses adds a second sheet of that name, the next run refuses the file",
          "test_relasi_lembar_hasil_bukan_worksheet",
          lambda t, m: t.cek == "baca-ulang" and "nama lembar ganda" in t.rincian),
    Kelas("evaluasi-hanya-kolom-hitung", "an Evaluasi row holding only Capaian (%)/Kategori "
          "counts as data, Hitung empties it: the next run differs",
          "test_evaluasi_hanya_kolom_hitung_idempoten",
          _idempoten(r"hanya di proses pertama: \[[^]]*wajib-diisi@Evaluasi")),
    Kelas("galat-di-kolom-hitung", "an error value in a computed column stays listed "
          "(rumus-galat) after Hitung overwrote it", "test_galat_di_kolom_hitung_idempoten",
          _idempoten(r"hanya di proses pertama: \[[^]]*rumus-galat@(?:Evaluasi!(?:H|I)|"
                     r"Program!E)\d")),
    Kelas("dua-v", "a cell with two <v>: reader and writer pick different ones, the second "
          "run changes the file again (and Hitung may leave an error text as a number's "
          "value, which openpyxl refuses)", "test_dua_v_satu_aturan",
          lambda t, m: "two <v>" in m and (t.cek == "idempoten" or (
              t.cek == "openpyxl" and "keluaran proses tidak" in t.rincian))),
    Kelas("strict-sharedstrings", "Strict OOXML sharedStrings.xml read as empty strings",
          "test_sharedstrings_strict_terbaca", _idempoten("", r"Strict OOXML")),
    Kelas("teks-panjang-kuadratik", "long unbroken text: wrapping time and memory grow "
          "with the square of the word length", "test_teks_panjang_tanpa_spasi_linear",
          lambda t, m: t.cek in ("waktu", "memori") and "unbroken text" in m),
    Kelas("pesan-inggris", "Python/zipfile/zlib/libxml2 exception text embedded in a "
          "refusal message", "test_pesan_penolakan_hanya_indonesia",
          lambda t, m: t.cek == "bahasa" and re.search(_PENOLAKAN, t.rincian) is not None),
    Kelas("part-rusak-diam", "a part openpyxl (and Excel) cannot read is accepted and "
          "copied without a galat or peringatan naming it", "test_part_rusak_dilaporkan",
          lambda t, m: t.cek == "openpyxl" and "masukan sudah tak terbaca" in t.rincian),
)
PER_ID = {k.id: k for k in KELAS}


def _tanda(t: TemuanFuzz) -> str:
    """A short signature of a finding no class claims."""
    if t.cek == "galat-internal":
        m = re.search(r"kesalahan tak terduga \((\w+)", t.rincian)
        return m.group(1) if m else "traceback"
    if t.cek == "bahasa":
        m = re.search(r": (['\"])(.*?)\1 dalam", t.rincian)
        return m.group(2)[:40] if m else "?"
    return re.sub(r"[^\w-]+", "-", t.rincian[:40]).strip("-")


def golongkan(t: TemuanFuzz, uraian: Sequence[str] = ()) -> str:
    """The class id of a finding, or ``baru/<check>/<signature>``."""
    masukan = "\n".join(uraian)
    for k in KELAS:
        if k.cocok(t, masukan):
            return k.id
    return f"baru/{t.cek}/{_tanda(t)}"


@functools.lru_cache(maxsize=1)
def _uji_xfail() -> frozenset[str]:
    """Names of the tests in tests/test_fuzz_temuan.py that carry an xfail marker."""
    pohon = ast.parse(BERKAS_REPRODUKSI.read_text(encoding="utf-8"))
    return frozenset(
        f.name for f in pohon.body if isinstance(f, ast.FunctionDef)
        and any("xfail" in ast.unparse(d) for d in f.decorator_list))


def diketahui(kelas: str) -> bool:
    """Known and not fixed yet: its reproducer is still marked xfail."""
    k = PER_ID.get(kelas)
    return k is not None and k.uji in _uji_xfail()
