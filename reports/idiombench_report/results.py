"""Reading benchmark files into one model: idiombench results (upgraded to the current
format version, then validated against the schema) and plain Google Benchmark JSON (its
`iteration` entries), so that every command works on anything Google Benchmark wrote.

Each benchmark keeps its repetitions grouped by the process that measured them. The
process is the unit of independence: repetitions inside one process share its layout,
pages, core and neighbours, so `compare` summarises each process by the median of its
repetitions and tests those summaries."""

import json
import math
import os
import stat
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Union

from .schema import schema_errors
from .units import TO_NS
from .upgrade import UpgradeError, upgrade

ParamValue = Union[int, str]
PathLike = Union[str, Path]


class ResultsError(Exception):
    """A results file that cannot be read or does not match the schema."""


@dataclass
class Benchmark:
    """One benchmark (suite/case/variant/params) and its figures: time per run in ns, or
    instructions per iteration in instruction mode."""

    run_name: str
    suite: str = ""
    case: str = ""
    variant: str = ""
    model: str = ""
    params: dict[str, ParamValue] = field(default_factory=dict)
    # The params it shares with its case's baseline: the point it is compared at. The
    # others (threads, for a parallel variant) are part of its label.
    shared_params: dict[str, ParamValue] = field(default_factory=dict)
    status: str = "ok"
    reason: str = ""
    verified: bool = False
    question: str = ""
    baseline: str = ""
    item: str = "item"  # what one of items_per_second's items is (since format 3)
    samples: list[float] = field(default_factory=list)  # every repetition, in file order
    processes: dict[int, list[float]] = field(default_factory=dict)  # process -> repetitions
    exact: bool = False  # deterministic instruction counts
    counters: dict[str, float] = field(default_factory=dict)  # median over repetitions
    # The hash of the machine code its timed call reaches ("" from builds without one), and,
    # in an `ab` session, how it compared with the other binary's (changed, unknown,
    # unchanged, sentinel).
    code_fingerprint: str = ""
    code_change: str = ""
    # The hash of the harness's code on its timed path (the timed loop, the case's timed
    # call); "" from builds without one. Where it differs, `ab` timed the benchmark.
    timing_fingerprint: str = ""
    # The variant of its case that does the same thing in another language (a Python
    # idiom's C++ counterpart), as the case declared it; "" when none.
    counterpart: str = ""
    # What its fraction_of_peak is taken against: the limit's value (in its counter's unit)
    # and the benchmark of the same run that measured it.
    limit_value: float = 0.0
    limit_measured_by: str = ""

    def add(self, value: float, process: int = 0) -> None:
        self.samples.append(value)
        self.processes.setdefault(process, []).append(value)

    @property
    def extra_params(self) -> dict[str, ParamValue]:
        return {k: v for k, v in self.params.items() if k not in self.shared_params}

    @property
    def params_label(self) -> str:
        return " ".join(f"{k}:{v}" for k, v in self.shared_params.items()) or "(no params)"

    @property
    def label(self) -> str:
        extra = " ".join(f"{k}:{v}" for k, v in self.extra_params.items())
        return f"{self.variant} {extra}" if extra else self.variant

    @property
    def is_baseline(self) -> bool:
        return self.variant == self.baseline and not self.extra_params

    @property
    def median(self) -> Optional[float]:
        return statistics.median(self.samples) if self.samples else None

    @property
    def minimum(self) -> Optional[float]:
        return min(self.samples) if self.samples else None

    @property
    def maximum(self) -> Optional[float]:
        return max(self.samples) if self.samples else None

    @property
    def timed(self) -> bool:
        return self.status == "ok" and bool(self.samples)

    def span(self) -> tuple[float, float, float]:
        """(minimum, median, maximum) of a timed benchmark."""
        if not self.samples:
            raise ValueError(f"{self.run_name} has no timed repetitions")
        return min(self.samples), statistics.median(self.samples), max(self.samples)

    @property
    def cv(self) -> Optional[float]:
        """Coefficient of variation of the repetitions (None below two)."""
        if len(self.samples) < 2:
            return None
        mean = statistics.fmean(self.samples)
        return statistics.stdev(self.samples) / mean if mean > 0 else None

    def process_medians(self) -> dict[int, float]:
        """One summary per process (the median of its repetitions), by process index."""
        return {k: float(statistics.median(v)) for k, v in sorted(self.processes.items())}


