"""history: many results files of one machine over many commits, as time series of
medians with their spread, change points, and the regressions among them."""

import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from . import changepoints
from . import results as results_module
from .results import PathLike, Results


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
    points: list[Point] = field(default_factory=list)
    steps: list[tuple[int, float, float]] = field(default_factory=list)  # (index, before, after)


@dataclass
class Run:
    """One run in a history: its commit, when, and where it came from (a file, a store)."""
    sha: str
    when: str
    source: str


@dataclass
class MachineHistory:
    """What the history page draws for one machine: its runs in order and their series."""
    label: str
    runs: list[Run]
    series: list[Series]


def from_results(label: str, runs: Sequence[Results], min_step: float = 0.05) -> MachineHistory:
    return MachineHistory(label, [Run(str(r.meta.get("git_sha", "?")),
                                      str(r.meta.get("git_commit_date") or r.context.get("date", "")),
                                      str(r.path)) for r in runs],
                          series_of(runs, min_step))


@dataclass
class History:
    machines: dict[str, list[Results]]  # label -> runs, by commit date (else run date), sha
    unreadable: list[str]  # one message per file that could not be read


def machine_label(meta: dict[str, Any]) -> str:
    """The machine a run belongs to in a history: its CPU and machine fingerprint."""
    machine = meta.get("machine", {})
    label = f"{machine['label']} · " if machine.get("label") else ""
    return f"{label}{machine.get('cpu_model', '?')} · {machine.get('machine_id', '?')}"


def load_directory(directory: PathLike) -> History:
    """Every results file of a folder, of any format version, grouped by machine. A file
    that cannot be read is reported and left out: the others still make a history."""
    path = Path(directory)
    if not path.is_dir():
        raise results_module.ResultsError(f"{directory} is not a directory")
    files = sorted(path.glob("*.json"))
    if not files:
        raise results_module.ResultsError(f"{directory} has no results files (*.json)")
    machines: dict[str, list[Results]] = {}
    unreadable = []
    for f in files:
        try:
            loaded = results_module.load(f)
        except results_module.ResultsError as e:
            unreadable.append(str(e))
            continue
        machines.setdefault(machine_label(loaded.meta), []).append(loaded)
    if not machines:
        raise results_module.ResultsError(
            f"no readable results file in {directory}:\n  " + "\n  ".join(unreadable))
    for runs in machines.values():
        runs.sort(key=lambda r: (r.meta.get("git_commit_date") or r.context.get("date", ""),
                                 r.context.get("date", ""), r.meta.get("git_sha", "")))
    return History(machines, unreadable)


def series_of(runs: Sequence[Results], min_step: float = 0.05) -> list[Series]:
    """The timed benchmarks of these runs (in this order) as time series, with their steps."""
    by_name: dict[str, Series] = {}
    for r in runs:
        sha = str(r.meta.get("git_sha", "?"))
        when = str(r.meta.get("git_commit_date") or r.context.get("date", ""))
        for b in r.benchmarks:
            if b.timed:
                least, median, most = b.span()
                by_name.setdefault(b.run_name, Series(b.run_name)).points.append(
                    Point(sha, when, median, least, most))
    return find_steps(list(by_name.values()), min_step)


def find_steps(series_list: list[Series], min_step: float = 0.05) -> list[Series]:
    for s in series_list:
        if len(s.points) >= 3:
            s.steps = changepoints.steps([p.median for p in s.points], min_step)
    return series_list


def thinned(points: Sequence[Point], steps: Sequence[tuple[int, float, float]], budget: int = 60,
            around: int = 8) -> list[tuple[float, Point, int]]:
    """What a chart draws of a long series: (position, point, runs merged). Every run within
    `around` of a step and the last `around` runs at full resolution; elsewhere runs merged
    in order into at most about `budget` points (median of the medians, the whole range),
    so a page of a thousand runs stays small and still shows every step where it is."""
    n = len(points)
    if n <= budget:
        return [(float(i), p, 1) for i, p in enumerate(points)]
    keep = set(range(max(0, n - around), n))
    for index, _, _ in steps:
        keep.update(range(max(0, index - around), min(n, index + around)))
    size = max(1, -(-n // budget))
    out: list[tuple[float, Point, int]] = []
    i = 0
    while i < n:
        if i in keep:
            out.append((float(i), points[i], 1))
            i += 1
            continue
        group: list[Point] = []
        while i < n and i not in keep and len(group) < size:
            group.append(points[i])
            i += 1
        first, last = group[0], group[-1]
        merged = Point(first.sha if len(group) == 1 else f"{first.sha[:7]}…{last.sha[:7]}",
                       first.when if len(group) == 1 else f"{first.when} … {last.when}",
                       statistics.median(p.median for p in group), min(p.low for p in group),
                       max(p.high for p in group))
        out.append((i - (len(group) + 1) / 2, merged, len(group)))
    return out


def regressions(series_list: Sequence[Series]) -> list[tuple[str, str, str, float]]:
    """Steps up, largest first: (benchmark, last good sha, first bad sha, ratio)."""
    found = []
    for s in series_list:
        for index, before, after in s.steps:
            if after > before:
                found.append((s.name, s.points[index - 1].sha[:10], s.points[index].sha[:10], after / before))
    return sorted(found, key=lambda r: -r[3])
