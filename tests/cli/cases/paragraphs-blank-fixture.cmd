$ENTGRAPH build "$FIXTURES/paragraphs.txt" --paragraphs blank --window paragraph --format dot -o -
