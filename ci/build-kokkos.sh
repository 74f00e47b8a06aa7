#!/usr/bin/env bash
# Builds Kokkos 5.0.2 from Debian's `kokkos` source package (unstable) into the cache
# folder, once per configuration:
#   kokkos-5.0.2        Serial + OpenMP: the host Kokkos variants, linked into the runner
#   kokkos-5.0.2-cuda   Serial + CUDA (nvcc_wrapper): the kokkos_cuda unit, loaded at run
#                       time only where a CUDA device is present; built when nvcc exists
#                       and a device is present, or when asked (IDIOMBENCH_KOKKOS_CUDA=ON)
#   kokkos-5.0.2-aarch64  Serial + OpenMP cross-built for 64-bit Arm (--arch arm64: the
#                       aarch64 preset's), with the cross compiler of crossbuild-essential-arm64
#
# The files are pinned: the .dsc by its sha256, the tarballs by the .dsc's Checksums-Sha256.
# They come from the pool of the archive the machine's own apt sources name; the system's
# apt configuration is not touched.
#
#   IDIOMBENCH_KOKKOS_CUDA_ARCH=HOPPER90   the GPU architecture (Kokkos_ARCH_<name>); Kokkos
#                                          builds for one, and cannot detect one without a GPU
#   IDIOMBENCH_KOKKOS_CUDA=AUTO|ON|OFF     the CUDA configuration: where a device is present
#                                          (AUTO, the default), whenever nvcc exists (ON), never
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ci/common.sh
source "$here/common.sh"

dsc_name=kokkos_${kokkos_debian_version}.dsc
dsc_sha256=b57abf093af0470c75c192c1d0d0cefb6672b16b2cce00a40c9f86832b93da81
cuda_arch=${IDIOMBENCH_KOKKOS_CUDA_ARCH:-HOPPER90}
nvcc=${CUDACXX:-/usr/local/cuda/bin/nvcc}

want_host=1
want_cuda=0
want_arm64=0
case ${1:-} in
  "") ;;
  --arch) [[ ${2:-} == arm64 ]] || die "--arch: only arm64 is supported (not '${2:-}')"
    [[ -f $kokkos_prefix-aarch64/.complete ]] || want_arm64=1 ;;
  *) die "unknown option '$1' (ci/build-kokkos.sh [--arch arm64])" ;;
esac
if [[ -n ${Kokkos_ROOT:-} ]]; then
  [[ -d $Kokkos_ROOT ]] || die "Kokkos_ROOT=$Kokkos_ROOT is not a folder"
  want_host=0 # the user's Kokkos wins
fi
[[ -f $kokkos_prefix/.complete ]] && want_host=0
# The CUDA configuration takes minutes: built where asked (ON: ci/test.sh compiles the
# kokkos_cuda unit) or where a device can run it (AUTO, the default).
kokkos_cuda_mode=${IDIOMBENCH_KOKKOS_CUDA:-AUTO}
if [[ $kokkos_cuda_mode == AUTO ]]; then
  cuda_device_present && kokkos_cuda_mode=ON || kokkos_cuda_mode=OFF
fi
if [[ $kokkos_cuda_mode == ON && -x $nvcc && ! -f $kokkos_cuda_prefix/.complete ]]; then
  [[ -z ${Kokkos_CUDA_ROOT:-} ]] && want_cuda=1
fi
((want_host || want_cuda || want_arm64)) || exit 0

