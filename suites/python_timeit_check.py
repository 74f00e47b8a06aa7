#!/usr/bin/env python3
"""Does the harness measure Python without bias? For a few Python variants, idiombench's
figure (median time per call over its repetitions) against timeit's on the same function
and an input of the same shape, run here by the same interpreter the runner embeds.
timeit is used as `python3 -m timeit` uses it (autorange, then 5 repeats, GC off while
timing); its median per call is compared. A check by hand, not a test: timings belong in
notes, not in assertions. Exit status 1 when a pair differs by more than 10%.

    /usr/bin/python3 suites/python_timeit_check.py build/release/harness/idiombench
"""

import importlib.util
import json
import random
import statistics
import subprocess
import sys
import tempfile
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOLERANCE = 0.10


def module(path):
    spec = importlib.util.spec_from_file_location(path.replace("/", "_"), ROOT / path)
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


def sum_squares_values():
    rng = random.Random(1)
    return [rng.randint(-30000, 30000) for _ in range(1_000_000)]


def cheap_keys():
    rng = random.Random(1)
    return [rng.randrange(100) for _ in range(100_000)]


# benchmark name -> (module file, function, arguments)
CHECKS = {
    "iteration/sum_squares/py_generator/n:1000000":
        ("suites/iteration/sum_squares/python/variants.py", "py_generator", lambda: (sum_squares_values(),)),
    "iteration/sum_squares/py_iterator_class/n:1000000":
        ("suites/iteration/sum_squares/python/variants.py", "py_iterator_class", lambda: (sum_squares_values(),)),
    "iteration/sum_squares/py_list_eager/n:1000000":
        ("suites/iteration/sum_squares/python/variants.py", "py_list_eager", lambda: (sum_squares_values(),)),
    "memoization/fib/py_lru_cache/n:30":
        ("suites/memoization/fib/python/variants.py", "py_lru_cache", lambda: (30,)),
    "memoization/fib/py_naive/n:20":
        ("suites/memoization/fib/python/variants.py", "py_naive", lambda: (20,)),
    "memoization/cheap_function/py_lru_cache/keys:100/calls:100000":
        ("suites/memoization/cheap_function/python/variants.py", "py_lru_cache", lambda: (cheap_keys(),)),
}


def harness_medians(binary):
    pattern = "^(" + "|".join(name.replace("/", "/") for name in CHECKS) + ")$"
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "results.json"
        subprocess.run([binary, "run", "--filter", pattern, "--repetitions", "5", "--out", str(out)],
                       check=True, stdout=subprocess.DEVNULL)
        document = json.loads(out.read_text())
    times = {}
    for entry in document["benchmarks"]:
        if entry.get("run_type") == "iteration" and entry.get("status") == "ok":
            times.setdefault(entry["run_name"], []).append(entry["real_time"] / 1e9)
    return {name: statistics.median(values) for name, values in times.items()}


def timeit_median(function, arguments):
    timer = timeit.Timer(lambda: function(*arguments))
    number, _ = timer.autorange()
    return statistics.median(t / number for t in timer.repeat(repeat=5, number=number))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "build/release/harness/idiombench")
    harness = harness_medians(binary)
    worst = 0.0
    print(f"{'benchmark':64} {'idiombench':>12} {'timeit':>12} {'ratio':>7}")
    for name, (path, function, make_arguments) in CHECKS.items():
        if name not in harness:
            print(f"{name:64} not measured by idiombench (built without Python?)")
            worst = float("inf")
            continue
        theirs = timeit_median(getattr(module(path), function), make_arguments())
        ratio = harness[name] / theirs
        worst = max(worst, abs(ratio - 1))
        print(f"{name:64} {harness[name] * 1e6:10.1f}us {theirs * 1e6:10.1f}us {ratio:7.3f}")
    print(f"largest difference: {worst:.1%} (tolerance {TOLERANCE:.0%})")
    return 0 if worst <= TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
