"""click, in Indonesian.

click's own texts are English ("Usage:", "Options:", "Missing argument", "No such
command", "Try … for help"), and several of them are written inside its parser, out of
reach of any subclass; they also change between click versions. So rkt-xl renders help
itself (``Perintah``/``Grup.format_help``), runs click with ``standalone_mode=False``
and words every error itself from the exception's fields (``jalankan``), never from
click's message.

For a new command: ``@click.command(cls=Perintah)``; positional arguments with
``cls=Argumen`` and a ``keterangan``; options with a ``help`` and a ``metavar``;
numbers with ``Bilangan`` (a built-in click type would fail in English; anything still
raising click's English is reported as a general usage error, never shown raw).
"""

from __future__ import annotations

import difflib
import inspect
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import click

from rkt_xl.cli.layar import Layar

OPSI_BANTUAN = ["-h", "--help"]
KONTEKS: dict[str, Any] = {"help_option_names": OPSI_BANTUAN}


class GalatPakai(click.UsageError):
    """A usage error whose message is already Indonesian (raised by rkt-xl itself)."""


class Bilangan(click.ParamType):
    """A whole number from ``minimum`` to ``maksimum``, with Indonesian errors."""

    name = "bilangan"

    def __init__(self, minimum: int, maksimum: int) -> None:
        self.minimum = minimum
        self.maksimum = maksimum

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            angka = value
        else:
            try:
                angka = int(str(value).strip())
            except ValueError:
                self.fail(f"'{value}' bukan bilangan bulat.", param, ctx)
        if not self.minimum <= angka <= self.maksimum:
            self.fail(f"{angka} di luar rentang {self.minimum} sampai {self.maksimum}.",
                      param, ctx)
        return angka


class Argumen(click.Argument):
    """A positional argument with a help text (``keterangan``)."""

    def __init__(self, param_decls: Sequence[str], keterangan: str = "",
                 **attrs: Any) -> None:
        super().__init__(param_decls, **attrs)
        self.keterangan = keterangan

    def nama_tampil(self) -> str:
        """How usage and messages name it: ``BERKAS...``, ``[FOLDER]``."""
        nama = self.metavar or (self.name or "").upper()
        if not self.required:
            nama = f"[{nama}]"
        if self.nargs != 1:
            nama += "..."
        return nama

    def baris_bantuan(self) -> tuple[str, str]:
        return self.nama_tampil(), self.keterangan + (" [wajib]" if self.required else "")


def _nama_opsi(opsi: Sequence[str]) -> str:
    # Short names first, as click lists them: "-j, --jobs".
    return ", ".join(sorted(opsi, key=lambda o: len(o) - len(o.lstrip("-"))))


def _baris_opsi(p: click.Option) -> tuple[str, str] | None:
    if p.hidden:
        return None

    def susun(nama: Sequence[str]) -> str:
        teks = _nama_opsi(nama)
        return teks if p.is_flag or p.count else f"{teks} {p.metavar or 'NILAI'}"

    nama = susun(p.opts)
    if p.secondary_opts:
        nama += " / " + susun(p.secondary_opts)
    tambahan = []
    # isinstance: newer click keeps a sentinel object as the default of an option
    # given none.
    if p.show_default and isinstance(p.default, int | str) and not isinstance(p.default, bool):
        tambahan.append(f"bawaan: {p.default}")
    if p.required:
        tambahan.append("wajib")
    teks = p.help or ""
    if tambahan:
        teks = f"{teks}  [{'; '.join(tambahan)}]".strip()
    return nama, teks


