"""Output: the one place that chooses between rich (a terminal) and plain text."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import Any, Union

Bagian = Union[str, tuple[str, str]]
"""A piece of text, optionally with a rich style: ``"teks"`` or ``("teks", "bold red")``."""
Sel = Union[Bagian, list[Bagian]]
"""A table cell or a line: one piece, or several pieces joined."""


def _bagian(isi: Sel) -> list[Bagian]:
    return isi if isinstance(isi, list) else [isi]


def polos(isi: Sel) -> str:
    """The text of ``isi`` without styles."""
    return "".join(b if isinstance(b, str) else b[0] for b in _bagian(isi))


class Layar:
    """stdout (or stderr): rich tables and colours on a terminal; otherwise plain lines,
    and rich is not imported at all (it costs more start-up than the command's own work
    on a small workbook)."""

    def __init__(self, stderr: bool = False) -> None:
        self.stderr = stderr
        self.aliran = sys.stderr if stderr else sys.stdout
        try:
            self.tty = bool(self.aliran.isatty())
        except (AttributeError, ValueError):  # closed or replaced stream
            self.tty = False
        self._konsol: Any = None

    @property
    def konsol(self) -> Any:
        """The rich Console (a terminal only)."""
        if self._konsol is None:
            from rich.console import Console

            self._konsol = Console(stderr=self.stderr, highlight=False, soft_wrap=False)
        return self._konsol

    def _rich(self, isi: Sel) -> Any:
        from rich.text import Text

        return Text.assemble(*_bagian(isi))

    def tulis(self, isi: Sel = "") -> None:
        if self.tty:
            self.konsol.print(self._rich(isi))
        else:
            self.aliran.write(polos(isi) + "\n")

    def galat(self, pesan: str) -> None:
        self.tulis([("galat:", "bold red"), f" {pesan}"])

    def tabel(self, judul: str, kolom: Sequence[str], baris: Iterable[Sequence[Sel]],
              kanan: Iterable[int] = (), pola: str | None = None) -> None:
        """A titled table. Plain: the title, then the header and the rows padded into
        columns (``kanan``: right-aligned column indexes); or, with ``pola``, the title
        with a colon and one ``pola.format(*cells)`` line per row (no header)."""
        kanan = set(kanan)
        if self.tty:
            from rich.table import Table

            t = Table(title=judul, title_justify="left")
            for i, k in enumerate(kolom):
                t.add_column(k, justify="right" if i in kanan else "left", overflow="fold")
            for b in baris:
                t.add_row(*(self._rich(s) for s in b))
            self.konsol.print(t)
            return
        teks = [[polos(s) for s in b] for b in baris]
        if pola is not None:
            keluar = [f"{judul}:", *(pola.format(*b) for b in teks)]
        else:
            lebar = [max(len(x) for x in kol) for kol in zip(kolom, *teks, strict=True)]

            def susun(b: Sequence[str]) -> str:
                return "  ".join(x.rjust(w) if i in kanan else x.ljust(w)
                                 for i, (x, w) in enumerate(zip(b, lebar, strict=True))).rstrip()

            keluar = [judul, susun(kolom), *(susun(b) for b in teks)]
        self.aliran.write("\n".join(keluar) + "\n")
