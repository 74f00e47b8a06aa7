// Deliberately wrong variants, linked into concurrency_conformance only: each case's
// conformance must reject its mutant at one size at least (conformance_main checks).
// They are wrong deterministically, without a data race, so ThreadSanitizer runs them too.
#include <algorithm>
#include <atomic>

#include "cpu_map/case.hpp"
#include "ipc_roundtrip/case.hpp"
#include "queue_handoff/case.hpp"
#include "shared_counter/case.hpp"
#include "transfer_cost/case.hpp"

namespace idiombench::concurrency {
namespace {

// Results in the wrong order: what a pool that returns them as they finish gives.
cpu_map::Results out_of_order(std::span<const cpu_map::Task> tasks, cpu_map::TaskFunction f, int) {
  cpu_map::Results out(tasks.size());
  std::transform(tasks.begin(), tasks.end(), out.begin(), f);
  std::reverse(out.begin(), out.end());
  return out;
}

// The last reply never read.
ipc_roundtrip::Output loses_last_reply(std::uint64_t round_trips) {
  std::uint64_t messages = 0;
  for (std::uint64_t i = 0; i < round_trips; ++i) messages += (i + 1 == round_trips) ? 1 : 2;
  return messages;
}

// The last item never handed over.
queue_handoff::Output drops_last_item(const queue_handoff::Input& in) {
  queue_handoff::Output out;
  for (std::uint64_t i = 0; i + 1 < in.items; ++i)
    queue_handoff::consume(out, queue_handoff::item(i));
  return out;
}

// One increment of one thread lost, as an unprotected read-modify-write loses one.
shared_counter::Output loses_an_update(support::ThreadPool& pool, std::uint64_t increments) {
  std::atomic<shared_counter::Output> total{0};
  shared_counter::run_together(pool, [&](int worker) {
    total.fetch_add(worker == 0 && increments > 0 ? increments - 1 : increments,
                    std::memory_order_relaxed);
  });
  return total.load();
}

// The last byte never sent.
transfer_cost::Output truncates(const transfer_cost::Input& in) {
  const auto size = in.payload.size();
  return transfer_cost::checksum(in.payload.data(), size == 0 ? 0 : size - 1);
}

[[maybe_unused]] const auto mutants = {
    cpu_map::register_mapper<out_of_order>("mutant_out_of_order", "serial"),
    ipc_roundtrip::register_ping_pong("mutant_loses_last_reply", "serial", loses_last_reply),
    queue_handoff::register_handoff("mutant_drops_last_item", "serial", drops_last_item),
    shared_counter::register_counter("mutant_loses_an_update", loses_an_update),
    transfer_cost::register_transfer("mutant_truncates", truncates),
};

}  // namespace
}  // namespace idiombench::concurrency
