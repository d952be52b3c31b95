$ENTGRAPH entities --paragraphs sometimes "$SAMPLES"
