$ENTGRAPH build "$SAMPLES" --format gexf -o -
