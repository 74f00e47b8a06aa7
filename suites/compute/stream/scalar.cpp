// compute stream/scalar: the plain loops, with this file compiled without
// vectorisation (-fno-tree-vectorize -fno-tree-slp-vectorize, no -fopenmp-simd).
#include "stream/serial_loops.hpp"

namespace idiombench::compute::stream {
namespace {

[[maybe_unused]] const auto registered = register_stream_variant<SerialLoops>("scalar", "serial");

}  // namespace
}  // namespace idiombench::compute::stream
