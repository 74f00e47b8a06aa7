"""Reading results files into benchmarks with their repetitions and statistics."""

import json
import statistics
from dataclasses import dataclass, field

from .schema import schema_errors

_TO_NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


class ResultsError(Exception):
    """A results file that cannot be read or does not match the schema."""


@dataclass
class Benchmark:
    """One benchmark (suite/case/variant/params) with the raw times of its repetitions."""

    run_name: str
    suite: str
    case: str
    variant: str
    model: str
    params: dict
    status: str
    reason: str
    verified: bool
    question: str
    baseline: str
    samples_ns: list = field(default_factory=list)
    counters: dict = field(default_factory=dict)  # median over repetitions

    # Set by Results.cases(): the params this benchmark shares with its case's baseline
    # (its table and chart) and those only its model takes (threads: part of its label).
    shared_params: dict = field(default_factory=dict)
    extra_params: dict = field(default_factory=dict)

    @property
    def params_label(self):
        return " ".join(f"{k}:{v}" for k, v in self.shared_params.items()) or "(no params)"

    @property
    def label(self):
        extra = " ".join(f"{k}:{v}" for k, v in self.extra_params.items())
        return f"{self.variant} {extra}" if extra else self.variant

    @property
    def is_baseline(self):
        return self.variant == self.baseline and not self.extra_params

    @property
    def median_ns(self):
        return statistics.median(self.samples_ns) if self.samples_ns else None

    @property
    def min_ns(self):
        return min(self.samples_ns) if self.samples_ns else None

    @property
    def max_ns(self):
        return max(self.samples_ns) if self.samples_ns else None

    @property
    def cv(self):
        """Coefficient of variation of the repetitions (None below two)."""
        if len(self.samples_ns) < 2:
            return None
        mean = statistics.fmean(self.samples_ns)
        return statistics.stdev(self.samples_ns) / mean if mean > 0 else None


# Fields of a Google Benchmark entry that are not counters.
_NOT_COUNTERS = {
    "name", "run_name", "run_type", "repetitions", "repetition_index", "threads", "iterations",
    "real_time", "cpu_time", "time_unit", "family_index", "per_family_instance_index",
    "aggregate_name", "aggregate_unit", "error_occurred", "error_message", "suite", "case",
    "variant", "model", "params", "status", "reason", "verified", "checksum", "question",
    "baseline", "label",
}


@dataclass
class Results:
    path: str
    context: dict
    benchmarks: list  # of Benchmark, in file order

    @property
    def meta(self):
        return self.context.get("idiombench", {})

    def cases(self):
        """{(suite, case): {params_label: [Benchmark, ...]}} in file order.

        A case's points are keyed by the params its baseline has, so a variant with a
        param of its own (threads) is compared with the baseline at the same size."""
        keys = {}
        for b in self.benchmarks:
            if b.variant == b.baseline:
                keys.setdefault((b.suite, b.case), set()).update(b.params)
        grouped = {}
        for b in self.benchmarks:
            shared = keys.get((b.suite, b.case), set(b.params))
            b.shared_params = {k: v for k, v in b.params.items() if k in shared}
            b.extra_params = {k: v for k, v in b.params.items() if k not in shared}
            grouped.setdefault((b.suite, b.case), {}).setdefault(b.params_label, []).append(b)
        return grouped


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except OSError as e:
        raise ResultsError(f"cannot read {path}: {e.strerror}") from e
    except json.JSONDecodeError as e:
        raise ResultsError(f"{path} is not JSON: {e}") from e


def load(path):
    """Reads and validates an idiombench results file."""
    document = read_json(path)
    errors = schema_errors(document)
    if errors:
        shown = "\n  ".join(errors[:10])
        more = f"\n  ... and {len(errors) - 10} more" if len(errors) > 10 else ""
        raise ResultsError(f"{path} does not match the results schema:\n  {shown}{more}")

    # In instruction mode the figure is the instruction count per iteration, not the
    # wall time under Valgrind (samples_ns then holds counts).
    counting = document["context"]["idiombench"].get("measure") == "instructions"
    by_name = {}
    counter_samples = {}
    for entry in document["benchmarks"]:
        name = entry["run_name"]
        if name not in by_name:
            by_name[name] = Benchmark(
                run_name=name, suite=entry["suite"], case=entry["case"],
                variant=entry["variant"], model=entry["model"], params=entry["params"],
                status=entry["status"], reason=entry["reason"], verified=entry["verified"],
                question=entry["question"], baseline=entry["baseline"])
        if entry["status"] != "ok" or entry["run_type"] != "iteration":
            continue
        if counting and isinstance(entry.get("instructions"), (int, float)):
            by_name[name].samples_ns.append(float(entry["instructions"]))
        else:
            by_name[name].samples_ns.append(entry["real_time"] * _TO_NS[entry["time_unit"]])
        for key, value in entry.items():
            if key not in _NOT_COUNTERS and isinstance(value, (int, float)) and value is not True:
                counter_samples.setdefault(name, {}).setdefault(key, []).append(value)
    for name, counters in counter_samples.items():
        by_name[name].counters = {k: statistics.median(v) for k, v in counters.items()}
    return Results(path=str(path), context=document["context"], benchmarks=list(by_name.values()))
