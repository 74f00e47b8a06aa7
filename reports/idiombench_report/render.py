"""The HTML report: one self-contained file (inline SVG and CSS, no network)."""

import base64
import hashlib
import html
import statistics
from pathlib import Path
from typing import Any, Optional, Sequence

import jinja2

from . import __version__
from .charts import case_chart, history_chart, machines_chart, overview_chart, scaling_chart
from . import history as history_module
from . import machines as machines_module
from .figures import figure, is_bandwidth_case
from .findings import finding
from .history_svg import commit_link, series_svg
from .python_view import python_rows
from .results import Benchmark, PathLike, Results
from .units import TIME, Units, units_for


def _environment() -> jinja2.Environment:
    """The one Jinja environment of both pages: templates beside this file, escaped."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        undefined=jinja2.StrictUndefined,
    )
    env.filters["bytes"] = lambda n: f"{n / 2**30:.1f} GiB" if n else "–"
    return env


_STATUS_ORDER = {"ok": 0, "skipped": 1, "failed": 2, "crashed": 3, "timeout": 4}


def _format_ns(ns: Optional[float]) -> str:
    return TIME.format(ns)


def _format_number(value: Optional[float]) -> str:
    if value is None:
        return "–"
    for suffix, factor in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if abs(value) >= factor:
            return f"{value / factor:.3g}{suffix}"
    return f"{value:.3g}"


def _case_view(case_id: str, question: str, points: dict[str, list[Benchmark]],
               units: Units = TIME) -> dict[str, Any]:
    rows = []
    bandwidth = is_bandwidth_case([b for runs in points.values() for b in runs])
    for label, runs in points.items():
        baseline = next((b for b in runs if b.is_baseline and b.samples), None)
        ordered = sorted(runs, key=lambda b: (_STATUS_ORDER.get(b.status, 9),
                                              b.median if b.median is not None else 0))
        for b in ordered:
            speedup = baseline.span()[1] / b.span()[1] if baseline and b.timed else None
            counters = {k: v for k, v in b.counters.items()
                        if k not in ("items_per_second", "bytes_per_second")}
            rows.append({
                "median_value": b.median if b.median is not None else "",
                "cv_value": b.cv if b.cv is not None else "",
                "speedup_value": speedup if speedup else "",
                "items_value": b.counters.get("items_per_second", ""),
                "bytes_value": b.counters.get("bytes_per_second", ""),
                "params": label, "variant": b.label, "model": b.model,
                "is_baseline": b.is_baseline,
                "median": units.format(b.median), "min": units.format(b.minimum),
                "figure": figure(b, bandwidth),
                "max": units.format(b.maximum),
                "cv": f"{b.cv * 100:.1f}%" if b.cv is not None else "–",
                "speedup": f"{speedup:.2f}×" if speedup else "–",
                "items_per_second": _format_number(b.counters.get("items_per_second")),
                "bytes_per_second": _format_number(b.counters.get("bytes_per_second")),
                "counters": ", ".join(f"{k} {_format_number(v)}" for k, v in sorted(counters.items())),
                "status": b.status, "reason": b.reason,
            })
    every = [b for runs in points.values() for b in runs]
    return {"id": case_id, "question": question, "finding": finding(points, units),
            "chart": case_chart(case_id, points, units),
            "scaling": scaling_chart(case_id, every, units=units), "rows": rows}


def _overview(results: Results, units: Units = TIME) -> list[dict[str, Any]]:
    """Per suite, the figure a reader looks at first: every case's variants relative to its
    baseline at the case's largest timed point (the point its finding is about), each
    variant at its best parallelism there; with each case's finding and a link to it."""
    by_suite: dict[str, list[tuple[str, list[tuple[str, float, bool, bool]]]]] = {}
    findings: dict[str, list[dict[str, str]]] = {}
    for (suite, case), points in results.cases().items():
        timed_points = [(label, [b for b in runs if b.timed]) for label, runs in points.items()]
        timed_points = [(label, runs) for label, runs in timed_points if runs]
        bars: list[tuple[str, float, bool, bool]] = []
        if timed_points:
            label, runs = timed_points[-1]
            baseline = next((b for b in runs if b.is_baseline), None)
            if baseline is not None:
                best: dict[str, Benchmark] = {}
                for b in runs:
                    if b.variant not in best or b.span()[1] < best[b.variant].span()[1]:
                        best[b.variant] = b
                base = baseline.span()[1]
                bars = [(b.label, b.span()[1] / base, b.model == "python", b.is_baseline) for b in best.values()]
        by_suite.setdefault(suite, []).append((case, bars))
        findings.setdefault(suite, []).append({"id": f"{suite}-{case}", "case": case,
                                               "finding": finding(points, units) or "no variant was timed"})
    return [{"suite": suite, "chart": overview_chart(suite, panels), "cases": findings[suite]}
            for suite, panels in by_suite.items()]


