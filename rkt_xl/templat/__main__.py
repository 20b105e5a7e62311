"""``python -m rkt_xl.templat [PATH]``: write the template (default workbook/RKT_template.xlsm)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from rkt_xl.templat.builder import TEMPLAT_BAKU, bangun


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m rkt_xl.templat",
        description="Bangun templat buku kerja RKT (.xlsm) yang masih kosong.",
    )
    parser.add_argument("berkas", nargs="?", type=Path, default=TEMPLAT_BAKU,
                        help=f"berkas tujuan (bawaan: {TEMPLAT_BAKU})")
    args = parser.parse_args(argv)
    tujuan: Path = args.berkas
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    bangun(tujuan)
    print(f"Templat ditulis: {tujuan}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
