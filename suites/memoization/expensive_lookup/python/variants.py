"""memoization/expensive_lookup in Python: the expensive function (the same C++ function
the C++ variants call, handed in as a Python callable, so that it costs the same here)
called for every key, with no cache and through functools.lru_cache(maxsize=capacity).
The sum is taken modulo 2**64, as C++'s unsigned sum wraps."""

from functools import lru_cache

MASK = (1 << 64) - 1


def py_no_cache(keys, expensive, capacity):
    return sum(map(expensive, keys)) & MASK


def py_lru_cache(keys, expensive, capacity):
    cached = lru_cache(maxsize=capacity)(expensive)
    return sum(map(cached, keys)) & MASK


def lru_cache_info(keys, capacity):
    """Hits and misses of lru_cache(maxsize=capacity) over the keys: the policy the C++
    LRU caches implement must count the same (a contract test); py_lru_cache's hit rate."""
    cached = lru_cache(maxsize=capacity)(lambda key: key)
    for key in keys:
        cached(key)
    info = cached.cache_info()
    return info.hits, info.misses
