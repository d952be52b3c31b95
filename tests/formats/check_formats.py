"""Reads one graph's files back with the tools people load them into and checks that every
format holds the same graph as the GraphML.

Usage: check_formats.py DIR BASE [--label LABEL]...
  DIR/BASE.graphml   networkx, python3-igraph and `xmllint --noout` read it (the reference)
  DIR/BASE.gexf      networkx (GEXF 1.2draft) and xmllint read it
  DIR/BASE.nodes.csv, DIR/BASE.edges.csv   Python's csv module (Gephi's columns)
  DIR/BASE.json      Python's json module and networkx.node_link_graph
  DIR/BASE.dot       (when present) dot renders it to SVG that xmllint accepts
  DIR/BASE.svg       (when present) xmllint accepts it
Nodes are compared by id, label, type and mentions; edges by their two ends' labels and count.
XML formats drop the characters XML 1.0 forbids, so labels are compared in that form. No file
may carry a live <script> element. Each --label must be a node label (in XML-clean form).

Run with Debian's /usr/bin/python3 (python3-networkx 2.8, python3-igraph).
"""
import csv
import json
import os
import re
import subprocess
import sys

import igraph
import networkx as nx

FAILURES = []
PASSES = [0]


def check(ok, what):
    if ok:
        PASSES[0] += 1
    else:
        FAILURES.append(what)
        print("FAIL:", what)


def xml_clean(s):
    """S without the characters XML 1.0 forbids (as entgraph's eg_export_xml_clean)."""
    return "".join(c for c in s if c in "\t\n\r" or 0x20 <= ord(c) <= 0xD7FF
                   or 0xE000 <= ord(c) <= 0xFFFD or 0x10000 <= ord(c) <= 0x10FFFF)


def summary(nodes, edges):
    """nodes: {id: (label, type, mentions)}; edges: [(id_a, id_b, count)] ->
    (node dict with clean labels, {frozenset(labels): count})."""
    clean = {i: (xml_clean(l), t, int(m)) for i, (l, t, m) in nodes.items()}
    pairs = {}
    for a, b, c in edges:
        key = frozenset((clean[a][0], clean[b][0]))
        pairs[key] = pairs.get(key, 0) + int(c)
    return clean, pairs


def from_networkx(g):
    nodes = {n: (d["label"], d["type"], d["mentions"]) for n, d in g.nodes(data=True)}
    edges = [(a, b, d["count"]) for a, b, d in g.edges(data=True)]
    return summary(nodes, edges)


def xmllint(path):
    r = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
    check(r.returncode == 0 and not r.stderr, "xmllint --noout %s: %s" % (path, r.stderr.strip()))


def no_script(path):
    with open(path, "rb") as f:
        raw = f.read()
    check(re.search(rb"<\s*script", raw, re.I) is None, "%s holds a live <script> element" % path)


