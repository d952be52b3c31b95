#!/usr/bin/env bash
# The distributed examples of scripts/distributed that can run on one machine do, and give the
# bytes of a direct build: the plain pipeline and the GNU parallel run.
# Usage: scripts.sh ENTGRAPH
set -euo pipefail
bin="$1"
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export ENTGRAPH="$bin"
/usr/bin/python3 "$here/make_corpus.py" 900 > "$work/corpus.jsonl"
split -n l/3 -d --additional-suffix=.jsonl "$work/corpus.jsonl" "$work/part-"
"$bin" build --jsonl "$work/corpus.jsonl" -o "$work/direct.graphml"
fail=0
bash "$root/scripts/distributed/local-pipeline.sh" "$work/corpus.jsonl" "$work/local" --jsonl
cmp "$work/direct.graphml" "$work/local/graph.graphml" || { echo "FAIL: local-pipeline.sh"; fail=1; }
# parallel.sh takes the parts in any order; their merge is the same.
bash "$root/scripts/distributed/parallel.sh" "$work/par" "$work"/part-0{2,0,1}.jsonl
cmp "$work/direct.graphml" "$work/par/graph.graphml" || { echo "FAIL: parallel.sh"; fail=1; }
[ "$fail" -eq 0 ] && echo "2 passed, 0 failed"
exit "$fail"
