$ENTGRAPH entities -q no-such-file.txt "$SAMPLES/trump-putin-dnc-server.txt"
