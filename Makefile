# Commands of the Kuopio integration services guide. The quick start is `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# LANGUAGE=en builds and serves one language only (faster previews).
LANGUAGE ?=
# INSTANCE=<folder> works on another municipality's instance (its own mkdocs.yml, data/, content/,
# translations/; site into <folder>/site/), e.g. INSTANCE=examples/esimerkkikunta. Default: Kuopio, here.
INSTANCE ?= .
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/hooks
# Reproducible builds: MkDocs (sitemap.xml and its gzip header) and the review-dates page read the
# build date from SOURCE_DATE_EPOCH; unless the builder sets it, it is the time of the commit being
# built, so two builds of one commit are byte-identical (hooks/guide/mkdocs/reproducible.py).
ifeq ($(strip $(SOURCE_DATE_EPOCH)),)
SOURCE_DATE_EPOCH := $(shell git -C "$(INSTANCE)" log -1 --format=%ct 2>/dev/null)
endif
ifeq ($(SOURCE_DATE_EPOCH),)
unexport SOURCE_DATE_EPOCH
else
export SOURCE_DATE_EPOCH
endif

.PHONY: serve build check new-instance test tools lighthouse lint schema paths diff browser clean translations translations-export translations-import bench ptv lock properdocs

# Two installs into one venv, each from a lock with hashes (pip refuses a download whose hash differs,
# and any package the lock lacks). RUNTIME is what building and publishing need; DEV adds the test,
# lint and benchmark tools (the dev lock holds the runtime pins too, at the same versions). The venv's
# own pip installs them: upgrading pip first would be the one download without a hash.
RUNTIME := $(BIN)/.runtime-installed
DEV := $(BIN)/.dev-installed

$(RUNTIME): requirements/runtime.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/runtime.lock
	touch $@

$(DEV): requirements/dev.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.lock
	touch $@ $(RUNTIME)

# Regenerate the locks from pyproject.toml after changing a pin there (pins already in a lock are kept;
# UPGRADE=<package> moves one transitive dependency to its newest version). Needs PyPI; commit the result.
UV_COMPILE = $(BIN)/uv pip compile --quiet --generate-hashes --universal --python-version 3.11.5 \
	--custom-compile-command "make lock" $(if $(UPGRADE),--upgrade-package $(UPGRADE))
lock: $(DEV)
	$(UV_COMPILE) pyproject.toml -o requirements/runtime.lock
	$(UV_COMPILE) pyproject.toml --extra dev -c requirements/runtime.lock -o requirements/dev.lock
	$(UV_COMPILE) requirements/properdocs.in -c requirements/runtime.lock -o requirements/properdocs.lock

serve: $(RUNTIME) check
	BUILD_ONLY_LOCALE=$(LANGUAGE) $(BIN)/mkdocs serve --config-file $(INSTANCE)/mkdocs.yml --dev-addr 127.0.0.1:8000

build: $(RUNTIME) check
	BUILD_ONLY_LOCALE=$(LANGUAGE) $(BIN)/mkdocs build --strict --clean --config-file $(INSTANCE)/mkdocs.yml

check: $(RUNTIME)
	$(BIN)/python -m guide.tools.check $(INSTANCE)

# A new, minimal instance in Finnish in DIR (e.g. DIR=../mykunta); it builds at once, and
# `make check INSTANCE=DIR` then tells what to fill in. docs/adopting.md is the guide.
new-instance: $(RUNTIME)
	@test -n "$(DIR)" || { echo "Name the new instance's folder: make new-instance DIR=<folder>" >&2; exit 2; }
	$(BIN)/python -m guide.tools.new_instance "$(DIR)"

schema: $(RUNTIME)
	$(BIN)/python -m guide.tools.schema

# Translation status per language; STRICT=1 fails while anything is missing or outdated.
translations: $(RUNTIME)
	cd $(INSTANCE) && $(CURDIR)/$(BIN)/python -m guide.tools.translations status $(if $(STRICT),--strict)

# What needs work in one language, as a PO file for a translator (FILE defaults to LANGUAGE.po).
translations-export: $(RUNTIME)
	cd $(INSTANCE) && $(CURDIR)/$(BIN)/python -m guide.tools.translations export $(LANGUAGE) $(or $(FILE),$(LANGUAGE).po)