class _Bantuan(click.Command):
    """Help in Indonesian; usage errors carry their context (for the hint line)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        opsi = super().get_help_option(ctx)
        if opsi is not None:
            opsi.help = "Tampilkan bantuan ini lalu keluar."
        return opsi

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)),
                              prefix="Pemakaian: ")

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)
        self.format_bagian(ctx, formatter)
        self.format_epilog(ctx, formatter)

    def format_bagian(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        params = self.get_params(ctx)
        argumen = [p.baris_bantuan() for p in params if isinstance(p, Argumen)]
        if argumen:
            with formatter.section("Argumen"):
                formatter.write_dl(argumen)
        opsi = [b for p in params if isinstance(p, click.Option)
                if (b := _baris_opsi(p)) is not None]
        if opsi:
            with formatter.section("Opsi"):
                formatter.write_dl(opsi)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # Extra arguments are let through and refused here, in Indonesian.
        ctx.allow_extra_args = True
        try:
            sisa = super().parse_args(ctx, args)
        except click.UsageError as e:
            if e.ctx is None:
                e.ctx = ctx
            raise
        if sisa and not isinstance(self, click.Group) and not ctx.resilient_parsing:
            raise GalatPakai(f"argumen berlebih: {' '.join(sisa)}", ctx)
        return sisa


class Perintah(_Bantuan):
    """A command of rkt-xl."""

    def get_short_help_str(self, limit: int = 45) -> str:
        # The whole first paragraph in the command list, not click's 45-character cut.
        return " ".join(inspect.cleandoc(self.help or "").split("\n\n")[0].split())


class Grup(_Bantuan, click.Group):
    """The ``rkt-xl`` group: commands listed in the order they were added; without
    arguments it shows its help (exit 2)."""

    command_class = Perintah

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARGUMEN]...")
        super().__init__(*args, **kwargs)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and not ctx.resilient_parsing:
            click.echo(ctx.get_help())
            ctx.exit(2)
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx: click.Context, args: list[str]
                        ) -> tuple[str | None, click.Command | None, list[str]]:
        nama = args[0]
        perintah = self.get_command(ctx, nama)
        if perintah is None and not ctx.resilient_parsing:
            mirip = difflib.get_close_matches(nama, self.list_commands(ctx))
            saran = f" Mungkin maksud Anda: {', '.join(mirip)}?" if mirip else ""
            raise GalatPakai(f"perintah tidak dikenal: '{nama}'.{saran}", ctx)
        return (perintah.name if perintah else None), perintah, args[1:]

    def format_bagian(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_bagian(ctx, formatter)
        baris = []
        for nama in self.list_commands(ctx):
            perintah = self.get_command(ctx, nama)
            if perintah is not None and not perintah.hidden:
                baris.append((nama, perintah.get_short_help_str()))
        if baris:
            with formatter.section("Perintah"):
                formatter.write_dl(baris)


# ---------------------------------------------------------------------------------------
# Running, and every error of click in Indonesian.

def _nama_param(p: click.Parameter | None) -> str:
    if isinstance(p, Argumen):
        return f"argumen {p.nama_tampil()}"
    if isinstance(p, click.Option):
        return f"opsi {_nama_opsi(p.opts)}"
    if p is not None:
        return f"argumen {(p.name or '').upper()}"
    return "nilai"


def _opsi_bernama(ctx: click.Context | None, nama: str) -> click.Option | None:
    if ctx is None:
        return None
    for p in ctx.command.get_params(ctx):
        if isinstance(p, click.Option) and nama in (*p.opts, *p.secondary_opts):
            return p
    return None


def pesan_galat(e: click.ClickException) -> str:
    """The Indonesian sentence for one of click's errors."""
    if isinstance(e, GalatPakai):
        return e.message
    if isinstance(e, click.MissingParameter):
        return f"{_nama_param(e.param)} belum diisi."
    if isinstance(e, click.BadParameter):
        jenis = e.param.type if e.param is not None else None
        if isinstance(jenis, Bilangan):
            return f"{_nama_param(e.param)}: {e.message}"
        return f"nilai {_nama_param(e.param)} tidak valid."
    if isinstance(e, click.NoSuchOption):
        mirip = sorted(e.possibilities or ())
        saran = f" Mungkin maksud Anda: {', '.join(mirip)}?" if mirip else ""
        return f"opsi tidak dikenal: {e.option_name}.{saran}"
    if isinstance(e, click.BadOptionUsage):
        opsi = _opsi_bernama(e.ctx, e.option_name)
        if opsi is not None and (opsi.is_flag or opsi.count):
            return f"opsi {e.option_name} tidak menerima nilai."
        return f"opsi {e.option_name} memerlukan nilai."
    if isinstance(e, click.UsageError):
        return "perintah tidak dapat dipahami; periksa penulisan argumen dan opsinya."
    return "perintah gagal dijalankan."


def _saran(ctx: click.Context | None) -> str:
    jalur = ctx.command_path if ctx is not None else "rkt-xl"
    return f"Coba '{jalur} --help' untuk bantuan."


def _minta_json(argumen: Sequence[str]) -> bool:
    sebelum = argumen[:argumen.index("--")] if "--" in argumen else argumen
    return "--json" in sebelum


def tampilkan_galat(e: click.ClickException, json_: bool) -> None:
    """stderr: the message, the usage line and the hint; with ``--json`` also a JSON
    object on stdout, so a machine reading stdout always gets valid JSON."""
    pesan = pesan_galat(e)
    ctx = getattr(e, "ctx", None)
    layar = Layar(stderr=True)
    layar.galat(pesan)
    if isinstance(e, click.UsageError):
        if ctx is not None:
            layar.tulis(ctx.get_usage())
        layar.tulis(_saran(ctx))
    if json_:
        import json

        objek = {"status": "gagal", "kode": e.exit_code, "pesan": pesan,
                 "saran": _saran(ctx) if isinstance(e, click.UsageError) else ""}
        sys.stdout.write(json.dumps(objek, ensure_ascii=False, indent=2) + "\n")


def jalankan(grup: click.Group, args: Sequence[str] | None = None) -> NoReturn:
    """Run ``grup`` on ``args`` (default: the command line) and leave via SystemExit."""
    argumen = list(sys.argv[1:] if args is None else args)
    try:
        kode = grup.main(argumen, standalone_mode=False)
    except click.Abort:  # Ctrl+C (click turns KeyboardInterrupt into Abort)
        Layar(stderr=True).tulis("\nDibatalkan.")
        sys.exit(130)
    except click.ClickException as e:
        tampilkan_galat(e, _minta_json(argumen))
        sys.exit(e.exit_code)
    sys.exit(kode if isinstance(kode, int) else 0)
