#!/usr/bin/env bash
# Every test: installs what the tests use, builds entgraph twice (plain, and with
# AddressSanitizer + UndefinedBehaviorSanitizer under clang, with the fuzz targets) and runs the
# whole suite under ctest in both builds. Exits non-zero when anything fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/deps.sh" test
jobs="$(nproc)"

cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build" -j"$jobs"
(cd "$root/build" && ctest --output-on-failure -j"$jobs")

# The sanitizer build also builds the libFuzzer targets, which the suite runs for seconds each.
cmake -S "$root" -B "$root/build-asan" -DCMAKE_BUILD_TYPE=Debug -DENTGRAPH_SANITIZE=ON \
  -DENTGRAPH_FUZZ=ON -DCMAKE_C_COMPILER=clang >/dev/null
cmake --build "$root/build-asan" -j"$jobs"
# Graphviz's plugins and fontconfig keep caches for the life of the process: not our leaks.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd "$root/build-asan" && ctest --output-on-failure -j"$jobs")
