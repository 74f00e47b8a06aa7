#!/usr/bin/env bash
# Builds an image for real without a Docker daemon — buildah on Debian 12 bases made by
# mmdebstrap (Debian packages buildah, podman, mmdebstrap; root) — and checks it: the commit
# recorded, an unprivileged user, a quick run that verifies and times, the report rendered,
# nothing installed at run time.
#   docker/test-image.sh                 docker/Dockerfile, this machine's architecture
#                                        (about 20 minutes on 2 cores; needs Debian's mirrors)
#   docker/test-image.sh --arch arm64    docker/Dockerfile.arm64 (linux/arm64) on an x86-64
#                                        machine: the build stage cross-compiles, the image's
#                                        commands run under qemu-user (binfmt_misc; qemu-user-static)
#     --verify SUITE   (arm64) also `idiombench verify --suite SUITE` in the image, under
#                      emulation, with Debian's arm64 Python libraries; repeatable
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
fail() { echo "docker/test-image.sh: $*" >&2; exit 1; }
arch="" verify=()
while (($#)); do
  case $1 in
    --arch) arch=${2:-}; shift 2 || fail "--arch needs a value (arm64)" ;;
    --verify) verify+=(--suite "${2:-}"); shift 2 || fail "--verify needs a suite" ;;
    *) fail "unknown option '$1' (docker/test-image.sh [--arch arm64] [--verify SUITE]...)" ;;
  esac
done
[[ -z $arch || $arch == arm64 ]] || fail "--arch: only arm64 (not '$arch')"
((${#verify[@]} == 0)) || [[ $arch == arm64 ]] || fail "--verify is for --arch arm64 (the native image runs ci/test.sh)"
for tool in buildah podman mmdebstrap; do
  command -v "$tool" >/dev/null || { echo "docker/test-image.sh: $tool not found (apt-get install buildah podman mmdebstrap)" >&2; exit 3; }
done
if [[ $arch == arm64 ]]; then
  [[ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]] \
    || fail "arm64 programs cannot run here: no qemu-aarch64 in binfmt_misc (ci/install-deps.sh --arch arm64 registers it)"
fi
work=$(mktemp -d /tmp/idiombench-image.XXXXXX)
container=idiombench-test${arch:+-$arch}
trap 'buildah rm "$container" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
printf '[containers]\ndefault_ulimits = []\ncgroups = "disabled"\n' >"$work/containers.conf"
export CONTAINERS_CONF=$work/containers.conf

# A Debian 12 base of ARCH as IMAGE, made once (the builds never pull: nothing but Debian's
# mirrors is reachable from where this is tested).
base_image() {  # IMAGE ARCH
  podman image exists "$1" && return 0
  mmdebstrap --architectures="$2" --variant=minbase bookworm "$work/base-$2.tar" \
    /etc/apt/sources.list.d/debian.sources
  podman import --arch "$2" "$work/base-$2.tar" "$1"
}
base_image docker.io/library/debian:bookworm "$(dpkg --print-architecture)"
sha=$(git rev-parse HEAD)
build_args=(--build-arg GIT_SHA="$sha" --build-arg GIT_DATE="$(git log -1 --format=%cI)")
if [[ $arch == arm64 ]]; then
  # The build stage runs here (the builder's platform); the image's base is arm64's, and the
  # image is of its base's architecture. (Not `--platform linux/arm64`: buildah 1.28 then finds
  # no local image, of either architecture; docker buildx with Docker Hub's images needs it.)
  base_image localhost/debian-arm64:bookworm arm64
  tag=idiombench:arm64 build=build/aarch64
  # The build stage's compiler cache lives here between builds (not in the image): a second
  # build of a changed tree recompiles what changed, not all of it.
  ccache_dir=${XDG_CACHE_HOME:-$HOME/.cache}/idiombench/image-ccache-arm64
  mkdir -p "$ccache_dir"
  buildah bud --isolation chroot --pull=never --layers --ulimit nofile=20000:20000 \
    --volume "$ccache_dir:/opt/idiombench-cache/ccache" \
    -f docker/Dockerfile.arm64 "${build_args[@]}" \
    --build-arg BUILD_IMAGE=docker.io/library/debian:bookworm \
    --build-arg RUNTIME_IMAGE=localhost/debian-arm64:bookworm -t "$tag" .
else
  tag=idiombench build=build/release
  buildah bud --isolation chroot --pull=never --layers --ulimit nofile=20000:20000 -f docker/Dockerfile \
    "${build_args[@]}" -t "$tag" .
fi

[[ -z $arch || $(podman image inspect "$tag" --format '{{.Architecture}}') == "$arch" ]] \
  || fail "the image is not for $arch: $(podman image inspect "$tag" --format '{{.Architecture}}')"
buildah from --name "$container" "$tag" >/dev/null
in_image() { buildah run --isolation chroot --user bench "$container" -- "$@"; }
[[ $(in_image id -un) == bench ]] || fail "the image does not run as its user"
runner=$build/harness/idiombench
version=$(in_image "$runner" --version)
[[ $version == *"$sha"* ]] || fail "the image records '$version', not $sha"
if [[ $arch == arm64 ]]; then
  [[ $(in_image uname -m) == aarch64 ]] || fail "the image's programs do not run as aarch64"
  # The runtime image carries the build, not the means to build (Debian's numpy brings gcc).
  ! in_image sh -c 'command -v cmake || command -v ninja || test -d build/aarch64/harness/CMakeFiles' \
    || fail "the runtime image carries a build system or the build's objects"
  info=$(in_image "$runner" info)
  grep -q "under emulation" <<<"$info" || fail "info in the image does not say it is emulated: $info"
  grep -q "xsimd .*neon" <<<"$info" || fail "info does not name the NEON kernels: $info"
  # The Python variants find Debian's arm64 numpy in the image (not so in the cross build's tests).
  in_image "$runner" list --filter 'py_numpy/n:1000$' | grep -q " available" || fail "py_numpy is not available in the image"
fi
in_image "$runner" run --suite iteration --filter 'sum_squares/(index_loop|iterator_class|py_numpy)/n:1000$' \
  --out /tmp/image-run.json
in_image /usr/bin/python3 -c '
import json, sys
d = json.load(open("/tmp/image-run.json"))
m = d["context"]["idiombench"]
assert m["git_sha"] == sys.argv[1], m["git_sha"]
assert d["benchmarks"] and all(b["status"] == "ok" and b["verified"] for b in d["benchmarks"]), d["benchmarks"]
machine = d["context"]["idiombench"]["machine"]
assert bool(machine.get("emulated")) == (sys.argv[2] == "arm64"), machine
' "$sha" "${arch:-native}"
in_image env PYTHONPATH=reports /usr/bin/python3 -m idiombench_report render /tmp/image-run.json -o /tmp/image-run.html
if ((${#verify[@]})); then
  start=$SECONDS
  in_image "$runner" verify "${verify[@]}"
  echo "docker/test-image.sh: verify ${verify[*]} in the arm64 image: $((SECONDS - start)) s"
fi
echo "docker/test-image.sh: image $tag built from $sha; runs as bench; run verified and rendered"
