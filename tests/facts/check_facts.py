#!/usr/bin/python3
"""Checks the hand-made facts of expected_facts.tsv on graphs that entgraph builds from samples/.

Usage: check_facts.py ENTGRAPH SAMPLES_DIR [FACTS_TSV]
Each file's rows are checked on a run over that file alone, the rows marked "both" on one run
over the two files together. The GraphML is read back with Debian's networkx, so this also
checks that networkx gets string labels and numeric weights. Exits 1 on any failed fact.
"""
import os
import subprocess
import sys
import tempfile

import networkx as nx


def build(binary, inputs, out_dir, name):
    path = os.path.join(out_dir, name + ".graphml")
    proc = subprocess.run([binary, "build", *inputs, "-o", path], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit("entgraph failed on %s (exit %d): %s" % (inputs, proc.returncode, proc.stderr))
    g = nx.read_graphml(path)
    labels = {}
    for node, data in g.nodes(data=True):
        label = data["label"]
        assert isinstance(label, str), "label of %s is not a string" % node
        assert isinstance(data["mentions"], int), "mentions of %s is not an integer" % label
        labels[label] = node
    for a, b, data in g.edges(data=True):
        assert isinstance(data["weight"], float), "weight of %s-%s is not a number" % (a, b)
        assert isinstance(data["count"], int), "count of %s-%s is not an integer" % (a, b)
    return g, labels


def main():
    binary, samples = sys.argv[1], sys.argv[2]
    facts = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "expected_facts.tsv")
    rows = []
    with open(facts, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            cols += [""] * (5 - len(cols))
            rows.append(cols)
    files = sorted({r[1] for r in rows if r[1] != "both"})
    failures = 0
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        graphs = {f: build(binary, [os.path.join(samples, f)], tmp, f) for f in files}
        graphs["both"] = build(binary, [os.path.join(samples, f) for f in files], tmp, "both")

        def find(labels, name):
            """The node of NAME; "A=B" accepts either label."""
            for alt in name.split("="):
                if alt in labels:
                    return labels[alt]
            return None

        for kind, where, name, value, note in rows:
            g, labels = graphs[where]
            ok, why = True, ""
            if kind == "node":
                node = find(labels, name)
                ok = node is not None
                why = "no node labelled %s" % name
                if ok and value:
                    got = g.nodes[node]["type"]
                    ok, why = got == value, "%s has type %s, expected %s" % (name, got, value)
            elif kind == "absent":
                bad = [l for l in labels if l in (name, name + "'s", name + "\u2019s", '"' + name, name + '"')]
                ok, why = not bad, "unexpected node(s) %s" % bad
            elif kind == "edge":
                a, b = name.split("|")
                na, nb = find(labels, a), find(labels, b)
                if na is None or nb is None:
                    ok, why = False, "missing node for %s" % name
                else:
                    got = g.edges[na, nb]["count"] if g.has_edge(na, nb) else 0
                    ok, why = got == int(value), "%s: count %s, expected %s" % (name, got, value)
            elif kind == "one":
                present = [l for l in name.split("|") if l in labels]
                ok, why = len(present) == 1, "%s: labels present %s, expected exactly one" % (name, present)
            else:
                ok, why = False, "unknown row kind %s" % kind
            checked += 1
            if not ok:
                failures += 1
                print("FAIL %s %s %s: %s" % (kind, where, name, why))
        for where, (g, labels) in graphs.items():
            for label in labels:
                checked += 1
                if any(q in label for q in "\"\u201c\u201d") or label.endswith(("'s", "\u2019s")):
                    failures += 1
                    print("FAIL label %s in %s carries a quote mark or a possessive" % (label, where))
    print("%d passed, %d failed" % (checked - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
