$ENTGRAPH build "$SAMPLES/trump-putin-dnc-server.txt" --format dot -o -
