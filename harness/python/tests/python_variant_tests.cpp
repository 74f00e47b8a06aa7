// python::variant against its promises: a Python exception is a failed verification whose
// reason is the traceback's last line; a wrong answer or a result of the wrong type fails
// too; a right one passes with its start-up recorded apart; a missing module is a reason to
// skip; a syntax error in a module says so; a call from a second thread is refused; a
// module's optional import is made only for a variant that needs it.
#include <gtest/gtest.h>
#include <pybind11/stl.h>

#include <numeric>
#include <stdexcept>
#include <thread>
#include <vector>

#include "idiombench/case.hpp"
#include "idiombench/python/variant.hpp"

namespace idiombench::python {
namespace {

using Input = std::vector<std::int64_t>;
using Output = std::int64_t;

[[maybe_unused]] const auto embedded = {
    embed_source("pytest_sum", "harness/python/tests/sum.py", R"(
def py_right(values):
    return sum(values)

def py_off_by_one(values):
    return sum(values) + 1

def py_raises(values):
    def inner():
        raise ValueError(f"no sum for {len(values)} values")
    inner()

def py_wrong_type(values):
    return "a string"
)"),
    embed_source("pytest_broken", "harness/python/tests/broken.py", "def f(:\n  pass\n"),
    // colorsys and xmlrpc (a package) stand for numpy and numba: standard modules nothing
    // else here imports.
    embed_source("pytest_optional", "harness/python/tests/optional.py", R"(
try:
    import colorsys
except ImportError:
    colorsys = None

try:
    import xmlrpc.client
except ImportError:
    xmlrpc = None

def loaded():
    return [name for name, module in (("colorsys", colorsys), ("xmlrpc", xmlrpc)) if module]
)"),
};

Case<Input, Output>& sum_case() {
  static auto& c = define_case<Input, Output>({
      .name = "sum",
      .question = "Does a Python variant verify like the others?",
      .make_input =
          [](const Params& p) {
            Input values(static_cast<std::size_t>(p.integer("n")));
            std::iota(values.begin(), values.end(), 1);
            return values;
          },
      .reference = [](const Input& in) { return std::accumulate(in.begin(), in.end(), Output{0}); },
      .quick = {{"n", {10}}},
      .full = {{"n", {10}}},
      .conformance = {{{"n", 10}}},
      .baseline = "py_right",
      .suite = "pytest",
  });
  return c;
}

VariantSpec<Input, Output> spec(std::string name, std::string module = "pytest_sum") {
  return {.name = std::move(name),
          .module = std::move(module),
          .arguments = [](const Input& in, const Params&) { return py::make_tuple(py::cast(in)); },
          .output = [](py::handle result, const Input&) { return result.cast<Output>(); }};
}

[[maybe_unused]] const auto registered = {
    sum_case().add_variant(variant(spec("py_right"))),
    sum_case().add_variant(variant(spec("py_off_by_one"))),
    sum_case().add_variant(variant(spec("py_raises"))),
    sum_case().add_variant(variant(spec("py_wrong_type"))),
    sum_case().add_variant(variant(spec("py_missing", "pytest_broken"))),
};

Verification verify(const std::string& name) {
  const auto& variants = sum_case().variants();
  for (std::size_t i = 0; i < variants.size(); ++i) {
    if (variants[i].name == name) return sum_case().prepare({{"n", 10}})->verify(i);
  }
  throw std::logic_error("no variant " + name);
}

TEST(PythonVariant, RightAnswerPassesWithItsStartUpRecordedApart) {
  const auto result = verify("py_right");
  ASSERT_TRUE(result.ok) << result.mismatch;
  EXPECT_EQ(result.checksum, 55.0);
  for (const char* counter : {"python_import_s", "python_input_s", "python_first_call_s"}) {
    ASSERT_TRUE(result.counters.contains(counter)) << counter;
    EXPECT_GE(result.counters.at(counter), 0.0);
  }
}

TEST(PythonVariant, AnExceptionFailsWithTheTracebacksLastLine) {
  const auto result = verify("py_raises");
  EXPECT_FALSE(result.ok);
  EXPECT_TRUE(result.mismatch.ends_with(": ValueError: no sum for 10 values")) << result.mismatch;
}

TEST(PythonVariant, AWrongAnswerOrTypeFails) {
  const auto wrong = verify("py_off_by_one");
  EXPECT_FALSE(wrong.ok);
  EXPECT_EQ(wrong.mismatch.rfind("wrong answer", 0), 0u) << wrong.mismatch;
  const auto wrong_type = verify("py_wrong_type");
  EXPECT_FALSE(wrong_type.ok);
  EXPECT_NE(wrong_type.mismatch.find("wrong type"), std::string::npos) << wrong_type.mismatch;
}

TEST(PythonVariant, ASyntaxErrorInItsModuleSaysSo) {
  const auto result = verify("py_missing");
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.mismatch.find("SyntaxError"), std::string::npos) << result.mismatch;
}

TEST(PythonVariant, MissingModulesAreReasonsToSkip) {
  EXPECT_EQ(missing_modules({"json", "functools"}), "");
  const auto reason = missing_modules({"json", "no_such_module_idiombench"});
  EXPECT_NE(reason.find("no_such_module_idiombench"), std::string::npos) << reason;
  EXPECT_EQ(reason.find("json"), std::string::npos) << reason;
}

TEST(PythonVariant, ACallFromAnotherThreadIsRefused) {
  ASSERT_TRUE(verify("py_right").ok);  // prepared on this thread
  const auto& variants = sum_case().variants();
  std::size_t right = 0;
  while (variants[right].name != "py_right") ++right;
  auto prepared = sum_case().prepare({{"n", 10}});
  ASSERT_TRUE(prepared->verify(right).ok);
  std::string error;
  std::thread([&] {
    try {
      prepared->run(right);
    } catch (const std::exception& e) {
      error = e.what();
    }
  }).join();
  EXPECT_NE(error.find("thread"), std::string::npos) << error;
}

std::vector<std::string> loaded_for(const std::vector<std::string>& needs) {
  start();
  return import_embedded("pytest_optional", needs)
      .attr("loaded")()
      .cast<std::vector<std::string>>();
}

TEST(PythonVariant, AModulesOptionalImportsAreMadeOnlyForAVariantThatNeedsThem) {
  start();
  declare_needs("pytest_optional", {"colorsys"});
  declare_needs("pytest_optional", {"xmlrpc"});
  auto in_sys_modules = [](const char* name) {
    return py::module_::import("sys").attr("modules").contains(name);
  };
  ASSERT_FALSE(in_sys_modules("colorsys"));
  EXPECT_EQ(loaded_for({}), std::vector<std::string>{});
  EXPECT_FALSE(in_sys_modules("colorsys"));
  EXPECT_FALSE(in_sys_modules("xmlrpc.client"));  // refused with its package
  // Refused imports are not left refused: the module's own later imports work.
  EXPECT_TRUE(py::module_::import("importlib").attr("import_module")("colorsys"));
  EXPECT_TRUE(in_sys_modules("colorsys"));
  // Executed again, in the same module, for a variant that needs what the first execution
  // refused; then kept.
  auto first = import_embedded("pytest_optional");
  EXPECT_EQ(loaded_for({"xmlrpc"}), (std::vector<std::string>{"colorsys", "xmlrpc"}));
  EXPECT_TRUE(import_embedded("pytest_optional").is(first));
  EXPECT_EQ(loaded_for({}), (std::vector<std::string>{"colorsys", "xmlrpc"}));
  EXPECT_EQ(import_embedded("pytest_optional").attr("loaded")().cast<std::vector<std::string>>(),
            (std::vector<std::string>{"colorsys", "xmlrpc"}));
}

}  // namespace
}  // namespace idiombench::python
