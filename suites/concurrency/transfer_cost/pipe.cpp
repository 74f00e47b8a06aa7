// transfer_cost/pipe: the payload is written into a pipe and the worker reads it into
// its own buffer (the serialised copy: user -> kernel -> user). The pipe's buffer is
// raised from 64 KiB to the system's maximum (F_SETPIPE_SZ, 1 MiB by default), so a
// large payload needs fewer wake-ups of the reader.
#include <fcntl.h>

#include <fstream>

#include "idiombench/support/unique_fd.hpp"
#include "partner_process.hpp"
#include "transfer_cost/case.hpp"

namespace idiombench::concurrency::transfer_cost {
namespace {

void enlarge(int fd) {
  int max = 1 << 20;
  std::ifstream("/proc/sys/fs/pipe-max-size") >> max;
  ::fcntl(fd, F_SETPIPE_SZ, max);  // advice: a smaller pipe still works
}

}  // namespace

Output transfer_pipe(const Input& in) {
  const auto& payload = in.payload;
  static auto channel = [] {
    auto p = support::make_pipe();
    enlarge(p.write.get());
    return p;
  }();
  static PartnerProcess worker({channel.read.get()}, [fd = channel.read.get()](std::uint64_t size) {
    static std::vector<unsigned char> received;
    received.resize(size);
    support::read_full(fd, received.data(), size);
    return checksum(received.data(), size);
  });
  worker.start(payload.size());
  support::write_full(channel.write.get(), payload.data(), payload.size());
  return worker.finish();
}

namespace {
[[maybe_unused]] const auto registered = register_transfer("pipe", transfer_pipe);
}

}  // namespace idiombench::concurrency::transfer_cost
