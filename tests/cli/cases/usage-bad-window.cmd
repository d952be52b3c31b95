$ENTGRAPH build "$SAMPLES" --window sideways -o g.graphml; rc=$?; ls -A; exit $rc
