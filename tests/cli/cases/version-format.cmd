$ENTGRAPH --version | grep -cE '^entgraph [0-9]+(\.[0-9]+)+ \(lexicons [^)]+\)$'; $ENTGRAPH -V | grep -c '^entgraph '
