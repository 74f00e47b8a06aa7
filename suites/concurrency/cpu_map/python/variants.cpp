// cpu_map in Python (variants.py beside this file): sequential map, a thread per task,
// ThreadPoolExecutor, multiprocessing.Pool and ProcessPoolExecutor over a task function
// written in Python. The tasks become a list of (seed, rounds) tuples before timing.
#include <pybind11/stl.h>

#include "cpu_map/case.hpp"
#include "idiombench/python/variant.hpp"

namespace idiombench::concurrency::cpu_map {
namespace {

namespace py = pybind11;

auto python_variant(std::string name) {
  return python::variant<Input, Results>({
      .name = std::move(name),
      .module = "concurrency_cpu_map",
      .arguments =
          [](const Input& in, const Params&) {
            py::list tasks;
            for (const auto& task : in.tasks) tasks.append(py::make_tuple(task.seed, task.rounds));
            return py::make_tuple(tasks, std::max(1, in.workers));
          },
      .output = [](py::handle result, const auto&) { return result.cast<Results>(); },
  });
}

[[maybe_unused]] const auto registered = {
    the_case().add_variant(python_variant("py_sequential")),
    the_case().add_variant(python_variant("py_thread_per_task")),
    the_case().add_variant(python_variant("py_thread_pool")),
    the_case().add_variant(python_variant("py_process_pool")),
    the_case().add_variant(python_variant("py_process_pool_executor")),
};

// Each Python idiom beside the C++ variant that does the same thing (reports compare
// the two like with like, and the fastest C++ variant separately).
[[maybe_unused]] const auto paired = {
    the_case().counterparts({{"py_sequential", "sequential"},
                             {"py_thread_per_task", "thread_per_task"},
                             {"py_thread_pool", "thread_pool"},
                             {"py_process_pool", "process_pool_pipe"},
                             {"py_process_pool_executor", "process_pool_pipe"}}),
};

}  // namespace
}  // namespace idiombench::concurrency::cpu_map
