"""What a results file's figures are: time per run (ns), or, in instruction mode,
instructions per iteration counted by callgrind. Formatting and chart axes follow it."""

from dataclasses import dataclass
from typing import Optional

# Google Benchmark's time units, in nanoseconds.
TO_NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}


@dataclass(frozen=True)
class Units:
    measure: str  # "time" or "instructions"
    scales: tuple[tuple[str, float], ...]  # (suffix, factor), largest first, then the base unit
    noun: str  # for axis labels

    def scale(self, largest: float) -> tuple[str, float]:
        """The (suffix, factor) that shows `largest` best."""
        for suffix, factor in self.scales[:-1]:
            if largest >= factor:
                return suffix, factor
        return self.scales[-1]

    def format(self, value: Optional[float]) -> str:
        if value is None:
            return "–"
        suffix, factor = self.scale(value)
        return f"{value / factor:.3g} {suffix}"

    def axis(self, largest: float, what: str = "median") -> tuple[str, float]:
        suffix, factor = self.scale(largest)
        return f"{what} {self.noun} ({suffix})", factor


TIME = Units("time", (("s", 1e9), ("ms", 1e6), ("µs", 1e3), ("ns", 1.0)), "time per run")
INSTRUCTIONS = Units("instructions", (("G instr", 1e9), ("M instr", 1e6), ("k instr", 1e3), ("instr", 1.0)),
                     "instructions per run")


def units_for(measure: str) -> Units:
    """The units of a results file's figures, from its `measure` (Results.measure)."""
    return INSTRUCTIONS if measure == "instructions" else TIME
