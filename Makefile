# Two commands on a fresh Linux machine:
#   make demo   — build and process the embedded example (RKT Sinjai 2018)
#   make test   — install what the tests need (LibreOffice included) and run them
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test install dev lint mutasi template bench dist fuzz clean libreoffice wine

$(BIN)/rkt-xl: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $@

install: $(BIN)/rkt-xl

# The Sinjai example holds galat by design (the printed document's own errors), so
# `contoh` exits 1 like `proses` would: for the demo that is success. --timpa: a second
# `make demo` rebuilds the example instead of refusing to overwrite it.
demo: install
	@$(BIN)/rkt-xl contoh demo --timpa; s=$$?; \
	  if [ $$s -eq 1 ]; then echo "(kode keluar 1: contoh Sinjai sengaja memuat galat — demo berhasil)"; exit 0; fi; \
	  exit $$s

$(VENV)/.dev: pyproject.toml $(BIN)/rkt-xl
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

dev: $(VENV)/.dev

libreoffice:
	@command -v soffice >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      libreoffice-calc-nogui poppler-utils >/dev/null; \
	  else \
	    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      libreoffice-calc-nogui poppler-utils >/dev/null; \
	  fi; }

# Optional (~0.9 GB, not part of `make test`): wine's cmd and mingw-w64, with which
# tests/test_pasang_wine.py runs pasang.cmd for real instead of being skipped.
wine:
	@{ command -v x86_64-w64-mingw32-gcc && test -x /usr/lib/wine/wine64; } >/dev/null 2>&1 || { \
	  S=$$( [ "$$(id -u)" = "0" ] || echo sudo ); \
	  $$S apt-get update -qq && $$S env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends wine64 gcc-mingw-w64-x86-64-win32 >/dev/null; }

# pytest's exit code 5 means no test ran: that is a failure, not a pass.
test: dev libreoffice
	@$(BIN)/python -m pytest -q -n 2 --dist loadfile; s=$$?; \
	  if [ $$s -eq 5 ]; then echo "pytest: tidak ada tes yang dijalankan — gagal" >&2; exit 1; fi; \
	  exit $$s

# mypy's files (pyproject): rkt_xl, tests, bench and tools, all with the same strict flags.
lint: dev
	$(BIN)/ruff check rkt_xl tests bench tools
	$(BIN)/mypy

# Mutation testing of hitung/kategori/angka/validasi against the fast pure tests
# (pyproject [tool.mutmut]); prints the score per module, fails below 90 %. CPU-heavy:
# JOBS=1 on a shared machine.
JOBS ?= 2
mutasi: dev
	$(BIN)/python tools/mutasi.py --jobs $(JOBS)

template: dev
	$(BIN)/python -m rkt_xl.templat workbook/RKT_template.xlsm

bench: dev
	$(BIN)/python bench/bench.py

# dist/: the wheel and rkt_xl-<versi>-windows.zip (offline Windows release); downloads
# land in .cache/wheels and are reused.
dist: dev
	$(BIN)/python tools/dist.py

# The long fuzz campaign of issue 16 (tests/fuzz): FUZZ_JUMLAH inputs per level through
# validasi --json, proses and a second proses; prints inputs per level × outcome and the
# defect classes; inputs with findings are copied to fuzz-temuan/. CI runs a bounded
# version (tests/fuzz/test_fuzz.py, seed 1).
FUZZ_JUMLAH ?= 1700
FUZZ_SEED   ?= 2
FUZZ_JOBS   ?= 2
fuzz: dev
	$(BIN)/python -m tests.fuzz --jumlah $(FUZZ_JUMLAH) --seed $(FUZZ_SEED) \
	  --jobs $(FUZZ_JOBS) --simpan fuzz-temuan --json fuzz-temuan/hasil.json

clean:
	rm -rf $(VENV) demo dist mutants .pytest_cache .mypy_cache .ruff_cache build *.egg-info fuzz-temuan
