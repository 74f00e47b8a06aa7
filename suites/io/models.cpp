// The execution models of the io suite's variants, described for `list` and `info`.
#include "idiombench/support/models.hpp"

namespace idiombench::io {
namespace {

[[maybe_unused]] const auto declared = {
    declare_model(support::models::serial),
    declare_model(support::models::threads),
    declare_model(support::models::processes),
    declare_model(support::models::async),
};

}  // namespace
}  // namespace idiombench::io
