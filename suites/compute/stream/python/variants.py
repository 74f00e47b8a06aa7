"""compute/{copy,scale,add,triad,dot} in Python: NumPy (whole-array operations writing into
the output with out=, no temporaries), numba @njit loops (one thread, one pass), numba
parallel=True with prange on `threads` threads, numba.cuda (skipped without a device), and
pure Python on lists for triad and dot (timed up to 2**20 elements).
The arrays are NumPy views of the C++ buffers (no copy): every variant reads the same memory
the C++ variants read and writes the same output they write. Functions are named
<case>_<variant>; the map functions return the output, dot returns the sum."""

from operator import mul

try:
    import numpy as np
except ImportError:
    np = None

try:
    import numba
    from numba import njit, prange
except ImportError:  # the numba variants are skipped (they declare that they need numba)
    numba = None

    def njit(*args, **kwargs):
        return lambda function: function

    prange = range


# --- NumPy ---------------------------------------------------------------------------

def copy_py_numpy(x, y, out, scalar, threads):
    np.copyto(out, x)
    return out


def scale_py_numpy(x, y, out, scalar, threads):
    return np.multiply(x, scalar, out=out)


def add_py_numpy(x, y, out, scalar, threads):
    return np.add(x, y, out=out)


def triad_py_numpy(x, y, out, scalar, threads):
    # Two passes (NumPy has no fused multiply-add over arrays), but no temporary array.
    np.multiply(y, scalar, out=out)
    return np.add(out, x, out=out)


def dot_py_numpy(x, y, out, scalar, threads):
    return float(np.dot(x, y))


# --- pure Python, on lists -------------------------------------------------------------

def triad_py_loops(x, y, scalar):
    return [a + scalar * b for a, b in zip(x, y)]


def dot_py_loops(x, y, scalar):
    return sum(map(mul, x, y))


# --- numba, one thread ---------------------------------------------------------------

@njit
def _copy(x, out):
    for i in range(x.size):
        out[i] = x[i]


@njit
def _scale(x, out, scalar):
    for i in range(x.size):
        out[i] = scalar * x[i]


@njit
def _add(x, y, out):
    for i in range(x.size):
        out[i] = x[i] + y[i]


@njit
def _triad(x, y, out, scalar):
    for i in range(x.size):
        out[i] = x[i] + scalar * y[i]


@njit(fastmath=True)  # lets the sum be reordered, hence vectorised, as -ffast-math would
def _dot(x, y):
    total = 0.0
    for i in range(x.size):
        total += x[i] * y[i]
    return total


def copy_py_numba(x, y, out, scalar, threads):
    _copy(x, out)
    return out


def scale_py_numba(x, y, out, scalar, threads):
    _scale(x, out, scalar)
    return out


def add_py_numba(x, y, out, scalar, threads):
    _add(x, y, out)
    return out


def triad_py_numba(x, y, out, scalar, threads):
    _triad(x, y, out, scalar)
    return out


def dot_py_numba(x, y, out, scalar, threads):
    return _dot(x, y)


# --- numba, parallel=True ------------------------------------------------------------

@njit(parallel=True)
def _copy_parallel(x, out):
    for i in prange(x.size):
        out[i] = x[i]


@njit(parallel=True)
def _scale_parallel(x, out, scalar):
    for i in prange(x.size):
        out[i] = scalar * x[i]


@njit(parallel=True)
def _add_parallel(x, y, out):
    for i in prange(x.size):
        out[i] = x[i] + y[i]


@njit(parallel=True)
def _triad_parallel(x, y, out, scalar):
    for i in prange(x.size):
        out[i] = x[i] + scalar * y[i]


@njit(parallel=True, fastmath=True)
def _dot_parallel(x, y):
    total = 0.0
    for i in prange(x.size):
        total += x[i] * y[i]
    return total


def _threads(threads):
    numba.set_num_threads(max(1, min(threads, numba.config.NUMBA_NUM_THREADS)))


def copy_py_numba_parallel(x, y, out, scalar, threads):
    _threads(threads)
    _copy_parallel(x, out)
    return out


def scale_py_numba_parallel(x, y, out, scalar, threads):
    _threads(threads)
    _scale_parallel(x, out, scalar)
    return out


def add_py_numba_parallel(x, y, out, scalar, threads):
    _threads(threads)
    _add_parallel(x, y, out)
    return out


def triad_py_numba_parallel(x, y, out, scalar, threads):
    _threads(threads)
    _triad_parallel(x, y, out, scalar)
    return out


def dot_py_numba_parallel(x, y, out, scalar, threads):
    _threads(threads)
    return _dot_parallel(x, y)


# --- numba.cuda ----------------------------------------------------------------------

def cuda_unavailable_reason():
    """Empty when numba.cuda can use a device here; otherwise why not."""
    try:
        from numba import cuda
    except ImportError as error:
        return f"numba.cuda cannot be imported: {error}"
    try:
        if cuda.is_available():
            return ""
    except Exception as error:  # a broken driver says so in many ways
        return f"numba.cuda: {error}"
    return "numba.cuda finds no CUDA device (or no driver)"


_cuda_kernels = {}


def _cuda_triad_kernel():
    if "triad" not in _cuda_kernels:
        from numba import cuda

        @cuda.jit
        def triad(x, y, out, scalar):
            i = cuda.grid(1)
            if i < x.size:
                out[i] = x[i] + scalar * y[i]

        _cuda_kernels["triad"] = triad
    return _cuda_kernels["triad"]


_device_arrays = {}


def triad_py_numba_cuda(x, y, out, scalar, threads):
    """The kernel on device copies of x and y made on the first call (the untimed one), as
    the C++ CUDA variants keep theirs; returns the device output, which the verification
    run copies back (as the C++ CUDA variants bring theirs back only then)."""
    from numba import cuda
    key = (x.ctypes.data, y.ctypes.data, out.ctypes.data, x.size)
    if key not in _device_arrays:
        _device_arrays.clear()
        _device_arrays[key] = (cuda.to_device(x), cuda.to_device(y), cuda.device_array_like(out))
    dx, dy, dout = _device_arrays[key]
    block = 256
    _cuda_triad_kernel()[(x.size + block - 1) // block, block](dx, dy, dout, scalar)
    cuda.synchronize()
    return dout
