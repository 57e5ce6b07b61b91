#!/usr/bin/env bash
# usage: out_of_tree_test.sh BUILD_DIR TEMPLATE_DIR WORK_DIR CMAKE GENERATOR CXX [PDFTOTEXT]
#
# 1. cmake --install BUILD_DIR --prefix WORK_DIR/prefix
# 2. configure and build TEMPLATE_DIR (packaging/plugin-template) against that prefix,
#    with find_package(povo) and nothing else (CMAKE_PREFIX_PATH)
# 3. the installed povo lists both example plugins and its own installed plugins
# 4. `povo data` on a job that uses both prints the example indicator's values
# 5. `povo run` (when this povo renders reports) writes a PDF with the value in it
# 6. a job of its own extends the installed demo job, without copying it, with the example
#    source, the example indicator set and a chapter in one report (include:, KEY+:,
#    KEY[ID]:, docs/config-composition.md); validate, then run that report for one board
set -euo pipefail
build="$1" template="$2" work="$3" cmake="$4" generator="$5" cxx="$6" pdftotext="${7:-}"

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

[ -x "$build/bin/povo" ] || { echo "SKIP: $build/bin/povo was not built"; exit 77; }
rm -rf "$work"
mkdir -p "$work"
prefix="$work/prefix"
unset POVO_PLUGIN_PATH

step "install $build to $prefix"
"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install"; }
for f in bin/povo include/povo/povo.hpp include/povo/version.hpp lib/cmake/povo/povoConfig.cmake \
         lib/cmake/povo/povoConfigVersion.cmake lib/cmake/povo/povoTargets.cmake lib/cmake/povo/PovoPlugin.cmake \
         share/man/man1/povo.1; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
ls "$prefix"/lib/libpovo_sdk.so* >/dev/null || fail "libpovo_sdk.so not installed"
povo="$prefix/bin/povo"
"$povo" --version

step "build the example plugins against the installed povo"
"$cmake" -S "$template" -B "$work/plugins" -G "$generator" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_FLAGS="-Wall -Wextra -Werror" \
  >"$work/configure.log" 2>&1 || { cat "$work/configure.log"; fail "configuring the plugin template"; }
povo_dir=$(sed -n 's/^povo_DIR:PATH=//p' "$work/plugins/CMakeCache.txt")
[ "$povo_dir" = "$prefix/lib/cmake/povo" ] || fail "find_package(povo) found '$povo_dir', not the test's prefix"
"$cmake" --build "$work/plugins" >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "building the plugin template"; }
plugins="$work/plugins"

step "povo plugins --plugin-path $plugins"
"$povo" plugins --plugin-path "$plugins" >"$work/plugins.txt" 2>&1 || { cat "$work/plugins.txt"; fail "povo plugins"; }
cat "$work/plugins.txt"
grep -Eq "^example_csv +data-source +1\.0\.0 .*$plugins/libpovo_example_csv\.so" "$work/plugins.txt" ||
  fail "example_csv not listed"
grep -Eq "^example_growth +indicator +1\.0\.0 .*$plugins/libpovo_example_growth\.so" "$work/plugins.txt" ||
  fail "example_growth not listed"
# povo's own plugins are found in the installation, not in the build tree.
if ls "$build"/lib/povo/plugins/libpovo_*.so >/dev/null 2>&1; then
  grep -q "$prefix/lib/povo/plugins/libpovo_" "$work/plugins.txt" || fail "no plugin listed from $prefix/lib/povo/plugins"
fi

step "povo data on a job that uses both example plugins"
job="$work/job"
mkdir -p "$job"
# Six boards, each growing 25% from 2023 to 2024 (a peer group needs five for statistics).
for b in 1 2 3 4 5 6; do
  echo "1000$b,2023,$((b * 200))"
  echo "1000$b,2024,$((b * 250))"
done >"$job/leerlingen.csv"
cat >"$job/job.yaml" <<'YAML'
title: Voorbeeldplugins
year: 2024
sources:
  - id: leerlingen
    plugin: example_csv
    options: {file: leerlingen.csv, measure: leerlingen_bestuur}
indicator_sets:
  - plugin: example_growth
    options: {measure: leerlingen_bestuur}
YAML
"$povo" validate "$job/job.yaml" --plugin-path "$plugins" || fail "povo validate"
POVO_PLUGIN_PATH="$plugins" "$povo" data "$job/job.yaml" --year 2024 >"$work/data.csv" 2>"$work/data.err" ||
  { cat "$work/data.err"; fail "povo data"; }
