#!/usr/bin/env bash
# The user's control over entities: --aliases (variant -> canonical, applied before counting;
# !A<TAB>B never merged), --stoplist (never a node), entities --explain, and counts made with
# other rules refused. On texts written for the test.
# Usage: rules.sh ENTGRAPH
set -uo pipefail
bin="$1"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
pass=0; fail=0
check() { # DESCRIPTION COMMAND...
  local d="$1"; shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $d"; fi
}
row() { grep -qP "^$1\t" "$2"; }

cat > a.txt <<'T'
Senator Ada Lund met officials of the Northern Grain Board in Oslo. The NGB and Lund agreed.

Later, Grain Board officials said Lund had left. Ada Lund's office confirmed it.
T
cat > b.txt <<'T'
Mira Lund spoke in Bergen. Lund said the Grain Board was wrong.
T
printf '# the board by any name\nGrain Board\tNorthern Grain Board\nngb\tNorthern Grain Board\n' > aliases.tsv
printf 'Oslo\n' > stop.txt

"$bin" build a.txt -o plain.tsv 2>/dev/null
"$bin" build a.txt --aliases aliases.tsv --stoplist stop.txt -o ruled.tsv -o ruled.graphml 2>/dev/null
check "without rules, 'Grain Board' is its own node" row "Grain Board" plain.tsv
check "an alias joins a variant to its canonical name" bash -c "! grep -qP '^Grain Board\t' ruled.tsv"
check "... and the canonical node has both variants as aliases" \
  bash -c "grep -P '^Northern Grain Board\t' ruled.tsv | grep -q 'Grain Board' && grep -P '^Northern Grain Board\t' ruled.tsv | grep -q 'NGB'"
check "... with every mention counted (3)" bash -c "grep -P '^Northern Grain Board\tORG\t3\t' ruled.tsv > /dev/null"
check "a stop-listed name is no node" bash -c "! grep -qP '^Oslo\t' ruled.tsv"
check "without the stop list it is" row Oslo plain.tsv

# The alias applies before counting: "The NGB and Lund agreed" and the first sentence both hold
# the board and Lund; the aliased names in one window count once.
"$bin" build a.txt --aliases aliases.tsv -o ruled.dot 2>/dev/null
check "an edge counts windows, not aliased names (Ada Lund - board: 3)" \
  /usr/bin/python3 -c "
import networkx as nx, sys
g = nx.read_graphml('ruled.graphml'); lab = {d['label']: n for n, d in g.nodes(data=True)}
sys.exit(0 if g.edges[lab['Ada Lund'], lab['Northern Grain Board']]['count'] == 3 else 1)"

# Never merge: across documents a lone 'Lund' would join the one full name 'Ada Lund'... with two
# Lunds nothing joins anyway; a never pair keeps 'Lund' apart even in one document.
printf '!Lund\tAda Lund\n' > never.tsv
"$bin" entities a.txt > e-plain.tsv 2>/dev/null
"$bin" entities a.txt --aliases never.tsv > e-never.tsv 2>/dev/null
check "without the never pair, 'Lund' joins 'Ada Lund'" bash -c "! grep -qP '^Lund\t' e-plain.tsv"
check "a never pair keeps them apart" row Lund e-never.tsv

# --explain says why
"$bin" entities --explain a.txt > explain.tsv 2>/dev/null
check "--explain has a header" bash -c "head -1 explain.tsv | grep -q \$'^label\ttype\tmentions\tdocuments\tvotes\tforms'"
check "--explain shows the votes and forms of Ada Lund" \
  bash -c "grep -P '^Ada Lund\tPERSON\t' explain.tsv | grep -q 'PERSON=' && grep -P '^Ada Lund\t' explain.tsv | grep -q \"Lund 2\""

# Counts carry the rules' digest: counts made with other rules are refused (exit 2).
"$bin" count a.txt --aliases aliases.tsv -o ruled.counts 2>/dev/null
"$bin" count b.txt -o plain.counts 2>/dev/null
"$bin" merge ruled.counts plain.counts > /dev/null 2> merge.err
check "merging counts made with other rules exits 2" test $? -eq 2
"$bin" build --counts ruled.counts -o x.graphml 2> build.err
check "reading ruled counts without the rules exits 2" test $? -eq 2
"$bin" build --counts ruled.counts --aliases aliases.tsv -o y.tsv 2>/dev/null
check "... and with the same rules works, as a direct build" cmp -s y.tsv <("$bin" build a.txt --aliases aliases.tsv -o - --format tsv 2>/dev/null)

# Bad rules files are usage errors with one line naming the file.
printf 'only one column\n' > bad.tsv
"$bin" entities a.txt --aliases bad.tsv > /dev/null 2> bad.err
check "a malformed alias line exits 2" test $? -eq 2
check "... naming the file and the line" grep -q "^entgraph: bad.tsv: line 1: " bad.err
"$bin" entities a.txt --stoplist missing.txt > /dev/null 2> miss.err
check "a missing stop list exits 2" test $? -eq 2
check "... in one line naming it" bash -c "[ \$(wc -l < miss.err) -eq 1 ] && grep -q missing.txt miss.err"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
