$ENTGRAPH build "$SAMPLES" --max-picture-nodes 0 -o g.svg
