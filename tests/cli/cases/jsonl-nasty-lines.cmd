$ENTGRAPH entities --jsonl "$FIXTURES/nasty.ndjson"
