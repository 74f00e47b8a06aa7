#!/usr/bin/env bash
# The regression gate's proof, on your own machine: how often does ci/gate.sh cry wolf when
# the measured code did not change, how often does it catch a real slowdown, what can it
# detect, and how long does it take? Beside it, at the same time, the plain gate (10 pairs
# of every benchmark, one layout, no fingerprints), so the host's noise is on the record.
#
#   ci/gate-experiment.sh [--out DIR] [--suite S]... [--repeats N] [--relinks N] [--history N]
#                         [--history-from REF] [--history-skip K] [--plain N] [--slow-case REGEX] [gate.sh options: --budget, --target, --layouts]
#
# Sessions (each a folder of DIR with baseline.json, candidate.json, phases.txt; the gate
# sessions are numbered after those already in DIR, so repeats add to an earlier folder):
#   aa-relink-K     HEAD against its own relinks (other code layouts), every benchmark timed;
#                   its first 10 pairs, tested pair by pair, are the plain gate run alongside
#   aa-unrelated-K  ci/gate.sh: HEAD plus an unrelated function in the harness, against HEAD
#   slow10-K, slow5-K  ci/gate.sh: the same unrelated change plus a real slowdown of the
#                   --slow-case benchmarks (IDIOMBENCH_INJECT_SLOWDOWN: once more every 10th /
#                   20th iteration, or where a repetition has too few iterations for that to
#                   be exact, a spin of 1/10 / 1/20 of each run's time: x1.10 / x1.05)
#   history-K       ci/gate.sh between real pairs of consecutive commits of this repository
#                   in which some measured suite's code changed (not only its docs), from
#                   --history-from (default HEAD) back: real pull requests, timed where their
#                   fingerprints differ (a flag there may be a true change, not a false alarm);
#                   --history-skip K starts after the first K such pairs (numbered from K+1),
#                   to add pairs to an --out folder an earlier session began
#   plain-K         `ab --profile gate` of HEAD against a copy of itself: the plain 10-pair gate
# Then `idiombench-report experiment DIR` prints (and writes to DIR/summary.txt) the false
# alarms per benchmark and per gate, the detection of the slowed case, the detectable
# changes and the wall times, kind by kind.
#
# Defaults: every suite (as ci/gate.sh), 2 repeats of each kind, 5 history pairs, 1 plain
# session; several hours on a 2-core VM: --repeats 0 --relinks 0 --plain 0 runs the history
# pairs alone, --history 0 the rest, into the same --out (the summary reads every session
# there). Needs a clean checkout (HEAD is what it measures).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ci/common.sh
source "$here/common.sh"
root=$(cd "$here/.." && pwd)

out="$root/results/gate-experiment" repeats=2 relinks="" history=5 history_from=HEAD history_skip=0 plain=1 slow_case='^iteration/sum_squares/'
suites=() gate_options=()
while (($#)); do
  case $1 in
    --out) out=$2; shift 2 ;;
    --suite) suites+=(--suite "$2"); shift 2 ;;
    --repeats) repeats=$2; shift 2 ;;
    --relinks) relinks=$2; shift 2 ;;
    --history) history=$2; shift 2 ;;
    --history-from) history_from=$2; shift 2 ;;
    --history-skip) history_skip=$2; shift 2 ;;
    --plain) plain=$2; shift 2 ;;
    --slow-case) slow_case=$2; shift 2 ;;
    --budget | --target | --layouts) gate_options+=("$1" "$2"); shift 2 ;;
    *) die "unknown option '$1' (see the comment at the top of $0)" ;;
  esac
done
relinks=${relinks:-$repeats}
for n in "$repeats" "$relinks" "$history" "$history_skip" "$plain"; do
  [[ $n =~ ^[0-9]+$ ]] || die "--repeats, --relinks, --history, --history-skip and --plain take whole numbers, not '$n'"
done
head_sha=$(git -C "$root" rev-parse HEAD)
mkdir -p "$out"
python=$(python_with_deps)
work="$root/build/experiment"
mkdir -p "$work"

# A worktree of COMMIT at DIR (kept between runs, moved to COMMIT).
worktree_at() {
  local dir=$1 commit=$2
  if [[ -e $dir/.git ]] && git -C "$dir" checkout -q --force --detach "$commit" 2>/dev/null; then
    git -C "$dir" clean -qfd -e build
  else
    rm -rf "$dir"
    git -C "$root" worktree prune
    git -C "$root" worktree add --detach "$dir" "$commit" >/dev/null
  fi
}

# HEAD plus a function the harness never calls: its code moves other functions, nothing
# any benchmark runs changes.
unrelated="$work/unrelated"
worktree_at "$unrelated" "$head_sha"
cat >>"$unrelated/harness/src/info_command.cpp" <<'EOF'

// ci/gate-experiment.sh: an unrelated change (never called; it only moves code around).
namespace idiombench {
[[gnu::used, gnu::noinline]] long gate_experiment_unrelated(long x) {
  long sum = 0;
  for (long i = 0; i < x; ++i) sum += (i * 2654435761L) ^ (sum >> 3);
  return sum;
}
}  // namespace idiombench
EOF

