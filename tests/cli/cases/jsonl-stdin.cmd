$ENTGRAPH entities --jsonl - < "$FIXTURES/plain.jsonl"
