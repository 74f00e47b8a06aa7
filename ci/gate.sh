#!/usr/bin/env bash
# The pull-request gate: builds the base commit and this tree for the gate, relinks each
# with K shuffled code layouts, and runs `idiombench ab`: only the benchmarks whose code
# fingerprint differs are timed (plus a few seeded sentinels whose code did not change),
# in rounds, until a change of --target is detectable or --budget is spent; then `compare`
# tests them on the layouts' mean log ratios. Exit status is compare's: 0 no regression,
# 1 a regression, 2 a benchmark could not be tested or bad input, 3 undecided: a benchmark
# whose code changed ended short of --target when the budget ran out (neither flagged nor
# shown unchanged; compare.md's first line says how many, each row how many more pairs).
#
#   ci/gate.sh [--base REF] [--tree DIR] [--out DIR] [--layouts K] [--target 3%] [--budget 10m]
#              [idiombench ab options: --suite S, --filter RE, --sentinels N...]
#
# --base defaults to the merge base of HEAD and origin/main; --tree (default: this
# checkout) is the candidate's source. IDIOMBENCH_GATE_CMAKE_ARGS adds configure options
# to the candidate's build only (ci/gate-experiment.sh injects a slowdown that way). Writes DIR/baseline.json,
# DIR/candidate.json (ordinary results files: keep them for `history`), DIR/compare.md
# (the table for a pull request or $GITHUB_STEP_SUMMARY), DIR/compare.txt and
# DIR/phases.txt (the time of each phase).
#
# Reuse: both builds go through ccache (CCACHE_DIR: cache it in CI) with paths relative to
# the tree, so the base commit's build shares every object its files have in common with
# this tree's; the base's worktree and build folder are kept between runs (Ninja rebuilds
# only what the new base changed), and the layouts are relinks of the same objects.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ci/common.sh
source "$here/common.sh"
root=$(cd "$here/.." && pwd)

base="" tree=$root out="$root/results/gate" layouts=10 target=3% budget=10m
ab_options=()
while (($#)); do
  case $1 in
    --base) base=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --tree) tree=$(cd "$2" && pwd) || die "no folder '$2'"; shift 2 ;;
    --layouts) layouts=$2; shift 2 ;;
    --target) target=$2; shift 2 ;;
    --budget) budget=$2; shift 2 ;;
    *) ab_options+=("$1"); shift ;;
  esac
done
[[ $layouts =~ ^[1-9][0-9]*$ ]] || die "--layouts must be a whole number of 1 or more, not '$layouts'"
if [[ -z $base ]]; then
  base=$(git -C "$tree" merge-base HEAD origin/main 2>/dev/null) \
    || die "no --base given and no merge base with origin/main (fetch it, or pass --base REF)"
fi
base_sha=$(git -C "$tree" rev-parse --verify "$base^{commit}") || die "unknown --base '$base'"

start=$SECONDS phase_start=$SECONDS
mkdir -p "$out"
: >"$out/phases.txt"
phase() {  # ends the current phase: its name and time, on stderr and in phases.txt
  local line
  line=$(printf '%-28s %4d s' "$1" $((SECONDS - phase_start)))
  log "phase: $line"
  printf '%s\n' "$line" >>"$out/phases.txt"
  phase_start=$SECONDS
}

"$here/install-deps.sh"
python=$(python_with_deps)
phase "dependencies"

# The same configuration for both commits, given on the command line so that a base
# commit from before these options existed builds the same way: every function in its
# own section (lld can then shuffle them) at a 64-byte boundary, no jump across a 32-byte
# boundary (Intel's JCC erratum), so unchanged code keeps its alignment whatever moves;
# linked by lld keeping its relocations in the file (--emit-relocs: not loaded, not run),
# so that the code fingerprints know every address the code holds without guessing.
# Paths relative to the tree: the base's worktree lies inside it (build/gate-base), so both
# builds name every file alike and share ccache's objects, wherever --tree is.
export CCACHE_BASEDIR=$tree CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-include_file_mtime,include_file_ctime,pch_defines,time_macros}
# On aarch64 (an Arm runner) no assembler option is needed (branches are one 4-byte word);
# the linker's Cortex-A53 erratum 843419 fix is off, since it rewrites an adrp by the
# address it lands at, which an unrelated change moves.
case $(uname -m) in
  x86_64) gate_flags="-ffunction-sections -falign-functions=64 -Wa,-mbranches-within-32B-boundaries" ;;
  aarch64) gate_flags="-ffunction-sections -falign-functions=64 -mno-fix-cortex-a53-843419" ;;
  *) die "the gate builds for x86_64 and aarch64, not $(uname -m)" ;;
