#!/usr/bin/python3
"""Checks `entgraph mentions` output (stdin) against the text files it read: the header, six
columns, each mention's surface found at its byte offset (curly apostrophes fold to straight
ones, as entgraph writes surfaces), sentence numbers that never go back within a document.
Usage: entgraph mentions FILE... | check_mentions.py FILE..."""
import sys

texts = {p: open(p, "rb").read() for p in sys.argv[1:]}
lines = sys.stdin.read().split("\n")
bad = 0
if lines[0] != "document\tsentence\toffset\tsurface\tlabel\ttype":
    print("FAIL: header %r" % lines[0])
    bad += 1
last = {}
n = 0
for line in lines[1:]:
    if not line:
        continue
    n += 1
    doc, sentence, offset, surface, label, typ = line.split("\t")
    sentence, offset = int(sentence), int(offset)
    raw = texts[doc][offset:offset + len(surface.encode("utf-8")) + 4].decode("utf-8", "replace")
    raw = raw.replace("\u2019", "'").replace("\u2018", "'")
    if not raw.startswith(surface):
        print("FAIL: %s at %d: %r is not %r" % (doc, offset, raw, surface))
        bad += 1
    if sentence < last.get(doc, (0, 0))[0] or offset < last.get(doc, (0, 0))[1]:
        print("FAIL: %s: sentence or offset goes back at %r" % (doc, line))
        bad += 1
    last[doc] = (sentence, offset)
    if typ not in ("PERSON", "ORG", "LOC", "MISC") or not label:
        print("FAIL: %r" % line)
        bad += 1
print("%d mentions checked, %d bad" % (n, bad))
sys.exit(1 if bad or n == 0 else 0)
