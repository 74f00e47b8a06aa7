#!/usr/bin/env bash
# A Slurm cluster on localhost, for testing the kit: munged, slurmctld and one slurmd per
# node (Slurm's multiple-slurmd mode: `slurmd -N NODE`, each node with its own port, spool,
# log and pid file), all under one folder, nothing in /etc.
#
#   local-cluster.sh start DIR [--partitions "cpu-a:2,cpu-b:1,gpu:1"] [--nodes N]
#   local-cluster.sh stop DIR                 every daemon of DIR, waited for
#   local-cluster.sh kill-node DIR NODE       the node dies: its slurmd and every job process
#                                             on it, with SIGKILL (as a lost machine)
#   local-cluster.sh start-node DIR NODE      starts a node's slurmd again (and resumes it)
#   local-cluster.sh heal-gpus DIR            gives GPU nodes set INVAL their GPU back (below)
#   local-cluster.sh take-gpus DIR            GPU nodes without their GPU from now on: they
#                                             stay usable through any re-registration
#
# --partitions: NAME:COUNT,... nodes named NAME-1..COUNT (default "cpu:1"); a partition whose
# name starts with "gpu" has nodes with one GPU (Gres=gpu:1, gres.conf naming a fake device
# file: enough to schedule; no GPU program can run there). --nodes N, if given, must be the
# partitions' total (or, alone, N nodes in partition "cpu").
# Use the cluster with SLURM_CONF=DIR/slurm.conf. Needs root (slurmd runs jobs as their
# user) and Debian's slurm-wlm and munge. Not slurm-wlm-emulator: it is built for front-end
# mode, and installing it points /usr/sbin/slurmd and slurmctld at its binaries.
set -euo pipefail

