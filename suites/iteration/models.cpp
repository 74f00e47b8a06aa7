// The execution models of the iteration suite's variants, described for `list` and `info`.
#include "idiombench/shared_models.hpp"

namespace idiombench::iteration {
namespace {

[[maybe_unused]] const auto declared = {
    declare_model(shared_models::serial),
};

}  // namespace
}  // namespace idiombench::iteration
