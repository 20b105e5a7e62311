"""Shared fixtures: real workbooks built through the contract, in tmp folders."""

from __future__ import annotations

import copy
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from rkt_xl.contoh import data_contoh
from tests.skema_ooxml import periksa_keluaran, sebelum_jalan

AKAR = Path(__file__).resolve().parent.parent

# A developer's run draws new examples each time (that is how CI's own run once found
# "_x0000\x1f"); the CI gate draws the same examples for the same commit, so that it
# answers for the commit and not for the luck of the draw. Cases found either way are
# kept as @example on the test.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def bangun_workbook(path: Path, data: dict[str, Any] | None) -> Path:
    from rkt_xl.templat import bangun

    buf = io.BytesIO()
    bangun(buf, data)
    path.write_bytes(buf.getvalue())
    return path


def jalankan_cli(*argumen: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real command line in a subprocess (exit codes, stdout/stderr as users see)."""
    # Block-buffered output, as users have it (see tests/korpus/fixtures.env_cli).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env.setdefault("SOURCE_DATE_EPOCH", "1764400000")  # reproducible bytes across runs
    sebelum = sebelum_jalan(argumen, cwd)
    r = subprocess.run([sys.executable, "-m", "rkt_xl", *argumen], capture_output=True,
                       text=True, cwd=cwd, timeout=300, env=env)
    periksa_keluaran(argumen, r, cwd, sebelum)
    return r


@pytest.fixture(scope="session")
def _contoh_asli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("contoh")
    return bangun_workbook(folder / "RKT_Sinjai_2018.xlsm", data_contoh())


@pytest.fixture
def contoh_xlsm(_contoh_asli: Path, tmp_path: Path) -> Path:
    """A fresh copy of the example workbook as typed (not processed)."""
    tujuan = tmp_path / "RKT_Sinjai_2018.xlsm"
    shutil.copyfile(_contoh_asli, tujuan)
    return tujuan


@pytest.fixture
def data() -> dict[str, Any]:
    """A deep copy of the example data (JSON format), free to mutate."""
    return copy.deepcopy(data_contoh())


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def muat_json(teks: str) -> Any:
    return json.loads(teks)
