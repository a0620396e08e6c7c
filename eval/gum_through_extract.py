#!/usr/bin/env python3
"""The whole `entities` stage on GUM documents (modern text of many genres), through
`storyline extract`: a check of how the product's entities carry beyond the news it was built on.

usage: gum_through_extract.py GUM_DIR STORYLINE_BINARY WORK_DIR [GENRE...]

Each GUM CoNLL-U file in GUM_DIR (only those of the given genres, e.g. `news interview`, when
any are named) becomes a text file: its sentences as `# text =` gives them, paragraphs
(`# newpar`) separated by blank lines. Gold mentions are GUM's named persons, places and
organisations as `crates/ner/src/gum.rs` reads them (a mention whose head word is a proper noun,
cut to the proper nouns and capitalised words around its head, titles of `titles.txt` left out; a gazetteer
country typed organisation is not checked here and stays ORG); they are then scored as
conll_through_extract.py scores CoNLL-2003 (through_extract.py). GUM's conventions are not the
record's (it leaves names inside non-named phrases unmarked), so read the figure as a trend."""
import glob, os, sys

from through_extract import score

src, binary, work = sys.argv[1], sys.argv[2], sys.argv[3]
genres = sys.argv[4:]
here = os.path.dirname(os.path.abspath(__file__))
titles = {l.strip() for l in open(os.path.join(here, '../crates/lexicon/data/titles.txt'),
                                  encoding='utf-8') if l.strip() and not l.startswith('#')}
JOINERS = {'of', 'and', '&', 'for', 'de', 'the'}
KIND = {'person': 'PER', 'place': 'LOC', 'organization': 'ORG'}


def sentences(path):
    """(comments, words) per sentence; a word is (form, upos, head index or None, misc)."""
    out, comments, words = [], [], []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line:
            if words: out.append((comments, words))
            comments, words = [], []
        elif line.startswith('#'):
            comments.append(line)
        else:
            c = line.split('\t')
            if '-' in c[0] or '.' in c[0]:
                continue
            words.append((c[1], c[3], int(c[6]) - 1 if c[6] not in ('0', '_') else None, c[9]))
    if words: out.append((comments, words))
    return out


def brackets(words):
    opened, found = [], []
    for i, (_, _, _, misc) in enumerate(words):
        value = next((f[7:] for f in misc.split('|') if f.startswith('Entity=')), None)
        while value:
            if value[0] == '(':
                body = value[1:]
                end = min([k for k in (body.find('('), body.find(')')) if k >= 0] or [len(body)])
                parts = body[:end].split('-'); value = body[end:]
                if value.startswith(')'):
                    found.append((i, i + 1, parts[1])); value = value[1:]
                else:
                    opened.append((parts[0], i, parts[1]))
            else:
                end = value.find(')'); eid = value[:end]; value = value[end + 1:]
                for k in range(len(opened) - 1, -1, -1):
                    if opened[k][0] == eid:
                        _, start, ty = opened.pop(k); found.append((start, i + 1, ty)); break
    return found


def names(words):
    spans = []
    for start, end, ty in brackets(words):
        if ty not in KIND: continue
        head = next((k for k in range(start, end) if not (words[k][2] is not None and start <= words[k][2] < end)), None)
        if head is None or words[head][1] != 'PROPN': continue
        propn = lambda k: words[k][1] == 'PROPN' or (
            words[k][1] in ('ADJ', 'VERB', 'NOUN', 'NUM') and words[k][0][:1].isupper())
        a = head
        while a > start and propn(a - 1) and words[a - 1][0] not in titles: a -= 1
        if words[a][0] in titles and a < head: a += 1
        b = head + 1
        while True:
            if b < end and propn(b): b += 1
            elif b + 1 < end and words[b][0].lower() in JOINERS and propn(b + 1): b += 2
            else: break
        spans.append((a, b, KIND[ty]))
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept = []
    for s in spans:
        if not kept or s[0] >= kept[-1][1]: kept.append(s)
    return kept


texts, gold = [], set()
files = sorted(glob.glob(os.path.join(src, '*.conllu')))
if genres:
    files = [f for f in files if os.path.basename(f).split('_')[1] in genres]
for path in files:
    d = len(texts); text = ''
    for comments, words in sentences(path):
        sent = next((c.split('=', 1)[1].strip() for c in comments if c.startswith('# text =')), None)
        if sent is None: continue
        if text:
            text += '\n\n' if any(c.startswith('# newpar') for c in comments) else ' '
        base = len(text); text += sent
        # word offsets: each form found in order in the sentence text
        offs, at = [], 0
        for form, _, _, _ in words:
            k = sent.find(form, at)
            offs.append((base + k, base + k + len(form)) if k >= 0 else None)
            if k >= 0: at = k + len(form)
        for a, b, kind in names(words):
            if offs[a] and offs[b - 1]:
                gold.add((d, offs[a][0], offs[b - 1][1], kind))
    texts.append(text + '\n')
score(binary, work, texts, gold, 'gum-dev' if not genres else 'gum-dev-' + '-'.join(genres))
