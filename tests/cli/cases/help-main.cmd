$ENTGRAPH --help > h; rc=$?; for w in build entities --help --version; do grep -q -e "$w" h && echo "mentions $w" || echo "MISSING $w"; done; exit $rc
