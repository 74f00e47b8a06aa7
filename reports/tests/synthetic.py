"""Synthetic results for the compare and experiment tests. They model the noise of a
real machine: every process draws its own offset (layout, pages, core: 5-10%), and its
repetitions scatter tightly around it."""

import copy
from pathlib import Path

import numpy as np

DATA = Path(__file__).with_name("data")


def processes(center, k, seed, between=0.08, within=0.01, reps=3, factor=1.0):
    """k processes of `reps` repetitions around `center`: a process-level offset of
    `between` (relative sd) and repetition scatter of `within`."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(k):
        offset = center * factor * np.exp(rng.normal(0, between))
        out.append(list(offset * np.exp(rng.normal(0, within, reps))))
    return out


def google_benchmark(by_name, host="ci-runner"):
    """Google Benchmark JSON with process_index on each repetition: {name: [[reps of
    process 0], [reps of process 1], ...]} (a flat list is one process)."""
    entries = []
    for name, procs in by_name.items():
        if procs and not isinstance(procs[0], list):
            procs = [procs]
        index = 0
        for p, reps in enumerate(procs):
            for t in reps:
                entries.append({"name": name, "run_name": name, "run_type": "iteration",
                                "repetitions": sum(map(len, procs)), "repetition_index": index,
                                "process_index": p, "iterations": 100, "real_time": float(t),
                                "cpu_time": float(t), "time_unit": "ns"})
                index += 1
        entries.append({"name": name + "_mean", "run_name": name, "run_type": "aggregate",
                        "aggregate_name": "mean", "real_time": 1.0, "time_unit": "ns"})
    return {"context": {"host_name": host}, "benchmarks": entries}


def ab_session(base_by_name, cand_by_name, load_json, measure="time", exact=True):
    """Two idiombench results files of one `ab` session (built on a real file's context)."""
    template = load_json(DATA / "selftest-sample.json")
    entry = next(e for e in template["benchmarks"] if e["status"] == "ok")

    def side(by_name, role):
        doc = copy.deepcopy(template)
        meta = doc["context"]["idiombench"]
        meta.update({"processes": len(next(iter(by_name.values()))), "measure": measure,
                     "ab": {"session": "0123456789abcdef", "role": role,
                            "pairs": len(next(iter(by_name.values())))}})
        doc["benchmarks"] = []
        for name, procs in by_name.items():
            for p, reps in enumerate(procs):
                for i, t in enumerate(reps):
                    e = copy.deepcopy(entry)
                    e.update({"name": name, "run_name": name, "process_index": p,
                              "repetition_index": i, "real_time": float(t)})
                    if measure == "instructions":
                        e.update({"instructions": float(t), "instructions_exact": exact})
                    doc["benchmarks"].append(e)
        return doc
    return side(base_by_name, "baseline"), side(cand_by_name, "candidate")


GENERATED_CPU = "Generated CPU {index} (made up by the tests: not a real machine)"


def generated_machine(document, index, factor=1.0, processes=3, seed=0, between=0.03):
    """Another machine made from a real results file, clearly labelled as generated: its
    own machine_id, CPU name and host, every timed benchmark measured in `processes`
    processes (each with its own offset, `between` relative sd) at `factor` times the
    real figure. Only for tests and the README's scaling figures."""
    rng = np.random.default_rng(seed + index)
    doc = copy.deepcopy(document)
    meta = doc["context"]["idiombench"]
    meta["machine"]["machine_id"] = f"{index:08x}fa4efa4e"
    meta["machine"]["cpu_model"] = GENERATED_CPU.format(index=index)
    meta["processes"] = processes
    doc["context"]["host_name"] = f"generated-{index}"
    entries = []
    for e in doc["benchmarks"]:
        if e.get("run_type") != "iteration" or e.get("status") != "ok" or e.get("process_index", 0) != 0:
            if e.get("run_type") != "iteration" or e.get("status") != "ok":
                entries.append(e)
            continue
        for p in range(processes):
            copy_of = copy.deepcopy(e)
            scale = factor * float(np.exp(rng.normal(0, between)))
            copy_of.update({"process_index": p, "processes": processes,
                            "real_time": e["real_time"] * scale, "cpu_time": e["cpu_time"] * scale})
            for key in ("items_per_second", "bytes_per_second"):
                if key in copy_of:
                    copy_of[key] = e[key] / scale
            entries.append(copy_of)
    doc["benchmarks"] = entries
    return doc
