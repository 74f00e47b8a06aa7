"""wrappers/call_through_wrapper in Python: the source document's small function called
plainly, through a functools.wraps decorator, through functools.partial, through a class
with __call__, and through the document's `timed` decorator (keeping the total instead
of printing it). Each sums the results modulo 2**64, as the C++ variants do."""

from functools import partial, wraps
from time import perf_counter

MASK = (1 << 64) - 1


def small_function(x, salt):
    x ^= salt
    x ^= x >> 31
    return (x * 0x9E3779B97F4A7C15) & MASK


def decorated(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


class Decorated:
    """The decorator as a class: the instance wraps the function and is called instead."""

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, *args, **kwargs):
        return self.fn(*args, **kwargs)


class CallTimes:
    def __init__(self):
        self.calls = 0
        self.total = 0.0


def timed(fn, times):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        start = perf_counter()
        result = fn(*args, **kwargs)
        times.total += perf_counter() - start
        times.calls += 1
        return result

    return wrapper


def _sum_of_calls(f, arguments, salt):
    total = 0
    for x in arguments:
        total += f(x, salt)
    return total & MASK


def py_plain(arguments, salt):
    return _sum_of_calls(small_function, arguments, salt)


def py_wraps_decorator(arguments, salt):
    return _sum_of_calls(decorated(small_function), arguments, salt)


def py_callable_class(arguments, salt):
    return _sum_of_calls(Decorated(small_function), arguments, salt)


def py_partial(arguments, salt):
    f = partial(small_function, salt=salt)
    total = 0
    for x in arguments:
        total += f(x)
    return total & MASK


def py_timed_decorator(arguments, salt):
    times = CallTimes()
    result = _sum_of_calls(timed(small_function, times), arguments, salt)
    assert times.calls == len(arguments)
    return result
