"""`compare --format html`: the verdicts as one self-contained page (the same CSP as the
report: inline SVG and CSS, one script allowed by its hash), regressions first."""

import base64
import hashlib
from pathlib import Path
from typing import Sequence

import jinja2

from . import __version__
from .charts import ratio_chart
from .compare import (ORDER, Row, Settings, counts, geometric_mean_ratio, median_detectable, method_text,
                      ratio_text, percent)
from .results import Results


def format_html(rows: Sequence[Row], base: Results, cand: Results, settings: Settings) -> str:
    templates = Path(__file__).with_name("templates")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates),
                             autoescape=jinja2.select_autoescape(["html", "j2"]),
                             undefined=jinja2.StrictUndefined)
    script = (templates / "tables.js").read_text(encoding="utf-8")
    script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    ordered = sorted(rows, key=lambda r: (ORDER.get(r.verdict, 9), -(abs((r.ratio or 1) - 1))))
    chart = ratio_chart([(r.name, r.ratio, r.low, r.high, r.verdict) for r in ordered if r.ratio],
                        settings.threshold)
    gm, md = geometric_mean_ratio(rows), median_detectable(rows)
    return env.get_template("compare.html.j2").render(
        version=__version__, base=base, cand=cand, method=method_text(base, cand, settings),
        counts=sorted(counts(rows).items(), key=lambda kv: ORDER.get(kv[0], 9)),
        regressions=counts(rows).get("regression", 0),
        slower_cases=sum(r.pooled > 0 and r.verdict == "regression" for r in rows),
        geometric_mean=f"{gm:.3f}" if gm else "–", detectable=percent(md), chart=chart,
        rows=[{"name": r.name, "verdict": r.verdict, "ratio": ratio_text(r),
               "ratio_value": r.ratio if r.ratio is not None else "",
               "q": f"{r.q:.2g}" if r.q is not None else "–", "detects": percent(r.detectable),
               "processes": f"{r.base_n} / {r.cand_n}", "note": r.note} for r in ordered],
        script=script, script_hash=script_hash)
