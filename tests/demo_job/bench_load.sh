#!/usr/bin/env bash
# Load benchmark of the demo job (not a unit test): generates the demo data once, then
# times `povo data configs/demo/job.yaml` (all 15 sources, output to /dev/null) with
# hyperfine and prints the median. Target (project issue 3): under 1 second.
#
#   bash tests/demo_job/bench_load.sh [POVO_EXE] [RUNS]
#   e.g. bash tests/demo_job/bench_load.sh /tmp/build-djob/bin/povo 10
#
# Like tests/demo_job, it copies configs/demo/*.yaml to a temporary ROOT/configs/demo and
# writes the data to ROOT/out/demo-data, where the job's relative paths look.
# Exit status 0 also when the median is above the target; the last line says which.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
povo="${1:-$repo/build/release/bin/povo}"
runs="${2:-10}"
povo="$(cd "$(dirname "$povo")" && pwd)/$(basename "$povo")"
[[ -x "$povo" ]] || { echo "bench_load.sh: no povo executable at $povo" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "bench_load.sh: hyperfine is not installed" >&2; exit 2; }
command -v jq >/dev/null || { echo "bench_load.sh: jq is not installed" >&2; exit 2; }

root="$(mktemp -d "${TMPDIR:-/tmp}/povo-bench-load.XXXXXX")"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/configs"
cp -r "$repo"/configs/demo "$root/configs/"
"$povo" demo-data --out "$root/out/demo-data" >/dev/null
job="$root/configs/demo/job.yaml"

# One checked run first: the benchmark is only meaningful when the load is clean.
export POVO_PLUGIN_PATH=
"$povo" data "$job" >/dev/null 2>"$root/first.err" || { cat "$root/first.err" >&2; exit 1; }
# Coverage warnings are expected (the demo's '<5' ranges); errors are not.
if grep -q '^data quality:' "$root/first.err" && ! grep -q '^data quality: 0 errors' "$root/first.err"; then
  echo "bench_load.sh: the load reports data errors:" >&2; cat "$root/first.err" >&2; exit 1
fi
tail -n 1 "$root/first.err"
echo "data: $(du -sh "$root/out/demo-data" | cut -f1) in $(ls "$root/out/demo-data" | wc -l) files; povo: $povo"

hyperfine --warmup 1 --runs "$runs" --export-json "$root/bench.json" \
  --command-name "povo data configs/demo/job.yaml" "'$povo' data '$job' > /dev/null 2>&1"

median="$(jq -r '.results[0].median' "$root/bench.json")"
awk -v m="$median" -v n="$runs" 'BEGIN {
  printf "median load time of the full demo dataset: %.3f s (%d runs); target < 1 s: %s\n", m, n, (m < 1.0 ? "met" : "NOT met")
}'
