$ENTGRAPH build "$SAMPLES" -o g.gexf; rc=$?; ls -A; exit $rc
