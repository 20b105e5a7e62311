"""Is a message of rkt-xl Indonesian only? A detector of leaked exception text.

rkt-xl speaks Indonesian; what must never reach a user is the English of Python,
zipfile, zlib, lxml/libxml2 or decimal exceptions embedded in a message
("(File is not a zip file)", "(Bad CRC-32 for file …)", "Excessive depth in
document…", "berkas tidak dapat dibaca (None)") or a Python ``repr``.

Three kinds of evidence, each on one line of output:

1. a known English phrase of those libraries, or an exception class name;
2. a ``repr``-looking fragment: ``None``, ``<class '…'>``, ``Decimal('…')``, ``b'…'``,
   ``\\x..`` escapes, empty parentheses left by an empty exception message, libxml2's
   "line N, column M", ``nan``/``inf``;
3. two or more distinct English function words ("the", "is", "not", "of", …).

False positives come from the user's own words: messages quote cell text back
(``'12ulan' tidak dapat dibaca sebagai angka``). So every quoted segment whose content
is part of a text the fuzzer put into the workbook is masked first, and a hit that
lies inside an occurrence of such a text is ignored. Product names Excel shows in
English (``File → Info → Protect Workbook``, ``Hitung``) are not function words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# English of the libraries whose exceptions could leak, as they word it.
FRASA = (
    "File is not a zip file", "Bad CRC-32", "compression method", "Excessive depth",
    "Bad magic number", "Truncated file header", "Overlapped entries",
    "Premature end of data", "Opening and ending tag mismatch", "Document is empty",
    "Start tag expected", "Extra content at the end", "Couldn't find end of Start Tag",
    "invalid literal", "could not convert", "can't decode", "codec", "invalid start byte",
    "invalid continuation byte", "unexpected end of data", "while decompressing",
    "invalid block type", "invalid distance", "invalid stored block", "incorrect header check",
    "not supported", "No such file", "Permission denied", "huge input lookup",
    "Specification mandates", "PCDATA invalid Char", "AttValue", "EntityRef",
    "Namespace prefix", "is not defined", "out of range", "division by zero",
    "has no attribute", "unsupported operand", "cannot convert", "math range error",
    "Errno", "Traceback", "NoneType", "object at 0x", "zipfile", "zlib", "lxml",
    "libxml2", "xmlSAX2", "Unicode", "unicode", "ascii", "utf-8", "surrogates",
    "Input is not proper UTF-8", "Char 0x", "encoding error", "Unsupported encoding",
    "Document labelled UTF-16", "String not started", "String not closed",
    "attributes construct error", "Couldn't find end", "xmlns", "EOF", "expected",
    "Expected", "Invalid", "invalid", "Error", "error", "Exception", "Warning",
    "Infinity", "Overflow", "overflow", "Decimal", "InvalidOperation",
)
_POLA_FRASA = re.compile("|".join(re.escape(f) for f in sorted(FRASA, key=len, reverse=True)))

POLA_REPR = tuple(re.compile(p) for p in (
    r"\b[A-Z][A-Za-z]*(?:Error|Exception|Warning|Exit)\b",  # class names
    r"\bNone\b", r"\b(?:True|False)\b",
    r"<[A-Za-z_][\w.]*(?: object)? at 0x[0-9a-fA-F]+>", r"<(?:class|module|function) '",
    r"\b[A-Z]\w*\((?:'|\"|\d|[a-z_]+=)",  # a constructor call: Decimal('1'), ZipInfo(filename=
    r"\bb'[^']*'", r'\bb"[^"]*"',  # bytes
    r"\\x[0-9a-fA-F]{2}", r"\\u[0-9a-fA-F]{4}", r"\\U[0-9a-fA-F]{8}",  # str escapes
    r"\(\s*\)\s*(?:[;.,]|$)",  # an exception with an empty message, closing a sentence
    r"\bline \d+", r"\bcolumn \d+",  # libxml2 positions
    r"\b(?:nan|NaN|inf|sNaN)\b",
    r"\[[<(]",  # a list of reprs: [<class …>], [('a', 1)]
))

# English function words; none is an Indonesian word or a name rkt-xl uses.
KATA_INGGRIS = frozenset((
    "the", "is", "not", "of", "for", "with", "while", "at", "and", "or", "was", "be", "been",
    "cannot", "could", "unable", "failed", "found", "expected", "invalid", "missing",
    "unexpected", "an", "to", "from", "by", "this", "that", "than", "has", "have", "does",
    "did", "can't", "isn't", "doesn't", "in", "on", "into", "file", "end", "document",
    "byte", "bytes", "character", "line", "column", "value", "type", "name", "object",
    "attribute", "must", "should", "only", "too", "many", "large", "small", "no",
))
_KONTEKS = 8
_KUTIPAN = re.compile(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"")
_KATA = re.compile(r"[A-Za-z][A-Za-z']*")
_TUTUP = "\u2591"


@dataclass(frozen=True)
class Asing:
    """One piece of foreign text in a line of output."""

    bukti: str  # the phrase, fragment or words found
    baris: str  # the line (shortened)

    def __str__(self) -> str:
        return f"{self.bukti!r} dalam: {self.baris}"


_KONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def ditulis_excel(teks: str) -> str:
    """A text as a file stores it (and rkt_xl reads it back): a literal ``_xHHHH_`` is
    escaped as ``_x005F_xHHHH_``, a control character as ``_xHHHH_``."""
    teks = re.sub(r"(_x[0-9a-fA-F]{4}_)", r"_x005F\1", teks)
    return _KONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", teks)


class Pengguna:
    """The texts a user (here: the fuzzer) put into the workbook, for masking: each as
    typed and as stored, whole and line by line (output is checked per line, and a
    message quoting a text with a line break spreads it over lines)."""

    def __init__(self, teks: Iterable[str]) -> None:
        semua: set[str] = set()
        for t in teks:
            for bentuk in (t, ditulis_excel(t)):
                semua.add(bentuk)
                # messages quote a text trimmed, and each of its lines trimmed
                semua.update(bentuk.splitlines())
                semua.update(x.strip() for x in bentuk.splitlines())
        self.teks = sorted((t for t in semua if t.strip()), key=len, reverse=True)
        self._gumpal = "\0".join(self.teks)
        self._dimuat: dict[str, bool] = {}  # a big table quotes the same texts again

    def memuat(self, potongan: str) -> bool:
        """``potongan`` is (part of) a user's text."""
        if potongan not in self._dimuat:
            self._dimuat[potongan] = bool(potongan) and potongan in self._gumpal
        return self._dimuat[potongan]

    def menutupi(self, baris: str, awal: int, akhir: int) -> bool:
        """The span [awal, akhir) of ``baris`` lies in an occurrence of a user's text,
        whole, or in a stretch of the line that is part of one and reaches at least
        ``_KONTEKS`` characters beyond the span (a message may quote a text trimmed,
        or cut at a line break; exception text is never part of a user's text for
        that long)."""
        for t in self.teks:
            if len(t) < akhir - awal:
                break
            i = baris.find(t, max(0, akhir - len(t)))
            while i != -1 and i <= awal:
                if i + len(t) >= akhir:
                    return True
                i = baris.find(t, i + 1)
        if not self.memuat(baris[awal:akhir]):
            return False
        kiri, kanan = awal, akhir
        while kiri > 0 and self.memuat(baris[kiri - 1:kanan]):
            kiri -= 1
        while kanan < len(baris) and self.memuat(baris[kiri:kanan + 1]):
            kanan += 1
        return (kanan - kiri) - (akhir - awal) >= _KONTEKS


