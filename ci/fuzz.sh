#!/usr/bin/env bash
# The libFuzzer targets of the parsers that read bytes from the network (the HTTP response
# parser, the fixture's request head): built with clang 14 (preset fuzz) and run from their
# committed seed corpora (suites/io/fuzz/corpus/) for a bounded time each. A crash fails
# CI and leaves its input under build/fuzz/crashes/: add it to the corpus and a unit test.
#   ci/fuzz.sh [SECONDS_PER_TARGET]   (default 30)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=ci/common.sh
source "$here/common.sh"
root=$(cd "$here/.." && pwd)
seconds=${1:-30}

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target response_parser_fuzz request_head_fuzz >/dev/null
crashes="$root/build/fuzz/crashes"
mkdir -p "$crashes"
for target in response_parser request_head; do
  corpus=$(mktemp -d)
  cp "$root/suites/io/fuzz/corpus/${target%%_*}"/* "$corpus/"
  log "fuzzing $target for ${seconds} s"
  "$root/build/fuzz/suites/io/fuzz/${target}_fuzz" -max_total_time="$seconds" -max_len=4096 \
    -artifact_prefix="$crashes/${target}-" -print_final_stats=1 "$corpus" 2>"$corpus.log" \
    || { tail -30 "$corpus.log"; rm -rf "$corpus"; die "$target: the fuzzer found a crash (input in $crashes)"; }
  grep -E "stat::number_of_executed_units" "$corpus.log" || true
  rm -rf "$corpus" "$corpus.log"
done
