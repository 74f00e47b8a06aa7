"""binary_data/parse_records in Python: the count, then the records, with
struct.unpack_from per record, with struct.Struct.iter_unpack over a memoryview, and
with numpy.frombuffer and a structured dtype, converted to the machine's byte order. A
buffer shorter than its count needs is an error in each (struct.error, a length check,
numpy's ValueError): they return None."""

import struct

try:  # the NumPy variants need it; the others run without it
    import numpy as np
except ImportError:  # pragma: no cover - the NumPy variants are then unavailable
    np = None

RECORD = "IhBdQf"


def _prefix(order):
    return "<" if order == "little" else ">"


def py_struct_unpack_from(buffer, order, offset):
    record = struct.Struct(_prefix(order) + RECORD)
    try:
        (count,) = struct.unpack_from(_prefix(order) + "I", buffer, offset)
        if len(buffer) - offset - 4 < count * record.size:
            return None
        unpack_from, size = record.unpack_from, record.size
        return [unpack_from(buffer, offset + 4 + i * size) for i in range(count)]
    except struct.error:
        return None


def py_struct_iter_unpack(buffer, order, offset):
    record = struct.Struct(_prefix(order) + RECORD)
    view = memoryview(buffer)[offset:]
    if len(view) < 4:
        return None
    (count,) = struct.unpack_from(_prefix(order) + "I", view)
    body = view[4:4 + count * record.size]
    if len(body) < count * record.size:
        return None
    return list(record.iter_unpack(body))


def py_numpy_frombuffer(buffer, order, offset):
    p = _prefix(order)
    dtype = np.dtype([("id", p + "u4"), ("delta", p + "i2"), ("flags", "u1"), ("value", p + "f8"),
                      ("timestamp", p + "u8"), ("weight", p + "f4")])
    try:
        count = int(np.frombuffer(buffer, dtype=p + "u4", count=1, offset=offset)[0])
        view = np.frombuffer(buffer, dtype=dtype, count=count, offset=offset + 4)
    except ValueError:
        return None
    # The view alone parses nothing: the records in the machine's order, as C++ makes them.
    return view.astype(dtype.newbyteorder("="))
