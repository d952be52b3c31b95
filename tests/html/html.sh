#!/usr/bin/env bash
# Web pages as input: news-page.html (beside this script) names people in its headline and
# paragraphs, and other people in its script, style, site header, navigation, cookie banner,
# figure caption, aside and footers. `entities` must find the first and none of the second,
# whether the page is a file, standard input with --html, gzipped, in a folder beside .txt
# files, or the text field of a JSON line with --jsonl --html; an empty page and a binary file
# named .html get the usual one-line reports; a <br> ends a name; a page that declares no
# charset and is not UTF-8 is read as windows-1252.
# Usage: html.sh ENTGRAPH SAMPLES_DIR
set -uo pipefail
bin="$1"; samples="$(cd "$2" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
page="$here/news-page.html"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
pass=0; fail=0
check() { local d="$1"; shift; if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $d"; fi; }

story=("Angela Merkel" "Emmanuel Macron" "Mark Rutte" "Giovanni Tria" "Jean-Claude Juncker"
       "Meseberg" "European Commission" "Clark Kent")
chrome=("Boris Johnson" "Donald Trump" "Jeff Bezos" "Kim Jong-un" "Mark Zuckerberg" "Vladimir Putin"
        "Xi Jinping" "Theresa May" "Lois Lane" "Perry White" "Daily Planet" "Moscow" "Berlin")
has_label() { cut -f1 "$1" | grep -qxF "$2"; }
check_story() { # check_story TSV WHAT
  for name in "${story[@]}"; do check "$2: '$name' is found" has_label "$1" "$name"; done
  for name in "${chrome[@]}"; do check "$2: '$name' (not in the story) is not" bash -c "! cut -f1 '$1' | grep -qxF '$name'"; done
}

"$bin" entities "$page" > file.tsv 2> file.err
check "a page exits 0" test $? -eq 0
check "... with nothing on stderr" test ! -s file.err
check_story file.tsv "file"
check "the headline's Merkel and the text's short 'Merkel' are one entity" grep -q "^Angela Merkel	PERSON	3	1	Merkel$" file.tsv

"$bin" entities --html - < "$page" > stdin.tsv 2>/dev/null
check "standard input with --html gives the entities of the file" cmp -s file.tsv stdin.tsv
cp "$page" page.txt
"$bin" entities --html page.txt > forced.tsv 2>/dev/null
check "--html reads a file of any name as a page" cmp -s file.tsv forced.tsv
"$bin" entities - < "$page" > plain.tsv 2>/dev/null
check "without --html, standard input is plain text (the script's names count)" has_label plain.tsv "Jeff Bezos"

gzip -c "$page" > page.html.gz
"$bin" entities page.html.gz > gz.tsv 2>/dev/null
check "a .html.gz page gives the entities of the page" cmp -s file.tsv gz.tsv

mkdir folder
cp "$page" folder/b-page.html
cp "$page" folder/c-page.htm
cp "$samples/trump-putin-dnc-server.txt" folder/a.txt
"$bin" entities folder > folder.tsv 2> folder.err
"$bin" entities folder/a.txt folder/b-page.html folder/c-page.htm > files.tsv 2>/dev/null
check "a folder reads its .txt, .html and .htm files" cmp -s folder.tsv files.tsv
check "... the page's names counted in both pages" grep -q "^Angela Merkel	PERSON	6	2	Merkel$" folder.tsv
check "... and the text file's names too" has_label folder.tsv "Vladimir Putin"
check "... with nothing on stderr" test ! -s folder.err
mkdir only-html && cp "$page" only-html/
"$bin" entities only-html > only.tsv 2> only.err
check "a folder of pages only is not 'without text'" bash -c "[ ! -s only.err ] && cmp -s only.tsv file.tsv"

/usr/bin/python3 -c 'import json,sys; print(json.dumps({"id": "p1", "text": open(sys.argv[1]).read()}))' "$page" > pages.jsonl
"$bin" entities --jsonl --html pages.jsonl > jsonl.tsv 2>/dev/null
check "--jsonl --html reads the text field as a page" cmp -s file.tsv jsonl.tsv

printf '<html><head><title>Only a title</title><script>x()</script></head><body><nav>Menu</nav></body></html>\n' > empty.html
"$bin" entities empty.html "$page" > empty.tsv 2> empty.err
check "a page without text exits 0" test $? -eq 0
check "... with one line naming it" bash -c "[ \$(wc -l < empty.err) -eq 1 ] && grep -qx 'entgraph: empty.html: empty document' empty.err"
head -c 4000 "$bin" > binary.html
"$bin" entities binary.html "$page" > binary.tsv 2> binary.err
check "a binary file named .html exits 1" test $? -eq 1
check "... with one line naming it" bash -c "[ \$(wc -l < binary.err) -eq 1 ] && grep -qx 'entgraph: binary.html: binary file (NUL bytes), skipped' binary.err"
check "... and the other page is read" cmp -s file.tsv binary.tsv

# A <br> ends the name (and the paragraph): two people on two lines are not one.
printf '<p>Angela Merkel<br>Olaf Scholz met.</p>' | "$bin" mentions --html - > br.tsv 2>/dev/null
check "<br> breaks a name: Angela Merkel" bash -c "cut -f5 br.tsv | grep -qx 'Angela Merkel'"
check "... and Olaf Scholz" bash -c "cut -f5 br.tsv | grep -qx 'Olaf Scholz'"
check "... not one name across the <br>" bash -c "! grep -q 'Merkel Olaf' br.tsv"

# A page without a charset whose bytes are not UTF-8 is windows-1252: curly quotes, not C1.
printf '<p>\x93Caf\xe9 Zurich\x94, said Angela Merkel \x96 today.</p>' > cp1252.html
"$bin" mentions cp1252.html > cp1252.tsv 2> cp1252.err
check "windows-1252 page: no warning" test ! -s cp1252.err
check "... its quotes are U+201C and U+201D, 3 bytes each in the offsets (C1 controls take 2)" \
  grep -q "^cp1252.html	0	25	Angela Merkel	Angela Merkel	PERSON$" cp1252.tsv

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
