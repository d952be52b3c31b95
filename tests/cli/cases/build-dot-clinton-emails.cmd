$ENTGRAPH build "$SAMPLES/trump-russia-clinton-emails.txt" --format dot -o -
