// Execution models are open: the suite whose variants use a model declares it, with a
// line that says what runs the code. A new model ("python", "sycl") needs no change to
// the harness; `list` and `info` describe every declared model.
//
//   [[maybe_unused]] const auto declared =
//       declare_model({.name = "tbb", .description = "oneTBB task arenas"});
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "idiombench/registry.hpp"

namespace idiombench {

// How `--measure instructions` treats a model's variants.
enum class InstructionCounts {
  exact,        // one deterministic thread: the counts repeat exactly, compared as they are
  approximate,  // counted, but scheduling makes them vary (threads): tested like times
  uncountable,  // the work runs where the counter cannot see it (other processes, a GPU)
};

struct ModelSpec {
  std::string name;         // what a variant's .model says: lower case, digits, '_'
  std::string description;  // one line
  InstructionCounts instruction_counts = InstructionCounts::approximate;
};

// Several suites may declare the same model; the first description is kept. Aborts on a
// malformed name (registration runs before main).
Registration declare_model(ModelSpec spec);

// Every declared model, sorted by name.
std::vector<ModelSpec> declared_models();

// The declared model of that name, if any.
std::optional<ModelSpec> find_model(std::string_view name);

// Lower-case letters, digits and '_', starting with a letter; at most 32 characters.
bool well_formed_model_name(std::string_view name);

}  // namespace idiombench
