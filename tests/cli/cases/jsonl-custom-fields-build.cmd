$ENTGRAPH build --jsonl --text-field body --id-field url "$FIXTURES/feed.jsonl" --format dot -o -
