#!/usr/bin/env bash
# The pull-request gate: builds the base commit and this tree, runs `idiombench ab`
# (pairs of processes of both binaries, interleaved) with the gating profile, and
# compares them with paired statistics. Exit status is compare's: 0 no regression,
# 1 a regression, 2 a benchmark could not be tested or bad input.
#
#   ci/gate.sh [--base REF] [--out DIR] [idiombench ab options: --suite S, --filter RE...]
#
# --base defaults to the merge base of HEAD and origin/main. Writes DIR/baseline.json,
# DIR/candidate.json (ordinary results files: keep them for `history`), DIR/compare.md
# (the table for a pull request or $GITHUB_STEP_SUMMARY) and DIR/compare.txt.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ci/common.sh
source "$here/common.sh"
root=$(cd "$here/.." && pwd)

base="" out="$root/results/gate"
ab_options=()
while (($#)); do
  case $1 in
    --base) base=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) ab_options+=("$1"); shift ;;
  esac
done
if [[ -z $base ]]; then
  base=$(git -C "$root" merge-base HEAD origin/main 2>/dev/null) \
    || die "no --base given and no merge base with origin/main (fetch it, or pass --base REF)"
fi
base_sha=$(git -C "$root" rev-parse --verify "$base^{commit}") || die "unknown --base '$base'"

"$here/build.sh" release
python=$(python_with_deps)

# The base is built from a worktree of its own commit, with the same presets.
worktree="$root/build/gate-base"
if [[ -d $worktree ]]; then git -C "$root" worktree remove --force "$worktree" 2>/dev/null || rm -rf "$worktree"; fi
git -C "$root" worktree prune
git -C "$root" worktree add --detach "$worktree" "$base_sha" >/dev/null
log "building the base ($base_sha)"
(cd "$worktree" && cmake --preset release >/dev/null && cmake --build --preset release --target idiombench --parallel "$(nproc)" >/dev/null) \
  || die "the base commit $base_sha does not build"

mkdir -p "$out/bin"
cp "$worktree/build/release/harness/idiombench" "$out/bin/baseline"
cp "$root/build/release/harness/idiombench" "$out/bin/candidate"
log "ab: base $base_sha vs this tree, profile gate"
status=0
"$out/bin/candidate" ab "$out/bin/baseline" --profile gate --out "$out" "${ab_options[@]}" >"$out/ab.log" 2>&1 \
  || status=$?
if [[ $status -ge 2 ]]; then
  tail -5 "$out/ab.log" >&2
  die "idiombench ab failed (exit $status); its log: $out/ab.log"
fi
compare() { PYTHONPATH="$root/reports" "$python" -m idiombench_report compare "$out/baseline.json" "$out/candidate.json" "$@"; }
compare --format markdown >"$out/compare.md" || true
status=0
compare --format text >"$out/compare.txt" || status=$?
cat "$out/compare.txt"
exit "$status"
