import importlib.util

import pytest

# The tests exercise the compiled module: fail loudly when it was not built.
if importlib.util.find_spec("sharply._sharply") is None:
    raise pytest.UsageError("sharply._sharply is not built: run `make build` (PYTHONPATH=python)")
