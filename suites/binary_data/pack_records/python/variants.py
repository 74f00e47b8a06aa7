"""binary_data/pack_records in Python: the records of records.hpp packed with
struct.Struct.pack_into one record at a time, with struct.pack and bytes.join, and as a
NumPy structured array assigned into a view of the buffer (the byte order is the
dtype's). Each writes the count and the records into `buffer` from `offset` and
returns the buffer."""

import struct

try:  # the NumPy variants need it; the others run without it
    import numpy as np
except ImportError:  # pragma: no cover - the NumPy variants are then unavailable
    np = None

RECORD = "IhBdQf"  # 27 bytes with "<" or ">": no padding


def _prefix(order):
    return "<" if order == "little" else ">"


def py_struct_pack_into(records, order, offset, buffer):
    record = struct.Struct(_prefix(order) + RECORD)
    struct.pack_into(_prefix(order) + "I", buffer, offset, len(records))
    pack_into, size = record.pack_into, record.size
    at = offset + 4
    for r in records:
        pack_into(buffer, at, *r)
        at += size
    return buffer


def py_struct_join(records, order, offset, buffer):
    pack = struct.Struct(_prefix(order) + RECORD).pack
    packed = struct.pack(_prefix(order) + "I", len(records)) + b"".join([pack(*r) for r in records])
    buffer[offset:offset + len(packed)] = packed
    return buffer


def _dtype(order):
    p = _prefix(order)
    return np.dtype([("id", p + "u4"), ("delta", p + "i2"), ("flags", "u1"), ("value", p + "f8"),
                     ("timestamp", p + "u8"), ("weight", p + "f4")])


def py_numpy_structured(array, order, offset, buffer):
    np.frombuffer(buffer, dtype=_prefix(order) + "u4", count=1, offset=offset)[0] = len(array)
    view = np.frombuffer(buffer, dtype=_dtype(order), count=len(array), offset=offset + 4)
    view[...] = array  # converts each field to the view's byte order
    return buffer
