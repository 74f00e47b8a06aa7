"""Many machines in one report: results files grouped by machine (several runs of one
machine are merged, their processes pooled), a table of what each machine is, and a
machine x case matrix of ratios to a reference machine with confidence intervals.

Statistics: each benchmark on each machine is summarised by its processes (the median
of each process's repetitions: the process is the unit of independence). The ratio of a
benchmark between two machines is the ratio of the geometric means of those process
figures; a case's ratio is the geometric mean of its benchmarks' ratios (every
benchmark both machines timed). The interval is Welch's t interval on the log scale,
with the variance of every benchmark and machine summed (Welch-Satterthwaite degrees of
freedom). It needs at least two processes of every benchmark on both machines: a file
with one process per benchmark (the quick profile's default) gives a ratio without an
interval, and says so, rather than an interval that only repetitions inside one process
would make look tight.
"""

import math
import statistics
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

from scipy import stats

from .results import Benchmark, Results, ResultsError

CONFIDENCE = 0.95


@dataclass
class Machine:
    key: str  # machine_id (or Google Benchmark's host_name)
    label: str  # short: host and id
    runs: list[Results]
    specs: dict[str, str]
    # run_name -> process figures pooled over the runs; only verified, timed benchmarks.
    samples: dict[str, list[float]] = field(default_factory=dict)
    # run_name -> (suite/case, variant, shared params label, extra params label)
    where: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)
    # run_name -> items per run (from items_per_second): sizes chosen from each machine's
    # caches differ between machines, and compare per item.
    items: dict[str, float] = field(default_factory=dict)
    # run_name -> (profile, case, variant, extra, number of the case's points, rank of
    # its point among them): the same grid, chosen from another machine's caches
    rank: dict[str, tuple[str, str, str, str, int, int]] = field(default_factory=dict)
    # How its runs were emulated (qemu-user), from the results: its times are the
    # emulator's, so it is never compared; empty for real hardware.
    emulated: str = ""


@dataclass
class Ratio:
    """A ratio of this machine's times to the reference's (> 1: slower here)."""
    value: float
    low: Optional[float]
    high: Optional[float]
    benchmarks: int

    @property
    def verdict(self) -> str:
        if self.low is None or self.high is None:
            return "no interval"
        if self.high < 1:
            return "faster"
        if self.low > 1:
            return "slower"
        return "within noise"

    @property
    def text(self) -> str:
        interval = f" [{self.low:.2f}–{self.high:.2f}]" if self.low is not None and self.high is not None else ""
        return f"{self.value:.2f}×{interval}"


def _gib(n: object) -> str:
    return f"{float(n) / 2**30:.0f} GiB" if isinstance(n, (int, float)) and n else "?"


def _mib(n: object) -> str:
    return f"{float(n) / 2**20:.0f} MiB" if isinstance(n, (int, float)) and n else "?"


def _caches(machine: dict) -> str:
    """"L1d 48 KiB · L2 2 MiB · L3 300 MiB" (data and unified caches, per level)."""
    sizes: dict[int, int] = {}
    for c in machine.get("caches", []):
        if isinstance(c, dict) and c.get("type") != "Instruction" and isinstance(c.get("size"), int):
            sizes[c.get("level", 0)] = max(sizes.get(c.get("level", 0), 0), c["size"])
    if not sizes:
        return f"LLC {_mib(machine.get('last_level_cache_bytes'))}"
    parts = []
    for level, size in sorted(sizes.items()):
        text = f"{size // 1024} KiB" if size < 2**20 else f"{size / 2**20:.0f} MiB"
        parts.append(f"L{level}{'d' if level == 1 else ''} {text}")
    return " · ".join(parts)


def _gpu(meta: dict) -> str:
    cuda = meta.get("backends", {}).get("cuda", {})
    if not cuda.get("available"):
        return "none"
    devices = [str(v) for k, v in sorted(cuda.items()) if k.startswith("device ")]
    return "; ".join(devices) or "CUDA device"


