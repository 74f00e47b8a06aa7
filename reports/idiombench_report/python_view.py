"""The "Python → C++" view: per case and params point, each Python variant (model
`python`) beside the fastest C++ variant timed at the same point, and how many times
slower (or faster) the Python one is."""

from typing import Any

from .results import Benchmark, Results
from .units import TIME, Units

PYTHON_MODEL = "python"


def is_python(b: Benchmark) -> bool:
    return b.model == PYTHON_MODEL


def python_rows(results: Results, units: Units = TIME) -> list[dict[str, Any]]:
    rows = []
    for (suite, case), points in results.cases().items():
        for label, runs in points.items():
            timed = [b for b in runs if b.timed]
            cpp = [b for b in timed if not is_python(b)]
            fastest = min(cpp, key=lambda b: b.span()[1]) if cpp else None
            for b in sorted((b for b in runs if is_python(b)), key=lambda b: b.label):
                row: dict[str, Any] = {
                    "suite": suite, "case": case, "params": label, "python": b.label,
                    "status": b.status, "reason": b.reason,
                    "python_median": units.format(b.span()[1]) if b.timed else "–",
                    "cpp": fastest.label if fastest else "(no C++ variant timed here)",
                    "cpp_median": units.format(fastest.span()[1]) if fastest else "–",
                    "ratio": "–", "ratio_value": "",
                }
                if b.timed and fastest:
                    ratio = b.span()[1] / fastest.span()[1]
                    row["ratio_value"] = ratio
                    row["ratio"] = f"{ratio:.3g}× slower" if ratio >= 1 else f"{1 / ratio:.3g}× faster"
                rows.append(row)
    return rows
