"""How the results store and `history` scale with the number of runs (README, "A results
store"). Not a test: a measurement, run by hand.

The runs are GENERATED from one real results file: run i is the file with its git sha and
commit date made up (one commit a day), every timed repetition scaled by a per-run factor
(1% noise), and `steps` benchmarks planted with a 30% slowdown from a run of their own on.
The machine's CPU is renamed "Generated CPU ... (made up by the tests: not a real machine)".
Each run is written, added to a SQLite store with `store add` and deleted again (a store
needs no files); the last add is timed as a user would run it, as its own process.

    /usr/bin/python3 reports/tests/store_scaling.py REAL_RESULTS.json WORKDIR [RUNS] [STEPS] [FOLDER_RUNS]
"""

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import GENERATED_CPU

REPORTS = Path(__file__).resolve().parents[1]


def generated_run(template: dict, index: int, planted: dict[str, int], rng: random.Random) -> str:
    meta = template["context"]["idiombench"]
    meta["git_sha"] = f"{index:06d}" + "ab" * 17
    meta["git_commit_date"] = time.strftime("%Y-%m-%dT12:00:00+00:00", time.gmtime(1.7e9 + index * 86400))
    meta["machine"]["cpu_model"] = GENERATED_CPU.format(index=0)
    factor = 1 + rng.gauss(0, 0.01)
    scaled = []
    for entry in template["benchmarks"]:
        if entry.get("status") == "ok" and isinstance(entry.get("real_time"), (int, float)):
            step = 1.3 if planted.get(entry.get("run_name", ""), 1 << 30) <= index else 1.0
            scaled.append(dict(entry, real_time=entry["real_time"] * factor * step,
                               cpu_time=entry.get("cpu_time", 0) * factor * step))
        else:
            scaled.append(entry)
    return json.dumps(dict(template, benchmarks=scaled))


def timed(command: list[str]) -> tuple[float, float]:
    """(seconds, peak MiB) of one child process, as GNU time measures them."""
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%e %M"] + command, check=True,
                       stdout=subprocess.DEVNULL, env={"PYTHONPATH": str(REPORTS)})
        seconds, kib = report.read().split()[-2:]
    return float(seconds), float(kib) / 1024


def main() -> None:
    source, work = Path(sys.argv[1]), Path(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    steps = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    folder_runs = int(sys.argv[5]) if len(sys.argv) > 5 else 40
    work.mkdir(parents=True, exist_ok=True)
    template = json.loads(source.read_text(encoding="utf-8"))
    rng = random.Random(7)
    timed_names = sorted({e["run_name"] for e in template["benchmarks"]
                          if e.get("status") == "ok" and e.get("run_type") == "iteration"})
    victims = rng.sample(timed_names, steps)
    planted = {name: rng.randrange(runs // 5, runs - runs // 5) for name in victims}
    store = work / "store.sqlite"
    store.unlink(missing_ok=True)
    python = sys.executable
    began = time.monotonic()
    for index in range(runs):
        path = work / f"run-{index:06d}.json"
        path.write_text(generated_run(template, index, planted, rng), encoding="utf-8")
        if index == runs - 1:
            seconds, mib = timed([python, "-m", "idiombench_report", "store", "add", str(path),
                                  "--store", str(store)])
            print(f"store add of run {runs} into a store of {runs - 1}: {seconds:.2f} s, {mib:.0f} MiB peak")
        else:
            subprocess.run([python, "-m", "idiombench_report", "store", "add", str(path), "--store", str(store)],
                           check=True, stdout=subprocess.DEVNULL, env={"PYTHONPATH": str(REPORTS)}) \
                if index % 100 == 0 else _add_in_process(store, path)
        path.unlink()
    print(f"{runs} runs generated and added in {time.monotonic() - began:.0f} s; "
          f"store {store.stat().st_size / 2**20:.0f} MiB")
    page = work / "history-store.html"
    seconds, mib = timed([python, "-m", "idiombench_report", "history", "--store", str(store), "-o", str(page)])
    text = page.read_text(encoding="utf-8")
    marker = "<strong>Regressions</strong>"
    regressions = text.split(marker)[1].split("</table>")[0] if marker in text else ""
    found = sum(1 for name in victims if name in regressions)
    print(f"history --store of {runs} runs: {seconds:.1f} s, {mib:.0f} MiB peak, "
          f"page {page.stat().st_size / 2**20:.1f} MiB, {found} of {steps} planted steps among its regressions")
    for name, at in sorted(planted.items(), key=lambda kv: kv[1]):
        print(f"  planted at run {at}: {name} {'found' if name in regressions else 'MISSED'}")
    folder = work / "folder"
    folder.mkdir(exist_ok=True)
    for index in range(folder_runs):
        (folder / f"run-{index:06d}.json").write_text(
            generated_run(template, index * (runs // folder_runs), planted, rng), encoding="utf-8")
    seconds, mib = timed([python, "-m", "idiombench_report", "history", str(folder),
                          "-o", str(work / "history-folder.html")])
    print(f"history of a folder of {folder_runs} runs: {seconds:.1f} s, {mib:.0f} MiB peak, "
          f"page {(work / 'history-folder.html').stat().st_size / 2**20:.1f} MiB")


def _add_in_process(store: Path, path: Path) -> None:
    sys.path.insert(0, str(REPORTS))
    from idiombench_report import store as store_module
    opened = store_module.open_store(str(store))
    try:
        opened.add([str(path)])
    finally:
        opened.close()


if __name__ == "__main__":
    main()
