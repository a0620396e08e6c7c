#!/usr/bin/env python3
"""The whole `entities` stage on a CoNLL-2003 file, through `storyline extract`.

usage: conll_through_extract.py CONLL_FILE STORYLINE_BINARY WORK_DIR

Each -DOCSTART- document becomes a text file in WORK_DIR/docs (a sentence a line, tokens
joined by spaces); the records' entity mentions are mapped back onto the file's words (a word
alignment, since cleaning drops lines such as datelines and tables) and scored by exact span and
type for PER, ORG and LOC (PERSON, ORG, PLACE; MISC is not scored). The last lines printed are
the summary and how many missed mentions lie in text that cleaning removed. The format is not
news prose (a sentence a line, spaces around punctuation, sports tables), so this measures the
stage's rules on unfamiliar layout more than the learned tagger (scored alone by
`storyline train ner --eval`)."""
import json, os, subprocess, sys, collections, re, difflib
src, binary, work = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(work + '/docs', exist_ok=True)
docs = []; cur = None; sent = []
def flush_sent():
    global sent
    if sent: cur['sents'].append(sent); sent = []
for line in open(src, encoding='utf-8'):
    line = line.rstrip('\n')
    if line.startswith('-DOCSTART-'):
        flush_sent(); cur = {'sents': []}; docs.append(cur); continue
    if not line.strip():
        flush_sent(); continue
    parts = line.split(' ')
    sent.append((parts[0], parts[-1]))
flush_sent()
gold = set(); 
for d, doc in enumerate(docs):
    text = ''; toks = []
    for s in doc['sents']:
        for k, (w, tag) in enumerate(s):
            if k: text += ' '
            toks.append((len(text), len(text) + len(w), tag)); text += w
        text += '\n'
    doc['text'] = text; doc['toks'] = toks
    open(f'{work}/docs/{d:03d}.txt', 'w', encoding='utf-8').write(text)
    ent = None
    for i, (a, b, tag) in enumerate(toks + [(0, 0, 'O')]):
        if ent and not (tag.startswith('I-') and tag[2:] == ent[2]):
            if ent[2] != 'MISC': gold.add((d, ent[0], ent[1], ent[2]))
            ent = None
        if tag.startswith('B-') or (tag.startswith('I-') and ent is None):
            ent = [a, b, tag[2:]]
        elif tag.startswith('I-'):
            ent[1] = b
out = subprocess.run([binary, 'extract', work + '/docs'], capture_output=True, text=True).stdout
TY = {'PERSON': 'PER', 'ORG': 'ORG', 'PLACE': 'LOC'}
pred = set(); misaligned = 0
for line in out.splitlines():
    r = json.loads(line)
    d = int(os.path.basename(r['source']).split('.')[0])
    t = r['text']
    if t != docs[d]['text']:
        misaligned += 1
    ct = [(m.start(), m.end()) for m in re.finditer(r'\S+', t)]
    ot = [(m.start(), m.end()) for m in re.finditer(r'\S+', docs[d]['text'])]
    sm = difflib.SequenceMatcher(None, [t[a:b] for a, b in ct], [docs[d]['text'][a:b] for a, b in ot], autojunk=False)
    cmap = {}
    for bl in sm.get_matching_blocks():
        for k in range(bl.size): cmap[bl.a + k] = bl.b + k
    starts = {a: i for i, (a, b) in enumerate(ct)}; ends = {b: i for i, (a, b) in enumerate(ct)}
    import bisect
    cs = [a for a, b in ct]
    for e in r['entities']:
        for m in e['mentions']:
            i = bisect.bisect_right(cs, m[0]) - 1; j = bisect.bisect_right(cs, m[1] - 1) - 1
            if i in cmap and j in cmap:
                # sub-token offsets inside the whitespace token are kept relative
                a = ot[cmap[i]][0] + (m[0] - ct[i][0]); b = ot[cmap[j]][0] + (m[1] - ct[j][0])
                pred.add((d, a, b, TY[e['type']]))
tp = len(gold & pred)
p = tp / max(1, len(pred)); rc = tp / max(1, len(gold)); f = 2 * p * rc / max(1e-9, p + rc)
by = collections.Counter(); byg = collections.Counter(); byp = collections.Counter()
for g in gold: byg[g[3]] += 1
for x in pred: byp[x[3]] += 1
for x in gold & pred: by[x[3]] += 1
for t in ('PER', 'ORG', 'LOC'):
    pp = by[t] / max(1, byp[t]); rr = by[t] / max(1, byg[t])
    print(f'{t} P {pp:.3f} R {rr:.3f} F1 {2*pp*rr/max(1e-9,pp+rr):.3f} (gold {byg[t]})')
print(f'conll-dev-through-extract: P {p:.3f} R {rc:.3f} F1 {f:.3f} gold {len(gold)} pred {len(pred)} docs-with-changed-text {misaligned}')
# how many gold mentions fall in text that cleaning removed
covered = collections.Counter()
for line in out.splitlines():
    r = json.loads(line); d = int(os.path.basename(r['source']).split('.')[0])
    t = r['text']; ct = [t[m.start():m.end()] for m in re.finditer(r'\S+', t)]
    ot = [(m.start(), m.end()) for m in re.finditer(r'\S+', docs[d]['text'])]
    sm = difflib.SequenceMatcher(None, ct, [docs[d]['text'][a:b] for a, b in ot], autojunk=False)
    kept = set()
    for bl in sm.get_matching_blocks():
        for k in range(bl.size): kept.add(ot[bl.b + k][0])
    covered[d] = kept
miss_removed = sum(1 for g in gold - pred if g[1] not in covered.get(g[0], set()))
print('gold mentions missed', len(gold - pred), 'of which in removed text', miss_removed)
