#!/usr/bin/env bash
# Benchmarks of the demo job (not unit tests; the machine they run on decides the
# figures, so report medians of several runs):
#   analysis  `povo data --table stats`: load every source, compute every indicator and
#             every statistic (target, issue 4: under 1 s);
#   national  `povo run --jobs 2`: every sector report and one report per board
#             (targets, issue 6: under 10 s wall time with 2 jobs, peak memory under 300 MB).
#
#   bash tests/demo_job/bench_run.sh [POVO_EXE] [RUNS]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
povo="${1:-$repo/build/release/bin/povo}"
runs="${2:-3}"
[[ -x "$povo" ]] || { echo "bench_run.sh: no povo executable at $povo" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "bench_run.sh: hyperfine is not installed" >&2; exit 2; }

root="$(mktemp -d "${TMPDIR:-/tmp}/povo-bench-run.XXXXXX")"
trap 'rm -rf "$root"' EXIT
"$povo" demo-data --out "$root/data" >/dev/null
job="$repo/configs/demo/job.yaml"
export POVO_PLUGIN_PATH=

echo "== analysis: load, indicators, statistics"
hyperfine --warmup 1 --runs "$((runs * 3))" --style basic \
  "$povo data $job --set data_dir=$root/data --table stats > /dev/null 2>&1"

echo "== national run: sector reports and one report per board, 2 jobs"
hyperfine --runs "$runs" --style basic --prepare "rm -rf $root/out" \
  "$povo run $job --set data_dir=$root/data --jobs 2 --out $root/out > /dev/null 2>&1"

/usr/bin/time -f "peak memory: %M KB, user %U s, system %S s, wall %e s" \
  "$povo" run "$job" --set "data_dir=$root/data" --jobs 2 --out "$root/out" 2>&1 >/dev/null | tail -2
reports=$(ls "$root/out"/*.pdf | wc -l)
pages=$(grep -o '"pages": [0-9]*' "$root/out/manifest.json" | awk '{s += $2} END {print s}')
bytes=$(du -cb "$root/out"/*.pdf | tail -1 | cut -f1)
echo "reports: $reports, pages: $pages, bytes per page: $((bytes / pages))"
