"""concurrency/cpu_map in Python: the source document's Pool.map of a pure CPU-bound
function, written in Python (the C++ cpu_work, round for round, with the 64-bit wrap
written as a mask), mapped sequentially, by a thread per task, by a ThreadPoolExecutor, by
multiprocessing.Pool and by a ProcessPoolExecutor. The GIL lets one thread run Python at a
time: the threads cannot beat sequential; the processes can. Pools are kept for the
process, one per worker count, as a program keeps its pool (and as the C++ pools are)."""

import ctypes
import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

MASK = (1 << 64) - 1


def cpu_work(seed, rounds):
    x = seed
    for _ in range(rounds):
        x = (x + 0x9E3779B97F4A7C15) & MASK
        x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
        x ^= x >> 31
    return x


def run_task(task):
    seed, rounds = task
    return cpu_work(seed, rounds)


def _die_with_parent():
    """Worker initializer: the kernel ends the worker when the process that made it ends.
    An embedded interpreter is never finalised, so nothing shuts the pools down at exit,
    and a worker left behind would hold its parent's pipes (and a test runner) open."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the worker lives on
        return
    if os.getppid() != _parent:  # the parent ended before prctl
        os._exit(0)


_parent = os.getpid()


_pools = {}


def _pool(kind, workers):
    """The pool of that kind and size, made on first use (the untimed verification call)."""
    pool = _pools.get((kind, workers))
    if pool is None:
        if kind == "thread_pool":
            pool = ThreadPoolExecutor(max_workers=workers)
        elif kind == "process_pool":
            pool = multiprocessing.get_context("fork").Pool(workers, initializer=_die_with_parent)
        else:
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                       initializer=_die_with_parent)
        _pools[(kind, workers)] = pool
    return pool


def _chunksize(tasks, workers):
    # What Pool.map computes itself: about four chunks per worker.
    return max(1, len(tasks) // (4 * workers))


def py_sequential(tasks, workers):
    return list(map(run_task, tasks))


def py_thread_per_task(tasks, workers):
    results = [None] * len(tasks)

    def one(i):
        results[i] = run_task(tasks[i])

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(tasks))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def py_thread_pool(tasks, workers):
    return list(_pool("thread_pool", workers).map(run_task, tasks))


def py_process_pool(tasks, workers):
    return _pool("process_pool", workers).map(run_task, tasks, _chunksize(tasks, workers))


def py_process_pool_executor(tasks, workers):
    pool = _pool("process_pool_executor", workers)
    return list(pool.map(run_task, tasks, chunksize=_chunksize(tasks, workers)))
