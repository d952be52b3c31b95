$ENTGRAPH build "$SAMPLES" --window document --format dot -o -
