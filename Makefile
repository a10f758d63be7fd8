# Guild: the two commands a new user needs are `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# The public address every absolute URL is built from (home/site_address.py): the one `make run` serves.
GUILD_PUBLIC_URL ?= http://$(HOST):$(PORT)

.PHONY: run test install npm migrate demo lint format check ci clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# axe-core and Lighthouse for the browser tests (package-lock.json pins them; never node_modules in git).
# Without npm the browser tests skip on a laptop; in CI (CI=1) they fail instead.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --prefer-offline --loglevel=error && touch $@; \
	else echo "npm is not installed: the browser tests that need axe-core and Lighthouse will skip"; fi

npm: node_modules/.installed

migrate: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py compile_translations

demo: migrate
	$(PY) manage.py load_demo_content
	$(PY) manage.py load_demo_translations
	$(PY) manage.py setup_network_review
	$(PY) manage.py ensure_dev_admin

# The embeddings worker runs next to the server: publishing queues page vectors for it (never computed in the
# editor's request); it stops with the server.
run: demo
	$(PY) manage.py db_worker --queue-name embeddings --backend embeddings --no-reload & worker=$$!; \
	trap "kill $$worker" EXIT INT TERM; \
	GUILD_PUBLIC_URL=$(GUILD_PUBLIC_URL) $(PY) manage.py runserver $(HOST):$(PORT)

# The suite runs on every core (pytest-xdist; one worker on a one-core machine), each test file on one worker so
# that content a module builds once is built once; each worker has its own test database. PYTEST_ARGS= runs it
# in one process.
PYTEST_ARGS ?= -n auto --dist loadfile

test: install npm
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=check-only-$$(date +%s)-not-a-real-secret-key-0123456789abcdef ALLOWED_HOSTS=guild.example \
		$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache .ruff_cache node_modules
