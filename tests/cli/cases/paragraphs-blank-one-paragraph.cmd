$ENTGRAPH build "$SAMPLES/trump-putin-dnc-server.txt" --paragraphs blank --window paragraph --format dot -o -
