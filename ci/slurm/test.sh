#!/usr/bin/env bash
# The Slurm kit on a real 4-node cluster on localhost (local-cluster.sh: partitions cpu-a with
# 2 nodes, cpu-b with 1, gpu with 1 whose node has a GPU gres):
#   1. every node runs the quick profile of the iteration suite, the render job compares 4
#      machines, the store holds 4 runs;
#   2. faults in one submission: a node drained before it, a node killed while its job runs,
#      a node whose results file is truncated: the node that is done is rendered, the report
#      and --wait's lines name the others and why, --wait exits 1, nothing is lost;
#      `--resubmit` reruns only those three and the comparison has 4 machines again;
#   3. a job past its --time: "timed out", its partial results kept and marked cut short;
#      `--resubmit --time` repairs it;
# then no job is left in the queue and no daemon under the cluster's folder.
# Skipped, with the reason, only where the daemons cannot start (not root, no Slurm).
#   ci/slurm/test.sh IDIOMBENCH_BINARY
set -euo pipefail
kit=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$kit/../.." && pwd)
# shellcheck source=ci/common.sh
source "$root/ci/common.sh"
binary=$(realpath "${1:?usage: ci/slurm/test.sh IDIOMBENCH_BINARY}")

skip() { log "Slurm kit test SKIPPED: $*"; exit 0; }
[[ $(id -u) == 0 ]] || skip "slurmd must run as root to start jobs"
for tool in munged slurmctld slurmd sbatch; do
  command -v "$tool" >/dev/null || skip "$tool not found (ci/install-deps.sh --tests installs slurm-wlm and munge)"
done

work=$(mktemp -d /tmp/idiombench-slurm.XXXXXX)
chmod 755 "$work"
cluster=$work/cluster
trap '"$kit/local-cluster.sh" stop "$cluster"; rm -rf "$work"' EXIT
if ! "$kit/local-cluster.sh" start "$cluster" --nodes 4 --partitions "cpu-a:2,cpu-b:1,gpu:1"; then
  skip "the cluster did not start (logs above)"
fi
export SLURM_CONF=$cluster/slurm.conf
python=$(python_with_deps)
report() { PYTHONPATH="$root/reports" "$python" -m idiombench_report "$@"; }
store=$work/store.sqlite
all=(--partition cpu-a --partition cpu-b --gpu-partition gpu --binary "$binary" --store "$store")
expect_line() {  # OUTPUT-FILE "NODE (PARTITION): STATUS"
  grep -q "^$2" "$1" || { cat "$1" >&2; die "expected a line '$2...'"; }
}
wait_until() {  # seconds what command...
  local seconds=$1 what=$2 i
  shift 2
  for ((i = 0; i < seconds * 2; i++)); do "$@" && return 0; sleep 0.5; done
  scontrol show job -o >&2 || true
  die "$what did not happen within $seconds s"
}
job_state() { scontrol show job -o "$1" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2; }
job_is() { [[ $(job_state "$1") == "$2" ]]; }  # JOB STATE (asked anew at each call)
job_of() { awk -F'\t' -v n="$2" '$2 == n {print $3}' "$1/nodes.tsv"; }
machines_in() { grep -o '[0-9]* machines from [0-9]* files' "$1/hardware.html" || echo "no comparison"; }
store_runs() { report store list --store "$store" | grep -c '^ *[0-9]'; }
# This Slurm sets a GPU node INVAL whenever it re-registers (local-cluster.sh says why): it
# gets its GPU back just before the step that asks for it; the fault steps, whose node deaths
# make every node register again, run the gpu partition as a plain one.
heal() { "$kit/local-cluster.sh" heal-gpus "$cluster"; }
plain() { "$kit/local-cluster.sh" take-gpus "$cluster"; }

