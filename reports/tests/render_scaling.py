"""How `idiombench-report render` scales with the number of machine files (README,
"Many machines in one report"). Not a test: a measurement, run by hand.

The machine files are GENERATED: each is a full-profile run's worth of entries (every
benchmark `idiombench list --profile full --json` names, 5 processes x 2 repetitions and
Google Benchmark's four aggregates, as `run --profile full` writes), its figures taken
from a real results file's entry of the same variant and scaled per machine, its CPU
named "Generated CPU N (made up by the tests: not a real machine)".

    idiombench list --profile full --json > full-list.json
    /usr/bin/python3 reports/tests/render_scaling.py REAL_RESULTS.json full-list.json [2 10 50 100]
"""

import copy
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from synthetic import GENERATED_CPU

PROCESSES, REPETITIONS = 5, 2


def full_run(template: dict, listing: list, index: int) -> dict:
    rng = np.random.default_rng(index)
    by_variant, aggregates = {}, {}
    for e in template["benchmarks"]:
        key = (e.get("suite"), e.get("case"), e.get("variant"))
        if e.get("run_type") == "iteration" and e.get("status") == "ok":
            by_variant.setdefault(key, e)
        elif e.get("run_type") == "aggregate":
            aggregates.setdefault(key, {}).setdefault(e["aggregate_name"], e)
    doc = copy.deepcopy(template)
    meta = doc["context"]["idiombench"]
    meta.update({"profile": "full", "processes": PROCESSES, "repetitions": PROCESSES * REPETITIONS})
    meta["machine"]["machine_id"] = f"{index:08x}fa4efa4e"
    meta["machine"]["cpu_model"] = GENERATED_CPU.format(index=index)
    doc["context"]["host_name"] = f"generated-{index}"
    factor = float(np.exp(rng.normal(0, 0.3)))
    entries = []
    for item in listing:
        key = (item["suite"], item["case"], item["variant"])
        if not item["available"] or key not in by_variant:
            continue
        name = item["name"]
        identity = {**item["identity"], "name": name, "run_name": name}
        base = by_variant[key]
        for p in range(PROCESSES):
            offset = factor * float(np.exp(rng.normal(0, 0.05)))
            for r in range(REPETITIONS):
                e = copy.deepcopy(base)
                e.update(identity)
                scale = offset * float(np.exp(rng.normal(0, 0.01)))
                e.update({"process_index": p, "processes": PROCESSES, "repetition_index": p * REPETITIONS + r,
                          "repetitions": PROCESSES * REPETITIONS, "real_time": base["real_time"] * scale,
                          "cpu_time": base["cpu_time"] * scale})
                entries.append(e)
        for aggregate_name, aggregate in aggregates.get(key, {}).items():
            e = copy.deepcopy(aggregate)
            e.update(identity)
            e["name"] = f"{name}_{aggregate_name}"
            entries.append(e)
    doc["benchmarks"] = entries
    return doc


def main(argv: list) -> int:
    template = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    listing = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    counts = [int(c) for c in argv[2:]] or [2, 10, 50, 100]
    reports = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for index in range(max(counts)):
            path = Path(folder) / f"generated-{index}.json"
            path.write_text(json.dumps(full_run(template, listing, index)), encoding="utf-8")
            files.append(str(path))
        size = Path(files[0]).stat().st_size
        entries = len(json.loads(Path(files[0]).read_text(encoding="utf-8"))["benchmarks"])
        print(f"each generated file: {size / 2**20:.1f} MiB, {entries} entries")
        for count in counts:
            out = Path(folder) / f"machines-{count}.html"
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "idiombench_report", "render", *files[:count], "-o", str(out)],
                           check=True, cwd=reports, stdout=subprocess.DEVNULL)
            seconds = time.perf_counter() - start
            peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            print(f"{count:4d} files: {seconds:7.1f} s, HTML {out.stat().st_size / 2**20:6.2f} MiB, "
                  f"peak RSS {peak / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
