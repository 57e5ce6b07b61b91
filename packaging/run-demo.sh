#!/usr/bin/env bash
# The main job on the built-in demo data: usage: run-demo.sh POVO
# Writes the fictional demo sector to out/demo-data and every demo report (the sector
# reports po and vo, the po&vo overview, one report per board) to out/reports.
set -euo pipefail
povo="$1"
cd "$(dirname "$0")/.."
"$povo" --version
"$povo" plugins
"$povo" demo-data --out out/demo-data
"$povo" validate configs/demo/job.yaml
"$povo" run configs/demo/job.yaml --jobs "$(nproc 2>/dev/null || echo 2)"
echo "Reports: $(pwd)/out/reports (manifest: out/reports/manifest.json)"
