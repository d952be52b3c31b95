$ENTGRAPH build - -f dot -o - < "$SAMPLES/trump-putin-dnc-server.txt" | cmp - <($ENTGRAPH build "$SAMPLES/trump-putin-dnc-server.txt" -f dot -o -) && echo same
