printf 'The summit was attended by Maria Okafor, Daniel Lund, Carl White and Bob Green.\n\nMaria Okafor thanked Daniel Lund.\n' | $ENTGRAPH build - --max-window-entities 3 --format tsv -o -