def compare(name, got, ref):
    nodes, pairs = got
    ref_nodes, ref_pairs = ref
    check(nodes == ref_nodes, "%s: nodes differ from the GraphML's: %s" %
          (name, sorted(set(nodes.items()) ^ set(ref_nodes.items()))[:5]))
    check(pairs == ref_pairs, "%s: edges differ from the GraphML's: %s" %
          (name, sorted(map(lambda kv: (sorted(kv[0]), kv[1]), set(pairs.items()) ^ set(ref_pairs.items())))[:5]))


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    d, base = args[0], args[1]
    labels = [args[i + 1] for i in range(2, len(args) - 1) if args[i] == "--label"]
    path = lambda ext: os.path.join(d, base + ext)

    # GraphML: the reference, read by networkx and igraph.
    xmllint(path(".graphml"))
    no_script(path(".graphml"))
    ref = from_networkx(nx.read_graphml(path(".graphml")))
    check(len(ref[0]) > 0, "GraphML has no nodes")
    ig = igraph.Graph.Read_GraphML(path(".graphml"))
    check(not ig.is_directed(), "igraph reads the GraphML as directed")
    ig_nodes = {v["id"]: (v["label"], v["type"], v["mentions"]) for v in ig.vs}
    ig_edges = [(ig.vs[e.source]["id"], ig.vs[e.target]["id"], e["count"]) for e in ig.es]
    compare("igraph GraphML", summary(ig_nodes, ig_edges), ref)
    for label in labels:
        check(label in {l for l, _, _ in ref[0].values()}, "label %r missing from the GraphML" % label)

    # GEXF, through networkx's 1.2draft reader.
    xmllint(path(".gexf"))
    no_script(path(".gexf"))
    gx = nx.read_gexf(path(".gexf"))
    check(not gx.is_directed(), "networkx reads the GEXF as directed")
    check(set(gx.nodes) == set(ref[0]), "GEXF node ids differ from the GraphML's")
    compare("GEXF", from_networkx(gx), ref)
    ref_weights = {frozenset((a, b)): d["weight"] for a, b, d in nx.read_graphml(path(".graphml")).edges(data=True)}
    check(all(abs(d["weight"] - ref_weights[frozenset((a, b))]) <= 1e-12 * max(1, abs(d["weight"]))
              for a, b, d in gx.edges(data=True)), "GEXF weights differ from the GraphML's")

    # CSV in Gephi's columns.
    with open(path(".nodes.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    check(rows and list(rows[0])[:6] == ["Id", "Label", "type", "mentions", "documents", "aliases"],
          "nodes.csv columns: %s" % (list(rows[0]) if rows else None))
    csv_nodes = {r["Id"]: (r["Label"], r["type"], r["mentions"]) for r in rows}
    with open(path(".edges.csv"), newline="", encoding="utf-8") as f:
        erows = list(csv.DictReader(f))
    check(not erows or list(erows[0])[:5] == ["Source", "Target", "Type", "Weight", "count"],
          "edges.csv columns: %s" % (list(erows[0]) if erows else None))
    check(all(r["Type"] == "Undirected" for r in erows), "edges.csv: a Type other than Undirected")
    csv_edges = [(r["Source"], r["Target"], r["count"]) for r in erows]
    compare("CSV", summary(csv_nodes, csv_edges), ref)

    # d3 node-link JSON.
    with open(path(".json"), encoding="utf-8") as f:
        raw = f.read()
    check("<" not in raw and ">" not in raw, "JSON holds a raw < or >")
    data = json.loads(raw)
    js_nodes = {n["id"]: (n["label"], n["type"], n["mentions"]) for n in data["nodes"]}
    check(all(isinstance(n["mentions"], int) and isinstance(n["documents"], int) for n in data["nodes"]),
          "JSON: mentions or documents not an integer")
    check(all(isinstance(l["count"], int) for l in data["links"]), "JSON: count not an integer")
    js_edges = [(l["source"], l["target"], l["count"]) for l in data["links"]]
    compare("JSON", summary(js_nodes, js_edges), ref)
    compare("networkx node_link_graph", from_networkx(nx.node_link_graph(data)), ref)
    # What XML drops, CSV and JSON keep: their labels and aliases agree exactly.
    check({r["Id"]: (r["Label"], r["aliases"]) for r in rows} ==
          {n["id"]: (n["label"], n["aliases"]) for n in data["nodes"]},
          "CSV and JSON labels or aliases differ")

    # DOT renders; pictures are XML.
    if os.path.exists(path(".dot")):
        svg = path(".dot-rendered.svg")
        r = subprocess.run(["dot", "-Tsvg", path(".dot"), "-o", svg], capture_output=True, text=True)
        check(r.returncode == 0 and os.path.getsize(svg) > 0 and "error" not in r.stderr.lower(),
              "dot cannot render the DOT: %s" % r.stderr.strip())
        if r.returncode == 0:
            xmllint(svg)
            no_script(svg)
            os.unlink(svg)
    if os.path.exists(path(".svg")):
        xmllint(path(".svg"))
        no_script(path(".svg"))

    print("%d passed, %d failed" % (PASSES[0], len(FAILURES)))
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
