"""The RKT document as plain data: what the tables say, each value with its cell.

No I/O here. Readers build these from a workbook (or JSON); validasi, hitung and the
lampiran builders only ever see these classes.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import NamedTuple, Union

from rkt_xl.bulat import bulat


@dataclass(frozen=True)
class GalatExcel:
    """An Excel error value found in a cell (``#DIV/0!``, ``#REF!``…)."""

    kode: str

    def __str__(self) -> str:
        return self.kode


@dataclass(frozen=True)
class RumusTanpaNilai:
    """A formula cell whose file holds no computed value: written by a script
    (openpyxl, pandas) and never opened and saved in a spreadsheet program, so nobody
    has calculated it yet. Neither empty nor a number (DESIGN §4b)."""

    rumus: str  # the formula text without "=" (may be "" for a shared formula)

    def __str__(self) -> str:
        return ""


# What an engine may hand us for one cell. Real numbers arrive as int/float/Decimal
# and are never re-parsed; text is parsed strictly by ``angka``.
NilaiMentah = Union[None, str, int, float, Decimal, bool, _dt.datetime, GalatExcel,
                    RumusTanpaNilai]


class Status(str, Enum):
    """How a cell that should hold a number was read."""

    KOSONG = "kosong"
    ANGKA = "angka"  # a real numeric cell
    TEKS_ANGKA = "teks-angka"  # a valid number stored as text
    AMBIGU = "ambigu"
    TIDAK_VALID = "tidak-valid"
    NEGATIF = "negatif"  # a number below zero where only zero or more is meaningful
    KUALITATIF = "kualitatif"  # descriptive text where a target may be qualitative


@dataclass(frozen=True)
class Bacaan:
    """The result of reading one value as a number (see ``angka.baca``)."""

    status: Status
    nilai: Decimal | None = None
    satuan: str | None = None
    alasan: str | None = None  # Indonesian: why it is not valid / what is ambiguous
    kemungkinan: tuple[Decimal, ...] = ()  # the readings of an ambiguous text

    @property
    def terpakai(self) -> bool:
        """True when the number may be used in a computation."""
        return self.status in (Status.ANGKA, Status.TEKS_ANGKA)


@dataclass(frozen=True)
class Sel:
    """One input cell: where it is, what it holds, and what its format says about it."""

    lembar: str
    alamat: str  # A1 address, e.g. "H5"
    mentah: NilaiMentah = None
    # The number format shows a percentage: 0.85 is shown (and meant) as 85%.
    persen: bool = False
    # The cell holds a formula; ``mentah`` is its cached value.
    rumus: bool = False

    @property
    def kosong(self) -> bool:
        return self.mentah is None or (isinstance(self.mentah, str) and not self.mentah.strip())

    @property
    def angka(self) -> bool:
        """A real numeric cell (not text, not a logical value)."""
        v = self.mentah
        return isinstance(v, (int, float, Decimal)) and not isinstance(v, bool)

    @property
    def tampil(self) -> str:
        """The value as a message shows it, as the user sees it in the cell: numbers
        the Indonesian way (102,39), a percent-formatted number with its % (85%)."""
        v = self.mentah
        if self.angka:
            from rkt_xl.angka import format_angka, ke_decimal

            assert isinstance(v, (int, float, Decimal))
            if self.persen:
                return format_angka(ke_decimal(v) * 100) + "%"
            return format_angka(v)
        if isinstance(v, RumusTanpaNilai):
            return f"={v.rumus}" if v.rumus else "(rumus tanpa nilai)"
        return self.teks

    @property
    def teks(self) -> str:
        """The value as trimmed text ("" when empty); numbers without a trailing .0."""
        v = self.mentah
        if type(v) is str:  # most cells: the last branch, taken first
            return v.strip()
        if v is None:
            return ""
        if isinstance(v, bool):
            return "BENAR" if v else "SALAH"
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        if isinstance(v, Decimal) and v == v.to_integral_value():
            return str(int(v))
        if isinstance(v, _dt.datetime):
            return v.strftime("%d-%m-%Y")
        if isinstance(v, RumusTanpaNilai):
            return ""  # no value yet: its own finding says so (rumus-tanpa-nilai)
        return str(v).strip()


@dataclass
class Baris:
    """One data row of an input table, keyed by exact header text."""

    lembar: str
    nomor: int  # Excel row number
    sel: dict[str, Sel] = field(default_factory=dict)

    def __getitem__(self, kolom: str) -> Sel:
        return self.sel[kolom]

    def teks(self, kolom: str) -> str:
        s = self.sel.get(kolom)
        return s.teks if s else ""


@dataclass
class Indikator:
    """A row of tblSasaran, with Tujuan/Indikator Tujuan/Sasaran filled down."""

    baris: Baris
    kode: str
    tujuan: str
    indikator_tujuan: str
    sasaran: str
    indikator: str
    satuan: str
    polaritas: str
    target_akhir: Bacaan
    target: Bacaan


@dataclass
class Evaluasi:
    """A row of tblEvaluasi (year n-1)."""

    baris: Baris
    kode: str
    indikator: str
    satuan: str
    polaritas: str
    target_akhir: Bacaan
    target: Bacaan
    realisasi: Bacaan
    capaian_tertulis: Bacaan  # what the Capaian (%) cell holds now
    kategori_tertulis: str


@dataclass
class Program:
    baris: Baris
    kode: str
    nama: str
    indikator: str
    target: str
    pagu_tertulis: Bacaan  # what the Pagu Program cell holds now


@dataclass
class Kegiatan:
    baris: Baris
    kode_program: str
    kode: str
    nama: str
    indikator: str
    target: Bacaan
    satuan: str
    pagu: Bacaan


@dataclass
class Pengaturan:
    rumus_negatif: str = "2T-R"
    batas_capaian: Decimal | None = None
    skala_kategori: str = "Permendagri 86/2017"


@dataclass
class Tabel:
    """An input table as found in the workbook (None fields: not found)."""

    nama: str
    lembar: str
    header: tuple[str, ...]
    baris: list[Baris]
    ref: str = ""  # e.g. "A1:I7"
    header_baris: int = 1  # Excel row of the header
    gabungan: list[str] = field(default_factory=list)  # merged ranges inside the table
    diperluas: int = 0  # rows read directly below the table's range (not yet inside it)
    # The user's own total rows (Jumlah/Total/Sub Total, or a formula row below the
    # table): Excel rows, never read as data and never written (DESIGN §4b).
    baris_jumlah: list[int] = field(default_factory=list)
    # Cells in the table's columns further below, past blank rows: not read, reported
    # (their bounding range, e.g. "A40:G42"; "" when there are none).
    di_luar: str = ""


class BagianRusak(NamedTuple):
    """A damaged part of the workbook file (why in Indonesian), and the sheet it belongs
    to (its XML or its relationships): damage in a sheet rkt_xl replaces no longer
    holds once it is replaced."""

    part: str
    alasan: str
    lembar: str | None = None
    # gone once rkt_xl writes the sheet at all (it is written back repaired)
    pulih_bila_ditulis: bool = False


@dataclass
class RKT:
    """The whole document."""

    identitas: dict[str, Sel] = field(default_factory=dict)
    pengaturan_sel: dict[str, Sel] = field(default_factory=dict)
    pengaturan: Pengaturan = field(default_factory=Pengaturan)
    indikator: list[Indikator] = field(default_factory=list)
    evaluasi: list[Evaluasi] = field(default_factory=list)
    program: list[Program] = field(default_factory=list)
    kegiatan: list[Kegiatan] = field(default_factory=list)
    tabel: dict[str, Tabel] = field(default_factory=dict)
    # The workbook has the _Gaya sheet whose prototype cells style the appendices.
    ada_gaya: bool = True
    # Damaged parts of the file, copied as they are but reported.
    bagian_rusak: list[BagianRusak] = field(default_factory=list)

    def identitas_teks(self, kunci: str) -> str:
        s = self.identitas.get(kunci)
        return s.teks if s else ""

    @property
    def tahun(self) -> int | None:
        t = self.identitas_teks("Tahun RKT")
        return bulat(t)

    def kegiatan_dari(self, kode_program: str) -> list[Kegiatan]:
        """The kegiatan of one program, in table order (an index built once: a scan per
        program would make thousands of kegiatan quadratic)."""
        indeks = self.__dict__.get("_indeks_kegiatan")
        if indeks is None or indeks[0] != len(self.kegiatan):
            per: dict[str, list[Kegiatan]] = {}
            for k in self.kegiatan:
                per.setdefault(k.kode_program, []).append(k)
            indeks = (len(self.kegiatan), per)
            self.__dict__["_indeks_kegiatan"] = indeks
        return list(indeks[1].get(kode_program, []))
