"""Each benchmark's figure in its case's natural unit, beside the time: GB/s and the
fraction of the machine's bandwidth for memory-bound cases, GFLOP/s for compute-bound
ones, a hit rate for caches, and otherwise the rate of the case's own items — "pages/s",
or "ns per element" where items come by the million."""

from typing import Sequence

from .results import Benchmark


def _plural(item: str) -> str:
    return item if item.endswith("s") else item + "s"


def is_bandwidth_case(benchmarks: Sequence[Benchmark]) -> bool:
    """A case measured against a memory bandwidth (some entry has a fraction of peak)."""
    return any("fraction_of_peak" in b.counters for b in benchmarks)


def _limit_label(b: Benchmark) -> str:
    """Which measurement the peak is: "3.98e+03 GB/s, device_peak/cuda_memcpy"."""
    parts = b.limit_measured_by.split("/")
    source = "/".join(parts[1:3]) if len(parts) >= 3 else b.limit_measured_by
    if source == f"{b.case}/{b.variant}":
        source = "this variant"
    return f"{b.limit_value / 1e9:.3g} GB/s, {source}"


def figure(b: Benchmark, bandwidth_case: bool) -> str:
    c = b.counters
    if not b.timed:
        return "–"
    bytes_rate, flops_rate = c.get("bytes_per_second"), c.get("flops_per_second")
    # Memory-bound: a bandwidth case, or a kernel under one flop per byte (STREAM's 1/12).
    if bytes_rate and (bandwidth_case or (flops_rate and flops_rate / bytes_rate < 1)):
        text = f"{c['bytes_per_second'] / 1e9:.3g} GB/s"
        if "fraction_of_peak" in c:
            text += f" · {c['fraction_of_peak']:.2f} of peak"
            if b.limit_measured_by:
                text += f" ({_limit_label(b)})"
        return text
    if flops_rate:
        return f"{flops_rate / 1e9:.3g} GFLOP/s"
    parts = []
    if "hit_rate" in c:
        parts.append(f"hit rate {c['hit_rate']:.1%}")
    rate = c.get("items_per_second")
    if rate:
        if rate >= 1e6:
            parts.append(f"{1e9 / rate:.3g} ns per {b.item}")
        else:
            parts.append(f"{rate:.3g} {_plural(b.item)}/s")
    return " · ".join(parts) or "–"
