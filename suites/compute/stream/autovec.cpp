// compute stream/autovec: the plain loops, compiled at -O3 for the build machine's ISA
// (-march=native unless IDIOMBENCH_NATIVE=OFF) with `omp simd` honoured: the baseline.
#include "stream/serial_loops.hpp"

namespace idiombench::compute::stream {
namespace {

[[maybe_unused]] const auto registered = register_stream_variant<SerialLoops>("autovec", "simd");

}  // namespace
}  // namespace idiombench::compute::stream
