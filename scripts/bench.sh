#!/usr/bin/env bash
# Speed and memory of entgraph, measured against `wc -w` on the same bytes in the same run.
# Usage: scripts/bench.sh CORPUS.jsonl [ENTGRAPH] [--no-big]
# Prints, for the corpus and then for the corpus replicated to at least 1 GB: seconds, MB/s and
# peak RSS of `wc -w`, of `entgraph build --jsonl CORPUS -o x.graphml` with 1 and 2 threads,
# and the ratios (entgraph 1 thread / wc -w; 2 threads / 1 thread; RSS at 1 GB / RSS small).
# Figures, not assertions: the machine's load changes them; run it on an idle machine.
set -euo pipefail
[ -x /usr/bin/time ] || { echo "bench.sh needs GNU time: apt-get install time" >&2; exit 2; }
corpus="$1"
bin="${2:-$(cd "$(dirname "$0")/.." && pwd)/build/entgraph}"
big=1; [ "${3:-}" = --no-big ] && big=0
export LC_ALL=C.UTF-8
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

measure() { # COMMAND...: prints "seconds peak_kb"
  /usr/bin/time -o "$work/time" -f "%e %M" "$@" >/dev/null 2>&1 || true
  tail -1 "$work/time"
}

run_set() { # FILE LABEL
  local file="$1" label="$2"
  local mb; mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
  cat "$file" > /dev/null # warm the page cache for every contender alike
  read -r wc_s wc_kb < <(measure wc -w "$file")
  read -r e1_s e1_kb < <(measure "$bin" build --jsonl --quiet --jobs 1 "$file" -o "$work/g1.graphml")
  read -r e2_s e2_kb < <(measure "$bin" build --jsonl --quiet --jobs 2 "$file" -o "$work/g2.graphml")
  cmp -s "$work/g1.graphml" "$work/g2.graphml" || echo "warning: --jobs 1 and 2 differ" >&2
  echo "== $label: $mb MB"
  awk -v mb="$mb" -v ws="$wc_s" -v wk="$wc_kb" -v s1="$e1_s" -v k1="$e1_kb" -v s2="$e2_s" -v k2="$e2_kb" 'BEGIN {
    f = "%-26s %8.2f s %9.1f MB/s %9.1f MB peak RSS\n";
    printf f, "wc -w", ws, mb / (ws > 0 ? ws : 0.01), wk / 1024;
    printf f, "entgraph build, 1 thread", s1, mb / (s1 > 0 ? s1 : 0.01), k1 / 1024;
    printf f, "entgraph build, 2 threads", s2, mb / (s2 > 0 ? s2 : 0.01), k2 / 1024;
    printf "ratio entgraph 1 thread / wc -w (speed): %.3f\n", (ws > 0 ? ws : 0.01) / (s1 > 0 ? s1 : 0.01);
    printf "ratio 2 threads / 1 thread (speed):      %.2f\n", (s1 > 0 ? s1 : 0.01) / (s2 > 0 ? s2 : 0.01);
  }'
  last_rss_kb="$e1_kb"; last_rss2_kb="$e2_kb"
}

alloc="glibc malloc"; ldd "$bin" 2>/dev/null | grep -q libmimalloc && alloc="mimalloc"
echo "entgraph: $bin ($alloc); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
run_set "$corpus" "$(basename "$corpus")"
small_rss="$last_rss_kb"; small_rss2="$last_rss2_kb"
if [ "$big" -eq 1 ]; then
  size=$(stat -c %s "$corpus"); copies=$(( (1000000000 + size - 1) / size ))
  for _ in $(seq "$copies"); do cat "$corpus"; done > "$work/big.jsonl"
  run_set "$work/big.jsonl" "$(basename "$corpus") x $copies"
  awk -v a="$last_rss_kb" -v b="$small_rss" -v c="$last_rss2_kb" -v d="$small_rss2" 'BEGIN {
    printf "ratio peak RSS at 1 GB / small, 1 thread:  %.2f\n", a / b;
    printf "ratio peak RSS at 1 GB / small, 2 threads: %.2f\n", c / d }'
fi