def _instruction_sets(meta: dict) -> str:
    """What the vectorised variants ran: the build's -march (autovec and every kernel built
    for the target), xsimd's dispatch (simd) and OpenBLAS's kernels (blas)."""
    backends = meta.get("backends", {})
    parts = [f"-march={meta.get('build', {}).get('target_isa') or '(default)'}"]
    if backends.get("xsimd", {}).get("instruction set"):
        parts.append(f"simd {backends['xsimd']['instruction set']}")
    if backends.get("openblas", {}).get("core"):
        parts.append(f"OpenBLAS {backends['openblas']['core']}")
    return " · ".join(parts)


def specs_of(results: Results) -> dict[str, str]:
    meta = results.meta
    machine = meta.get("machine", {})
    build = meta.get("build", {})
    return {
        "CPU": str(machine.get("cpu_model", results.context.get("host_name", "?"))),
        "architecture": str(machine.get("architecture", "?")) + (" (emulated)" if machine.get("emulated") else ""),
        "cores": f"{machine.get('logical_cpus', results.context.get('num_cpus', '?'))} logical / "
                 f"{machine.get('physical_cores', '?')} physical",
        "caches": _caches(machine),
        "memory": _gib(machine.get("memory_bytes")),
        "GPU": _gpu(meta),
        "compiler": str(build.get("compiler", "?")),
        "flags": f"{build.get('flags', '?')} ({build.get('target_isa', '?')})",
        "instruction sets": _instruction_sets(meta),
        "kernel": str(machine.get("kernel", "?")) + (
            f" (THP {machine['transparent_hugepages']})" if "transparent_hugepages" in machine else ""),
    }


def group(runs: Sequence[Results]) -> list[Machine]:
    """One Machine per machine_id, in the order the files were given."""
    machines: dict[str, Machine] = {}
    for r in runs:
        key = r.machine or r.path
        m = machines.get(key)
        if m is None:
            host = str(r.context.get("host_name", "?"))
            if r.machine_label:
                label = f"{r.machine_label} · {host} · {key[:8]}"
            else:
                label = f"{host} · {key[:8]}" if r.machine else f"{host} · {r.path}"
            m = machines[key] = Machine(key=key, label=label, runs=[], specs=specs_of(r),
                                        emulated=str(r.meta.get("machine", {}).get("emulated", "")))
        m.runs.append(r)
        for b in r.benchmarks:
            if not b.timed or (r.meta and not b.verified):
                continue
            m.samples.setdefault(b.run_name, []).extend(b.process_medians().values())
            extra = " ".join(f"{k}:{v}" for k, v in b.extra_params.items())
            m.where[b.run_name] = (f"{b.suite}/{b.case}", b.variant, b.params_label, extra)
            ips, median = b.counters.get("items_per_second"), b.median
            if ips and median:
                m.items[b.run_name] = round(ips * median * 1e-9) or ips * median * 1e-9
        _rank_points(m, r)
    for m in machines.values():
        dates = sorted({str(r.context.get("date", "?"))[:10] for r in m.runs})
        m.specs["date"] = dates[0] if len(dates) == 1 else f"{dates[0]} … {dates[-1]}"
        m.specs["runs"] = str(len(m.runs))
    return list(machines.values())


def _point_key(b: Benchmark) -> tuple:
    return tuple((k, v if isinstance(v, int) else str(v)) for k, v in sorted(b.shared_params.items()))


def _rank_points(m: Machine, r: Results) -> None:
    """Each benchmark's point ranked among its case's points in this file (sizes grow
    with the rank), so that "in L1" meets "in L1" on a machine whose L1 is another size."""
    profile = str(r.meta.get("profile", ""))
    for (suite, case), points in r.cases().items():
        keys = sorted({_point_key(b) for runs in points.values() for b in runs},
                      key=lambda k: [(name, (0, v, "") if isinstance(v, int) else (1, 0, v)) for name, v in k])
        for runs in points.values():
            for b in runs:
                extra = " ".join(f"{k}:{v}" for k, v in b.extra_params.items())
                m.rank[b.run_name] = (profile, f"{suite}/{case}", b.variant, extra, len(keys),
                                      keys.index(_point_key(b)))


