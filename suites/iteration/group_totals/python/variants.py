"""iteration/group_totals in Python: the source document's itertools.groupby, keyed by
operator.itemgetter or by a lambda, totalled with sum(map(itemgetter(1), run)) or
functools.reduce; and the plain loop that tracks the current key. Sales are (key,
amount) tuples sorted by key; each returns [(key, total), ...], one per run."""

from functools import reduce
from itertools import groupby
from operator import itemgetter

KEY, AMOUNT = itemgetter(0), itemgetter(1)


def py_groupby_itemgetter(sales):
    return [(key, sum(map(AMOUNT, run))) for key, run in groupby(sales, key=KEY)]


def py_groupby_reduce_lambda(sales):
    return [(key, reduce(lambda total, sale: total + sale[1], run, 0))
            for key, run in groupby(sales, key=lambda sale: sale[0])]


def py_loop(sales):
    totals = []
    current, total = None, 0
    for key, amount in sales:
        if key != current:
            if current is not None:
                totals.append((current, total))
            current, total = key, 0
        total += amount
    if current is not None:
        totals.append((current, total))
    return totals
