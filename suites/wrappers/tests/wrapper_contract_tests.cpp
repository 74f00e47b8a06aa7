// The wrappers suite's contracts beyond what conformance compares: the decorators keep
// results, references, value categories and exceptions; the scoped-resource pool sees a
// release made twice or never; every registered reader name makes its own type.
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

#include "call_through_wrapper/callee.hpp"
#include "call_through_wrapper/decorators.hpp"
#include "registry_lookup/case.hpp"
#include "scoped_resource/case.hpp"

namespace idiombench::wrappers {
namespace {

// Says which overload the arguments reached.
struct Category {
  std::string operator()(int&) const { return "lvalue"; }
  std::string operator()(const int&) const { return "const lvalue"; }
  std::string operator()(int&&) const { return "rvalue"; }
};

TEST(Decorators, ForwardEveryValueCategory) {
  int x = 1;
  const int cx = 2;
  CallTimes times;
  auto plain = decorate(Category{});
  auto clocked = timed(Category{}, times);
  EXPECT_EQ(plain(x), "lvalue");
  EXPECT_EQ(plain(cx), "const lvalue");
  EXPECT_EQ(plain(3), "rvalue");
  EXPECT_EQ(plain(std::move(x)), "rvalue");
  EXPECT_EQ(clocked(x), "lvalue");
  EXPECT_EQ(clocked(cx), "const lvalue");
  EXPECT_EQ(clocked(3), "rvalue");
  EXPECT_EQ(times.calls, 3u);
}

TEST(Decorators, PassMoveOnlyArgumentsAndReturnReferences) {
  auto take = [](std::unique_ptr<int> p) { return *p * 2; };
  EXPECT_EQ(decorate(take)(std::make_unique<int>(21)), 42);
  int target = 0;
  auto ref = [&target]() -> int& { return target; };
  CallTimes times;
  static_assert(std::is_same_v<decltype(decorate(ref)()), int&>);
  static_assert(std::is_same_v<decltype(timed(ref, times)()), int&>);
  timed(ref, times)() = 7;
  EXPECT_EQ(target, 7) << "the reference must be the function's, not a copy";
  decorate(ref)() = 9;
  EXPECT_EQ(target, 9);
}

TEST(Decorators, LetExceptionsThroughAndTimeOnlyCallsThatReturn) {
  auto fail = [](int x) -> int {
    if (x < 0) throw std::domain_error("negative");
    return x;
  };
  CallTimes times;
  auto clocked = timed(fail, times);
  EXPECT_THROW(decorate(fail)(-1), std::domain_error);
  EXPECT_THROW(clocked(-1), std::domain_error);
  EXPECT_EQ(times.calls, 0u);
  EXPECT_EQ(clocked(5), 5);
  EXPECT_EQ(times.calls, 1u);
  EXPECT_GE(times.total.count(), 0);
  bool called = false;
  timed([&called] { called = true; }, times)();
  EXPECT_TRUE(called);
  EXPECT_EQ(times.calls, 2u) << "a void function is timed too";
}

TEST(CallThroughWrapper, TheOutOfLineAndVirtualCalleesComputeTheSameFunction) {
  using namespace call_through_wrapper;
  auto inlined = make_callee(false), elsewhere = make_callee(true);
  for (std::uint64_t x : {0ull, 1ull, 0xFFFFFFFFFFFFFFFFull, 0x123456789ull}) {
    EXPECT_EQ(small_function_elsewhere(x, 99), small_function(x, 99));
    EXPECT_EQ((*inlined)(x, 99), small_function(x, 99));
    EXPECT_EQ((*elsewhere)(x, 99), small_function(x, 99));
  }
  EXPECT_NE(small_function(1, 0), small_function(2, 0));
}

TEST(ScopedResource, ThePoolSeesAReleaseMadeTwiceOrNever) {
  using namespace scoped_resource;
  Input in{3, 1, 0, 0};
  Pool pool(in);
  Slot* a = pool.acquire();
  Slot* b = pool.acquire();
  pool.acquire();
  pool.release(a);
  pool.release(a);
  pool.release(b);
  Output out = pool.finish();
  EXPECT_EQ(out.opened, 3u);
  EXPECT_EQ(out.released, 3u);
  EXPECT_EQ(out.released_twice, 1u);
  EXPECT_EQ(out.never_released, 1u);
  EXPECT_EQ(out.release_order, 1u * 1 + 2u * 1 + 3u * 2);
}

TEST(ScopedResource, TheReleaseOrderTellsNestingApart) {
  using namespace scoped_resource;
  Input in{1, 2, 0, 0};
  Pool inner_first(in), outer_first(in);
  Slot* o1 = inner_first.acquire();
  Slot* i1 = inner_first.acquire();
  inner_first.release(i1);
  inner_first.release(o1);
  Slot* o2 = outer_first.acquire();
  Slot* i2 = outer_first.acquire();
  outer_first.release(o2);
  outer_first.release(i2);
  EXPECT_NE(inner_first.finish(), outer_first.finish());
}

TEST(ScopedResource, ThePlanNeverThrowsAndReturnsAtOnce) {
  scoped_resource::Input in{10, 1, 2, 2};
  for (std::uint32_t i = 0; i < in.scopes; ++i) EXPECT_FALSE(in.throws(i) && in.returns_early(i));
  EXPECT_TRUE(in.throws(1));
  EXPECT_FALSE(in.returns_early(1)) << "throwing wins";
}

TEST(RegistryLookup, EveryNameIsRegisteredOnceAndMakesItsOwnType) {
  using namespace registry_lookup;
  const auto& all = registrations();
  ASSERT_EQ(all.size(), reader_names.size());
  std::set<std::string> names;
  std::set<std::uint64_t> tags;
  for (const auto& r : all) {
    EXPECT_TRUE(names.insert(r.name).second) << r.name << " registered twice";
    auto reader = r.make();
    ASSERT_NE(reader, nullptr);
    std::size_t k = 0;
    while (k < reader_names.size() && reader_names[k] != r.name) ++k;
    ASSERT_LT(k, reader_names.size()) << r.name;
    EXPECT_EQ(reader->tag(), tag_of(k)) << r.name << " made another reader";
    tags.insert(reader->tag());
  }
  EXPECT_EQ(tags.size(), reader_names.size());
}

}  // namespace
}  // namespace idiombench::wrappers
