"""Every UDF returns a value or an Excel error for any input, never raises (a raised
exception puts a Python traceback in the cell): hypothesis over what a cell or a
range can hand a function — finite, huge, infinite and NaN floats, huge integers,
text (Indonesian numbers included), logical values, dates, empty cells and ranges."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from rkt_xl import udfs

NILAI = st.one_of(
    st.none(),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e28, 1e30, 1e300, 1.7976931348623157e308, -1e300, 5e-324, 0.0,
                     -0.0, 2.0**53 + 1]),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.text(max_size=40),
    st.sampled_from(["1.234.567", "84,03", "Rp 56.460.000", "1.08", "12ulan", "1e309",
                     "#DIV/0!", "#N/A", "Positif", "Negatif", "T/R", "2T-R", "BENAR",
                     "99999999999999999999999999999,5", "-5.000.000"]),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(9999, 12, 31)),
    st.lists(st.lists(st.floats(allow_nan=False), min_size=1, max_size=3), min_size=1,
             max_size=3),
)


def _sah(hasil: Any) -> None:
    assert hasil is None or isinstance(hasil, str) or \
        (isinstance(hasil, float) and math.isfinite(hasil)), repr(hasil)
    if isinstance(hasil, str) and hasil.startswith("#"):
        assert hasil in udfs._GALAT_EXCEL


@settings(max_examples=400, deadline=None)
@given(NILAI, NILAI, NILAI, NILAI, NILAI)
def test_capaian_tidak_pernah_gagal(t: Any, r: Any, p: Any, b: Any, rumus: Any) -> None:
    _sah(udfs.RKT_CAPAIAN(t, r, p, b, rumus))


@settings(max_examples=300, deadline=None)
@given(NILAI, NILAI)
def test_kategori_tidak_pernah_gagal(c: Any, skala: Any) -> None:
    _sah(udfs.RKT_KATEGORI(c, skala))


@settings(max_examples=300, deadline=None)
@given(NILAI)
def test_angka_dan_rupiah_tidak_pernah_gagal(v: Any) -> None:
    _sah(udfs.RKT_ANGKA(v))
    _sah(udfs.RKT_RUPIAH(v))


@settings(max_examples=200, deadline=None)
@given(NILAI, NILAI)
def test_terbilang_tidak_pernah_gagal(v: Any, rupiah: Any) -> None:
    _sah(udfs.RKT_TERBILANG(v, rupiah))


def test_rupiah_angka_besar() -> None:
    """The issue's case: 1e28 and beyond printed whole, not a traceback."""
    assert udfs.RKT_RUPIAH(1e28) == "Rp 10.000.000.000.000.000.000.000.000.000"
    assert udfs.RKT_RUPIAH(float("inf")) == udfs.GALAT_NILAI
    assert udfs.RKT_CAPAIAN(1e-300, 1e300) == udfs.GALAT_NUM  # 1e602 %: no double holds it
