$ENTGRAPH build "$SAMPLES" --format tsv -o -
