$ENTGRAPH build "$SAMPLES" --format xlsx -o -
