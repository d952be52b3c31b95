#!/usr/bin/python3
"""PMI, NPMI, Jaccard and Dice written by `entgraph build --weight M` equal a hand computation.

Usage: check_weights.py ENTGRAPH FIXTURES_DIR
Windows are sentences (the default). Logarithms are natural. The numbers below were worked out
by hand from the texts in FIXTURES_DIR; `count` must stay the raw count whatever the weight.

three.txt (the README's worked example), W = 3 sentences:
  s1 "Maria Okafor flew to Oslo on Monday."            Okafor, Oslo
  s2 "In Oslo, Maria Okafor met Jonas Berg."           Oslo, Okafor, Berg
  s3 "Jonas Berg later travelled to Bergen."           Berg, Bergen
  windows: Okafor 2, Oslo 2, Berg 2, Bergen 1
  Okafor-Oslo  c=2 wa=2 wb=2: pmi ln(2*3/(2*2)) = ln 1.5 = 0.4054651081081644
                              npmi ln 1.5 / -ln(2/3) = 1 (always together)
                              jaccard 2/(2+2-2) = 1, dice 2*2/(2+2) = 1
  Okafor-Berg  c=1 wa=2 wb=2: pmi ln(1*3/4) = ln 0.75 = -0.2876820724517809
  Oslo-Berg    (same numbers)  npmi ln 0.75 / -ln(1/3) = -0.2876820724517809/1.0986122886681098
                              = -0.2618595071429148
                              jaccard 1/(2+2-1) = 1/3, dice 2/4 = 0.5
  Berg-Bergen  c=1 wa=2 wb=1: pmi ln(3/2) = 0.4054651081081644
                              npmi 0.4054651081081644/1.0986122886681098 = 0.3690702464285425
                              jaccard 1/(2+1-1) = 0.5, dice 2/3 = 0.6666666666666666

six.txt, W = 6: three.txt plus
  s4 "Heavy rain fell on Bergen and Oslo."             Bergen, Oslo
  s5 "Nobody else was named here."                     (no entity; still a window)
  s6 "Oslo stayed quiet."                              Oslo
  windows: Okafor 2, Oslo 4, Berg 2, Bergen 2
  Okafor-Oslo  c=2 wa=2 wb=4: pmi ln(2*6/(2*4)) = ln 1.5 = 0.4054651081081644
                              npmi 0.4054651081081644 / -ln(2/6) = /1.0986122886681098
                              = 0.3690702464285425
                              jaccard 2/(2+4-2) = 0.5, dice 4/6 = 0.6666666666666666
  Okafor-Berg  c=1 wa=2 wb=2: pmi ln(6/4) = 0.4054651081081644
  Berg-Bergen  (same numbers)  npmi 0.4054651081081644 / -ln(1/6) = /1.791759469228055
                              = 0.22629438553091683
                              jaccard 1/3, dice 2/4 = 0.5
  Berg-Oslo    c=1 wa=2 wb=4: pmi ln(6/8) = -0.2876820724517809
  Bergen-Oslo  (same numbers)  npmi -0.2876820724517809/1.791759469228055 = -0.16055842170362475
                              jaccard 1/(2+4-1) = 0.2, dice 2/6 = 0.3333333333333333
"""
import os
import subprocess
import sys
import tempfile

import networkx as nx

OK, OS, BE, BG = "Maria Okafor", "Oslo", "Jonas Berg", "Bergen"
EXPECTED = {
    "three.txt": {
        (OK, OS): (2, 0.4054651081081644, 1.0, 1.0, 1.0),
        (OK, BE): (1, -0.2876820724517809, -0.2618595071429148, 1 / 3, 0.5),
        (OS, BE): (1, -0.2876820724517809, -0.2618595071429148, 1 / 3, 0.5),
        (BE, BG): (1, 0.4054651081081644, 0.3690702464285425, 0.5, 0.6666666666666666),
    },
    "six.txt": {
        (OK, OS): (2, 0.4054651081081644, 0.3690702464285425, 0.5, 0.6666666666666666),
        (OK, BE): (1, 0.4054651081081644, 0.22629438553091683, 1 / 3, 0.5),
        (BE, BG): (1, 0.4054651081081644, 0.22629438553091683, 1 / 3, 0.5),
        (BE, OS): (1, -0.2876820724517809, -0.16055842170362475, 0.2, 0.3333333333333333),
        (BG, OS): (1, -0.2876820724517809, -0.16055842170362475, 0.2, 0.3333333333333333),
    },
}
MEASURES = ["count", "pmi", "npmi", "jaccard", "dice"]


def main():
    binary, fixtures = sys.argv[1], sys.argv[2]
    failures = checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, edges in EXPECTED.items():
            for k, measure in enumerate(MEASURES):
                out = os.path.join(tmp, "%s.%s.graphml" % (name, measure))
                subprocess.run([binary, "build", os.path.join(fixtures, name), "--weight", measure,
                                "-o", out], check=True)
                g = nx.read_graphml(out)
                if g.graph["measure"] != measure:
                    failures += 1
                    print("FAIL %s %s: graph measure %s" % (name, measure, g.graph["measure"]))
                by_label = {d["label"]: n for n, d in g.nodes(data=True)}
                got_pairs = {frozenset((g.nodes[a]["label"], g.nodes[b]["label"])) for a, b in g.edges()}
                if got_pairs != {frozenset(p) for p in edges}:
                    failures += 1
                    print("FAIL %s: edges %s" % (name, sorted(map(sorted, got_pairs))))
                    continue
                for (a, b), values in edges.items():
                    data = g.edges[by_label[a], by_label[b]]
                    checked += 1
                    want = float(values[k]) if k else float(values[0])
                    if data["count"] != values[0] or abs(data["weight"] - want) > 1e-12:
                        failures += 1
                        print("FAIL %s %s %s-%s: weight %r count %r, expected %r count %r"
                              % (name, measure, a, b, data["weight"], data["count"], want, values[0]))
    print("%d passed, %d failed" % (checked - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
