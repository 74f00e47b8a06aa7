// cpu_map's contract, for every variant: each task runs exactly once, results come back
// in input order, a task's exception reaches the caller, a worker process that dies is
// an error and not a hang, and nothing is left behind (children, descriptors, shared
// memory).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <stdexcept>
#include <string>

#include "cpu_map/pipe_process_pool.hpp"
#include "cpu_map/shm_process_pool.hpp"
#include "cpu_map/variants.hpp"
#include "idiombench/support/cpu_work.hpp"
#include "idiombench/support/resource_snapshot.hpp"
#include "idiombench/support/thread_pool.hpp"

namespace idiombench::concurrency::cpu_map {
namespace {

using Mapper = Results (*)(std::span<const Task>, TaskFunction, int);
struct Named {
  const char* name;
  Mapper map;
  bool processes;
};
void PrintTo(const Named& mapper, std::ostream* os) {
  *os << mapper.name;
}

const Named kMappers[] = {
    {"sequential", map_sequential, false},
    {"thread_per_task", map_thread_per_task, false},
    {"thread_pool", map_thread_pool, false},
    {"std_async", map_std_async, false},
    {"tbb", map_tbb, false},
    {"openmp", map_openmp, false},
    {"process_per_task", map_process_per_task, true},
    {"process_pool_pipe", map_process_pool_pipe, true},
    {"process_pool_shm", map_process_pool_shm, true},
};

// Calls per task index, in memory every forked worker shares with the test.
constexpr std::size_t kMaxTasks = 4096;
std::atomic<std::uint32_t>* calls = [] {
  void* p = ::mmap(nullptr, kMaxTasks * sizeof(std::atomic<std::uint32_t>), PROT_READ | PROT_WRITE,
                   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  return static_cast<std::atomic<std::uint32_t>*>(p);
}();

std::uint64_t counted(const Task& t) {
  calls[t.seed].fetch_add(1);
  return support::cpu_work(t.seed, t.rounds) ^ t.seed;
}
std::uint64_t throws_on_5(const Task& t) {
  if (t.seed == 5) throw std::runtime_error("task five failed");
  return t.seed;
}
std::uint64_t dies_on_5(const Task& t) {
  if (t.seed == 5) ::raise(SIGKILL);
  return t.seed;
}

std::vector<Task> make_tasks(std::size_t n, std::uint64_t rounds = 50) {
  std::vector<Task> tasks(n);
  for (std::size_t i = 0; i < n; ++i) tasks[i] = {i, rounds};
  return tasks;
}

class EveryMapper : public ::testing::TestWithParam<Named> {};

TEST_P(EveryMapper, RunsEveryTaskExactlyOnceAndKeepsInputOrder) {
  for (std::size_t n : {0, 1, 3, 17, 1001}) {
    for (int workers : {1, 2, 3}) {
      for (std::size_t i = 0; i < kMaxTasks; ++i) calls[i] = 0;
      auto tasks = make_tasks(n);
      Results got = GetParam().map(tasks, counted, workers);
      ASSERT_EQ(got.size(), n);
      for (std::size_t i = 0; i < n; ++i) {
        ASSERT_EQ(got[i], support::cpu_work(i, 50) ^ i)
            << "result " << i << " of " << n << ", " << workers << " workers";
        ASSERT_EQ(calls[i].load(), 1u)
            << "task " << i << " of " << n << ", " << workers << " workers";
      }
      EXPECT_EQ(calls[n].load(), 0u);
    }
  }
}

TEST_P(EveryMapper, ATaskExceptionReachesTheCaller) {
  auto tasks = make_tasks(40);
  for (int workers : {1, 2}) {
    try {
      GetParam().map(tasks, throws_on_5, workers);
      ADD_FAILURE() << "no exception with " << workers << " workers";
    } catch (const std::exception& e) {
      // Processes that serialise errors keep the message; a process per task only
      // knows how its child ended.
      if (std::string(GetParam().name) != "process_per_task") {
        EXPECT_NE(std::string(e.what()).find("task five failed"), std::string::npos) << e.what();
      }
    }
    // The mapper still works afterwards, and right.
    EXPECT_EQ(GetParam().map(make_tasks(5), throws_on_5, workers), (Results{0, 1, 2, 3, 4}));
  }
}

TEST_P(EveryMapper, AWorkerProcessThatDiesIsAnErrorNotAHang) {
  if (!GetParam().processes) GTEST_SKIP() << "a thread that dies takes the process with it";
  auto tasks = make_tasks(40);
  for (int workers : {1, 2}) {
    try {
      GetParam().map(tasks, dies_on_5, workers);
      ADD_FAILURE() << "no error with " << workers << " workers";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("signal 9"), std::string::npos) << e.what();
    }
    auto fine = GetParam().map(make_tasks(5), dies_on_5, workers);
    EXPECT_EQ(fine, (Results{0, 1, 2, 3, 4})) << "a broken pool is replaced";
  }
  EXPECT_EQ(support::zombie_children(), 0);
}

INSTANTIATE_TEST_SUITE_P(CpuMap, EveryMapper, ::testing::ValuesIn(kMappers),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(CpuMapResources, ProcessPerTaskLeavesNoChildOrDescriptor) {
  support::ResourceSnapshot before;
  map_process_per_task(make_tasks(50), counted, 3);
  EXPECT_THROW(map_process_per_task(make_tasks(50), dies_on_5, 3), std::runtime_error);
  support::ResourceSnapshot after;
  EXPECT_EQ(after.fds, before.fds);
  EXPECT_EQ(after.zombies, 0);
}

template <class Pool>
void pool_leaves_nothing_behind() {
  support::ResourceSnapshot before;
  std::vector<pid_t> pids;
  {
    Pool pool(3, counted);
    pids = pool.worker_pids();
    ASSERT_EQ(pids.size(), 3u);
    EXPECT_EQ(pool.map(make_tasks(100)).size(), 100u);
  }
  support::ResourceSnapshot after;
  EXPECT_EQ(after.fds, before.fds);
  EXPECT_EQ(after.zombies, 0);
  EXPECT_EQ(after.memfds, before.memfds) << "a shared mapping outlived its pool";
  EXPECT_EQ(after.dev_shm, before.dev_shm);
  for (pid_t pid : pids) EXPECT_NE(::kill(pid, 0), 0) << "worker " << pid << " still exists";
}

TEST(CpuMapResources, PoolsLeaveNothingBehind) {
  pool_leaves_nothing_behind<PipeProcessPool>();
  pool_leaves_nothing_behind<SharedMemoryProcessPool>();
}

TEST(CpuMapResources, ABrokenPoolSaysSo) {
  PipeProcessPool pool(2, dies_on_5);
  EXPECT_THROW(pool.map(make_tasks(20)), std::runtime_error);
  try {
    pool.map(make_tasks(3));
    ADD_FAILURE() << "a broken pool mapped again";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("broken"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace idiombench::concurrency::cpu_map
