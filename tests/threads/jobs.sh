#!/usr/bin/env bash
# Data files are byte-identical whatever the number of worker threads (--jobs 1, 2, 3, 8), on a
# generated corpus of a few thousand documents and on the samples, with metrics on.
# Usage: jobs.sh ENTGRAPH SAMPLES_DIR
set -uo pipefail
bin="$1"; samples="$2"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/../counts/make_corpus.py" 2500 > "$work/corpus.jsonl"
pass=0; fail=0
for input in corpus samples; do
  if [ $input = corpus ]; then args=(--jsonl "$work/corpus.jsonl"); else args=("$samples"); fi
  for j in 1 2 3 8; do
    "$bin" build "${args[@]}" --jobs $j -o "$work/$input-$j.graphml" -o "$work/$input-$j.dot" \
      -o "$work/$input-$j.tsv" 2>/dev/null
    "$bin" count "${args[@]}" --jobs $j -o "$work/$input-$j.counts" 2>/dev/null
  done
  for j in 2 3 8; do
    for ext in graphml dot tsv counts; do
      if cmp -s "$work/$input-1.$ext" "$work/$input-$j.$ext"; then pass=$((pass + 1)); else
        fail=$((fail + 1)); echo "FAIL: $input --jobs $j gives another .$ext than --jobs 1"; fi
    done
  done
done
"$bin" build "$samples" --jobs 0 -o "$work/x.graphml" 2>/dev/null
if [ $? -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: --jobs 0 (one per processor)"; fi
"$bin" build "$samples" --jobs -1 -o "$work/x.graphml" 2>/dev/null
if [ $? -eq 2 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: --jobs -1 is not a usage error"; fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
