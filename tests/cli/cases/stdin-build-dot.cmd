cat "$SAMPLES/trump-russia-clinton-emails.txt" | $ENTGRAPH build - --format dot -o -
