# HEADSTART — `make run` sets up and serves; `make test` runs everything CI runs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app headstart
HOST ?= 127.0.0.1
PORT ?= 5000
LOCALES_DIR := translations

.PHONY: run serve test lint bench translations translations-compile audit install install-test browser vnu clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Compiled catalogues are build products (not committed). Extraction ignores only dot
# folders: Babel's default also skips "_" folders, which would leave templates/_macros out.
translations-compile: $(VENV)/.installed
	$(BIN)/pybabel compile -d $(LOCALES_DIR) >/dev/null

translations: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l -k _n:1,2 --sort-by-file --no-location --ignore-dirs=".*" \
		--msgid-bugs-address="headstart@localhost" --project=HEADSTART -o $(LOCALES_DIR)/messages.pot .
	$(BIN)/pybabel update -i $(LOCALES_DIR)/messages.pot -d $(LOCALES_DIR) --no-fuzzy-matching
	$(BIN)/pybabel compile --statistics -d $(LOCALES_DIR)

# Links in mail point at the local server (a production start needs HEADSTART_BASE_URL).
run: export HEADSTART_BASE_URL ?= http://$(HOST):$(PORT)
run: install translations-compile
	$(FLASK) db upgrade
	$(FLASK) demo load --if-empty
	$(FLASK) search drain
	$(FLASK) jobs run
	$(FLASK) uploads sweep
	$(FLASK) run --host $(HOST) --port $(PORT)

serve: install translations-compile
	$(FLASK) db upgrade
	$(FLASK) search drain
	$(FLASK) jobs run
	$(FLASK) uploads sweep
	$(BIN)/gunicorn --config gunicorn.conf.py --bind $(HOST):$(PORT) --access-logfile - wsgi:app

# Debian's Chromium for the browser tests (never a downloaded browser build).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null \
		|| echo "Could not install chromium: browser tests will report why they skip"; }

# The Nu Html Checker (the W3C's validator) for the browser tests: vnu-jar from npm, run
# with Java (Debian's, installed when missing).
VNU_VERSION := 26.9.27
VNU_JAR := .cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar
vnu:
	@command -v java >/dev/null 2>&1 || { \
		echo "Installing Debian's Java runtime for the HTML validity test"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless >/dev/null \
		|| echo "Could not install Java: the HTML validity test will report why it skips"; }
	@[ -f $(VNU_JAR) ] || { \
		echo "Installing the Nu Html Checker (vnu-jar $(VNU_VERSION))"; \
		npm install --prefix .cache/vnu --no-save --no-audit --no-fund --silent vnu-jar@$(VNU_VERSION) >/dev/null \
		|| echo "Could not install vnu-jar: the HTML validity test will report why it skips"; }

lint: install-test
	$(BIN)/ruff check headstart tests bench migrations wsgi.py

test: install-test translations-compile browser vnu lint
	$(BIN)/python -m pytest -n $${PYTEST_WORKERS:-2} $(PYTEST_ARGS)

# Figures, not pass/fail. A quick run:
#   make bench SEARCH_BENCH_ARGS="--sizes 1000" LOAD_BENCH_ARGS="--practices 1000 --seconds 20"
bench: install-test translations-compile
	$(BIN)/python bench/run.py
	$(BIN)/python bench/relevance.py
	$(BIN)/python bench/search.py $(SEARCH_BENCH_ARGS)
	$(BIN)/python bench/load.py $(LOAD_BENCH_ARGS)

# The scanners live in their own virtual environment (their pins clash with ours).
AUDIT_VENV ?= .venv-audit
$(AUDIT_VENV)/.installed: Makefile
	$(PYTHON) -m venv $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/pip install --quiet 'wapiti3==3.2.3' 'sqlmap==1.10.10'
	touch $@

# bandit, then wapiti, sqlmap and schemathesis against a throwaway demo portal under
# gunicorn on 127.0.0.1 (reports in audit-reports/; see docs/security.md).
audit: install-test translations-compile $(AUDIT_VENV)/.installed
	AUDIT_VENV=$(AUDIT_VENV) $(BIN)/python .ci/audit.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
	find $(LOCALES_DIR) -name '*.mo' -delete
