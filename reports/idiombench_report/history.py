"""history: many results files of one machine over many commits, as time series of
medians with their spread, change points, and the regressions among them."""

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import changepoints
from . import results as results_module


@dataclass
class Point:
    sha: str
    when: str
    median: float
    low: float
    high: float


@dataclass
class Series:
    name: str
    points: list = field(default_factory=list)
    steps: list = field(default_factory=list)  # (index, before, after)


def load_directory(directory):
    """{machine label: [Results, ...] ordered by commit date (else run date), sha}."""
    path = Path(directory)
    if not path.is_dir():
        raise results_module.ResultsError(f"{directory} is not a directory")
    files = sorted(path.glob("*.json"))
    if not files:
        raise results_module.ResultsError(f"{directory} has no results files (*.json)")
    machines = {}
    for f in files:
        loaded = results_module.load(f)  # a bad file stops the run, naming itself
        machine = loaded.meta.get("machine", {})
        label = f"{machine.get('cpu_model', '?')} · {machine.get('machine_id', '?')}"
        machines.setdefault(label, []).append(loaded)
    for runs in machines.values():
        runs.sort(key=lambda r: (r.meta.get("git_commit_date") or r.context.get("date", ""),
                                 r.context.get("date", ""), r.meta.get("git_sha", "")))
    return machines


def series_of(runs, min_step=0.05):
    by_name = {}
    for r in runs:
        sha = str(r.meta.get("git_sha", "?"))[:10]
        when = r.meta.get("git_commit_date") or r.context.get("date", "")
        for b in r.benchmarks:
            if b.status == "ok" and b.median_ns:
                by_name.setdefault(b.run_name, Series(b.run_name)).points.append(
                    Point(sha, when, b.median_ns, b.min_ns, b.max_ns))
    for s in by_name.values():
        if len(s.points) >= 3:
            s.steps = changepoints.steps([p.median for p in s.points], min_step)
    return list(by_name.values())


def regressions(series_list):
    """Steps up, largest first: (benchmark, last good sha, first bad sha, ratio)."""
    found = []
    for s in series_list:
        for index, before, after in s.steps:
            if after > before:
                found.append((s.name, s.points[index - 1].sha, s.points[index].sha, after / before))
    return sorted(found, key=lambda r: -r[3])


def chart_id(name):
    return re.sub(r"[^A-Za-z0-9_-]", "-", name)
