$ENTGRAPH build -o g.graphml; rc=$?; ls -A; exit $rc
