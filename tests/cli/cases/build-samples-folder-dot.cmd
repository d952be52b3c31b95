$ENTGRAPH build "$SAMPLES" --format dot -o -
