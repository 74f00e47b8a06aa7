"""compare: did the candidate get slower than the base, benchmark by benchmark?

A change is reported only when it is both statistically and practically significant:
a two-sided Mann-Whitney U test on the raw repetitions gives p < alpha, AND the ratio of
medians (candidate / base) is beyond the threshold (> 1 + t: regression; < 1 / (1 + t):
improvement). The ratio comes with a bootstrap 95% confidence interval. A benchmark that
was ok and is not any more is a regression whatever its times. Too few repetitions to
ever reach p < alpha are said so, not guessed at.
"""

import json
import math
from dataclasses import asdict, dataclass

import numpy as np
from scipy import stats


@dataclass
class Row:
    name: str
    verdict: str  # regression, improvement, unchanged, insufficient, new, missing, fixed
    ratio: float = None
    low: float = None
    high: float = None
    p: float = None
    base_n: int = 0
    cand_n: int = 0
    note: str = ""


def minimum_p(n1, n2):
    """The smallest two-sided p an exact Mann-Whitney test can give for these sizes."""
    return min(1.0, 2.0 / math.comb(n1 + n2, n1))


def bootstrap_ratio(base, cand, rounds, rng):
    base, cand = np.asarray(base), np.asarray(cand)
    b = np.median(rng.choice(base, size=(rounds, base.size)), axis=1)
    c = np.median(rng.choice(cand, size=(rounds, cand.size)), axis=1)
    ratios = c / b
    return float(np.percentile(ratios, 2.5)), float(np.percentile(ratios, 97.5))


def compare_one(name, base, cand, threshold, alpha, rounds, rng):
    row = Row(name=name, verdict="unchanged", base_n=len(base), cand_n=len(cand))
    row.ratio = float(np.median(cand) / np.median(base))
    if len(base) >= 2 and len(cand) >= 2:
        row.low, row.high = bootstrap_ratio(base, cand, rounds, rng)
    if minimum_p(len(base), len(cand)) >= alpha:
        row.verdict = "insufficient"
        row.note = (f"{len(base)} and {len(cand)} repetitions cannot reach p < {alpha:g}; "
                    f"run with more --repetitions")
        return row
    row.p = float(stats.mannwhitneyu(base, cand, alternative="two-sided").pvalue)
    if row.p < alpha and row.ratio > 1 + threshold:
        row.verdict = "regression"
    elif row.p < alpha and row.ratio < 1 / (1 + threshold):
        row.verdict = "improvement"
    return row


def compare(base, cand, threshold=0.05, alpha=0.01, rounds=2000, seed=0):
    """Rows for every benchmark of either run, in the base's order then the new ones."""
    rng = np.random.default_rng(seed)
    rows = []
    for name, base_samples in base.samples.items():
        if name not in cand.status:
            rows.append(Row(name=name, verdict="missing", base_n=len(base_samples),
                            note="not in the candidate"))
            continue
        was, now = base.status.get(name, "ok"), cand.status.get(name, "ok")
        cand_samples = cand.samples.get(name, [])
        if was == "ok" and now != "ok":
            rows.append(Row(name=name, verdict="regression", base_n=len(base_samples),
                            note=f"status {was} -> {now}: {cand.reasons.get(name, '')}".strip()))
        elif was != "ok" and now == "ok":
            rows.append(Row(name=name, verdict="fixed", cand_n=len(cand_samples),
                            note=f"status {was} -> ok"))
        elif was != "ok":
            rows.append(Row(name=name, verdict="unchanged", note=f"status {now} in both"))
        elif not base_samples or not cand_samples:
            rows.append(Row(name=name, verdict="insufficient", note="no timed repetitions"))
        else:
            rows.append(compare_one(name, base_samples, cand_samples, threshold, alpha, rounds, rng))
    for name in cand.status:
        if name not in base.status:
            rows.append(Row(name=name, verdict="new", cand_n=len(cand.samples.get(name, [])),
                            note="not in the base"))
    return rows


def geometric_mean_ratio(rows):
    ratios = [r.ratio for r in rows if r.ratio and r.ratio > 0]
    return math.exp(sum(math.log(r) for r in ratios) / len(ratios)) if ratios else None


def _counts(rows):
    counts = {}
    for r in rows:
        counts[r.verdict] = counts.get(r.verdict, 0) + 1
    return counts


def _ratio_text(r):
    if r.ratio is None:
        return "-"
    text = f"{r.ratio:.3f}"
    if r.low is not None:
        text += f" [{r.low:.3f}, {r.high:.3f}]"
    return text


def format_text(rows, base, cand, threshold, alpha):
    lines = [f"base:      {base.path} ({base.description})",
             f"candidate: {cand.path} ({cand.description})",
             f"regression: p < {alpha:g} and ratio > {1 + threshold:.3f}; "
             f"improvement: p < {alpha:g} and ratio < {1 / (1 + threshold):.3f}", ""]
    width = max([len(r.name) for r in rows] + [9])
    lines.append(f"{'benchmark':<{width}}  {'verdict':<12} {'ratio [95% CI]':<26} {'p':>9}  note")
    for r in rows:
        p = f"{r.p:.2g}" if r.p is not None else "-"
        lines.append(f"{r.name:<{width}}  {r.verdict:<12} {_ratio_text(r):<26} {p:>9}  {r.note}")
    gm = geometric_mean_ratio(rows)
    lines.append("")
    lines.append(f"geometric mean ratio: {gm:.3f}" if gm else "geometric mean ratio: -")
    lines.append(", ".join(f"{n} {v}" for v, n in sorted(_counts(rows).items())))
    return "\n".join(lines)


def _md(text):
    return str(text).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def format_markdown(rows, base, cand, threshold, alpha):
    counts = _counts(rows)
    gm = geometric_mean_ratio(rows)
    regressions = counts.get("regression", 0)
    lines = [f"### idiombench compare: {regressions} regression{'s' if regressions != 1 else ''}",
             "",
             f"Base `{_md(base.path)}` vs candidate `{_md(cand.path)}`. A change needs p < {alpha:g} "
             f"(two-sided Mann-Whitney U on the repetitions) and a ratio beyond {threshold:.0%}."
             + (f" Geometric mean ratio: **{gm:.3f}**." if gm else ""),
             "",
             "| benchmark | verdict | ratio (cand/base) [95% CI] | p | note |",
             "|---|---|---|---|---|"]
    order = {"regression": 0, "improvement": 1, "missing": 2, "new": 3, "fixed": 4,
             "insufficient": 5, "unchanged": 6}
    for r in sorted(rows, key=lambda r: order.get(r.verdict, 9)):
        verdict = {"regression": "**regression**", "improvement": "improvement"}.get(r.verdict, r.verdict)
        p = f"{r.p:.2g}" if r.p is not None else "–"
        lines.append(f"| `{_md(r.name)}` | {verdict} | {_ratio_text(r)} | {p} | {_md(r.note)} |")
    lines.append("")
    lines.append(", ".join(f"{n} {v}" for v, n in sorted(counts.items())))
    return "\n".join(lines)


def format_json(rows, base, cand, threshold, alpha):
    return json.dumps({
        "base": base.path, "candidate": cand.path, "threshold": threshold, "alpha": alpha,
        "geometric_mean_ratio": geometric_mean_ratio(rows),
        "counts": _counts(rows),
        "benchmarks": [asdict(r) for r in rows],
    }, indent=2)


FORMATS = {"text": format_text, "markdown": format_markdown, "json": format_json}
