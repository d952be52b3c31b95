$ENTGRAPH build "$SAMPLES" --format graphml -o -
