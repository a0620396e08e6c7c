#!/usr/bin/env bash
# Throughput of storyline against the spaCy anchor, in the same session, both pinned to one core.
# usage: scripts/bench-vs-anchor.sh [CORPUS_DIR] [REPEAT]
# Needs the anchor installed: ANCHOR_VENV=/tmp/anchor-venv bash ../shared/anchors/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-examples/seeds}"
repeat="${2:-40}"
venv="${ANCHOR_VENV:-/tmp/anchor-venv}"
anchors="${ANCHORS:-../shared/anchors}"
cargo build --release -q
ours=$(taskset -c 0 target/release/storyline bench "$corpus" --repeat "$((repeat * 10))")
echo "$ours"
theirs=$(taskset -c 0 "$venv/bin/python" "$anchors/spacy_speed.py" "$corpus" "$repeat")
echo "$theirs"
a=$(echo "$ours" | head -1 | sed -E 's/.* = ([0-9]+) words\/s.*/\1/')
b=$(echo "$theirs" | sed -E 's/.* = ([0-9,]+) words\/s.*/\1/' | tr -d ,)
python3 -c "print(f'ratio: storyline / anchor = {$a / $b:.1f}x words/s')"
