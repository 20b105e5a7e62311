"""The rule registry: each rule is a small function with a stable id and a level."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rkt_xl.hitung import HasilHitung
from rkt_xl.model import RKT
from rkt_xl.temuan import Temuan, Tingkat

FungsiAturan = Callable[[RKT, HasilHitung], Iterable[Temuan]]


@dataclass(frozen=True)
class Aturan:
    id: str
    tingkat: Tingkat  # the usual level
    judul: str  # when the rule fires, in Indonesian (docs/aturan.md)
    contoh: str  # an example message, for the catalogue
    tingkat_lain: tuple[Tingkat, ...] = ()  # other levels it fires at, by case


KATALOG: dict[str, Aturan] = {}
_FUNGSI: list[tuple[str, FungsiAturan]] = []


def daftarkan(id: str, tingkat: Tingkat, judul: str, contoh: str,
              tingkat_lain: tuple[Tingkat, ...] = ()) -> Aturan:
    """Register a rule id that is emitted by some checker (see ``pemeriksa``)."""
    if id in KATALOG:
        raise ValueError(f"aturan {id!r} didaftarkan dua kali")
    a = Aturan(id, tingkat, judul, contoh, tingkat_lain)
    KATALOG[id] = a
    return a


def pemeriksa(fungsi: FungsiAturan) -> FungsiAturan:
    """Register a checker: a pure function of the model that yields findings."""
    _FUNGSI.append((fungsi.__module__ + "." + fungsi.__name__, fungsi))
    return fungsi


def temuan(aturan: Aturan, lembar: str, sel: str, pesan: str, saran: str = "",
           tingkat: Tingkat | None = None) -> Temuan:
    """A finding of ``aturan``, at its usual level unless ``tingkat`` (one of its
    ``tingkat_lain``) says otherwise."""
    if tingkat is not None and tingkat is not aturan.tingkat and \
            tingkat not in aturan.tingkat_lain:
        raise ValueError(f"aturan {aturan.id!r} tidak berlaku pada tingkat {tingkat.value}")
    return Temuan(tingkat or aturan.tingkat, aturan.id, lembar, sel, pesan, saran)


def kode(teks: str) -> str:
    """A row's code as a message names it after a noun ("indikator 1.1"): with its
    space, or nothing when the code is empty (never "indikator  (…)")."""
    return f" {teks}" if teks else ""


def jalankan(rkt: RKT, hasil: HasilHitung) -> list[Temuan]:
    semua: list[Temuan] = []
    for _, f in _FUNGSI:
        semua.extend(f(rkt, hasil))
    return semua
