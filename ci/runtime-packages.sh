#!/usr/bin/env bash
# The Debian packages holding the shared libraries a build's programs need at run time: those
# they link (NEEDED) and those the suites open on first use (BUILD/on-demand-libraries.txt),
# for the build's own architecture (a cross build's `:arm64` packages). apt brings their
# dependencies. One package per line, for `ci/install-deps.sh --runtime FILE` in an image
# that carries a build made elsewhere (docker/Dockerfile.arm64).
#   ci/runtime-packages.sh BUILD_DIR >packages.txt
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ci/common.sh
source "$here/common.sh"
build=${1:-}
[[ -n $build && -x $build/harness/idiombench ]] || die "usage: ci/runtime-packages.sh BUILD_DIR (a build with harness/idiombench)"

case $(readelf -h "$build/harness/idiombench" | awk -F: '/Machine:/ {print $2}') in
  *AArch64*) multiarch=aarch64-linux-gnu ;;
  *X86-64*) multiarch=x86_64-linux-gnu ;;
  *) die "$build/harness/idiombench: an architecture this script does not know" ;;
esac

# The build's own programs and libraries (its objects in CMakeFiles/ aside).
programs=()
while IFS= read -r -d '' f; do
  [[ $(head -c 4 "$f" | od -An -c | tr -d ' ') == 177ELF ]] && programs+=("$f")
done < <(find "$build" -path '*/CMakeFiles' -prune -o -type f \( -perm -u+x -o -name '*.so' \) -print0)

sonames=$({
  for f in "${programs[@]}"; do readelf -d "$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; done
  [[ ! -r $build/on-demand-libraries.txt ]] || cat "$build/on-demand-libraries.txt"
} | sort -u)

# A library the build itself made (beside its programs) comes with the build, not a package.
own=$(for f in "${programs[@]}"; do basename "$f"; done)
for soname in $sonames; do
  grep -qxF "$soname" <<<"$own" && continue
  [[ $soname != libcuda.so* ]] || continue  # the GPU driver's, from the host that has the GPU
  path=""
  for dir in /usr/lib/$multiarch /lib/$multiarch; do
    [[ -e $dir/$soname ]] && { path=$dir/$soname; break; }
  done
  [[ -n $path ]] || die "$soname (needed by the build) is not installed for $multiarch"
  # Through the alternatives' links (OpenBLAS) to the file a package owns; with merged /usr a
  # package may list it under /lib.
  package=""
  for candidate in "$path" "$(readlink -f "$path")" "${path#/usr}" "$(readlink -f "$path" | sed 's|^/usr||')"; do
    package=$(dpkg -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1-2 | sed 's/: .*//') && [[ -n $package ]] && break
  done
  [[ -n $package ]] || die "no Debian package owns $path ($soname)"
  echo "$package"
done | sort -u
