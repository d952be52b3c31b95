$ENTGRAPH build "$SAMPLES" -o g.svg -o g.png -o g.pdf && ls -A && head -c 5 g.pdf && echo && grep -c "</svg>" g.svg && head -c 4 g.png | tail -c 3 && echo
