#!/usr/bin/env bash
# The evidence behind each edge (issue 5): `documents` and `example` on every edge, and
# `entgraph mentions`.
# - on the samples, every edge's example is a sentence of the input naming both ends (by label
#   or alias), at most 300 bytes (networkx reads the GraphML);
# - on a small multi-document input, documents, count and example per edge are right; the
#   example is the smallest (document, sentence) key, not the first read; FILE:LINE ids compare
#   by line number;
# - examples are byte-identical for --jobs 1 and 2 and through count | sort | merge | build --counts,
#   whole and one document per shard;
# - wider windows: a pair sharing no sentence has documents but an empty example;
# - `entgraph mentions`: a golden case, and offsets that point at the surface in the samples and
#   in a document long enough to be read in parts.
# Usage: evidence.sh ENTGRAPH SAMPLES_DIR
set -uo pipefail
bin="$1"; samples="$2"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export LC_ALL=C
py=/usr/bin/python3
pass=0; fail=0
check() { # NAME COMMAND...: the command must succeed
  local name="$1"; shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}

# -- the samples
"$bin" build "$samples" -o "$work/samples.graphml" 2>/dev/null
check "samples: every example names both ends" $py "$here/check_graph.py" "$work/samples.graphml" "$samples"/*.txt
for j in 1 2; do
  "$bin" build "$samples" --jobs $j -o "$work/samples-$j.graphml" -o "$work/samples-$j.csv" 2>/dev/null
done
check "samples: --jobs 1 and 2 give the same examples" cmp -s "$work/samples-1.graphml" "$work/samples-2.graphml"
check "samples: --jobs 1 and 2 give the same edges.csv" cmp -s "$work/samples-1.edges.csv" "$work/samples-2.edges.csv"
for f in "$samples"/*.txt; do "$bin" count "$f" 2>/dev/null; done | sort | "$bin" merge - > "$work/samples.counts"
"$bin" build --counts "$work/samples.counts" -o "$work/samples-counts.graphml" 2>/dev/null
check "samples: count per file | sort | merge | build --counts = build" cmp -s "$work/samples.graphml" "$work/samples-counts.graphml"
check "samples: the counts hold the examples" grep -q "^X	" "$work/samples.counts"

# -- a small input: doc-1 is read second but has the smallest id
docs="$here/docs.jsonl"
expect=("Ada Lund|Bo Strand|2|3|Ada Lund met Bo Strand in Oslo."
        "Ada Lund|Oslo|2|2|Ada Lund met Bo Strand in Oslo."
        "Bo Strand|Oslo|3|4|Ada Lund met Bo Strand in Oslo.")
for j in 1 2; do
  "$bin" build --jsonl "$docs" --jobs $j -o "$work/docs-$j.graphml"
  check "docs --jobs $j: documents, count and example per edge" $py "$here/check_graph.py" --expect "$work/docs-$j.graphml" "${expect[@]}"
done
check "docs: --jobs 1 and 2 give the same bytes" cmp -s "$work/docs-1.graphml" "$work/docs-2.graphml"
split -l 1 -d "$docs" "$work/line-"
for s in "$work"/line-0?; do "$bin" count --jsonl "$s" -o "$s.counts"; done
"$bin" merge "$work"/line-0?.counts > "$work/docs.counts"
"$bin" build --counts "$work/docs.counts" -o "$work/docs-merged.graphml"
check "docs: one shard per document, merged = build" cmp -s "$work/docs-1.graphml" "$work/docs-merged.graphml"
check "docs: the X record keeps doc-1 (its id padded)" grep -q "^X	Ada Lund	Bo Strand	doc-000000000001	00000.0000000000	Ada Lund met Bo Strand in Oslo.$" "$work/docs.counts"
# without ids: FILE:LINE, and line 9 comes before line 10
{ for i in $(seq 1 8); do echo '{"text": "Nothing happened."}'; done
  echo '{"text": "Bo Strand saw Ada Lund."}'
  echo '{"text": "Ada Lund met Bo Strand."}'; } > "$work/lines.jsonl"
(cd "$work" && "$bin" build --jsonl lines.jsonl -o lines.graphml)
check "FILE:LINE ids: line 9 is before line 10" $py "$here/check_graph.py" --expect "$work/lines.graphml" "Ada Lund|Bo Strand|2|2|Bo Strand saw Ada Lund."
# paragraph windows: Ada and Oslo share a paragraph, never a sentence
printf 'Ada Lund arrived. She liked Oslo.\n\nBo Strand stayed home.\n' > "$work/para.txt"
"$bin" build "$work/para.txt" --window paragraph -o "$work/para.graphml"
check "paragraph window: no shared sentence, empty example" $py "$here/check_graph.py" --expect "$work/para.graphml" "Ada Lund|Oslo|1|1|"
check "... and the example really is empty" grep -q '<data key="e_example"></data>' "$work/para.graphml"

# -- entgraph mentions
(cd "$here" && "$bin" mentions --jsonl docs.jsonl) > "$work/docs.mentions"
check "mentions: golden case" diff -u "$here/docs.mentions.expected" "$work/docs.mentions"
(cd "$samples" && "$bin" mentions *.txt) > "$work/samples.mentions"
check "mentions: offsets point at the surfaces in the samples" \
  bash -c "cd '$samples' && $py '$here/check_mentions.py' *.txt < '$work/samples.mentions'"
# a document over 1 MiB is read in parts: offsets and sentences still count from its start
$py -c "
import sys
para = 'Nothing of note happened in the valley that week, and the farmers said so. ' * 12 + '\n\n'
sys.stdout.write(para * 1500 + 'Ada Lund met Bo Strand in Oslo.\n')" > "$work/long.txt"
(cd "$work" && "$bin" mentions long.txt > long.mentions)
check "mentions: a long document read in parts" \
  bash -c "cd '$work' && $py '$here/check_mentions.py' long.txt < long.mentions"
check "... its last mention is near the end" \
  test "$(tail -1 "$work/long.mentions" | cut -f3)" -gt 1300000
"$bin" mentions --counts x.counts "$work/para.txt" > /dev/null 2>&1
check "mentions: --counts is a usage error" test $? -eq 2
check "mentions: --help has examples" bash -c "'$bin' mentions --help | grep -q 'entgraph mentions article.txt'"
"$bin" mentions "$work/missing.txt" > /dev/null 2>&1
check "mentions: a missing input exits 1" test $? -eq 1

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
