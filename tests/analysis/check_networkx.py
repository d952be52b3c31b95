#!/usr/bin/python3
"""The metrics entgraph writes equal networkx's on the same graph, to 1e-9.

Usage: check_networkx.py ENTGRAPH SAMPLES_DIR FIXTURES_DIR
For several graphs (the samples with and without filters, so that some have isolated entities
and several components), reads entgraph's GraphML back with Debian's networkx and recomputes:
pagerank (alpha 0.85, weight count, tol 1e-12), strength (degree weighted by count), degree,
betweenness (by hops, not normalised), the components, and the modularity of entgraph's own
communities (weight count, resolution 1). Exits 1 on any difference.
"""
import os
import subprocess
import sys
import tempfile

import networkx as nx

TOL = 1e-9


def main():
    binary, samples, fixtures = sys.argv[1], sys.argv[2], sys.argv[3]
    runs = [
        ("samples", [samples]),
        ("samples-npmi-min-count-2", [samples, "--weight", "npmi", "--min-count", "2"]),
        ("samples-backbone", [samples, "--backbone", "0.3"]),
        ("samples-persons", [samples, "--types", "PERSON,ORG", "--window", "paragraph"]),
        ("six", [os.path.join(fixtures, "six.txt")]),
    ]
    failures = checked = 0

    def check(ok, what):
        nonlocal failures, checked
        checked += 1
        if not ok:
            failures += 1
            print("FAIL " + what)

    with tempfile.TemporaryDirectory() as tmp:
        for name, args in runs:
            out = os.path.join(tmp, name + ".graphml")
            subprocess.run([binary, "build", *args, "-o", out], check=True)
            g = nx.read_graphml(out)
            check(g.number_of_edges() > 0, "%s: no edges" % name)
            check(g.graph["nodes"] == g.number_of_nodes() and g.graph["edges"] == g.number_of_edges(),
                  "%s: graph nodes/edges attributes" % name)
            pr = nx.pagerank(g, alpha=0.85, tol=1e-12, weight="count", max_iter=10000)
            strength = dict(g.degree(weight="count"))
            bc = nx.betweenness_centrality(g, normalized=False, weight=None)
            for v, d in g.nodes(data=True):
                check(abs(d["pagerank"] - pr[v]) <= TOL, "%s %s: pagerank %r, networkx %r" % (name, d["label"], d["pagerank"], pr[v]))
                check(abs(d["strength"] - strength[v]) <= TOL, "%s %s: strength %r, networkx %r" % (name, d["label"], d["strength"], strength[v]))
                check(d["degree"] == g.degree(v), "%s %s: degree" % (name, d["label"]))
                check(abs(d["betweenness"] - bc[v]) <= TOL, "%s %s: betweenness %r, networkx %r" % (name, d["label"], d["betweenness"], bc[v]))
            communities = {}
            components = {}
            for v, d in g.nodes(data=True):
                communities.setdefault(d["community"], set()).add(v)
                components.setdefault(d["component"], set()).add(v)
            q = nx.community.modularity(g, communities.values(), weight="count", resolution=1)
            check(abs(g.graph["modularity"] - q) <= TOL, "%s: modularity %r, networkx %r" % (name, g.graph["modularity"], q))
            check(sorted(map(sorted, components.values())) == sorted(map(sorted, nx.connected_components(g))),
                  "%s: components differ from networkx's" % name)
            sizes = [len(components[c]) for c in sorted(components)]
            check(sizes == sorted(sizes, reverse=True), "%s: components not numbered largest first" % name)
            # Leiden never leaves a community split in two: each is connected.
            for c, members in communities.items():
                check(nx.is_connected(g.subgraph(members)), "%s: community %s is not connected" % (name, c))
    print("%d passed, %d failed" % (checked - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
