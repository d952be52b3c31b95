$ENTGRAPH build "$FIXTURES/paragraphs.txt" --paragraphs line --window paragraph --format dot -o -
