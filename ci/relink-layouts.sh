#!/usr/bin/env bash
# Relinks a built idiombench from the same object files with shuffled function orders:
# the code-layout samples of the regression gate. Compiling with -ffunction-sections
# (ci/gate.sh does) lets lld move every function; without it, whole object files move.
#
#   ci/relink-layouts.sh BUILD_DIR OUT_DIR SEED...
#
# Writes OUT_DIR/idiombench.layout-SEED for each seed (lld's --shuffle-sections; seed 0
# would be random, so seeds are 1 or more), reusing the link command Ninja has for the
# idiombench target, so it works for any commit's build, and keeping the link's
# relocations (--emit-relocs) for exact code fingerprints. Prints the paths.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ci/common.sh
source "$here/common.sh"

(($# >= 3)) || die "usage: ci/relink-layouts.sh BUILD_DIR OUT_DIR SEED..."
build=$(cd "$1" && pwd) || die "no build folder '$1'"
mkdir -p "$2"
out=$(cd "$2" && pwd)
shift 2
command -v ld.lld >/dev/null || die "ld.lld not found (Debian package lld; ci/install-deps.sh installs it)"
target=harness/idiombench
link=$(ninja -C "$build" -t commands "$target" | tail -n 1)
# Ninja wraps it as ": && COMMAND && :".
link=${link#: && }
link=${link% && :}
[[ $link == *" -o $target "* ]] || die "no link command for $target in $build (was it built with Ninja?)"
for seed in "$@"; do
  [[ $seed =~ ^[1-9][0-9]*$ ]] || die "a layout seed is a whole number of 1 or more, not '$seed'"
  binary="$out/idiombench.layout-$seed"
  relink=${link/ -o $target / -o $binary }
  (cd "$build" && eval "$relink -fuse-ld=lld -Wl,--emit-relocs '-Wl,--shuffle-sections=.text*=$seed'") \
    || die "relinking layout $seed failed"
  printf '%s\n' "$binary"
done
