"""matplotlib charts, returned as inline SVG markup."""

import hashlib
import html
import io
import re
import unicodedata
import warnings
from collections import Counter
from typing import Optional, Sequence

import matplotlib

matplotlib.use("Agg")
# Labels come from results files: a `$` in a variant name is text, never mathtext, and a
# character the font lacks is drawn as a box, not reported on stderr.
matplotlib.rcParams["text.parse_math"] = False
warnings.filterwarnings("ignore", message="Glyph .* missing from current font")
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from .history import Point, thinned  # noqa: E402
from .results import Benchmark, ParamValue  # noqa: E402
from .units import TIME, Units  # noqa: E402

_BAR = "#4c78a8"
_BASELINE = "#f58518"


def _text(label: str) -> str:
    """A label from a results file as drawable text: control characters (invalid in the
    SVG's XML) become U+FFFD."""
    return "".join("\ufffd" if unicodedata.category(c).startswith("C") else c for c in str(label))


def _plain_log_labels(fig: Figure) -> None:
    """Log axes label their ticks as numbers ("0.01", "100"): with mathtext off (labels are
    user text, never markup) matplotlib's default would print "$\\mathdefault{10^{-2}}$".
    Their minor ticks go: the grid and the labelled decades say enough."""
    plain = matplotlib.ticker.FuncFormatter(lambda value, _: f"{value:g}")
    for ax in fig.axes:
        for axis, scale in ((ax.xaxis, ax.get_xscale()), (ax.yaxis, ax.get_yscale())):
            if scale == "log":
                axis.set_major_formatter(plain)
                axis.set_minor_locator(matplotlib.ticker.NullLocator())  # 8 unlabelled marks a decade


def _to_svg(fig: Figure, salt: str) -> str:
    # A distinct salt per chart keeps the ids of several inline SVGs from colliding.
    _plain_log_labels(fig)
    with matplotlib.rc_context({"svg.hashsalt": salt, "svg.fonttype": "none"}):
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(fig)
    return _minified(buffer.getvalue(), salt)


_NUMBER = re.compile(r"-?\d+\.\d+")
_GEOMETRY = re.compile(r'( (?:d|x|y|x1|x2|y1|y2|cx|cy|points)=")([^"]*)"')


def _minified(svg: str, salt: str = "") -> str:
    """matplotlib's SVG without what a page does not need: the XML prologue, the metadata
    block, the ids of plain groups (clip paths keep theirs), the line breaks and indentation,
    marker styles repeated on every use, and coordinates' fractions of a point. About
    half the bytes."""
    svg = re.sub(r"^<\?xml[^>]*>\s*", "", svg)
    svg = re.sub(r"<!DOCTYPE[^>]*>\s*", "", svg)
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    svg = re.sub(r'<g id="[^"]*">', "<g>", svg)
    svg = re.sub(r">\s+<", "><", svg)
    svg = re.sub(r"\s*\n\s*", " ", svg)
    while True:  # a group around one element (nested ones come free one level at a time)
        unwrapped = re.sub(r"<g>(<(?:path|use)[^>]*/>)</g>", r"\1", svg)
        if unwrapped == svg:
            break
        svg = unwrapped
    svg = svg.replace(' z "', ' z"').replace(' style="fill: #ffffff"', ' fill="#fff"')
    # matplotlib names its whole font fallback list in every label; the page's sans-serif will do.
    svg = re.sub(r"font: ([\d.]+px) 'DejaVu Sans'[^;\"]*sans-serif", r"font: \1 sans-serif", svg)
    svg = re.sub(r' transform="rotate\(-0 [\d.]+ [\d.]+\)"', "", svg)
    # A marker's every use repeats the style its definition already has (thousands of dots).
    styles = dict(re.findall(r'<path id="([^"]+)" d="[^"]*" style="([^"]*)"', svg))
    svg = re.sub(r'(<use xlink:href="#([^"]+)"[^>]*?) style="([^"]*)"',
                 lambda m: m.group(1) if styles.get(m.group(2)) == m.group(3) else m.group(0), svg)
    # A style repeated on many elements (grid lines, bars, labels) becomes a class of this
    # chart's own (named from its salt: the page holds many charts, and CSS is page-wide).
    prefix = "c" + hashlib.sha1(salt.encode("utf-8")).hexdigest()[:7]
    rules = []
    for number, (style, count) in enumerate(Counter(re.findall(r' style="([^"]*)"', svg)).most_common()):
        if count < 3:
            break
        svg = svg.replace(f' style="{style}"', f' class="{prefix}{number}"')
        rules.append(f".{prefix}{number}{{{html.unescape(style)}}}")
    svg = svg.replace('<style type="text/css">', '<style type="text/css">' + "".join(rules), 1)
    # Only geometry is rounded, to whole points: the text of labels says what it says.
    return _GEOMETRY.sub(lambda m: m.group(1) + _NUMBER.sub(lambda n: f"{float(n.group()):.0f}", m.group(2)) + '"',
                         svg)


