#!/usr/bin/env bash
# Counting split across processes gives exactly the graph of one run: on a generated corpus of
# a few thousand documents, `count | LC_ALL=C sort | merge | build --counts` gives data files
# byte-identical to a direct `build`, counted whole and in 3 shards, for the default window and
# for paragraph windows; counts of an earlier run plus new text equal a run over everything;
# counts made with different options are refused with exit 2; unsorted counts with exit 1.
# Usage: roundtrip.sh ENTGRAPH [EXTRA BUILD OPTIONS...]
set -uo pipefail
bin="$1"; shift
extra=("$@")
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
export LC_ALL=C
pass=0; fail=0
check() { # NAME COMMAND...: the command must succeed
  local name="$1"; shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
same_files() { # PREFIX_A PREFIX_B: graphml, dot and tsv are byte-identical
  cmp -s "$1.graphml" "$2.graphml" && cmp -s "$1.dot" "$2.dot" && cmp -s "$1.tsv" "$2.tsv"
}
outputs() { echo -o "$1.graphml" -o "$1.dot" -o "$1.tsv"; }

/usr/bin/python3 "$here/make_corpus.py" 3000 > corpus.jsonl
split -n l/3 -d corpus.jsonl shard-   # shard-00 shard-01 shard-02, whole lines

for window in sentence paragraph; do
  opts=(--window "$window" "${extra[@]}")
  "$bin" build --jsonl corpus.jsonl "${opts[@]}" $(outputs "direct-$window")
  # whole corpus through a pipe
  "$bin" count --jsonl corpus.jsonl --window "$window" | sort | "$bin" merge - > whole.counts
  "$bin" build --counts whole.counts "${extra[@]}" $(outputs "whole-$window")
  check "$window: count | sort | merge | build --counts = build" same_files "direct-$window" "whole-$window"
  # three shards, as three mappers, merged as one reducer would
  for s in shard-00 shard-01 shard-02; do
    "$bin" count --jsonl "$s" --window "$window" -o "$s.counts"
  done
  "$bin" merge shard-0?.counts > merged.counts
  "$bin" build --counts merged.counts "${extra[@]}" $(outputs "shards-$window")
  check "$window: 3 shards merged = build" same_files "direct-$window" "shards-$window"
  check "$window: merged shards = counts of the whole" cmp -s merged.counts whole.counts
  # the shards' records through one sort, as a streaming engine's shuffle would give them
  cat shard-0?.counts | sort | "$bin" merge - > shuffled.counts
  check "$window: sort of all shards then merge = merge of shards" cmp -s shuffled.counts merged.counts
  # incremental: yesterday's counts plus today's text
  "$bin" merge shard-00.counts shard-01.counts > yesterday.counts
  "$bin" build --counts yesterday.counts --jsonl shard-02 --window "$window" "${extra[@]}" $(outputs "incr-$window")
  check "$window: counts plus new text = build of everything" same_files "direct-$window" "incr-$window"
done

"$bin" count --jsonl shard-00 -o sentence.counts
"$bin" count --jsonl shard-00 --window paragraph > para.counts
"$bin" merge sentence.counts para.counts > /dev/null 2> mismatch.err
rc=$?
check "merging counts of different windows exits 2" test "$rc" -eq 2
check "... with one clear line" test "$(wc -l < mismatch.err)" -eq 1
check "... naming the file and the windows" grep -q "para.counts: counts made with '.*window=paragraph" mismatch.err
"$bin" build --counts para.counts --window sentence -o x.graphml 2>/dev/null
check "build --counts with another window exits 2" test $? -eq 2
tac sentence.counts | "$bin" merge - > /dev/null 2>&1
check "unsorted counts are refused (exit 1)" test $? -eq 1
{ head -1 sentence.counts; sed -n '2,$p' sentence.counts | sort -r; } | "$bin" merge - > /dev/null 2> unsorted.err
rc=$?
check "records out of order are refused (exit 1)" test "$rc" -eq 1
check "... saying to sort them" grep -q "not sorted" unsorted.err

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
