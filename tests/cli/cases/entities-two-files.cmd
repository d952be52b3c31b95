$ENTGRAPH entities "$SAMPLES/trump-russia-clinton-emails.txt" "$SAMPLES/trump-putin-dnc-server.txt"