def case_chart(case_id: str, points: dict[str, list[Benchmark]], units: Units = TIME) -> Optional[str]:
    """One horizontal bar chart per params point: median time per variant, whiskers
    from the fastest to the slowest repetition, the baseline in its own colour.

    `points` is {params_label: [Benchmark, ...]}; returns SVG, or None when no
    variant of the case was timed.
    """
    timed_points = {label: [b for b in runs if b.samples] for label, runs in points.items()}
    timed_points = {label: runs for label, runs in timed_points.items() if runs}
    if not timed_points:
        return None
    rows = sum(len(runs) for runs in timed_points.values())
    fig, axes = plt.subplots(len(timed_points), 1, squeeze=False,
                             figsize=(7.5, 0.9 + 0.32 * rows + 0.5 * len(timed_points)),
                             gridspec_kw={"height_ratios": [len(r) for r in timed_points.values()]})
    for ax, (label, runs) in zip(axes[:, 0], timed_points.items()):
        runs = sorted(runs, key=lambda b: b.span()[1], reverse=True)
        spans = [b.span() for b in runs]
        label_x, factor = units.axis(max(high for _, _, high in spans))
        medians = [median / factor for _, median, _ in spans]
        low = [(median - least) / factor for least, median, _ in spans]
        high = [(most - median) / factor for _, median, most in spans]
        colours = [_BASELINE if b.is_baseline else _BAR for b in runs]
        positions = range(len(runs))
        bars = ax.barh(positions, medians, xerr=[low, high], color=colours, capsize=0,  # no caps: 2 markers a bar
                       error_kw={"elinewidth": 1, "ecolor": "#333"})
        for bar, b in zip(bars, runs):
            if b.model == "python":  # the Python idiom itself: hatched, in every chart
                bar.set_hatch("///")
                bar.set_edgecolor("white")
        # The distribution: every repetition a dot, each process on its own row of the bar —
        # except where the bar and its whisker already are every repetition (one process,
        # at most three: the quick profile), and the dots would only repeat them.
        dotted = any(len(b.processes) > 1 or len(b.samples) > 3 for b in runs)
        for position, b in zip(positions, runs):
            if not dotted:
                break
            processes = sorted(b.processes.items())
            for k, (_, values) in enumerate(processes):
                offset = (k - (len(processes) - 1) / 2) * min(0.5 / max(len(processes), 1), 0.15)
                ax.scatter([v / factor for v in values], [position + offset] * len(values), s=6,
                           color="#222222", alpha=0.55, linewidths=0, zorder=3)
        ax.set_yticks(list(positions), [_text(b.label) for b in runs], fontsize=8)
        spread = max(medians) / max(min(medians), 1e-12)
        if spread > 50:
            ax.set_xscale("log")
        ax.set_xlabel(f"{label_x}: bar the median, whiskers min-max"
                      + (", dots the repetitions (one row per process)" if dotted else
                         " (of at most three repetitions, one process: no dots)"), fontsize=8)
        ax.set_title(_text(label), fontsize=9, loc="left")
        ax.tick_params(axis="x", labelsize=8)
        ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return _to_svg(fig, case_id)


