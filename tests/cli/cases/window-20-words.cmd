$ENTGRAPH build "$SAMPLES" --window 20 --format dot -o -
