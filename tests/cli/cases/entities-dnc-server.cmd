$ENTGRAPH entities "$SAMPLES/trump-putin-dnc-server.txt"
