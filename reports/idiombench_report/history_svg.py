"""A light inline SVG per benchmark for the history page (hundreds of them: written by
hand, not by matplotlib): the medians over the runs, the min–max band, dashed lines at
the steps, and each point a link to its commit when the page has a commit URL. Long
series are thinned (history.thinned): full resolution around steps and at the end, runs
merged elsewhere, and a dot (with its commit) only for the runs drawn one by one."""

import html
from typing import Optional, Sequence

from .history import Point, thinned
from .units import TIME

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 640, 150, 58, 10, 10, 22


def commit_link(template: Optional[str], sha: str) -> Optional[str]:
    if not template or not sha or sha in ("?", "unknown"):
        return None
    return template.replace("{sha}", sha.removesuffix("-dirty"))


def series_svg(points: Sequence[Point], steps: Sequence[tuple[int, float, float]],
               commit_url: Optional[str] = None) -> str:
    drawn = thinned(points, steps)
    unit, factor = TIME.scale(max(p.high for p in points))
    low = min(p.low for p in points) / factor
    high = max(p.high for p in points) / factor
    span = (high - low) or max(high, 1e-12)
    low, high = max(0.0, low - 0.05 * span), high + 0.05 * span
    n = len(points)

    def x(i: float) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (i / (n - 1) if n > 1 else 0.5)

    def y(v: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (v / factor - low) / (high - low))

    band = [f"{x(i):.1f},{y(p.high):.1f}" for i, p, _ in drawn]
    band += [f"{x(i):.1f},{y(p.low):.1f}" for i, p, _ in reversed(drawn)]
    line = " ".join(f"{x(i):.1f},{y(p.median):.1f}" for i, p, _ in drawn)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
             f'height="{HEIGHT}" role="img">',
             f'<polygon points="{" ".join(band)}" fill="#4c78a8" fill-opacity="0.2"/>',
             f'<polyline points="{line}" fill="none" stroke="#4c78a8" stroke-width="1.5"/>']
    for index, before, after in steps:
        colour = "#f58518" if after > before else "#54a24b"
        parts.append(f'<line x1="{x(index - 0.5):.1f}" x2="{x(index - 0.5):.1f}" y1="{TOP}" '
                     f'y2="{HEIGHT - BOTTOM}" stroke="{colour}" stroke-dasharray="4 3"/>')
    for i, p, merged in drawn:
        if merged > 1:
            continue
        title = html.escape(f"{p.sha[:10]} {p.when}: median {TIME.format(p.median)} "
                            f"[{TIME.format(p.low)}–{TIME.format(p.high)}]")
        dot = (f'<circle cx="{x(i):.1f}" cy="{y(p.median):.1f}" r="3" fill="#4c78a8">'
               f'<title>{title}</title></circle>')
        link = commit_link(commit_url, p.sha)
        parts.append(f'<a href="{html.escape(link)}">{dot}</a>' if link else dot)
    for v in (low, high):
        parts.append(f'<text x="{LEFT - 4}" y="{y(v * factor) + 4:.1f}" font-size="10" '
                     f'text-anchor="end">{v:.3g}</text>')
    parts.append(f'<text x="4" y="{TOP + 10}" font-size="10">{html.escape(unit)}</text>')
    first, last = html.escape(points[0].sha[:7]), html.escape(points[-1].sha[:7])
    parts.append(f'<text x="{LEFT}" y="{HEIGHT - 6}" font-size="10">{first}</text>')
    parts.append(f'<text x="{WIDTH - RIGHT}" y="{HEIGHT - 6}" font-size="10" text-anchor="end">{last}</text>')
    parts.append("</svg>")
    return "".join(parts)
