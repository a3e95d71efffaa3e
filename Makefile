# cri-kiosk: development tasks (GNU make).
#
# On a fresh Debian 12 with python3 >= 3.11 and make, `make run` and `make test` do all
# the set-up themselves: Debian packages (packaging/linux/debian-deps.sh; as root it
# installs what is missing, otherwise it prints the apt-get command), the virtualenv in
# .venv with an editable install of the project, its test tools and PyInstaller, and
# the compiled translations. `make` alone prints this help. Every step is skipped when
# up to date.

SHELL := /bin/bash
.DEFAULT_GOAL := help
# The set-up steps must run in order (system packages, venv, translations, ...).
.NOTPARALLEL:

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEPS := packaging/linux/debian-deps.sh
ARGS ?=
PYTEST_ARGS ?=

TS_FILES := $(wildcard translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

.PHONY: help setup venv deps-base deps-run deps-test deps-freeze translations docs run check tour \
	test format wheel frozen clean distclean update-translations bench soak deps-bench

help:
	@echo "cri-kiosk make targets:"
	@echo "  make run [ARGS=...]   set up, then start the kiosk: .venv/bin/cri-kiosk run \$$(ARGS)"
	@echo "                        e.g. make run ARGS=\"--fullscreen\""
	@echo "  make test             set up, then ruff, ruff format --check, mypy, lint-imports"
	@echo "                        (the layers, pyproject.toml [tool.importlinter]), pytest"
	@echo "                        (extra pytest options: make test PYTEST_ARGS=\"-m 'not slow'\")"
	@echo "  make check            validate the content: cri-kiosk check"
	@echo "  make tour             screenshots of every page into build/tour"
	@echo "  make docs             typeset the brochures (cri-kiosk build-docs, into the cache)"
	@echo "  make format           ruff check --fix and ruff format"
	@echo "  make wheel            build the wheel into dist/"
	@echo "  make frozen           PyInstaller one-folder build into dist/cri-kiosk/, started once"
	@echo "  make bench            benchmarks (start-up against Chromium, navigation, documents,"
	@echo "                        scale): table of figures and targets; BENCH_ARGS=\"--json\""
	@echo "  make soak             a seeded random visitor for 20 000 interactions (minutes);"
	@echo "                        SOAK_ARGS=\"--long\": 100 000, a week in a day (hours)"
	@echo "  make setup            only the set-up: Debian packages, .venv, translations"
	@echo "  make translations     compile translations/*.ts to .qm (pyside6-lrelease)"
	@echo "  make update-translations  refresh translations/*.ts from the code (pyside6-lupdate)"
	@echo "  make clean            remove build outputs and caches (keeps .venv)"
	@echo "  make distclean        clean, and remove .venv"
	@echo "Variables: PYTHON=$(PYTHON) (interpreter for .venv, needs >= 3.11)"

# ---------------------------------------------------------------------------- set-up

deps-base:
	@PYTHON='$(PYTHON)' bash $(DEPS) base

deps-run:
	@PYTHON='$(PYTHON)' bash $(DEPS) run

deps-test:
	@PYTHON='$(PYTHON)' bash $(DEPS) test

deps-bench:
	@PYTHON='$(PYTHON)' bash $(DEPS) bench

deps-freeze:
	@PYTHON='$(PYTHON)' bash $(DEPS) freeze

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
		echo "error: '$(PYTHON)' is missing or older than Python 3.11." >&2; \
		echo "       Install Python >= 3.11, or point make at one: make PYTHON=/path/to/python3.11 ..." >&2; \
		exit 1; }
	@echo "Creating virtualenv $(VENV) with $$($(PYTHON) -c 'import sys; print(sys.executable)')"
	@$(PYTHON) -m venv $(VENV) || { \
		rm -rf $(VENV); \
		echo "error: '$(PYTHON) -m venv' failed." >&2; \
		echo "       On Debian/Ubuntu install the venv module: sudo apt-get install python3-venv" >&2; \
		exit 1; }

# PyInstaller (the "freeze" extra) is small and tests/test_packaging_frozen.py needs it.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e ".[test,freeze]"
	@touch $@

venv: $(STAMP)

# The benchmarks' own tools (psutil, pyinstrument): only for make bench and make soak.
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/python -m pip install -e ".[bench]"
	@touch $@

translations: $(QM_FILES)

# After changing interface strings: refresh the .ts sources, then translate the new
# entries (Qt Linguist: .venv/bin/pyside6-linguist). tests/test_translations.py fails
# while an entry is unfinished or the .ts files are out of date.
update-translations: venv
	for ts in $(TS_FILES); do \
		lang=$${ts#translations/kiosk_}; lang=$${lang%.ts}; \
		$(BIN)/pyside6-lupdate -silent -locations none -no-obsolete -target-language $$lang \
			$$(find kiosk -name '*.py' | sort) -ts $$ts; \
	done

translations/%.qm: translations/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease $< -qm $@

# The brochures go to the kiosk's cache (never into the repository); build-docs only
# typesets a language again when its content changed.
docs: deps-base venv translations
	$(if $(DISPLAY),,QT_QPA_PLATFORM=offscreen) $(BIN)/cri-kiosk build-docs

setup: deps-test venv translations docs

# ---------------------------------------------------------------------------- use

run: deps-run venv translations docs
	$(BIN)/cri-kiosk run $(ARGS)

check: deps-base venv translations
	$(BIN)/cri-kiosk check

# Offscreen unless there is a display to draw on.
tour: deps-base venv translations
	$(if $(DISPLAY),,QT_QPA_PLATFORM=offscreen) $(BIN)/cri-kiosk tour --out build/tour

# ---------------------------------------------------------------------------- test

test: deps-test venv translations
	$(BIN)/ruff check kiosk tests benchmarks
	$(BIN)/ruff format --check kiosk tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest $(PYTEST_ARGS)

format: venv
	@status=0; $(BIN)/ruff check --fix kiosk tests benchmarks || status=$$?; \
		$(BIN)/ruff format kiosk tests benchmarks; exit $$status

# ---------------------------------------------------------------------------- benchmarks

# Never part of `make test`: figures need a quiet machine. See README, "Performance".
BENCH_ARGS ?=
SOAK_ARGS ?=

bench: deps-bench venv $(BENCH_STAMP) translations docs
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks $(BENCH_ARGS)

soak: deps-base venv $(BENCH_STAMP) translations docs
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.soak $(SOAK_ARGS)

# ---------------------------------------------------------------------------- packaging

wheel: venv
	$(BIN)/pip wheel --no-deps -w dist .

# PyInstaller does not cross-compile: on Windows run packaging/pyinstaller/build.py
# with the venv's python.exe.
frozen: deps-freeze venv
	$(BIN)/python packaging/pyinstaller/build.py --smoke

clean:
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
	rm -f translations/*.qm
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
