"""Scoring entity mentions of `storyline extract` against gold mentions of documents written out
as text files: used by conll_through_extract.py and gum_through_extract.py.

`score(binary, work, texts, gold, label)`: `texts[d]` is written to WORK/docs/NNN.txt, the binary
extracts that folder, each record's mentions are mapped back onto the document's whitespace
words (a word alignment, since cleaning may drop or change lines) and compared by exact span and
type with `gold`, a set of (doc, start, end, 'PER'|'ORG'|'LOC'). Prints per-kind P/R/F1, the
summary line `LABEL-through-extract: P R F1 ...`, and how many missed mentions lie in text that
cleaning removed."""
import bisect, collections, difflib, json, os, re, subprocess

TY = {'PERSON': 'PER', 'ORG': 'ORG', 'PLACE': 'LOC'}


def _words(text):
    return [(m.start(), m.end()) for m in re.finditer(r'\S+', text)]


def _alignment(record_text, doc_text):
    """Maps record word indices to document word indices (matching blocks only)."""
    ct, ot = _words(record_text), _words(doc_text)
    sm = difflib.SequenceMatcher(None, [record_text[a:b] for a, b in ct],
                                 [doc_text[a:b] for a, b in ot], autojunk=False)
    cmap = {}
    for bl in sm.get_matching_blocks():
        for k in range(bl.size):
            cmap[bl.a + k] = bl.b + k
    return ct, ot, cmap


def score(binary, work, texts, gold, label):
    os.makedirs(work + '/docs', exist_ok=True)
    for d, text in enumerate(texts):
        with open(f'{work}/docs/{d:03d}.txt', 'w', encoding='utf-8') as f:
            f.write(text)
    out = subprocess.run([binary, 'extract', work + '/docs'], capture_output=True, text=True).stdout
    pred = set(); misaligned = 0; kept = {}
    for line in out.splitlines():
        r = json.loads(line)
        d = int(os.path.basename(r['source']).split('.')[0])
        t = r['text']
        misaligned += t != texts[d]
        ct, ot, cmap = _alignment(t, texts[d])
        kept[d] = {ot[j][0] for j in cmap.values()}
        cs = [a for a, _ in ct]
        for e in r['entities']:
            for m in e['mentions']:
                i = bisect.bisect_right(cs, m[0]) - 1; j = bisect.bisect_right(cs, m[1] - 1) - 1
                if i in cmap and j in cmap:
                    # offsets inside a whitespace word stay relative to it
                    a = ot[cmap[i]][0] + (m[0] - ct[i][0]); b = ot[cmap[j]][0] + (m[1] - ct[j][0])
                    pred.add((d, a, b, TY[e['type']]))
    tp = len(gold & pred)
    p = tp / max(1, len(pred)); rc = tp / max(1, len(gold)); f = 2 * p * rc / max(1e-9, p + rc)
    by, byg, byp = collections.Counter(), collections.Counter(), collections.Counter()
    for g in gold: byg[g[3]] += 1
    for x in pred: byp[x[3]] += 1
    for x in gold & pred: by[x[3]] += 1
    for t in ('PER', 'ORG', 'LOC'):
        pp = by[t] / max(1, byp[t]); rr = by[t] / max(1, byg[t])
        print(f'{t} P {pp:.3f} R {rr:.3f} F1 {2*pp*rr/max(1e-9,pp+rr):.3f} (gold {byg[t]})')
    print(f'{label}-through-extract: P {p:.3f} R {rc:.3f} F1 {f:.3f} gold {len(gold)} pred {len(pred)} '
          f'docs-with-changed-text {misaligned}')
    miss_removed = sum(1 for g in gold - pred if g[1] not in kept.get(g[0], set()))
    print('gold mentions missed', len(gold - pred), 'of which in removed text', miss_removed)
    return pred
