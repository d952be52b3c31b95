$ENTGRAPH --version > /dev/null