cat "$work/data.csv"
grep -q "^board,10002,2024,leerlingen_bestuur,500," "$work/data.csv" || fail "the example source's value is missing"
grep -Eq "^board,10002,2024,example_groei,0\.25(0*)?," "$work/data.csv" || fail "the example indicator's value is missing"

if "$povo" --help | grep -q "run CONFIG"; then
  step "povo run: a report with the example indicator"
  cat >>"$job/job.yaml" <<'YAML'
output:
  dir: reports
  date: "2026-11-23"
  min_group_size: 5
reports:
  - id: voorbeeld
    kind: sector
    title: Voorbeeldrapport {year}
    file: voorbeeld-{year}
    chapters:
      - title: Groei
        blocks:
          - text: "De mediaan van de groei was {median(example_groei)}."
          - table: [example_groei]
YAML
  "$povo" run "$job/job.yaml" --plugin-path "$plugins" >"$work/run.log" 2>&1 || { cat "$work/run.log"; fail "povo run"; }
  pdf=$(find "$job/reports" -name '*.pdf' 2>/dev/null | sort | head -n 1)
  if [ -z "$pdf" ]; then
    # The placeholder `run` of povo before the report stage loads the data and stops.
    if "$povo" --help | grep -q "load the sources and report data quality"; then
      echo "SKIPPED the report check: this povo's 'run' writes no reports yet"
    else
      cat "$work/run.log"
      fail "povo run wrote no PDF"
    fi
  else
    [ -n "$pdftotext" ] || { echo "SKIP: pdftotext not found"; exit 77; }
    "$pdftotext" "$pdf" "$work/report.txt"
    grep -q "25,0%" "$work/report.txt" || { cat "$work/report.txt"; fail "the example indicator's value (25,0%) is not in $pdf"; }
    echo "report $pdf shows 25,0%"
  fi
fi
if [ -n "$pdftotext" ] && "$povo" --help | grep -q "run CONFIG"; then
  step "extend the installed demo job with the example plugins"
  ext="$work/extension"
  mkdir -p "$ext"
  "$povo" demo-data --out "$ext/data" >/dev/null
  # Pupil satisfaction of two demo boards, read by the example source.
  printf '25244,2023,80\n25244,2024,84\n71791,2023,70\n71791,2024,63\n' >"$ext/data/tevredenheid.csv"
  cat >"$ext/job.yaml" <<YAML
include: $prefix/share/povo/configs/demo/job.yaml
data_dir: data
output: {dir: reports}
sources+:
  - id: tevredenheid
    plugin: example_csv
    options: {file: tevredenheid.csv, measure: tevredenheid}
indicator_sets+:
  - plugin: example_growth
    options: {measure: tevredenheid}
reports[bestuur_po]:
  chapters+:
    - title: Tevredenheid
      blocks:
        - text: "De tevredenheid van uw leerlingen veranderde met {example_groei}."
        - table: [example_groei]
YAML
  "$povo" validate "$ext/job.yaml" --plugin-path "$plugins" >"$work/ext-validate.txt" 2>&1 ||
    { cat "$work/ext-validate.txt"; fail "povo validate of the extended demo job"; }
  cat "$work/ext-validate.txt"
  grep -q "valid (16 sources, 39 indicators, 5 reports)" "$work/ext-validate.txt" || fail "the extension is not in the job"
  "$povo" run "$ext/job.yaml" --plugin-path "$plugins" --report bestuur_po --board 25244 >"$work/ext-run.log" 2>&1 ||
    { cat "$work/ext-run.log"; fail "povo run of the extended demo job"; }
  pdf=$(find "$ext/reports" -name 'bestuur-25244-*.pdf' | head -n 1)
  [ -n "$pdf" ] || { cat "$work/ext-run.log"; fail "no report for board 25244"; }
  "$pdftotext" "$pdf" "$work/ext-report.txt"
  grep -q "Tevredenheid" "$work/ext-report.txt" || fail "the added chapter is not in $pdf"
  grep -q "veranderde met 5,0%" "$work/ext-report.txt" || { grep -n "tevredenheid" "$work/ext-report.txt"; fail "the added text is not in $pdf"; }
  echo "extended demo report $pdf has the chapter Tevredenheid (5,0%)"
fi
echo "PASS"
