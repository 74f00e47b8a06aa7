"""binary_data/aos_vs_soa in Python: NumPy arrays per field (views of the C++ struct of
arrays), a NumPy structured array (a view of the C++ array of structs), the `array`
module (one array('d') per field, Python's own copy), and a list of objects with
__slots__ (Python's array of structs). op: "sum_mass" or "set_positions" (px = vx * t,
py = vy * t, then their sum). `written(name)` gives px + py as the variant left them,
for the verification run."""

from array import array

try:  # the NumPy variants need it; the others run without it
    import numpy as np
except ImportError:  # pragma: no cover - the NumPy variants are then unavailable
    np = None

TIME_STEP = 0.125
_LAST = {}


def py_numpy_soa(op, px, py, vx, vy, mass):
    if op == "sum_mass":
        return float(mass.sum())
    np.multiply(vx, TIME_STEP, out=px)
    np.multiply(vy, TIME_STEP, out=py)
    return float(px.sum() + py.sum())


def py_numpy_structured(op, particles):
    if op == "sum_mass":
        return float(particles["mass"].sum())
    particles["px"] = particles["vx"] * TIME_STEP
    particles["py"] = particles["vy"] * TIME_STEP
    return float(particles["px"].sum() + particles["py"].sum())


def make_arrays(px, py, vx, vy, mass):
    return tuple(array("d", field) for field in (px, py, vx, vy, mass))


def py_array_module(op, fields):
    px, py, vx, vy, mass = fields
    _LAST["py_array_module"] = fields
    if op == "sum_mass":
        return sum(mass)
    total = 0.0
    for i in range(len(px)):
        px[i] = x = vx[i] * TIME_STEP
        py[i] = y = vy[i] * TIME_STEP
        total += x + y
    return total


class Particle:
    __slots__ = ("px", "py", "vx", "vy", "mass")

    def __init__(self, px, py, vx, vy, mass):
        self.px, self.py, self.vx, self.vy, self.mass = px, py, vx, vy, mass


def make_objects(px, py, vx, vy, mass):
    columns = (px.tolist(), py.tolist(), vx.tolist(), vy.tolist(), mass.tolist())
    return [Particle(*fields) for fields in zip(*columns)]


def py_list_of_objects(op, particles):
    _LAST["py_list_of_objects"] = particles
    if op == "sum_mass":
        return sum(p.mass for p in particles)
    total = 0.0
    for p in particles:
        p.px = x = p.vx * TIME_STEP
        p.py = y = p.vy * TIME_STEP
        total += x + y
    return total


def written(name):
    kept = _LAST[name]
    if name == "py_array_module":
        return sum(kept[0]) + sum(kept[1])
    return sum(p.px + p.py for p in kept)
