$ENTGRAPH build "$SAMPLES" --max-window-entities 1 -o g.graphml; rc=$?; ls -A; exit $rc
