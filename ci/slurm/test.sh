#!/usr/bin/env bash
# The Slurm kit through a real one-node cluster on localhost (local-cluster.sh): submit
# a small selection, wait for the node job and the dependent render job, check the
# node's results (valid, every benchmark ok) and the report, stop the daemons.
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
trap '"$kit/local-cluster.sh" stop "$work/cluster"; rm -rf "$work"' EXIT
if ! "$kit/local-cluster.sh" start "$work/cluster"; then
  skip "the one-node cluster did not start (logs above)"
fi
export SLURM_CONF=$work/cluster/slurm.conf

"$kit/submit" --partition cpu --binary "$binary" --out "$work/results" --wait -- \
  --suite iteration --filter 'sum_squares/(index_loop|iterator_class)/n:1000$' \
  --processes 2 --repetitions 4 --min-time 0.01 || die "the Slurm kit failed"

node=$(hostname -s)
[[ -f $work/results/$node.json ]] || { cat "$work"/results/logs/*.log >&2; die "no results file for node $node"; }
python=$(python_with_deps)
PYTHONPATH="$root/reports" "$python" -m idiombench_report validate --require-ok "$work/results/$node.json" \
  || die "the node's results are not valid or not all ok"
count=$("$python" -c 'import json,sys; print(sum(1 for b in json.load(open(sys.argv[1]))["benchmarks"] if b.get("run_type") == "iteration" and b.get("status") == "ok"))' "$work/results/$node.json")
[[ $count == 8 ]] || die "expected 2 benchmarks x 2 processes x 2 repetitions = 8 timed entries, got $count"
grep -q 'Content-Security-Policy' "$work/results/hardware.html" || die "the render job wrote no report"
grep -q 'sum_squares' "$work/results/hardware.html" || die "the report lacks the benchmarks"
log "Slurm kit: node job and dependent render job ran through slurmctld/slurmd on $node"
