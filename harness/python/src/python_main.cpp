// idiombench-python: the interpreter the python model embeds (the same libpython, linked
// the same way), as a command. `idiombench-python -m timeit ...` times a function on the
// very CPython build the harness runs it on (suites/python_timeit_check.py uses it).
#include <Python.h>

int main(int argc, char** argv) {
  return Py_BytesMain(argc, argv);
}