# The archive the machine's apt sources use (deb.debian.org unless they name another).
archive=$( (sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null
  sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\).*/\2/p' \
    /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null) \
  | tr ' ' '\n' | grep -E '^https?://.*/debian/?$' | head -n 1 || true)
archive=${archive%/}
archive=${archive:-http://deb.debian.org/debian}
pool=$archive/pool/main/k/kokkos

work=$(mktemp -d "${TMPDIR:-/tmp}/idiombench-kokkos.XXXXXX")
trap 'rm -rf "$work"' EXIT
fetch() { # fetch NAME: one file of the source package into $work/src
  curl -fsSL --retry 3 -o "$work/src/$1" "$pool/$1" \
    || die "cannot download $pool/$1: Kokkos $kokkos_debian_version may have left the archive (this script pins that version; see ci/common.sh)"
}
mkdir -p "$work/src"
fetch "$dsc_name"
echo "$dsc_sha256  $work/src/$dsc_name" | sha256sum -c --quiet - >/dev/null 2>&1 \
  || die "$dsc_name does not have the pinned sha256 $dsc_sha256"
# The upstream tarball, checked against the .dsc's Checksums-Sha256. (The archive reachable
# here does not serve the Debian packaging tarball; its changes concern packaging, not the
# library, so the upstream source is built as released.)
orig=kokkos_${kokkos_version}.orig.tar.gz
orig_sha256=$(sed -n '/^Checksums-Sha256:/,/^[A-Z]/p' "$work/src/$dsc_name" | awk -v f="$orig" '$3 == f {print $1}')
[[ -n $orig_sha256 ]] || die "$dsc_name does not list $orig"
fetch "$orig"
echo "$orig_sha256  $work/src/$orig" | sha256sum -c --quiet - >/dev/null 2>&1 \
  || die "$orig does not match the sha256 in $dsc_name"
mkdir -p "$work/src/kokkos"
tar -xzf "$work/src/$orig" -C "$work/src/kokkos" --strip-components=1 \
  || die "cannot extract $orig"
src=$work/src/kokkos

# build NAME PREFIX CMAKE-ARGS... (NAME names folders: no spaces; nvcc_wrapper splits on them): configure, build, install into a staging folder, then
# rename, so an interrupted build never looks complete.
build() {
  local name=$1 prefix=$2
  shift 2
  log "building Kokkos $kokkos_version ($name) into $prefix"
  phase "Kokkos ($name)"
  cmake -S "$src" -B "$work/build-$name" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" \
    -DCMAKE_CXX_STANDARD=20 \
    -DCMAKE_POSITION_INDEPENDENT_CODE=ON \
    -DBUILD_SHARED_LIBS=OFF \
    -DKokkos_ENABLE_SERIAL=ON \
    -DKokkos_ENABLE_TESTS=OFF \
    -DKokkos_ENABLE_EXAMPLES=OFF \
    -DKokkos_ENABLE_BENCHMARKS=OFF \
    "$@" >"$work/configure-$name.log" 2>&1 \
    || die "Kokkos ($name) configure failed: $(tail -n 20 "$work/configure-$name.log")"
  cmake --build "$work/build-$name" >"$work/build-$name.log" 2>&1 \
    || die "Kokkos ($name) build failed: $(tail -n 20 "$work/build-$name.log")"
  DESTDIR="$work/destdir-$name" cmake --install "$work/build-$name" >"$work/install-$name.log" 2>&1 \
    || die "Kokkos ($name) install failed: $(tail -n 20 "$work/install-$name.log")"
  grep -q "#define KOKKOS_VERSION $kokkos_version_number" "$work/destdir-$name$prefix/include/KokkosCore_config.h" \
    || die "the kokkos source package did not build Kokkos $kokkos_version"
  mkdir -p "$(dirname "$prefix")"
  rm -rf "$prefix.partial"
  mv "$work/destdir-$name$prefix" "$prefix.partial"
  touch "$prefix.partial/.complete"
  rm -rf "$prefix"
  mv "$prefix.partial" "$prefix"
  log "Kokkos $kokkos_version ($name) installed in $prefix"
  phase_done
}

if ((want_host)); then
  build host "$kokkos_prefix" -DKokkos_ENABLE_OPENMP=ON
fi
if ((want_arm64)); then
  build aarch64 "$kokkos_prefix-aarch64" -DKokkos_ENABLE_OPENMP=ON \
    -DCMAKE_TOOLCHAIN_FILE="$here/../cmake/aarch64-linux-gnu.toolchain.cmake"
fi
if ((want_cuda)); then
  # nvcc_wrapper drives nvcc with the host compiler; it installs beside the library.
  NVCC_WRAPPER_DEFAULT_COMPILER=${CXX:-g++} PATH=$(dirname "$nvcc"):$PATH \
    build "cuda-$cuda_arch" "$kokkos_cuda_prefix" -DKokkos_ENABLE_CUDA=ON "-DKokkos_ARCH_$cuda_arch=ON" \
    -DCMAKE_CXX_COMPILER="$src/bin/nvcc_wrapper" -DKokkos_ENABLE_CUDA_CONSTEXPR=ON
fi
