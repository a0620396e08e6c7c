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
import sys

from through_extract import score

src, binary, work = sys.argv[1], sys.argv[2], sys.argv[3]
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
    ent = None
    for i, (a, b, tag) in enumerate(toks + [(0, 0, 'O')]):
        if ent and not (tag.startswith('I-') and tag[2:] == ent[2]):
            if ent[2] != 'MISC': gold.add((d, ent[0], ent[1], ent[2]))
            ent = None
        if tag.startswith('B-') or (tag.startswith('I-') and ent is None):
            ent = [a, b, tag[2:]]
        elif tag.startswith('I-'):
            ent[1] = b
score(binary, work, [doc['text'] for doc in docs], gold, 'conll-dev')
