// The support library's contracts: whole-message transfers over descriptors, forked
// children that keep only what they are given and say how they ended, memory shared
// with them, worker processes that are reaped, a thread pool that runs every task once
// and cancels a batch on the first exception, and CPU work that is a pure function.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "idiombench/support/child_process.hpp"
#include "idiombench/support/cpu_work.hpp"
#include "idiombench/support/library_on_demand.hpp"
#include "idiombench/support/resource_snapshot.hpp"
#include "idiombench/support/shared_region.hpp"
#include "idiombench/support/syscall_filter.hpp"
#include "idiombench/support/thread_pool.hpp"
#include "idiombench/support/unique_fd.hpp"
#include "idiombench/support/worker_processes.hpp"

namespace idiombench::support {
namespace {

TEST(UniqueFd, ClosesOnDestructionAndOnReset) {
  const auto before = open_fds();
  {
    auto pipe = make_pipe();
    EXPECT_EQ(open_fds(), before + 2);
    pipe.read.reset();
    EXPECT_FALSE(pipe.read);
    EXPECT_EQ(open_fds(), before + 1);
  }
  EXPECT_EQ(open_fds(), before);
}

TEST(UniqueFd, MovingTransfersOwnership) {
  auto pipe = make_pipe();
  const int fd = pipe.write.get();
  UniqueFd moved = std::move(pipe.write);
  EXPECT_EQ(moved.get(), fd);
  EXPECT_FALSE(pipe.write);
}

TEST(FullTransfers, CarryAMessageLargerThanThePipeBuffer) {
  auto channel = make_socketpair();
  std::vector<std::uint32_t> sent(1 << 20);
  for (std::size_t i = 0; i < sent.size(); ++i)
    sent[i] = static_cast<std::uint32_t>(i * 2654435761u);
  std::thread writer([&] { write_full(channel.write.get(), sent.data(), sent.size() * 4); });
  std::vector<std::uint32_t> got(sent.size());
  EXPECT_TRUE(read_full(channel.read.get(), got.data(), got.size() * 4));
  writer.join();
  EXPECT_EQ(got, sent);
}

TEST(FullTransfers, EndOfFileBeforeAMessageIsFalseAndInTheMiddleIsAnError) {
  auto pipe = make_pipe();
  std::uint64_t word = 0;
  {
    auto empty = make_pipe();
    empty.write.reset();
    EXPECT_FALSE(read_full(empty.read.get(), &word, sizeof word));
  }
  const std::uint32_t half = 7;
  write_full(pipe.write.get(), &half, sizeof half);
  pipe.write.reset();
  EXPECT_THROW(read_full(pipe.read.get(), &word, sizeof word), std::system_error);
}

TEST(FullTransfers, WritingToAClosedPeerIsAnErrorNotSigpipe) {
  auto pipe = make_pipe();
  pipe.read.reset();
  const std::uint64_t word = 1;
  EXPECT_THROW(write_full(pipe.write.get(), &word, sizeof word), std::system_error);
}

TEST(ForkChild, ReportsExitStatusAndSignal) {
  EXPECT_EQ(wait_child(fork_child({}, [] { return 0; })), "");
  EXPECT_EQ(wait_child(fork_child({}, [] { return 3; })), "exited with status 3");
  EXPECT_EQ(wait_child(fork_child({}, []() -> int { throw std::runtime_error("x"); })),
            "exited with status 70");
  const auto killed = wait_child(fork_child({}, [] {
    ::raise(SIGKILL);
    return 0;
  }));
  EXPECT_NE(killed.find("killed by signal 9"), std::string::npos) << killed;
}

TEST(ForkChild, KeepsOnlyTheDescriptorsItIsGiven) {
  auto kept = make_pipe();
  auto dropped = make_pipe();
  const int kept_fd = kept.write.get(), dropped_fd = dropped.write.get();
  // The child's exit status says which of the two descriptors it still had.
  const auto how = wait_child(fork_child({kept_fd}, [&] {
    const bool has_kept = ::fcntl(kept_fd, F_GETFD) >= 0;
    const bool has_dropped = ::fcntl(dropped_fd, F_GETFD) >= 0;
    return (has_kept ? 0 : 1) + (has_dropped ? 2 : 0);
  }));
  EXPECT_EQ(how, "");
}

// Where close_range answers ENOSYS (Linux before 5.9), the child closes what it was not
// given one by one.
TEST(ForkChild, KeepsOnlyItsDescriptorsWhereTheKernelHasNoCloseRange) {
  auto kept = make_pipe();
  auto dropped = make_pipe();
  const int kept_fd = kept.write.get(), dropped_fd = dropped.write.get();
  const auto how = wait_child(fork_child({kept_fd, dropped_fd}, [&] {
    if (!refuse_syscall(SYS_close_range)) return 9;
    if (::syscall(SYS_close_range, 1000, 1000, 0) != -1 || errno != ENOSYS) return 8;
    // A grandchild under the same filter, given only the first pipe.
    const auto inner = wait_child(fork_child({kept_fd}, [&] {
      const bool has_kept = ::fcntl(kept_fd, F_GETFD) >= 0;
      const bool has_dropped = ::fcntl(dropped_fd, F_GETFD) >= 0;
      return (has_kept ? 0 : 1) + (has_dropped ? 2 : 0);
    }));
    return inner.empty() ? 0 : 4;
  }));
  if (how == "exited with status 9") GTEST_SKIP() << "no seccomp filter can be installed here";
  EXPECT_EQ(how, "") << "status 8: the filter did not refuse close_range; 4: a descriptor was "
                        "not closed, or the one given was";
}

TEST(SharedRegion, IsSharedWithAForkedChildAndUnmappedWhenDestroyed) {
  const int before = memfd_mappings();
  {
    SharedRegion region("support-test", 4096);
    auto* counter = construct_at_offset<std::atomic<std::uint64_t>>(region, 64);
    ASSERT_EQ(wait_child(fork_child({},
                                    [&] {
                                      counter->fetch_add(41);
                                      return 0;
                                    })),
              "");
    EXPECT_EQ(counter->fetch_add(1) + 1, 42u);
    EXPECT_EQ(memfd_mappings(), before + 1);
  }
  EXPECT_EQ(memfd_mappings(), before);
}

TEST(WorkerProcesses, EachWorkerAnswersOnItsChannelAndIsReaped) {
  const ResourceSnapshot before;
  {
    WorkerProcesses workers(3, [](int channel) {
      std::uint64_t x;
      while (read_full(channel, &x, sizeof x)) {
        x *= 2;
        write_full(channel, &x, sizeof x);
      }
      return 0;
    });
    ASSERT_EQ(workers.size(), 3u);
    for (std::size_t i = 0; i < workers.size(); ++i) {
      std::uint64_t x = i + 10;
      write_full(workers.channel(i), &x, sizeof x);
      ASSERT_TRUE(read_full(workers.channel(i), &x, sizeof x));
      EXPECT_EQ(x, 2 * (i + 10));
    }
    workers.bury(1);  // a healthy worker: closed and, if still running, killed
    EXPECT_FALSE(workers.alive(1));
    EXPECT_EQ(workers.pids().size(), 2u);
  }
  const ResourceSnapshot after;
  EXPECT_EQ(after.fds, before.fds);
  EXPECT_EQ(after.zombies, before.zombies);
}

TEST(WorkerProcesses, BuryingAWorkerThatDiedSaysHow) {
  WorkerProcesses workers(1, [](int) -> int { std::abort(); });
  siginfo_t info{};
  ASSERT_EQ(::waitid(P_PID, static_cast<id_t>(workers.pids().at(0)), &info, WEXITED | WNOWAIT), 0);
  const auto how = workers.bury(0);
  EXPECT_NE(how.find("signal 6"), std::string::npos) << how;
}

TEST(ThreadPool, RunsOnEveryWorkerAtOnce) {
  ThreadPool pool(3);
  std::atomic<int> arrived{0};
  std::atomic<int> saw_all{0};
  pool.on_every_worker([&](int) {
    arrived.fetch_add(1);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (arrived.load() < 3 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::yield();
    if (arrived.load() == 3) saw_all.fetch_add(1);
  });
  EXPECT_EQ(saw_all.load(), 3);
}

TEST(ThreadPool, RunsEveryIndexExactlyOnce) {
  ThreadPool pool(4);
  for (std::size_t count : {0u, 1u, 7u, 1000u}) {
    std::vector<std::atomic<int>> calls(count);
    pool.for_each_index(
        count, [&](std::size_t i) { calls[i].fetch_add(1); }, 3);
    for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(calls[i].load(), 1) << i << " of " << count;
  }
}

TEST(ThreadPool, AnExceptionCancelsTheRestOfTheBatch) {
  ThreadPool pool(2);
  std::atomic<std::size_t> ran{0};
  // Every other item takes 50 us: were the batch not cancelled, the other worker would
  // run for seconds; tiny items let it finish all of them while the throwing thread
  // unwinds (seen under AddressSanitizer, where unwinding is slow).
  EXPECT_THROW(pool.for_each_index(
                   100000,
                   [&](std::size_t i) {
                     ran.fetch_add(1);
                     if (i == 10) throw std::logic_error("stop");
                     std::this_thread::sleep_for(std::chrono::microseconds(50));
                   },
                   1),
               std::logic_error);
  EXPECT_LT(ran.load(), 100000u);
  std::atomic<std::size_t> sum{0};
  pool.for_each_index(1000, [&](std::size_t i) { sum.fetch_add(i); });
  EXPECT_EQ(sum.load(), 999u * 1000u / 2);
}

TEST(ThreadPool, TheSharedPoolIsOnePerWorkerCountAndIdlePolicy) {
  EXPECT_EQ(&shared_thread_pool(2), &shared_thread_pool(2));
  EXPECT_NE(&shared_thread_pool(2), &shared_thread_pool(3));
  EXPECT_NE(&shared_thread_pool(2), &shared_thread_pool(2, Idle::sleep));
  EXPECT_EQ(shared_thread_pool(3).workers(), 3);
}

TEST(ThreadPool, ASleepingPoolRunsEveryBatchToo) {
  ThreadPool pool(3, Idle::sleep);
  for (int batch = 0; batch < 50; ++batch) {
    std::atomic<int> ran{0};
    pool.on_every_worker([&](int) { ran.fetch_add(1); });
    EXPECT_EQ(ran.load(), 3) << "batch " << batch;
  }
}

TEST(CpuWork, IsAPureFunctionOfSeedAndRounds) {
  EXPECT_EQ(cpu_work(5, 0), 5u);
  EXPECT_EQ(cpu_work(5, 100), cpu_work(5, 100));
  EXPECT_NE(cpu_work(5, 100), cpu_work(6, 100));
  EXPECT_NE(cpu_work(5, 100), cpu_work(5, 101));
  EXPECT_GE(cpu_work_rounds_per_microsecond(), 1u);
}

TEST(ResourceSnapshot, SeesALeakedDescriptorAndAZombie) {
  const ResourceSnapshot before;
  auto leaked = make_pipe();
  const pid_t pid = fork_child({}, [] { return 0; });
  // Wait until the child has exited, without reaping it.
  siginfo_t info{};
  ASSERT_EQ(::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT), 0);
  const ResourceSnapshot during;
  EXPECT_EQ(during.fds, before.fds + 2);
  EXPECT_EQ(during.zombies, before.zombies + 1);
  EXPECT_EQ(wait_child(pid), "");
}

TEST(ResourceSnapshot, SeesANamedSharedMemoryObjectButNotTheOpenMpRuntimesFiles) {
  const std::string ours = "/idiombench-support-test-" + std::to_string(::getpid());
  const std::string runtime = "/__KMP_REGISTERED_LIB_" + std::to_string(::getpid()) + "_test";
  const ResourceSnapshot before;
  for (const auto& name : {ours, runtime}) {
    const int fd = ::shm_open(name.c_str(), O_CREAT | O_RDWR, 0600);
    ASSERT_GE(fd, 0) << name;
    ::close(fd);
  }
  const ResourceSnapshot during;
  ::shm_unlink(ours.c_str());
  ::shm_unlink(runtime.c_str());
  EXPECT_EQ(during.dev_shm.size(), before.dev_shm.size() + 1);
  EXPECT_TRUE(during.dev_shm.count(ours.substr(1)));
}

TEST(LibraryOnDemand, OpensTheLibraryOnlyWhenAFunctionIsAskedFor) {
  // libz: linked by nothing this test executable needs at start (checked first).
  const LibraryOnDemand zlib({"libz.so.1"});
  if (zlib.loaded()) GTEST_SKIP() << "libz.so.1 is loaded already in this process";
  using Version = const char*();
  auto* version = zlib.function<Version>("zlibVersion");
  EXPECT_TRUE(zlib.loaded());
  ASSERT_NE(version, nullptr);
  EXPECT_EQ(std::string(version()).substr(0, 2), "1.");
}

TEST(LibraryOnDemand, TriesTheNamesInOrder) {
  const LibraryOnDemand math({"libidiombench-no-such-library.so.7", "libm.so.6"});
  using Cos = double(double);
  EXPECT_DOUBLE_EQ(math.function<Cos>("cos")(0.0), 1.0);
}

TEST(LibraryOnDemand, AMissingLibraryOrSymbolIsAnErrorThatNamesIt) {
  const LibraryOnDemand missing({"libidiombench-no-such-library.so.7"});
  EXPECT_FALSE(missing.loaded());
  try {
    missing.symbol("anything");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("libidiombench-no-such-library.so.7"), std::string::npos);
  }
  const LibraryOnDemand math({"libm.so.6"});
  try {
    math.symbol("idiombench_no_such_function");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("idiombench_no_such_function"), std::string::npos);
  }
}

}  // namespace
}  // namespace idiombench::support
