#!/usr/bin/env bash
# bad-input.sh: entgraph's exit codes and error messages on bad inputs, bad command lines and
# outputs that cannot be written (the README "Exit codes" contract: 0 ok incl. warnings, 1 some
# input unreadable, 2 usage, 3 output not writable).
#
# Every problem must be reported on standard error as one line "entgraph: ..." naming the file;
# an output that could not be written must leave neither a partial file nor a ".NAME.XXXXXX"
# temp file behind.
#
# Usage: bad-input.sh [--bin ENTGRAPH] [--samples DIR] [--verbose]
# Exit code: 0 when every check passed, 1 otherwise.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin="$here/../../build/entgraph"
samples="$here/../../samples"
verbose=0
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin=$2; shift 2 ;;
    --samples) samples=$2; shift 2 ;;
    --verbose|-v) verbose=1; shift ;;
    *) echo "bad-input.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || { echo "bad-input.sh: no entgraph binary at '$bin'" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
samples=$(cd "$samples" && pwd) || exit 2
dnc="$samples/trump-putin-dnc-server.txt"
emails="$samples/trump-russia-clinton-emails.txt"

work=$(mktemp -d "${TMPDIR:-/tmp}/entgraph-bad-input.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2

failures=0
checks=0
current=""
fail() {
  failures=$((failures + 1))
  echo "FAIL [$current] $*"
}
ok() {
  [ $verbose -eq 0 ] || echo "ok   [$current] $*"
}

# expect_write_error FILE: after a failed write, one "entgraph: " line names FILE and it is the
# only line on stderr (libxml2's own "I/O error" lines must not get through).
expect_write_error() {
  checks=$((checks + 1))
  if [ "$(grep -c "^entgraph: .*$1" "$current.err")" -eq 1 ]; then ok "one entgraph line names $1"
  else fail "no single 'entgraph: ' line naming $1: $(head -c 600 "$current.err")"; fi
  expect_stderr_lines 1 "$1"
}
check() { # check DESCRIPTION COMMAND...: runs a test command, fails with DESCRIPTION if false
  local what=$1; shift
  checks=$((checks + 1))
  if "$@"; then ok "$what"; else fail "$what"; fi
}

# run NAME ARGS...: runs entgraph with ARGS, stdout to NAME.out, stderr to NAME.err, $rc.
run() {
  current=$1; shift
  "$bin" "$@" >"$current.out" 2>"$current.err" </dev/null
  rc=$?
}

expect_rc() {
  checks=$((checks + 1))
  if [ "$rc" -eq "$1" ]; then ok "exit $1"; else
    fail "exit code: expected $1, got $rc; stderr: $(head -c 600 "$current.err")"
  fi
}

# expect_stderr_lines N [WORD...]: stderr is exactly N lines, each "entgraph: ...", and each
# WORD (a file name) appears in it.
expect_stderr_lines() {
  local n=$1; shift
  local got
  got=$(wc -l <"$current.err")
  checks=$((checks + 1))
  if [ "$got" -eq "$n" ]; then ok "$n stderr line(s)"; else
    fail "expected $n stderr line(s), got $got:
$(head -n 10 "$current.err")"
  fi
  checks=$((checks + 1))
  if grep -qv '^entgraph: ' "$current.err"; then
    fail "stderr lines not starting with 'entgraph: ':
$(grep -v '^entgraph: ' "$current.err" | head -n 5)"
  else ok "stderr lines start with 'entgraph: '"; fi
  for word in "$@"; do
    checks=$((checks + 1))
    if grep -qF -- "$word" "$current.err"; then ok "stderr names $word"; else
      fail "stderr does not name '$word': $(head -c 600 "$current.err")"
    fi
  done
}

expect_stderr_empty() {
  checks=$((checks + 1))
  if [ -s "$current.err" ]; then fail "stderr should be empty, got: $(head -c 600 "$current.err")"
  else ok "stderr empty"; fi
}

# expect_no_leftovers DIR NAME: neither DIR/NAME nor a temp file DIR/.NAME.XXXXXX exists.
expect_no_leftovers() {
  local dir=$1 name=$2
  checks=$((checks + 1))
  if [ -e "$dir/$name" ]; then fail "partial output $dir/$name left behind"; else ok "no $dir/$name"; fi
  local tmps
  tmps=$(find "$dir" -maxdepth 1 -name ".$name.??????" 2>/dev/null)
  checks=$((checks + 1))
  if [ -n "$tmps" ]; then fail "temp file(s) left behind: $tmps"; else ok "no temp file"; fi
}

has_node() { # has_node FILE LABEL: the GraphML FILE has a node labelled LABEL
  grep -qF "<data key=\"v_label\">$2</data>" "$1"
}

# ---- inputs -------------------------------------------------------------------------------

run missing-file build no-such-file.txt "$dnc" -o missing.graphml
expect_rc 1
expect_stderr_lines 1 no-such-file.txt
check "the other input is still processed (Vladimir Putin node)" has_node missing.graphml "Vladimir Putin"
check "the other input is still processed (Democratic National Committee node)" \
  has_node missing.graphml "Democratic National Committee"

run missing-file-entities entities "$emails" missing-too.txt
expect_rc 1
expect_stderr_lines 1 missing-too.txt
check "entities of the other input are listed" grep -q $'^Donald Trump\tPERSON' missing-file-entities.out

mkdir -p no-text/sub && echo "Donald Trump" >no-text/notes.md && echo "x" >no-text/sub/readme
run folder-without-txt entities no-text
expect_rc 1
expect_stderr_lines 1 no-text

mkdir -p empty-folder
run empty-folder build empty-folder "$dnc" -o empty-folder.tsv
expect_rc 1
expect_stderr_lines 1 empty-folder
check "the other input is still processed" grep -q $'^Vladimir Putin\t' empty-folder.tsv

printf 'Donald Trump met Vladimir Putin.\0\1\2\3 binary \0 junk\n' >binary.txt
run binary-file build binary.txt "$dnc" -o binary.graphml
expect_rc 1
expect_stderr_lines 1 binary.txt
check "the other input is still processed" has_node binary.graphml "Donald Trump"

current=binary-stdin
"$bin" entities - <binary.txt >binary-stdin.out 2>binary-stdin.err; rc=$?
expect_rc 1
expect_stderr_lines 1 "standard input:"

printf 'Donald Trump met Vladimir Putin in Finland \xff\xfe\xc3 on Monday.\n' >invalid-utf8.txt
run invalid-utf8 build invalid-utf8.txt -o invalid-utf8.graphml
expect_rc 0
expect_stderr_lines 1 invalid-utf8.txt
check "output written despite invalid UTF-8" has_node invalid-utf8.graphml "Vladimir Putin"
check "output is valid UTF-8" iconv -f UTF-8 -t UTF-8 -o /dev/null invalid-utf8.graphml

: >empty.txt
run empty-file build empty.txt -o empty.graphml
expect_rc 0
expect_stderr_lines 1 empty.txt
check "output written for an empty input" grep -q '</graphml>' empty.graphml

printf ' \n\t\n\n' >blank.txt
run blank-file entities blank.txt "$dnc"
expect_rc 0
expect_stderr_lines 1 blank.txt
check "the other input is still processed" grep -q $'^Donald Trump\t' blank-file.out

# Several problems: one line each, in input order, and the worst one sets the exit code.
run several-problems entities nope-1.txt empty.txt binary.txt invalid-utf8.txt "$dnc"
expect_rc 1
expect_stderr_lines 4 nope-1.txt empty.txt binary.txt invalid-utf8.txt
checks=$((checks + 1))
if [ "$(sed -E 's/^entgraph: ([^:]*):.*/\1/' several-problems.err | tr '\n' ' ')" = \
     "nope-1.txt empty.txt binary.txt invalid-utf8.txt " ]; then ok "input order"
else fail "problems not reported in input order: $(cat several-problems.err)"; fi

printf '{"text": "Donald Trump met Vladimir Putin."}\n{"text": 12}\n[1, 2]\n{"text": "bad\n' >bad.jsonl
run jsonl-bad-lines entities --jsonl bad.jsonl
expect_rc 1
expect_stderr_lines 3 "bad.jsonl: line 2" "bad.jsonl: line 3" "bad.jsonl: line 4"
check "the good line is read" grep -q $'^Vladimir Putin\t' jsonl-bad-lines.out

# json-glib recurses per level of nesting: 200,000 levels overflowed its stack (a crash). A line
# nested deeper than 1,000 levels is refused before it is parsed; one at 1,000 is read.
{
  printf '{"text": "Angela Merkel met Emmanuel Macron.", "x": '
  head -c 200000 /dev/zero | tr '\0' '['; head -c 200000 /dev/zero | tr '\0' ']'
  printf '}\n{"text": "Donald Trump met Vladimir Putin.", "x": {"y": 1.5, "z": '
  head -c 998 /dev/zero | tr '\0' '['; head -c 998 /dev/zero | tr '\0' ']'
  printf '}}\n'
} >deep.jsonl
run jsonl-deep entities --jsonl deep.jsonl
expect_rc 1
expect_stderr_lines 1 "deep.jsonl: line 1: JSON nested more than 1000 levels deep"
check "the line at the limit is read" grep -q $'^Vladimir Putin\t' jsonl-deep.out

run jsonl-missing entities --jsonl no-such.jsonl
expect_rc 1
expect_stderr_lines 1 no-such.jsonl

# ---- command line -------------------------------------------------------------------------

run unknown-option build --no-such-option "$dnc" -o unknown-option.graphml
expect_rc 2
expect_stderr_lines 1 --no-such-option
expect_no_leftovers . unknown-option.graphml

run unknown-option-entities entities -Z "$dnc"
expect_rc 2
expect_stderr_lines 1

run unknown-extension build "$dnc" -o graph.xlsx
expect_rc 2
expect_stderr_lines 1 graph.xlsx
expect_no_leftovers . graph.xlsx

run no-extension build "$dnc" -o graph
expect_rc 2
expect_stderr_lines 1 graph
expect_no_leftovers . graph

run unknown-extension-one-of-two build "$dnc" -o fine.graphml -o graph.xyz
expect_rc 2
expect_stderr_lines 1 graph.xyz
expect_no_leftovers . fine.graphml

for w in sideways 0 -5 12abc ""; do
  run "bad-window-'$w'" build "$dnc" --window "$w" -o window.graphml
  expect_rc 2
  expect_stderr_lines 1 --window
  expect_no_leftovers . window.graphml
done

run bad-window-entities entities --window=lines "$dnc"
expect_rc 2
expect_stderr_lines 1 --window

run bad-paragraphs entities --paragraphs never "$dnc"
expect_rc 2
expect_stderr_lines 1 --paragraphs

run bad-format build "$dnc" --format xlsx -o -
expect_rc 2
expect_stderr_lines 1 xlsx

run csv-to-stdout build "$dnc" --format csv -o -
expect_rc 2
expect_stderr_lines 1 CSV

run no-output build "$dnc"
expect_rc 2
expect_stderr_lines 1 -o

run no-input build -o no-input.graphml
expect_rc 2
expect_stderr_lines 1
expect_no_leftovers . no-input.graphml

run no-input-entities entities
expect_rc 2
expect_stderr_lines 1

run no-command
expect_rc 2

run unknown-command summarise "$dnc"
expect_rc 2
check "the unknown command is named" grep -q "^entgraph: .*summarise" unknown-command.err

run bad-max-nodes build "$dnc" --max-picture-nodes 0 -o g.svg
expect_rc 2
expect_stderr_lines 1 --max-picture-nodes
expect_no_leftovers . g.svg

# ---- outputs --------------------------------------------------------------------------------

run missing-dir build "$dnc" -o no-such-dir/graph.graphml
expect_rc 3
expect_stderr_lines 1 no-such-dir/graph.graphml
check "the folder is not created" test ! -e no-such-dir

mkdir -p out
run missing-dir-one-of-three build "$dnc" -o out/a.graphml -o no-such-dir/b.dot -o out/c.tsv
expect_rc 3
expect_stderr_lines 1 no-such-dir/b.dot
check "the other outputs are written (a.graphml)" has_node out/a.graphml "Donald Trump"
check "the other outputs are written (c.tsv)" grep -q $'^Donald Trump\t' out/c.tsv
checks=$((checks + 1))
if [ -z "$(find out -name '.*')" ]; then ok "no temp files in out/"; else
  fail "temp files left in out/: $(find out -name '.*')"; fi

# Pictures too: Graphviz's own writer would exit(1) on a short write.
for f in graphml dot tsv svg png; do
  run "dev-full-$f" build "$dnc" --format $f -o /dev/full
  expect_rc 3
  expect_write_error /dev/full
done
mkdir -p out-after
run picture-full-then-graphml build "$dnc" --format png -o /dev/full --format png -o out-after/g.png
check "an output after a failed picture is still written" test -s out-after/g.png

# A JSON string with an escaped NUL would be cut short by the JSON library: reported, skipped.
printf '{"id": "a", "text": "Paris met Berlin.\\u0000 Rome met Madrid."}\n{"id": "b", "text": "Donald Trump met Vladimir Putin."}\n' > nul.jsonl
run jsonl-escaped-nul build --jsonl nul.jsonl -o nul.graphml
expect_rc 1
expect_stderr_lines 1 "nul.jsonl: line 1"
check "the other line is read" has_node nul.graphml "Vladimir Putin"
check "the cut line is not" bash -c '! grep -q Paris nul.graphml'

run dev-full-by-extension build "$dnc" -o /dev/full
checks=$((checks + 1))
# /dev/full has no extension: a usage error (2) is as right as a write error (3).
if [ "$rc" -eq 2 ] || [ "$rc" -eq 3 ]; then ok "exit 2 or 3"; else fail "exit $rc, expected 2 or 3"; fi
expect_stderr_lines 1 /dev/full

for f in graphml dot tsv; do
  current="stdout-full-$f"
  "$bin" build "$dnc" --format $f -o - >/dev/full 2>"$current.err"; rc=$?
  expect_rc 3
  expect_write_error ""
done
current=entities-stdout-full
"$bin" entities "$dnc" >/dev/full 2>"$current.err"; rc=$?
expect_rc 3
expect_stderr_lines 1 "standard output"

mkdir -p is-a-dir.graphml
run output-is-a-folder build "$dnc" -o is-a-dir.graphml
expect_rc 3
expect_stderr_lines 1 is-a-dir.graphml
check "the folder is untouched" test -d is-a-dir.graphml
check "no temp file" test -z "$(find . -maxdepth 1 -name '.is-a-dir.graphml.*')"

# A write that fails half way (file size limit; SIGXFSZ ignored, so write() returns EFBIG):
# nothing may be left, and an existing file of that name must be kept as it was.
for f in graphml dot; do
  current="write-fails-halfway-$f"
  mkdir -p "$current"
  ( trap '' XFSZ; ulimit -f 2; exec "$bin" build "$samples" -o "$current/graph.$f" ) 2>"$current.err"
  rc=$?
  expect_rc 3
  expect_write_error "graph.$f"
  expect_no_leftovers "$current" "graph.$f"

  current="write-fails-halfway-keeps-old-$f"
  mkdir -p "$current"
  echo "old content" >"$current/graph.$f"
  ( trap '' XFSZ; ulimit -f 2; exec "$bin" build "$samples" -o "$current/graph.$f" ) 2>"$current.err"
  rc=$?
  expect_rc 3
  checks=$((checks + 1))
  if [ "$(cat "$current/graph.$f")" = "old content" ]; then ok "old file kept"
  else fail "the existing output was replaced or damaged"; fi
  checks=$((checks + 1))
  if [ -z "$(find "$current" -name '.graph.*')" ]; then ok "no temp file"
  else fail "temp file left: $(find "$current" -name '.graph.*')"; fi
done

# The same with an output past the XML writers' first 256 KiB, whose later parts go to the file
# descriptor without stdio (xmlraw.c): 400 invented people, 400 edges of long examples.
awk 'BEGIN { split("Kor Tal Ven Mir Bax Dun Fel Gor Hask Jun Lom Nar Pel Quor Rix Sul Tem Vor Wes Zan", s, " ");
  for (i = 1; i <= 20; i++) for (j = 1; j <= 20; j++)
    printf "On Tuesday the delegate %svane %sovic met the negotiator %sader %sski for a long and detailed conversation about trade, farming, fishing rights and the future of the river valley.\n\n", s[i], s[j], s[j], s[i] }' > many-people.txt
