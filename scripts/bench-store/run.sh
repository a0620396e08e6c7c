#!/usr/bin/env bash
# Store benchmark: builds a synthetic corpus of N articles, ingests it with the release binary
# on two cores, then times every query kind, and prints a summary table (Markdown).
#
# usage: scripts/bench-store/run.sh N [WORK_DIR]
#   N         articles to generate (e.g. 10000, 100000)
#   WORK_DIR  where the corpus, database and logs go (default: /tmp/storyline-bench-N)
# environment:
#   RUNS=20          runs per query kind (the first, cold-cache run is not counted)
#   BUDGET_SECS=120  stop a query kind early once its runs took this long (at least 3 runs)
#   THREADS=2        ingest worker threads
#   SEED=1           corpus seed
#   CARGO_TARGET_DIR where cargo builds (default: ./target)
#   DB               a postgres:// URL of an empty database: benchmark PostgreSQL, not SQLite
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
n="${1:?usage: run.sh N [WORK_DIR]}"
work="${2:-/tmp/storyline-bench-$n}"
target="${CARGO_TARGET_DIR:-$repo/target}"
export RUNS="${RUNS:-20}" BUDGET_SECS="${BUDGET_SECS:-120}" THREADS="${THREADS:-2}"
seed="${SEED:-1}"

cd "$repo"
cargo build --release -q --bin storyline
cargo build --release -q -p storyline-analyse --example synth
bin="$target/release/storyline"
synth="$target/release/examples/synth"

rm -rf "$work"
mkdir -p "$work/corpus"
# Shards of 10,000 lines keep each input file far below ingest's per-file size limit.
start=$(date +%s.%N)
"$synth" "$n" "$seed" 2>"$work/probe.txt" |
    split -l 10000 -d -a 4 --additional-suffix=.jsonl - "$work/corpus/part-"
end=$(date +%s.%N)
echo "generated $n articles in $(python3 -c "print(f'{$end - $start:.1f}')")s: $(du -sh "$work/corpus" | cut -f1)" >&2

exec python3 "$here/bench.py" "$bin" "$work" "$n"
