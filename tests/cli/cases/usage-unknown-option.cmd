$ENTGRAPH entities --frobnicate "$SAMPLES"