def _summary(results: Results, units: Units = TIME) -> list[dict[str, str]]:
    """Per suite, case and params point: the fastest timed variant and its speedup over
    the case's baseline at that point."""
    rows = []
    for (suite, case), points in results.cases().items():
        bandwidth = is_bandwidth_case([b for runs in points.values() for b in runs])
        for label, runs in points.items():
            timed = [b for b in runs if b.timed]
            if not timed:
                continue
            fastest = min(timed, key=lambda b: b.span()[1])
            baseline = next((b for b in timed if b.is_baseline), None)
            best = fastest.span()[1]
            rows.append({"suite": suite, "case": case, "params": label, "fastest": fastest.label,
                         "median": units.format(best), "figure": figure(fastest, bandwidth),
                         "speedup": (f"{baseline.span()[1] / best:.2f}×" if baseline else "–"),
                         "baseline": baseline.label if baseline else "(baseline not timed)"})
    return rows


# Beyond this many machines the per-benchmark tables and bar charts stop being readable;
# the matrix and the best-machine tables carry the comparison.
DETAILED_MACHINES = 6


def _hardware_comparison(results: Results, others: Sequence[Results], units: Units = TIME,
                         reference: Optional[str] = None) -> Optional[dict[str, Any]]:
    """The machines the files come from (runs of one machine merged): the matrix of
    case ratios to the reference machine with their intervals, what each machine is, the
    best machine per variant, and for a few machines every benchmark's median."""
    if not others:
        return None
    runs = [results] + list(others)
    every = machines_module.group(runs)  # once: it reads every benchmark of every file
    # Runs under emulation (qemu-user) are named, never compared: their times are the
    # emulator's. Their verification counts like any other run's.
    emulated = [{"machine": m.label, "cpu": m.specs.get("CPU", "?"), "why": m.emulated}
                for m in every if m.emulated]
    machines = [m for m in every if not m.emulated]
    if len(every) < 2:  # every file from one machine: its runs, merged
        return {"machines": [], "same_machine": True, "files": len(runs)}
    if reference is not None:
        machines_module.find(every, reference)  # says so when it names an emulated machine
    if len(machines) < 2:
        return {"machines": [], "same_machine": False, "only_emulated": True,
                "emulated": emulated, "files": len(runs)}
    view = machines_module.comparison(machines, sum(len(m.runs) for m in machines), reference)
    assert view is not None  # two machines or more
    view["same_machine"] = False
    view["emulated"], view["only_emulated"] = emulated, False
    ref = machines_module.find(machines, reference)
    view["detailed"] = len(machines) <= DETAILED_MACHINES
    if not view["detailed"]:
        return view
    cases: dict[str, list[dict[str, Any]]] = {}
    for case, names in machines_module.cases_of(machines).items():
        for name in names:
            if name not in ref.samples:
                continue
            here = statistics.median(ref.samples[name])
            cells, raw = [], []
            for m in machines:
                value = statistics.median(m.samples[name]) if name in m.samples else None
                ratio = value / here if value else None
                raw.append(value)
                cells.append({"median": units.format(value) if value else "–",
                              "ratio": f"{ratio:.2f}×" if ratio else "–", "ratio_value": ratio or ""})
            _, variant, point, extra = ref.where[name]
            cases.setdefault(case, []).append(
                {"name": " ".join(x for x in (variant, extra, point) if x), "cells": cells, "raw": raw})
    view["charts"] = {case: machines_chart(case, [(r["name"], r["raw"]) for r in rows], view["machines"],
                                           units=units)
                      for case, rows in cases.items()}
    view["cases_detail"] = cases
    return view


def _own_cost(cost: Optional[dict[str, Any]]) -> Optional[dict[str, Any]]:
    """The run's own cost as lines to show: its phases, then each language's per-process
    overhead (start of the process to its first timed repetition), then the longest-lived
    processes (what to shrink when a profile is slow)."""
    if not cost:
        return None
    phases = [(label, cost.get(key, 0.0)) for key, label in (
        ("planning_s", "planning"), ("process_start_s", "process starts"),
        ("verification_s", "verification"), ("measuring_s", "measuring"),
        ("process_exit_s", "process exits"), ("writing_s", "writing"), ("other_s", "other"))]
    languages = []
    for key, label in (("cpp", "C++"), ("python", "Python")):
        figures = (cost.get("per_process") or {}).get(key)
        if not figures:
            continue
        spread = figures.get("overhead_s") or figures["start_s"]
        languages.append({"label": label, "processes": figures["processes"],
                          "median": spread["median"], "min": spread["min"], "max": spread["max"],
                          "start": figures["start_s"]["median"]})
    slowest = [{"name": p.get("name", ""), "total": p.get("total_s", 0.0),
                "verify": p.get("verify_s", 0.0), "measure": p.get("measure_s", 0.0)}
               for p in cost.get("slowest") or []]
    return {"wall": cost.get("wall_s", 0.0), "processes": cost.get("processes", 0),
            "phases": phases, "languages": languages, "slowest": slowest}


