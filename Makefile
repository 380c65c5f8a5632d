# Planner Desktop: development tasks (GNU make).
#
#   make run [ARGS="--lang en"]         set up .venv when needed, then open the program
#   make test [PYTEST_ARGS="-k i18n"]   tests with an offscreen Qt, then ruff and mypy
#   make check                          what CI runs: system-deps, test, wheel-test, bundle-test
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
MYPY := $(BIN)/mypy

ARGS ?=
PYTEST_ARGS ?=
LINT_PATHS = $(wildcard planner_desktop tests bench)

DOMAIN := planner_desktop
LANGS := es en
POT := translations/$(DOMAIN).pot
PO_FILES := $(foreach lang,$(LANGS),translations/$(lang)/LC_MESSAGES/$(DOMAIN).po)
MO_FILES := $(PO_FILES:.po=.mo)
APP_NAME = $(shell sed -n 's/^APP_NAME = "\(.*\)"/\1/p' planner_desktop/__init__.py)
APP_ID = $(shell sed -n 's/^APP_ID = "\(.*\)"/\1/p' planner_desktop/__init__.py)
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' planner_desktop/__init__.py)

# Packaging. uv (the tool that makes the lock) builds the sdist, then the wheel from it, so
# a file missing from MANIFEST.in breaks the build here rather than on someone's machine.
TOOLS := $(VENV)-lock
UV := $(TOOLS)/bin/uv
WHEEL = dist/planner_desktop-$(VERSION)-py3-none-any.whl
SDIST = dist/planner_desktop-$(VERSION).tar.gz
WHEEL_SOURCES = pyproject.toml setup.py MANIFEST.in $(shell find planner_desktop resources \
	translations -type f ! -name '*.mo' ! -name '*.pyc' ! -path '*/__pycache__/*' 2>/dev/null)
# A clean venv with nothing but the wheel (and, for make bundle, PyInstaller added to it).
WHEEL_VENV := build/venv-wheel
WHEEL_INSTALLED := $(WHEEL_VENV)/.wheel-installed
BUNDLE_TOOLS := $(WHEEL_VENV)/.bundle-installed
BUNDLE_DIR = dist/$(APP_ID)-$(VERSION)
BUNDLE_EXE = $(BUNDLE_DIR)/$(APP_ID)
TARBALL = dist/$(APP_ID)-$(VERSION)-linux-x86_64.tar.gz
SMOKE := packaging/smoke_test.py
SMOKE_ARGS ?=

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

.PHONY: help run test lint bench mo translations system-deps lock clean distclean \
	check wheel wheel-test bundle bundle-test

help:
	@echo "make run [ARGS=...]          open the program (sets up .venv when needed)"
	@echo "make test [PYTEST_ARGS=...]  run the tests offscreen, then ruff and mypy"
	@echo "make check                   system-deps, test, wheel-test, bundle-test (CI)"
	@echo "make wheel                   build the sdist and, from it, the wheel into dist/"
	@echo "make wheel-test              install the wheel into a new venv and smoke-test it"
	@echo "make bundle                  PyInstaller bundle of the wheel, and its tarball"
	@echo "make bundle-test             smoke-test the bundle"
	@echo "make lint                    ruff check"
	@echo "make bench                   run every bench/*.py"
	@echo "make mo                      compile the message catalogues"
	@echo "make translations            extract messages, update the .po files, compile"
	@echo "make lock                    re-resolve constraints.txt from pyproject.toml (uv)"
	@echo "make system-deps             install the Debian packages tests need (root)"
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
$(UV):
	$(PYTHON) -m venv $(TOOLS) && $(TOOLS)/bin/python -m pip -q install 'uv>=0.5,<1'

lock: | $(UV)
	$(UV) pip compile pyproject.toml --extra test --extra postgresql --extra bundle --python-version 3.11 \
		--universal --no-header --annotation-style line -o $(CONSTRAINTS)

