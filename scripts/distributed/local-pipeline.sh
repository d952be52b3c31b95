#!/usr/bin/env bash
# Counting and summing as separate steps on one machine: `count | sort | merge | build --counts`.
# The same bytes as `entgraph build INPUT... -o OUT...`; the counts file can be kept and added
# to later runs (`entgraph build --counts old.counts new/ -o ...`).
# Usage: local-pipeline.sh INPUT OUTDIR [COUNT OPTIONS...]   (run here by the test suite's twin)
set -euo pipefail
input="$1"; out="$2"; shift 2
entgraph="${ENTGRAPH:-entgraph}"
mkdir -p "$out"
"$entgraph" count "$@" "$input" | LC_ALL=C sort | "$entgraph" merge - > "$out/all.counts"
"$entgraph" build --counts "$out/all.counts" -o "$out/graph.graphml" -o "$out/graph.svg"
