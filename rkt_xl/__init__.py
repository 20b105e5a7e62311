"""rkt_xl — Rencana Kinerja Tahunan (RKT) in Excel: validate, compute, print.

``rkt_xl.baca(path)`` and ``rkt_xl.rekap(paths)`` return pandas DataFrames (DESIGN §6b).
They are loaded on first use (module ``__getattr__``), so ``import rkt_xl``, the
command line and the Excel UDFs do not import pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "baca", "rekap"]

if TYPE_CHECKING:
    from rkt_xl.rekapan.bingkai import baca, rekap


def __getattr__(nama: str) -> Any:
    if nama in ("baca", "rekap"):
        from rkt_xl.rekapan import bingkai

        return getattr(bingkai, nama)
    raise AttributeError(f"module 'rkt_xl' has no attribute {nama!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), "baca", "rekap"])
