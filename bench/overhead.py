"""Per-call overhead of a scalar call into the compiled core, against a CPython builtin.

`sharply.area(p)` for one point and the `p.area` property, against `math.fabs(2.0)`, in the same
loop shape (local names, a timeit loop). Goal: at most 1.5x `math.fabs`.
"""

import sys
import timeit

from common import print_table

SETUP = "import math, sharply; fabs = math.fabs; area = sharply.area; p = sharply.points(1.0, 2.0); x = 2.0"


def per_call_ns(statement, number):
    return min(timeit.repeat(statement, setup=SETUP, number=number, repeat=7)) / number * 1e9


def main(quick=False):
    number = 300_000 if quick else 2_000_000
    fabs = per_call_ns("fabs(x)", number)
    rows = [["math.fabs(x)", f"{fabs:.1f}", "1.00x"]]
    for label, statement in [("sharply.area(p)", "area(p)"), ("p.area", "p.area")]:
        ns = per_call_ns(statement, number)
        rows.append([label, f"{ns:.1f}", f"{ns / fabs:.2f}x"])
    print_table("Scalar call overhead (goal: at most 1.5x math.fabs)", ["call", "ns per call", "vs math.fabs"], rows)


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
