$ENTGRAPH build "$SAMPLES/trump-russia-clinton-emails.txt" --paragraphs line --window paragraph --format dot -o -
