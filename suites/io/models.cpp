// The execution models of the io suite's variants, described for `list` and `info`.
#include "idiombench/shared_models.hpp"

namespace idiombench::io {
namespace {

[[maybe_unused]] const auto declared = {
    declare_model(shared_models::serial),
    declare_model(shared_models::threads),
    declare_model(shared_models::processes),
    declare_model(shared_models::async),
};

}  // namespace
}  // namespace idiombench::io
