#!/usr/bin/env bash
# The main job on the built-in demo data: usage: run-demo.sh POVO OUT_DIR
set -euo pipefail
povo="$1"
out="$2"
mkdir -p "$out"
"$povo" --version
"$povo" plugins
"$povo" demo-data --out "$out/demo-data"