def history_chart(name: str, points: Sequence[Point], steps: Sequence[tuple[int, float, float]]) -> str:
    """Medians over the runs (oldest first) with the min-max band and a dashed line at
    every detected step; SVG."""
    unit, factor = TIME.scale(max(p.high for p in points))
    drawn = thinned(points, steps)  # a long history: full resolution only around the steps
    x = [i for i, _, _ in drawn]
    fig, ax = plt.subplots(figsize=(7.5, 2.4))
    ax.fill_between(x, [p.low / factor for _, p, _ in drawn], [p.high / factor for _, p, _ in drawn],
                    color=_BAR, alpha=0.2, linewidth=0)
    ax.plot(x, [p.median / factor for _, p, _ in drawn], color=_BAR, marker="o", markersize=3)
    for index, before, after in steps:
        ax.axvline(index - 0.5, color=_BASELINE if after > before else "#54a24b", linestyle="--")
    labelled = [(i, p) for i, p, merged in drawn if merged == 1]
    every = max(1, len(labelled) // 40)
    ax.set_xticks([i for i, _ in labelled[::every]], [_text(p.sha[:7]) for _, p in labelled[::every]],
                  rotation=90, fontsize=7)
    ax.set_ylabel(f"median ({unit})", fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    ax.grid(alpha=0.3)
    ax.set_title(_text(name), fontsize=8, loc="left")
    fig.tight_layout()
    return _to_svg(fig, "history-" + name)


_SWEEP_PREFERENCE = ("threads", "workers", "concurrency", "n", "bytes", "capacity", "pages")


def sweep_param(benchmarks: Sequence[Benchmark]) -> Optional[str]:
    """The numeric param a case sweeps most (ties: threads, workers, concurrency, size...),
    or None when no param takes two values."""
    values: dict[str, set[float]] = {}
    for b in benchmarks:
        for key, value in b.params.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                values.setdefault(key, set()).add(value)
    swept = {k: v for k, v in values.items() if len(v) >= 2}
    if not swept:
        return None
    rank = {k: i for i, k in enumerate(_SWEEP_PREFERENCE)}
    return max(swept, key=lambda k: (len(swept[k]), -rank.get(k, len(rank))))


def scaling_chart(case_id: str, benchmarks: Sequence[Benchmark], max_lines: int = 14,
                  units: Units = TIME) -> Optional[str]:
    """Median time against the swept param, log-log, one line per variant and setting of
    the other params; SVG, or None when the case sweeps nothing."""
    timed = [b for b in benchmarks if b.timed]
    key = sweep_param(timed)
    if key is None:
        return None
    lines: dict[str, list[tuple[ParamValue, float]]] = {}
    python_lines = set()
    for b in timed:
        if key not in b.params:
            continue
        rest = " ".join(f"{k}:{v}" for k, v in b.params.items() if k != key)
        label = f"{b.variant} {rest}".strip()
        lines.setdefault(label, []).append((b.params[key], b.span()[1]))
        if b.model == "python":
            python_lines.add(label)
    lines = {label: sorted(points) for label, points in lines.items() if len(points) >= 2}
    if not lines:
        return None
    shown = sorted(lines.items(), key=lambda kv: kv[1][-1][1])[:max_lines]
    label_y, factor = units.axis(max(t for _, points in shown for _, t in points))
    fig, ax = plt.subplots(figsize=(7.5, 3.4))
    for label, points in shown:
        # The Python idiom itself: dashed, with hollow markers, in every chart.
        python = label in python_lines
        ax.plot([x for x, _ in points], [t / factor for _, t in points], marker="o", markersize=3,
                linestyle="--" if python else "-", markerfacecolor="white" if python else None,
                label=_text(label))
    ax.set_xscale("log", base=2 if key in ("threads", "workers", "concurrency") else 10)
    ax.set_yscale("log")
    ax.set_xlabel(_text(key), fontsize=8)
    ax.set_ylabel(label_y, fontsize=8)
    ax.tick_params(labelsize=8)
    ax.grid(alpha=0.3, which="both")
    title = f"scaling with {key}" + (f" ({max_lines} of {len(lines)} lines: the fastest at the largest {key})"
                                     if len(lines) > max_lines else "")
    ax.set_title(_text(title), fontsize=9, loc="left")
    ax.legend(fontsize=6, loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    fig.tight_layout()
    return _to_svg(fig, "scaling-" + case_id)


def machines_chart(case: str, rows: Sequence[tuple[str, list[Optional[float]]]], machines: Sequence[str],
                   max_rows: int = 30, units: Units = TIME) -> Optional[str]:
    """Grouped horizontal bars: each benchmark's median on each machine (log scale when
    they spread widely); SVG. `rows` are [(name, [median or None per machine])]."""
    rows = [(name, medians) for name, medians in rows if any(medians)][:max_rows]
    if not rows:
        return None
    label_x, factor = units.axis(max(m for _, medians in rows for m in medians if m))
    height = 0.9 + 0.22 * len(rows) * len(machines)
    fig, ax = plt.subplots(figsize=(7.5, height))
    bar = 0.8 / len(machines)
    colours = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2"]
    for m, machine in enumerate(machines):
        ys = [i + m * bar for i in range(len(rows))]
        widths = [(medians[m] or 0) / factor for _, medians in rows]
        ax.barh(ys, widths, height=bar, color=colours[m % len(colours)], label=f"machine {m + 1}")
    ax.set_yticks([i + bar * (len(machines) - 1) / 2 for i in range(len(rows))],
                  [_text(name) for name, _ in rows], fontsize=7)
    ax.invert_yaxis()
    values = [m for _, medians in rows for m in medians if m]
    if max(values) / min(values) > 50:
        ax.set_xscale("log")
    ax.set_xlabel(label_x, fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(fontsize=7)
    ax.set_title(_text(case) + (f" (first {max_rows} benchmarks)" if len(rows) >= max_rows else ""), fontsize=9,
                 loc="left")
    fig.tight_layout()
    return _to_svg(fig, "machines-" + case)


def ratio_chart(rows: Sequence[tuple[str, float, Optional[float], Optional[float], str]],
                threshold: float, max_rows: int = 60) -> Optional[str]:
    """Candidate / base per benchmark with its 95% interval, on a log axis, the
    threshold band shaded; `rows` are [(name, ratio, low, high, verdict)], drawn in order."""
    rows = [r for r in rows if r[1] and r[1] > 0][:max_rows]
    if not rows:
        return None
    colours = {"regression": "#c50f1f", "improvement": "#107c10"}
    fig, ax = plt.subplots(figsize=(7.5, 0.9 + 0.24 * len(rows)))
    ax.axvspan(1 / (1 + threshold), 1 + threshold, color="#eeeeee", zorder=0)
    ax.axvline(1.0, color="#888888", linewidth=0.8)
    for i, (_, ratio, low, high, verdict) in enumerate(rows):
        colour = colours.get(verdict, "#4c78a8")
        if low is not None and high is not None:
            ax.plot([low, high], [i, i], color=colour, linewidth=1.5)
        ax.plot([ratio], [i], "o", color=colour, markersize=3.5)
    ax.set_yticks(range(len(rows)), [_text(r[0]) for r in rows], fontsize=7)
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlabel("candidate / base (95% interval; grey: within the threshold)", fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return _to_svg(fig, "compare-ratios")


def overview_chart(suite: str, panels: Sequence[tuple[str, list[tuple[str, float, bool, bool]]]]) -> Optional[str]:
    """A suite at a glance: one small panel per case, each variant's time relative to the
    case's baseline at the case's largest point (log axis, 1 = the baseline), fastest on
    top; C++ solid, Python hatched, the baseline in its own colour.

    panels: [(case, [(variant label, time / baseline time, is_python, is_baseline), ...])]."""
    panels = [(case, bars) for case, bars in panels if bars]
    if not panels:
        return None
    columns = min(3, len(panels))
    rows = -(-len(panels) // columns)
    tallest = [max(len(bars) for _, bars in panels[r * columns:(r + 1) * columns]) for r in range(rows)]
    fig, axes = plt.subplots(rows, columns, squeeze=False, figsize=(10.5, sum(0.55 + 0.13 * t for t in tallest)),
                             gridspec_kw={"height_ratios": [0.55 + 0.13 * t for t in tallest]})
    for index, ax in enumerate(axes.flat):
        if index >= len(panels):
            ax.set_visible(False)
            continue
        case, bars = panels[index]
        ordered = sorted(bars, key=lambda bar: bar[1], reverse=True)  # fastest drawn last: on top
        y = range(len(ordered))
        drawn = ax.barh(list(y), [ratio for _, ratio, _, _ in ordered], height=0.75, left=0,
                        color=[_BASELINE if base else _BAR for _, _, _, base in ordered])
        for bar, (_, _, python, _) in zip(drawn, ordered):
            if python:
                bar.set_hatch("///")
                bar.set_facecolor("#ffffff")
                bar.set_edgecolor(_BAR)
        ax.set_xscale("log")
        ax.axvline(1.0, color="#555555", linewidth=0.6)
        ax.set_yticks(list(y), [_text(label) for label, _, _, _ in ordered], fontsize=5.5)
        ax.tick_params(axis="x", labelsize=6)
        ax.set_title(_text(case), fontsize=7.5, loc="left")
        ax.grid(axis="x", alpha=0.3)
        ax.set_ylim(-0.6, len(ordered) - 0.4)
    fig.supxlabel("time relative to the case's baseline (log; < 1: faster)", fontsize=7)
    fig.tight_layout()
    return _to_svg(fig, "overview-" + suite)
