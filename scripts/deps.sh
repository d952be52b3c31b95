#!/usr/bin/env bash
# Installs the Debian packages entgraph needs, only those missing (run as root on Debian 12).
# Usage: scripts/deps.sh [build|test]   build: compile and run; test: also what the tests use.
set -euo pipefail
want=(build-essential cmake pkg-config libglib2.0-dev libglib2.0-bin libigraph-dev
      libgraphviz-dev graphviz libjson-glib-dev libxml2-dev libmimalloc-dev)
if [ "${1:-build}" = test ]; then
  # networkx, igraph and xmllint read the outputs back; clang builds the sanitizer and fuzz targets.
  # Dask (python3-distributed) runs the map and reduce steps of the counting tests.
  # GNU parallel runs scripts/distributed/parallel.sh in the suite. The locale sources (locales)
  # let the tests compile de_DE and tr_TR, so the locale checks run rather than skip.
  want+=(python3 python3-networkx python3-igraph python3-distributed parallel libxml2-utils clang
         libclang-rt-dev locales)
fi
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "entgraph: missing packages: ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
