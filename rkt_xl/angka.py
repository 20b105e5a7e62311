"""Numbers the Indonesian way: strict parsing of text, formatting, rounding, terbilang.

Indonesian notation: ``.`` groups thousands in threes, ``,`` is the decimal mark
(``1.234.567`` and ``84,03``). Text pasted from Word mixes in English habits, so the
parser is deliberately strict (DESIGN §4): a malformed grouping is rejected, an
ambiguous one (``1.08``: 1,08 or 108?) is reported with both readings, and nothing is
ever guessed silently. Real numeric cells are taken as they are.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from rkt_xl.kutip import kutip
from rkt_xl.model import Bacaan, GalatExcel, RumusTanpaNilai, Status

__all__ = [
    "BATAS_RUPIAH",
    "baca",
    "bulatkan",
    "format_angka",
    "format_persen",
    "format_rupiah",
    "ke_decimal",
    "satuan_persen",
    "terbilang",
]

_RP = re.compile(r"^rp\.?\s*", re.IGNORECASE)
# ASCII digits only, as Excel reads numbers: "١٢٣" or "１２３" is text, not 123.
_TOKEN = re.compile(r"^\d[\d.,]*", re.ASCII)
# A unit: words of letters (and / % . - ( ) spaces), no digits, no commas.
_SATUAN = re.compile(r"^(?:[^\W\d_][^\d,;=]*|%)$", re.UNICODE)
# A leading group never starts with 0 when thousands follow: "0.125" is an English
# decimal pasted from elsewhere, not 125 (it is reported as ambiguous instead).
_INDONESIA = re.compile(r"^(?:0|[1-9]\d{0,2}(?:\.\d{3})*)(?:,\d+)?$|^\d+(?:,\d+)?$",
                        re.ASCII)


def ke_decimal(v: int | float | Decimal) -> Decimal:
    """A numeric cell value as Decimal, through its shortest repr (0.1 stays 0.1)."""
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int):
        return Decimal(v)
    return Decimal(repr(float(v)))


def _kali_seratus(d: Decimal) -> Decimal:
    """``d`` × 100 exactly (0.8403 → 84.03, 0.85 → 85): a shift of the exponent, so
    the percent value has no rounding of its own."""
    hasil = d.scaleb(2)
    return hasil.quantize(Decimal(1)) if hasil == hasil.to_integral_value() else hasil


def _tidak_valid(alasan: str) -> Bacaan:
    return Bacaan(Status.TIDAK_VALID, alasan=alasan)


SERATUS = Decimal(100)
BATAS_RUPIAH = 2**53
"""The largest whole number a double (an Excel cell) holds exactly: a Rupiah amount or
sum above it would be stored rounded, so it is refused rather than written wrong."""
BATAS_ANGKA = Decimal("1e300")
"""Beyond this a computed value is not stored (Excel's doubles end near 1.8e308)."""


def baca(
    nilai: object,
    *,
    boleh_satuan: bool = False,
    boleh_kualitatif: bool = False,
    persen: bool = False,
) -> Bacaan:
    """Read one cell value as a number.

    ``boleh_satuan``: a unit may follow the number (``"12 Bulan"`` → 12, ``Bulan``).
    ``boleh_kualitatif``: descriptive text (a qualitative target) is acceptable and is
    reported as ``KUALITATIF`` rather than ``TIDAK_VALID``.
    ``persen``: the cell's number format is a percentage: the stored 0.85 is shown,
    typed and meant as 85 %, so it is read as 85 with unit ``%``, exactly as the
    text ``"85%"`` is (DESIGN §4b).
    """
    if nilai is None:
        return Bacaan(Status.KOSONG)
    if isinstance(nilai, bool):
        return _tidak_valid("berisi nilai logika (BENAR/SALAH), bukan angka")
    if isinstance(nilai, (int, float, Decimal)):
        if isinstance(nilai, float) and (nilai != nilai or nilai in (float("inf"), float("-inf"))):
            return _tidak_valid("bukan angka yang terhingga")
        if isinstance(nilai, Decimal) and not nilai.is_finite():
            # NaN would raise InvalidOperation in the first comparison downstream.
            return _tidak_valid("bukan angka yang terhingga")
        if persen:
            return Bacaan(Status.ANGKA, _kali_seratus(ke_decimal(nilai)), satuan="%")
        return Bacaan(Status.ANGKA, ke_decimal(nilai))
    if isinstance(nilai, GalatExcel):
        return _tidak_valid(f"berisi galat rumus {nilai.kode}")
    if isinstance(nilai, RumusTanpaNilai):
        return _tidak_valid("berisi rumus yang belum pernah dihitung")
    if isinstance(nilai, (_dt.datetime, _dt.date, _dt.time)):
        return _tidak_valid("berisi tanggal/waktu, bukan angka (format sel diubah Excel?)")
    teks = str(nilai).replace("\u00a0", " ").strip()
    if not teks:
        return Bacaan(Status.KOSONG)
    return _baca_teks(teks, boleh_satuan=boleh_satuan, boleh_kualitatif=boleh_kualitatif)


def _baca_teks(teks: str, *, boleh_satuan: bool, boleh_kualitatif: bool) -> Bacaan:
    sisa = _RP.sub("", teks, count=1)
    negatif = sisa[:1] in ("-", "\u2212")
    if sisa[:1] in ("-", "\u2212", "+"):
        sisa = sisa[1:].lstrip()
    m = _TOKEN.match(sisa)
    if m is None:
        if boleh_kualitatif:
            return Bacaan(Status.KUALITATIF, alasan="target berupa uraian, bukan angka")
        return _tidak_valid(f"teks {kutip(teks)} bukan angka")
    token, ekor = m.group(), sisa[m.end():]
    if token.endswith(",") and ekor.startswith("-") and not ekor[1:].strip():
        token, ekor = token[:-1], ""  # "56.460.000,-": the Rupiah dash of invoices
    if token.endswith((".", ",")):
        return _tidak_valid(
            f"{kutip(teks)} tidak dapat dibaca: tanda pemisah lepas di akhir angka")
    satuan: str | None = None
    if ekor:
        satuan = ekor.strip()
        dipisah = ekor[0].isspace() or ekor[0] == "%"
        if not dipisah:
            # "12ulan" is a typo, not the number 12 with unit "ulan".
            return _tidak_valid(f"{kutip(teks)} tidak dapat dibaca sebagai angka")
        if not _SATUAN.match(satuan):
            if boleh_kualitatif:
                return Bacaan(Status.KUALITATIF, alasan="target berupa uraian, bukan satu angka")
            return _tidak_valid(f"{kutip(teks)} bukan satu angka")
        if not boleh_satuan:
            return _tidak_valid(f"{kutip(teks)}: kolom ini hanya berisi angka, tanpa satuan")
    nilai = _baca_token(token)
    if isinstance(nilai, Bacaan):
        return nilai
    return Bacaan(Status.TEKS_ANGKA, -nilai if negatif else nilai, satuan=satuan)


def _baca_token(token: str) -> Decimal | Bacaan:
    """A bare digits-and-separators token, Indonesian notation, strictly."""
    if _INDONESIA.match(token):
        bulat, _, pecahan = token.partition(",")
        return Decimal(bulat.replace(".", "") + ("." + pecahan if pecahan else ""))
    titik = token.count(".")
    koma = token.count(",")
    if titik == 1 and koma == 0:
        # "1.08": English decimal 1,08 or a thousands group typed short (108)?
        bulat, pecahan = token.split(".")
        dibaca = Decimal(f"{bulat}.{pecahan}")
        lain = Decimal(bulat + pecahan)
        return Bacaan(
            Status.AMBIGU,
            alasan=(f"{kutip(token)} ambigu: {format_angka(dibaca, len(pecahan))} (titik sebagai "
                    f"koma desimal) atau {format_angka(lain)}? Dalam penulisan Indonesia titik "
                    "memisahkan ribuan per tiga angka"),
            kemungkinan=(dibaca, lain),
        )
    if koma == 1 and titik >= 1 and token.index(",") < token.rindex("."):
        return _tidak_valid(
            f"{kutip(token)} memakai penulisan Inggris (koma ribuan, titik desimal); "
            "tulis dengan titik untuk ribuan dan koma untuk desimal")
    if koma > 1:
        return _tidak_valid(f"{kutip(token)} memuat lebih dari satu koma desimal")
    return _tidak_valid(
        f"{kutip(token)} salah kelompok ribuan: titik harus memisahkan tepat tiga angka")


def satuan_persen(satuan: str) -> bool:
    """A unit that is a percentage: ``%``, ``persen``, ``Persen (%)``…"""
    t = satuan.strip().lower()
    return "%" in t or t in ("persen", "prosen", "persentase")


def _presisi(x: Decimal, desimal: int) -> int:
    """Digits a quantize to ``desimal`` places needs: any finite double (up to 1e308)
    is printed in full, never an InvalidOperation from the default 28 digits."""
    return max(28, x.adjusted() + desimal + 3)


def bulatkan(x: Decimal, desimal: int = 2) -> Decimal:
    """Round half up (the rule for every number printed as text)."""
    with localcontext() as ctx:
        ctx.prec = _presisi(x, desimal)
        return x.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def format_angka(x: int | float | Decimal, desimal: int | None = None) -> str:
    """``1234567`` → ``1.234.567``; ``84.03`` → ``84,03``.

    ``desimal=None`` keeps the decimals the number has (trailing zeros removed);
    an integer number prints with none.
    """
    d = ke_decimal(x) if not isinstance(x, Decimal) else x
    if not d.is_finite():
        return "bukan angka" if d.is_nan() else ("-∞" if d < 0 else "∞")
    if not desimal and d == d.to_integral_value():
        # most printed numbers are whole Rupiah (a third of the appendices' cells)
        return f"{int(d):,}".replace(",", ".")
    d = bulatkan(d, desimal) if desimal is not None else d.normalize()
    utuh, _, pecahan = f"{abs(d):f}".partition(".")
    hasil = f"{int(utuh):,}".replace(",", ".") + ("," + pecahan if pecahan else "")
    return ("-" if d < 0 else "") + hasil


def format_persen(x: Decimal | float | int) -> str:
    """Capaian as printed: two decimals, Indonesian mark (``102,38``)."""
    return format_angka(x, 2)


def format_rupiah(x: int | Decimal) -> str:
    """``Rp 1.234.567`` (Rupiah are whole numbers)."""
    return "Rp " + format_angka(x, 0)


def terbilang(x: int | float | Decimal, rupiah: bool = False) -> str:
    """The number in Indonesian words (num2words), ``rupiah`` appends the currency."""
    from num2words import num2words  # imported here: UDF start-up stays light

    d = x if isinstance(x, Decimal) else ke_decimal(x)
    if rupiah:
        d = bulatkan(d, 0)
    try:
        kata: str = num2words(int(d) if d == d.to_integral_value() else d, lang="id")
    except (InvalidOperation, OverflowError, NotImplementedError) as e:  # pragma: no cover
        raise ValueError(f"{x} tidak dapat dieja") from e
    kata = kata.strip()
    if rupiah:
        kata += " rupiah"
    return kata[:1].upper() + kata[1:]
