// The execution models of the memoization suite's variants, described for `list` and `info`.
#include "idiombench/shared_models.hpp"

namespace idiombench::memoization {
namespace {

[[maybe_unused]] const auto declared = {
    declare_model(shared_models::serial),
    declare_model(shared_models::threads),
};

}  // namespace
}  // namespace idiombench::memoization
