// The execution models of the concurrency suite's variants, described for `list` and `info`.
#include "idiombench/shared_models.hpp"

namespace idiombench::concurrency {
namespace {

[[maybe_unused]] const auto declared = {
    declare_model(shared_models::serial),    declare_model(shared_models::threads),
    declare_model(shared_models::processes), declare_model(shared_models::async),
    declare_model(shared_models::openmp),    declare_model(shared_models::tbb),
};

}  // namespace
}  // namespace idiombench::concurrency
