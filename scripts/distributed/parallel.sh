#!/usr/bin/env bash
# Many files (or many hosts) with GNU parallel: one `entgraph count` per JSON Lines file, then
# one merge of the sorted parts. `entgraph count` output is already sorted, so no sort is needed
# between the steps. Add `--sshloginfile hosts.txt --transferfile {} --return {/.}.counts
# --cleanup` to the parallel line to spread the files over hosts that have entgraph installed.
# Usage: parallel.sh OUTDIR FILE.jsonl...   (run here on one machine; hosts are an example)
set -euo pipefail
out="$1"; shift
entgraph="${ENTGRAPH:-entgraph}"
mkdir -p "$out/parts"
parallel --halt now,fail=1 "$entgraph" count --jsonl --quiet {} -o "$out/parts/{/.}.counts" ::: "$@"
"$entgraph" merge "$out"/parts/*.counts -o "$out/all.counts"
"$entgraph" build --counts "$out/all.counts" -o "$out/graph.graphml"
