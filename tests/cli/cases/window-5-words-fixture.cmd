$ENTGRAPH build "$FIXTURES/paragraphs.txt" --window 5 --format dot -o -
