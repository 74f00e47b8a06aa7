"""memoization/fib in Python: the source document's fib(n), naive and memoized three ways.
Each memoized variant starts from a cold cache, as the C++ ones do (fib(30) from scratch)."""

from functools import cache, lru_cache


def fib_naive(n):
    return n if n < 2 else fib_naive(n - 1) + fib_naive(n - 2)


@lru_cache(maxsize=None)
def fib_lru(n):
    return n if n < 2 else fib_lru(n - 1) + fib_lru(n - 2)


@cache
def fib_cache(n):
    return n if n < 2 else fib_cache(n - 1) + fib_cache(n - 2)


def py_naive(n):
    return fib_naive(n)


def py_lru_cache(n):
    fib_lru.cache_clear()
    return fib_lru(n)


def py_cache(n):
    fib_cache.cache_clear()
    return fib_cache(n)


def py_dict_memo(n):
    memo = {0: 0, 1: 1}

    def fib(k):
        if k in memo:
            return memo[k]
        value = memo[k] = fib(k - 1) + fib(k - 2)
        return value

    return fib(n)
