#!/usr/bin/env bash
# Reading as a stream: gzip inputs (files, folders, JSON Lines) give the graph of the plain
# bytes; truncated gzip is one line and exit 1 with the rest processed; --dedup skips exact
# copies and says how many; a document longer than one part (1 MiB) is counted as one document,
# whatever its parts and the number of threads; a NUL past the first block does not cut the text.
# Memory is checked by scripts/bench.sh, not here (the sanitizer build would distort it).
# Usage: streams.sh ENTGRAPH SAMPLES_DIR
set -uo pipefail
bin="$1"; samples="$(cd "$2" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
pass=0; fail=0
check() { local d="$1"; shift; if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $d"; fi; }

mkdir plain gz
cp "$samples"/*.txt plain/
cp "$samples"/*.txt gz/ && gzip gz/trump-putin-dnc-server.txt
"$bin" build plain -o plain.graphml 2>/dev/null
"$bin" build gz -o gz.graphml 2>/dev/null
check "a folder with a .txt.gz gives the graph of the plain files" cmp -s plain.graphml gz.graphml
gzip -c "$samples/trump-putin-dnc-server.txt" > one.txt.gz
"$bin" build one.txt.gz -o one-gz.graphml 2>/dev/null
"$bin" build "$samples/trump-putin-dnc-server.txt" -o one.graphml 2>/dev/null
check "a .txt.gz file gives the graph of its text" cmp -s one.graphml one-gz.graphml

/usr/bin/python3 "$here/../counts/make_corpus.py" 400 > corpus.jsonl
gzip -c corpus.jsonl > corpus.jsonl.gz
"$bin" build --jsonl corpus.jsonl -o j.graphml 2>/dev/null
"$bin" build --jsonl corpus.jsonl.gz -o jgz.graphml 2>/dev/null
check "JSON Lines in gzip give the graph of the plain lines" cmp -s j.graphml jgz.graphml
head -c $(( $(stat -c %s corpus.jsonl.gz) / 2 )) corpus.jsonl.gz > cut.jsonl.gz
printf '{"id": "ok", "text": "Donald Trump met Vladimir Putin in Finland."}\n' > ok.jsonl
"$bin" build --jsonl cut.jsonl.gz ok.jsonl -o cut.graphml 2> cut.err
check "truncated gzip exits 1" test $? -eq 1
check "... with one line naming it" bash -c "[ \$(wc -l < cut.err) -eq 1 ] && grep -q '^entgraph: cut.jsonl.gz: truncated or corrupt gzip' cut.err"
check "... and the other input is processed" grep -q "Vladimir Putin" cut.graphml

mkdir dup && cp "$samples/trump-putin-dnc-server.txt" dup/a.txt && cp "$samples/trump-putin-dnc-server.txt" dup/b.txt
"$bin" entities --dedup dup > dedup.tsv 2> dedup.err
check "--dedup exits 0" test $? -eq 0
check "--dedup says how many it skipped" grep -q "skipped 1 document" dedup.err
check "--dedup counts the text once" bash -c "grep -qP '^Donald Trump\tPERSON\t6\t1\t' dedup.tsv"

# A long document: the sample repeated past 1 MiB, one line of text, no paragraph breaks.
python3 -c "
import sys
s = open(sys.argv[1]).read().replace('\n', ' ')
open('long.txt', 'w').write(s * (1200000 // len(s) + 1))" "$samples/trump-putin-dnc-server.txt"
for j in 1 2; do "$bin" entities long.txt --jobs $j > long-$j.tsv 2>/dev/null; done
check "a long document counts as one document" bash -c "grep -qP '^Donald Trump\tPERSON\t[0-9]+\t1\t' long-1.tsv"
check "... whatever the number of threads" cmp -s long-1.tsv long-2.tsv

printf 'Ada Lund met Bo Strand in Oslo.\n' > nul.txt
head -c 10000 /dev/zero | tr '\0' ' ' >> nul.txt
printf 'Then\0 Carl Berg met Ada Lund.\n' >> nul.txt
"$bin" entities nul.txt > nul.tsv 2> nul.err
check "a NUL after the first block is a warning, exit 0" test $? -eq 0
check "... and the text after it is read" grep -q "Carl Berg" nul.tsv

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
