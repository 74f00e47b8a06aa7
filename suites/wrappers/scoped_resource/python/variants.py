"""wrappers/scoped_resource in Python: the source document's managed_resource as a
contextlib.contextmanager, as a class with __enter__/__exit__, as try/finally and through
contextlib.ExitStack. Each walks the plan of case.hpp: scope i nests `depth` resources,
the innermost uses its own, then raises (every throw_every-th), returns early (every
return_every-th) or uses it again. The pool counts what C++'s Pool counts."""

from contextlib import ExitStack, contextmanager


class ScopeFailure(Exception):
    pass


class Pool:
    def __init__(self, size):
        self.releases = [0] * size
        self.opened = 0
        self.released = 0
        self.uses = 0
        self.release_order = 0
        self.exceptions = 0

    def acquire(self):
        self.opened += 1
        return self.opened  # ids from 1, as in C++

    def release(self, slot):
        self.releases[slot - 1] += 1
        self.released += 1
        self.release_order += self.released * slot

    def finish(self):
        twice = sum(1 for r in self.releases if r > 1)
        never = sum(1 for r in self.releases[: self.opened] if r == 0)
        return (self.opened, self.released, twice, never, self.uses, self.release_order,
                self.exceptions)


def _innermost(pool, slot, i, throw_every, return_every):
    """The innermost scope's body; True when it returns early."""
    pool.uses += slot
    if throw_every and i % throw_every == throw_every - 1:
        raise ScopeFailure()
    if return_every and i % return_every == return_every - 1:
        return True
    pool.uses += slot
    return False


def _walk(scope, scopes, depth, throw_every, return_every):
    pool = Pool(scopes * depth)
    for i in range(scopes):
        try:
            scope(pool, i, depth, throw_every, return_every)
        except ScopeFailure:
            pool.exceptions += 1
    return pool.finish()


@contextmanager
def managed_resource(pool):
    slot = pool.acquire()
    try:
        yield slot
    finally:
        pool.release(slot)


def _scope_contextmanager(pool, i, depth, throw_every, return_every):
    with managed_resource(pool) as slot:
        if depth > 1:
            return _scope_contextmanager(pool, i, depth - 1, throw_every, return_every)
        if _innermost(pool, slot, i, throw_every, return_every):
            return


class ManagedResource:
    __slots__ = ("pool", "slot")

    def __init__(self, pool):
        self.pool = pool

    def __enter__(self):
        self.slot = self.pool.acquire()
        return self.slot

    def __exit__(self, exc_type, exc, traceback):
        self.pool.release(self.slot)
        return False


def _scope_class(pool, i, depth, throw_every, return_every):
    with ManagedResource(pool) as slot:
        if depth > 1:
            return _scope_class(pool, i, depth - 1, throw_every, return_every)
        if _innermost(pool, slot, i, throw_every, return_every):
            return


def _scope_try_finally(pool, i, depth, throw_every, return_every):
    slot = pool.acquire()
    try:
        if depth > 1:
            return _scope_try_finally(pool, i, depth - 1, throw_every, return_every)
        if _innermost(pool, slot, i, throw_every, return_every):
            return
    finally:
        pool.release(slot)


def _scope_exit_stack(pool, i, depth, throw_every, return_every):
    # One ExitStack holds the whole nest: callbacks run last in, first out.
    with ExitStack() as stack:
        slot = 0
        for _ in range(depth):
            slot = pool.acquire()
            stack.callback(pool.release, slot)
        if _innermost(pool, slot, i, throw_every, return_every):
            return


def py_contextmanager(scopes, depth, throw_every, return_every):
    return _walk(_scope_contextmanager, scopes, depth, throw_every, return_every)


def py_enter_exit_class(scopes, depth, throw_every, return_every):
    return _walk(_scope_class, scopes, depth, throw_every, return_every)


def py_try_finally(scopes, depth, throw_every, return_every):
    return _walk(_scope_try_finally, scopes, depth, throw_every, return_every)


def py_exit_stack(scopes, depth, throw_every, return_every):
    return _walk(_scope_exit_stack, scopes, depth, throw_every, return_every)
