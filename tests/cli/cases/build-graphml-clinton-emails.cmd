$ENTGRAPH build "$SAMPLES/trump-russia-clinton-emails.txt" -o -
