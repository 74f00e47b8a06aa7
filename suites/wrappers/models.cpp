// The execution models of the wrappers suite's variants, described for `list` and `info`.
#include "idiombench/support/models.hpp"

namespace idiombench::wrappers {
namespace {

[[maybe_unused]] const auto declared = {
    declare_model(support::models::serial),
};

}  // namespace
}  // namespace idiombench::wrappers
