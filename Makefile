# Databank Sociale Samenhang — see README.md for what each target does.
PYTHON ?= python3.12
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install quality-tools migrate seed run serve test lint format migrations-check editor bench abuse clean messages dictionary relevance load scale-out

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createinitialrevisions practices.Practice --comment "Eerste versie in de geschiedenis." -v 0

seed: migrate
	$(BIN)/python manage.py seed

# The mail worker runs beside the web server and stops with it (Ctrl-C stops both).
WORKER := $(BIN)/python manage.py db_worker --no-startup-delay --interval 2

run: seed
	DEBUG=True $(WORKER) & trap 'kill $$! 2>/dev/null' EXIT; \
	DEBUG=True $(BIN)/python manage.py runserver $(HOST):$(PORT)

serve: seed
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(WORKER) & trap 'kill $$! 2>/dev/null' EXIT; \
	$(BIN)/gunicorn --config config/gunicorn.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install
	$(BIN)/python manage.py makemigrations --check --dry-run

# Lighthouse, pa11y and the Nu Html Checker for tests/quality/ (pinned in tools/quality/;
# no browser download: Debian's Chromium). Without npm those tests are left out, and say so.
QUALITY_STAMP := tools/quality/node_modules/.installed-$(shell sha1sum tools/quality/package-lock.json | cut -c1-12)

$(QUALITY_STAMP): tools/quality/package-lock.json
	@if command -v npm >/dev/null; then \
		cd tools/quality && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit \
			--no-fund --loglevel=error && rm -f node_modules/.installed-* && touch $(CURDIR)/$@; \
	else echo "npm not found: the page-quality checks (tests/quality/) will be left out"; fi

quality-tools: $(QUALITY_STAMP)

test: lint migrations-check quality-tools
	$(BIN)/pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python benchmarks/search.py $(BENCH_ARGS)

# On the PostgreSQL server, as root: Debian's hunspell-nl as the search's Dutch dictionary.
dictionary:
	test -f /usr/share/hunspell/nl.dic || apt-get install -y hunspell-nl
	python3 deploy/install_dutch_dictionary.py

load: install
	$(BIN)/python benchmarks/load.py $(LOAD_ARGS)

scale-out: install
	$(BIN)/python benchmarks/scale_out.py

relevance: install
	$(BIN)/python benchmarks/relevance.py

abuse: install
	$(BIN)/python benchmarks/abuse.py

editor: migrate
	@read -p "Gebruikersnaam: " name; read -p "E-mail: " mail; \
	$(BIN)/python manage.py create_editor "$$name" "$$mail"

messages:
	msgfmt --check -o locale/nl/LC_MESSAGES/django.mo locale/nl/LC_MESSAGES/django.po
	msgfmt --check -o locale/nl/LC_MESSAGES/djangojs.mo locale/nl/LC_MESSAGES/djangojs.po

clean:
	rm -rf $(VENV) staticfiles *.egg-info
