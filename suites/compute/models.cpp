// The execution models of the compute suite's variants, described for `list` and `info`.
#include "idiombench/shared_models.hpp"

namespace idiombench::compute {
namespace {

[[maybe_unused]] const auto declared = {
    declare_model(shared_models::serial),  declare_model(shared_models::simd),
    declare_model(shared_models::threads), declare_model(shared_models::openmp),
    declare_model(shared_models::tbb),     declare_model(shared_models::kokkos),
    declare_model(shared_models::cuda),    declare_model(shared_models::kokkos_cuda),
};

}  // namespace
}  // namespace idiombench::compute
