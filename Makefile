# Planner Desktop: development tasks (GNU make).
#
#   make run [ARGS="--lang en"]         set up .venv when needed, then open the program
#   make test [PYTEST_ARGS="-k i18n"]   tests with an offscreen Qt, then the linter
#
# Only Python 3.11+ and make are needed: the first run creates .venv and installs the
# project into it; later runs reinstall only when pyproject.toml changes.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VENV_PY := $(BIN)/python
STAMP := $(VENV)/.installed
CONSTRAINTS := constraints.txt
PYBABEL := $(BIN)/pybabel
RUFF := $(BIN)/ruff

ARGS ?=
PYTEST_ARGS ?=
LINT_PATHS = $(wildcard planner_desktop tests bench)

DOMAIN := planner_desktop
LANGS := es en
POT := translations/$(DOMAIN).pot
PO_FILES := $(foreach lang,$(LANGS),translations/$(lang)/LC_MESSAGES/$(DOMAIN).po)
MO_FILES := $(PO_FILES:.po=.mo)
APP_NAME = $(shell sed -n 's/^APP_NAME = "\(.*\)"/\1/p' planner_desktop/__init__.py)
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' planner_desktop/__init__.py)

# What Qt's offscreen platform loads (QtCore, QtGui, QtWidgets, libqoffscreen), as
# "shared library:Debian package". The C and C++ runtimes and zlib are always present.
QT_OFFSCREEN_LIBS := \
	libEGL.so.1:libegl1 \
	libGL.so.1:libgl1 \
	libX11.so.6:libx11-6 \
	libxkbcommon.so.0:libxkbcommon0 \
	libfontconfig.so.1:libfontconfig1 \
	libfreetype.so.6:libfreetype6 \
	libglib-2.0.so.0:libglib2.0-0 \
	libgthread-2.0.so.0:libglib2.0-0 \
	libdbus-1.so.3:libdbus-1-3 \
	libzstd.so.1:libzstd1

.PHONY: help run test lint bench mo translations system-deps lock clean distclean

help:
	@echo "make run [ARGS=...]          open the program (sets up .venv when needed)"
	@echo "make test [PYTEST_ARGS=...]  run the tests offscreen, then ruff"
	@echo "make lint                    ruff check"
	@echo "make bench                   run every bench/*.py"
	@echo "make mo                      compile the message catalogues"
	@echo "make translations            extract messages, update the .po files, compile"
	@echo "make lock                    re-resolve constraints.txt from pyproject.toml (uv)"
	@echo "make system-deps             install the Debian libraries Qt needs offscreen (root)"
	@echo "make clean | distclean       remove build output (distclean: also .venv)"

# --- environment -----------------------------------------------------------------------

$(VENV_PY):
	@if ! $(PYTHON) -c 'import ensurepip' 2>/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing python3-venv (needed to create $(VENV))"; \
			DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv; \
		else \
			echo "$(PYTHON) cannot create a virtual environment: install python3-venv" >&2; \
			exit 1; \
		fi; \
	fi
	$(PYTHON) -m venv $(VENV) || { rm -f $(VENV_PY); exit 1; }

$(STAMP): pyproject.toml $(CONSTRAINTS) | $(VENV_PY)
	$(VENV_PY) -m pip install -c $(CONSTRAINTS) -e '.[test,postgresql]'
	@touch $@

# The exact versions CI tested, resolved from pyproject.toml's bounds by uv (pip-compile's
# format). Refresh after changing a dependency: make lock, then make test.
lock:
	$(PYTHON) -m venv $(VENV)-lock && $(VENV)-lock/bin/python -m pip -q install 'uv>=0.5,<1'
	$(VENV)-lock/bin/uv pip compile pyproject.toml --extra test --extra postgresql --extra bundle --python-version 3.11 \
		--universal --no-header --annotation-style line -o $(CONSTRAINTS)

system-deps:
	@if [ "$$(uname -s)" != Linux ]; then exit 0; fi; \
	known=$$(PATH="$$PATH:/sbin:/usr/sbin" ldconfig -p 2>/dev/null) || { \
		echo "system-deps: cannot list shared libraries (no ldconfig); skipped"; exit 0; }; \
	missing=""; \
	for pair in $(QT_OFFSCREEN_LIBS); do \
		grep -q "[[:space:]]$${pair%%:*} (" <<<"$$known" || missing="$$missing $${pair#*:}"; \
	done; \
	find /usr/share/fonts /usr/local/share/fonts -name '*.tt[fc]' -print -quit 2>/dev/null \
		| grep -q . || missing="$$missing fonts-dejavu-core"; \
	missing=$$(tr ' ' '\n' <<<"$$missing" | sort -u | xargs); \
	if [ -z "$$missing" ]; then \
		echo "system-deps: Qt offscreen libraries present"; exit 0; fi; \
	if [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then \
		echo "system-deps: Qt offscreen may need: $$missing (apt-get install as root); skipped"; \
		exit 0; fi; \
	echo "system-deps: installing $$missing"; \
	export DEBIAN_FRONTEND=noninteractive; \
	apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing

# --- everyday commands -----------------------------------------------------------------

run: $(STAMP) mo
	$(BIN)/planner-desktop $(ARGS)

test: system-deps $(STAMP) mo
	QT_QPA_PLATFORM=offscreen $(VENV_PY) -m pytest $(PYTEST_ARGS)
	$(RUFF) check $(LINT_PATHS)

lint: | $(STAMP)
	$(RUFF) check $(LINT_PATHS)

bench: $(STAMP) mo
	@shopt -s nullglob; scripts=(bench/[!_]*.py); \
	if [ $${#scripts[@]} -eq 0 ]; then echo "bench: no benchmarks yet"; exit 0; fi; \
	for script in "$${scripts[@]}"; do \
		echo "== $$script"; \
		QT_QPA_PLATFORM=offscreen $(VENV_PY) "$$script" || exit 1; \
	done

# --- translations ----------------------------------------------------------------------

mo: $(MO_FILES)

translations/%/LC_MESSAGES/$(DOMAIN).mo: translations/%/LC_MESSAGES/$(DOMAIN).po | $(STAMP)
	$(PYBABEL) -q compile -D $(DOMAIN) -l $* -i $< -o $@

translations: | $(STAMP)
	$(PYBABEL) -q extract -F babel.cfg --no-default-keywords -k _ -k N_ -k NN_:1,2 -k ngettext:1,2 \
		--add-comments=TRANSLATORS: --sort-by-file \
		--project="$(APP_NAME)" --version="$(VERSION)" \
		--copyright-holder="$(APP_NAME) contributors" -o $(POT) .
	for lang in $(LANGS); do \
		$(PYBABEL) -q update -i $(POT) -d translations -D $(DOMAIN) -l $$lang \
			--init-missing --ignore-pot-creation-date || exit 1; \
	done
	@$(MAKE) --no-print-directory mo

# --- cleaning --------------------------------------------------------------------------

clean:
	rm -rf build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache .hypothesis
	rm -f $(MO_FILES)
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) $(VENV)-lock
