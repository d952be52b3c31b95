#!/usr/bin/python3
"""Each filter of `entgraph build` keeps exactly the nodes and edges it should.

Usage: check_filters.py ENTGRAPH SAMPLES_DIR
The expected graph is recomputed here, independently, from the unfiltered graph of the samples
(read back with networkx), following the README: filters run in the order min-count,
min-mentions, types, top (--rank), top-edges (by --weight), backbone (disparity filter on
counts), focus (--depth), drop-isolates; ties go to more mentions, then the label in byte
order. Also checks that node ids stay n0, n1, ... in label order, that an unknown --focus name
is a usage error (exit 2) that writes nothing, and the usage errors of the new options.
"""
import os
import subprocess
import sys
import tempfile

import networkx as nx


def read(path):
    g = nx.read_graphml(path)
    nodes = {d["label"]: d for _, d in g.nodes(data=True)}
    edges = {}
    for a, b, d in g.edges(data=True):
        edges[frozenset((g.nodes[a]["label"], g.nodes[b]["label"]))] = d
    ids = [n for n in g.nodes]
    labels = [g.nodes[n]["label"] for n in ids]
    return g, nodes, edges, ids, labels


def key_label(label):
    return label.encode("utf-8")


def expected(base, o):
    """The filters of options O applied to BASE = (nodes, edges): returns (node set, edge set)."""
    nodes_data, edges_data = base
    nodes = set(nodes_data)
    edges = {e for e in edges_data if edges_data[e]["count"] >= o.get("min_count", 1)}

    def sync():
        return {e for e in edges if e <= nodes}

    nodes = {n for n in nodes if nodes_data[n]["mentions"] >= o.get("min_mentions", 1)}
    if "types" in o:
        nodes = {n for n in nodes if nodes_data[n]["type"] in o["types"]}
    edges = sync()
    if "top" in o:
        rank = o.get("rank", "mentions")
        if rank == "mentions":
            value = {n: nodes_data[n]["mentions"] for n in nodes}
        else:
            value = {n: 0 for n in nodes}
            for e in edges:
                for n in e:
                    value[n] += edges_data[e]["count"]
        order = sorted(nodes, key=lambda n: (-value[n], -nodes_data[n]["mentions"], key_label(n)))
        nodes = set(order[: o["top"]])
        edges = sync()
    if "top_edges" in o:
        keep = set()
        for n in nodes:
            inc = [e for e in edges if n in e]
            other = lambda e: next(iter(e - {n}))
            inc.sort(key=lambda e: (-edges_data[e]["weight"], -edges_data[e]["count"], key_label(other(e))))
            keep.update(inc[: o["top_edges"]])
        edges = keep
    if "backbone" in o:
        k = {n: 0 for n in nodes}
        s = {n: 0 for n in nodes}
        for e in edges:
            for n in e:
                k[n] += 1
                s[n] += edges_data[e]["count"]
        keep = set()
        for e in edges:
            w = edges_data[e]["count"]
            if any((1 - w / s[n]) ** (k[n] - 1) < o["backbone"] for n in e if k[n] > 1):
                keep.add(e)
        edges = keep
    if "focus" in o:
        want = o["focus"].casefold()
        center = [n for n in nodes_data if n.casefold() == want] or \
                 [n for n in nodes_data if want in [a.casefold() for a in nodes_data[n].get("aliases", "").split("|")]]
        assert len(center) == 1, center
        g = nx.Graph()
        g.add_nodes_from(nodes)
        g.add_edges_from(tuple(e) for e in edges)
        dist = nx.single_source_shortest_path_length(g, center[0], cutoff=o.get("depth", 1))
        nodes = set(dist)
        edges = sync()
    if o.get("drop_isolates"):
        nodes = {n for n in nodes if any(n in e for e in edges)}
    return nodes, edges


def args_of(o):
    a = []
    for name, flag in [("min_count", "--min-count"), ("min_mentions", "--min-mentions"), ("top", "--top"),
                       ("rank", "--rank"), ("top_edges", "--top-edges"), ("backbone", "--backbone"),
                       ("focus", "--focus"), ("depth", "--depth"), ("weight", "--weight")]:
        if name in o:
            a += [flag, str(o[name])]
    if "types" in o:
        a += ["--types", ",".join(o["types"])]
    if o.get("drop_isolates"):
        a.append("--drop-isolates")
    return a


