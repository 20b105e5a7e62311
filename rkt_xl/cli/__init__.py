"""The ``rkt-xl`` command line (DESIGN §6, summarised in docs/kontrak.md). Exit codes:
0 fine, 1 a galat exists, 2 usage or file errors. All text Indonesian, click's
included.

One job per module:

- ``aplikasi``: the group, the list of commands (one ``app.add_command`` line each),
  ``main`` and ``keluar`` (the console script);
- ``perintah``: the commands;
- ``klik``: click in Indonesian (help, usage and option errors);
- ``opsi``: arguments and options shared by commands (``BERKAS...``, ``--json``, ``--jobs``);
- ``laporan``: running a command on many workbooks, reporting (text or JSON);
- ``layar``: output, rich on a terminal and plain text otherwise.

Start-up is part of every run (and of every worker of ``--jobs``), so it is kept small:
plain click, heavy imports inside the commands, and rich only for a terminal — when the
output goes to a file or a pipe it is plain text and rich is never imported."""

from rkt_xl.cli.aplikasi import app, keluar, main

__all__ = ["app", "keluar", "main"]
