"""Checking the JSON interchange data (``rkt-xl/1``) before any cell is written.

The builder refuses bad data up front, in Indonesian, because the same dict comes
from ``rkt-xl baru --dari data.json`` where a user reads the message.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, TypeAlias

from rkt_xl import skema
from rkt_xl.galat import GalatBerkas

FORMAT_DATA = "rkt-xl/1"
KUNCI_FORMAT = "format"

# bool is accepted because `rkt-xl ekspor` exports a TRUE/FALSE cell as JSON true/false,
# and ekspor → baru must give the same workbook back.
Nilai: TypeAlias = str | bool | int | float | None
Baris: TypeAlias = list[Nilai]

# A double holds every integer up to 2**53 exactly; beyond that Excel would silently
# round a Pagu, so such a number is refused rather than stored wrong.
BATAS_BILANGAN_BULAT = 2**53
# Excel's hard limit on the length of one cell's text.
PANJANG_TEKS_MAKS = 32767


def kunci_data(tabel: skema.TabelSkema) -> str:
    """The JSON key of a table: its sheet name in lower case (``"sasaran"``…)."""
    return tabel.lembar.lower()


KUNCI_SAH: frozenset[str] = frozenset({KUNCI_FORMAT, *(kunci_data(t) for t in skema.TABEL)})


class DataTidakValid(GalatBerkas, ValueError):
    """The interchange data cannot be written into a workbook as it is."""


def periksa_nilai(nilai: object, tempat: str) -> Nilai:
    """``nilai`` when a cell can hold it exactly, else :class:`DataTidakValid`."""
    if nilai is None or isinstance(nilai, bool):
        return nilai
    if isinstance(nilai, Decimal):
        # The model keeps Rupiah as Decimal; a whole amount must stay an exact integer.
        nilai = int(nilai) if nilai == nilai.to_integral_value() else float(nilai)
    if isinstance(nilai, str):
        if len(nilai) > PANJANG_TEKS_MAKS:
            raise DataTidakValid(f"{tempat}: teks lebih dari {PANJANG_TEKS_MAKS} karakter.")
        return nilai
    if not isinstance(nilai, int | float):
        raise DataTidakValid(f"{tempat}: nilai {nilai!r} bukan teks, angka, atau kosong (null).")
    if isinstance(nilai, float) and not math.isfinite(nilai):
        raise DataTidakValid(f"{tempat}: angka {nilai!r} tidak dapat disimpan di Excel.")
    if isinstance(nilai, int) and abs(nilai) > BATAS_BILANGAN_BULAT:
        raise DataTidakValid(
            f"{tempat}: angka {nilai} terlalu besar untuk disimpan tepat di Excel; "
            "tulis sebagai teks."
        )
    return nilai


def periksa_data(data: Mapping[str, Any]) -> None:
    """Refuse an unknown format or top-level key (a typo would silently lose a table)."""
    if not isinstance(data, Mapping):
        raise DataTidakValid("Data RKT harus berupa objek JSON (dict).")
    format_ = data.get(KUNCI_FORMAT, FORMAT_DATA)
    if format_ != FORMAT_DATA:
        raise DataTidakValid(f"Format data {format_!r} tidak dikenal; harus {FORMAT_DATA!r}.")
    asing = sorted(set(data) - KUNCI_SAH)
    if asing:
        raise DataTidakValid(f"Kunci tidak dikenal dalam data RKT: {', '.join(asing)}.")


def _kamus(data: Mapping[str, Any] | None, kunci: str) -> Mapping[str, Any]:
    isi = (data or {}).get(kunci) or {}
    if not isinstance(isi, Mapping):
        raise DataTidakValid(f"'{kunci}' harus berupa objek Kunci → Nilai.")
    return isi


def _kunci_urut(baku: Sequence[str], isi: Mapping[str, Any]) -> list[str]:
    """Contract keys first in contract order, then any extra keys as given."""
    return [*baku, *(k for k in isi if k not in baku)]


def baris_identitas(data: Mapping[str, Any] | None) -> list[Baris]:
    isi = _kamus(data, kunci_data(skema.IDENTITAS))
    return [
        [kunci, periksa_nilai(isi.get(kunci), f"identitas[{kunci!r}]")]
        for kunci in _kunci_urut(skema.KUNCI_IDENTITAS, isi)
    ]


def baris_pengaturan(data: Mapping[str, Any] | None) -> list[Baris]:
    """Defaults from skema unless the data names the key (even as null: empty on purpose,
    e.g. no Batas Capaian Maksimum)."""
    isi = _kamus(data, kunci_data(skema.PENGATURAN))
    baku = {kunci: (nilai, keterangan) for kunci, nilai, keterangan in skema.PENGATURAN_BAKU}
    baris: list[Baris] = []
    for kunci in _kunci_urut(tuple(baku), isi):
        nilai_baku, keterangan = baku.get(kunci, (None, None))
        nilai = isi.get(kunci, nilai_baku)
        baris.append([kunci, periksa_nilai(nilai, f"pengaturan[{kunci!r}]"), keterangan])
    return baris


def baris_tabel(tabel: skema.TabelSkema, data: Mapping[str, Any] | None) -> list[Baris]:
    """Rows of a list table in skema column order; a missing header is an empty cell."""
    kunci = kunci_data(tabel)
    daftar = (data or {}).get(kunci) or []
    if isinstance(daftar, str | bytes | Mapping) or not isinstance(daftar, Sequence):
        raise DataTidakValid(f"'{kunci}' harus berupa daftar baris.")
    return [_satu_baris(tabel, kunci, nomor, isi) for nomor, isi in enumerate(daftar, start=1)]


def _satu_baris(tabel: skema.TabelSkema, kunci: str, nomor: int, isi: object) -> Baris:
    tempat = f"{kunci} baris {nomor}"
    if not isinstance(isi, Mapping):
        raise DataTidakValid(f"{tempat}: harus berupa objek {{judul kolom: nilai}}.")
    asing = [k for k in isi if k not in tabel.kolom]
    if asing:
        raise DataTidakValid(
            f"{tempat}: kolom tidak dikenal {', '.join(map(repr, asing))}; "
            f"kolom {tabel.nama}: {', '.join(tabel.kolom)}."
        )
    return [periksa_nilai(isi.get(kolom), f"{tempat} [{kolom}]") for kolom in tabel.kolom]


def baris_untuk(tabel: skema.TabelSkema, data: Mapping[str, Any] | None) -> list[Baris]:
    """The rows to write into ``tabel``, whatever its shape."""
    if tabel is skema.IDENTITAS:
        return baris_identitas(data)
    if tabel is skema.PENGATURAN:
        return baris_pengaturan(data)
    return baris_tabel(tabel, data)
