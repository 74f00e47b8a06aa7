// concurrency/ipc_roundtrip: ping-pong between two processes (or threads). What does one
// round trip cost through each channel: the latency floor of any request/response.
#pragma once

#include <cstdint>

#include "idiombench/case.hpp"

namespace idiombench::concurrency::ipc_roundtrip {

struct Input {
  std::uint64_t round_trips = 0;
};
// Each side adds one to the number it receives and sends it back: after n round trips
// the number is 2n, and a lost or duplicated message shows.
using Output = std::uint64_t;

// A variant: `round_trips` ping-pongs starting from 0; returns the final number.
using PingPong = Output (*)(std::uint64_t round_trips);

Case<Input, Output>& the_case();
Registration register_ping_pong(const std::string& name, const std::string& model, PingPong run);

}  // namespace idiombench::concurrency::ipc_roundtrip