def build_context(results: Results, cv_warning: float = 0.10,
                  others: Sequence[Results] = (), reference: Optional[str] = None) -> dict[str, Any]:
    meta = results.meta
    units = units_for(results.measure)
    suites: dict[str, list[dict[str, Any]]] = {}
    problems = []
    skipped = []
    counts: dict[str, int] = {}
    noisy = []
    for (suite, case), points in results.cases().items():
        any_run = next(iter(points.values()))[0]
        suites.setdefault(suite, []).append(
            _case_view(f"{suite}-{case}", any_run.question, points, units))
        for runs in points.values():
            for b in runs:
                counts[b.status] = counts.get(b.status, 0) + 1
                if b.status == "skipped":
                    skipped.append(b)
                elif b.status != "ok":
                    problems.append(b)
                elif b.cv is not None and b.cv > cv_warning:
                    noisy.append(b)
    warnings = list(meta.get("warnings", []))
    if not meta.get("complete", True):
        warnings.append("this run did not finish: the results are partial")
    if noisy:
        warnings.append(f"{len(noisy)} benchmark(s) vary by more than {cv_warning:.0%} (CV) "
                        "between repetitions: compare them with care")
    return {
        "version": __version__,
        "source": results.path,
        "context": results.context,
        "meta": meta,
        "machine": meta.get("machine", {}),
        "build": meta.get("build", {}),
        "backends": meta.get("backends", {}),
        "models": meta.get("models", {}),
        "environment_variables": meta.get("environment_variables", {}),
        "own_cost": _own_cost(meta.get("own_cost")),
        "warnings": warnings,
        "counts": dict(sorted(counts.items(), key=lambda kv: _STATUS_ORDER.get(kv[0], 9))),
        "problems": sorted(problems, key=lambda b: (_STATUS_ORDER.get(b.status, 9), b.run_name)),
        "skipped": sorted(skipped, key=lambda b: b.run_name),
        "suites": suites,
        "summary": _summary(results, units),
        "overview": _overview(results, units),
        "verified": sum(1 for runs in results.cases().values() for bs in runs.values() for b in bs
                        if b.status == "ok" and b.verified),
        "python": python_rows(results, units),
        "hardware": _hardware_comparison(results, others, units, reference),
        "measure": units.measure,
    }


def render(results: Results, output_path: PathLike, others: Sequence[Results] = (),
           reference: Optional[str] = None, missing: Sequence[str] = ()) -> None:
    """missing: machines meant to be compared that gave no results ("node-3: timed out"),
    named at the top of the report."""
    env = _environment()
    script = (Path(__file__).with_name("templates") / "tables.js").read_text(encoding="utf-8")
    # The Content-Security-Policy allows exactly this script, by its hash.
    script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    context = build_context(results, others=others, reference=reference)
    page = env.get_template("report.html.j2").render(**context, escape=html.escape, script=script,
                                                     script_hash=script_hash, missing=list(missing))
    Path(output_path).write_text(page, encoding="utf-8")


def render_history(machines: Sequence[history_module.MachineHistory], output_path: PathLike,
                   min_step: float = 0.05, commit_url: Optional[str] = None) -> None:
    """machines: each machine's runs in order and their series (from a folder of results
    files, history.from_results, or from a store). Every benchmark has a chart, picked from
    a select box; those with a step are shown first. With `commit_url`
    ("https://.../commit/{sha}") each run and point links to its commit."""
    groups = []
    for m, machine in enumerate(machines):
        series = machine.series
        changed = [s for s in series if s.steps]
        groups.append({
            "machine": machine.label,
            "runs": [{"sha": r.sha, "link": commit_link(commit_url, r.sha), "when": r.when, "path": r.source}
                     for r in machine.runs],
            "regressions": [{"name": n, "good": g, "bad": b, "ratio": f"{ratio:.2f}×"}
                            for n, g, b, ratio in history_module.regressions(series)],
            "charts": [{"name": s.name, "svg": history_chart(s.name, s.points, s.steps)} for s in changed],
            "series": [{"id": f"m{m}-s{i}", "name": s.name, "group": "/".join(s.name.split("/")[:2]),
                        "steps": len(s.steps), "points": len(s.points), "last": _format_ns(s.points[-1].median),
                        "svg": series_svg(s.points, s.steps, commit_url)}
                       for i, s in enumerate(sorted(series, key=lambda s: s.name))],
        })
    script = (Path(__file__).with_name("templates") / "history.js").read_text(encoding="utf-8")
    script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    page = _environment().get_template("history.html.j2").render(
        version=__version__, groups=groups, min_step=min_step, script=script, script_hash=script_hash,
        commit_url=commit_url)
    Path(output_path).write_text(page, encoding="utf-8")
