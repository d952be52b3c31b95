#!/usr/bin/env bash
# run-cases.sh: entgraph's golden CLI cases (in the style of zstd's tests/cli-tests).
#
# A case is tests/cli/cases/NAME.cmd: one shell command line run by bash in a fresh, empty temp
# folder as the working directory, with stdin from /dev/null and these variables exported:
#   $ENTGRAPH   the entgraph binary
#   $SAMPLES    the samples folder (samples/*.txt)
#   $FIXTURES   tests/cli/fixtures
# Expected results, beside it:
#   NAME.exit           the exit code (required)
#   NAME.stdout.exact   the exact standard output (required)
#   NAME.stderr.exact   the exact standard error; when absent, standard error must be empty
# Before comparing, the values of $SAMPLES, $FIXTURES and the temp folder in the output are
# replaced by the literal strings "$SAMPLES", "$FIXTURES" and "$TMP", so that the expected files
# do not depend on where the tree is. Every case also fails if it leaves an entgraph temp file
# (".NAME.XXXXXX") in its folder.
#
# Usage: run-cases.sh [--bin ENTGRAPH] [--samples DIR] [--regenerate] [--verbose] [NAME...]
#   NAME...        run only these cases (default: all)
#   --regenerate   rewrite the expected files from the current binary instead of comparing
#                  (the only way expected files are made: read the diff before committing them)
# Exit code: 0 when every case passed, 1 when one failed, 2 on a usage error.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin="$here/../../build/entgraph"
samples="$here/../../samples"
regenerate=0
verbose=0
names=()

usage() {
  sed -n '2,/^set -u/{/^set -u/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin=${2:?--bin needs a path}; shift 2 ;;
    --samples) samples=${2:?--samples needs a folder}; shift 2 ;;
    --regenerate) regenerate=1; shift ;;
    --verbose|-v) verbose=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "run-cases.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    *) names+=("${1%.cmd}"); shift ;;
  esac
done

cases_dir="$here/cases"
fixtures="$here/fixtures"
if [ ! -x "$bin" ]; then
  echo "run-cases.sh: entgraph binary '$bin' not found or not executable (build first, or --bin)" >&2
  exit 2
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
samples=$(cd "$samples" 2>/dev/null && pwd) || { echo "run-cases.sh: no samples folder" >&2; exit 2; }

if [ ${#names[@]} -eq 0 ]; then
  for f in "$cases_dir"/*.cmd; do
    [ -e "$f" ] || continue
    n=$(basename "$f"); names+=("${n%.cmd}")
  done
fi
if [ ${#names[@]} -eq 0 ]; then
  echo "run-cases.sh: no cases in $cases_dir" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/entgraph-cli.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

# Replaces every occurrence of the literal string $2 in file $1 by the literal string $3.
replace_literal() {
  local file=$1 from=$2 to=$3
  [ -n "$from" ] || return 0
  FROM="$from" TO="$to" perl -0pi -e 's/\Q$ENV{FROM}\E/$ENV{TO}/g' "$file"
}

# shellcheck disable=SC2016 # the placeholders are literal on purpose
normalise() {
  # Longest first: the temp folder may lie inside none of the others, but be careful anyway.
  replace_literal "$1" "$2" '$TMP'
  replace_literal "$1" "$fixtures" '$FIXTURES'
  replace_literal "$1" "$samples" '$SAMPLES'
}

# Prints at most 40 lines of a unified diff of expected $1 and actual $2, labelled.
show_diff() {
  diff -u --label "expected $3" --label "actual $3" "$1" "$2" | head -n 40
}

failed=()
passed=0
for name in "${names[@]}"; do
  cmd_file="$cases_dir/$name.cmd"
  if [ ! -f "$cmd_file" ]; then
    echo "FAIL $name: no such case ($cmd_file)"
    failed+=("$name")
    continue
  fi
  dir="$work/$name"
  mkdir -p "$dir"
  out="$work/$name.stdout"
  err="$work/$name.stderr"
  (
    cd "$dir" || exit 125
    export ENTGRAPH="$bin" SAMPLES="$samples" FIXTURES="$fixtures"
    exec bash -c "$(cat "$cmd_file")" </dev/null >"$out" 2>"$err"
  )
  rc=$?
  dir_real=$(cd "$dir" && pwd -P)
  normalise "$out" "$dir_real"
  normalise "$err" "$dir_real"
  [ "$dir_real" = "$dir" ] || { normalise "$out" "$dir"; normalise "$err" "$dir"; }

  if [ $regenerate -eq 1 ]; then
    echo "$rc" >"$cases_dir/$name.exit"
    cp "$out" "$cases_dir/$name.stdout.exact"
    if [ -s "$err" ]; then
      cp "$err" "$cases_dir/$name.stderr.exact"
    else
      rm -f "$cases_dir/$name.stderr.exact"
    fi
    echo "regenerated $name (exit $rc)"
    rm -rf "$dir"
    continue
  fi

  problems=()
  want_rc=$(cat "$cases_dir/$name.exit" 2>/dev/null || echo missing)
  [ "$want_rc" = "$rc" ] || problems+=("exit code: expected $want_rc, got $rc")
  if [ ! -f "$cases_dir/$name.stdout.exact" ]; then
    problems+=("no $name.stdout.exact (run with --regenerate $name)")
  elif ! cmp -s "$cases_dir/$name.stdout.exact" "$out"; then
    problems+=("standard output differs:
$(show_diff "$cases_dir/$name.stdout.exact" "$out" stdout)")
  fi
  if [ -f "$cases_dir/$name.stderr.exact" ]; then
    cmp -s "$cases_dir/$name.stderr.exact" "$err" ||
      problems+=("standard error differs:
$(show_diff "$cases_dir/$name.stderr.exact" "$err" stderr)")
  elif [ -s "$err" ]; then
    problems+=("standard error should be empty, got:
$(head -n 20 "$err")")
  fi
  leftovers=$(cd "$dir" && find . -name '.*.??????' -print)
  [ -z "$leftovers" ] || problems+=("temp files left behind: $leftovers")

  if [ ${#problems[@]} -eq 0 ]; then
    passed=$((passed + 1))
    [ $verbose -eq 0 ] || echo "ok   $name"
  else
    failed+=("$name")
    echo "FAIL $name"
    echo "  command: $(cat "$cmd_file")"
    for p in "${problems[@]}"; do
      printf '  %s\n' "$p" | sed '2,$s/^/  /'
    done
  fi
  rm -rf "$dir"
done

[ $regenerate -eq 1 ] && exit 0
echo "cli cases: $passed passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ] || { echo "failed: ${failed[*]}"; exit 1; }
exit 0
