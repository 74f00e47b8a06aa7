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
python_with_deps() {
  local py
  for py in /usr/bin/python3 python3; do
    if command -v "$py" >/dev/null && "$py" -c 'import matplotlib, jinja2, jsonschema, fastjsonschema, pytest' 2>/dev/null; then
      command -v "$py"
      return 0
    fi
  done
  die "no python3 with matplotlib, jinja2, jsonschema, fastjsonschema and pytest (run ci/install-deps.sh)"
}
