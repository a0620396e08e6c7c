"""Extraction benchmark in two halves, for figures on pages the rules were not written against.

The benchmark's dev split (../shared/bench/extraction, 121 pages) is all this session can see;
its held-out pages are kept elsewhere. This script splits the dev pages by a fixed rule (sort
the ids; even positions are the tuning half, odd positions the check half), writes each half's
ground truth, and turns `storyline extract` records into the `{id, text}` predictions that the
benchmark's score.py reads.

Usage:
    python3 eval/extraction_halves.py split GROUND_TRUTH.json OUT_DIR
        writes OUT_DIR/gt-tune.json (61 pages) and OUT_DIR/gt-check.json (60 pages)
    python3 eval/extraction_halves.py predictions RECORDS.jsonl > PREDICTIONS.jsonl
        one {id, text} line per page record (id = the page file's name without .html.gz)
"""

import json
import os
import sys


def split(truth_path, out_dir):
    with open(truth_path, encoding="utf-8") as f:
        truth = json.load(f)
    ids = sorted(truth)
    halves = {"gt-tune.json": ids[0::2], "gt-check.json": ids[1::2]}
    os.makedirs(out_dir, exist_ok=True)
    for name, chosen in halves.items():
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            json.dump({i: truth[i] for i in chosen}, f)
        print(f"{name}: {len(chosen)} pages")


def predictions(records_path):
    seen = set()
    with open(records_path, encoding="utf-8") as f:
        for line in f:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            name = os.path.basename(record.get("source") or "")
            if not name.endswith(".html.gz"):
                continue
            page = name[: -len(".html.gz")]
            if page in seen:
                continue
            seen.add(page)
            print(json.dumps({"id": page, "text": record.get("text", "")}))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "split":
        split(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "predictions":
        predictions(sys.argv[2])
    else:
        sys.exit(__doc__)
