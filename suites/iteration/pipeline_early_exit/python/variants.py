"""iteration/pipeline_early_exit in Python: produce -> filter (multiple of 7) -> square ->
the first k, as a lazy generator pipeline cut by itertools.islice, and eagerly with list
comprehensions (every element produced before the first k are taken)."""

from itertools import islice

MASK = (1 << 64) - 1


def produce(raw, cost):
    """One source element: the raw value, or `cost` rounds of 64-bit mixing (the C++
    produce(), with the wrap-around written as a mask)."""
    if cost == 0:
        return raw
    h = raw & 0xFFFFFFFF
    for _ in range(cost):
        h ^= h >> 31
        h = (h * 0x9E3779B97F4A7C15) & MASK
        h ^= h >> 29
    return h >> 33


def py_generator_pipeline(values, k, cost):
    produced = (produce(raw, cost) for raw in values)
    kept = (v for v in produced if v % 7 == 0)
    return list(islice((v * v for v in kept), k))


def py_list_eager(values, k, cost):
    produced = [produce(raw, cost) for raw in values]
    kept = [v for v in produced if v % 7 == 0]
    return [v * v for v in kept][:k]


def elements_produced(function, *arguments):
    """How many source elements `function` produced: the elements_produced counter, from
    a second call with a counting produce() (the timed calls count nothing)."""
    global produce
    plain, count = produce, [0]

    def counting(raw, cost):
        count[0] += 1
        return plain(raw, cost)

    produce = counting
    try:
        function(*arguments)
    finally:
        produce = plain
    return count[0]
