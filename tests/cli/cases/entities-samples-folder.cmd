$ENTGRAPH entities "$SAMPLES"
