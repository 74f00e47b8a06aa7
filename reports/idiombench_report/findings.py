"""One generated sentence per case: the finding, with its uncertainty. At the case's
largest point (its last in the grid: the size the question is about), the fastest timed
variant and the slowest, and the ratio between them with a 95% interval over processes
(machines.pooled_ratio); without several processes, a ratio and no interval."""

from typing import Optional

from .machines import pooled_ratio
from .results import Benchmark
from .units import TIME, Units


def finding(points: dict[str, list[Benchmark]], units: Units = TIME) -> Optional[str]:
    timed_points = [(label, [b for b in runs if b.timed]) for label, runs in points.items()]
    timed_points = [(label, runs) for label, runs in timed_points if len(runs) >= 1]
    if not timed_points:
        return None
    label, runs = timed_points[-1]
    ranked = sorted(runs, key=lambda b: b.span()[1])
    fastest = ranked[0]
    at = "" if label == "(no params)" else f" at {label}"
    head = f"{fastest.label} is the fastest{at} ({units.format(fastest.span()[1])})"
    if len(ranked) == 1:
        return head + "; it is the only variant timed there."
    slowest = ranked[-1]
    ratio = pooled_ratio([(list(slowest.process_medians().values()),
                           list(fastest.process_medians().values()))])
    if ratio is None:
        return head + "."
    interval = (f" [{ratio.low:.2f}–{ratio.high:.2f}]" if ratio.low is not None and ratio.high is not None
                else " (one process each: no interval)")
    return f"{head}; {slowest.label}, the slowest of {len(ranked)}, takes {ratio.value:.2f}×{interval} its time."
