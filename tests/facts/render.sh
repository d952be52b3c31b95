#!/usr/bin/env bash
# The DOT that entgraph writes renders unchanged with dot, neato and sfdp, and the GraphML is
# well-formed XML for xmllint. Usage: render.sh ENTGRAPH SAMPLES_DIR
set -euo pipefail
bin="$1"; samples="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$bin" build "$samples" -o "$tmp/g.dot" -o "$tmp/g.graphml"
fail=0
for engine in dot neato sfdp; do
  if ! "$engine" -Tsvg "$tmp/g.dot" -o "$tmp/$engine.svg" 2>"$tmp/$engine.err" || [ ! -s "$tmp/$engine.svg" ]; then
    echo "FAIL: $engine cannot render the DOT: $(cat "$tmp/$engine.err")"; fail=1
  elif grep -qi error "$tmp/$engine.err"; then
    echo "FAIL: $engine reports: $(cat "$tmp/$engine.err")"; fail=1
  fi
  xmllint --noout "$tmp/$engine.svg" || { echo "FAIL: $engine's SVG is not XML"; fail=1; }
done
xmllint --noout "$tmp/g.graphml" || { echo "FAIL: GraphML is not well-formed"; fail=1; }
[ "$fail" -eq 0 ] && echo "4 passed, 0 failed"
exit "$fail"
