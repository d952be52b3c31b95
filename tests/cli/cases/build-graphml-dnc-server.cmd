$ENTGRAPH build "$SAMPLES/trump-putin-dnc-server.txt" -o -
