#!/usr/bin/python3
"""Writes a JSON Lines corpus of invented news for the counting tests: N documents (default
3000), the same bytes on every run (fixed seed). Names are made up; places are real.

Usage: make_corpus.py [N] > corpus.jsonl
"""
import json
import random
import sys

GIVEN = ["Amara", "Bruno", "Celia", "Dmitri", "Elena", "Farid", "Greta", "Hiroshi", "Ines",
         "Jonas", "Kasia", "Lionel", "Mira", "Nikolai", "Odile", "Pavel", "Quentin", "Rosa",
         "Samir", "Tereza"]
FAMILY = ["Okonkwo", "Lindqvist", "Ferreira-Costa", "Haddad", "Novak", "Tanaka", "Moreau",
          "Kowalczyk", "Brennan", "Aziz", "Vasquez", "Holm", "Petrescu", "Nakamura", "Duarte"]
ORGS = ["Northwind Shipping Corp.", "Harbor Freight Union", "Atlantic Grain Board",
        "Copperline Mining Inc.", "Civic Renewal Party", "National Water Agency",
        "Eastern Rail Commission", "Bluefield University", "Meridian Capital Group"]
PLACES = ["France", "Brazil", "Japan", "Kenya", "Canada", "Poland", "Egypt", "Norway",
          "Chile", "Vietnam", "Lisbon", "Toronto", "Nairobi", "Osaka", "Cairo"]
TITLES = ["President", "Minister", "Senator", "Governor", "Mayor", "Dr."]
TEMPLATES = [
    "{title} {p1} met {p2} in {loc} on Monday.",
    "{p1} said {org} would expand its operations in {loc}.",
    "\u201cWe will not accept this,\u201d {p2s} told reporters in {loc}.",
    "Officials from {org} and {org2} signed an agreement with {loc}.",
    "{p1s}'s spokesman said {p2s} had misled the {org}.",
    "The talks between {loc} and {loc2} ended without a deal.",
    "{org} hired {p1} as an adviser after a meeting in {loc}.",
    "Analysts said the {org} decision surprised {p2s}.",
]


def person(rng, people):
    p = rng.choice(people)
    return p, p.split(" ")[-1]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    rng = random.Random(2026)
    people = ["%s %s" % (g, f) for g in GIVEN for f in FAMILY]
    out = sys.stdout
    for i in range(n):
        cast = rng.sample(people, 4)
        paragraphs = []
        for _ in range(rng.randint(1, 4)):
            sentences = []
            for _ in range(rng.randint(1, 4)):
                p1, p1s = person(rng, cast)
                p2, p2s = person(rng, cast)
                sentences.append(rng.choice(TEMPLATES).format(
                    title=rng.choice(TITLES), p1=p1, p1s=p1s, p2=p2, p2s=p2s,
                    org=rng.choice(ORGS), org2=rng.choice(ORGS),
                    loc=rng.choice(PLACES), loc2=rng.choice(PLACES)))
            paragraphs.append(" ".join(sentences))
        doc = {"id": "doc-%05d" % i, "text": "\n\n".join(paragraphs)}
        out.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
