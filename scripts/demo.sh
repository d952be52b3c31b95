#!/usr/bin/env bash
# The main job: installs what is missing, builds entgraph and draws the sample articles into
# graphs/ (GraphML for Gephi and networkx, DOT, an entity table and an SVG picture).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/deps.sh" build
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build" -j"$(nproc)" >/dev/null
"$root/scripts/make-graphs.sh" "$root/build/entgraph" "$root/graphs"
echo "Entities in both sample articles (graphs/samples.entities.tsv):"
head -15 "$root/graphs/samples.entities.tsv" | column -t -s $'\t'
echo
echo "Wrote:"; ls -1 "$root"/graphs/* | sed "s|$root/||"
