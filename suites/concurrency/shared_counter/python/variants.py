"""concurrency/shared_counter in Python: `threads` threads each add 1 to a shared total
`increments` times, under a threading.Lock, and each counting alone then adding its count
under the lock once. All start together at a barrier, as the C++ workers do."""

import threading


def _run_together(threads, work):
    barrier = threading.Barrier(threads)

    def body():
        barrier.wait()
        work()

    workers = [threading.Thread(target=body) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def py_lock(threads, increments):
    lock = threading.Lock()
    total = 0

    def work():
        nonlocal total
        for _ in range(increments):
            with lock:
                total += 1

    _run_together(threads, work)
    return total


def py_local_then_combine(threads, increments):
    lock = threading.Lock()
    total = 0

    def work():
        nonlocal total
        count = 0
        for _ in range(increments):
            count += 1
        with lock:
            total += count

    _run_together(threads, work)
    return total
