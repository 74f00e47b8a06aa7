#!/usr/bin/env bash
# Every test: dependencies (when missing), the `ci` preset build (g++ 12, -Werror, Kokkos
# required, CUDA compiled when nvcc exists), ctest (harness unit and end-to-end tests, every
# suite's conformance and contract tests, the rooms and docs checks), `idiombench verify`
# (and the io suite's against nginx), a quick run of the iteration suite validated against
# the schema, the installed commands, the Slurm kit through a real 4-node cluster with its
# faults (ci/slurm/test.sh); then clang 14: every test under AddressSanitizer +
# UndefinedBehaviorSanitizer (preset asan, -Werror: CI's clang build too), the support
# library's and the concurrency, io and memoization suites' tests under ThreadSanitizer
# (preset tsan), the io parsers' libFuzzer targets (ci/fuzz.sh); the aarch64 cross build
# tested under qemu-user (ci/test-aarch64.sh); and the report package's flake8, mypy and
# pytest.
#   ci/test.sh [PRESET]   (default: ci)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ci/common.sh
source "$here/common.sh"
root=$(cd "$here/.." && pwd)
preset=${1:-ci}
# CI compiles the CUDA code and the kokkos_cuda unit even without a device.
export IDIOMBENCH_KOKKOS_CUDA=${IDIOMBENCH_KOKKOS_CUDA:-ON}
phases_begin
out=$(mktemp -d)
trap 'rm -rf "$out" "$IDIOMBENCH_PHASES_FILE"' EXIT

"$here/install-deps.sh" --tests
"$here/build.sh" "$preset"
python=$(python_with_deps pytest)
bin="$root/build/$preset/harness/idiombench"

phase "ctest (preset $preset)"
ctest --preset "$preset" --parallel "$(nproc 2>/dev/null || echo 2)"

phase "idiombench verify"
"$bin" verify

phase "the io suite verified against a real server (nginx, chunked pages)"
"$root/suites/io/scripts/real-server-test.sh" "$bin"

phase "quick run of the iteration suite, validated against the schema"
"$bin" run --suite iteration --profile quick --out "$out/iteration.json" >"$out/run.log" \
  || { cat "$out/run.log"; die "the quick iteration run failed"; }
PYTHONPATH="$root/reports" "$python" -m idiombench_report validate --require-ok "$out/iteration.json"

phase "cmake --install: the installed commands run"
cmake --install "$root/build/$preset" --prefix "$out/prefix" >/dev/null
"$out/prefix/bin/idiombench" --version
"$out/prefix/bin/idiombench-report" --version
"$out/prefix/bin/idiombench-report" validate --require-ok "$out/iteration.json" >/dev/null \
  || die "the installed idiombench-report cannot read a results file"

phase "the Slurm kit through a 4-node cluster on localhost, faults and --resubmit (ci/slurm/test.sh)"
"$here/slurm/test.sh" "$bin"

# clang 14 builds everything a second time here, with the sanitizers: one build is both
# CI's clang build and its sanitizer build (clang compiles with ASan + UBSan in a third of
# GCC's time). The Python variants, which the sanitizer build leaves out (CPython keeps
# its memory for the life of the process), are compiled by clang on their own.
if [[ $preset == ci && ${IDIOMBENCH_SKIP_ASAN:-0} != 1 ]]; then
  log "clang 14: every test under AddressSanitizer + UndefinedBehaviorSanitizer (preset asan; IDIOMBENCH_SKIP_ASAN=1 skips it)"
  phase_done
  "$here/build.sh" asan
  phase "ctest (preset asan)"
  ctest --preset asan --parallel "$(nproc 2>/dev/null || echo 2)"
  phase "clang 14: the Python variants compile (preset ci-clang, build preset ci-clang-python)"
  cmake --preset ci-clang >/dev/null
  cmake --build --preset ci-clang-python --parallel "$(nproc 2>/dev/null || echo 2)"
fi

if [[ $preset == ci && ${IDIOMBENCH_SKIP_TSAN:-0} != 1 ]]; then
  log "support, concurrency, io and memoization tests under ThreadSanitizer (preset tsan; IDIOMBENCH_SKIP_TSAN=1 skips it)"
  phase_done
  "$here/build.sh" tsan
  phase "ctest (preset tsan)"
  ctest --preset tsan --parallel "$(nproc 2>/dev/null || echo 2)"
fi

if [[ $preset == ci && ${IDIOMBENCH_SKIP_FUZZ:-0} != 1 ]]; then
  phase "libFuzzer: the io suite's parsers, 30 s each (IDIOMBENCH_SKIP_FUZZ=1 skips it)"
  "$here/fuzz.sh" 30
fi

# 64-bit Arm: the cross build, its tests and `verify` under qemu-user. In CI the harness and
# the suite whose code has Arm paths of its own (compute: NEON kernels, stnp, the NEON gemm
# tile, Kokkos), to keep .ci/run within its hour on a new machine (qemu makes each of the
# ~1 200 conformance checks of compute and iteration take ~0.3 s: 7 minutes for those two);
# ci/test-aarch64.sh alone builds and verifies every suite.
if [[ $preset == ci && ${IDIOMBENCH_SKIP_AARCH64:-0} != 1 ]]; then
  log "aarch64 cross build, tested under qemu-user (ci/test-aarch64.sh; IDIOMBENCH_SKIP_AARCH64=1 skips it)"
  phase_done
  "$here/test-aarch64.sh" compute
fi

phase "report package: flake8, mypy, pytest"
(cd "$root/reports" && "$python" -m flake8 idiombench_report tests)
(cd "$root/reports" && "$python" -m mypy)
(cd "$root/reports" && PYTHONPATH="$root/reports" "$python" -m pytest -q -p no:cacheprovider)
phase_done
log "phases:"
phases_table
log "all tests passed"
