# Shared helpers for the ci/ scripts (sourced, not run).

log() { printf 'idiombench: %s\n' "$*" >&2; }
die() {
  printf 'idiombench: error: %s\n' "$*" >&2
  exit 1
}

# Where the Kokkos we build lives, unless the user brings their own (Kokkos_ROOT for the
# host configuration, Kokkos_CUDA_ROOT for the CUDA one). Pinned: Debian's source package.
kokkos_version=5.0.2
kokkos_version_number=50002
kokkos_debian_version=5.0.2-2
cache_root=${XDG_CACHE_HOME:-$HOME/.cache}/idiombench
kokkos_prefix=$cache_root/kokkos-$kokkos_version
kokkos_cuda_prefix=$cache_root/kokkos-$kokkos_version-cuda

# The Kokkos to use: the user's Kokkos_ROOT wins over ours.
kokkos_root() {
  if [[ -n ${Kokkos_ROOT:-} ]]; then
    printf '%s\n' "$Kokkos_ROOT"
  else
    printf '%s\n' "$kokkos_prefix"
  fi
}

# Debian's python3 owns matplotlib, jinja2, scipy...; a pyenv python3 on PATH does not.
python_with_deps() {  # [MODULE...]: besides the reports' modules (the tests: pytest)
  local py modules
  modules=$(IFS=,; echo "matplotlib,jinja2,jsonschema,fastjsonschema${*:+,$*}")
  for py in /usr/bin/python3 python3; do
    if command -v "$py" >/dev/null && "$py" -c "import $modules" 2>/dev/null; then
      command -v "$py"
      return 0
    fi
  done
  die "no python3 with ${modules//,/, } (run ci/install-deps.sh)"
}

# Whether this machine has a CUDA device (the driver's device node, or nvidia-smi sees one).
cuda_device_present() {
  [[ -e /dev/nvidia0 ]] || { command -v nvidia-smi >/dev/null && nvidia-smi -L 2>/dev/null | grep -q '^GPU'; }
}

# Phases and their times. `phase NAME` ends the phase before (printing its time) and
# starts NAME; `phase_done` ends the last one. With IDIOMBENCH_PHASES_FILE set, each
# ended phase is also appended there ("seconds<TAB>name"), so a script that runs others
# can print every phase at the end (phases_table).
phase_name=""
phase_began=0
phase() {
  phase_done
  phase_name=$1
  phase_began=${EPOCHREALTIME/,/.}
  [[ ${2:-} == --quiet ]] || log "$1"
}
phase_done() {
  [[ -n $phase_name ]] || return 0
  local seconds
  seconds=$(awk -v a="$phase_began" -v b="${EPOCHREALTIME/,/.}" 'BEGIN { printf "%.1f", b - a }')
  log "phase '$phase_name': $seconds s"
  [[ -n ${IDIOMBENCH_PHASES_FILE:-} ]] \
    && printf '%s\t%s\t%s\n' "$seconds" "$phase_name" "$phase_began" >>"$IDIOMBENCH_PHASES_FILE"
  phase_name=""
}
# Starts a record of phases for phases_table: the scripts this one runs append to it too.
phases_begin() {
  IDIOMBENCH_PHASES_FILE=$(mktemp)
  IDIOMBENCH_PHASES_BEGAN=${EPOCHREALTIME/,/.}
  export IDIOMBENCH_PHASES_FILE IDIOMBENCH_PHASES_BEGAN
}
# Prints the phases recorded since phases_begin, on stderr: a phase that ran inside another
# (a script's own phases within the phase that ran it) is indented under it, and the total is
# the wall time, not the sum of the lines.
phases_table() {
  [[ -s ${IDIOMBENCH_PHASES_FILE:-} ]] || return 0
  awk -F'\t' -v began="${IDIOMBENCH_PHASES_BEGAN:-}" -v now="${EPOCHREALTIME/,/.}" '
    { seconds[NR] = $1; name[NR] = $2; start[NR] = $3; sum += $1 }
    END {
      for (i = 1; i <= NR; i++) {
        inner = 0
        for (j = i + 1; j <= NR; j++)  # an outer phase ends, so is written, after its inner ones
          if (start[j] != "" && start[i] != "" && start[j] <= start[i] \
              && start[i] + seconds[i] <= start[j] + seconds[j] + 0.1) inner = 1
        printf "idiombench:   %8.1f s  %s%s\n", seconds[i], inner ? "  " : "", name[i]
      }
      total = began == "" ? sum : now - began
      printf "idiombench:   %8.1f s  in all (%d:%02d)\n", total, total / 60, total % 60
    }' "$IDIOMBENCH_PHASES_FILE" >&2
}
