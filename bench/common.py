"""Shared helpers of the benchmarks: timing, the machine's name, table printing."""

import os
import platform
import time


def best_of(function, repeat=5, number=1):
    """Best wall time of ``repeat`` runs of ``number`` calls, in seconds per call."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            function()
        best = min(best, (time.perf_counter() - start) / number)
    return best


def machine():
    """A one-line description of this machine, printed with every result table."""
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def print_table(title, header, rows):
    """Prints rows (sequences of already-formatted cells) under a header, aligned."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    print(f"\n## {title}\n")
    print("| " + " | ".join(str(h).ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |")


def print_speedups(title, cases, repeat):
    """Times each (name, peer, sharply) case, best of ``repeat``, and prints ms per call with the speed-up."""
    rows = []
    for name, peer, ours in cases:
        peer_time, our_time = best_of(peer, repeat), best_of(ours, repeat)
        rows.append([name, f"{peer_time * 1e3:.2f}", f"{our_time * 1e3:.3f}", f"{peer_time / our_time:,.0f}x"])
    print_table(title, ["operation", "Shapely 1.8", "Sharply", "speed-up"], rows)