esac
configure_gate() {  # SOURCE_DIR [more cmake options]
  # (an injected slowdown left in the cache by an earlier configure is reset first)
  cmake -S "$1" -B "$1/build/gate" -G Ninja -DCMAKE_BUILD_TYPE=Release -DIDIOMBENCH_INJECT_SLOWDOWN= "${@:2}" \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_CUDA_COMPILER_LAUNCHER=ccache \
    "-DCMAKE_CXX_FLAGS=$gate_flags" "-DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld -Wl,--emit-relocs" \
    "-DIDIOMBENCH_WITH_CUDA=${IDIOMBENCH_GATE_CUDA:-OFF}" >/dev/null
}
build_gate() {  # SOURCE_DIR [more cmake options]
  configure_gate "$@" && cmake --build "$1/build/gate" --target idiombench --parallel "$(nproc)" >/dev/null
}

log "building this tree ($tree)"
# shellcheck disable=SC2086
build_gate "$tree" ${IDIOMBENCH_GATE_CMAKE_ARGS:-} || die "this tree does not build (its log: cmake --build $tree/build/gate)"
phase "build: this tree"

# The base: a worktree of its own commit, kept between runs with its build folder.
worktree="$tree/build/gate-base"
if [[ -e $worktree/.git ]] && git -C "$worktree" checkout -q --detach "$base_sha" 2>/dev/null; then
  :
else
  rm -rf "$worktree"
  git -C "$tree" worktree prune
  git -C "$tree" worktree add --detach "$worktree" "$base_sha" >/dev/null
fi
log "building the base ($base_sha)"
build_gate "$worktree" || die "the base commit $base_sha does not build"
phase "build: base"

rm -rf "${out:?}/bin"
mkdir -p "$out/bin"
cp "$worktree/build/gate/harness/idiombench" "$out/bin/baseline"
cp "$tree/build/gate/harness/idiombench" "$out/bin/candidate"
seeds=$(seq 1 "$layouts")
# shellcheck disable=SC2086
mapfile -t base_layouts < <("$here/relink-layouts.sh" "$worktree/build/gate" "$out/bin/baseline-layouts" $seeds)
# shellcheck disable=SC2086
mapfile -t cand_layouts < <("$here/relink-layouts.sh" "$tree/build/gate" "$out/bin/candidate-layouts" $seeds)
layout_options=()
for path in "${base_layouts[@]}"; do layout_options+=(--baseline-layout "$path"); done
for path in "${cand_layouts[@]}"; do layout_options+=(--candidate-layout "$path"); done
phase "relink: $layouts layouts per side"

log "ab: base $base_sha vs this tree, profile gate, target $target, budget $budget"
status=0
"$out/bin/candidate" ab "$out/bin/baseline" --profile gate --target "$target" --budget "$budget" \
  --out "$out" "${layout_options[@]}" "${ab_options[@]}" >"$out/ab.log" 2>&1 || status=$?
if [[ $status -ge 2 ]]; then
  tail -5 "$out/ab.log" >&2
  die "idiombench ab failed (exit $status); its log: $out/ab.log"
fi
grep -m1 "benchmarks with changed code" "$out/ab.log" >&2 || true
phase "ab"

compare() { PYTHONPATH="$root/reports" "$python" -m idiombench_report compare "$out/baseline.json" "$out/candidate.json" "$@"; }
compare --format markdown >"$out/compare.md" || true
status=0
compare --format text >"$out/compare.txt" || status=$?
phase "compare"
cat "$out/compare.txt"
printf '%-28s %4d s\n' "total" $((SECONDS - start)) >>"$out/phases.txt"
log "gate: $((SECONDS - start)) s in all (phases: $out/phases.txt)"
exit "$status"
