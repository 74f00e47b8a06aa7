// The execution models of the binary_data suite's variants, described for `list` and `info`.
#include "idiombench/shared_models.hpp"

namespace idiombench::binary_data {
namespace {

[[maybe_unused]] const auto declared = {
    declare_model(shared_models::serial),
};

}  // namespace
}  // namespace idiombench::binary_data
