// The execution models of the compute suite's variants, described for `list` and `info`.
#include "idiombench/support/models.hpp"

namespace idiombench::compute {
namespace {

[[maybe_unused]] const auto declared = {
    declare_model(support::models::serial),  declare_model(support::models::simd),
    declare_model(support::models::threads), declare_model(support::models::openmp),
    declare_model(support::models::tbb),     declare_model(support::models::kokkos),
    declare_model(support::models::cuda),    declare_model(support::models::kokkos_cuda),
};

}  // namespace
}  // namespace idiombench::compute
