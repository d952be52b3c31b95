$ENTGRAPH entities "$SAMPLES/trump-russia-clinton-emails.txt"