CASES = [
    {"min_count": 3},
    {"min_count": 2, "drop_isolates": True},
    {"min_mentions": 2},
    {"types": ["LOC", "MISC"]},
    {"top": 10},
    {"top": 8, "rank": "strength"},
    {"top_edges": 2},
    {"top_edges": 1, "weight": "npmi"},
    {"top_edges": 1, "weight": "jaccard"},
    {"backbone": 0.2},
    {"backbone": 0.05},
    {"focus": "putin"},
    {"focus": "Vladimir Putin", "depth": 2},
    {"focus": "DNC", "depth": 0},
    {"min_count": 2, "min_mentions": 2, "top": 15, "rank": "strength", "backbone": 0.5, "drop_isolates": True},
    {"types": ["PERSON", "ORG"], "top_edges": 3, "weight": "dice", "focus": "Trump", "depth": 2},
]


def main():
    binary, samples = sys.argv[1], sys.argv[2]
    failures = checked = 0

    def check(ok, what):
        nonlocal failures, checked
        checked += 1
        if not ok:
            failures += 1
            print("FAIL " + what)

    with tempfile.TemporaryDirectory() as tmp:
        bases = {}
        for weight in ["count", "npmi", "jaccard", "dice"]:
            path = os.path.join(tmp, "base-%s.graphml" % weight)
            subprocess.run([binary, "build", samples, "--weight", weight, "-o", path], check=True)
            _, nodes, edges, _, _ = read(path)
            bases[weight] = (nodes, edges)
        for i, o in enumerate(CASES):
            path = os.path.join(tmp, "case%d.graphml" % i)
            proc = subprocess.run([binary, "build", samples, *args_of(o), "-o", path], capture_output=True, text=True)
            check(proc.returncode == 0 and proc.stderr == "", "%s: exit %d, stderr %r" % (o, proc.returncode, proc.stderr))
            if proc.returncode:
                continue
            g, nodes, edges, ids, labels = read(path)
            want_nodes, want_edges = expected(bases[o.get("weight", "count")], o)
            check(set(nodes) == want_nodes, "%s: nodes %s, expected %s" % (o, sorted(set(nodes) ^ want_nodes), "the others"))
            check(set(edges) == want_edges, "%s: edges differ by %s" % (o, [sorted(e) for e in set(edges) ^ want_edges]))
            check(ids == ["n%d" % k for k in range(len(ids))] and labels == sorted(labels, key=key_label),
                  "%s: node ids are not n0.. in label order" % o)
            check(g.graph["windows"] == 44 and g.graph["documents"] == 2, "%s: totals changed" % o)
            base_nodes, base_edges = bases[o.get("weight", "count")]
            check(all(edges[e]["count"] == base_edges[e]["count"] and edges[e]["weight"] == base_edges[e]["weight"]
                      for e in edges), "%s: a filter changed a count or weight" % o)
            check(all(nodes[n]["mentions"] == base_nodes[n]["mentions"] for n in nodes), "%s: mentions changed" % o)

        # An unknown --focus: exit 2, one clear line, nothing written.
        out = os.path.join(tmp, "nobody.graphml")
        proc = subprocess.run([binary, "build", samples, "--focus", "Nobody Atall", "-o", out], capture_output=True, text=True)
        check(proc.returncode == 2, "unknown focus: exit %d" % proc.returncode)
        check("Nobody Atall" in proc.stderr and proc.stderr.count("\n") == 1, "unknown focus: stderr %r" % proc.stderr)
        check(not os.path.exists(out), "unknown focus: an output was written")
        # A focus an earlier filter removed: exit 2 too.
        proc = subprocess.run([binary, "build", samples, "--types", "LOC", "--focus", "Putin", "-o", out], capture_output=True, text=True)
        check(proc.returncode == 2 and "earlier filter" in proc.stderr, "filtered focus: exit %d %r" % (proc.returncode, proc.stderr))

        for bad in [["--weight", "lmi"], ["--backbone", "0"], ["--backbone", "1.5"], ["--backbone", "x"],
                    ["--rank", "degree"], ["--types", "PERSON,FOO"], ["--depth", "2"], ["--top", "-1"],
                    ["--color", "rainbow"], ["--color", "community", "--no-metrics"],
                    ["--focus", "Putin", "--depth", "-3"], ["--min-count", "-2"]]:
            proc = subprocess.run([binary, "build", samples, *bad, "-o", out], capture_output=True, text=True)
            check(proc.returncode == 2 and proc.stderr.startswith("entgraph: ") and proc.stderr.count("\n") == 1,
                  "usage error %s: exit %d, stderr %r" % (bad, proc.returncode, proc.stderr))
            check(not os.path.exists(out), "usage error %s: an output was written" % bad)

        # --no-metrics writes no metric; metrics are on by default.
        subprocess.run([binary, "build", samples, "--no-metrics", "-o", out], check=True)
        g, nodes, _, _, _ = read(out)
        check(all("pagerank" not in d and "community" not in d for d in nodes.values()) and "modularity" not in g.graph,
              "--no-metrics still wrote metrics")
    print("%d passed, %d failed" % (checked - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
