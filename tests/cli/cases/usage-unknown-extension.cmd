$ENTGRAPH build "$SAMPLES" -o g.xlsx; rc=$?; ls -A; exit $rc
