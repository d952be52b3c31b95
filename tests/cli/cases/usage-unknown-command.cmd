$ENTGRAPH frobnicate "$SAMPLES"