def pairs(machine: Machine, reference: Machine, names: Sequence[str]) -> list[tuple[list[float], list[float]]]:
    """(this machine's process figures, the reference's) for each benchmark of `names`
    the reference timed: the same benchmark by name, or else the same variant at the point
    of the same rank, compared per item (time per run over items per run)."""
    by_rank = {machine.rank[n]: n for n in machine.samples if n in machine.rank}
    out = []
    for name in names:
        ref = reference.samples.get(name)
        if not ref:
            continue
        if name in machine.samples:
            out.append((machine.samples[name], ref))
            continue
        mine = by_rank.get(reference.rank.get(name, ()))  # type: ignore[arg-type]
        if mine and mine not in reference.samples and machine.items.get(mine) and reference.items.get(name):
            out.append(([v / machine.items[mine] for v in machine.samples[mine]],
                        [v / reference.items[name] for v in ref]))
    return out


def find(machines: Sequence[Machine], wanted: Optional[str]) -> Machine:
    """The machine whose label, id (or a prefix of it) or host name is `wanted`; the first if
    None. An emulated machine is never the reference: its times are the emulator's."""
    if wanted is None:
        return next((m for m in machines if not m.emulated), machines[0])
    hits = [m for m in machines
            if m.key == wanted or (len(wanted) >= 4 and m.key.startswith(wanted))
            or any(wanted in (r.context.get("host_name"), r.machine_label) for r in m.runs)]
    if len(hits) != 1:
        known = ", ".join(m.label for m in machines[:10])
        what = "matches no machine" if not hits else f"matches {len(hits)} machines"
        raise ResultsError(f"--reference {wanted[:80]} {what} (machines: {known}"
                           f"{' …' if len(machines) > 10 else ''})")
    if hits[0].emulated:
        raise ResultsError(f"--reference {wanted[:80]} ran under emulation ({hits[0].emulated}): "
                           "its times cannot be a reference; name a machine that ran on hardware")
    return hits[0]


def _log_summary(values: list[float]) -> tuple[float, Optional[float], int]:
    """Mean of the logs, the variance of that mean (None below two), and n."""
    logs = [math.log(v) for v in values if v > 0]
    if not logs:
        return math.nan, None, 0
    n = len(logs)
    return statistics.fmean(logs), (statistics.variance(logs) / n if n >= 2 else None), n


def ratio(machine: Machine, reference: Machine, names: Sequence[str]) -> Optional[Ratio]:
    """The geometric mean over `names` of machine / reference, with its interval."""
    return pooled_ratio(pairs(machine, reference, names))


def pooled_ratio(matched: Sequence[tuple[list[float], list[float]]]) -> Optional[Ratio]:
    """The geometric mean of the ratios of matched samples, with its interval."""
    diffs, variances, df_terms = [], [], []
    complete = True
    for mine, ref in matched:
        (m_mean, m_var, m_n), (r_mean, r_var, r_n) = _log_summary(mine), _log_summary(ref)
        if not m_n or not r_n:
            continue
        diffs.append(m_mean - r_mean)
        if m_var is None or r_var is None:
            complete = False
            continue
        for v, n in ((m_var, m_n), (r_var, r_n)):
            variances.append(v)
            df_terms.append(v * v / (n - 1))
    if not diffs:
        return None
    k = len(diffs)
    centre = statistics.fmean(diffs)
    if not complete:
        return Ratio(math.exp(centre), None, None, k)
    variance = sum(variances) / (k * k)
    if variance <= 0:
        return Ratio(math.exp(centre), math.exp(centre), math.exp(centre), k)
    df = sum(variances) ** 2 / sum(df_terms) if sum(df_terms) > 0 else 1.0
    half = stats.t.ppf(0.5 + CONFIDENCE / 2, df) * math.sqrt(variance)
    return Ratio(math.exp(centre), math.exp(centre - half), math.exp(centre + half), k)


def cases_of(machines: Sequence[Machine]) -> dict[str, list[str]]:
    """suite/case -> every run_name any machine timed in it, in first-seen order."""
    out: dict[str, list[str]] = {}
    for m in machines:
        for name, (case, _, _, _) in m.where.items():
            names = out.setdefault(case, [])
            if name not in names:
                names.append(name)
    return out


