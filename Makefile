# Sharply: `make demo` (the main job) and `make test` (build everything, run every test).
# Both install what they need: Debian packages through apt when missing, NuGet packages through restore.

PYTHON      := /usr/bin/python3
EXTENSION   := python/sharply/_sharply.abi3.so
SOURCES     := $(shell find src -name '*.cs' -o -name '*.csproj') Directory.Build.props
APT_PACKAGES := python3-numpy python3-pytest python3-hypothesis python3-shapely python3-geopandas \
                python3-matplotlib python3-pip python3-venv python3-rtree python3-mypy
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export PYTHONPATH := $(CURDIR)/python
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: all deps build test test-dotnet test-python test-wheel bench demo wheel clean

all: build

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

build: $(EXTENSION)

$(EXTENSION): $(SOURCES)
	dotnet publish src/Sharply.Module -c Release -r linux-x64 -o build/native --nologo -v quiet
	cp build/native/_sharply.so $@

test: deps build test-dotnet test-python test-wheel

test-dotnet:
	dotnet test tests/Sharply.Core.Tests --nologo -v quiet

test-python: deps build
	$(PYTHON) -m pytest -q tests/python --doctest-modules python/sharply

test-wheel: deps
	$(PYTHON) tests/packaging/check_wheel.py

bench: deps build
	$(PYTHON) bench/run.py

demo: deps build
	$(PYTHON) bench/demo.py

wheel:
	$(PYTHON) -m pip wheel --no-index --no-deps -w dist .

clean:
	rm -rf build dist $(EXTENSION)
	find . -name bin -o -name obj -type d -prune -exec rm -rf {} +