translations-import: $(RUNTIME)
	cd $(INSTANCE) && $(CURDIR)/$(BIN)/python -m guide.tools.translations import $(LANGUAGE) $(or $(FILE),$(LANGUAGE).po)

# The table of every path of the eligibility tree (docs/eligibility-paths.md), committed for review.
paths: $(RUNTIME)
	$(BIN)/python -m guide.tools.paths

# What the changes to data/ since BASE mean for residents (Markdown; CI puts it in the job summary).
BASE ?= origin/main
diff: $(RUNTIME)
	@$(BIN)/python -m guide.tools.diff "$(BASE)"

# Dry run of the Suomi.fi PTV export: per service new/changed/unchanged since ptv/snapshot.json and
# how to load it with PTV's IN API; no network. UPDATE=1 records this export, SHOW=<id> prints one.
ptv: $(RUNTIME)
	@$(BIN)/python -m guide.tools.ptv $(INSTANCE) $(if $(UPDATE),--update) $(if $(SHOW),--show $(SHOW))

# mypy (strict, settings in pyproject.toml) checks hooks/ and bench/.
lint: $(DEV)
	$(BIN)/ruff check hooks tests bench
	$(BIN)/ruff format --check hooks tests bench
	$(BIN)/mypy

# Build times against plain Material + i18n at 25, 100 and 400 services, the real site's builds and
# page weights; prints tables, writes bench-results.json. About 30 minutes; run on an idle machine.
# BENCH="--sizes 25 100 --runs 1" for a quick look.
BENCH ?=
bench: $(DEV) browser
	$(BIN)/python -m bench.run $(BENCH)

# Browser tests use Debian's chromium; Playwright's own browser download is the fallback
# where no chromium can be installed (it cannot download on machines without internet).
browser: $(DEV)
	@command -v chromium >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else $(BIN)/playwright install chromium; fi; }

# Quality tools from npm, pinned, under .tools/ (gitignored): the Nu HTML Checker (run with Java)
# and Lighthouse (12.2.3: the last that installs cleanly on Node 20 here).
VNU_JAR := .tools/node_modules/vnu-jar/build/dist/vnu.jar
LIGHTHOUSE := .tools/node_modules/.bin/lighthouse
tools: $(VNU_JAR) $(LIGHTHOUSE)

$(VNU_JAR):
	npm install --prefix .tools --no-audit --no-fund --save-exact vnu-jar@26.9.27

$(LIGHTHOUSE):
	npm install --prefix .tools --no-audit --no-fund --save-exact lighthouse@12.2.3

# Lighthouse takes about 20 s a page, so the suite leaves its test out (marker `lighthouse`).
test: $(DEV) browser tools
	$(BIN)/python -m pytest -m "not lighthouse"

# Lighthouse, mobile: home, a service page and the eligibility page in fi and ar; prints the four
# scores and fails unless accessibility, best practices and SEO are 1.0.
lighthouse: $(DEV) browser tools
	PYTHONPATH=hooks:tests:. $(BIN)/python tests/lighthouse_audit.py

# Proof that the site builds and its build tests pass under ProperDocs, the fork of MkDocs 1.6 that keeps
# plugins and hooks (docs/architecture.md, "Migration plan"): a venv of its own with the runtime lock, ProperDocs in
# place of MkDocs, and the tests' builds (SITE_BUILDER, tests/site_build.py) run with `properdocs build`.
# Not part of `make test` (5 to 9 minutes on 2 cores, see README); the project builds and publishes with MkDocs.
PROPERDOCS_VENV := .venv-properdocs
$(PROPERDOCS_VENV)/bin/.installed: requirements/runtime.lock requirements/properdocs.lock
	test -x $(PROPERDOCS_VENV)/bin/python || $(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/python -m pip install --quiet --require-hashes \
	  -r requirements/runtime.lock -r requirements/properdocs.lock
	$(PROPERDOCS_VENV)/bin/python -m pip uninstall --quiet --yes mkdocs mkdocs-get-deps
	touch $@

properdocs: $(DEV) $(VNU_JAR) $(PROPERDOCS_VENV)/bin/.installed
	$(PROPERDOCS_VENV)/bin/properdocs --version
	SITE_BUILDER=$(CURDIR)/$(PROPERDOCS_VENV)/bin/properdocs $(BIN)/python -m pytest \
	  tests/test_site_build.py tests/test_html_and_links.py tests/test_reproducible.py

clean:
	rm -rf site .pytest_cache .cache
