"""The embedded example: RKT 2018 of Dinas Koperasi UKM dan Tenaga Kerja, Kabupaten
Sinjai, as its staff typed it (errors included, so Validasi has real work)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

NAMA_BERKAS = "RKT_Sinjai_2018.xlsm"


def data_contoh() -> dict[str, Any]:
    teks = resources.files("rkt_xl").joinpath("data/contoh_sinjai_2018.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(teks)
    return data
