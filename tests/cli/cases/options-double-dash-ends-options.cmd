d=$(mktemp -d) && cp "$SAMPLES/trump-putin-dnc-server.txt" "$d/-q" && (cd "$d" && $ENTGRAPH entities -- -q | head -3); rm -rf "$d"
