"""iteration/chain_sum in Python: the source document's itertools.chain and
functools.reduce over a list of lists — sum over chain.from_iterable, reduce with
operator.add, a nested generator expression, and sum(map(sum, lists))."""

from functools import reduce
from itertools import chain
from operator import add


def py_chain_sum(lists):
    return sum(chain.from_iterable(lists))


def py_reduce_add(lists):
    return reduce(add, chain.from_iterable(lists), 0)


def py_nested_genexpr(lists):
    return sum(x for list_ in lists for x in list_)


def py_sum_map_sum(lists):
    return sum(map(sum, lists))
