// ipc_roundtrip/pipe and socketpair: the number travels as 8 bytes through the kernel,
// one write and one blocking read per direction. A pipe is one-way, so two of them; a
// socketpair carries both directions.
#include "idiombench/support/unique_fd.hpp"
#include "ipc_roundtrip/variants.hpp"
#include "partner_process.hpp"

namespace idiombench::concurrency::ipc_roundtrip {
namespace {

// The partner's side: `n` times, read a number and send it back plus one.
std::uint64_t pong(int in, int out, std::uint64_t n) {
  for (std::uint64_t i = 0; i < n; ++i) {
    std::uint64_t value;
    support::read_full(in, &value, sizeof value);
    ++value;
    support::write_full(out, &value, sizeof value);
  }
  return 0;
}

Output ping(PartnerProcess& partner, int out, int in, std::uint64_t n) {
  partner.start(n);
  std::uint64_t value = 0;
  for (std::uint64_t i = 0; i < n; ++i) {
    support::write_full(out, &value, sizeof value);
    if (!support::read_full(in, &value, sizeof value))
      break;  // the partner died: finish() says how
    ++value;
  }
  partner.finish();
  return value;
}

}  // namespace

Output ping_pong_pipe(std::uint64_t round_trips) {
  static auto to_partner = support::make_pipe();
  static auto from_partner = support::make_pipe();
  static PartnerProcess partner({to_partner.read.get(), from_partner.write.get()},
                                [in = to_partner.read.get(), out = from_partner.write.get()](
                                    std::uint64_t n) { return pong(in, out, n); });
  return ping(partner, to_partner.write.get(), from_partner.read.get(), round_trips);
}

Output ping_pong_socketpair(std::uint64_t round_trips) {
  static auto sockets = support::make_socketpair();
  static PartnerProcess partner({sockets.write.get()}, [fd = sockets.write.get()](std::uint64_t n) {
    return pong(fd, fd, n);
  });
  return ping(partner, sockets.read.get(), sockets.read.get(), round_trips);
}

namespace {
[[maybe_unused]] const auto registered = {
    register_ping_pong("pipe", "processes", ping_pong_pipe),
    register_ping_pong("socketpair", "processes", ping_pong_socketpair),
};
}

}  // namespace idiombench::concurrency::ipc_roundtrip
