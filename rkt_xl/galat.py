"""Errors that reach the user as one Indonesian sentence (never a traceback)."""

from __future__ import annotations


class GalatRKT(Exception):
    """Base: the message is Indonesian and names the file (and the cell if any)."""


class GalatBerkas(GalatRKT):
    """The file cannot be read or written at all (CLI exit code 2)."""


class GalatStruktur(GalatRKT):
    """The workbook is readable but not an RKT workbook (missing sheet/table)."""


class GalatBukanRKT(GalatBerkas):
    """The workbook holds none of the contract tables: it is not an RKT workbook and
    is never written (CLI exit code 2)."""
