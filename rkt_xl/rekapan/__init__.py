"""Rekap across workbooks for Bappeda (DESIGN §6b): ``rkt-xl rekap`` and the pandas API.

The package is not called ``rekap`` because ``rkt_xl.rekap`` is the public function
(``rkt_xl.rekap(paths)``); a subpackage of that name would replace the function on the
``rkt_xl`` module as soon as it is imported.

Modules, each with one job:

- ``kontrak``: sheet, table and column names of the summary workbook, with each
  column's dtype and display format (the only place naming them);
- ``kumpul``: one workbook → plain values (picklable, no pandas), and the batch over
  many files (``--jobs``);
- ``tabel``: those → the four tables as rows, sorted, with Status; and their JSON;
- ``bingkai``: rows → pandas DataFrames (``rkt_xl.rekap``), and one workbook's six
  contract tables as DataFrames (``rkt_xl.baca``); the only module importing pandas;
- ``buku``: rows → the summary ``.xlsx`` (XlsxWriter), ``grafik`` its chart;
- ``perintah``: the ``rkt-xl rekap`` command (no pandas: it writes the rows).

Importing this package (the command line does, to list its commands) imports neither
pandas nor XlsxWriter.
"""
