"""memoization/cheap_function in Python: a function cheaper than a dict lookup (a multiply
and a shift) called for every key, directly and through functools.lru_cache(128),
functools.cache and a dict: after the first calls every call is a hit, so the difference
is what a hit costs. The sum is taken modulo 2**64, as C++'s unsigned sum wraps."""

from functools import cache, lru_cache

MASK = (1 << 64) - 1


def cheap(key):
    return ((key * 0x9E3779B97F4A7C15) & MASK) ^ (key >> 3)


def py_direct(keys):
    return sum(map(cheap, keys)) & MASK


def py_lru_cache(keys):
    cached = lru_cache(maxsize=128)(cheap)
    return sum(map(cached, keys)) & MASK


def py_cache(keys):
    cached = cache(cheap)
    return sum(map(cached, keys)) & MASK


def py_dict_memo(keys):
    memo = {}
    total = 0
    for key in keys:
        value = memo.get(key)
        if value is None:
            value = memo[key] = cheap(key)
        total += value
    return total & MASK
