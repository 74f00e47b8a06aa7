"""compare: did the candidate get slower than the base, benchmark by benchmark?

The statistics follow the sampling. The process is the unit of independence, so each
process is summarised by the median of its repetitions and the test works on those
summaries, in log space (a slowdown is a ratio):

- two files from one `idiombench ab` session: Yuen's 20%-trimmed paired t-test on the
  log ratios of the pairs (pair k = the baseline's and the candidate's process k, run
  back to back);
- any other two files: the Yuen-Welch trimmed t-test on the log process medians.

Trimming matters here: the noise between processes is heavy-tailed (a neighbour, a
page placement), and one outlying pair would otherwise widen the interval of the whole
benchmark.

In an `ab` session, the changed benchmarks of one case are also tested together: a change
to a case's shared code moves all of its variants, and on a noisy host their pooled pairs
decide what no single benchmark's could (see `pooled_cases`).

The p-values of a comparison's benchmarks, and apart from them those of its pooled cases,
are adjusted for the false discovery rate (Benjamini-Hochberg): a change counts when its
q < alpha AND its ratio is beyond the threshold. Each row says the smallest change its
data could have detected (80% power at alpha, and never below the threshold). A benchmark
with fewer than three processes on a side cannot be tested: it is `insufficient`, and the
CLI fails unless told to allow it. In instruction mode, deterministic counts are compared directly
against the threshold. A benchmark that was ok and is not any more is a regression
whatever its figures.
"""

import json
import math
from dataclasses import asdict, dataclass, replace
from typing import Optional, Sequence

import numpy as np
from scipy import stats

from .results import Benchmark, Results

# The defaults chosen by ci/gate-experiment.sh on the 2-core VM (README, "The regression gate").
DEFAULT_THRESHOLD = {"time": 0.03, "instructions": 0.005}
DEFAULT_ALPHA = 0.01
MIN_PROCESSES = 3
TRIM = 0.2  # Yuen's trimming: the fraction of processes set aside at each end
POWER = 0.8
# Deterministic instruction counts agree within this between processes of one binary.
EXACT_SPREAD = 0.001


# The order verdicts are shown in: what needs a look first.
ORDER = {"regression": 0, "improvement": 1, "missing": 2, "new": 3, "fixed": 4, "insufficient": 5,
         "unchanged": 6}


@dataclass
class Row:
    name: str
    verdict: str  # regression, improvement, unchanged, insufficient, new, missing, fixed
    ratio: Optional[float] = None  # candidate / base
    low: Optional[float] = None  # 95% confidence interval of the ratio
    high: Optional[float] = None
    p: Optional[float] = None
    q: Optional[float] = None  # Benjamini-Hochberg adjusted p
    detectable: Optional[float] = None  # smallest relative change these data could detect
    base_n: int = 0  # processes
    cand_n: int = 0
    method: str = ""  # paired-yuen, welch-yuen, exact-count
    note: str = ""
    # The machine code its timed call runs, on both sides: "same", "changed", or "" (a
    # build without code fingerprints). `sentinel`: the same code, timed anyway by `ab`.
    code: str = ""
    sentinel: bool = False
    # Whether its interval reached the session's target (None: no target was set).
    reached_target: Optional[bool] = None
    # A case's changed benchmarks tested together: how many (0: one benchmark's own row).
    pooled: int = 0


@dataclass
class Settings:
    threshold: float
    alpha: float
    paired: bool
    # Code layouts per side in the `ab` session: pair k ran layout k mod layouts.
    layouts: int = 1
    # The detectable change the session sampled for (`ab --target`), if any.
    target: Optional[float] = None


