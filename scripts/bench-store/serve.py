#!/usr/bin/env python3
"""Latency of `storyline serve`'s JSON API on a stored corpus: p50/p99 per endpoint.

usage: serve.py STORYLINE_BINARY DB WORK_DIR [RUNS]

Starts `storyline serve --db DB` on a free loopback port, waits for /api/v1/health to answer
and to report the corpus analysis ready, asks each per-item endpoint RUNS times (default 100;
one warm-up call first, not counted), one request at a time over a fresh connection, and prints
a Markdown table. Query arguments come from the generator's probe line in WORK_DIR/probe.txt
(see run.sh), as in bench.py.
"""
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(base, path):
    started = time.perf_counter()
    with urllib.request.urlopen(base + path, timeout=60) as r:
        body = r.read()
    return time.perf_counter() - started, body


def percentile(times, p):
    ordered = sorted(times)
    return ordered[max(0, min(len(ordered) - 1, -(-p * len(ordered) // 100) - 1))]


@contextlib.contextmanager
def running_server(binary, db):
    """`storyline serve --db DB` on a free loopback port, answering: yields its API's base URL
    and stops it afterwards."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/api/v1"
    server = subprocess.Popen([binary, "serve", "--db", db, "--addr", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                get(base, "/health")
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    binary, db, work = sys.argv[1], sys.argv[2], sys.argv[3]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    with open(os.path.join(work, "probe.txt"), encoding="utf-8") as f:
        probe = next(dict(kv.split("=", 1) for kv in line.rstrip("\n").split("\t")[1:])
                     for line in f if line.startswith("probe\t"))
    with running_server(binary, db) as base:
        # The server analyses the corpus in the background when it starts; wait for it (up to
        # 30 minutes) so that the latencies are those of a server at rest, not of one sharing
        # its cores with that computation.
        waited = time.perf_counter()
        while json.loads(get(base, "/health")[1]).get("analysis") != "ready":
            if time.perf_counter() - waited > 1800:
                sys.exit("the server's corpus analysis did not finish in 30 minutes")
            time.sleep(1)
        print(f"(corpus analysis ready after {time.perf_counter() - waited:.0f} s)", file=sys.stderr)
        _, body = get(base, "/articles?limit=1")
        first = json.loads(body)
        items = first.get("items") or []
        top = items[0] if items else {}
        # An item names its article by id, either at the top or as its "article" field.
        nested = top.get("article")
        article = top.get("id") or (nested.get("id") if isinstance(nested, dict) else nested) or "none"
        stories = json.loads(get(base, "/stories?limit=1")[1]).get("items") or [{}]
        story = stories[0].get("id") or "none"
        q = urllib.parse.quote
        paths = [
            ("health", "/health"),
            ("stats", "/stats"),
            ("articles, page of 50", "/articles?limit=50"),
            ("article by id", f"/articles/{q(article)}"),
            ("entity by name", f"/entities/{q(probe['person'])}"),
            ("quotes by speaker", f"/quotes?speaker={q(probe['surname'])}"),
            ("claims by noun", f"/claims?noun={q(probe['noun'])}"),
            ("events by actor", f"/events?actor={q(probe['surname'])}"),
            ("search (rare word)", f"/search?q={q(probe['word'])}"),
            ("search (common words)", "/search?q=workers+pay"),
            # Corpus-wide answers, from the server's snapshot of the corpus analysis.
            ("stories, page of 50", "/stories?limit=50"),
            ("story by id", f"/stories/{q(story)}"),
            ("disagreements, page of 50", "/disagreements?limit=50"),
            ("entities, page of 50", "/entities?limit=50"),
        ]
        pages = [("story page (HTML)", f"/stories/{q(story)}")]
        print("| endpoint | path | runs | p50 ms | p99 ms | bytes |")
        print("|---|---|---:|---:|---:|---:|")
        root = base.removesuffix("/api/v1")
        for at, (name, path) in [(base, p) for p in paths] + [(root, p) for p in pages]:
            _, body = get(at, path)
            times = [get(at, path)[0] for _ in range(runs)]
            shown = path if at == root else f"/api/v1{path}"
            print(f"| {name} | `{shown}` | {runs} | {statistics.median(times) * 1000:.1f} | "
                  f"{percentile(times, 99) * 1000:.1f} | {len(body):,} |", flush=True)


if __name__ == "__main__":
    main()
