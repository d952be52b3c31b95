cd "$SAMPLES" && $ENTGRAPH mentions trump-putin-dnc-server.txt
