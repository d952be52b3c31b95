#!/usr/bin/env bash
# graphs/ is current: regenerating it from samples/ gives byte-identical data files, and every
# picture is there (pictures are not compared byte for byte: fonts differ between machines).
# Usage: graphs-current.sh ENTGRAPH REPO_ROOT
set -euo pipefail
bin="$1"; root="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$root/scripts/make-graphs.sh" "$bin" "$tmp" 2>/dev/null
pass=0; fail=0
for f in "$tmp"/*; do
  name="$(basename "$f")"
  case "$name" in
    *.svg|*.png|*.pdf) [ -s "$root/graphs/$name" ] && pass=$((pass+1)) || { echo "FAIL: graphs/$name is missing"; fail=$((fail+1)); } ;;
    *) if cmp -s "$f" "$root/graphs/$name"; then pass=$((pass+1)); else
         echo "FAIL: graphs/$name is stale: run scripts/make-graphs.sh"; fail=$((fail+1)); fi ;;
  esac
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
