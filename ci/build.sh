#!/usr/bin/env bash
# Configures and builds one CMake preset (default: release), installing the
# dependencies first when any is missing. Prints each phase's time.
#   ci/build.sh [PRESET [-DVAR=VALUE...]]   extra arguments go to the configure step
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ci/common.sh
source "$here/common.sh"
preset=${1:-release}
shift $(($# > 0 ? 1 : 0))
cd "$here/.."

if [[ $preset == aarch64 ]]; then
  "$here/install-deps.sh" --arch arm64  # the cross compiler, qemu-user, the :arm64 libraries
else
  "$here/install-deps.sh"
fi
jobs=$(nproc 2>/dev/null || echo 2)
log "configuring and building preset '$preset'"
phase "configure ($preset)"
configure_log=$(mktemp)
trap 'rm -f "$configure_log"' EXIT
cmake --preset "$preset" "$@" >"$configure_log" 2>&1 \
  || { cat "$configure_log" >&2; die "configure failed (preset $preset)"; }
grep -E '^-- (idiombench|  )' "$configure_log" >&2 || true
phase "build ($preset)"
cmake --build --preset "$preset" --parallel "$jobs" >&2 || die "build failed (preset $preset)"
phase_done
