#!/usr/bin/env bash
# ci/relink-layouts.sh makes binaries that differ (functions in other orders) but carry
# the same code fingerprints, benchmark by benchmark, and still run.
#   layout_relink_test.sh RELINK_SCRIPT BUILD_DIR PYTHON
set -euo pipefail
relink=$1 build=$2 python=$3
command -v ld.lld >/dev/null || { echo "ld.lld not found (Debian package lld): cannot relink" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mapfile -t binaries < <("$relink" "$build" "$out" 3 4)
((${#binaries[@]} == 2)) || { echo "expected two relinks, got: ${binaries[*]}" >&2; exit 1; }
if cmp -s "${binaries[0]}" "${binaries[1]}"; then
  echo "the two layouts are the same file: --shuffle-sections did nothing" >&2
  exit 1
fi
for i in 0 1; do
  "${binaries[$i]}" list --json >"$out/list-$i.json"
done
"$python" - "$out/list-0.json" "$out/list-1.json" <<'PY'
import json, sys
a, b = ({e["name"]: e["identity"].get("code_fingerprint", "") for e in json.load(open(p))} for p in sys.argv[1:])
assert a.keys() == b.keys() and a, "the relinks list other benchmarks"
missing = [n for n, f in a.items() if not f]
assert not missing, f"no fingerprint for {missing[:3]}"
moved = [n for n in a if a[n] != b[n]]
assert not moved, f"{len(moved)} fingerprints changed with the layout, e.g. {moved[:3]}"
print(f"{len(a)} benchmarks, the same fingerprints in both layouts")
PY