gate() {  # NAME TREE BASE [env...]: one ci/gate.sh session into DIR/NAME
  local name=$1 tree=$2 base=$3
  shift 3
  log "session $name: ci/gate.sh with $(basename "$tree") against ${base:0:12}"
  env "$@" "$here/gate.sh" --tree "$tree" --base "$base" --out "$out/$name" "${suites[@]}" "${gate_options[@]}" \
    >"$out/$name.log" 2>&1 || log "($name: gate exit $?)"
}

# KIND-N for the first N not yet in --out: repeats add to a folder an earlier session began.
next_session() {
  local n=1
  while [[ -e $out/$1-$n ]]; do n=$((n + 1)); done
  echo "$1-$n"
}

for ((i = 1; i <= repeats; i++)); do
  gate "$(next_session aa-unrelated)" "$unrelated" "$head_sha"
  gate "$(next_session slow10)" "$unrelated" "$head_sha" "IDIOMBENCH_GATE_CMAKE_ARGS=-DIDIOMBENCH_INJECT_SLOWDOWN=$slow_case:10"
  gate "$(next_session slow5)" "$unrelated" "$head_sha" "IDIOMBENCH_GATE_CMAKE_ARGS=-DIDIOMBENCH_INJECT_SLOWDOWN=$slow_case:20"
done

# HEAD against its own relinks: the base build of the sessions above (gate.sh keeps it in
# the tree it gated), every benchmark timed.
base_build="$unrelated/build/gate-base/build/gate"
if ((relinks > 0)); then
  [[ -x $base_build/harness/idiombench ]] || die "no base build at $base_build"
  layouts=10
  for ((k = 0; k < ${#gate_options[@]}; k += 2)); do
    [[ ${gate_options[k]} == --layouts ]] && layouts=${gate_options[k + 1]}
  done
  for ((i = 1; i <= relinks; i++)); do
    dir="$out/aa-relink-$i"
    mkdir -p "$dir"
    mapfile -t a < <("$here/relink-layouts.sh" "$base_build" "$dir/bin-a" $(seq $((1000 * i + 1)) $((1000 * i + layouts))))
    mapfile -t b < <("$here/relink-layouts.sh" "$base_build" "$dir/bin-b" $(seq $((1000 * i + 501)) $((1000 * i + 500 + layouts))))
    options=()
    for path in "${a[@]}"; do options+=(--baseline-layout "$path"); done
    for path in "${b[@]}"; do options+=(--candidate-layout "$path"); done
    log "session aa-relink-$i: HEAD against its relinks, every benchmark timed"
    start=$SECONDS
    "${b[0]}" ab "${a[0]}" --profile gate --target 3% --budget 10m --time-unchanged --seed "$i" \
      --out "$dir" "${options[@]}" "${suites[@]}" >"$dir.log" 2>&1 || log "(aa-relink-$i: ab exit $?)"
    printf '%-28s %4d s\n' "ab" $((SECONDS - start)) "total" $((SECONDS - start)) >"$dir/phases.txt"
    rm -rf "$dir/bin-a" "$dir/bin-b"
  done
fi

# The plain gate beside it: 10 pairs of every benchmark, one layout, no fingerprints.
for ((i = 1; i <= plain; i++)); do
  [[ -x $base_build/harness/idiombench ]] || die "no base build at $base_build"
  dir="$out/plain-$i"
  mkdir -p "$dir/bin"
  cp "$base_build/harness/idiombench" "$dir/bin/a"
  cp "$base_build/harness/idiombench" "$dir/bin/b"
  log "session plain-$i: the plain 10-pair gate, A/A"
  start=$SECONDS
  "$dir/bin/b" ab "$dir/bin/a" --profile gate --time-unchanged --seed "$((100 + i))" --out "$dir" \
    "${suites[@]}" >"$dir.log" 2>&1 || log "(plain-$i: ab exit $?)"
  printf '%-28s %4d s\n' "ab" $((SECONDS - start)) "total" $((SECONDS - start)) >"$dir/phases.txt"
  rm -rf "${dir:?}/bin"
done

# Real pairs of consecutive commits in which a measured suite's code changed (docs aside).
suite_paths=()
for ((k = 1; k < ${#suites[@]}; k += 2)); do suite_paths+=("suites/${suites[k]}"); done
((${#suite_paths[@]})) || suite_paths=(suites)
found=0
while read -r commit parent && ((found < history_skip + history)); do
  [[ -n $parent ]] || continue
  ! git -C "$root" diff --quiet "$parent" "$commit" -- "${suite_paths[@]}" ':(exclude)*.md' || continue
  found=$((found + 1))
  ((found > history_skip)) || continue
  worktree_at "$work/history" "$commit"
  gate "history-$found" "$work/history" "$parent"
done < <(git -C "$root" log --format='%H %P' --first-parent -n 200 "$history_from")

PYTHONPATH="$root/reports" "$python" -m idiombench_report experiment "$out" --injected "$slow_case" \
  | tee "$out/summary.txt"
