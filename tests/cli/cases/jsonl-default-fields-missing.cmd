$ENTGRAPH entities --jsonl "$FIXTURES/feed.jsonl"