# Fields of a Google Benchmark entry that are not counters.
_NOT_COUNTERS = {
    "name", "run_name", "run_type", "repetitions", "repetition_index", "threads", "iterations",
    "real_time", "cpu_time", "time_unit", "family_index", "per_family_instance_index",
    "aggregate_name", "aggregate_unit", "error_occurred", "error_message", "suite", "case",
    "variant", "model", "params", "shared_params", "status", "reason", "verified", "checksum",
    "question", "baseline", "label", "process_index", "processes", "instructions",
    "instructions_exact", "item", "skipped", "skip_message", "code_fingerprint", "code_change",
    "timing_fingerprint",
    "sampling",
}


@dataclass
class Results:
    path: str
    context: dict[str, Any]
    benchmarks: list[Benchmark]  # in file order
    written_in: Optional[int] = None  # the format version on disk; None: Google Benchmark JSON

    @property
    def meta(self) -> dict[str, Any]:
        return self.context.get("idiombench", {})

    @property
    def machine(self) -> str:
        """idiombench's machine_id (with its label, if the run was given one: the same hardware
        under two labels is two machines), or Google Benchmark's host_name; "" if unknown."""
        if self.written_in is None:
            return str(self.context.get("host_name", ""))
        machine = self.meta.get("machine", {})
        label = machine.get("label")
        return str(machine.get("machine_id", "")) + (f"/{label}" if label else "")

    @property
    def machine_label(self) -> str:
        """The name the user gave the machine (`run --machine-label`), or ""."""
        return str(self.meta.get("machine", {}).get("label", ""))

    @property
    def description(self) -> str:
        """CPU model and host, for messages."""
        if self.written_in is None:
            return str(self.context.get("host_name", "unknown host"))
        machine = self.meta.get("machine", {})
        return (f"{machine.get('cpu_model', '?')} on {self.context.get('host_name', '?')}, "
                f"machine {machine.get('machine_id', '?')}")

    @property
    def measure(self) -> str:
        """"time", or "instructions": the figures are instructions per iteration."""
        return str(self.meta.get("measure", "time"))

    @property
    def session(self) -> Optional[dict[str, Any]]:
        """The `ab` session this file is one side of, if any."""
        return self.meta.get("ab")

    def by_name(self) -> dict[str, Benchmark]:
        return {b.run_name: b for b in self.benchmarks}

    def cases(self) -> dict[tuple[str, str], dict[str, list[Benchmark]]]:
        """{(suite, case): {params_label: [Benchmark, ...]}} in file order: each point of
        a case with every variant compared there."""
        grouped: dict[tuple[str, str], dict[str, list[Benchmark]]] = {}
        for b in self.benchmarks:
            grouped.setdefault((b.suite, b.case), {}).setdefault(b.params_label, []).append(b)
        return grouped


# The largest file read (configurable: `idiombench-report --max-file-mib`); a quick run of
# every suite writes a few MiB, a full one tens.
DEFAULT_MAX_FILE_BYTES = 64 << 20
max_file_bytes = DEFAULT_MAX_FILE_BYTES
# Deeper nesting than any results file has is refused before anything recurses into it.
MAX_DEPTH = 64
# Numbers beyond this are no measurement; their products (seconds to ns) would overflow.
MAX_MAGNITUDE = 1e200
_MAX_INT_DIGITS = 30


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _checked_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or abs(value) > MAX_MAGNITUDE:
        raise ValueError(f"number {text[:30]} is out of range")
    return value


def _checked_int(text: str) -> int:
    digits = text.lstrip("-")
    if len(digits) > _MAX_INT_DIGITS:
        raise ValueError(f"a {len(digits)}-digit integer is out of range")
    return int(text)


