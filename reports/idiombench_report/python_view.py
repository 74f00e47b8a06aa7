"""The "Python → C++" view: each Python variant (model `python`) beside the fastest C++
variant of its case measured at the same point, and how many times slower (or faster) the
Python one is. The same point: every param the two share has the same value; where no C++
variant ran at the Python variant's degree of parallelism (threads, workers, concurrency),
the fastest at any degree."""

from typing import Any, Optional

from .results import Benchmark, Results
from .units import TIME, Units

PYTHON_MODEL = "python"
PARALLELISM = frozenset({"threads", "workers", "concurrency"})


def is_python(b: Benchmark) -> bool:
    return b.model == PYTHON_MODEL


def _same_point(python: Benchmark, cpp: Benchmark, ignore: frozenset[str]) -> bool:
    shared = (python.params.keys() & cpp.params.keys()) - ignore
    return all(python.params[k] == cpp.params[k] for k in shared)


def _fastest_cpp(python: Benchmark, case: list[Benchmark]) -> Optional[Benchmark]:
    cpp = [c for c in case if c.timed and not is_python(c)]
    for ignore in (frozenset(), PARALLELISM):
        matches = [c for c in cpp if _same_point(python, c, ignore)]
        if matches:
            return min(matches, key=lambda c: c.span()[1])
    return None


def python_rows(results: Results, units: Units = TIME) -> list[dict[str, Any]]:
    rows = []
    for (suite, case), points in results.cases().items():
        every = [b for runs in points.values() for b in runs]
        for b in sorted((b for b in every if is_python(b)), key=lambda b: (b.params_label, b.label)):
            fastest = _fastest_cpp(b, every)
            row: dict[str, Any] = {
                "suite": suite, "case": case, "params": b.params_label, "python": b.label,
                "status": b.status, "reason": b.reason,
                "python_median": units.format(b.span()[1]) if b.timed else "–",
                "cpp": fastest.label if fastest else "(no C++ variant timed at this point)",
                "cpp_median": units.format(fastest.span()[1]) if fastest else "–",
                "ratio": "–", "ratio_value": "",
            }
            if b.timed and fastest:
                ratio = b.span()[1] / fastest.span()[1]
                row["ratio_value"] = ratio
                row["ratio"] = f"{ratio:.3g}× slower" if ratio >= 1 else f"{1 / ratio:.3g}× faster"
            rows.append(row)
    return rows
