"""Change points in a series of medians: a penalised piecewise-constant fit.

Optimal partitioning (Jackson et al. 2005) on the logarithms of the medians with a
squared-error cost: the segmentation minimising  sum of within-segment squared
deviations + penalty x number of segments.  The penalty scales with the series' own
noise (estimated robustly from successive differences, so a step does not inflate it)
and with log(n), as BIC does; steps smaller than `min_step` (relative) are merged away.
In the spirit of asv's step detection, kept small: O(n^2), each run's candidates at once
with numpy, so a thousand runs take milliseconds a series.
"""

import math
import statistics
from typing import Sequence

import numpy as np


def _noise_variance(logs: Sequence[float]) -> float:
    diffs = [abs(b - a) for a, b in zip(logs, logs[1:])]
    if not diffs:
        return 0.0
    # Median absolute successive difference / (0.6745 * sqrt 2) estimates sigma.
    sigma = statistics.median(diffs) / (0.6745 * math.sqrt(2))
    return sigma * sigma


def segments(values: Sequence[float], min_step: float = 0.05,
             penalty_factor: float = 3.0) -> list[tuple[int, int, float]]:
    """[(start, end, mean), ...] covering range(len(values)), end exclusive; means are
    of the values themselves (not their logs)."""
    n = len(values)
    if n == 0:
        return []
    if any(v <= 0 for v in values):
        raise ValueError("change points need positive values")
    logs = np.log(np.asarray(values, dtype=float))
    prefix = np.concatenate(([0.0], np.cumsum(logs)))
    prefix_sq = np.concatenate(([0.0], np.cumsum(logs * logs)))
    # A floor on the noise: identical values must not make every wiggle a step.
    variance = max(_noise_variance(logs.tolist()), (min_step / 4) ** 2)
    penalty = penalty_factor * variance * math.log(max(n, 2))
    best = np.zeros(n + 1)
    last = [0] * (n + 1)
    for t in range(1, n + 1):
        # Every start s < t at once: the best fit up to s, then one segment s..t.
        starts = np.arange(t)
        total = prefix[t] - prefix[:t]
        cost = (prefix_sq[t] - prefix_sq[:t]) - total * total / (t - starts)
        fits = best[:t] + cost
        s = int(np.argmin(fits))
        best[t], last[t] = fits[s] + penalty, s
    bounds = []
    t = n
    while t > 0:
        bounds.append((last[t], t))
        t = last[t]
    bounds.reverse()
    merged: list[tuple[int, int, float]] = []
    for s, t in bounds:
        mean = statistics.fmean(values[s:t])
        if merged and abs(mean / merged[-1][2] - 1) < min_step:
            s0 = merged[-1][0]
            merged[-1] = (s0, t, statistics.fmean(values[s0:t]))
        else:
            merged.append((s, t, mean))
    return merged


def steps(values: Sequence[float], min_step: float = 0.05) -> list[tuple[int, float, float]]:
    """[(index, before, after), ...]: where the level changes, and the means around it."""
    segs = segments(values, min_step)
    return [(b[0], a[2], b[2]) for a, b in zip(segs, segs[1:])]
