"""concurrency/transfer_cost in Python: a payload goes to a worker process, which reads all
of it (the C++ checksum: the 8-byte words weighted 2i + 1, then the tail bytes, modulo
2**64, with NumPy so that it keeps up with memory) and answers:

- py_pipe: multiprocessing.Pipe, the payload sent as bytes (send_bytes / recv_bytes);
- py_shared_memory: multiprocessing.shared_memory, the payload copied into a block both
  processes map (the worker is forked after the block is made, so it inherits the mapping;
  the name is unlinked at once, so nothing is left behind), and only its size sent.

Each worker is started on the first call (the untimed one) and kept for the process, as a
program keeps its pool and as the C++ workers are kept."""

import ctypes
import multiprocessing
import os
import signal
from multiprocessing import shared_memory

try:
    import numpy as np
except ImportError:
    np = None

MASK = (1 << 64) - 1
_context = multiprocessing.get_context("fork")
_weights = {}


def checksum(buffer, size):
    words = size // 8
    weights = _weights.get(words)
    if weights is None:
        _weights.clear()
        weights = _weights[words] = np.arange(1, 2 * words, 2, dtype=np.uint64)
    packed = np.frombuffer(buffer, dtype="<u8", count=words)
    total = int(np.dot(packed, weights)) if words else 0  # uint64 arithmetic wraps
    tail = bytes(buffer[words * 8:size])
    for i, byte in enumerate(tail, start=words * 8):
        total += byte << (8 * (i % 8))
    return total & MASK


def _die_with_parent():
    """At a worker's start: the kernel ends the worker when the process that made it ends.
    An embedded interpreter is never finalised, so nothing shuts the pools down at exit,
    and a worker left behind would hold its parent's pipes (and a test runner) open."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the worker lives on
        return
    if os.getppid() != _parent:  # the parent ended before prctl
        os._exit(0)


_parent = os.getpid()


def _pipe_worker(connection, parent_end):
    _die_with_parent()
    parent_end.close()  # so that the parent's exit reads as EOF here
    try:
        while True:
            data = connection.recv_bytes()
            connection.send(checksum(data, len(data)))
    except EOFError:  # the parent is gone
        pass


def _shared_memory_worker(connection, parent_end, block):
    _die_with_parent()
    parent_end.close()
    try:
        while True:
            size = connection.recv()
            connection.send(checksum(block.buf, size))
    except EOFError:
        pass


_workers = {}


def _worker(kind, size):
    worker = _workers.get(kind)
    if worker is not None and worker["capacity"] >= size and worker["process"].is_alive():
        return worker
    if worker is not None:
        worker["connection"].close()
        worker["process"].join()
    ours, theirs = _context.Pipe()
    worker = {"connection": ours, "capacity": size}
    if kind == "pipe":
        worker["process"] = _context.Process(target=_pipe_worker, args=(theirs, ours), daemon=True)
        worker["process"].start()
    else:
        block = shared_memory.SharedMemory(create=True, size=max(1, size))
        worker["block"] = block
        worker["process"] = _context.Process(target=_shared_memory_worker, args=(theirs, ours, block),
                                             daemon=True)
        worker["process"].start()
        block.unlink()  # both processes map it; the name is no longer needed
    theirs.close()
    _workers[kind] = worker
    return worker


def py_pipe(payload):
    worker = _worker("pipe", len(payload))
    worker["connection"].send_bytes(payload)
    return worker["connection"].recv()


def py_shared_memory(payload):
    worker = _worker("shared_memory", len(payload))
    worker["block"].buf[:len(payload)] = payload
    worker["connection"].send(len(payload))
    return worker["connection"].recv()
