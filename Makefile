# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
WORKERS ?= 3

.PHONY: run test setup lint format messages assets bench clean

$(VENV)/.run-deps: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements.txt requirements-dev.txt $(VENV)/.run-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# Front-end assets come from the npm registry through the lockfile and are served by us, never by a CDN.
static/vendor/.copied: node_modules/.package-lock.json
	mkdir -p static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx.min.js
	cp node_modules/chart.js/dist/chart.umd.js node_modules/chart.js/dist/chart.umd.js.map static/vendor/
	touch $@

assets: static/vendor/.copied

messages: $(VENV)/.run-deps
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules --ignore=var -v 0

setup: $(VENV)/.run-deps assets messages
	mkdir -p var
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py seed_demo
	$(PY) manage.py collectstatic --noinput -v 0

run: setup
	$(PY) manage.py demo_accounts --port $(PORT)
	$(VENV)/bin/gunicorn congvu.wsgi:application --bind 127.0.0.1:$(PORT) --workers $(WORKERS) \
		--access-logfile - --error-logfile -

lint: $(VENV)/.dev-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev-deps
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: $(VENV)/.dev-deps assets messages lint
	$(VENV)/bin/pytest -q $(PYTEST_ARGS)

bench: $(VENV)/.dev-deps assets messages
	$(PY) bench/run.py

clean:
	rm -rf var static/vendor

# Extract translatable strings into each app's own locale/en/LC_MESSAGES/django.po (source strings are
# Vietnamese; English is the translation). The shared templates/ go to the top-level locale/.
makemessages: $(VENV)/.dev-deps
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=node_modules --ignore=var --ignore=tests --ignore=bench -v 0
