#!/usr/bin/env python3
"""Times ingest and every query kind of the storyline binary on a generated corpus.

usage: bench.py STORYLINE_BIN WORK_DIR N   (run.sh builds the binary and the corpus first)

Prints a Markdown summary on stdout and writes it, with the raw timings, to
WORK_DIR/summary.md and WORK_DIR/results.json. Latencies are wall-clock times of whole
processes (start, open the database, query, print to /dev/null); p99 is the nearest-rank
99th percentile, which for 20 runs is the slowest run.
"""

import json
import math
import os
import re
import statistics
import subprocess
import sys
import time


def env_int(name, default):
    return int(os.environ.get(name, default))


def run(cmd, quiet=False):
    """Runs cmd, returns (seconds, completed process); fails loudly on a non-zero exit.
    quiet sends stdout to /dev/null, as a timed query run should."""
    start = time.perf_counter()
    out = subprocess.DEVNULL if quiet else subprocess.PIPE
    proc = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, text=True)
    secs = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    return secs, proc


def percentile(values, p):
    """Nearest-rank percentile."""
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]


def human(num_bytes):
    """1234567 -> '1.2 MB'."""
    for unit, size in (("MB", 1e6), ("kB", 1e3)):
        if num_bytes >= size:
            return f"{num_bytes / size:.1f} {unit}"
    return f"{num_bytes} B"


def probe(work):
    """Query arguments the generator printed: names that occur in the corpus."""
    with open(os.path.join(work, "probe.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("probe\t"):
                return dict(kv.split("=", 1) for kv in line.rstrip("\n").split("\t")[1:])
    sys.exit("no probe line from the generator")


def main():
    binary, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    runs, budget, threads = env_int("RUNS", 20), env_int("BUDGET_SECS", 120), env_int("THREADS", 2)
    # DB: a postgres:// URL of an empty database to benchmark PostgreSQL instead of SQLite.
    db = os.environ.get("DB") or os.path.join(work, "bench.db")
    p = probe(work)
    load_before = os.getloadavg()

    # Ingest, on `threads` cores.
    ingest_secs, proc = run([binary, "ingest", os.path.join(work, "corpus"), "--db", db, "-j", str(threads)])
    m = re.search(r"(\d+) read, (\d+) new, (\d+) duplicates, (\d+) revisions, (\d+) failed", proc.stdout)
    num_read, num_new, num_dup, num_rev, num_failed = (int(x) for x in m.groups()) if m else (n, 0, 0, 0, 0)
    m = re.search(r"in ([0-9.]+)s \(", proc.stdout)
    store_secs = float(m.group(1)) if m else ingest_secs
    m = re.search(r"analysis of the corpus updated in ([0-9.]+)s", proc.stdout)
    analysis_secs = float(m.group(1)) if m else 0.0
    if db.startswith("postgres"):
        size = subprocess.run(["psql", db, "-Atc", "SELECT pg_database_size(current_database())"],
                              capture_output=True, text=True, check=True)
        db_bytes = int(size.stdout.strip())
    else:
        db_bytes = sum(os.path.getsize(db + ext) for ext in ("", "-wal") if os.path.exists(db + ext))
    words = 0
    for name in os.listdir(os.path.join(work, "corpus")):
        with open(os.path.join(work, "corpus", name), encoding="utf-8") as f:
            for line in f:
                words += len(json.loads(line)["text"].split())

    # Counts and the clustering breakdown.
    _, proc = run([binary, "stats", "--db", db, "--format", "json", "--timings"])
    stats = json.loads(proc.stdout)
    timings = dict(
        (k.strip(), float(v))
        for k, v in re.findall(r"([a-z ]+) ([0-9.]+)s", proc.stderr.split("timings:", 1)[-1])
    )

    q = ["--db", db]
    kinds = [
        ("stats", ["stats", *q, "--format", "json"]),
        ("search (rare word)", ["search", p["word"], *q, "--format", "json"]),
        ("search (common words)", ["search", "workers", "pay", *q, "--format", "json"]),
        ("entity", ["entity", p["person"], *q, "--format", "json"]),
        ("quotes --speaker", ["quotes", "--speaker", p["surname"], *q, "--format", "json"]),
        ("claims --noun", ["claims", "--noun", p["noun"], "--limit", "100", *q, "--format", "json"]),
        ("events --actor", ["events", "--actor", p["surname"], *q, "--format", "json"]),
        ("disagreements", ["disagreements", *q, "--format", "json"]),
        ("stories", ["stories", *q, "--format", "json"]),
        ("timeline --entity", ["timeline", "--entity", p["person"], *q, "--format", "json"]),
        ("report", ["report", *q, "--format", "md"]),
    ]
    latencies = {}
    for name, args in kinds:
        _, proc = run([binary, *args])  # warm-up: page cache, not counted
        num_bytes = len(proc.stdout.encode())
        times = []
        while len(times) < runs and (len(times) < 3 or sum(times) < budget):
            secs, _ = run([binary, *args], quiet=True)
            times.append(secs)
        latencies[name] = {"runs": len(times), "p50": statistics.median(times),
                           "p99": percentile(times, 99), "output_bytes": num_bytes,
                           "command": "storyline " + " ".join(a if a != db else "DB" for a in args),
                           "times": times}
        print(f"  {name}: p50 {latencies[name]['p50']:.3f}s over {len(times)} runs", file=sys.stderr)
    load_after = os.getloadavg()

    lines = [
        f"### {n:,} articles",
        "",
        f"- corpus: {n:,} articles, {words:,} words ({words / n:.0f} per article); "
        f"ingest read {num_read:,}, stored {num_new:,} new + {num_rev:,} revisions, "
        f"{num_dup:,} duplicates, {num_failed} failed",
        f"- ingest on {threads} threads: {store_secs:.1f} s = **{num_read / store_secs:,.0f} articles/s** "
        f"({words / store_secs:,.0f} words/s), then the analysis of the corpus, stored: "
        f"{analysis_secs:.1f} s (whole command {ingest_secs:.1f} s)",
        f"- database: {db_bytes / 1e6:,.1f} MB = **{db_bytes / max(1, stats['articles']) / 1024:.1f} KiB per article**",
        f"- stored: {stats}",
        "- clustering (`stats --timings`): "
        + ", ".join(f"{k} {v:.2f} s" for k, v in timings.items()),
        f"- load average (1 min) before/after: {load_before[0]:.1f} / {load_after[0]:.1f}",
        "",
        "| query | command | runs | p50 (s) | p99 (s) | output |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for name, l in latencies.items():
        lines.append(f"| {name} | `{l['command']}` | {l['runs']} | {l['p50']:.3f} | {l['p99']:.3f} | "
                     f"{human(l['output_bytes'])} |")
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(work, "summary.md"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(work, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"n": n, "words": words, "ingest_secs": ingest_secs, "store_secs": store_secs,
                   "analysis_secs": analysis_secs, "db_bytes": db_bytes,
                   "stats": stats, "timings": timings, "latencies": latencies,
                   "load": [load_before, load_after]}, f, indent=1)


if __name__ == "__main__":
    main()
