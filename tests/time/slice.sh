#!/usr/bin/env bash
# Time (issue 5): --slice writes one graph per period and a whole-corpus graph whose `periods`
# attribute and GEXF spells say when each entity and edge is in the news.
# - on dated.jsonl (14 short articles written for this test, dates in several forms, one
#   undated, one with a date that is no date), for day, week, month and year: the period graphs
#   add up to the whole graph, node by node and edge by edge (networkx, check_slices.py), the
#   GEXF is dynamic with spells (networkx) and valid XML (xmllint);
# - networkx, python3-igraph, xmllint, csv, json and dot read the whole and a period's graph in
#   every format alike (tests/formats/check_formats.py);
# - the whole graph of a sliced run equals the graph of the dated documents built without --slice;
# - the undated documents are named on stderr and the exit code stays 0;
# - a text file's date is its first line; a web page's its first line, else its markup (meta
#   published time, other meta dates, the story's <time>); the template makes folders; usage
#   errors exit 2.
# Usage: slice.sh ENTGRAPH
set -uo pipefail
bin="$1"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export LC_ALL=C
py=/usr/bin/python3
pass=0; fail=0
check() { # NAME COMMAND...: the command must succeed
  local name="$1"; shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
corpus="$here/dated.jsonl"

for s in day week month year; do
  "$bin" build --jsonl --slice $s --date-field published "$corpus" -o "$work/$s/{period}.graphml" \
    -o "$work/$s-whole.graphml" -o "$work/$s-whole.gexf" 2>"$work/$s.err"
  check "$s: exit 0" test $? -eq 0
  check "$s: periods add up to the whole" $py "$here/check_slices.py" "$work/$s-whole.graphml" \
    "$work/$s-whole.gexf" "$work/$s"/*.graphml
  check "$s: GEXF is valid XML" xmllint --noout "$work/$s-whole.gexf"
  check "$s: line 12 (no date) is reported" grep -q 'dated.jsonl: line 12: no usable date (no field "published"), counted in no period' "$work/$s.err"
  check "$s: line 13 (a date that is no date) is reported" grep -q "dated.jsonl: line 13: no usable date" "$work/$s.err"
done
check "month: three months" test "$(ls "$work/month")" = "$(printf '2018-06.graphml\n2018-07.graphml\n2018-08.graphml')"
check "week: ISO week names" test -f "$work/week/2018-W28.graphml"
check "day: the Unix time 1531440000 is 2018-07-13" test -f "$work/day/2018-07-13.graphml"
check "day: an RFC 2822 date" test -f "$work/day/2018-07-09.graphml"
check "year: one year" test "$(ls "$work/year")" = "2018.graphml"

# Every consumer reads the dated corpus's whole graph (with periods, a dynamic GEXF) and one
# period's graph alike (check_formats.py of tests/formats).
mkdir -p "$work/all"
"$bin" build --jsonl --quiet --slice month --date-field published "$corpus" -o "$work/all/w.graphml" \
  -o "$work/all/w.gexf" -o "$work/all/w.csv" -o "$work/all/w.json" -o "$work/all/w.dot" \
  -o "$work/all/w.svg" -o "$work/all/{period}.graphml" -o "$work/all/{period}.gexf" \
  -o "$work/all/{period}.csv" -o "$work/all/{period}.json" -o "$work/all/{period}.dot" 2>/dev/null
check "the whole graph in every format reads back alike" $py "$here/../formats/check_formats.py" "$work/all" w
check "a period's graph in every format reads back alike" $py "$here/../formats/check_formats.py" "$work/all" 2018-07

# The sliced whole = the dated documents without --slice (same decisions, same counts).
$py -c '
import json, sys
for line in open(sys.argv[1]):
    o = json.loads(line)
    if o["id"] not in ("t12", "t13"):
        sys.stdout.write(line)' "$corpus" > "$work/dated-only.jsonl"
"$bin" build --jsonl "$work/dated-only.jsonl" -o "$work/plain.graphml" 2>/dev/null
grep -v 'periods' "$work/month-whole.graphml" > "$work/a"
grep -v 'periods' "$work/plain.graphml" > "$work/b"
check "the sliced whole is the plain graph of the dated documents" cmp -s "$work/a" "$work/b"

# Every format takes the template; --jobs does not change a period's file.
"$bin" build --jsonl --slice month --date-field published --jobs 2 "$corpus" \
  -o "$work/j2/{period}.graphml" -o "$work/fmt/{period}.csv" -o "$work/fmt/{period}.json" \
  -o "$work/fmt/{period}.gexf" 2>/dev/null
check "--jobs 2 gives the same period files" diff -r "$work/month" "$work/j2"
check "csv, json and gexf per period" test -f "$work/fmt/2018-07.nodes.csv" -a -f "$work/fmt/2018-07.json" -a -f "$work/fmt/2018-07.gexf"

# Text files: the date is the first line when it is one; the line is not text.
mkdir -p "$work/txt"
printf 'July 16, 2018\n\nPresident Donald Trump met Russian President Vladimir Putin in Helsinki.\n' > "$work/txt/a.txt"
printf '2018-08-21\nMichael Cohen pleaded guilty. Trump said Cohen lied.\n' > "$work/txt/b.txt"
printf 'Merkel met Macron in Berlin.\n' > "$work/txt/c.txt"
"$bin" build --slice month "$work/txt" -o "$work/txt-out/{period}.tsv" 2>"$work/txt.err"
check "text: exit 0" test $? -eq 0
check "text: two months" test "$(ls "$work/txt-out")" = "$(printf '2018-07.tsv\n2018-08.tsv')"
check "text: July holds Trump and Putin" grep -q "Vladimir Putin" "$work/txt-out/2018-07.tsv"
check "text: the undated file is named" grep -q "c.txt: no usable date (no date on the first line), counted in no period" "$work/txt.err"
"$bin" entities "$work/txt/a.txt" > "$work/a.entities" 2>/dev/null
check "text: the date line gives no entity" bash -c "! grep -qi july '$work/a.entities'"

# A web page: the first line of its extracted text.
printf '<html><body><nav><p>Home</p></nav><article><p>July 16, 2018</p><h1>Summit</h1><p>President Donald Trump met Russian President Vladimir Putin in Helsinki.</p></article></body></html>' > "$work/page.html"
"$bin" build --slice day "$work/page.html" -o "$work/page-out/{period}.tsv" 2>/dev/null
check "html: a page dated by its first paragraph" grep -q "Vladimir Putin" "$work/page-out/2018-07-16.tsv"
# ... else its markup: a meta element (published time over the rest), or the story's <time>.
mkdir -p "$work/pages"
story='<p>President Donald Trump met Russian President Vladimir Putin in Helsinki.</p>'
printf '<html><head><meta name="date" content="2018-01-01"><meta property="article:published_time" content="2018-07-18T10:00:00Z"></head><body><article><p><time datetime="2018-07-01">July 1</time></p>%s</article></body></html>' "$story" > "$work/pages/meta.html"
printf '<html><body><div class="top"><time datetime="2010-01-01">Today</time></div><article><h1>Summit</h1><p>By Lois Lane, <time datetime="2018-08-21T09:00:00+02:00">Aug. 21</time></p>%s</article></body></html>' "$story" > "$work/pages/time.html"
printf '<html><head><meta property="article:published_time" content="2018-07-18"></head><body><article><p>July 16, 2018</p>%s</article></body></html>' "$story" > "$work/pages/para.html"
printf '<html><head><meta property="article:modified_time" content="2018-07-18"></head><body><article><p>Updated: <time>today</time></p>%s</article></body></html>' "$story" > "$work/pages/none.html"
"$bin" build --slice day "$work/pages" -o "$work/pages-out/{period}.tsv" 2>"$work/pages.err"
check "html: exit 0" test $? -eq 0
check "html: one period per dated page" test "$(ls "$work/pages-out")" = "$(printf '2018-07-16.tsv\n2018-07-18.tsv\n2018-08-21.tsv')"
check "html: the meta's published time" grep -q "Vladimir Putin" "$work/pages-out/2018-07-18.tsv"
check "html: the story's <time>, not the site's" grep -q "Vladimir Putin" "$work/pages-out/2018-08-21.tsv"
check "html: the first paragraph's date before the markup's" grep -q "Vladimir Putin" "$work/pages-out/2018-07-16.tsv"
check "html: the undated page is named, once" bash -c "[ \$(wc -l < '$work/pages.err') -eq 1 ] && grep -q 'none.html: no usable date (none in the page.s markup or on its first line), counted in no period' '$work/pages.err'"
"$bin" build --slice month "$work/pages" -o "$work/pages-whole.tsv" 2>/dev/null
check "html: the undated page is not in the whole either (Putin in 3 of 4 pages)" \
  grep -q "^Vladimir Putin	PERSON	3	3	" "$work/pages-whole.tsv"

# Usage errors.
"$bin" build --jsonl "$corpus" -o "$work/x/{period}.graphml" 2>/dev/null
check "{period} without --slice: exit 2" test $? -eq 2
"$bin" build --jsonl --date-field published "$corpus" -o "$work/x.graphml" 2>/dev/null
check "--date-field without --slice: exit 2" test $? -eq 2
"$bin" build --jsonl --slice quarter "$corpus" -o "$work/x.graphml" 2>/dev/null
check "--slice quarter: exit 2" test $? -eq 2
"$bin" build --jsonl --slice month "$corpus" -o "$work/none/{period}.graphml" 2>"$work/none.err"
rc=$?
check "no document dated: exit 1 (got $rc)" test $rc -eq 1
check "no --date-field and no 'date' field: every document reported" grep -q "14 document(s) in all without a usable date" "$work/none.err"

check "no document dated: exit 1" test -s "$work/none.err" -a ! -e "$work/none"
"$bin" build --jsonl --slice year --date-field published "$corpus" -o "$work/c/{period}.graphml" \
  -o "$work/c/2018.graphml" 2>"$work/clash.err"
check "a whole-graph file named as a period's: exit 2" test $? -eq 2
check "... said once, nothing written" test "$(grep -vc 'no usable date' "$work/clash.err")" -eq 1 -a ! -e "$work/c"

# --focus: a period without the entity gets no files, said once; the others are written.
"$bin" build --jsonl --slice month --date-field published "$corpus" --focus Manafort \
  -o "$work/focus/{period}.graphml" -o "$work/focus-whole.graphml" 2>"$work/focus.err"
check "--focus: exit 0" test $? -eq 0
check "--focus: the months naming Manafort are written" test "$(ls "$work/focus")" = "2018-08.graphml"
check "--focus: the others are said to have no files" grep -q "period 2018-06: .*; its files are not written" "$work/focus.err"

# Dates: a Unix time as a string, and why a date is not usable.
printf '%s\n' '{"id":"a","date":"1469750400","text":"Angela Merkel met Olaf Scholz."}' \
  '{"id":"b","date":"sometime in August","text":"Angela Merkel met Olaf Scholz."}' \
  '{"id":"c","text":"Angela Merkel met Olaf Scholz."}' \
  '{"id":"d","date":1469836800.25,"text":"Angela Merkel met Olaf Scholz."}' > "$work/why.jsonl"
"$bin" build --jsonl --slice day "$work/why.jsonl" -o "$work/why/{period}.tsv" 2>"$work/why.err"
check "a Unix time as a string" test -f "$work/why/2016-07-29.tsv"
check "a Unix time with a fraction (Python's time.time())" test -f "$work/why/2016-07-30.tsv"
check "the value that is no date is shown" grep -q 'line 2: no usable date ("date" is "sometime in August", not a date this reads)' "$work/why.err"
check "a missing field is said so" grep -q 'line 3: no usable date (no field "date")' "$work/why.err"
# A CRLF file: the date line is blanked, its CR kept, so offsets count the LF text.
printf '2018-08-05\r\n\r\nBoris Johnson met Jeremy Hunt.\r\n' > "$work/crlf.txt"
check "CRLF: offsets after a date line" test "$("$bin" mentions "$work/crlf.txt" | awk -F'\t' 'NR == 2 { print $3 }')" = 12

echo "slice: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
