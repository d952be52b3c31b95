$ENTGRAPH entities --jsonl --text-field body --id-field url "$FIXTURES/feed.jsonl"
