"""The README's quickstart runs as written."""

import pathlib
import re

import numpy as np

import sharply

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"


def test_quickstart_runs_and_means_what_it_says():
    code = re.search(r"## Quickstart\n\n```python\n(.*?)```", README.read_text(), re.S).group(1)
    namespace = {}
    exec(compile(code, str(README), "exec"), namespace)
    pairs, zones, pts = namespace["pairs"], namespace["zones"], namespace["pts"]
    assert pairs.dtype == np.int64 and pairs.shape[0] == 2 and pairs.shape[1] > 0
    np.testing.assert_array_equal(sharply.within(pts[pairs[0]], zones[pairs[1]]), True)
    np.testing.assert_array_equal(sharply.get_coordinates(namespace["same"]), sharply.get_coordinates(pts))
