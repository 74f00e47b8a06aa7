#!/usr/bin/env bash
# Builds docker/Dockerfile for real without a Docker daemon — buildah on a Debian 12 base
# made by mmdebstrap (Debian packages buildah, podman, mmdebstrap; root) — and checks the
# image: the commit recorded, an unprivileged user, a quick run that verifies and times,
# the report rendered, nothing installed at run time.
#   docker/test-image.sh          (about 20 minutes on 2 cores; needs Debian's mirrors)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
for tool in buildah podman mmdebstrap; do
  command -v "$tool" >/dev/null || { echo "docker/test-image.sh: $tool not found (apt-get install buildah podman mmdebstrap)" >&2; exit 3; }
done
work=$(mktemp -d /tmp/idiombench-image.XXXXXX)
trap 'buildah rm idiombench-test >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
printf '[containers]\ndefault_ulimits = []\ncgroups = "disabled"\n' >"$work/containers.conf"
export CONTAINERS_CONF=$work/containers.conf

if ! podman image exists docker.io/library/debian:bookworm; then
  mmdebstrap --variant=minbase bookworm "$work/base.tar" /etc/apt/sources.list.d/debian.sources
  podman import "$work/base.tar" docker.io/library/debian:bookworm
fi
sha=$(git rev-parse HEAD)
buildah bud --isolation chroot --ulimit nofile=20000:20000 -f docker/Dockerfile \
  --build-arg GIT_SHA="$sha" --build-arg GIT_DATE="$(git log -1 --format=%cI)" -t idiombench .

buildah from --name idiombench-test idiombench >/dev/null
in_image() { buildah run --isolation chroot --user bench idiombench-test -- "$@"; }
[[ $(in_image id -un) == bench ]] || { echo "the image does not run as its user" >&2; exit 1; }
version=$(in_image build/release/harness/idiombench --version)
[[ $version == *"$sha"* ]] || { echo "the image records '$version', not $sha" >&2; exit 1; }
in_image build/release/harness/idiombench run --suite iteration --filter 'sum_squares/(index_loop|iterator_class)/n:1000$' \
  --out /tmp/image-run.json
in_image /usr/bin/python3 -c 'import json,sys; d=json.load(open("/tmp/image-run.json")); m=d["context"]["idiombench"]; assert m["git_sha"] == sys.argv[1], m["git_sha"]; assert all(b["status"] == "ok" and b["verified"] for b in d["benchmarks"])' "$sha"
in_image env PYTHONPATH=reports /usr/bin/python3 -m idiombench_report render /tmp/image-run.json -o /tmp/image-run.html
echo "docker/test-image.sh: image idiombench built from $sha; runs as bench; run verified and rendered"
