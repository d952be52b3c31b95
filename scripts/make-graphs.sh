#!/usr/bin/env bash
# Makes graphs/ from samples/: the graph of both sample articles and of each one, as GraphML,
# DOT, an entity table and an SVG picture; for both articles also in every other format (GEXF,
# CSV node and edge tables, d3 JSON, PNG and PDF pictures). A test checks that the data files
# are current.
# Usage: scripts/make-graphs.sh [ENTGRAPH_BINARY] [OUTPUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/build/entgraph}"
out="${2:-$root/graphs}"
mkdir -p "$out"
export LC_ALL=C.UTF-8
"$bin" build "$root/samples" -o "$out/samples.graphml" -o "$out/samples.dot" \
  -o "$out/samples.entities.tsv" -o "$out/samples.svg" -o "$out/samples.gexf" \
  -o "$out/samples.csv" -o "$out/samples.json" -o "$out/samples.png" -o "$out/samples.pdf"
for f in "$root"/samples/*.txt; do
  name="$(basename "$f" .txt)"
  "$bin" build "$f" -o "$out/$name.graphml" -o "$out/$name.dot" -o "$out/$name.entities.tsv" \
    -o "$out/$name.svg"
done
