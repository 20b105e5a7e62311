"""JSON interchange of a whole RKT (``rkt-xl ekspor`` / ``rkt-xl baru --dari``).

The format mirrors the workbook contract: one list of rows per table, each row keyed
by the exact header text, so an e-SAKIP integrator needs no other documentation::

    {"format": "rkt-xl/1",
     "identitas": {"Nama OPD": "...", ...}, "pengaturan": {"Rumus Indikator Negatif": "2T-R"},
     "sasaran": [{"Kode": "1.1", "Tujuan": "...", ...}], "evaluasi": [...],
     "program": [...], "kegiatan": [...]}
"""

from __future__ import annotations

import datetime as _dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from rkt_xl import skema
from rkt_xl.alamat import alamat
from rkt_xl.galat import GalatBerkas
from rkt_xl.model import Baris, GalatExcel, NilaiMentah, Sel, Tabel

FORMAT = "rkt-xl/1"
# JSON key of each table's rows, in contract order.
KUNCI_TABEL: dict[str, str] = {
    skema.SASARAN_T.nama: "sasaran",
    skema.EVALUASI.nama: "evaluasi",
    skema.PROGRAM_T.nama: "program",
    skema.KEGIATAN_T.nama: "kegiatan",
}


def _ke_json(v: NilaiMentah) -> Any:
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, (_dt.datetime, GalatExcel)):
        return str(v)
    return v


def _dari_json(v: Any) -> NilaiMentah:
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    raise ValueError(f"nilai {v!r} tidak didukung (hanya teks, angka, null)")


def ke_data(tabel: dict[str, Tabel]) -> dict[str, Any]:
    """Tables as read from a workbook → the JSON document (user columns and computed)."""
    data: dict[str, Any] = {"format": FORMAT}
    for t, kunci in ((skema.IDENTITAS, "identitas"), (skema.PENGATURAN, "pengaturan")):
        isi: dict[str, Any] = {}
        if t.nama in tabel:
            for b in tabel[t.nama].baris:
                k = b.teks(skema.KUNCI)
                if k:
                    isi[k] = _ke_json(b.sel[skema.NILAI].mentah) if skema.NILAI in b.sel else None
        data[kunci] = isi
    for nama, kunci in KUNCI_TABEL.items():
        baris = tabel[nama].baris if nama in tabel else []
        kolom = skema.TABEL_MENURUT_NAMA[nama].kolom
        data[kunci] = [{k: _ke_json(b.sel[k].mentah) for k in kolom if k in b.sel
                        and b.sel[k].mentah is not None} for b in baris]
    return data


def ke_tabel(data: dict[str, Any]) -> dict[str, Tabel]:
    """The JSON document → tables, addressed as the template lays them out (header in
    row 1, first column A). Used for pure tests and for building workbooks."""
    hasil: dict[str, Tabel] = {}
    for t, kunci in ((skema.IDENTITAS, "identitas"), (skema.PENGATURAN, "pengaturan")):
        pasangan = list((data.get(kunci) or {}).items())
        baris_data = [{skema.KUNCI: k, skema.NILAI: v} for k, v in pasangan]
        hasil[t.nama] = _tabel(t, baris_data)
    for nama, kunci in KUNCI_TABEL.items():
        hasil[nama] = _tabel(skema.TABEL_MENURUT_NAMA[nama], data.get(kunci) or [])
    return hasil


def _tabel(t: skema.TabelSkema, baris_data: list[dict[str, Any]]) -> Tabel:
    baris = []
    for i, isi in enumerate(baris_data):
        nomor = i + 2
        b = Baris(t.lembar, nomor)
        for j, kolom in enumerate(t.kolom):
            b.sel[kolom] = Sel(t.lembar, alamat(nomor, j + 1), _dari_json(isi.get(kolom)))
        if any(not s.kosong for s in b.sel.values()):
            baris.append(b)
    ref = f"A1:{alamat(max(2, len(baris_data) + 1), len(t.kolom))}"
    return Tabel(t.nama, t.lembar, t.kolom, baris, ref, 1)


def baca_berkas(path: Path) -> dict[str, Any]:
    """Read and check a JSON document (GalatBerkas with an Indonesian message)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise GalatBerkas(f"{path}: berkas tidak ditemukan") from e
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise GalatBerkas(f"{path}: bukan JSON yang valid ({e})") from e
    periksa(data, str(path))
    return data  # type: ignore[no-any-return]


def periksa(data: Any, nama: str) -> None:
    if not isinstance(data, dict):
        raise GalatBerkas(f"{nama}: JSON harus berupa objek dengan kunci 'sasaran', "
                          "'program', dst.")
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        raise GalatBerkas(f"{nama}: format {fmt!r} tidak dikenal (diharapkan {FORMAT!r})")
    for kunci in ("identitas", "pengaturan"):
        if not isinstance(data.get(kunci, {}), dict):
            raise GalatBerkas(f"{nama}: '{kunci}' harus berupa objek kunci → nilai")
    for nama_tabel, kunci in KUNCI_TABEL.items():
        baris = data.get(kunci, [])
        if not isinstance(baris, list) or not all(isinstance(b, dict) for b in baris):
            raise GalatBerkas(f"{nama}: '{kunci}' harus berupa daftar baris (objek)")
        sah = set(skema.TABEL_MENURUT_NAMA[nama_tabel].kolom)
        for i, b in enumerate(baris):
            asing = set(b) - sah
            if asing:
                raise GalatBerkas(f"{nama}: {kunci}[{i}] memuat kolom tak dikenal "
                                  f"{sorted(asing)}; kolom yang sah: {sorted(sah)}")
            for k, v in b.items():
                try:
                    _dari_json(v)
                except ValueError as e:
                    raise GalatBerkas(f"{nama}: {kunci}[{i}].{k}: {e}") from e


def tulis_berkas(data: dict[str, Any], path: Path) -> None:
    from rkt_xl.engine.file.simpan import tulis_atomik

    teks = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    tulis_atomik(path, teks.encode("utf-8"))
