// One line per cpu_map variant file: registers map function `Map` as variant `name`.
#pragma once

#include <string>

#include "cpu_map/case.hpp"
#include "cpu_map/mappers.hpp"

namespace idiombench::concurrency::cpu_map {

template <Results (*Map)(std::span<const Task>, TaskFunction, int)>
Registration register_mapper(const std::string& name, const std::string& model,
                             std::function<std::string()> why_unavailable = {}) {
  if (!why_unavailable) why_unavailable = [] { return std::string(); };
  return the_case().add_variant(
      {.name = name,
       .model = model,
       .run = [](const Input& in) { return Map(in.tasks, run_task, in.workers); },
       .why_unavailable = why_unavailable});
}

}  // namespace idiombench::concurrency::cpu_map