# Debian packages the tests and builds need: the libraries Qt's offscreen platform loads, a
# font, the PostgreSQL server (the tests start a temporary cluster from it) and binutils
# (PyInstaller reads the libraries' headers with objdump). Prints what it installs.
system-deps:
	@if [ "$$(uname -s)" != Linux ]; then exit 0; fi; \
	missing=""; \
	if known=$$(PATH="$$PATH:/sbin:/usr/sbin" ldconfig -p 2>/dev/null); then \
		for pair in $(QT_OFFSCREEN_LIBS); do \
			grep -q "[[:space:]]$${pair%%:*} (" <<<"$$known" || missing="$$missing $${pair#*:}"; \
		done; \
	else echo "system-deps: cannot list shared libraries (no ldconfig); Qt's not checked"; fi; \
	find /usr/share/fonts /usr/local/share/fonts -name '*.tt[fc]' -print -quit 2>/dev/null \
		| grep -q . || missing="$$missing fonts-dejavu-core"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v objdump >/dev/null || missing="$$missing binutils"; \
	missing=$$(tr ' ' '\n' <<<"$$missing" | sort -u | xargs); \
	if [ -z "$$missing" ]; then \
		echo "system-deps: Qt offscreen libraries, fonts, PostgreSQL server, binutils present"; \
		exit 0; fi; \
	if [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then \
		echo "system-deps: needed: $$missing (apt-get install as root); skipped"; \
		exit 0; fi; \
	echo "system-deps: installing $$missing"; \
	export DEBIAN_FRONTEND=noninteractive; \
	apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing

# --- everyday commands -----------------------------------------------------------------

run: $(STAMP) mo
	$(BIN)/planner-desktop $(ARGS)

test: $(STAMP) mo
	QT_QPA_PLATFORM=offscreen $(VENV_PY) -m pytest -n auto --dist loadfile $(PYTEST_ARGS)
	$(RUFF) check $(LINT_PATHS)
	$(MYPY)

# Each step timed, so that CI's log says where its minutes went.
check: system-deps
	@for target in test wheel-test bundle-test; do \
		start=$$SECONDS; \
		$(MAKE) --no-print-directory $$target || exit 1; \
		echo "check: make $$target took $$((SECONDS - start)) s"; \
	done

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

# --- packaging (packaging/README.md) ---------------------------------------------------

wheel: $(WHEEL)

$(WHEEL): $(WHEEL_SOURCES) $(CONSTRAINTS) | $(UV)
	rm -f dist/planner_desktop-*.whl dist/planner_desktop-*.tar.gz
	$(UV) build --quiet --out-dir dist --build-constraint $(CONSTRAINTS) .
	@ls -l $(SDIST) $(WHEEL)

# A new venv with the wheel alone, installed the way a person would.
$(WHEEL_INSTALLED): $(WHEEL)
	rm -rf $(WHEEL_VENV)
	$(PYTHON) -m venv $(WHEEL_VENV)
	$(WHEEL_VENV)/bin/python -m pip install -q -c $(CONSTRAINTS) $(WHEEL)
	@touch $@

wheel-test: $(WHEEL)
	rm -f $(WHEEL_INSTALLED)
	@$(MAKE) --no-print-directory $(WHEEL_INSTALLED)
	$(PYTHON) $(SMOKE) $(SMOKE_ARGS) $(WHEEL_VENV)/bin/$(APP_ID)

# The bundle is made from the installed wheel (the same modules and package data).
$(BUNDLE_TOOLS): $(WHEEL_INSTALLED)
	$(WHEEL_VENV)/bin/python -m pip install -q -c $(CONSTRAINTS) '$(WHEEL)[bundle]'
	@touch $@

$(BUNDLE_EXE): $(BUNDLE_TOOLS) packaging/planner-desktop.spec packaging/launcher.py
	$(WHEEL_VENV)/bin/pyinstaller --noconfirm --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/planner-desktop.spec
	cp packaging/linux/$(APP_ID).desktop packaging/linux/install.sh \
		resources/icons/$(APP_ID).png resources/icons/$(APP_ID).svg $(BUNDLE_DIR)/
	@touch $@

$(TARBALL): $(BUNDLE_EXE)
	tar -C dist -cf - $(APP_ID)-$(VERSION) | gzip -1 > $@.part && mv $@.part $@
	@du -sh $(BUNDLE_DIR) $(TARBALL)

bundle: $(TARBALL)

bundle-test: bundle
	$(PYTHON) $(SMOKE) $(SMOKE_ARGS) $(BUNDLE_EXE)

# --- cleaning --------------------------------------------------------------------------

clean:
	rm -rf build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache .hypothesis
	rm -f $(MO_FILES)
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) $(VENV)-lock
