"""Generated sheets as data: pure builders from the model to ``Layout``.

``bangun_semua`` gives the four appendix sheets in document order; ``bangun_validasi``
the findings sheet. Engines render these (see ``rkt_xl.engine.file.render``).
"""

from __future__ import annotations

from rkt_xl.hitung import HasilHitung
from rkt_xl.lampiran.lampiran_1 import bangun_lampiran_1
from rkt_xl.lampiran.lampiran_2 import bangun_lampiran_2
from rkt_xl.lampiran.layout import Layout
from rkt_xl.lampiran.tabel_2_4 import bangun_tabel_2_4
from rkt_xl.lampiran.tabel_2_5 import bangun_tabel_2_5
from rkt_xl.lampiran.validasi import bangun_validasi
from rkt_xl.model import RKT

__all__ = [
    "bangun_lampiran_1",
    "bangun_lampiran_2",
    "bangun_semua",
    "bangun_tabel_2_4",
    "bangun_tabel_2_5",
    "bangun_validasi",
]


def bangun_semua(rkt: RKT, hasil: HasilHitung) -> list[Layout]:
    """Tabel 2.4, Tabel 2.5, Lampiran I, Lampiran II (``skema.LEMBAR_LAMPIRAN`` order)."""
    return [
        bangun_tabel_2_4(rkt, hasil),
        bangun_tabel_2_5(rkt, hasil),
        bangun_lampiran_1(rkt, hasil),
        bangun_lampiran_2(rkt, hasil),
    ]
