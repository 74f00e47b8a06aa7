// compute/launch: what one kernel launch and the wait for it cost on a device, the floor
// under every small-n row of the device models (a kernel that stores one token).
#pragma once

#include "idiombench/case.hpp"

namespace idiombench::compute::launch {

struct Token {
  int value = 0;
};

Case<Token, int>& the_case();

}  // namespace idiombench::compute::launch
