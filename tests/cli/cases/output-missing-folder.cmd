$ENTGRAPH build "$SAMPLES" -o no/such/folder/g.graphml -o g.tsv; rc=$?; ls -A; exit $rc
