$ENTGRAPH build "$SAMPLES" -w document -f dot -o - | cmp - <($ENTGRAPH build "$SAMPLES" --window document --format dot -o -) && echo same
