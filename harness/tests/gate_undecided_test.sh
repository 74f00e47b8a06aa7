#!/usr/bin/env bash
# ctest: a gate whose changed benchmarks end short of the target does not pass. A real
# `ab --target` session with a budget far too small for its target, the candidate's
# fingerprints then changed as a changed build's would be; `compare` must exit 3
# (undecided: not 0, not the regression status 1) and say so on the first line of its
# markdown. And a budget spent inside the first round (6 pairs here) stops it after the
# 3 pairs every row gets: processes of at least 0.3 s each make 3 pairs outlast 1 s.
# Up to 400 pairs: on a quiet machine 40 pairs of 2 ms processes ended inside the budget.
#   gate_undecided_test.sh SELFTEST_BINARY PYTHON REPORTS_DIR
set -euo pipefail
selftest=$1 python=$2 reports=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# ab_expecting NAME MIN_TIME TEXT: an `ab` on a 1 s budget into $dir/NAME, whose log must say TEXT.
ab_expecting() {
  "$selftest" ab "$selftest" --variant correct --time-unchanged --target 0.1% --budget 1s \
    --max-pairs 400 --min-time "$2" --out "$dir/$1" >"$dir/$1.log" 2>&1 \
    || { cat "$dir/$1.log"; echo "gate_undecided_test: ab ($1) failed" >&2; exit 1; }
  grep -q "$3" "$dir/$1.log" \
    || { cat "$dir/$1.log"; echo "gate_undecided_test: ab ($1) did not say '$3'" >&2; exit 1; }
}
ab_expecting ab 0.002 'budget of 1 s is spent'
# What a build that changed these variants' code would have recorded.
"$python" - "$dir/ab/candidate.json" <<'PY'
import json, sys
path = sys.argv[1]
doc = json.load(open(path))
for entry in doc["benchmarks"] + doc.get("untimed", []):
    if "code_fingerprint" in entry:
        entry["code_fingerprint"] = "f" * 16
        entry["code_change"] = "changed"
json.dump(doc, open(path, "w"))
PY
compare() { PYTHONPATH=$reports "$python" -m idiombench_report compare "$dir/ab/baseline.json" "$dir/ab/candidate.json" "$@"; }
status=0
compare --format markdown >"$dir/compare.md" 2>"$dir/compare.err" || status=$?
if [[ $status -ne 3 ]]; then
  cat "$dir/compare.md" "$dir/compare.err"
  echo "gate_undecided_test: compare exited $status on undecided changed benchmarks, expected 3" >&2
  exit 1
fi
head -n 1 "$dir/compare.md" | grep -q '^### idiombench compare: could not decide: [1-9][0-9]* changed benchmarks' \
  || { cat "$dir/compare.md"; echo "gate_undecided_test: compare.md's first line does not say it" >&2; exit 1; }
grep -q 'more pairs would reach it' "$dir/compare.md" \
  || { cat "$dir/compare.md"; echo "gate_undecided_test: the rows do not say how many more pairs" >&2; exit 1; }
compare --allow-undecided >/dev/null 2>&1 \
  || { echo "gate_undecided_test: --allow-undecided did not accept it" >&2; exit 1; }

ab_expecting short 0.3 'the budget ended inside the first round (6 pairs per benchmark)'
"$python" - "$dir/short" <<'PY'
import json, sys
for role in ("baseline", "candidate"):
    doc = json.load(open(f"{sys.argv[1]}/{role}.json"))
    names = {b["name"] for b in doc["benchmarks"] if "process_index" in b}
    assert names, f"{role}: no benchmark"
    for name in names:
        pairs = {b["process_index"] for b in doc["benchmarks"] if b["name"] == name and "process_index" in b}
        assert len(pairs) == 3, f"{role} {name}: {len(pairs)} pairs, expected the 3 every row gets"
PY
echo "gate_undecided_test: undecided changed benchmarks exit 3 and say so; the budget binds in the first round after 3 pairs"
