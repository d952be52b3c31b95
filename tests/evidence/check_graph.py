#!/usr/bin/python3
"""Checks the evidence on the edges of a GraphML file written by entgraph.

Usage: check_graph.py GRAPHML INPUT...   every edge's example is a sentence of the inputs (text
       files, or JSON Lines with --jsonl before them) that names both ends, by label or alias,
       and is at most 300 bytes; every edge has documents >= 1.
       check_graph.py --expect GRAPHML 'A|B|documents|count|example-prefix' ...
"""
import json
import re
import sys

import networkx as nx


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


def names(g, n):
    d = g.nodes[n]
    out = [d["label"]] + [a for a in d.get("aliases", "").split("|") if a]
    return out


def main(argv):
    if argv[1] == "--expect":
        g = nx.read_graphml(argv[2])
        by_label = {d["label"]: n for n, d in g.nodes(data=True)}
        bad = 0
        for spec in argv[3:]:
            a, b, docs, count, prefix = spec.split("|")
            e = g.edges[by_label[a], by_label[b]]
            if (int(e["documents"]), int(e["count"])) != (int(docs), int(count)) or \
               not e.get("example", "").startswith(prefix):
                print("FAIL: %s -- %s: documents %s count %s example %r; expected %s %s %r" %
                      (a, b, e["documents"], e["count"], e.get("example", ""), docs, count, prefix))
                bad += 1
        if g.number_of_edges() != len(argv) - 3:
            print("FAIL: %d edges, expected %d" % (g.number_of_edges(), len(argv) - 3))
            bad += 1
        return 1 if bad else 0

    g = nx.read_graphml(argv[1])
    texts = []
    jsonl = False
    for path in argv[2:]:
        if path == "--jsonl":
            jsonl = True
            continue
        with open(path, encoding="utf-8") as f:
            if jsonl:
                texts += [collapse(json.loads(line)["text"]) for line in f if line.strip()]
            else:
                texts.append(collapse(f.read()))
    bad = 0
    for u, v, e in g.edges(data=True):
        ex = e["example"]
        folded = ex.replace("\u2019", "'").replace("\u2018", "'")
        a, b = names(g, u), names(g, v)
        why = None
        if int(e["documents"]) < 1:
            why = "documents < 1"
        elif len(ex.encode("utf-8")) > 300:
            why = "longer than 300 bytes"
        elif not any(p in t for t in texts for p in [ex]) and \
                not all(any(p.strip() in t for t in texts) for p in ex.split("…") if p.strip()):
            why = "not a sentence of the input"
        elif not any(x in folded for x in a) or not any(x in folded for x in b):
            why = "does not name both ends"
        if why:
            bad += 1
            print("FAIL: %s -- %s: %s: %r" % (g.nodes[u]["label"], g.nodes[v]["label"], why, ex))
    print("%d edges checked, %d bad" % (g.number_of_edges(), bad))
    return 1 if bad or g.number_of_edges() == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
