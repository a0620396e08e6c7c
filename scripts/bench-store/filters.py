#!/usr/bin/env python3
"""Latency of the filtered item lists across many filter values, rare to common.

usage: filters.py STORYLINE_BINARY DB [VALUES] [RUNS]

One benchmark value per kind (serve.py) can hide a plan that is slow for other values: a
filter's cost depends on how many items match and where they sit in publication order. This
starts `storyline serve --db DB` as serve.py does, samples the first 10,000 quotes, claims and
events, picks VALUES (default 30) speakers, nouns and actors spread over the frequency ranks of
that sample (the most and least frequent included), asks for each one's first page RUNS times
(default 10, after one warm-up call) and prints, per kind, the p50 and p99 over every request and
the slowest values with their p99.
"""
import collections
import json
import os
import statistics
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve import get, percentile, running_server  # noqa: E402

SAMPLE_PAGES = 20
KINDS = [("quotes", "speaker", "speaker"), ("claims", "noun", "noun"), ("events", "actor", "source")]


def spread(values, n):
    """Up to n values spread evenly over the frequency ranks (most frequent first)."""
    ranked = [v for v, _ in collections.Counter(values).most_common()]
    if len(ranked) <= n:
        return ranked
    return [ranked[round(i * (len(ranked) - 1) / (n - 1))] for i in range(n)]


def main():
    binary, db = sys.argv[1], sys.argv[2]
    n_values = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    with running_server(binary, db) as base:
        print("| list | filter | values | requests | p50 ms | p99 ms | slowest values (p99 ms, matches in sample) |")
        print("|---|---|---:|---:|---:|---:|---|")
        for kind, param, field in KINDS:
            items = []
            for page in range(SAMPLE_PAGES):
                path = f"/{kind}?limit=500&offset={page * 500}"
                items += json.loads(get(base, path)[1]).get("items") or []
            seen = [it.get(field) for it in items if it.get(field)]
            counts = collections.Counter(seen)
            chosen = spread(seen, n_values)
            every, per_value = [], []
            for value in chosen:
                path = f"/{kind}?{param}={urllib.parse.quote(value)}"
                get(base, path)
                times = [get(base, path)[0] for _ in range(runs)]
                every += times
                per_value.append((percentile(times, 99), value))
            per_value.sort(reverse=True)
            slowest = "; ".join(f"{v} ({t * 1000:.1f}, {counts[v]})" for t, v in per_value[:3])
            print(f"| {kind} | `{param}` | {len(chosen)} | {len(every)} | "
                  f"{statistics.median(every) * 1000:.1f} | {percentile(every, 99) * 1000:.1f} | "
                  f"{slowest} |", flush=True)


if __name__ == "__main__":
    main()
