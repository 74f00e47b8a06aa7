// The execution models of the concurrency suite's variants, described for `list` and `info`.
#include "idiombench/support/models.hpp"

namespace idiombench::concurrency {
namespace {

[[maybe_unused]] const auto declared = {
    declare_model(support::models::serial),    declare_model(support::models::threads),
    declare_model(support::models::processes), declare_model(support::models::async),
    declare_model(support::models::openmp),    declare_model(support::models::tbb),
};

}  // namespace
}  // namespace idiombench::concurrency
