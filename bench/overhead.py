"""Per-call overhead of a scalar call into the compiled core, against a CPython builtin.

`sharply.area(p)` for one point and the `p.area` property, against `math.fabs(2.0)`, in the same
loop shape (local names, a timeit loop). Goal: at most 1.5x `math.fabs`. Then the general scalar paths
that area's does not take: a unary function through the shared call shapes, and a binary predicate as a
function and as a method.
"""

import sys
import timeit

from common import print_table

SETUP = (
    "import math, sharply; fabs = math.fabs; area = sharply.area; is_empty = sharply.is_empty;"
    " intersects = sharply.intersects; p = sharply.points(1.0, 2.0); q = sharply.points(1.0, 3.0); x = 2.0"
)


def per_call_ns(statements, number, rounds=9):
    """Best time per call of each statement; the statements take turns in every round, so a slow
    phase of the machine (this VM's speed drifts) hits all of them alike."""
    timers = [timeit.Timer(statement, setup=SETUP) for statement in statements]
    best = [float("inf")] * len(timers)
    for _ in range(rounds):
        for i, timer in enumerate(timers):
            best[i] = min(best[i], timer.timeit(number) / number * 1e9)
    return best


def main(quick=False):
    number = 300_000 if quick else 2_000_000
    calls = [("math.fabs(x)", "fabs(x)"), ("sharply.area(p)", "area(p)"), ("p.area", "p.area"),
             ("sharply.is_empty(p)", "is_empty(p)"), ("sharply.intersects(p, q)", "intersects(p, q)"),
             ("p.intersects(q)", "p.intersects(q)")]
    times = per_call_ns([statement for _, statement in calls], number)
    rows = [[label, f"{ns:.1f}", f"{ns / times[0]:.2f}x"] for (label, _), ns in zip(calls, times)]
    print_table("Scalar call overhead (goal: at most 1.5x math.fabs)", ["call", "ns per call", "vs math.fabs"], rows)


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