usage() { sed -n '5,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
fail() { echo "local-cluster: $*" >&2; exit 2; }
action=${1:-}
[[ -n ${2:-} ]] || usage
dir=$(realpath -m "$2")
shift 2

# Debian's own daemons by name: the alternatives may point at the emulator's.
daemon_binary() {
  if command -v "$1-wlm" >/dev/null; then command -v "$1-wlm"; else command -v "$1"; fi
}

stop_pid_file() {  # each daemon in turn, waiting for it to exit (SIGKILL after 10 s)
  local file=$1 pid i
  [[ -f $file ]] || return 0
  pid=$(cat "$file")
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 40; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$file"
}

# The slurmstepd of every job Slurm placed on NODE (its title: "slurmstepd: [JOB.STEP]").
node_processes() {  # NODE
  local id
  for id in $(squeue -h -w "$1" -o %A 2>/dev/null); do
    pgrep -f "^slurmstepd: \[$id\." || true
  done
}

descendants() {  # PID...: the processes and all their children
  local pid
  for pid in "$@"; do
    echo "$pid"
    descendants $(pgrep -P "$pid" || true)
  done
}

wait_for() {  # what, seconds, command...
  local what=$1 seconds=$2 i
  shift 2
  for ((i = 0; i < seconds * 4; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  echo "local-cluster: $what did not come up within ${seconds} s" >&2
  return 1
}

node_state() { sinfo -h -n "$1" -o %t 2>/dev/null | head -1; }
node_up() { [[ $(node_state "$1") =~ ^(idle|mix|alloc)$ ]]; }
# Up, or asked again to resume: slurmctld refuses a RESUME sent before the restarted slurmd
# has registered ("Invalid node state transition ... from=INVAL to=RESUME").
node_resumed() {  # NODE
  node_up "$1" && return 0
  [[ $(node_state "$1") =~ ^(inval|drain|drng|down|fail)$ ]] \
    && scontrol update NodeName="$1" State=RESUME >/dev/null 2>&1
  return 1
}
# What Slurm and the node's slurmd say about a node that did not come up.
node_diagnosis() {  # NODE
  scontrol show node "$1" >&2 || true
  tail -20 "$dir/slurmd-$1.log" >&2 || true
  grep -- "$1" "$dir/slurmctld.log" | tail -10 >&2 || true
}

start_node() {  # NODE
  local node=$1
  mkdir -p "$dir/spool/$node"
  "$(daemon_binary slurmd)" -f "$SLURM_CONF" -N "$node" \
    || { tail -20 "$dir/slurmd-$node.log" >&2; return 1; }
}

# Slurm 22.05 as Debian builds it takes no GRES from slurm.conf's node lines here (checked:
# scontrol shows Gres=(null), slurmd counts 0 against gres.conf), so the GPU nodes get theirs
# from scontrol once their slurmd has registered.
give_gpus() {  # NODE...
  local node
  for node in "$@"; do
    scontrol update NodeName="$node" Gres=gpu:1 || return 1
  done
}

# A node's slurmd started anew, and the node resumed; a second try after a minute, with what
# Slurm said of the first (CI saw a node stay down for 30 s once, on a loaded machine).
restart_and_resume() {  # NODE
  local try
  for try in 1 2; do
    stop_pid_file "$dir/slurmd-$1.pid"
    start_node "$1" || return 1
    wait_for "node $1" 60 node_resumed "$1" && return 0
    node_diagnosis "$1"
  done
  return 1
}

# And when slurmctld asks the nodes to register again (after a node went down, and from time
# to time), a GPU node reports 0 GPUs against its 1 and is set INVAL. Such a node registers
# again with 0, is resumed, and gets its GPU back: the test heals them before it submits.
heal_gpus() {  # [keep-none]: and leave them without a GPU
  local node
  for node in $(awk '$3 == "gpu" {print $1}' "$dir/nodes"); do
    scontrol update NodeName="$node" Gres=gpu:0
    if [[ $(node_state "$node") =~ ^(inval|drain|drng) ]]; then
      restart_and_resume "$node" || return 1
      echo "local-cluster: GPU node $node registered again"
    fi
    [[ ${1:-} == keep-none ]] || give_gpus "$node"
  done
}

case $action in
  stop)
    for file in "$dir"/slurmd-*.pid; do [[ -e $file ]] && stop_pid_file "$file"; done
    # Jobs still running on a node whose slurmd was killed.
    if [[ -f $dir/nodes ]]; then
      while read -r node _; do
        pids=$(descendants $(node_processes "$node"))
        [[ -z $pids ]] || kill -9 $pids 2>/dev/null || true
      done <"$dir/nodes"
    fi
    stop_pid_file "$dir/slurmctld.pid"
    stop_pid_file "$dir/munged.pid"
    exit 0 ;;
  heal-gpus | take-gpus)
    [[ -f $dir/nodes ]] || fail "no cluster in $dir"
    export SLURM_CONF=$dir/slurm.conf
    if [[ $action == take-gpus ]]; then heal_gpus keep-none; else heal_gpus; fi
    exit 0 ;;
  kill-node | start-node)
    node=${1:-}
    [[ -f $dir/nodes ]] && grep -q "^$node " "$dir/nodes" || fail "no node '$node' in $dir"
    export SLURM_CONF=$dir/slurm.conf
    if [[ $action == kill-node ]]; then
      pid=$(cat "$dir/slurmd-$node.pid" 2>/dev/null || true)
      victims=$(descendants $(node_processes "$node"))
      kill -9 ${pid:-} $victims 2>/dev/null || true
      rm -f "$dir/slurmd-$node.pid"
      echo "local-cluster: node $node killed (slurmd ${pid:-none}, $(wc -w <<<"$victims") job processes)"
    else
      start_node "$node"
      # A node that was down stays down until resumed (ReturnToService=1: after a failure).
      wait_for "node $node" 90 node_resumed "$node" || { node_diagnosis "$node"; fail "node $node did not come back"; }
      echo "local-cluster: node $node up again"
    fi
    exit 0 ;;
  start) ;;
  *) usage ;;
esac

partitions="" nodes=""
while (($#)); do
  case $1 in
    --partitions) partitions=${2:-}; shift 2 || fail "--partitions needs NAME:COUNT,..." ;;
    --nodes) nodes=${2:-}; shift 2 || fail "--nodes needs a number" ;;
    *) fail "unknown option '$1'" ;;
  esac
done
[[ -z $nodes || $nodes =~ ^[1-9][0-9]?$ ]] || fail "--nodes: a number from 1 to 99, not '$nodes'"
partitions=${partitions:-cpu:${nodes:-1}}
for tool in munged mungekey sinfo scontrol; do
  command -v "$tool" >/dev/null || fail "$tool not found (Debian: slurm-wlm munge)"
done
[[ -n $(daemon_binary slurmctld) && -n $(daemon_binary slurmd) ]] || fail "slurmctld/slurmd not found (Debian: slurm-wlm)"

