#!/usr/bin/env bash
# Prepares everything a GPU host needs to measure the GPU models without building anything
# there (GPU time is short, and its userland is not this machine's): a release build of
# the runner for x86-64-v4 without Python, the kokkos_cuda unit beside it, the non-system
# libraries both load, optionally BabelStream's CUDA model as an independent STREAM, and
# ci/gpu-measure.sh, which runs it all in one go.
#
#   ci/gpu-kit.sh [--babelstream SRC] [--out DIR]
#     SRC: a BabelStream source tree (its src/ folder), built here with nvcc; BabelStream
#          is not part of idiombench and is not downloaded by it: bring your own checkout.
#     DIR: where the kit goes (default build/gpu-kit). Run it on the GPU host with
#          `ci/gpu-measure.sh DIR RESULTS_DIR` from a copy of this repository.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
# shellcheck source=ci/common.sh
source "$here/common.sh"

babelstream=""
kit=$root/build/gpu-kit
while (($#)); do
  case $1 in
    --babelstream) babelstream=$2; shift 2 ;;
    --out) kit=$2; shift 2 ;;
    *) die "unknown argument $1 (see the comment at the top of ci/gpu-kit.sh)" ;;
  esac
done
nvcc=${CUDACXX:-/usr/local/cuda/bin/nvcc}
[[ -x $nvcc ]] || die "no nvcc at $nvcc: the kit's GPU code cannot be compiled"

"$here/install-deps.sh"
build=$root/build/device
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DIDIOMBENCH_MARCH=x86-64-v4 \
  -DIDIOMBENCH_WITH_PYTHON=OFF -DIDIOMBENCH_WITH_KOKKOS=ON -DIDIOMBENCH_WITH_CUDA=ON \
  -DIDIOMBENCH_WITH_KOKKOS_CUDA=ON >/dev/null
cmake --build "$build" --target idiombench

rm -rf "$kit"
mkdir -p "$kit/lib"
cp "$build/harness/idiombench" "$build/harness/libidiombench_kokkos_cuda.so" "$kit/"
strip --strip-debug "$kit/idiombench" "$kit/libidiombench_kokkos_cuda.so"
# Every library they load that a bare Linux host may lack: all but the C library's own
# and the CUDA driver, which the GPU host provides. libcudart.so comes from this toolkit.
# The libraries the suites open on first use (not linked, so ldd does not list them) come
# too, with theirs.
on_demand=()
while read -r soname; do
  [[ -n $soname ]] || continue
  path=$(/sbin/ldconfig -p | awk -v name="$soname" '$1 == name && /x86-64/ {print $NF; exit}')
  [[ -n $path ]] || die "$soname (opened on demand) is not installed here"
  on_demand+=("$path")
done <"$build/on-demand-libraries.txt"
for binary in "$kit/idiombench" "$kit/libidiombench_kokkos_cuda.so" "${on_demand[@]}"; do
  [[ $binary == "$kit"/* ]] || echo "$binary"
  ldd "$binary" | awk '$3 ~ /^\// {print $3}'
done | sort -u | while read -r lib; do
  case $(basename "$lib") in
    libc.so* | libm.so* | libdl.so* | libpthread.so* | librt.so* | ld-linux* | libcuda.so* | \
      libstdc++.so* | libgcc_s.so*) ;;
    *) cp -L "$lib" "$kit/lib/" ;;
  esac
done
if [[ -n $babelstream ]]; then
  [[ -f $babelstream/src/cuda/CUDAStream.cu ]] || die "$babelstream is not a BabelStream source tree"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  cp -r "$babelstream/src" "$work/"
  # Its NVML clock query only prints a theoretical figure, and needs nvml.h (not in the
  # toolkit here): removed in the copy.
  python3 - "$work/src/cuda/CUDAStream.cu" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p).read()
s = s.replace('#include <nvml.h>\n', '')
s = re.sub(r'\[\[noreturn\]\] inline void nvml_error.*?\n}\n', '', s, flags=re.S)
s = re.sub(r'#define NVML\(EXPR\).*\n', '', s)
s = re.sub(r'  NVML\(nvmlInit\(\)\);.*?(  std::cout << "CUDA Device ")',
           r'  cudaDeviceProp dprop;\n  CU(cudaGetDeviceProperties(&dprop, device_index));\n\1', s, flags=re.S)
s = re.sub(r'<< "Memory: " << memclock.*?GB/s PEAK, ECC is "', '<< "ECC is "', s, flags=re.S)
open(p, 'w').write(s)
PY
  "$nvcc" -O3 -std=c++20 -arch=sm_90 --extended-lambda -DCUDA -DGRID_STRIDE -I"$work/src" \
    -I"$work/src/cuda" -x cu "$work/src/main.cpp" "$work/src/cuda/CUDAStream.cu" -o "$kit/babelstream-cuda" \
    || die "BabelStream did not build"
fi
# One compressed file: what a copy to the GPU host carries (about 40 MB).
tar -czf "$kit.tar.gz" -C "$(dirname "$kit")" "$(basename "$kit")"
du -sh "$kit" "$kit.tar.gz"
log "kit ready in $kit.tar.gz: run ci/gpu-measure.sh $kit.tar.gz RESULTS_DIR on the GPU host"
