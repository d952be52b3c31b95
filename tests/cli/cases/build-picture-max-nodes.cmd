$ENTGRAPH build "$SAMPLES" --max-picture-nodes 5 -o g.svg && ls -A
