#include "idiombench/support/measure_mode.hpp"

#if IDIOMBENCH_HAVE_VALGRIND_HEADER
#include <valgrind/valgrind.h>
#endif

namespace idiombench::support {

bool counting_instructions() {
#if IDIOMBENCH_HAVE_VALGRIND_HEADER
  return RUNNING_ON_VALGRIND != 0;
#else
  return false;
#endif
}

}  // namespace idiombench::support
