"""experiment: the regression gate measured, from the sessions ci/gate-experiment.sh ran.

DIR/aa-N/{baseline,candidate}.json are A/A sessions (`idiombench ab` of a binary against
a copy of itself); DIR/slow-N/ are sessions of a build with a real injected slowdown
against the plain build. From them: the false-alarm rate per benchmark and per session
(paired within a session; unpaired between the baselines of two sessions, as two
separate `run`s would be compared), detection of the A/A candidates' samples scaled by
1.05 / 1.10 / 1.20, detection of the real slowdown, and the median smallest detectable
change.
"""

import copy
import dataclasses
import re
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy as np

from . import compare as compare_module
from .compare import Row
from .results import PathLike, Results, load_any

FACTORS = (1.05, 1.10, 1.20)


def scaled(results: Results, factor: float) -> Results:
    """The same results with every sample multiplied by `factor` (a synthetic slowdown)."""
    out = copy.copy(results)
    out.benchmarks = [dataclasses.replace(
        b, samples=[v * factor for v in b.samples],
        processes={p: [v * factor for v in vs] for p, vs in b.processes.items()})
        for b in results.benchmarks]
    return out


def exit_status(rows: Sequence[Row]) -> int:
    """What `compare` would exit with (without --allow-insufficient)."""
    if any(r.verdict == "regression" for r in rows):
        return 1
    return 2 if any(r.verdict == "insufficient" for r in rows) else 0


def _flagged(rows: Sequence[Row]) -> list[Row]:
    return [r for r in rows if r.verdict in ("regression", "improvement")]


def _tested(rows: Sequence[Row]) -> list[Row]:
    return [r for r in rows if r.q is not None or r.method == "exact-count"]


def _sessions(directory: PathLike, prefix: str) -> list[Path]:
    found = [p for p in Path(directory).glob(f"{prefix}-*") if (p / "candidate.json").exists()]
    return sorted(found, key=lambda p: int(p.name.split("-")[-1]) if p.name.split("-")[-1].isdigit() else 0)


def _rate(numerator: int, denominator: int) -> str:
    return f"{numerator}/{denominator} ({numerator / denominator:.1%})" if denominator else "-"


def analyse(directory: PathLike, injected: Optional[str] = None, threshold: Optional[float] = None,
            alpha: float = compare_module.DEFAULT_ALPHA) -> tuple[list[str], dict[str, Any]]:
    """The report as lines of text, and the figures as a dict."""
    lines: list[str] = []
    figures: dict[str, Any] = {}
    aa = [(load_any(d / "baseline.json"), load_any(d / "candidate.json"), d.name)
          for d in _sessions(directory, "aa")]
    if aa:
        flagged = tested = zero = 0
        detect = {f: [0, 0] for f in FACTORS}
        detectable: list[float] = []
        lines.append(f"A/A, paired (one `ab` session each): {len(aa)} sessions")
        for base, cand, name in aa:
            settings = compare_module.settings_for(base, cand, threshold, alpha)
            rows = compare_module.compare(base, cand, settings)
            flags, tests = _flagged(rows), _tested(rows)
            flagged, tested = flagged + len(flags), tested + len(tests)
            zero += exit_status(rows) == 0
            detectable += [r.detectable for r in tests if r.detectable is not None]
            lines.append(f"  {name}: {len(flags)} of {len(tests)} flagged, compare exits "
                         f"{exit_status(rows)}" + "".join(f"\n    {r.name} {r.verdict} {r.ratio:.3f}" for r in flags))
            for f in FACTORS:
                slow_rows = compare_module.compare(base, scaled(cand, f), settings)
                detect[f][0] += sum(r.verdict == "regression" for r in _tested(slow_rows))
                detect[f][1] += len(_tested(slow_rows))
        lines.append(f"  benchmarks flagged: {_rate(flagged, tested)}; sessions exiting 0: "
                     f"{_rate(zero, len(aa))}")
        lines.append(f"  median smallest detectable change: {np.median(detectable):.1%} "
                     f"(p10 {np.percentile(detectable, 10):.1%}, p90 {np.percentile(detectable, 90):.1%})")
        for f in FACTORS:
            lines.append(f"  candidate samples x{f:.2f}: {_rate(*detect[f])} flagged as regressions")
        figures.update(aa_flagged=flagged, aa_tested=tested, aa_sessions=len(aa), aa_exit_0=zero,
                       median_detectable=float(np.median(detectable)) if detectable else None,
                       detection={f: detect[f][0] / detect[f][1] if detect[f][1] else None for f in FACTORS})
    if len(aa) >= 2:
        flagged = tested = 0
        lines.append("A/A, unpaired (the baselines of two sessions, as two separate runs):")
        for (base, _, a), (other, _, b) in zip(aa, aa[1:] + aa[:1]):
            rows = compare_module.compare(base, other, compare_module.settings_for(base, other, threshold, alpha))
            flags, tests = _flagged(rows), _tested(rows)
            flagged, tested = flagged + len(flags), tested + len(tests)
            lines.append(f"  {a} vs {b}: {len(flags)} of {len(tests)} flagged, compare exits {exit_status(rows)}")
        lines.append(f"  benchmarks flagged: {_rate(flagged, tested)}")
        figures.update(unpaired_flagged=flagged, unpaired_tested=tested)
    slow = _sessions(directory, "slow")
    if slow:
        pattern = re.compile(injected or ".")
        caught = 0
        hits = total = false = others = 0
        lines.append(f"Real injected slowdown (benchmarks matching {pattern.pattern!r}): {len(slow)} sessions")
        for d in slow:
            base, cand = load_any(d / "baseline.json"), load_any(d / "candidate.json")
            rows = compare_module.compare(base, cand, compare_module.settings_for(base, cand, threshold, alpha))
            slowed = [r for r in _tested(rows) if pattern.search(r.name)]
            rest = [r for r in _tested(rows) if not pattern.search(r.name)]
            found = sum(r.verdict == "regression" for r in slowed)
            hits, total = hits + found, total + len(slowed)
            false, others = false + len(_flagged(rest)), others + len(rest)
            caught += exit_status(rows) == 1 and found > 0
            lines.append(f"  {d.name}: {found} of {len(slowed)} slowed benchmarks flagged, "
                         f"compare exits {exit_status(rows)}")
        lines.append(f"  slowed benchmarks flagged: {_rate(hits, total)}; sessions that fail the "
                     f"gate on them: {_rate(caught, len(slow))}"
                     + (f"; others flagged: {_rate(false, others)}" if others else ""))
        figures.update(real_flagged=hits, real_total=total, real_sessions_caught=caught,
                       real_sessions=len(slow))
    if not lines:
        lines.append(f"no sessions in {directory} (expected aa-N/ and slow-N/ folders)")
    return lines, figures
