"""experiment: the regression gate measured, from the sessions ci/gate-experiment.sh ran.

Each session is a folder DIR/KIND-N/ with baseline.json and candidate.json (one `ab`
session) and, from ci/gate.sh, phases.txt (the time of each phase). Kinds whose name
starts with "aa" changed nothing the benchmarks measure (aa-unrelated: an unrelated
harness function; aa-relink: other code layouts of the same build); history sessions are
real pairs of commits that changed a suite's code (a flag there may be a true change); kinds
starting with "slow" carry a real injected slowdown of the benchmarks that --injected matches.
Kind by kind: benchmarks timed, flagged, gates failed, the detection of the slowed benchmarks,
the median smallest detectable change of C++ and Python rows, what the code fingerprints
selected, and the wall time; and, from the same sessions, the plain gate's figures at the
same time: their first 10 pairs, tested pair by pair.

Then, for every A/A session: the false-alarm rate per benchmark and per session (paired
within a session; unpaired between the baselines of two sessions, as two separate `run`s
would be compared) and the detection of its candidate's samples scaled by 1.05 / 1.10 /
1.20.
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
    """What `compare`, and so the gate, exits with: a changed benchmark left undecided is 3,
    not a pass."""
    return compare_module.gate_status(rows)


def _flagged(rows: Sequence[Row]) -> list[Row]:
    return [r for r in rows if r.verdict in ("regression", "improvement")]


def _tested(rows: Sequence[Row]) -> list[Row]:
    """The benchmarks tested (a pooled case is counted on its own, see _pooled)."""
    return [r for r in rows if (r.q is not None or r.method == "exact-count") and not r.pooled]


def _pooled(rows: Sequence[Row]) -> list[Row]:
    return [r for r in rows if r.pooled]


def _sessions(directory: PathLike, prefix: str) -> list[Path]:
    found = [p for p in Path(directory).glob(f"{prefix}-*") if (p / "candidate.json").exists()]
    return sorted(found, key=lambda p: int(p.name.split("-")[-1]) if p.name.split("-")[-1].isdigit() else 0)


def _kinds(directory: PathLike) -> dict[str, list[Path]]:
    """Session folders by kind (the name without its trailing -N), in number order."""
    kinds: dict[str, list[Path]] = {}
    for p in sorted(Path(directory).iterdir()):
        if not (p / "candidate.json").exists():
            continue
        kind, _, number = p.name.rpartition("-")
        if kind and number.isdigit():
            kinds.setdefault(kind, []).append(p)
    for paths in kinds.values():
        paths.sort(key=lambda p: int(p.name.rpartition("-")[2]))
    return kinds


def _wall_seconds(folder: Path) -> Optional[float]:
    """The session's total from phases.txt (ci/gate.sh writes it), if there is one."""
    phases = folder / "phases.txt"
    if not phases.exists():
        return None
    for line in phases.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0] == "total" and parts[-1] == "s":
            return float(parts[-2])
    return None


def _median(values: Sequence[float]) -> str:
    return f"{np.median(values):.1%}" if values else "-"


def _is_python(name: str) -> bool:
    parts = name.split("/")
    return len(parts) > 2 and parts[2].startswith("py_")


def _plain_prefix(results: Results, pairs: int) -> Results:
    """The same session cut to its first `pairs` pairs: the plain gate's sample."""
    out = copy.copy(results)
    out.benchmarks = [dataclasses.replace(
        b, processes={p: v for p, v in b.processes.items() if p < pairs},
        samples=[x for p, v in b.processes.items() if p < pairs for x in v]) for b in results.benchmarks]
    return out


