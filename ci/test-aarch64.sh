#!/usr/bin/env bash
# idiombench for 64-bit Arm, built and tested here: the cross build (preset aarch64: g++ 12
# for aarch64, the :arm64 libraries, Kokkos cross-built), then under qemu-user its ctest
# (harness unit and end-to-end tests, the fingerprint tests, the suites' contract and mutant
# tests), `info` and `list`, and `idiombench verify` of the suites at every conformance size
# (the conformance tests of ctest check the same, once more: left to verify here, as qemu
# makes each take seconds). Conformance only: a time measured under emulation is the
# emulator's, and results files made so are marked (machine.emulated) and never compared.
#   ci/test-aarch64.sh [SUITE...]   the suites to build and verify (default: all)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ci/common.sh
source "$here/common.sh"
root=$(cd "$here/.." && pwd)
jobs=$(nproc 2>/dev/null || echo 2)

"$here/install-deps.sh" --arch arm64
qemu=$(command -v qemu-aarch64-static) || die "qemu-aarch64-static not found (Debian package qemu-user-static)"
# ctest and the tests' scripts start aarch64 programs directly.
[[ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]] \
  || die "the kernel does not hand aarch64 programs to qemu-user (binfmt_misc: mount it and run update-binfmts --enable qemu-aarch64, as root)"
suites=$(IFS=';'; echo "$*")
"$here/build.sh" aarch64 "-DIDIOMBENCH_SUITES=$suites"
bin="$root/build/aarch64/harness/idiombench"
file -b "$bin" | grep -q "ARM aarch64" || die "$bin is not an aarch64 executable: $(file -b "$bin")"

# What qemu-user cannot stand in for, each for its reason (the same tests pass on x86-64):
#  - the memory limit: RLIMIT_DATA limits the emulator's own mappings, not the program's
#  - no Python in a C++ benchmark's process: its numpy half needs numpy, which Debian
#    cannot install for arm64 beside the host's (the numpy variants say so and skip)
#  - a literal read to its NUL: in lld's aarch64 layout the same bytes follow the "" literal
#    in both probes, so the test cannot show anything (its code path is the x86 one)
emulator_limits="^Conformance_"
emulator_limits+="|Cli.AVariantThatAllocatesWithoutBoundStopsAtTheMemoryLimit"
emulator_limits+="|cpp_benchmark_processes_start_no_python|code_fingerprint_reads_a_literal_to_its_nul"
phase "aarch64: ctest under qemu-user"
ctest --preset aarch64 --parallel "$jobs" -E "$emulator_limits"

phase "aarch64: info and list under qemu-user"
info=$("$qemu" "$bin" info)
grep -q "under emulation" <<<"$info" || die "info under qemu-user does not say it is emulated: $info"
# The simd variants are the compute suite's: built when it is named, or every suite is.
if [[ -z $suites || ";$suites;" == *";compute;"* ]]; then
  grep -q "xsimd .*neon" <<<"$info" || die "info does not name the simd variants' NEON kernels: $info"
fi
"$qemu" "$bin" list >/dev/null

phase "aarch64: idiombench verify under qemu-user (${*:-every suite})"
"$qemu" "$bin" verify
phase_done
