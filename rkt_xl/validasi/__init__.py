"""Validasi: every rule as a small pure function over the model (catalogue:
docs/aturan.md). Importing the rule modules registers them, in this order."""

from __future__ import annotations

from rkt_xl.hitung import HasilHitung, hitung
from rkt_xl.model import RKT
from rkt_xl.temuan import Temuan
from rkt_xl.validasi import hitungan, identitas, isian, kode, renstra, struktur  # noqa: F401
from rkt_xl.validasi.registri import KATALOG, Aturan

__all__ = ["ATURAN_ISI_SEL", "ATURAN_KOLOM_HITUNG", "KATALOG", "Aturan", "periksa"]

# Rules about the computed columns only: after Hitung writes them, they no longer hold.
ATURAN_KOLOM_HITUNG = frozenset({"capaian-tidak-sesuai", "kategori-tidak-sesuai",
                                 "pagu-program-tidak-sesuai", "belum-dihitung"})
# Rules about what a cell holds: at a computed cell Hitung has just overwritten, they
# no longer hold either (its format does: angka-persen stays).
ATURAN_ISI_SEL = frozenset({"angka-tidak-valid", "angka-ambigu", "angka-teks",
                            "angka-negatif", "rumus-galat", "rumus-tanpa-nilai"})


def periksa(rkt: RKT, hasil: HasilHitung | None = None) -> list[Temuan]:
    """All findings for the document, in rule order then workbook order."""
    from rkt_xl.validasi.registri import jalankan

    return jalankan(rkt, hasil if hasil is not None else hitung(rkt))
