"""Findings: what Validasi reports, one per problem, each pointing at its cell."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum


class Tingkat(str, Enum):
    GALAT = "galat"
    PERINGATAN = "peringatan"
    INFO = "info"

    @property
    def urutan(self) -> int:
        return {"galat": 0, "peringatan": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Temuan:
    tingkat: Tingkat
    aturan: str  # stable rule id (docs/aturan.md)
    lembar: str
    sel: str  # A1 address ("" when the finding is about a sheet or table)
    pesan: str
    saran: str = ""

    def ke_dict(self) -> dict[str, str]:
        d = asdict(self)
        d["tingkat"] = self.tingkat.value
        return d


def urutkan(temuan: list[Temuan]) -> list[Temuan]:
    """galat → peringatan → info; within a level, in workbook order (stable)."""
    return sorted(temuan, key=lambda t: t.tingkat.urutan)


def hitung_tingkat(temuan: list[Temuan]) -> dict[Tingkat, int]:
    hasil = {t: 0 for t in Tingkat}
    for t in temuan:
        hasil[t.tingkat] += 1
    return hasil
