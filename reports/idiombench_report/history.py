"""history: many results files of one machine over many commits, as time series of
medians with their spread, change points, and the regressions among them."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

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
class History:
    machines: dict[str, list[Results]]  # label -> runs, by commit date (else run date), sha
    unreadable: list[str]  # one message per file that could not be read


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
        machine = loaded.meta.get("machine", {})
        label = f"{machine.get('cpu_model', '?')} · {machine.get('machine_id', '?')}"
        machines.setdefault(label, []).append(loaded)
    if not machines:
        raise results_module.ResultsError(
            f"no readable results file in {directory}:\n  " + "\n  ".join(unreadable))
    for runs in machines.values():
        runs.sort(key=lambda r: (r.meta.get("git_commit_date") or r.context.get("date", ""),
                                 r.context.get("date", ""), r.meta.get("git_sha", "")))
    return History(machines, unreadable)


def series_of(runs: Sequence[Results], min_step: float = 0.05) -> list[Series]:
    by_name: dict[str, Series] = {}
    for r in runs:
        sha = str(r.meta.get("git_sha", "?"))
        when = str(r.meta.get("git_commit_date") or r.context.get("date", ""))
        for b in r.benchmarks:
            if b.timed:
                least, median, most = b.span()
                by_name.setdefault(b.run_name, Series(b.run_name)).points.append(
                    Point(sha, when, median, least, most))
    for s in by_name.values():
        if len(s.points) >= 3:
            s.steps = changepoints.steps([p.median for p in s.points], min_step)
    return list(by_name.values())


def regressions(series_list: Sequence[Series]) -> list[tuple[str, str, str, float]]:
    """Steps up, largest first: (benchmark, last good sha, first bad sha, ratio)."""
    found = []
    for s in series_list:
        for index, before, after in s.steps:
            if after > before:
                found.append((s.name, s.points[index - 1].sha[:10], s.points[index].sha[:10], after / before))
    return sorted(found, key=lambda r: -r[3])
