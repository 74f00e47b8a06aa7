#!/usr/bin/env bash
# The main job: dependencies (when missing), a release build, the quick profile of
# every suite, the results JSON and the HTML report. Prints both paths, and the time of
# each phase (install, Kokkos, configure, build, run, render).
#   ci/main.sh [--suites "compute;io"] [--cuda] [--prebuilt DIR] [extra `idiombench run` options]
#     --suites LIST   build (and so run) only these suites; default: every suite
#     --cuda          compile the CUDA variants and Kokkos for CUDA even without a device
#                     (default: only where a CUDA device is present)
#     --prebuilt DIR  no build: run DIR's runner, built elsewhere (docker/Dockerfile.arm64's
#                     image carries a cross build and no compiler)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ci/common.sh
source "$here/common.sh"
root=$(cd "$here/.." && pwd)

suites="" cuda=AUTO prebuilt="" asked_cuda=0
run_args=()
while (($#)); do
  case $1 in
    --suites) (($# >= 2)) || die "--suites needs a list, e.g. --suites \"compute;io\""
      suites=$2; shift 2 ;;
    --suites=*) suites=${1#--suites=}; shift ;;
    --cuda) cuda=ON asked_cuda=1; shift ;;
    --prebuilt) (($# >= 2)) || die "--prebuilt needs a build folder, e.g. --prebuilt build/aarch64"
      prebuilt=$2; shift 2 ;;
    *) run_args+=("$1"); shift ;;
  esac
done
if [[ $cuda == AUTO ]]; then cuda_device_present && cuda=ON || cuda=OFF; fi
export IDIOMBENCH_KOKKOS_CUDA=$cuda
with_cuda=$([[ $cuda == ON ]] && echo AUTO || echo OFF)

phases_begin
trap 'rm -f "$IDIOMBENCH_PHASES_FILE"' EXIT

# An empty list is every suite (the cache variable's default). The main job runs the suites,
# not the tests: their executables (~15% of the compile time) are left out.
if [[ -n $prebuilt ]]; then
  [[ -z $suites ]] && ((asked_cuda == 0)) || die "--prebuilt runs a build as it is: not with --suites or --cuda"
  runner=$(cd "$prebuilt" 2>/dev/null && pwd)/harness/idiombench \
    && [[ -x $runner ]] || die "--prebuilt $prebuilt: no harness/idiombench there"
else
  "$here/build.sh" release "-DIDIOMBENCH_SUITES=${suites}" "-DIDIOMBENCH_WITH_CUDA=$with_cuda" \
    -DIDIOMBENCH_TESTS=OFF
  runner=$root/build/release/harness/idiombench
fi
python=$(python_with_deps)

mkdir -p "$root/results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="$root/results/quick-$stamp.json"
report="$root/results/quick-$stamp.html"

status=0
phase "run (quick profile)"
"$runner" run --profile quick --out "$results" "${run_args[@]}" || status=$?
phase_done
# Render whatever was measured, even when a benchmark failed (status 1).
if [[ -f $results ]]; then
  phase "render"
  PYTHONPATH="$root/reports" "$python" -m idiombench_report render "$results" -o "$report" >/dev/null
  phase_done
  log "phases:"
  phases_table
  echo "results: $results"
  echo "report:  $report"
fi
exit "$status"
