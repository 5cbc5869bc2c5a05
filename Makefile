# newsroom: `make run` serves the archive, `make test` runs every check. See README.md.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
WORKERS ?= 2
export DJANGO_SETTINGS_MODULE := newsroom.settings

.PHONY: install run serve setup test lint format check pytest bench eval-persons eval-reading eval-search clean

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

var/secret_key:
	mkdir -p var
	$(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	chmod 600 $@

# Install, migrate, import seeds/, build the index: safe to repeat, nothing is duplicated.
setup: install var/secret_key
	DJANGO_SECRET_KEY=$$(cat var/secret_key) $(BIN)/python manage.py migrate --noinput
	DJANGO_SECRET_KEY=$$(cat var/secret_key) $(BIN)/python manage.py collectstatic --noinput -v 0
	DJANGO_SECRET_KEY=$$(cat var/secret_key) $(BIN)/python manage.py import_archive seeds/
	DJANGO_SECRET_KEY=$$(cat var/secret_key) $(BIN)/python manage.py rebuild_index --noinput

run: setup serve

serve: install var/secret_key
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$(cat var/secret_key)} $(BIN)/gunicorn newsroom.wsgi \
		--config python:newsroom.gunicorn_conf --bind $(HOST):$(PORT) --workers $(WORKERS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	DJANGO_SECRET_KEY=check $(BIN)/python manage.py check
	DJANGO_SECRET_KEY=check $(BIN)/python manage.py makemigrations --check --dry-run

pytest: install
	DJANGO_SECRET_KEY=test DATABASE_CONN_MAX_AGE=0 $(BIN)/python -m pytest $(PYTEST_ARGS)

test: lint check pytest

bench: install
	DJANGO_SECRET_KEY=bench $(BIN)/python -m bench $(BENCH_ARGS)

eval-persons: install
	DJANGO_SECRET_KEY=eval $(BIN)/python manage.py eval_persons

# Lay out pages from ../shared/corpus news items in every form, read them, score the reader.
eval-reading: install
	DJANGO_SECRET_KEY=eval $(BIN)/python manage.py eval_reading --pages 200 --by-form $(EVAL_ARGS)

# Search exactness through Haystack: ours beside the stock Whoosh backend with jieba, on the
# first EVAL_ITEMS news items of ../shared/corpus imported into a scratch archive.
EVAL_ITEMS ?= 3000
EVAL_ENV = DJANGO_SECRET_KEY=eval NEWSROOM_DATA_DIR=var/eval-search NEWSROOM_JIEBA_INDEX_DIR=var/eval-search/jieba
eval-search: install
	rm -rf var/eval-search && mkdir -p var/eval-search
	head -n $(EVAL_ITEMS) ../shared/corpus/xwlb_items.jsonl > var/eval-search/items.jsonl
	$(EVAL_ENV) $(BIN)/python manage.py migrate -v 0
	$(EVAL_ENV) $(BIN)/python manage.py import_archive var/eval-search/items.jsonl -v 0
	$(EVAL_ENV) $(BIN)/python manage.py eval_search --using default --using jieba --index $(EVAL_ARGS)

clean:
	rm -rf var staticfiles .pytest_cache .ruff_cache test-artifacts
