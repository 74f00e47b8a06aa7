"""Reading the raw repetitions of any benchmark file, grouped by the process that
measured them: idiombench results (validated against the schema) or plain Google
Benchmark JSON (its `iteration` entries, all from one process), so that `compare` works
on anything Google Benchmark wrote.

The process is the unit of independence: repetitions inside one process share its
layout, pages, core and neighbours, so `compare` summarises each process by the median
of its repetitions and tests those summaries."""

from dataclasses import dataclass, field

import numpy as np

from . import results as results_module

_TO_NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


@dataclass
class Runs:
    path: str
    machine: str  # idiombench's machine_id, or Google Benchmark's host_name; "" if unknown
    description: str  # CPU model and host, for messages
    samples: dict = field(default_factory=dict)  # name -> [value, ...] (ns or instructions)
    status: dict = field(default_factory=dict)  # name -> "ok" | failed | crashed | ...
    reasons: dict = field(default_factory=dict)
    processes: dict = field(default_factory=dict)  # name -> {process_index: [value, ...]}
    exact: dict = field(default_factory=dict)  # name -> deterministic instruction counts
    measure: str = "time"  # or "instructions": the samples are instructions per iteration
    session: dict = None  # the `ab` session this file belongs to, if any

    def add(self, name, value, process=0):
        self.samples.setdefault(name, []).append(value)
        self.processes.setdefault(name, {}).setdefault(process, []).append(value)

    def process_medians(self, name):
        """One summary per process (the median of its repetitions), by process index."""
        return {k: float(np.median(v)) for k, v in sorted(self.processes.get(name, {}).items())}


def _is_idiombench(document):
    return isinstance(document, dict) and isinstance(document.get("context"), dict) and \
        "idiombench" in document["context"]


def load_runs(path):
    document = results_module.read_json(path)
    if _is_idiombench(document):
        loaded = results_module.load(path)
        machine = loaded.meta.get("machine", {})
        runs = Runs(path=str(path), machine=str(machine.get("machine_id", "")),
                    description=f"{machine.get('cpu_model', '?')} on {loaded.context.get('host_name', '?')}, "
                                f"machine {machine.get('machine_id', '?')}")
        runs.measure = loaded.meta.get("measure", "time")
        runs.session = loaded.meta.get("ab")
        for b in loaded.benchmarks:
            runs.samples[b.run_name] = []
            runs.status[b.run_name] = b.status
            runs.reasons[b.run_name] = b.reason
        for entry in document["benchmarks"]:
            if entry["status"] != "ok" or entry["run_type"] != "iteration":
                continue
            name = entry["run_name"]
            if runs.measure == "instructions":
                if not isinstance(entry.get("instructions"), (int, float)):
                    raise results_module.ResultsError(
                        f"{path}: '{name}' is an instruction-mode entry without instructions")
                value = float(entry["instructions"])
                runs.exact[name] = bool(entry.get("instructions_exact", False))
            else:
                value = entry["real_time"] * _TO_NS[entry["time_unit"]]
            runs.add(name, value, entry.get("process_index", 0))
        return runs
    return _load_google_benchmark(path, document)


def _load_google_benchmark(path, document):
    if not isinstance(document, dict) or not isinstance(document.get("benchmarks"), list):
        raise results_module.ResultsError(
            f"{path} is neither idiombench results nor Google Benchmark JSON (no 'benchmarks' list)")
    context = document.get("context") if isinstance(document.get("context"), dict) else {}
    runs = Runs(path=str(path), machine=str(context.get("host_name", "")),
                description=str(context.get("host_name", "unknown host")))
    for i, entry in enumerate(document["benchmarks"]):
        if not isinstance(entry, dict) or "name" not in entry:
            raise results_module.ResultsError(f"{path}: benchmarks[{i}] has no name")
        if entry.get("run_type", "iteration") != "iteration":
            continue  # mean/median/stddev aggregates: the raw repetitions are what count
        name = entry.get("run_name", entry["name"])
        if entry.get("error_occurred"):
            runs.status[name] = "failed"
            runs.reasons[name] = str(entry.get("error_message", ""))
            runs.samples.setdefault(name, [])
            continue
        try:
            ns = float(entry["real_time"]) * _TO_NS[entry.get("time_unit", "ns")]
        except (KeyError, TypeError, ValueError) as e:
            raise results_module.ResultsError(
                f"{path}: benchmark '{name}' has no usable real_time/time_unit") from e
        runs.add(name, ns, entry.get("process_index", 0) if isinstance(entry.get("process_index"), int) else 0)
        runs.status.setdefault(name, "ok")
    return runs
