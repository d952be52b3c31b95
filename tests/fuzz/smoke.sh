#!/usr/bin/env bash
# A fuzz smoke run for CI: TARGET for SECONDS over its seed corpus. New inputs go to a temporary
# folder (libFuzzer writes into the first corpus folder), so the checked-in seeds never change.
# Usage: smoke.sh TARGET SEED_DIR SECONDS
set -euo pipefail
target="$1"; seeds="$2"; seconds="$3"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cd "$work"
"$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
  -print_final_stats=1 "$work" "$seeds" 2>"$work/log" || { tail -60 "$work/log"; exit 1; }
grep -E "stat::number_of_executed_units|Done" "$work/log" | tail -2
echo "1 passed, 0 failed"
