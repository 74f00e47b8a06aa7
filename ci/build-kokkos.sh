#!/usr/bin/env bash
# Builds Kokkos 3.4.01 with the OpenMP and Serial backends from Debian's trilinos
# source package into the cache folder, once. Debian's binary libtrilinos-kokkos-dev
# is Serial-only, which is not enough for the OpenMP variants.
#
# The source is fetched with `apt-get source --download-only` through a private
# sources list (deb-src for bookworm) so the system's apt configuration is untouched.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ci/common.sh
source "$here/common.sh"

if [[ -n ${Kokkos_ROOT:-} ]]; then
  [[ -d $Kokkos_ROOT ]] || die "Kokkos_ROOT=$Kokkos_ROOT is not a folder"
  exit 0 # the user's Kokkos wins
fi
if [[ -f $kokkos_prefix/.complete ]]; then
  exit 0 # built before
fi

log "building Kokkos $kokkos_version (OpenMP + Serial) into $kokkos_prefix"
work=$(mktemp -d "${TMPDIR:-/tmp}/idiombench-kokkos.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/parts" "$work/src"

suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
printf 'deb-src http://deb.debian.org/debian %s main\n' "$suite" >"$work/sources.list"
apt_private=(
  -o "Dir::Etc::SourceList=$work/sources.list"
  -o "Dir::Etc::SourceParts=$work/parts"
  -o "Dir::State::Lists=$work/lists"
  -o "Dir::Cache=$work/cache"
  -o "APT::Sandbox::User=root"
)
apt-get "${apt_private[@]}" update -qq >"$work/apt.log" 2>&1 \
  || die "cannot read deb-src indexes for $suite: $(tail -n 3 "$work/apt.log")"
(cd "$work/src" && apt-get "${apt_private[@]}" source --download-only -qq trilinos >>"$work/apt.log" 2>&1) \
  || die "cannot download the trilinos source package: $(tail -n 3 "$work/apt.log")"

tarball=$(ls "$work"/src/trilinos_*.orig.tar.* 2>/dev/null | head -n 1)
[[ -n $tarball ]] || die "trilinos source package has no orig tarball"
# Only packages/kokkos is needed: extract that folder alone.
tar -xf "$tarball" -C "$work/src" --wildcards '*/packages/kokkos/*' \
  || die "cannot extract packages/kokkos from $tarball"
src=$(ls -d "$work"/src/*/packages/kokkos | head -n 1)

staging="$kokkos_prefix.partial"
rm -rf "$staging"
cmake -S "$src" -B "$work/build" -G Ninja \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_INSTALL_PREFIX="$kokkos_prefix" \
  -DCMAKE_CXX_STANDARD=17 \
  -DCMAKE_POSITION_INDEPENDENT_CODE=ON \
  -DKokkos_ENABLE_SERIAL=ON \
  -DKokkos_ENABLE_OPENMP=ON \
  -DKokkos_ENABLE_TESTS=OFF \
  -DKokkos_ENABLE_EXAMPLES=OFF >"$work/configure.log" 2>&1 \
  || die "Kokkos configure failed: $(tail -n 20 "$work/configure.log")"
cmake --build "$work/build" >"$work/build.log" 2>&1 \
  || die "Kokkos build failed: $(tail -n 20 "$work/build.log")"
# Install into a staging folder, then rename: an interrupted build never looks complete.
DESTDIR="$work/destdir" cmake --install "$work/build" >"$work/install.log" 2>&1 \
  || die "Kokkos install failed: $(tail -n 20 "$work/install.log")"
grep -q '#define KOKKOS_VERSION 30401' "$work/destdir$kokkos_prefix/include/KokkosCore_config.h" \
  || die "the trilinos source package did not build Kokkos $kokkos_version"
mkdir -p "$(dirname "$kokkos_prefix")"
mv "$work/destdir$kokkos_prefix" "$staging"
touch "$staging/.complete"
rm -rf "$kokkos_prefix"
mv "$staging" "$kokkos_prefix"
log "Kokkos $kokkos_version installed in $kokkos_prefix"
