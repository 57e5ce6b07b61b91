#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, ASan and UBSan, and runs each for N seconds
# (default 60) on a copy of its seed corpus. Usage:
#   tests/fuzz/run-fuzzers.sh [seconds] [target ...]
# Environment: BUILD_DIR (default /tmp/build-fuzz), JOBS (parallel fuzzers, default 2),
# CMAKE_ARGS (extra configure arguments, e.g. -DPOVO_EXCLUDE=batch).
# Findings (crash-*, leak-*, timeout-*, oom-*) and logs land in $BUILD_DIR/fuzz-out/<target>/.
# Exit status: 0 when no target found anything.
set -euo pipefail

seconds=${1:-60}
shift || true
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-/tmp/build-fuzz}
jobs=${JOBS:-2}
all=(fuzz_duo_csv fuzz_config fuzz_expr fuzz_text fuzz_own_story)
targets=("$@")
[[ $# -gt 0 ]] || targets=("${all[@]}")

command -v clang++ >/dev/null || { echo "clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }

# shellcheck disable=SC2086
cmake -S "$src" -B "$build" -G Ninja \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPOVO_BUILD_TESTS=ON -DPOVO_FUZZ=ON -DPOVO_SANITIZE=ON \
  ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build" --target "${targets[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

run_one() {
  local t=$1 out="$build/fuzz-out/$1"
  mkdir -p "$out/corpus"
  cp -n "$src/tests/fuzz/corpus/$t/"* "$out/corpus/" 2>/dev/null || true
  # -timeout: one input may take 10 s at most (a hang); -rss_limit_mb: 2 GB (a memory blow-up).
  (cd "$out" && "$build/bin/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
     -max_len=65536 -print_final_stats=1 -artifact_prefix="$out/" corpus >"$out/log.txt" 2>&1) || true
  local execs cov
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/log.txt" | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$out/log.txt" | tail -1 || true)
  local found
  found=$(ls "$out" | grep -E '^(crash|leak|timeout|oom|slow-unit)-' || true)
  printf '%-16s %8s s  %12s execs  %-22s %s\n' "$t" "$seconds" "$execs" "${cov:-?}" \
    "${found:+FOUND: $(echo $found | tr '\n' ' ')}"
}

pids=()
for t in "${targets[@]}"; do
  run_one "$t" &
  pids+=($!)
  if (( ${#pids[@]} >= jobs )); then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
wait
! ls "$build"/fuzz-out/*/ 2>/dev/null | grep -qE '^(crash|leak|timeout|oom)-'
