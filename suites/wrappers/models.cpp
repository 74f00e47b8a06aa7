// The execution models of the wrappers suite's variants, described for `list` and `info`.
#include "idiombench/shared_models.hpp"

namespace idiombench::wrappers {
namespace {

[[maybe_unused]] const auto declared = {
    declare_model(shared_models::serial),
};

}  // namespace
}  // namespace idiombench::wrappers