def settings_for(base: Results, cand: Results, threshold: Optional[float] = None,
                 alpha: float = DEFAULT_ALPHA, unpaired: bool = False) -> "Settings":
    """The threshold of the files' mode unless given; paired when they are one `ab` session."""
    if threshold is None:
        threshold = DEFAULT_THRESHOLD.get(base.measure, DEFAULT_THRESHOLD["time"])
    paired = same_session(base, cand) and not unpaired
    session = (cand.session or {}) if paired else {}
    layouts = session.get("layouts", {}).get("count", 1) if isinstance(session.get("layouts"), dict) else 1
    target = session.get("target")
    return Settings(threshold, alpha, paired, layouts=max(1, int(layouts)),
                    target=float(target) if isinstance(target, (int, float)) and target > 0 else None)


def benjamini_hochberg(p_values: Sequence[float]) -> list[float]:
    """Adjusted p-values (q) controlling the false-discovery rate, in the input order."""
    p = np.asarray(p_values, dtype=float)
    if p.size == 0:
        return []
    order = np.argsort(p)
    ranked = p[order] * p.size / np.arange(1, p.size + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    q = np.empty_like(p)
    q[order] = np.minimum(ranked, 1.0)
    return [float(x) for x in q]


def _t_summary(row: Row, mean: float, se: float, df: float, settings: "Settings") -> None:
    """Fills ratio, CI, p and detectable from a log-space mean difference and its error."""
    row.ratio = float(math.exp(mean))
    if se > 0:
        half = stats.t.ppf(0.975, df) * se
        row.low, row.high = float(math.exp(mean - half)), float(math.exp(mean + half))
        row.p = float(2 * stats.t.sf(abs(mean) / se, df))
        reach = (stats.t.ppf(1 - settings.alpha / 2, df) + stats.t.ppf(POWER, df)) * se
        row.detectable = max(settings.threshold, float(math.expm1(reach)))
    else:  # identical summaries: no noise, any difference is real
        row.low = row.high = row.ratio
        row.p = 0.0 if mean != 0 else 1.0
        row.detectable = settings.threshold


def _trimmed(sample: "Sequence[float] | np.ndarray") -> tuple[float, int, float]:
    """Yuen's pieces for one sample: its 20%-trimmed mean, the size left after trimming,
    and the winsorized variance. Trimming keeps one process that met a noisy neighbour
    from hiding a real change (or inventing one)."""
    x = np.sort(np.asarray(sample, dtype=float))
    n = x.size
    g = int(math.floor(TRIM * n))
    kept = n - 2 * g
    winsorized = np.clip(x, x[g], x[n - g - 1])
    return float(x[g:n - g].mean()), kept, float(winsorized.var(ddof=1))


def layout_means(pairs: Sequence[int], d: "np.ndarray", layouts: int) -> "np.ndarray":
    """The mean log ratio of each code layout (pair k ran layout k mod layouts): with
    layouts nested in sides, a layout's effect is one sample, not one per pair, so it
    widens the interval instead of deciding it."""
    by_layout = _by_layout(pairs, d, layouts)
    return np.array([by_layout[k] for k in sorted(by_layout)])


def _by_layout(pairs: Sequence[int], d: "np.ndarray", layouts: int) -> dict[int, float]:
    """{layout: the mean log ratio of its pairs}."""
    groups: dict[int, list[float]] = {}
    for k, value in zip(pairs, d):
        groups.setdefault(k % layouts, []).append(float(value))
    return {layout: float(np.mean(v)) for layout, v in groups.items()}


def _test_paired(row: Row, base: dict[int, float], cand: dict[int, float], settings: "Settings") -> bool:
    """Yuen's trimmed test on the log ratios of the pairs of one `ab` session (on each
    layout's mean log ratio when the session ran several code layouts)."""
    pairs = sorted(set(base) & set(cand))
    row.base_n, row.cand_n, row.method = len(base), len(cand), "paired-yuen"
    if len(pairs) < MIN_PROCESSES:
        return False
    d = np.log([cand[k] for k in pairs]) - np.log([base[k] for k in pairs])
    if settings.layouts > 1:
        d = layout_means(pairs, d, settings.layouts)
        row.method = "paired-yuen-layouts"
        if d.size < MIN_PROCESSES:
            return False
    mean, kept, wvar = _trimmed(d)
    se = math.sqrt(wvar) / ((kept / d.size) * math.sqrt(d.size))
    _t_summary(row, mean, se, kept - 1, settings)
    return True


def _test_welch(row: Row, base: dict[int, float], cand: dict[int, float], settings: "Settings") -> bool:
    """Yuen-Welch trimmed test on the log process medians of two independent runs."""
    b, c = np.log(list(base.values())), np.log(list(cand.values()))
    row.base_n, row.cand_n, row.method = b.size, c.size, "welch-yuen"
    if b.size < MIN_PROCESSES or c.size < MIN_PROCESSES:
        return False
    (mb, hb, wb), (mc, hc, wc) = _trimmed(b), _trimmed(c)
    db, dc = (b.size - 1) * wb / (hb * (hb - 1)), (c.size - 1) * wc / (hc * (hc - 1))
    se = math.sqrt(db + dc)
    df = (db + dc) ** 2 / (db ** 2 / (hb - 1) + dc ** 2 / (hc - 1)) if se > 0 else 1
    _t_summary(row, mc - mb, se, df, settings)
    return True


def _exact_counts(row: Row, base: dict[int, float], cand: dict[int, float], settings: "Settings") -> bool:
    """Instruction counts of deterministic code: no statistics, the counts themselves."""
    values_b, values_c = list(base.values()), list(cand.values())
    if min(values_b + values_c) <= 0:
        return False
    spread = max(max(v) / min(v) - 1 for v in (values_b, values_c))
    if spread > EXACT_SPREAD:
        return False  # not as deterministic as its model promised: test it like a time
    row.base_n, row.cand_n, row.method = len(values_b), len(values_c), "exact-count"
    row.ratio = float(np.median(values_c) / np.median(values_b))
    row.low, row.high = min(values_c) / max(values_b), max(values_c) / min(values_b)
    row.detectable = settings.threshold
    if row.ratio > 1 + settings.threshold:
        row.verdict = "regression"
    elif row.ratio < 1 / (1 + settings.threshold):
        row.verdict = "improvement"
    return True


def _insufficient(row: Row, settings: "Settings") -> None:
    row.verdict = "insufficient"
    least = min(row.base_n, row.cand_n)
    what = "pairs" if settings.paired else "processes"
    row.note = (f"{least} {what} per side cannot be tested (at least {MIN_PROCESSES}): the noise "
                "between processes is not sampled; run with --processes 10 or --profile gate, "
                "or use `idiombench ab`")


def compare(base: Results, cand: Results, settings: Optional["Settings"] = None) -> list[Row]:
    """Rows for every benchmark of either run, in the base's order then the new ones."""
    settings = settings or settings_for(base, cand)
    paired = settings.paired
    rows, tested = [], []
    base_by_name, cand_by_name = base.by_name(), cand.by_name()
    for name, was_b in base_by_name.items():
        base_medians = was_b.process_medians()
        if name not in cand_by_name:
            rows.append(Row(name=name, verdict="missing", base_n=len(base_medians),
                            note="not in the candidate"))
            continue
        now_b = cand_by_name[name]
        cand_medians = now_b.process_medians()
        was, now = was_b.status, now_b.status
        if (was == "ok") != (now == "ok") and (_left_untimed(was_b) or _left_untimed(now_b)):
            # Two gate sessions: one timed it (its code changed, or a sentinel), the other
            # did not need to. Nothing ran worse; there is nothing to compare.
            rows.append(Row(name=name, verdict="unchanged",
                            note="timed in only one of the runs: `ab` leaves out the code it "
                                 "finds the same on both of its sides"))
        elif was == "ok" and now != "ok":
            rows.append(Row(name=name, verdict="regression", base_n=len(base_medians),
                            note=f"status {was} -> {now}: {now_b.reason}".strip()))
        elif was != "ok" and now == "ok":
            rows.append(Row(name=name, verdict="fixed", cand_n=len(cand_medians),
                            note=f"status {was} -> ok"))
        elif was != "ok" and _same_code(was_b, now_b) and now_b.code_change == "unchanged":
            rows.append(Row(name=name, verdict="unchanged", code="same",
                            note="same machine code on both sides: not timed"))
        elif was != "ok":
            rows.append(Row(name=name, verdict="unchanged", note=f"status {now} in both"))
        elif not base_medians or not cand_medians:
            rows.append(Row(name=name, verdict="insufficient", note="no timed repetitions"))
        else:
            row = Row(name=name, verdict="unchanged", code=_code(was_b, now_b),
                      sentinel=now_b.code_change == "sentinel")
            rows.append(row)
            counted = base.measure == "instructions" and was_b.exact and now_b.exact
            if counted and _exact_counts(row, base_medians, cand_medians, settings):
                continue
            test = _test_paired if paired else _test_welch
            if test(row, base_medians, cand_medians, settings):
                tested.append(row)
            else:
                _insufficient(row, settings)
    for name, now_b in cand_by_name.items():
        if name not in base_by_name:
            rows.append(Row(name=name, verdict="new", cand_n=len(now_b.processes),
                            note="not in the base"))

    if settings.paired:
        pooled = pooled_cases(base_by_name, cand_by_name, tested, settings)
        rows.extend(pooled)
        tested.extend(pooled)

    # A tested row has its p-value and ratio (the tests set both). The benchmarks and the
    # pooled cases are two families, each with its own false-discovery rate: a case's
    # question is not one more benchmark's, and thirty unchanged benchmarks beside it
    # would otherwise dilute the one test that sees a whole case move.
    for family in ([r for r in tested if not r.pooled], [r for r in tested if r.pooled]):
        decide(family, settings)
    # Short of the target is said of a row still "unchanged": a flagged row's interval
    # already lies beyond the threshold, however wide it is.
    if settings.target is not None:
        for row in tested:
            row.reached_target = row.detectable is not None and row.detectable <= settings.target + 1e-9
            if not row.reached_target and row.verdict == "unchanged":
                more = None if row.pooled else _more_pairs(row, settings.target)
                row.note = (f"inconclusive at {settings.target:.1%}: these pairs detect "
                            f"{percent(row.detectable)}"
                            + (f"; about {more} more pairs would reach it" if more else "")
                            + (f"; {row.note}" if row.note else ""))
    for row in tested:
        if row.sentinel:
            row.note = "sentinel (same code, timed to check the method)" + (f"; {row.note}" if row.note else "")
    return rows


def decide(family: Sequence[Row], settings: "Settings") -> None:
    """Each tested row's q within its family, and its verdict: a change needs q < alpha
    and a ratio beyond the threshold."""
    p_values = [r.p if r.p is not None else 1.0 for r in family]
    for row, q in zip(family, benjamini_hochberg(p_values)):
        row.q = q
        ratio = row.ratio if row.ratio is not None else 1.0
        if q < settings.alpha and ratio > 1 + settings.threshold:
            row.verdict = "regression"
        elif q < settings.alpha and ratio < 1 / (1 + settings.threshold):
            row.verdict = "improvement"


def _unit_log_ratios(base: dict[int, float], cand: dict[int, float], layouts: int) -> dict[int, float]:
    """One benchmark's log ratio per unit of its paired test: per code layout (its mean over
    the layout's pairs) or, with one layout, per pair."""
    pairs = sorted(set(base) & set(cand))
    d = np.log([cand[k] for k in pairs]) - np.log([base[k] for k in pairs])
    if layouts <= 1:
        return {k: float(v) for k, v in zip(pairs, d)}
    return _by_layout(pairs, d, layouts)


def pooled_cases(base_by_name: dict[str, Benchmark], cand_by_name: dict[str, Benchmark],
                 tested: Sequence[Row], settings: "Settings") -> list[Row]:
    """One row per case with two or more changed, tested benchmarks: their geometric mean
    ratio, tested over the units each of them was tested over (code layouts, or pairs with
    one layout). Each unit contributes the mean of the benchmarks' log ratios in it, so
    whatever the benchmarks share in a layout (the harness's placement) or a pair is
    sampled once, not counted as independent evidence; with the noise of many benchmarks
    averaged, a slowdown of the whole case is decided long before each of its rows is."""
    groups: dict[tuple[str, str], list[Row]] = {}
    for row in tested:
        if row.code == "changed" and not row.sentinel and row.method.startswith("paired"):
            b = base_by_name[row.name]
            groups.setdefault((b.suite, b.case), []).append(row)
    pooled = []
    for (suite, case), members in groups.items():
        if len(members) < 2:
            continue
        per_benchmark = [_unit_log_ratios(base_by_name[r.name].process_medians(),
                                          cand_by_name[r.name].process_medians(), settings.layouts)
                         for r in members]
        units = sorted(set.intersection(*(set(d) for d in per_benchmark)))
        if len(units) < MIN_PROCESSES:
            continue
        d = np.array([np.mean([each[u] for each in per_benchmark]) for u in units])
        unit = "code layouts" if settings.layouts > 1 else "pairs"
        row = Row(name=f"{suite}/{case} (pooled: {len(members)} changed benchmarks)", verdict="unchanged",
                  base_n=len(units), cand_n=len(units), method="pooled-case", code="changed",
                  pooled=len(members),
                  note=f"the case's {len(members)} changed benchmarks together: their geometric mean "
                       f"ratio, tested over {len(units)} {unit}")
        mean, kept, wvar = _trimmed(d)
        se = math.sqrt(wvar) / ((kept / d.size) * math.sqrt(d.size))
        _t_summary(row, mean, se, kept - 1, settings)
        pooled.append(row)
    return pooled


def _more_pairs(row: Row, target: float) -> Optional[int]:
    """Pairs beyond the row's own that would bring its detectable change to `target`: the
    interval narrows with the square root of the pairs."""
    pairs = min(row.base_n, row.cand_n)
    if row.detectable is None or pairs <= 0 or target <= 0:
        return None
    return max(1, math.ceil(pairs * (row.detectable / target) ** 2) - pairs)


def gate_status(rows: Sequence[Row], allow_insufficient: bool = False,
                allow_undecided: bool = False) -> int:
    """What `compare` (and so ci/gate.sh) exits with: 1 a regression, 2 a benchmark that
    could not be tested, 3 a changed benchmark left undecided, 0 a pass."""
    if any(r.verdict == "regression" for r in rows):
        return 1
    if not allow_insufficient and any(r.verdict == "insufficient" for r in rows):
        return 2
    if not allow_undecided and undecided(rows):
        return 3
    return 0


def undecided(rows: Sequence[Row]) -> list[Row]:
    """Benchmarks whose code changed (or is not known to be the same) that ended without a
    verdict: sampled to a target, short of it, and not flagged. A gate must not pass on them."""
    return [r for r in rows if r.reached_target is False and not r.sentinel and not r.pooled
            and r.verdict == "unchanged" and r.code != "same"]


def _left_untimed(b: Benchmark) -> bool:
    """Skipped by `ab` because both of its binaries had the same code for it."""
    return b.status == "skipped" and b.code_change == "unchanged"


def _timing_changed(a: Benchmark, b: Benchmark) -> bool:
    """Whether the harness's timed path differs (both builds fingerprint it)."""
    return bool(a.timing_fingerprint and b.timing_fingerprint) and \
        a.timing_fingerprint != b.timing_fingerprint


def _same_code(a: Benchmark, b: Benchmark) -> bool:
    return bool(a.code_fingerprint) and a.code_fingerprint == b.code_fingerprint and \
        not _timing_changed(a, b)


def _code(a: Benchmark, b: Benchmark) -> str:
    """same / changed / "" (either build without fingerprints). A changed timed path of the
    harness is a change to what was timed."""
    if not a.code_fingerprint or not b.code_fingerprint:
        return ""
    return "same" if _same_code(a, b) else "changed"


def same_session(base: Results, cand: Results) -> bool:
    """Whether the two files are the two sides of one `idiombench ab` session."""
    a, b = base.session or {}, cand.session or {}
    return bool(a.get("session")) and a.get("session") == b.get("session") and \
        {a.get("role"), b.get("role")} == {"baseline", "candidate"}


def benchmarks_only(rows: Sequence[Row]) -> list[Row]:
    """The benchmarks' own rows, without the pooled cases."""
    return [r for r in rows if not r.pooled]


def geometric_mean_ratio(rows: Sequence[Row]) -> Optional[float]:
    ratios = [r.ratio for r in benchmarks_only(rows) if r.ratio and r.ratio > 0]
    return math.exp(sum(math.log(r) for r in ratios) / len(ratios)) if ratios else None


def median_detectable(rows: Sequence[Row]) -> Optional[float]:
    values = [r.detectable for r in benchmarks_only(rows) if r.detectable is not None]
    return float(np.median(values)) if values else None


def counts(rows: Sequence[Row]) -> dict[str, int]:
    tally: dict[str, int] = {}
    for r in benchmarks_only(rows):
        tally[r.verdict] = tally.get(r.verdict, 0) + 1
    return tally


def ratio_text(r: Row) -> str:
    if r.ratio is None:
        return "-"
    text = f"{r.ratio:.3f}"
    if r.low is not None:
        text += f" [{r.low:.3f}, {r.high:.3f}]"
    return text


def percent(x: Optional[float]) -> str:
    return f"{x:.1%}" if x is not None else "-"


def method_text(base: Results, cand: Results, settings: "Settings") -> str:
    unit = "instruction counts" if base.measure == "instructions" else "times"
    if settings.paired:
        pairs = (base.session or {}).get("pairs", "?")
        if settings.target is not None:
            how = (f"paired trimmed t-test (Yuen) over the process pairs of one `ab` session, "
                   f"sampled until a {settings.target:.1%} change was detectable (at most {pairs})")
        else:
            how = f"paired trimmed t-test (Yuen) over {pairs} process pairs of one `ab` session"
        if settings.layouts > 1:
            how += f", on the means of {settings.layouts} code layouts per side"
    else:
        how = "trimmed Welch t-test (Yuen) over process medians"
    return (f"{unit}; {how}; a change needs q < {settings.alpha:g} (Benjamini-Hochberg) and a "
            f"ratio beyond {settings.threshold:.1%}")


def format_text(rows: Sequence[Row], base: Results, cand: Results, settings: "Settings") -> str:
    lines = [f"base:      {base.path} ({base.description})",
             f"candidate: {cand.path} ({cand.description})",
             method_text(base, cand, settings), ""]
    width = max([len(r.name) for r in rows] + [9])
    lines.append(f"{'benchmark':<{width}}  {'verdict':<12} {'ratio [95% CI]':<26} {'q':>8} "
                 f"{'detects':>8}  note")
    for r in rows:
        q = f"{r.q:.2g}" if r.q is not None else "-"
        lines.append(f"{r.name:<{width}}  {r.verdict:<12} {ratio_text(r):<26} {q:>8} "
                     f"{percent(r.detectable):>8}  {r.note}")
    gm, md = geometric_mean_ratio(rows), median_detectable(rows)
    lines.append("")
    lines.append(f"geometric mean ratio: {gm:.3f}" if gm else "geometric mean ratio: -")
    lines.append(f"median smallest detectable change: {percent(md)}")
    lines.append(", ".join(f"{n} {v}" for v, n in sorted(counts(rows).items())))
    lines.extend(code_summary(rows))
    return "\n".join(lines)


def code_summary(rows: Sequence[Row]) -> list[str]:
    """What the code fingerprints and the target said, when the session had them."""
    pooled = [r for r in rows if r.pooled]
    rows = benchmarks_only(rows)
    same_untimed = sum(r.code == "same" and r.q is None and r.verdict == "unchanged" for r in rows)
    timed = [r for r in rows if r.q is not None or r.method == "exact-count"]
    sentinels = [r for r in timed if r.sentinel]
    short = [r for r in timed if r.reached_target is False and r.verdict == "unchanged"]
    lines = []
    if any(r.code for r in rows):
        lines.append(f"code: {sum(r.code == 'changed' for r in rows)} changed, {same_untimed} the same "
                     f"and not timed, {len(sentinels)} the same and timed as sentinels "
                     f"({sum(r.verdict in ('regression', 'improvement') for r in sentinels)} flagged)")
    if short:
        lines.append(f"inconclusive: {len(short)} of {len(timed)} timed benchmarks were not flagged and "
                     "did not reach the target (their note says what they can detect)")
    if pooled:
        verdicts = counts([replace(r, pooled=0) for r in pooled])
        lines.append(f"cases pooled (each one's changed benchmarks tested together): {len(pooled)}, "
                     + ", ".join(f"{n} {v}" for v, n in sorted(verdicts.items())))
    if open_rows := undecided(rows):
        lines.append(f"could not decide: {len(open_rows)} changed benchmarks (neither flagged nor "
                     "narrow enough to rule out a change of the target's size)")
    return lines


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def format_markdown(rows: Sequence[Row], base: Results, cand: Results, settings: "Settings") -> str:
    tally = counts(rows)
    gm, md = geometric_mean_ratio(rows), median_detectable(rows)
    regressions = tally.get("regression", 0)
    headline = f"{regressions} regression{'s' if regressions != 1 else ''}"
    if slower_cases := sum(r.pooled > 0 and r.verdict == "regression" for r in rows):
        headline += f"; {slower_cases} case{'s' if slower_cases != 1 else ''} slower as a whole"
    if open_rows := undecided(rows):
        # Undecided first: a reader who stops at the title must not read it as a pass.
        headline = f"could not decide: {len(open_rows)} changed benchmarks; " + headline
    lines = [f"### idiombench compare: {headline}",
             "",
             f"Base `{_md(base.path)}` vs candidate `{_md(cand.path)}`: {_md(method_text(base, cand, settings))}."
             + (f" Geometric mean ratio **{gm:.3f}**." if gm else "")
             + (f" Median smallest detectable change {md:.1%}." if md else ""),
             "",
             "| benchmark | verdict | ratio (cand/base) [95% CI] | q | detects | note |",
             "|---|---|---|---|---|---|"]
    for r in sorted(rows, key=lambda r: ORDER.get(r.verdict, 9)):
        verdict = {"regression": "**regression**"}.get(r.verdict, r.verdict)
        q = f"{r.q:.2g}" if r.q is not None else "–"
        lines.append(f"| `{_md(r.name)}` | {verdict} | {ratio_text(r)} | {q} | "
                     f"{percent(r.detectable)} | {_md(r.note)} |")
    lines.append("")
    lines.append(", ".join(f"{n} {v}" for v, n in sorted(tally.items())))
    lines.extend(f"\n{line}" for line in code_summary(rows))
    return "\n".join(lines)


def format_json(rows: Sequence[Row], base: Results, cand: Results, settings: "Settings") -> str:
    return json.dumps({
        "base": base.path, "candidate": cand.path, "measure": base.measure,
        "threshold": settings.threshold, "alpha": settings.alpha, "paired": settings.paired,
        "geometric_mean_ratio": geometric_mean_ratio(rows),
        "median_detectable": median_detectable(rows),
        "counts": counts(rows),
        "benchmarks": [asdict(r) for r in rows],
    }, indent=2)


# The text formats; "html" is compare_html's page (which imports this module, never the
# reverse), chosen by the command line.
FORMATS = {"text": format_text, "markdown": format_markdown, "json": format_json}
