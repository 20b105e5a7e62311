# Two commands on a fresh Linux machine:
#   make demo   — build and process the embedded example (RKT Sinjai 2018)
#   make test   — install what the tests need (LibreOffice included) and run them
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test install dev lint template bench fuzz clean libreoffice

$(BIN)/rkt-xl: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $@

install: $(BIN)/rkt-xl

demo: install
	$(BIN)/rkt-xl contoh demo

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

# pytest's exit code 5 means no test ran: that is a failure, not a pass.
test: dev libreoffice
	@$(BIN)/python -m pytest -q -n 2 --dist loadfile; s=$$?; \
	  if [ $$s -eq 5 ]; then echo "pytest: tidak ada tes yang dijalankan — gagal" >&2; exit 1; fi; \
	  exit $$s

lint: dev
	$(BIN)/ruff check rkt_xl tests bench
	$(BIN)/mypy

template: dev
	$(BIN)/python -m rkt_xl.templat workbook/RKT_template.xlsm

bench: dev
	$(BIN)/python bench/bench.py

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
	rm -rf $(VENV) demo .pytest_cache .mypy_cache .ruff_cache build *.egg-info fuzz-temuan
