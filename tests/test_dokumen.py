"""Docs that are generated must match what they describe."""

from __future__ import annotations

from rkt_xl.validasi.katalog import markdown
from tests.conftest import AKAR


def test_katalog_aturan_terkini() -> None:
    assert (AKAR / "docs" / "aturan.md").read_text(encoding="utf-8") == markdown(), \
        "jalankan: python -m rkt_xl.validasi.katalog > docs/aturan.md"


def test_readme_dua_perintah() -> None:
    teks = (AKAR / "README.md").read_text(encoding="utf-8")
    assert "make demo" in teks and "make test" in teks
