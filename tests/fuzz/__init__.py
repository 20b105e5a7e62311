"""The fuzzer of rkt_xl (issue 16): generated workbooks through the real command line.

Three levels, each deterministic per (level, seed, index) — the same triple always
yields the same bytes, so every finding is reproducible with one command:

- ``zip``: the package (truncation, flipped bytes, dropped/duplicated/renamed parts,
  broken [Content_Types].xml and relationships, bombs within the limits, names that
  are not UTF-8, corrupt deflate streams, unsupported compression methods);
- ``xml``: the parts (deleted/reordered elements, odd attribute values, out-of-range
  indexes, Strict OOXML namespaces, DTDs, deep nesting, 10⁵ cells in a row, two
  ``<v>`` in a cell, generated sheets behind a non-worksheet relationship…);
- ``sel``: cell contents (random text in many scripts, numbers in every notation,
  floats up to and beyond 1e308, nan/inf, huge integers, booleans, dates, error
  values, formulas with and without cached values, 0–3.000 rows, long unbroken text).

``generator.buat`` makes one input, ``checker.periksa`` runs ``validasi --json``,
``proses`` and a second ``proses --json`` on it in subprocesses and applies the
checks of the issue, ``runner`` runs many in a process pool and prints the table.

    python -m tests.fuzz --jumlah 100            # 100 inputs per level, seed 1
    python -m tests.fuzz --satu sel:1:42          # one input again, with its findings
    python -m tests.fuzz --satu sel:1:42 --tulis /tmp/x.xlsm   # ... and its file
"""
