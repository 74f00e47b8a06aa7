#include "shared_counter/case.hpp"

#include <barrier>

namespace idiombench::concurrency::shared_counter {

Case<Input, Output>& the_case() {
  static auto& c = define_case<Input, Output>({
      .name = "shared_counter",
      .question = "Threads all adding to one total: what does each way of protecting it "
                  "(mutex, spinlock, atomics, per-thread slots) cost under contention?",
      .make_input =
          [](const Params& p) {
            return Input{static_cast<int>(p.integer("threads")),
                         static_cast<std::uint64_t>(p.integer("increments"))};
          },
      .reference = [](const Input& in) { return in.increments * static_cast<Output>(in.threads); },
      .quick = {integer_axis("threads", worker_counts({.oversubscribe = true})),
                integer_axis("increments", {1 << 18})},
      .full = {integer_axis("threads", worker_counts({.full = true, .oversubscribe = true})),
               integer_axis("increments", {1 << 20})},
      .conformance = {{{"threads", 1}, {"increments", 0}},
                      {{"threads", 1}, {"increments", 1}},
                      {{"threads", 3}, {"increments", 1}},
                      {{"threads", 2}, {"increments", 1000}},
                      {{"threads", 4}, {"increments", 100003}}},
      .throughput =
          [](const Params& p) {
            return Throughput{
                .items = static_cast<double>(p.integer("threads") * p.integer("increments"))};
          },
      .item = "increment",
      .baseline = "mutex",
  });
  return c;
}

void run_together(support::ThreadPool& pool, const std::function<void(int)>& body) {
  std::barrier start(pool.workers());
  pool.on_every_worker([&](int w) {
    start.arrive_and_wait();
    body(w);
  });
}

Registration register_counter(const std::string& name, Counter counter) {
  return the_case().add_variant(
      {.name = name, .model = "threads", .run = [counter](const Input& in) {
         return counter(support::shared_thread_pool(in.threads), in.increments);
       }});
}

}  // namespace idiombench::concurrency::shared_counter