_TAK_TAMPAK = re.compile(r"⟨U\+([0-9A-F]{4,6})⟩")
_PANJANG_TUTUP = 6


def _isi_kutipan(kutipan: str) -> list[str]:
    """What a quotation may hold of the user's text: rkt_xl.kutip quotes as typed,
    with invisible characters named (⟨U+200B⟩), and a formula after its "="."""
    isi = _TAK_TAMPAK.sub(lambda m: chr(int(m.group(1), 16)), kutipan[1:-1])
    return [isi, isi[1:]] if isi.startswith("=") else [isi]


def tutup_kutipan(baris: str, pengguna: Pengguna) -> str:
    """``baris`` with every quoted user text replaced by a same-length placeholder."""
    def ganti(m: re.Match[str]) -> str:
        return _TUTUP * len(m.group()) \
            if any(pengguna.memuat(x) for x in _isi_kutipan(m.group())) else m.group()

    return _KUTIPAN.sub(ganti, baris)


def tutup_teks(baris: str, pengguna: Pengguna) -> str:
    """``baris`` with every user text of ``_PANJANG_TUTUP`` characters or more that it
    holds verbatim, quoted or not, replaced by a same-length placeholder: a message
    may put a name in its own brackets ("Program 1 (NAMA)"), and a pattern then spans
    rkt-xl's bracket and the user's characters."""
    for t in pengguna.teks:
        if len(t) < _PANJANG_TUTUP:
            break
        baris = baris.replace(t, _TUTUP * len(t))
    return baris


def periksa_baris(baris: str, pengguna: Pengguna) -> list[Asing]:
    """The foreign text in one line of output."""
    tertutup = tutup_kutipan(baris, pengguna)
    pendek = baris if len(baris) <= 300 else baris[:300] + "…"
    hasil: list[Asing] = []
    tanpa_teks: str | None = None
    for pola in (_POLA_FRASA, *POLA_REPR):
        for m in pola.finditer(tertutup):
            if pengguna.menutupi(baris, m.start(), m.end()):
                continue
            if tanpa_teks is None:  # only for a hit: it walks every user text
                tanpa_teks = tutup_teks(tertutup, pengguna)
            if any(not pengguna.menutupi(baris, x.start(), x.end())
                   for x in pola.finditer(tanpa_teks)):
                hasil.append(Asing(m.group(), pendek))
            break
    kata = sorted({m.group() for m in _KATA.finditer(tertutup)
                   if m.group() in KATA_INGGRIS
                   and not pengguna.menutupi(baris, m.start(), m.end())})
    if len(kata) >= 2:
        hasil.append(Asing(" ".join(kata), pendek))
    return hasil


def periksa_teks(teks: str, pengguna: Pengguna) -> list[Asing]:
    """The foreign text in a whole output (each line on its own)."""
    return [a for baris in teks.splitlines() for a in periksa_baris(baris, pengguna)]
