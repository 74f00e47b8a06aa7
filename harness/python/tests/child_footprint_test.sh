#!/usr/bin/env bash
# A benchmark's process starts only what it runs. Under strace, the process of a C++
# benchmark (`idiombench _child`) must open nothing of CPython's standard library, NumPy,
# numba or llvmlite, whether `run`, `verify` or `ab` started it; the process of a Python
# benchmark opens them, and still verifies (which shows the check can fail), but a Python
# variant that does not need NumPy opens none of it though its module imports it. Likewise the
# libraries the suites open on first use (libcurl, OpenBLAS, libxml2): not opened by a
# benchmark that does not call them, opened by one that does.
#   child_footprint_test.sh IDIOMBENCH_BINARY
set -euo pipefail
bin=$1
command -v strace >/dev/null || { echo "FAIL: strace is needed (ci/install-deps.sh --tests)"; exit 1; }
# LeakSanitizer cannot run under ptrace (an asan build's processes would die at exit).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# The Python files the benchmark processes traced in folder $1 opened (or tried to).
python_files_of_children() {
  local trace
  for trace in "$1"/st.*; do
    grep -q 'execve(.*"_child"' "$trace" || continue
    grep -oE 'openat\([^"]*"[^"]*(/python3[.0-9]*/|numpy|numba|llvmlite)[^"]*"' "$trace" \
      | sed 's/.*"\(.*\)"/\1/' || true
  done
}

# The on-demand libraries the benchmark processes traced in folder $1 opened.
on_demand_libraries_of_children() {
  local trace
  for trace in "$1"/st.*; do
    grep -q 'execve(.*"_child"' "$trace" || continue
    grep -oE 'openat\([^"]*"[^"]*/(libcurl|libopenblas|libxml2)\.so[^"]*"' "$trace" \
      | sed 's/.*"\(.*\)"/\1/' || true
  done
}

children_of() {  # how many benchmark processes the trace in $1 holds
  grep -l 'execve(.*"_child"' "$1"/st.* 2>/dev/null | wc -l
}

# traced NAME COMMAND...: runs the command under strace into $work/NAME.
traced() {
  local name=$1
  shift
  mkdir -p "$work/$name"
  strace -f -ff -qq -o "$work/$name/st" -e trace=execve,openat "$@" >"$work/$name.log" 2>&1 || {
    echo "FAIL: $name: the command failed"
    cat "$work/$name.log"
    failures=$((failures + 1))
    return 1
  }
}

expect_lean() {  # NAME: the benchmark processes of the trace opened no Python file
  local name=$1 opened count
  count=$(children_of "$work/$name")
  if ((count == 0)); then
    echo "FAIL: $name: no benchmark process was traced"
    failures=$((failures + 1))
    return
  fi
  opened=$(python_files_of_children "$work/$name" | sort -u)
  if [[ -n $opened ]]; then
    echo "FAIL: $name: a C++ benchmark's process opened Python files:"
    echo "$opened" | head -10
    failures=$((failures + 1))
  else
    echo "ok: $name: $count benchmark process(es), no Python file opened"
  fi
  opened=$(on_demand_libraries_of_children "$work/$name" | sort -u)
  if [[ -n $opened ]]; then
    echo "FAIL: $name: a benchmark's process opened libraries it does not call:"
    echo "$opened" | head -10
    failures=$((failures + 1))
  fi
}

has() { "$bin" list --filter "$1" 2>/dev/null | grep -q available; }

for filter in 'iteration/sum_squares/index_loop/n:1000$' 'wrappers/call_through_wrapper/direct/' \
  'compute/triad/autovec/'; do
  has "$filter" || { echo "skip: no benchmark matches $filter in this build"; continue; }
  name="run-$(echo "$filter" | tr -c 'a-z0-9' '_')"
  first=$("$bin" list --filter "$filter" | awk 'NR == 1 {print $1}')
  traced "$name" "$bin" run --filter "^${first}\$" --out "$work/$name.json" && expect_lean "$name"
done

if has 'iteration/sum_squares/index_loop'; then
  traced verify "$bin" verify --filter 'iteration/sum_squares/index_loop/n:17$' \
    && expect_lean verify
  traced ab "$bin" ab "$bin" --time-unchanged --processes 1 --sentinels 0 \
    --filter 'iteration/sum_squares/index_loop/n:1000$' --out "$work/ab" && expect_lean ab
fi

# python_child NAME BENCHMARK OPENS NOT_OPENS: the Python benchmark's process opens Python
# files (else the check is blind), among them one matching OPENS (a regex; empty: any), none
# matching NOT_OPENS (empty: no such rule), and its answer is right.
python_child() {
  local name=$1 benchmark=$2 opens=$3 not_opens=$4 opened
  has "^${benchmark}\$" || { echo "skip: no $benchmark in this build"; return; }
  traced "$name" "$bin" run --filter "^${benchmark}\$" --out "$work/$name.json" || return
  opened=$(python_files_of_children "$work/$name" | sort -u)
  if [[ -z $opened ]] || { [[ -n $opens ]] && ! grep -qE "$opens" <<<"$opened"; }; then
    echo "FAIL: $name: the Python benchmark's process opened no ${opens:-Python} file: the check is blind"
  elif [[ -n $not_opens ]] && grep -qE "$not_opens" <<<"$opened"; then
    echo "FAIL: $name: a Python variant loaded what it does not need:"
    grep -E "$not_opens" <<<"$opened" | head -5
  elif ! grep -q '"verified": *true' "$work/$name.json"; then
    echo "FAIL: $name: the Python benchmark did not verify"
  else
    echo "ok: $name: its process opened ${opens:-Python}${not_opens:+, not $not_opens,} and verified"
    return
  fi
  failures=$((failures + 1))
}

# The positive case: a Python benchmark's process does open them, and its answer is right.
python_child python iteration/sum_squares/py_numpy/n:1000 numpy ""
# A Python variant that needs no NumPy, in a module that imports it for its neighbour
# py_numpy: its process opens CPython's standard library, not NumPy or numba, and verifies.
python_child genexpr iteration/sum_squares/py_genexpr/n:1000 "" 'numpy|numba|llvmlite'

# The positive case of the on-demand libraries: the BLAS variant's process opens OpenBLAS
# and verifies.
if has 'compute/dot/blas/'; then
  first=$("$bin" list --filter 'compute/dot/blas/' | awk 'NR == 1 {print $1}')
  if traced blas "$bin" run --filter "^${first}\$" --out "$work/blas.json"; then
    if ! on_demand_libraries_of_children "$work/blas" | grep -q libopenblas; then
      echo "FAIL: blas: the BLAS benchmark's process did not open OpenBLAS: the check is blind"
      failures=$((failures + 1))
    elif ! grep -q '"verified": *true' "$work/blas.json"; then
      echo "FAIL: blas: the BLAS benchmark did not verify"
      failures=$((failures + 1))
    else
      echo "ok: blas: the BLAS benchmark's process opened OpenBLAS and verified"
    fi
  fi
fi

((failures == 0)) || { echo "$failures failure(s)"; exit 1; }
