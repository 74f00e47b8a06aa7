#!/usr/bin/env bash
# ctest: the results of real runs validate against harness/schema/results.schema.json:
# a run with every status (ok, failed, crashed, timeout, skipped) over several processes,
# both files of an `ab` session, and (where Valgrind is usable) an instruction-mode run.
#   schema_check.sh SELFTEST_BINARY PYTHON REPORTS_DIR
set -euo pipefail
selftest=$1 python=$2 reports=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# Exit status 1, exactly, is expected: the selftest suite fails on purpose.
status=0
"$selftest" run --timeout 2 --processes 2 --repetitions 2 --min-time 0.005 \
  --out "$dir/results.json" >"$dir/log" 2>&1 || status=$?
if [[ $status -ne 1 ]]; then
  cat "$dir/log"
  echo "schema_check: the selftest run exited $status, expected 1" >&2
  exit 1
fi
"$selftest" ab "$selftest" --variant correct --variant unavailable --processes 3 --min-time 0.005 \
  --out "$dir/ab" >"$dir/ab.log" 2>&1 || { cat "$dir/ab.log"; exit 1; }
files=("$dir/results.json" "$dir/ab/baseline.json" "$dir/ab/candidate.json")
# Valgrind cannot run sanitized binaries, nor (the host's) an emulated one.
info=$("$selftest" info --json)
if command -v valgrind >/dev/null && ! grep -q '"sanitizers": "[a-z]' <<<"$info" && ! grep -q '"emulated"' <<<"$info"; then
  "$selftest" run --variant correct --measure instructions --iterations 2 \
    --out "$dir/instructions.json" >"$dir/instructions.log" 2>&1 || { cat "$dir/instructions.log"; exit 1; }
  files+=("$dir/instructions.json")
fi
PYTHONPATH=$reports "$python" -m idiombench_report validate "${files[@]}"