def _by_kind(directory: PathLike, injected: Optional[str], threshold: Optional[float],
             alpha: float) -> tuple[list[str], dict[str, Any]]:
    lines: list[str] = []
    figures: dict[str, Any] = {}
    pattern = re.compile(injected) if injected else None
    for kind, folders in _kinds(directory).items():
        slow = kind.startswith("slow")
        real = kind.startswith("history")
        flagged = timed = exits_0 = hits = slowed = broken = 0
        cases_slowed = cases_slowed_flagged = cases_other = cases_other_flagged = 0
        cpp: list[float] = []
        py: list[float] = []
        plain_flagged = plain_timed = plain_hits = 0
        plain_cpp: list[float] = []
        plain_py: list[float] = []
        walls: list[float] = []
        code: dict[str, int] = {}
        for folder in folders:
            base, cand = load_any(folder / "baseline.json"), load_any(folder / "candidate.json")
            settings = compare_module.settings_for(base, cand, threshold, alpha)
            rows = compare_module.compare(base, cand, settings)
            tests = _tested(rows)
            is_slowed = [bool(slow and pattern and pattern.search(r.name)) for r in tests]
            slowed += sum(is_slowed)
            hits += sum(r.verdict == "regression" for r, s in zip(tests, is_slowed) if s)
            others = [r for r, s in zip(tests, is_slowed) if not s]
            timed += len(others)
            flagged += len(_flagged(others))
            exits_0 += exit_status(rows) == 0
            for case in _pooled(rows):
                if slow and pattern and pattern.search(case.name.split(" ")[0] + "/"):
                    cases_slowed += 1
                    cases_slowed_flagged += case.verdict == "regression"
                else:
                    cases_other += 1
                    cases_other_flagged += case.verdict in ("regression", "improvement")
            # A variant that ran in the base and fails in the candidate: no test, a regression.
            broken += sum(r.verdict == "regression" and r.q is None and r.method != "exact-count" for r in rows)
            for r in tests:
                if r.detectable is not None:
                    (py if _is_python(r.name) else cpp).append(r.detectable)
            for b in cand.benchmarks:
                if b.code_change:
                    code[b.code_change] = code.get(b.code_change, 0) + 1
            wall = _wall_seconds(folder)
            if wall is not None:
                walls.append(wall)
            # The plain gate at the same time: the first 10 pairs, pair by pair.
            plain = dataclasses.replace(settings, layouts=1, target=None)
            plain_rows = _tested(compare_module.compare(_plain_prefix(base, 10), _plain_prefix(cand, 10), plain))
            plain_slowed = [bool(slow and pattern and pattern.search(r.name)) for r in plain_rows]
            plain_hits += sum(r.verdict == "regression" for r, s in zip(plain_rows, plain_slowed) if s)
            plain_others = [r for r, s in zip(plain_rows, plain_slowed) if not s]
            plain_timed += len(plain_others)
            plain_flagged += len(_flagged(plain_others))
            for r in plain_rows:
                if r.detectable is not None:
                    (plain_py if _is_python(r.name) else plain_cpp).append(r.detectable)
        lines.append(f"{kind}: {len(folders)} session{'s' if len(folders) != 1 else ''}")
        if code:
            lines.append("  code: " + ", ".join(f"{n} {k}" for k, n in sorted(code.items())))
        qualifier = " (besides the slowed)" if slow else " (real changes: a flag may be true)" if real else ""
        lines.append(f"  benchmarks flagged{qualifier}: {_rate(flagged, timed)}; "
                     f"gates exiting 0: {_rate(exits_0, len(folders))}")
        if broken:
            lines.append(f"  benchmarks that ran in the base and failed in the candidate: {broken}")
        if slow:
            lines.append(f"  slowed benchmarks flagged: {_rate(hits, slowed)}")
        if cases_slowed:
            lines.append(f"  slowed cases flagged (their changed benchmarks pooled): "
                         f"{_rate(cases_slowed_flagged, cases_slowed)}")
        if cases_other:
            lines.append(f"  cases pooled{qualifier}: {_rate(cases_other_flagged, cases_other)} flagged")
        lines.append(f"  median smallest detectable change: C++ {_median(cpp)} ({len(cpp)} rows), "
                     f"Python {_median(py)} ({len(py)} rows)")
        if walls:
            lines.append(f"  wall time: {min(walls):.0f}-{max(walls):.0f} s (median {np.median(walls):.0f})")
        if plain_timed or plain_hits:
            lines.append(f"  the plain gate in the same sessions (their first 10 pairs, pair by pair, one "
                         f"layout's test): flagged {_rate(plain_flagged, plain_timed)}"
                         + (f", slowed flagged {_rate(plain_hits, slowed)}" if slow else "")
                         + f"; median detectable C++ {_median(plain_cpp)}, Python {_median(plain_py)}")
        figures[kind] = {"sessions": len(folders), "flagged": flagged, "timed": timed, "exit_0": exits_0,
                         "slowed": slowed, "slowed_flagged": hits,
                         "median_detectable_cpp": float(np.median(cpp)) if cpp else None,
                         "median_detectable_python": float(np.median(py)) if py else None,
                         "wall_seconds": walls, "code": code,
                         "plain_flagged": plain_flagged, "plain_timed": plain_timed,
                         "plain_slowed_flagged": plain_hits, "broken": broken,
                         "cases_slowed": cases_slowed, "cases_slowed_flagged": cases_slowed_flagged,
                         "cases_other": cases_other, "cases_other_flagged": cases_other_flagged}
    return lines, figures


