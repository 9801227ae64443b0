# Co-pro Network. `make run` and `make test` do all set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
CHROMIUM := /usr/bin/chromium
# Share cards are drawn in Debian's DejaVu fonts (home/share_cards.py).
SHARE_CARD_FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
PORT ?= 8000
# migrate, load_demo_content and runserver all see the port served: the site's
# address (SITE_URL, else http://127.0.0.1:$PORT) sets the Wagtail Site and the
# links in emails (home/site_address.py).
export PORT
# Tests run on two workers (pytest-xdist) in shuffled order (pytest-randomly,
# which prints its seed: PYTEST_ARGS=--randomly-seed=N repeats an order).
# The browser tests and the other tests that start from the demo site form two
# groups, one per worker, each loading the demo content once into its own
# database for its own live server (DEMO_GROUPS in tests/conftest.py).
PYTEST_WORKERS ?= 2
PARALLEL := -n $(PYTEST_WORKERS) --dist loadgroup --no-loadscope-reorder
# Branch coverage of the apps (see [tool.coverage.*] in pyproject.toml) must not fall
# below the figure reached when it was first measured (95.5% with the browser tests,
# on PostgreSQL). On SQLite the drills that need PostgreSQL skip (backup and restore,
# two servers, row locks), so their code is not reached: 94.85% there, floor 94.5.
COVERAGE_FLOOR := $(if $(findstring postgres,$(DATABASE_URL)),95,94.5)

.PHONY: help run serve install test test-fast test-database fuzz lint format migrate demo chromium fonts pdf lock screenshots clean bench backup restore

help:
	@echo "make run     set up everything and serve http://127.0.0.1:$(PORT) (SQLite, demo content)"
	@echo "make test    install what the tests need and run the whole suite"
	@echo "make lint    ruff, djhtml, import contracts (lint-imports) and mypy;  make format  fixes style"
	@echo "make lock    re-resolve requirements/*.lock from pyproject.toml"

# The virtual environment is rebuilt only when the lock changes, so a second
# `make run` starts in seconds.
$(BIN)/.installed: requirements/dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/dev.lock
	touch $@

install: $(BIN)/.installed

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	@$(MAKE) --no-print-directory fonts || echo "Without the fonts, pages share with a logo instead of a drawn card."
	@$(MAKE) --no-print-directory pdf || echo "Without Pango, results cannot be downloaded as a PDF."
	$(MANAGE) load_demo_content

run: demo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# Browser tests need Debian's Chromium. Install it when we can (as root),
# otherwise stop and say how: never skip the browser tests silently.
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian's chromium for the browser tests..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "The browser tests need Chromium at $(CHROMIUM)."; \
			echo "Install it with: sudo apt-get install chromium"; \
			exit 1; \
		fi; \
	fi

# The share cards' fonts: installed when we can (as root), otherwise say how.
fonts:
	@if [ ! -f $(SHARE_CARD_FONT) ]; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian's fonts-dejavu-core for the share cards..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null; \
		else \
			echo "Share cards need the DejaVu fonts at $(SHARE_CARD_FONT)."; \
			echo "Install them with: sudo apt-get install fonts-dejavu-core"; \
			exit 1; \
		fi; \
	fi

# The result PDF's Pango and fonts (Debian's packages), proved by a sample render.
pdf: install
	PYTHON=$(PY) scripts/check_pdf.sh

test: install chromium fonts pdf
	$(BIN)/pytest $(PARALLEL) --cov --cov-report=term --cov-fail-under=$(COVERAGE_FLOOR) $(PYTEST_ARGS)

# The input fuzzing, ten times deeper than in `make test` (a few minutes).
fuzz: install
	FUZZ_EXAMPLES=2000 $(BIN)/pytest -p no:randomly tests/test_fuzz_public_input.py $(PYTEST_ARGS)

# Everything except the browser tests.
test-fast: install fonts pdf
	$(BIN)/pytest -m "not browser" $(PARALLEL) $(PYTEST_ARGS)

# CI's second run, on SQLite: the tests that use the database, browser tests
# aside. The database-independent ones (marked by tests/conftest.py, refused the
# database by pytest-django) did the same in the PostgreSQL run already.
test-database: install fonts pdf
	$(BIN)/pytest -m "not browser and not database_independent" $(PARALLEL) $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/lint-imports
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

lock: install
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --allow-unsafe -o requirements/base.lock pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --allow-unsafe --extra test --extra dev -o requirements/dev.lock pyproject.toml

# The public pages under load beside a bare Django view (bench/README.md). Not
# part of CI. Needs wrk (Debian's package, installed here when we are root).
# About 30 minutes on 2 cores with the defaults; BENCH_SIZES, BENCH_SECONDS and
# BENCH_ROUNDS make it shorter.
bench: install
	@command -v wrk >/dev/null || { [ "$$(id -u)" = "0" ] && apt-get install -y -qq wrk >/dev/null; } \
		|| { echo "make bench needs wrk: sudo apt-get install wrk"; exit 1; }
	$(PY) bench/run.py

# Encrypted backups (docs/scaling.md, "Backups"): BACKUP_KEY, DATABASE_URL and
# the media settings from the environment; BACKUP_DIR keeps them (35 days).
# pg_dump and pg_restore come from Debian's postgresql-client.
BACKUP_DIR ?= backups
backup: install
	@command -v pg_dump >/dev/null || { [ "$$(id -u)" = "0" ] && apt-get install -y -qq postgresql-client >/dev/null; } \
		|| { echo "make backup needs pg_dump: sudo apt-get install postgresql-client"; exit 1; }
	$(MANAGE) backup_site --to $(BACKUP_DIR)

# make restore BACKUP=backups/copro-20260601T031500Z DATABASE_URL=postgres://.../new_empty_db
restore: install
	@test -n "$(BACKUP)" || { echo "Say which: make restore BACKUP=$(BACKUP_DIR)/copro-<time>"; exit 1; }
	$(MANAGE) restore_backup $(BACKUP)
	$(MANAGE) reapply_erasures
	$(MANAGE) migrate --check

screenshots: install chromium
	SCREENSHOTS=1 $(BIN)/pytest -m browser tests/browser

clean:
	rm -rf $(VENV) staticfiles .test-media .pytest_cache .coverage .coverage.*
