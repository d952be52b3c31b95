$ENTGRAPH entities --jsonl --text-field body "$FIXTURES"