def best_per_variant(machines: Sequence[Machine], reference: Machine,
                     case: str, names: Sequence[str]) -> list[dict[str, str]]:
    """Per variant of a case: the machine it runs fastest on, against the reference. A
    variant's figure at a point is its fastest configuration there (the best thread
    count each machine has), so machines with different core counts compare."""
    # variant -> point (profile, rank: sizes differ between machines) -> machine -> name
    by_variant: dict[str, dict[tuple[str, int, int], dict[str, str]]] = {}
    for m in machines:
        for name in names:
            if name not in m.samples or name not in m.rank:
                continue
            variant = m.where[name][1]
            profile, _, _, _, count, rank = m.rank[name]
            point = (profile, count, rank)
            by_variant.setdefault(variant, {}).setdefault(point, {}).setdefault(m.key, name)
            kept = by_variant[variant][point][m.key]
            if statistics.median(m.samples[name]) < statistics.median(m.samples[kept]):
                by_variant[variant][point][m.key] = name
    rows = []
    for variant, points in by_variant.items():
        best: Optional[tuple[Machine, Ratio]] = None
        for m in machines:
            chosen = [(p[m.key], p[reference.key]) for p in points.values()
                      if m.key in p and reference.key in p]
            if not chosen:
                continue
            r = _paired_ratio(m, reference, chosen)
            if r is not None and (best is None or r.value < best[1].value):
                best = (m, r)
        ran = sum(1 for m in machines if any(m.key in p for p in points.values()))
        if best is None:
            rows.append({"variant": variant, "machine": "(not on the reference machine)",
                         "ratio": "–", "verdict": "no interval", "machines": str(ran)})
            continue
        is_reference = best[0] is reference
        rows.append({"variant": variant, "machine": best[0].label + (" (reference)" if is_reference else ""),
                     "ratio": "–" if is_reference else best[1].text,
                     "verdict": "reference" if is_reference else best[1].verdict, "machines": str(ran)})
    return rows


def _paired_ratio(machine: Machine, reference: Machine,
                  chosen: Sequence[tuple[str, str]]) -> Optional[Ratio]:
    """The ratio over (this machine's benchmark, the reference's benchmark) pairs, per
    item where their sizes differ."""
    matched = []
    for mine, ref in chosen:
        if mine == ref or not (machine.items.get(mine) and reference.items.get(ref)):
            matched.append((machine.samples[mine], reference.samples[ref]))
        else:
            matched.append(([v / machine.items[mine] for v in machine.samples[mine]],
                            [v / reference.items[ref] for v in reference.samples[ref]]))
    return pooled_ratio(matched)


def comparison(machines: Sequence[Machine], files: int, reference: Optional[str] = None) -> Optional[dict]:
    """The template's view of many machines (from group(), of `files` files); None for one."""
    ref = find(machines, reference)
    if len(machines) < 2:
        return None
    cases = cases_of(machines)
    matrix: list[dict[str, Any]] = []
    for m in machines:
        cells = []
        for case, names in cases.items():
            r = None if m is ref else ratio(m, ref, names)
            cells.append({"case": case, "text": "reference" if m is ref else (r.text if r else "–"),
                          "verdict": "reference" if m is ref else (r.verdict if r else "not run"),
                          "value": f"{r.value:.6g}" if r else "",
                          "benchmarks": r.benchmarks if r else 0})
        matrix.append({"machine": m.label, "key": m.key, "is_reference": m is ref, "cells": cells})
    fields = list(ref.specs)
    table = [{"machine": m.label, "is_reference": m is ref,
              "cells": [{"text": m.specs.get(f, "?"), "differs": m.specs.get(f) != ref.specs.get(f)
                         and f not in ("date", "runs")} for f in fields]}
             for m in machines]
    differing = [f for f in fields if f not in ("date", "runs")
                 and len({m.specs.get(f) for m in machines}) > 1]
    intervals = all(c["verdict"] != "no interval" for row in matrix for c in row["cells"])
    return {
        "reference": ref.label,
        "machines": [m.label for m in machines],
        "files": files,
        "merged": files - len(machines),
        "cases": list(cases),
        "matrix": matrix,
        "fields": fields,
        "table": table,
        "differing": differing,
        "intervals": intervals,
        "best": {case: best_per_variant(machines, ref, case, names) for case, names in cases.items()},
        "confidence": f"{CONFIDENCE:.0%}",
    }
