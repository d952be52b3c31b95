$ENTGRAPH build "$SAMPLES" --format tsv -o g.graphml && cat g.graphml
