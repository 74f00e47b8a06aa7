#!/usr/bin/env bash
# Measures the GPU models on a GPU host from a kit made by ci/gpu-kit.sh, in one go and
# without building anything: info, the kokkos_cuda listing, verification of the device
# models, interleaved rounds of the STREAM kernels against BabelStream's CUDA model (when
# the kit has it), and the whole compute suite case by case (each case with the limits
# it is measured against, so that a time-out loses one case, not the run).
#
#   ci/gpu-measure.sh KIT RESULTS_DIR [ROUNDS]    KIT: the kit's folder or its .tar.gz
#   IDIOMBENCH_GPU_SECONDS=480       stop starting new steps after this many seconds
#   IDIOMBENCH_GPU_CASE_SECONDS=150  time allowed to each compute case
#   IDIOMBENCH_GPU_VERIFY=0          skip the verification step
# Everything ends up in RESULTS_DIR and in RESULTS_DIR.tar.gz.
set -uo pipefail

kit=${1:?usage: ci/gpu-measure.sh KIT RESULTS_DIR [ROUNDS]}
out=${2:?usage: ci/gpu-measure.sh KIT RESULTS_DIR [ROUNDS]}
rounds=${3:-5}
budget=${IDIOMBENCH_GPU_SECONDS:-480}
mkdir -p "$out"
if [[ -f $kit && $kit == *.tar.gz ]]; then
  unpacked=$(mktemp -d)
  tar -xzf "$kit" -C "$unpacked"
  kit=$(ls -d "$unpacked"/*/ | head -n 1)
  kit=${kit%/}
fi
[[ -x $kit/idiombench ]] || { echo "no idiombench in the kit $kit" >&2; exit 1; }
export LD_LIBRARY_PATH=$kit/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export OMP_PROC_BIND=${OMP_PROC_BIND:-spread} OMP_PLACES=${OMP_PLACES:-threads}
runner=$kit/idiombench
start=$SECONDS

# step NAME SECONDS COMMAND...: one step, its output in NAME.log, its status in steps.txt.
step() {
  local name=$1 limit=$2
  shift 2
  if ((SECONDS - start > budget)); then
    echo "$name skipped: over the ${budget}s budget" >>"$out/steps.txt"
    return 0
  fi
  local began=$SECONDS
  timeout "$limit" "$@" >"$out/$name.log" 2>&1
  echo "$name rc=$? ${SECONDS}s-total $((SECONDS - began))s" >>"$out/steps.txt"
}

{ nvidia-smi || true; nproc; lscpu | head -20; } >"$out/host.txt" 2>&1
step info 60 "$runner" info
step info-json 60 "$runner" info --json
step list-kokkos_cuda 60 "$runner" list --model kokkos_cuda
[[ ${IDIOMBENCH_GPU_VERIFY:-1} == 1 ]] && step verify 240 "$runner" verify --suite compute --model cuda --model kokkos_cuda --model kokkos

# The STREAM rounds at the device models' large point (4x L2 per array).
n=$("$runner" list --model cuda --filter '^compute/triad/cuda/' | awk '{print $1}' | sed 's/.*n://' | sort -n | tail -n 1)
echo "n=$n" >>"$out/steps.txt"
stream="^compute/((copy|scale|add|triad|dot)/(cuda|thrust|kokkos_cuda)/n:$n|device_peak/.*|launch/.*)\$"
for r in $(seq 1 "$rounds"); do
  if [[ -x $kit/babelstream-cuda ]]; then
    step "babelstream-$r" 60 "$kit/babelstream-cuda" -s "$n" -n 100 --csv
  fi
  step "stream-$r" 120 "$runner" run --filter "$stream" --repetitions 10 --min-time 0.05 \
    --out "$out/stream-$r.json"
  # The earlier map kernel shape, for the comparison of shapes (stream/cuda_kernels.cu).
  IDIOMBENCH_CUDA_MAP_SHAPE=grid_stride step "grid-stride-$r" 60 "$runner" run \
    --filter "^compute/(copy|scale|add|triad)/cuda/n:$n\$" --repetitions 10 --min-time 0.05 \
    --out "$out/grid-stride-$r.json"
done

# numba.cuda: whether the host's own Python could run it (the runner's embedded Python is
# Debian's, built out of this kit).
step numba-probe 30 sh -c 'command -v python3 && python3 -c "import numba, numba.cuda as c; print(numba.__version__, c.is_available())"'

# The whole compute suite, quick profile, case by case with its limits.
for c in triad dot launch stencil2d histogram copy scale add gemm; do
  step "compute-$c" "${IDIOMBENCH_GPU_CASE_SECONDS:-150}" "$runner" run --suite compute --filter "^compute/($c|peak|device_peak)/" \
    --out "$out/compute-$c.json"
done
echo "done in $((SECONDS - start))s" >>"$out/steps.txt"
# One file to bring back (a copy-back may limit how many files it takes).
tar -czf "$out.tar.gz" -C "$out" .
