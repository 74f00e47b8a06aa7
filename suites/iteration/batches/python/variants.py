"""iteration/batches in Python: the source document's stream_batches(items, size), consumed
batch by batch. The consumer folds each batch's length and sum, in order, into one 64-bit
number (the C++ fold_batch, with the wrap-around written as a mask)."""

from itertools import islice

MASK = (1 << 64) - 1


def fold(acc, batch):
    return (acc * 1000003 + len(batch) * 0x9E3779B97F4A7C15 + (sum(batch) & MASK)) & MASK


def stream_batches(items, size):
    """The document's generator: fill a list, yield it when full, yield the rest at the end."""
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def islice_batches(items, size):
    """What an expert writes since Python 3.12's itertools.batched: islice in a loop."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def py_generator(values, size):
    acc = 0
    for batch in stream_batches(values, size):
        acc = fold(acc, batch)
    return acc


def py_islice(values, size):
    acc = 0
    for batch in islice_batches(values, size):
        acc = fold(acc, batch)
    return acc


def py_slices(values, size):
    """Eager: list slicing by index, every batch a new list."""
    acc = 0
    for start in range(0, len(values), size):
        acc = fold(acc, values[start:start + size])
    return acc
