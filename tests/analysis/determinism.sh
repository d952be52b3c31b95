#!/usr/bin/env bash
# determinism.sh: with metrics on (Leiden communities, pagerank, betweenness) and every filter,
# the same input and options give byte-identical GraphML, DOT and TSV across runs and locales.
# Usage: determinism.sh ENTGRAPH SAMPLES_DIR
set -u
bin="$1"; samples="$2"
work=$(mktemp -d "${TMPDIR:-/tmp}/entgraph-analysis.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
fail=0; pass=0
option_sets=(
  ""
  "--weight npmi --min-count 2 --backbone 0.3 --color community"
  "--weight pmi --top 20 --rank pagerank --top-edges 3 --color community"
  "--weight dice --types PERSON,ORG,LOC --focus Putin --depth 2 --drop-isolates"
  "--window paragraph --weight jaccard --rank strength --top 25"
)
for i in "${!option_sets[@]}"; do
  for run in 1 2 3; do
    loc=C.UTF-8; [ "$run" = 3 ] && loc=de_DE.UTF-8
    # shellcheck disable=SC2086
    LC_ALL=$loc "$bin" build "$samples" ${option_sets[$i]} -o "$work/$run.graphml" -o "$work/$run.dot" \
      -o "$work/$run.tsv" 2>/dev/null || { echo "FAIL: exit $? with ${option_sets[$i]}"; fail=$((fail+1)); }
  done
  for ext in graphml dot tsv; do
    if cmp -s "$work/1.$ext" "$work/2.$ext" && cmp -s "$work/1.$ext" "$work/3.$ext"; then
      pass=$((pass+1))
    else
      echo "FAIL: .$ext differs between runs with options '${option_sets[$i]}'"; fail=$((fail+1))
    fi
  done
  grep -q 'v_pagerank' "$work/1.graphml" || { echo "FAIL: no metrics with '${option_sets[$i]}'"; fail=$((fail+1)); }
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
