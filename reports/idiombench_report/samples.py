"""Reading the raw repetitions of any benchmark file: idiombench results (validated
against the schema) or plain Google Benchmark JSON (its `iteration` entries), so that
`compare` works on anything Google Benchmark wrote."""

from dataclasses import dataclass, field

from . import results as results_module

_TO_NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


@dataclass
class Runs:
    path: str
    machine: str  # idiombench's machine_id, or Google Benchmark's host_name; "" if unknown
    description: str  # CPU model and host, for messages
    samples: dict = field(default_factory=dict)  # name -> [ns, ...]
    status: dict = field(default_factory=dict)  # name -> "ok" | failed | crashed | ...
    reasons: dict = field(default_factory=dict)


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
        for b in loaded.benchmarks:
            runs.samples[b.run_name] = list(b.samples_ns)
            runs.status[b.run_name] = b.status
            runs.reasons[b.run_name] = b.reason
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
        runs.samples.setdefault(name, []).append(ns)
        runs.status.setdefault(name, "ok")
    return runs
