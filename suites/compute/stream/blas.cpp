// compute stream/blas: what a user would call instead of writing a loop: OpenBLAS's
// cblas_dcopy (copy) and cblas_ddot (dot), with its thread count set per call. BLAS has
// no out-of-place scale, add or triad, so those cases have no blas variant.
#include <cblas.h>

#include "stream/case.hpp"

namespace idiombench::compute::stream {
namespace {

[[maybe_unused]] const auto registered = {
    copy_case().add_variant({.name = "blas",
                             .model = "threads",
                             .run =
                                 [](const Arrays& a) {
                                   openblas_set_num_threads(a.threads);
                                   cblas_dcopy(static_cast<int>(a.x.size()), a.x.data(), 1,
                                               a.out.data(), 1);
                                   return View(a.out);
                                 }}),
    dot_case().add_variant({.name = "blas",
                            .model = "threads",
                            .run =
                                [](const Arrays& a) {
                                  openblas_set_num_threads(a.threads);
                                  return cblas_ddot(static_cast<int>(a.x.size()), a.x.data(), 1,
                                                    a.y.data(), 1);
                                }}),
};

}  // namespace
}  // namespace idiombench::compute::stream
