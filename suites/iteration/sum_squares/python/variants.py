"""iteration/sum_squares in Python: sum(x * x for x in values), the sequence produced five
ways. Each function gets the values as a list of ints (py_numpy: an int64 array) and
returns the sum; the consumer is the built-in sum(), as a Python programmer writes it."""

try:
    import numpy as np
except ImportError:  # py_numpy is skipped (it declares that it needs numpy)
    np = None


class Squares:
    """The iterator protocol written out: __iter__ returns self, __next__ gives the next
    square and lets the underlying iterator's StopIteration end the loop."""

    __slots__ = ("_values",)

    def __init__(self, values):
        self._values = iter(values)

    def __iter__(self):
        return self

    def __next__(self):
        x = next(self._values)
        return x * x


def squares(values):
    for x in values:
        yield x * x


def py_iterator_class(values):
    return sum(Squares(values))


def py_generator(values):
    return sum(squares(values))


def py_genexpr(values):
    return sum(x * x for x in values)


def py_list_eager(values):
    return sum([x * x for x in values])


def py_numpy(array):
    # int64 elements: the squares and their sum do not overflow (|x| <= 30000).
    return int(np.dot(array, array))
