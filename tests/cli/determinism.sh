#!/usr/bin/env bash
# determinism.sh: the same input gives byte-identical data files (.graphml, .dot, .tsv and the
# entities table), run after run, whatever the working directory, the spelling of the input path
# (absolute, relative, trailing slash, a copy of the folder elsewhere) or the locale.
#
# Usage: determinism.sh [--bin ENTGRAPH] [--samples DIR]
# Exit code: 0 when all outputs are identical, 1 otherwise.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin="$here/../../build/entgraph"
samples="$here/../../samples"
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin=$2; shift 2 ;;
    --samples) samples=$2; shift 2 ;;
    *) echo "determinism.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || { echo "determinism.sh: no entgraph binary at '$bin'" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
samples=$(cd "$samples" && pwd) || exit 2

work=$(mktemp -d "${TMPDIR:-/tmp}/entgraph-determinism.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2

failures=0
formats="graphml dot tsv"

# build_all NAME [ENV...] -- INPUT...: builds every format into NAME.FORMAT and NAME.entities.
build_all() {
  local name=$1; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  local outs=()
  for f in $formats; do outs+=(-o "$work/$name.$f"); done
  if ! env "${envs[@]}" "$bin" build "$@" "${outs[@]}" 2>"$work/$name.err"; then
    echo "FAIL [$name] entgraph build failed: $(cat "$work/$name.err")"
    failures=$((failures + 1))
  fi
  env "${envs[@]}" "$bin" entities "$@" >"$work/$name.entities" 2>>"$work/$name.err" || {
    echo "FAIL [$name] entgraph entities failed: $(cat "$work/$name.err")"
    failures=$((failures + 1))
  }
}

same_as_first() {
  local name=$1
  for f in $formats entities; do
    if ! cmp -s "$work/run1.$f" "$work/$name.$f"; then
      echo "FAIL [$name] .$f differs from the first run:"
      diff -u "$work/run1.$f" "$work/$name.$f" | head -n 20
      failures=$((failures + 1))
    fi
  done
}

build_all run1 -- "$samples"
for f in $formats entities; do
  [ -s "run1.$f" ] || { echo "FAIL [run1] empty .$f"; failures=$((failures + 1)); }
done
grep -q 'Vladimir Putin' run1.graphml || { echo "FAIL [run1] no Vladimir Putin in the graph"; failures=$((failures + 1)); }

build_all run2 -- "$samples"
same_as_first run2

build_all trailing-slash -- "$samples/"
same_as_first trailing-slash

cp -r "$samples" "$work/a-copy"
mkdir -p "$work/elsewhere"
(cd "$work/elsewhere" && build_all relative-copy -- ../a-copy)
same_as_first relative-copy

build_all files -- "$samples"/*.txt
same_as_first files

build_all locale-c LC_ALL=C -- "$samples"
same_as_first locale-c
build_all locale-c-utf8 LC_ALL=C.UTF-8 -- "$samples"
same_as_first locale-c-utf8
# Turkish lower-cases "I" to a dotless "ı": word lists must not follow the locale. The locale is
# compiled here when the machine has no Turkish locale (localedef is part of libc-bin).
mkdir -p "$work/loc"
if localedef -i tr_TR -f UTF-8 "$work/loc/tr_TR.UTF-8" 2>/dev/null; then
  echo "locale-tr: checked under a compiled tr_TR.UTF-8"
  printf 'In Washington, officials met. It was Ivan Petrov who spoke. If the Senate acts, Iran will respond.\n' > "$work/turkish.txt"
  LOCPATH="$work/loc" LC_ALL=tr_TR.UTF-8 "$bin" entities "$work/turkish.txt" > tr.tsv 2>/dev/null
  LC_ALL=C "$bin" entities "$work/turkish.txt" > c.tsv 2>/dev/null
  cmp -s tr.tsv c.tsv || { echo "FAIL [locale-tr] entities differ under tr_TR.UTF-8"; failures=$((failures + 1)); }
  grep -q '^It	' tr.tsv && { echo "FAIL [locale-tr] 'It' became an entity under tr_TR.UTF-8"; failures=$((failures + 1)); }
  build_all locale-tr LOCPATH="$work/loc" LC_ALL=tr_TR.UTF-8 -- "$samples"
  same_as_first locale-tr
fi

# Standard output gives the very bytes of the file.
for f in $formats; do
  "$bin" build "$samples" --format "$f" -o - 2>/dev/null | cmp -s - "run1.$f" ||
    { echo "FAIL [stdout] -o - --format $f differs from -o FILE.$f"; failures=$((failures + 1)); }
done

echo "determinism: $failures failure(s)"
[ $failures -eq 0 ]
