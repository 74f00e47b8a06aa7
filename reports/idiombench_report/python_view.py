"""The "Python → C++" view: each Python variant (model `python`) beside its C++ counterpart
— the variant of its case that does the same thing, as the case declares it (naive
recursion with naive recursion, lru_cache with the LRU cache) — and, separately, the
fastest C++ variant measured at the same point, with how many times slower (or faster) the
Python one is than each. The same point: every param the two share has the same value;
where no C++ variant ran at the Python variant's degree of parallelism (threads, workers,
concurrency), the one at any degree."""

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


def _fastest_cpp(python: Benchmark, case: list[Benchmark], variant: Optional[str] = None) -> Optional[Benchmark]:
    """The fastest timed C++ variant at the Python one's point (only `variant`, if given)."""
    cpp = [c for c in case if c.timed and not is_python(c) and (variant is None or c.variant == variant)]
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
            twin = _fastest_cpp(b, every, b.counterpart) if b.counterpart else None
            row: dict[str, Any] = {
                "suite": suite, "case": case, "params": b.params_label, "python": b.label,
                "status": b.status, "reason": b.reason,
                "python_median": units.format(b.span()[1]) if b.timed else "–",
                "counterpart": (twin.label if twin else
                                f"{b.counterpart} (not timed at this point)" if b.counterpart else
                                "(none declared)"),
                "counterpart_median": units.format(twin.span()[1]) if twin else "–",
                "cpp": fastest.label if fastest else "(no C++ variant timed at this point)",
                "cpp_median": units.format(fastest.span()[1]) if fastest else "–",
            }
            row.update(_ratio("", b, twin))
            row.update(_ratio("fastest_", b, fastest))
            rows.append(row)
    return rows


def _ratio(prefix: str, python: Benchmark, cpp: Optional[Benchmark]) -> dict[str, Any]:
    if not (python.timed and cpp):
        return {prefix + "ratio": "–", prefix + "ratio_value": ""}
    ratio = python.span()[1] / cpp.span()[1]
    return {prefix + "ratio_value": ratio,
            prefix + "ratio": f"{ratio:.3g}× slower" if ratio >= 1 else f"{1 / ratio:.3g}× faster"}
