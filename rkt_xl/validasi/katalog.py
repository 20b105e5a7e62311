"""The rule catalogue as Markdown (docs/aturan.md is this output; a test keeps them equal).

Run ``python -m rkt_xl.validasi.katalog > docs/aturan.md`` after changing a rule.
"""

from __future__ import annotations

from rkt_xl.validasi import KATALOG

KEPALA = """# Katalog aturan Validasi / Validation rule catalogue

Setiap temuan Validasi memiliki `tingkat` (galat, peringatan, info), `aturan` (id di bawah,
stabil), `lembar`, `sel`, `pesan`, dan `saran`. Perintah `rkt-xl` keluar dengan kode 1
bila ada setidaknya satu **galat**.

Every finding has a level, a stable rule id (below), the sheet and cell, a message and a
suggestion. `rkt-xl` exits with code 1 when any `galat` exists. Rules live in
`rkt_xl/validasi/` (one small function per check, registered with `daftarkan`); this page
is generated from that registry: `python -m rkt_xl.validasi.katalog > docs/aturan.md`.

| aturan | tingkat | kapan / when | contoh pesan / example |
|---|---|---|---|
"""


def markdown() -> str:
    urut = sorted(KATALOG.values(), key=lambda a: a.tingkat.urutan)
    baris = [f"| `{a.id}` | {' / '.join(t.value for t in (a.tingkat, *a.tingkat_lain))} | "
             f"{a.judul} | {a.contoh} |" for a in urut]
    return KEPALA + "\n".join(baris) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
