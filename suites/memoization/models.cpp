// The execution models of the memoization suite's variants, described for `list` and `info`.
#include "idiombench/support/models.hpp"

namespace idiombench::memoization {
namespace {

[[maybe_unused]] const auto declared = {
    declare_model(support::models::serial),
    declare_model(support::models::threads),
};

}  // namespace
}  // namespace idiombench::memoization
