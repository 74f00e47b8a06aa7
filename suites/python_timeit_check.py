#!/usr/bin/env python3
"""Does the harness measure Python without bias? For a few Python variants, idiombench's
figure (median time per call over its repetitions) against timeit's on the same function
and an input of the same shape. timeit runs as `python3 -m timeit` runs it (autorange,
then 5 repeats, GC off while timing; the median per call is compared) in two interpreters:

- idiombench-python, the interpreter the harness embeds (the same libpython, linked the
  same way) as a command: the harness's own bias is the difference from this one, and
  the check fails (exit status 1) if any pair differs by more than 10%;
- /usr/bin/python3, for the record: Debian links it from a separately optimised build, so
  the same code can run faster there than in any program that embeds libpython.

A check by hand, not a test: timings belong in notes, not in assertions.

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


def timeit_in(interpreter, name):
    """The timeit median of check `name`, measured by `interpreter` running this file."""
    done = subprocess.run([interpreter, __file__, "--timeit", name], check=True,
                          capture_output=True, text=True)
    return float(done.stdout.strip())


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--timeit":  # inside the interpreter under test
        path, function, make_arguments = CHECKS[sys.argv[2]]
        print(timeit_median(getattr(module(path), function), make_arguments()))
        return 0
    binary = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build/release/harness/idiombench")
    embedded = binary.parent / "python" / "idiombench-python"
    harness = harness_medians(str(binary))
    worst = 0.0
    print(f"{'benchmark':64} {'idiombench':>11} {'timeit, same':>13} {'ratio':>6}"
          f" {'/usr/bin/python3':>17} {'ratio':>6}")
    for name in CHECKS:
        if name not in harness:
            print(f"{name:64} not measured by idiombench (built without Python?)")
            worst = float("inf")
            continue
        same = timeit_in(str(embedded), name)
        system = timeit_in("/usr/bin/python3", name)
        ratio = harness[name] / same
        worst = max(worst, abs(ratio - 1))
        print(f"{name:64} {harness[name] * 1e6:9.1f}us {same * 1e6:11.1f}us {ratio:6.3f}"
              f" {system * 1e6:15.1f}us {harness[name] / system:6.3f}")
    print(f"largest difference from timeit in the same interpreter: {worst:.1%} "
          f"(tolerance {TOLERANCE:.0%})")
    return 0 if worst <= TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
