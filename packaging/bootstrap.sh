#!/usr/bin/env bash
# The two commands of the README:
#   bash packaging/bootstrap.sh demo   install, build, and render the demo reports into out/
#   bash packaging/bootstrap.sh test   install, build with warnings as errors, run every test
# Safe to rerun: packages already installed are not installed again.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-demo}"

install_packages() {
  local wanted missing=()
  mapfile -t wanted < <(grep -v '^#' packaging/debian-packages.txt | sed '/^$/d')
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "== installing: ${missing[*]}"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

jobs="$(nproc 2>/dev/null || echo 2)"
case "$mode" in
  demo)
    install_packages
    cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DPOVO_BUILD_TESTS=OFF
    cmake --build build/release -j "$jobs"
    bash packaging/run-demo.sh build/release/bin/povo
    ;;
  test)
    install_packages
    cmake -S . -B build/test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPOVO_WERROR=ON
    cmake --build build/test -j "$jobs"
    ctest --test-dir build/test --output-on-failure -j "$jobs"
    ;;
  *)
    echo "usage: bash packaging/bootstrap.sh demo|test" >&2
    exit 2
    ;;
esac
