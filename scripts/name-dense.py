#!/usr/bin/env python3
"""Writes a name-dense article of N sentences (every sentence names two new persons, a new
company and a new place) to name-dense-N.txt: the input of the linear-time benchmark of
entity recognition in docs/BENCHMARKS.md. Deterministic (fixed seed).

Usage: python3 scripts/name-dense.py N [DIR]
"""
import random
import sys

n = int(sys.argv[1])
out_dir = sys.argv[2] if len(sys.argv) > 2 else "."
r = random.Random(1)
syllables = ["ka", "lo", "mi", "ren", "dor", "vin", "sa", "tel", "bru",
             "gan", "pe", "zor", "li", "mar", "ton", "ek", "ul", "ris"]


def name():
    return "".join(r.choice(syllables) for _ in range(r.randint(2, 3))).capitalize()


parts = []
for i in range(n):
    parts.append(f"{name()} {name()} met {name()} {name()} of {name()} Corp in {name()} on Monday.")
    if i % 20 == 19:
        parts.append("\n\n")
with open(f"{out_dir}/name-dense-{n}.txt", "w") as f:
    f.write(" ".join(parts))
