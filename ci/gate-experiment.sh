#!/usr/bin/env bash
# The regression gate's proof, on your own machine: how often does `compare` cry wolf
# when nothing changed, and how often does it catch a real slowdown?
#
#   ci/gate-experiment.sh [--sessions N] [--slow-sessions M] [--out DIR]
#                         [--suite S]... [--slow-suite S] [--slow REGEX:EVERY] [--profile P]
#
# 1. Builds the release binary and a second one configured with
#    IDIOMBENCH_INJECT_SLOWDOWN=REGEX:EVERY (default "^iteration/:10": every iteration
#    benchmark runs its variant once more every 10th iteration, a real 10% slowdown).
# 2. Runs N A/A sessions (`idiombench ab` of the release binary against a copy of itself)
#    over the suites (default iteration + memoization), and M sessions of the slow build
#    against the release binary over the slow suite (default iteration).
# 3. Prints (and writes to DIR/summary.txt) what `idiombench-report experiment` finds:
#    false alarms per benchmark and per session (paired ab, and unpaired between the
#    baseline files of different sessions, i.e. two separate `run`s), detection of the
#    candidate's samples scaled by 1.05 / 1.10 / 1.20, detection of the real slowdown,
#    and the median smallest detectable change.
# Default: 5 + 3 sessions, about 35 minutes on a 2-core VM.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ci/common.sh
source "$here/common.sh"
root=$(cd "$here/.." && pwd)

sessions=5 slow_sessions=3 out="$root/results/gate-experiment" profile=gate
suites=() slow_suite=iteration slow='^iteration/:10'
while (($#)); do
  case $1 in
    --sessions) sessions=$2; shift 2 ;;
    --slow-sessions) slow_sessions=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --suite) suites+=(--suite "$2"); shift 2 ;;
    --slow-suite) slow_suite=$2; shift 2 ;;
    --slow) slow=$2; shift 2 ;;
    --profile) profile=$2; shift 2 ;;
    *) die "unknown option '$1' (see the comment at the top of $0)" ;;
  esac
done
((${#suites[@]})) || suites=(--suite iteration --suite memoization)

"$here/build.sh" release
python=$(python_with_deps)
log "configuring and building the slowed-down binary (IDIOMBENCH_INJECT_SLOWDOWN=$slow)"
cmake -S "$root" -B "$root/build/gate-slow" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  "-DIDIOMBENCH_INJECT_SLOWDOWN=$slow" >/dev/null || die "configure of the slow build failed"
cmake --build "$root/build/gate-slow" --target idiombench --parallel "$(nproc)" >/dev/null \
  || die "build of the slow binary failed"

# Copies, so that rebuilding the tree during the experiment cannot pull the binaries away.
mkdir -p "$out/bin"
cp "$root/build/release/harness/idiombench" "$out/bin/release"
cp "$root/build/release/harness/idiombench" "$out/bin/release-copy"
cp "$root/build/gate-slow/harness/idiombench" "$out/bin/slow"

for ((i = 1; i <= sessions; i++)); do
  log "A/A session $i of $sessions"
  "$out/bin/release" ab "$out/bin/release-copy" "${suites[@]}" --profile "$profile" \
    --seed "$i" --out "$out/aa-$i" >"$out/aa-$i.log" 2>&1 || log "(session $i: not every benchmark ok)"
done
for ((i = 1; i <= slow_sessions; i++)); do
  log "injected-slowdown session $i of $slow_sessions"
  "$out/bin/slow" ab "$out/bin/release" --suite "$slow_suite" --profile "$profile" \
    --seed "$((100 + i))" --out "$out/slow-$i" >"$out/slow-$i.log" 2>&1 || log "(slow session $i: not every benchmark ok)"
done

PYTHONPATH="$root/reports" "$python" -m idiombench_report experiment "$out" \
  --injected "${slow%:*}" | tee "$out/summary.txt"
