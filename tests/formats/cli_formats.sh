#!/usr/bin/env bash
# The CLI's GEXF, CSV and JSON (with GraphML, DOT and SVG beside them) read back with networkx,
# python3-igraph, xmllint, Python's csv and json, and dot (check_formats.py), on the samples and
# on nasty.txt, whose names hold &, quotes and an apostrophe next to <script>, a backslash and a
# control character; --format picks the new formats; CSV is refused on standard output; and the
# two CSV files are replaced together or not at all.
# Usage: cli_formats.sh ENTGRAPH SAMPLES_DIR THIS_DIR
set -uo pipefail
bin="$1"; samples="$2"; here="$3"
py=/usr/bin/python3
tmp="$(mktemp -d)"; trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass+1)); }
bad() { echo "FAIL: $*"; fail=$((fail+1)); }
export LC_ALL=C.UTF-8

all_formats() { # INPUT DIR BASE: every format of INPUT's graph into DIR/BASE.*
  "$bin" build --quiet "$1" -o "$2/$3.graphml" -o "$2/$3.gexf" -o "$2/$3.csv" -o "$2/$3.json" \
    -o "$2/$3.dot" -o "$2/$3.svg"
}

# 1. the samples
mkdir -p "$tmp/samples"
if all_formats "$samples" "$tmp/samples" g && "$py" "$here/check_formats.py" "$tmp/samples" g; then ok
else bad "the samples' formats do not read back alike"; fi
[ ! -e "$tmp/samples/g.csv" ] && ok || bad "-o g.csv wrote g.csv itself"

# 2. names with & and quotes from text (the recogniser keeps only capitalised words, so <script>,
#    the backslash and the control character stay around the names, not in them)
mkdir -p "$tmp/nasty"
if all_formats "$here/nasty.txt" "$tmp/nasty" n && "$py" "$here/check_formats.py" "$tmp/nasty" n \
     --label 'AT&T' --label 'Procter & Gamble' --label "John O'Neil"; then ok
else bad "nasty.txt's formats do not read back alike"; fi

# 3. --format picks the new formats whatever the extension; JSON and GEXF go to stdout
"$bin" build --quiet "$samples" --format gexf -o "$tmp/f.out" && xmllint --noout "$tmp/f.out" \
  && grep -q 'xmlns="http://www.gexf.net/1.2draft"' "$tmp/f.out" && ok || bad "--format gexf"
"$bin" build --quiet "$samples" --format json -o - | "$py" -c 'import json,sys; d=json.load(sys.stdin); assert d["nodes"] and d["links"]' \
  && ok || bad "--format json -o -"
"$bin" build --quiet "$samples" --format csv -o "$tmp/f" && [ -s "$tmp/f.nodes.csv" ] && [ -s "$tmp/f.edges.csv" ] \
  && ok || bad "--format csv -o f writes f.nodes.csv and f.edges.csv"
"$bin" build --quiet "$samples" -o "$tmp/UP.CSV" && [ -s "$tmp/UP.nodes.csv" ] && ok || bad "-o UP.CSV"
"$bin" build --quiet "$samples" --format csv -o - >"$tmp/stdout" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 2 ] && [ ! -s "$tmp/stdout" ] && grep -q 'CSV is two files' "$tmp/err" && ok \
  || bad "--format csv -o - must be refused with exit 2 (got $rc: $(cat "$tmp/err"))"

# 4. the pair is atomic: when the edge table cannot be written, the node table is not replaced
mkdir -p "$tmp/pair"
printf 'old\n' > "$tmp/pair/p.nodes.csv"
mkdir "$tmp/pair/p.edges.csv"   # a folder where the edge table should go
"$bin" build --quiet "$samples" -o "$tmp/pair/p.csv" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 3 ] && ok || bad "unwritable edge table: exit $rc, want 3 ($(cat "$tmp/err"))"
[ "$(cat "$tmp/pair/p.nodes.csv")" = old ] && ok || bad "the node table was replaced although the edge table failed"
[ -z "$(ls -A "$tmp/pair" | grep -v '^p\.')" ] && ok || bad "temporary files left: $(ls -A "$tmp/pair")"

# 5. byte-identical across runs and locales
"$bin" build --quiet "$samples" -o "$tmp/a.gexf" -o "$tmp/a.csv" -o "$tmp/a.json"
LC_ALL=de_DE.UTF-8 "$bin" build --quiet "$samples" -o "$tmp/b.gexf" -o "$tmp/b.csv" -o "$tmp/b.json" 2>/dev/null
for x in gexf nodes.csv edges.csv json; do
  cmp -s "$tmp/a.$x" "$tmp/b.$x" && ok || bad "$x differs between runs"
done
# a PDF carries no time of writing (its bytes may still differ where fontconfig's cache changes
# the fonts cairo embeds, so the stamp alone is checked)
"$bin" build --quiet "$samples" -o "$tmp/a.pdf"
grep -aq 'CreationDate (D:19700101000000Z)' "$tmp/a.pdf" && ! grep -aq 'CreationDate (D:2' "$tmp/a.pdf" \
  && ok || bad "the PDF carries the time it was written"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
