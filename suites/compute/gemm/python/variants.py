"""compute/gemm in Python: C = A B for n x n float64 matrices. NumPy's matmul (the BLAS
dgemm NumPy is linked with, writing into C), numba @njit with the i-k-j loop order (unit
stride inner loop, which LLVM vectorises), and pure Python on lists of rows (each entry a
sum over a row of A and a column of B: the fastest the interpreter does it without NumPy).
A, B and C are NumPy views of the C++ buffers; py_loops gets lists and returns rows."""

from operator import mul

try:
    import numpy as np
except ImportError:
    np = None

try:
    from numba import njit
except ImportError:
    def njit(*args, **kwargs):
        return lambda function: function


def py_numpy(a, b, c):
    return np.matmul(a, b, out=c)


@njit
def _ikj(a, b, c):
    n = a.shape[0]
    c[:, :] = 0.0
    for i in range(n):
        for k in range(n):
            aik = a[i, k]
            for j in range(n):
                c[i, j] += aik * b[k, j]


def py_numba(a, b, c):
    _ikj(a, b, c)
    return c


def py_loops(a_rows, b_rows):
    columns = list(zip(*b_rows))
    return [[sum(map(mul, row, column)) for column in columns] for row in a_rows]
