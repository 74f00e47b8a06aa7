#!/usr/bin/env bash
# Installs everything idiombench needs on Debian 12: the Debian packages, and
# Kokkos 5.0.2 built from Debian's kokkos source package (ci/build-kokkos.sh): OpenMP +
# Serial, and CUDA + Serial where nvcc is found.
# Idempotent and quiet when nothing is missing. Exit non-zero with a clear
# message when something cannot be installed.
#
#   ci/install-deps.sh [--tests] [--arch arm64] [--runtime PACKAGES_FILE]
#     --tests        also what only the tests need (chromium, Slurm, nginx...)
#     --arch arm64   also what the aarch64 cross build needs (cmake --preset aarch64): the
#                    cross compiler, qemu-user to run its binaries here, and the :arm64
#                    builds of the C++ libraries (multiarch: `dpkg --add-architecture arm64`)
#     --runtime F    only what running a build made elsewhere needs: Python and the libraries
#                    of its variants and of the reports, and the packages named in F (one per
#                    line, as ci/runtime-packages.sh writes them); no compiler, no Kokkos
#   IDIOMBENCH_SKIP_APT=1   do not touch Debian packages (check only)
#   Kokkos_ROOT=/path       use this (host) Kokkos instead of building one
#   Kokkos_CUDA_ROOT=/path  use this CUDA Kokkos instead of building one
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ci/common.sh
source "$here/common.sh"

packages=(
  # toolchain
  build-essential cmake ninja-build clang libomp-dev clang-format pkg-config git xz-utils
  # ci/build-kokkos.sh fetches Kokkos's source package from the Debian archive
  curl
  # the regression gate: a compiler cache, and lld to relink one set of objects with
  # shuffled function orders (ci/gate.sh)
  ccache lld
  # instruction-count mode (callgrind and its client-request header)
  valgrind
  # C++ libraries (every suite's; see DESIGN.md "Dependencies")
  libbenchmark-dev libgtest-dev libgmock-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  librange-v3-dev libboost-dev libboost-context-dev libtbb-dev liburing-dev libxsimd-dev
  libabsl-dev libopenblas-dev libcurl4-openssl-dev libxml2-dev libre2-dev
  # the gate's code fingerprints decode the binary's own machine code
  libzydis-dev
  # the report package's tests; the python model's CPython embedded in the runner (pybind11)
  python3-pytest python3-dev pybind11-dev
)
# What a built runner and the reports need at run time (Debian's python3, /usr/bin/python3):
# the reports' libraries, the results store's PostgreSQL driver (SQLite is Python's own), and
# the libraries the python model's variants use (numba, aiohttp + BeautifulSoup, uvloop).
python_runtime=(
  python3 python3-matplotlib python3-jinja2 python3-numpy python3-scipy python3-jsonschema
  python3-fastjsonschema python3-psycopg2
  python3-numba python3-aiohttp python3-bs4 python3-uvloop
)
packages+=("${python_runtime[@]}")
# Only the tests: headless Chromium opens a rendered report (reports/tests/test_browser.py);
# mypy and flake8 check the report package; hypothesis fuzzes its reader; the io suite is
# verified against nginx (suites/io/scripts/real-server-test.sh, which curl checks); clang's
# libFuzzer runtime builds the fuzz targets (ci/fuzz.sh); Slurm and munge run the Slurm
# kit through a one-node cluster (ci/slurm/test.sh); a PostgreSQL server is started by the
# results store's tests (reports/tests/test_store.py); strace shows what a benchmark's
# process opens (harness/python/tests/child_footprint_test.sh).
tests=0 arch="" runtime=""
while (($#)); do
  case $1 in
    --tests) tests=1; shift ;;
    --arch) arch=${2:-}; shift 2 || die "--arch needs a value (arm64)" ;;
    --runtime) runtime=${2:-}; shift 2 || die "--runtime needs a file of package names (ci/runtime-packages.sh)" ;;
    *) die "unknown option '$1' (ci/install-deps.sh [--tests] [--arch arm64] [--runtime FILE])" ;;
  esac
done
if [[ -n $runtime ]]; then
  ((tests == 0)) && [[ -z $arch ]] || die "--runtime installs what a built runner needs: not with --tests or --arch"
  [[ -r $runtime ]] || die "--runtime: cannot read '$runtime'"
  packages=("${python_runtime[@]}")
  while read -r p; do [[ -z $p || $p == \#* ]] || packages+=("$p"); done <"$runtime"
fi
if ((tests)); then
  packages+=(chromium python3-mypy flake8 python3-hypothesis nginx-light curl libclang-rt-14-dev
    slurm-wlm munge postgresql strace)
fi
# The aarch64 cross build: the libraries whose code is compiled in come as :arm64; header-only
# and architecture-independent packages (range-v3, nlohmann-json, CLI11, xsimd, pybind11) are
# shared with the host. (Zydis too: the runner reads x86-64 files on any host; aarch64
# code is fingerprinted through the link's relocations.) Python's own
# extension packages (numpy, numba, aiohttp, uvloop) cannot sit beside the host's (Debian
# builds them Multi-Arch: no), so under qemu the variants that need them say so and skip.
new_architecture=""
case $arch in
  "") ;;
  arm64)
    packages+=(crossbuild-essential-arm64 qemu-user-static binfmt-support file)
    for p in libbenchmark-dev libgtest-dev libgmock-dev libfmt-dev libboost-dev libboost-context-dev \
      libtbb-dev liburing-dev libabsl-dev libopenblas-dev libcurl4-openssl-dev libxml2-dev \
      libre2-dev libpython3.11-dev libzydis-dev; do
      packages+=("$p:arm64")
    done
    dpkg --print-foreign-architectures | grep -qx arm64 || new_architecture=arm64
    ;;
  *) die "--arch: only arm64 is supported (not '$arch')" ;;
esac

phase "install: Debian packages" --quiet
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  if [[ ${IDIOMBENCH_SKIP_APT:-0} == 1 ]]; then
    die "missing Debian packages (IDIOMBENCH_SKIP_APT=1 forbids installing): ${missing[*]}"
  fi
  sudo=""
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || die "need root (or sudo) to install: ${missing[*]}"
    sudo="sudo"
  fi
  # Another apt (unattended upgrades, a second gate) holds the lock for a while: wait for it.
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if [[ -n $new_architecture ]]; then
    $sudo dpkg --add-architecture "$new_architecture" || die "dpkg --add-architecture $new_architecture failed"
  fi
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null || die "apt-get update failed"
  $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install failed for: ${missing[*]}"
fi

# The tests' scripts start aarch64 programs directly: the kernel hands them to qemu-user
# (binfmt_misc; qemu-user-static's registration needs the file system mounted).
# Not where that is not ours to change (a container's build, where the host registers
# qemu-user or not): only a warning, and ci/test-aarch64.sh says what is missing.
if [[ $arch == arm64 && ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]]; then
  sudo=""
  [[ $(id -u) == 0 ]] || sudo="sudo"
  if [[ -e /proc/sys/fs/binfmt_misc/register ]] \
    || $sudo mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc 2>/dev/null; then
    $sudo update-binfmts --enable qemu-aarch64 || log "warning: update-binfmts --enable qemu-aarch64 failed"
  else
    log "warning: cannot mount binfmt_misc here: aarch64 programs run only through qemu-aarch64-static named"
  fi
fi

phase_done
[[ -z $runtime ]] || exit 0
"$here/build-kokkos.sh"
if [[ -n $arch ]]; then
  "$here/build-kokkos.sh" --arch "$arch"
fi
