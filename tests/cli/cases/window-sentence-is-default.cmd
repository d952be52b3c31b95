$ENTGRAPH build "$SAMPLES" --window sentence -f dot -o - | cmp - <($ENTGRAPH build "$SAMPLES" -f dot -o -) && echo same
