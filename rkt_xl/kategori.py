"""Kategori scales as data: a scale is a list of bands, so a new one needs no code."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Pita:
    """One band: capaian x belongs here when ``bawah < x <= atas`` (None = open)."""

    kategori: str
    bawah: Decimal | None
    atas: Decimal | None

    def memuat(self, x: Decimal) -> bool:
        return (self.bawah is None or x > self.bawah) and (self.atas is None or x <= self.atas)


def _skala(*pita: tuple[str, str | None, str | None]) -> tuple[Pita, ...]:
    return tuple(Pita(k, None if b is None else Decimal(b), None if a is None else Decimal(a))
                 for k, b, a in pita)


SKALA: dict[str, tuple[Pita, ...]] = {
    # Permendagri 86/2017, evaluasi hasil RKPD: the five-level scale on capaian (%).
    "Permendagri 86/2017": _skala(
        ("Sangat Tinggi", "90", None),
        ("Tinggi", "75", "90"),
        ("Sedang", "65", "75"),
        ("Rendah", "50", "65"),
        ("Sangat Rendah", None, "50"),
    ),
}
SKALA_BAKU = "Permendagri 86/2017"


def kategori(capaian: Decimal, skala: str = SKALA_BAKU) -> str:
    """The kategori of a capaian on the named scale (KeyError for an unknown scale)."""
    for pita in SKALA[skala]:
        if pita.memuat(capaian):
            return pita.kategori
    raise ValueError(f"skala {skala!r} tidak mencakup capaian {capaian}")  # pragma: no cover
