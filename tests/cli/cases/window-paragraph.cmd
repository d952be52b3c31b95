$ENTGRAPH build "$SAMPLES" --window paragraph --format dot -o -
