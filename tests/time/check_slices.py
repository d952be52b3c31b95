#!/usr/bin/env python3
"""Checks that per-period graphs add up to the whole-corpus graph (issue 5, time).

Usage: check_slices.py WHOLE.graphml WHOLE.gexf PERIOD.graphml...
- every edge count and node mention count of the whole graph is the sum over the periods;
- every period's node and edge is in the whole graph, with the period in its `periods` attribute,
  and an element's `periods` are exactly the periods whose graph holds it;
- networkx reads the GEXF as a dynamic graph whose nodes and edges carry spells.
Nodes are matched by label (ids differ between graphs)."""
import os
import sys
from collections import Counter

import networkx as nx


def by_label(g):
    return {d["label"]: n for n, d in g.nodes(data=True)}


def edges(g):
    lab = {n: d["label"] for n, d in g.nodes(data=True)}
    return {frozenset((lab[a], lab[b])): d for a, b, d in g.edges(data=True)}


def main():
    whole = nx.read_graphml(sys.argv[1])
    gexf = nx.read_gexf(sys.argv[2])
    periods = {os.path.basename(p).rsplit(".", 1)[0]: nx.read_graphml(p) for p in sys.argv[3:]}
    errors = []
    if not periods:
        errors.append("no period graphs")
    mentions, counts = Counter(), Counter()
    seen_nodes, seen_edges = {}, {}
    for name, g in sorted(periods.items()):
        for n, d in g.nodes(data=True):
            mentions[d["label"]] += int(d["mentions"])
            seen_nodes.setdefault(d["label"], []).append(name)
        for key, d in edges(g).items():
            counts[key] += int(d["count"])
            seen_edges.setdefault(key, []).append(name)
    wl = by_label(whole)
    for label, n in wl.items():
        d = whole.nodes[n]
        if int(d["mentions"]) != mentions[label]:
            errors.append(f"node {label}: whole {d['mentions']} mentions, periods sum to {mentions[label]}")
        if d.get("periods", "").split("|") != seen_nodes.get(label, []):
            errors.append(f"node {label}: periods {d.get('periods')!r}, found in {seen_nodes.get(label)}")
    for label in mentions:
        if label not in wl:
            errors.append(f"node {label} of a period is not in the whole graph")
    we = edges(whole)
    for key, d in we.items():
        if int(d["count"]) != counts[key]:
            errors.append(f"edge {sorted(key)}: whole count {d['count']}, periods sum to {counts[key]}")
        if d.get("periods", "").split("|") != seen_edges.get(key, []):
            errors.append(f"edge {sorted(key)}: periods {d.get('periods')!r}, found in {seen_edges.get(key)}")
    for key in counts:
        if key not in we:
            errors.append(f"edge {sorted(key)} of a period is not in the whole graph")
    if gexf.graph.get("mode") != "dynamic":
        errors.append(f"GEXF mode is {gexf.graph.get('mode')!r}, not dynamic")
    if gexf.number_of_nodes() != whole.number_of_nodes() or gexf.number_of_edges() != whole.number_of_edges():
        errors.append("GEXF and GraphML differ in size")
    for n, d in gexf.nodes(data=True):
        if not d.get("spells"):
            errors.append(f"GEXF node {d.get('label')} has no spells")
    for a, b, d in gexf.edges(data=True):
        if not d.get("spells"):
            errors.append(f"GEXF edge {a}-{b} has no spells")
    for e in errors[:20]:
        print(e)
    if errors:
        sys.exit(1)
    print(f"ok: {len(periods)} periods, {len(wl)} nodes, {len(we)} edges add up")


main()