# The node list: "NODE PARTITION cpu|gpu" per line.
mkdir -p "$dir"/{state,spool,munge}
: >"$dir/nodes"
total=0
IFS=, read -ra specs <<<"$partitions"
for spec in "${specs[@]}"; do
  [[ $spec =~ ^([A-Za-z][A-Za-z0-9_-]{0,30}):([1-9][0-9]?)$ ]] \
    || fail "--partitions: '$spec' is not NAME:COUNT (a name of letters, digits, - and _; 1-99 nodes)"
  name=${BASH_REMATCH[1]} count=${BASH_REMATCH[2]}
  grep -q " $name " "$dir/nodes" && fail "--partitions names $name twice"
  kind=cpu
  [[ $name == gpu* ]] && kind=gpu
  for ((i = 1; i <= count; i++)); do echo "$name-$i $name $kind" >>"$dir/nodes"; done
  total=$((total + count))
done
[[ -z $nodes || $nodes == "$total" ]] || fail "--nodes $nodes, but the partitions have $total nodes"

chmod 700 "$dir/munge"
[[ -f $dir/munge/munge.key ]] || mungekey --create --keyfile="$dir/munge/munge.key"
chmod 600 "$dir/munge/munge.key"
socket=$dir/munge/munge.socket
munged --force --socket="$socket" --key-file="$dir/munge/munge.key" \
  --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munge/seed"
wait_for munged 10 test -S "$socket"

cpus=$(nproc)
memory_mib=$(($(awk '/MemTotal/ {print $2}' /proc/meminfo) * 9 / 10240))
base_port=$((17000 + RANDOM % 2000))
has_gpu=0
grep -q " gpu$" "$dir/nodes" && has_gpu=1
{
  cat <<CONF
# Written by ci/slurm/local-cluster.sh: $total node(s) on localhost (one slurmd each), no
# accounting, no cgroups.
ClusterName=idiombench-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$((16000 + RANDOM % 900))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool/%n
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd-%n.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd-%n.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
# A node that stops answering is down after 10-20 s (the fault tests kill one); it comes
# back only when resumed (start-node).
SlurmdTimeout=10
ReturnToService=1
# A job past its --time gets SIGTERM, then SIGKILL 5 s later; finished jobs stay visible to
# scontrol for 10 minutes (no accounting here).
KillWait=5
MinJobAge=600
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
CONF
  ((has_gpu)) && echo "GresTypes=gpu"
  port=$base_port
  while read -r node partition kind; do
    gres=""
    [[ $kind == gpu ]] && gres=" Gres=gpu:1"
    echo "NodeName=$node NodeHostname=localhost NodeAddr=127.0.0.1 Port=$port CPUs=$cpus RealMemory=$memory_mib$gres State=UNKNOWN"
    port=$((port + 1))
  done <"$dir/nodes"
  first=1
  for spec in "${specs[@]}"; do
    name=${spec%%:*}
    members=$(awk -v p="$name" '$2 == p {print $1}' "$dir/nodes" | paste -sd,)
    echo "PartitionName=$name Nodes=$members Default=$([[ $first == 1 ]] && echo YES || echo NO) MaxTime=INFINITE State=UP"
    first=0
  done
} >"$dir/slurm.conf"
if ((has_gpu)); then
  mkdir -p "$dir/devices"
  : >"$dir/gres.conf"
  while read -r node _ kind; do
    [[ $kind == gpu ]] || continue
    touch "$dir/devices/$node-gpu0"
    echo "NodeName=$node Name=gpu File=$dir/devices/$node-gpu0" >>"$dir/gres.conf"
  done <"$dir/nodes"
fi

export SLURM_CONF=$dir/slurm.conf
stop_all() { "${BASH_SOURCE[0]}" stop "$dir"; }
"$(daemon_binary slurmctld)" -f "$SLURM_CONF" || { stop_all; tail -20 "$dir/slurmctld.log" >&2; exit 4; }
wait_for slurmctld 20 scontrol ping || { stop_all; tail -20 "$dir/slurmctld.log" >&2; exit 4; }
while read -r node _; do
  start_node "$node" || { stop_all; exit 4; }
done <"$dir/nodes"
while read -r node _; do
  wait_for "slurmd of $node (node idle)" 60 node_up "$node" || { stop_all; tail -20 "$dir/slurmd-$node.log" >&2; exit 4; }
done <"$dir/nodes"
give_gpus $(awk '$3 == "gpu" {print $1}' "$dir/nodes") || { stop_all; exit 4; }
echo "local-cluster: $total node(s) up ($(awk '{print $1 " (" $2 ")"}' "$dir/nodes" | paste -sd' ')); SLURM_CONF=$SLURM_CONF"
