#!/usr/bin/env bash
# The Dask run gives the bytes of a direct build. Usage: dask.sh ENTGRAPH
set -euo pipefail
bin="$1"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/make_corpus.py" 2000 > "$work/corpus.jsonl"
"$bin" build --jsonl "$work/corpus.jsonl" -o "$work/direct.graphml" -o "$work/direct.dot" -o "$work/direct.tsv"
/usr/bin/python3 "$here/dask_run.py" "$bin" "$work/corpus.jsonl" 4 "$work"
fail=0
for ext in graphml dot tsv; do
  cmp "$work/direct.$ext" "$work/dask.$ext" || { echo "FAIL: the Dask run's .$ext differs"; fail=1; }
done
[ "$fail" -eq 0 ] && echo "3 passed, 0 failed"
exit "$fail"