def _pooled_as_if_changed(base: Results, cand: Results, tests: Sequence[Row],
                          settings: compare_module.Settings) -> list[Row]:
    """An A/A session's cases, pooled as a gate pools the changed benchmarks of a case: with
    the same code on both sides, every one flagged is a false alarm of the pooled test."""
    as_changed = [dataclasses.replace(r, code="changed", sentinel=False) for r in tests]
    cases = compare_module.pooled_cases(base.by_name(), cand.by_name(), as_changed, settings)
    compare_module.decide(cases, settings)
    return cases


def _rate(numerator: int, denominator: int) -> str:
    return f"{numerator}/{denominator} ({numerator / denominator:.1%})" if denominator else "-"


def analyse(directory: PathLike, injected: Optional[str] = None, threshold: Optional[float] = None,
            alpha: float = compare_module.DEFAULT_ALPHA) -> tuple[list[str], dict[str, Any]]:
    """The report as lines of text, and the figures as a dict."""
    lines, kinds = _by_kind(directory, injected, threshold, alpha)
    figures: dict[str, Any] = {"kinds": kinds}
    aa = [(load_any(d / "baseline.json"), load_any(d / "candidate.json"), d.name)
          for d in _sessions(directory, "aa")]
    if aa:
        flagged = tested = zero = cases_flagged = cases_tested = 0
        detect = {f: [0, 0] for f in FACTORS}
        detectable: list[float] = []
        lines.append(f"A/A, paired (one `ab` session each): {len(aa)} sessions")
        for base, cand, name in aa:
            settings = compare_module.settings_for(base, cand, threshold, alpha)
            rows = compare_module.compare(base, cand, settings)
            tests = _tested(rows)
            flags = _flagged(tests)
            flagged, tested = flagged + len(flags), tested + len(tests)
            zero += exit_status(rows) == 0
            detectable += [r.detectable for r in tests if r.detectable is not None]
            lines.append(f"  {name}: {len(flags)} of {len(tests)} flagged, compare exits "
                         f"{exit_status(rows)}" + "".join(f"\n    {r.name} {r.verdict} {r.ratio:.3f}" for r in flags))
            cases = _pooled_as_if_changed(base, cand, tests, settings)
            cases_tested += len(cases)
            cases_flagged += len(_flagged(cases))
            if cases:
                lines.append(f"    cases pooled as if their code had changed: {len(_flagged(cases))} of "
                             f"{len(cases)} flagged" + "".join(f"\n    {r.name} {r.verdict} {r.ratio:.3f}"
                                                               for r in _flagged(cases)))
            for f in FACTORS:
                slow_rows = compare_module.compare(base, scaled(cand, f), settings)
                detect[f][0] += sum(r.verdict == "regression" for r in _tested(slow_rows))
                detect[f][1] += len(_tested(slow_rows))
        lines.append(f"  benchmarks flagged: {_rate(flagged, tested)}; sessions exiting 0: "
                     f"{_rate(zero, len(aa))}")
        if cases_tested:
            lines.append(f"  cases pooled as if changed (the test a real change gets): "
                         f"{_rate(cases_flagged, cases_tested)} flagged")
        lines.append(f"  median smallest detectable change: {np.median(detectable):.1%} "
                     f"(p10 {np.percentile(detectable, 10):.1%}, p90 {np.percentile(detectable, 90):.1%})")
        for f in FACTORS:
            lines.append(f"  candidate samples x{f:.2f}: {_rate(*detect[f])} flagged as regressions")
        figures.update(aa_flagged=flagged, aa_tested=tested, aa_sessions=len(aa), aa_exit_0=zero,
                       aa_cases_flagged=cases_flagged, aa_cases_tested=cases_tested,
                       median_detectable=float(np.median(detectable)) if detectable else None,
                       detection={f: detect[f][0] / detect[f][1] if detect[f][1] else None for f in FACTORS})
    if len(aa) >= 2:
        flagged = tested = 0
        lines.append("A/A, unpaired (the baselines of two sessions, as two separate runs):")
        for (base, _, a), (other, _, b) in zip(aa, aa[1:] + aa[:1]):
            rows = compare_module.compare(base, other, compare_module.settings_for(base, other, threshold, alpha))
            tests = _tested(rows)
            flags = _flagged(tests)
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