def _check_tree(document: Any) -> Optional[str]:
    """The first problem of a parsed document that would break the report later: too
    deep, a string with a NUL or an unpaired surrogate, a number beyond any
    measurement. Iterative, so depth costs no recursion."""
    stack: list[tuple[Any, int, str]] = [(document, 0, "")]
    while stack:
        value, depth, where = stack.pop()
        if depth > MAX_DEPTH:
            return f"nested more than {MAX_DEPTH} levels deep at {where or '(top)'}"
        if isinstance(value, dict):
            for key, item in value.items():
                if problem := _string_problem(key):
                    return f"a key at {where or '(top)'} {problem}"
                stack.append((item, depth + 1, f"{where}/{key[:40]}"))
        elif isinstance(value, list):
            stack.extend((item, depth + 1, f"{where}/{i}") for i, item in enumerate(value))
        elif isinstance(value, str):
            if problem := _string_problem(value):
                return f"the string at {where or '(top)'} {problem}"
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_MAGNITUDE:
            return f"the number at {where or '(top)'} is out of range"
    return None


def _string_problem(text: str) -> Optional[str]:
    if "\0" in text:
        return "contains a NUL character"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "contains an unpaired surrogate (not Unicode text)"
    return None


def read_json(path: PathLike) -> Any:
    """A JSON document read in bounded time and memory: a regular file of at most
    max_file_bytes, UTF-8, finite numbers of sane size, nesting of sane depth."""
    try:
        info = os.stat(path)
    except OSError as e:
        raise ResultsError(f"cannot read {path}: {e.strerror}") from e
    if not stat.S_ISREG(info.st_mode):
        raise ResultsError(f"{path} is not a regular file")
    if info.st_size > max_file_bytes:
        raise ResultsError(f"{path} is {info.st_size / (1 << 20):.3g} MiB, over the limit of "
                           f"{max_file_bytes / (1 << 20):.3g} MiB (--max-file-mib)")
    try:
        with open(path, "rb") as f:
            raw = f.read(max_file_bytes + 1)
    except OSError as e:
        raise ResultsError(f"cannot read {path}: {e.strerror}") from e
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ResultsError(f"{path} is not UTF-8 (byte {e.start})") from e
    try:
        document = json.loads(text, parse_constant=_refuse_constant, parse_float=_checked_float,
                              parse_int=_checked_int)
    except RecursionError as e:
        raise ResultsError(f"{path} is nested too deeply to be results") from e
    except json.JSONDecodeError as e:
        raise ResultsError(f"{path} is not JSON: {e}") from e
    except ValueError as e:
        raise ResultsError(f"{path} is not usable JSON: {e}") from e
    if problem := _check_tree(document):
        raise ResultsError(f"{path}: {problem}")
    return document


def is_idiombench(document: Any) -> bool:
    return isinstance(document, dict) and isinstance(document.get("context"), dict) and \
        "idiombench" in document["context"]


def current_document(document: Any, path: PathLike) -> tuple[dict[str, Any], int]:
    """An idiombench document upgraded to the current format and validated, with the
    version it was written in."""
    try:
        document, written = upgrade(document, str(path))
    except UpgradeError as e:
        raise ResultsError(str(e)) from e
    errors = schema_errors(document)
    if errors:
        raise ResultsError(f"{path} does not match the results schema: {first_of(errors)}")
    return document, written


def first_of(errors: list[str]) -> str:
    """The first of a file's problems, on one line, and how many more there are."""
    first = " ".join(errors[0].split())
    if len(first) > 160:
        first = first[:157] + "..."
    return first + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else "")


def load(path: PathLike) -> Results:
    """Reads an idiombench results file of any format version."""
    document = read_json(path)
    if not is_idiombench(document):
        raise ResultsError(f"{path} is not an idiombench results file (no context.idiombench)")
    return _from_idiombench(path, *current_document(document, path))


def load_any(path: PathLike) -> Results:
    """Reads idiombench results or plain Google Benchmark JSON."""
    document = read_json(path)
    if is_idiombench(document):
        return _from_idiombench(path, *current_document(document, path))
    return _from_google_benchmark(path, document)


