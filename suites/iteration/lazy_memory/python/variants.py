"""iteration/lazy_memory in Python: filter -> transform -> sum over n generated records,
with generators (one record in flight) and with lists (every stage held). peak_bytes runs
a variant under tracemalloc: the Python heap's high-water mark, beside the C++ figures."""

import tracemalloc
from collections import namedtuple

MASK = (1 << 64) - 1
Record = namedtuple("Record", "key amount category")


def make_record(i):
    """Record i (splitmix64 of i), as the C++ make_record."""
    z = ((i + 1) * 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    z ^= z >> 31
    return Record(z, ((z >> 8) & 0xFFFF) - 32768, z & 3)


def py_generator(n):
    records = (make_record(i) for i in range(n))
    selected = (r for r in records if r.category == 0)
    return sum(r.amount * 3 for r in selected)


def py_list_eager(n):
    records = [make_record(i) for i in range(n)]
    selected = [r for r in records if r.category == 0]
    return sum([r.amount * 3 for r in selected])


def peak_bytes(function, *arguments):
    tracemalloc.start()
    try:
        function(*arguments)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
