"""A1 cell addresses: column letters, cell references and ranges (every engine's).

One module for all of them, so the file engine, the xlwings engine, the PDF export
and the JSON exchange agree on how ``"AB12"`` and ``"A1:G35"`` are read and written.
"""

from __future__ import annotations

import re

__all__ = ["alamat", "angka_ke_kolom", "kolom_alamat", "kolom_ke_angka", "pecah_alamat", "rentang"]

_ALAMAT = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


def kolom_ke_angka(huruf: str) -> int:
    n = 0
    for ch in huruf.upper():
        n = n * 26 + ord(ch) - 64
    return n


def angka_ke_kolom(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def pecah_alamat(alamat: str) -> tuple[int, int]:
    """"H5" → (row 5, column 8)."""
    m = _ALAMAT.match(alamat)
    if not m:
        raise ValueError(f"alamat sel tidak valid: {alamat!r}")
    return int(m.group(2)), kolom_ke_angka(m.group(1))


def alamat(baris: int, kolom: int) -> str:
    return f"{angka_ke_kolom(kolom)}{baris}"


def rentang(ref: str) -> tuple[int, int, int, int]:
    a, _, b = ref.partition(":")
    r1, c1 = pecah_alamat(a)
    r2, c2 = pecah_alamat(b or a)
    return r1, c1, r2, c2


# Column letters of a cell reference ("AB" of "AB12", "$C$" of "$C$7") → column number.
# Only letter runs that pecah_alamat accepts are remembered; anything else goes through
# pecah_alamat itself, so an odd reference is accepted or refused exactly as before.
_HURUF = re.compile(r"\$?([A-Za-z]{1,3})\$?")
_KOLOM: dict[str, int] = {}
_ANGKA = "0123456789"


def kolom_alamat(ref: str) -> int:
    """The column number of a cell reference: ``pecah_alamat(ref)[1]``, remembered per
    column letters."""
    huruf = ref.rstrip(_ANGKA)
    if len(huruf) < len(ref):
        k = _KOLOM.get(huruf)
        if k is not None:
            return k
        m = _HURUF.fullmatch(huruf)
        if m is not None:
            k = _KOLOM[huruf] = kolom_ke_angka(m.group(1))
            return k
    return pecah_alamat(ref)[1]