def _from_idiombench(path: PathLike, document: dict[str, Any], written: int) -> Results:
    results = Results(path=str(path), context=document["context"], benchmarks=[], written_in=written)
    counting = results.measure == "instructions"
    by_name: dict[str, Benchmark] = {}
    counter_samples: dict[str, dict[str, list[float]]] = {}
    # Untimed entries (skipped, failed, ...) have a list of their own since format 3;
    # older files hold them among the benchmarks.
    for entry in document["benchmarks"] + document.get("untimed", []):
        name = entry["run_name"]
        if name not in by_name:
            by_name[name] = Benchmark(
                run_name=name, suite=entry["suite"], case=entry["case"], variant=entry["variant"],
                model=entry["model"], params=entry["params"], shared_params=entry["shared_params"],
                status=entry["status"], reason=entry["reason"], verified=entry["verified"],
                question=entry["question"], baseline=entry["baseline"],
                item=str(entry.get("item", "item")),
                code_fingerprint=str(entry.get("code_fingerprint", "")),
                code_change=str(entry.get("code_change", "")),
                timing_fingerprint=str(entry.get("timing_fingerprint", "")),
                counterpart=str(entry.get("counterpart", "")))
        if entry["status"] != "ok" or entry["run_type"] != "iteration":
            continue
        b = by_name[name]
        if counting:
            # The figure is the instruction count per iteration, not the wall time under Valgrind.
            if not isinstance(entry.get("instructions"), (int, float)):
                raise ResultsError(f"{path}: '{name}' is an instruction-mode entry without instructions")
            value = float(entry["instructions"])
            b.exact = bool(entry.get("instructions_exact", False))
        else:
            value = entry["real_time"] * TO_NS[entry["time_unit"]]
        b.add(value, entry.get("process_index", 0))
        limit = entry.get("physical_limit")
        if isinstance(limit, dict) and "measured_by" in limit:
            b.limit_value = float(limit.get("value", 0.0))
            b.limit_measured_by = str(limit["measured_by"])
        for key, figure in entry.items():
            if key not in _NOT_COUNTERS and isinstance(figure, (int, float)) and not isinstance(figure, bool):
                counter_samples.setdefault(name, {}).setdefault(key, []).append(figure)
    for name, counters in counter_samples.items():
        by_name[name].counters = {k: statistics.median(v) for k, v in counters.items()}
    results.benchmarks = list(by_name.values())
    return results


def _from_google_benchmark(path: PathLike, document: Any) -> Results:
    if not isinstance(document, dict) or not isinstance(document.get("benchmarks"), list):
        raise ResultsError(
            f"{path} is neither idiombench results nor Google Benchmark JSON (no 'benchmarks' list)")
    context = document.get("context") if isinstance(document.get("context"), dict) else {}
    by_name: dict[str, Benchmark] = {}
    for i, entry in enumerate(document["benchmarks"]):
        if not isinstance(entry, dict) or "name" not in entry:
            raise ResultsError(f"{path}: benchmarks[{i}] has no name")
        if entry.get("run_type", "iteration") != "iteration":
            continue  # mean/median/stddev aggregates: the raw repetitions are what count
        name = str(entry.get("run_name", entry["name"]))
        b = by_name.setdefault(name, Benchmark(run_name=name, variant=name, baseline=name,
                                               verified=True))
        if entry.get("error_occurred"):
            b.status, b.reason, b.verified = "failed", str(entry.get("error_message", "")), False
            continue
        try:
            ns = float(entry["real_time"]) * TO_NS[entry.get("time_unit", "ns")]
        except (KeyError, TypeError, ValueError) as e:
            raise ResultsError(f"{path}: benchmark '{name}' has no usable real_time/time_unit") from e
        process = entry.get("process_index", 0)
        b.add(ns, process if isinstance(process, int) else 0)
    return Results(path=str(path), context=context or {}, benchmarks=list(by_name.values()))