phase "Slurm: 4 nodes in 3 partitions, the quick iteration suite on each, rendered and stored"
heal
"$kit/submit" "${all[@]}" --out "$work/ok" --wait -- --profile quick --suite iteration >"$work/ok.txt" \
  || { cat "$work/ok.txt" "$work"/ok/logs/*.log >&2; die "the fleet's run failed"; }
for node in "cpu-a-1 (cpu-a)" "cpu-a-2 (cpu-a)" "cpu-b-1 (cpu-b)" "gpu-1 (gpu)"; do
  expect_line "$work/ok.txt" "$node: done"
done
report validate --require-ok --require-complete "$work"/ok/{cpu-a,cpu-b,gpu}/*.json >/dev/null
[[ $(ls "$work"/ok/{cpu-a,cpu-b,gpu}/*.json | wc -l) == 4 ]] || die "expected 4 results files"
[[ $(machines_in "$work/ok") == "4 machines from 4 files" ]] || die "the comparison: $(machines_in "$work/ok")"
[[ $(store_runs) == 4 ]] || die "the store holds $(store_runs) runs, not 4"

phase "Slurm: a drained node, a node killed mid-job, a truncated results file"
plain
faults=(--partition cpu-a --partition cpu-b --partition gpu --binary "$binary" --store "$store")
scontrol update NodeName=cpu-b-1 State=DRAIN Reason="maintenance by the test"
# Long enough (~30 s a job) to kill a node while its job runs.
slow=(--suite iteration --filter 'sum_squares/(index_loop|iterator_class)/n:1000$' --processes 2
  --repetitions 8 --min-time 2)
"$kit/submit" "${faults[@]}" --out "$work/faults" --wait -- "${slow[@]}" >"$work/faults.txt" 2>&1 &
submitter=$!
wait_until 30 "the submission" grep -q '^render: job' "$work/faults.txt"
render=$(sed -n 's/^render: job \([0-9]*\).*/\1/p' "$work/faults.txt")
# Held until the file is truncated: it must render after that.
scontrol hold "$render"
killed=$(job_of "$work/faults" cpu-a-2) finished=$(job_of "$work/faults" gpu-1)
wait_until 60 "cpu-a-2's job running" job_is "$killed" RUNNING
"$kit/local-cluster.sh" kill-node "$cluster" cpu-a-2
wait_until 240 "gpu-1's job ending" job_is "$finished" COMPLETED
head -c 300 "$work/faults/gpu/gpu-1.json" >"$work/part" && mv "$work/part" "$work/faults/gpu/gpu-1.json"
wait_until 90 "the killed node's job ending" job_is "$killed" NODE_FAIL
scontrol release "$render"
status=0
wait "$submitter" || status=$?
[[ $status == 1 ]] || { cat "$work/faults.txt" >&2; die "--wait exited $status, not 1, with 3 nodes failed"; }
expect_line "$work/faults.txt" "cpu-a-1 (cpu-a): done"
expect_line "$work/faults.txt" "cpu-a-2 (cpu-a): node lost"
expect_line "$work/faults.txt" "cpu-b-1 (cpu-b): not run: node drain.* (maintenance by the test)"
expect_line "$work/faults.txt" "gpu-1 (gpu): invalid results"
top=$(sed -n '/<body>/,/<h2/p' "$work/faults/hardware.html")
for node in cpu-a-2 cpu-b-1 gpu-1; do
  grep -q "$node" <<<"$top" || die "the report does not name $node at its top"
done
grep -q "Missing: 3 machine" <<<"$top" || die "the report does not say 3 machines are missing"
report validate --require-complete "$work/faults/cpu-a/cpu-a-1.json" >/dev/null
[[ -f $work/faults/gpu/gpu-1.json ]] || die "the truncated file was not kept"
[[ $(store_runs) == 5 ]] || die "the store holds $(store_runs) runs, not 4 + 1"

phase "Slurm: --resubmit reruns only the three nodes that failed"
"$kit/local-cluster.sh" start-node "$cluster" cpu-a-2
scontrol update NodeName=cpu-b-1 State=RESUME
plain
before=$(sha256sum <"$work/faults/cpu-a/cpu-a-1.json")
"$kit/submit" --resubmit "$work/faults" --wait >"$work/resubmit.txt" \
  || { cat "$work/resubmit.txt" "$work"/faults/logs/*.log >&2; die "the resubmission failed"; }
[[ $(grep -c '^node .*: job ' "$work/resubmit.txt") == 3 ]] || { cat "$work/resubmit.txt" >&2; die "expected 3 jobs"; }
! grep -q '^node cpu-a-1 ' "$work/resubmit.txt" || die "cpu-a-1 was done, and was run again"
[[ $(sha256sum <"$work/faults/cpu-a/cpu-a-1.json") == "$before" ]] || die "cpu-a-1's results changed"
[[ $(grep -c ': done: ' "$work/resubmit.txt") == 4 ]] || { cat "$work/resubmit.txt" >&2; die "expected 4 nodes done"; }
ls "$work"/faults/gpu/gpu-1.json.replaced-* >/dev/null || die "the truncated file was not kept beside the new one"
[[ $(machines_in "$work/faults") == "4 machines from 4 files" ]] || die "after --resubmit: $(machines_in "$work/faults")"
# cpu-a-1's file is in the store already: added once.
[[ $(store_runs) == 8 ]] || die "the store holds $(store_runs) runs, not 5 + 3"

phase "Slurm: a job past its --time, then --resubmit with more time"
# ~120 s of runs (6 processes of ~20 s) against a 1-minute limit, which Slurm enforces within
# 30 s: the job is killed after 2 to 4 processes have written their results.
long=(--suite iteration --filter 'sum_squares/index_loop/n:1000$' --processes 6 --repetitions 36
  --min-time 3)
status=0
"$kit/submit" --partition cpu-b --binary "$binary" --out "$work/late" --time 00:01:00 --wait \
  -- "${long[@]}" >"$work/late.txt" 2>&1 || status=$?
[[ $status == 1 ]] || { cat "$work/late.txt" >&2; die "--wait exited $status, not 1, with a node out of time"; }
expect_line "$work/late.txt" "cpu-b-1 (cpu-b): timed out"
report validate "$work/late/cpu-b/cpu-b-1.json" >/dev/null 2>&1 \
  && ! report validate --require-complete "$work/late/cpu-b/cpu-b-1.json" >/dev/null 2>&1 \
  || { report validate --require-complete "$work/late/cpu-b/cpu-b-1.json" || true
       die "the timed-out node's partial results are not kept as a valid file cut short"; }
# The render job, with no node done, renders nothing but says what became of each.
expect_line "$work/late/status.txt" "cpu-b-1 (cpu-b): timed out"
"$kit/submit" --resubmit "$work/late" --time 00:05:00 --wait >"$work/late-again.txt" \
  || { cat "$work/late-again.txt" >&2; die "the resubmission with more time failed"; }
expect_line "$work/late-again.txt" "cpu-b-1 (cpu-b): done"
phase_done

[[ -z $(squeue -h) ]] || { squeue >&2; die "jobs left in the queue"; }
"$kit/local-cluster.sh" stop "$cluster"
left=$(pgrep -f "$cluster" || true)
[[ -z $left ]] || die "daemons left running: $left"
log "Slurm kit: a 4-node cluster in 3 partitions; drained, killed, truncated and timed-out nodes named, kept and repaired by --resubmit"
