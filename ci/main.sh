#!/usr/bin/env bash
# The main job: dependencies (when missing), a release build, the quick profile of
# every suite, the results JSON and the HTML report. Prints both paths.
#   ci/main.sh [extra `idiombench run` options, e.g. --suite iteration]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ci/common.sh
source "$here/common.sh"
root=$(cd "$here/.." && pwd)

"$here/build.sh" release
python=$(python_with_deps)

mkdir -p "$root/results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="$root/results/quick-$stamp.json"
report="$root/results/quick-$stamp.html"

status=0
"$root/build/release/harness/idiombench" run --profile quick --out "$results" "$@" || status=$?
# Render whatever was measured, even when a benchmark failed (status 1).
if [[ -f $results ]]; then
  PYTHONPATH="$root/reports" "$python" -m idiombench_report render "$results" -o "$report" >/dev/null
  echo "results: $results"
  echo "report:  $report"
fi
exit "$status"