for f in graphml gexf; do
  current="large-write-fails-halfway-$f"
  mkdir -p "$current"
  ( trap '' XFSZ; ulimit -f 400; exec "$bin" build many-people.txt -o "$current/graph.$f" ) 2>"$current.err"
  rc=$?
  expect_rc 3
  expect_write_error "graph.$f"
  expect_no_leftovers "$current" "graph.$f"
  run "large-dev-full-$f" build many-people.txt --format $f -o /dev/full
  expect_rc 3
  expect_write_error /dev/full
done
run large-output-written build many-people.txt -o many-people.graphml
expect_rc 0
check "the large output is over 256 KiB" test "$(stat -c %s many-people.graphml)" -gt 400000
check "the large output is whole" bash -c 'tail -1 many-people.graphml | grep -q "</graphml>"'

# ---- closed pipe ------------------------------------------------------------------------------
# A reader that stops early (head) must not make entgraph complain: it ends quietly (killed by
# SIGPIPE or exit 0), without a word on stderr. SIGPIPE is reset to its default in case the
# test harness runs with it ignored.
mkdir -p big
for i in $(seq 1 300); do
  for f in "$samples"/*.txt; do cp "$f" "big/$i-$(basename "$f")"; done
done
nopipe() { env --default-signal=PIPE "$@"; }
env --default-signal=PIPE true 2>/dev/null || nopipe() { "$@"; }

current=closed-pipe-head
nopipe "$bin" entities big 2>"$current.err" | head -n 1 >"$current.out"
rc=${PIPESTATUS[0]}
checks=$((checks + 1))
if [ "$rc" -eq 0 ] || [ "$rc" -eq 141 ]; then ok "quiet exit ($rc)"; else fail "exit $rc"; fi
expect_stderr_empty
check "head got the header" grep -q $'^label\ttype' "$current.out"

# The reader is gone before entgraph writes anything: the write itself meets the closed pipe.
for f in graphml dot tsv; do
  current="closed-pipe-before-write-$f"
  nopipe "$bin" build big --format $f -o - 2>"$current.err" | true
  rc=${PIPESTATUS[0]}
  checks=$((checks + 1))
  if [ "$rc" -eq 0 ] || [ "$rc" -eq 141 ]; then ok "quiet exit ($rc)"; else fail "exit $rc"; fi
  expect_stderr_empty
done
current=closed-pipe-before-write-entities
nopipe "$bin" entities big 2>"$current.err" | true
rc=${PIPESTATUS[0]}
checks=$((checks + 1))
if [ "$rc" -eq 0 ] || [ "$rc" -eq 141 ]; then ok "quiet exit ($rc)"; else fail "exit $rc"; fi
expect_stderr_empty

# The same with SIGPIPE ignored: the write fails with EPIPE, which must end the run quietly too.
if env --ignore-signal=PIPE true 2>/dev/null; then
  for f in graphml dot tsv entities; do
    current="closed-pipe-sigpipe-ignored-$f"
    if [ $f = entities ]; then
      env --ignore-signal=PIPE "$bin" entities big 2>"$current.err" | true
    else
      env --ignore-signal=PIPE "$bin" build big --format $f -o - 2>"$current.err" | true
    fi
    rc=${PIPESTATUS[0]}
    checks=$((checks + 1))
    if [ "$rc" -eq 0 ] || [ "$rc" -eq 141 ]; then ok "quiet exit"; else fail "exit $rc, expected 0 (or 141)"; fi
    expect_stderr_empty
  done
fi

echo "bad-input: $checks checks, $failures failed"
[ $failures -eq 0 ]
