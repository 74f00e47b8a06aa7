#!/usr/bin/env bash
# A one-node Slurm cluster on localhost, for testing the kit: munged, slurmctld and
# slurmd, each with its state, logs and sockets under one folder, nothing in /etc.
#   local-cluster.sh start DIR   writes DIR/slurm.conf, starts the daemons, waits for the node
#   local-cluster.sh stop DIR    stops them
# Use the cluster with SLURM_CONF=DIR/slurm.conf. Needs root (slurmd runs jobs as their
# user) and Debian's slurm-wlm and munge.
set -euo pipefail

action=${1:?usage: local-cluster.sh start|stop DIR}
dir=$(realpath -m "${2:?usage: local-cluster.sh start|stop DIR}")

stop() {  # each daemon in turn, waiting for it to exit (SIGKILL after 10 s)
  local daemon pid
  for daemon in slurmd slurmctld munged; do
    [[ -f $dir/$daemon.pid ]] || continue
    pid=$(cat "$dir/$daemon.pid")
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 40; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/$daemon.pid"
  done
}

wait_for() {  # what, seconds, command...
  local what=$1 seconds=$2
  shift 2
  for ((i = 0; i < seconds * 4; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  echo "local-cluster: $what did not come up within ${seconds} s" >&2
  return 1
}

if [[ $action == stop ]]; then
  stop
  exit 0
fi
[[ $action == start ]] || { echo "local-cluster: unknown action $action (start|stop)" >&2; exit 2; }
for tool in munged mungekey slurmctld slurmd sinfo; do
  command -v "$tool" >/dev/null || { echo "local-cluster: $tool not found (Debian: slurm-wlm munge)" >&2; exit 3; }
done

mkdir -p "$dir"/{state,spool,munge}
chmod 700 "$dir/munge"
[[ -f $dir/munge/munge.key ]] || mungekey --create --keyfile="$dir/munge/munge.key"
chmod 600 "$dir/munge/munge.key"
socket=$dir/munge/munge.socket
munged --force --socket="$socket" --key-file="$dir/munge/munge.key" \
  --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munge/seed"
wait_for munged 10 test -S "$socket"

host=$(hostname -s)
cpus=$(nproc)
memory_mib=$(($(awk '/MemTotal/ {print $2}' /proc/meminfo) * 9 / 10240))
cat >"$dir/slurm.conf" <<CONF
# Written by ci/slurm/local-cluster.sh: one node, localhost, no accounting, no cgroups.
ClusterName=idiombench-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$((16817 + RANDOM % 1000))
SlurmdPort=$((17817 + RANDOM % 1000))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/builtin
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory_mib State=UNKNOWN
PartitionName=cpu Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF

export SLURM_CONF=$dir/slurm.conf
slurmctld -f "$SLURM_CONF" || { stop; tail -20 "$dir/slurmctld.log" >&2; exit 4; }
wait_for slurmctld 20 scontrol ping || { stop; tail -20 "$dir/slurmctld.log" >&2; exit 4; }
slurmd -f "$SLURM_CONF" || { stop; tail -20 "$dir/slurmd.log" >&2; exit 4; }
idle() { sinfo -h -N -o %t | grep -qE '^(idle|mix|alloc)'; }
wait_for "slurmd (node idle)" 30 idle || { stop; tail -20 "$dir/slurmd.log" >&2; exit 4; }
echo "local-cluster: node $host up ($cpus CPUs); SLURM_CONF=$SLURM_CONF"
