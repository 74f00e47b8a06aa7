"""Results in the formats other benchmark tools read: Bencher's Metric Format,
github-action-benchmark's custom JSON, and CSV. One entry per timed benchmark, its
median with the range of its repetitions; benchmarks that were not timed are left out of
the two tools' formats (CSV lists them with their status and reason)."""

import csv
import io
import json
from typing import Callable

from .results import Benchmark, Results

FORMATS = ("bencher", "github-action-benchmark", "csv")


def _unit(results: Results) -> tuple[str, str]:
    """(Bencher measure slug, unit) of the figures."""
    return ("instructions", "instructions") if results.measure == "instructions" else ("latency", "ns")


def _timed(results: Results) -> list[Benchmark]:
    # Plain Google Benchmark files verify nothing; idiombench's verified every figure.
    return [b for b in results.benchmarks if b.timed and (b.verified or not results.meta)]


def bencher(results: Results) -> str:
    """Bencher Metric Format: {benchmark: {measure: {value, lower_value, upper_value}}}."""
    measure, _ = _unit(results)
    document = {}
    for b in _timed(results):
        low, median, high = b.span()
        document[b.run_name] = {measure: {"value": median, "lower_value": low, "upper_value": high}}
    return json.dumps(document, indent=1, ensure_ascii=False)


def github_action_benchmark(results: Results) -> str:
    """github-action-benchmark's customSmallerIsBetter JSON: [{name, unit, value, range, extra}]."""
    _, unit = _unit(results)
    entries = []
    for b in _timed(results):
        low, median, high = b.span()
        entries.append({
            "name": b.run_name, "unit": unit, "value": median,
            "range": f"± {(high - low) / 2:.4g}",
            "extra": f"median of {len(b.samples)} repetitions in {len(b.processes)} process(es); "
                     f"min {low:.6g}, max {high:.6g}; model {b.model}",
        })
    return json.dumps(entries, indent=1, ensure_ascii=False)


def to_csv(results: Results) -> str:
    """One row per benchmark, timed or not."""
    _, unit = _unit(results)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "suite", "case", "variant", "model", "params", "status", f"median_{unit}",
                     f"min_{unit}", f"max_{unit}", "repetitions", "processes", "cv", "items_per_second",
                     "bytes_per_second", "reason"])
    for b in results.benchmarks:
        span = b.span() if b.timed else (None, None, None)
        writer.writerow([
            b.run_name, b.suite, b.case, b.variant, b.model,
            " ".join(f"{k}:{v}" for k, v in b.params.items()), b.status,
            *("" if v is None else f"{v:.6g}" for v in (span[1], span[0], span[2])),
            len(b.samples), len(b.processes) if b.samples else 0,
            "" if b.cv is None else f"{b.cv:.4f}",
            b.counters.get("items_per_second", ""), b.counters.get("bytes_per_second", ""), b.reason,
        ])
    return out.getvalue()


WRITERS: dict[str, Callable[[Results], str]] = {
    "bencher": bencher, "github-action-benchmark": github_action_benchmark, "csv": to_csv}
