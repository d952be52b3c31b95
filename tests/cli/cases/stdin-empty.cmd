$ENTGRAPH entities -
