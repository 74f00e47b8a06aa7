// The execution models of the binary_data suite's variants, described for `list` and `info`.
#include "idiombench/support/models.hpp"

namespace idiombench::binary_data {
namespace {

[[maybe_unused]] const auto declared = {
    declare_model(support::models::serial),
};

}  // namespace
}  // namespace idiombench::binary_data
