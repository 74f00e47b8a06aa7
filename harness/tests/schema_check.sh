#!/usr/bin/env bash
# ctest: the results of a real run (every status: ok, failed, crashed, timeout,
# skipped) validate against harness/schema/results.schema.json.
#   schema_check.sh SELFTEST_BINARY PYTHON REPORTS_DIR
set -euo pipefail
selftest=$1 python=$2 reports=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# Exit status 1 is expected: the selftest suite fails on purpose.
"$selftest" run --timeout 2 --repetitions 2 --min-time 0.005 --out "$dir/results.json" \
  >"$dir/log" 2>&1 || [[ $? -eq 1 ]] || { cat "$dir/log"; exit 1; }
PYTHONPATH=$reports "$python" -m idiombench_report validate "$dir/results.json"
