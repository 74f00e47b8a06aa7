"""binary_data/zero_copy_slices in Python: slices of a large bytes object handed to a
function that reads their length and first and last bytes — as memoryview slices (no
copy), bytes slices (a copy each), and NumPy views (no copy, but an object each)."""

try:  # the NumPy variants need it; the others run without it
    import numpy as np
except ImportError:  # pragma: no cover - the NumPy variants are then unavailable
    np = None


def _summary(s):
    n = len(s)
    return n * 3 + s[0] * 31 + s[-1] if n else 0


def py_memoryview(buffer, slices):
    view = memoryview(buffer)
    total = 0
    for at, length in slices:
        total += _summary(view[at:at + length])
    return total


def py_bytes_slice(buffer, slices):
    total = 0
    for at, length in slices:
        total += _summary(buffer[at:at + length])
    return total


def py_numpy_view(buffer, slices):
    array = np.frombuffer(buffer, dtype=np.uint8)
    total = 0
    for at, length in slices:
        s = array[at:at + length]
        total += len(s) * 3 + int(s[0]) * 31 + int(s[-1]) if len(s) else 0
    return total
