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

from gum import document, names
from through_extract import score

src, binary, work = sys.argv[1], sys.argv[2], sys.argv[3]
genres = sys.argv[4:]


texts, gold = [], set()
files = sorted(glob.glob(os.path.join(src, '*.conllu')))
if genres:
    files = [f for f in files if os.path.basename(f).split('_')[1] in genres]
for path in files:
    d = len(texts)
    text, sents = document(path)
    for words, offs in sents:
        for a, b, kind, _ in names(words):
            if offs[a] and offs[b - 1]:
                gold.add((d, offs[a][0], offs[b - 1][1], kind))
    texts.append(text)
score(binary, work, texts, gold, 'gum-dev' if not genres else 'gum-dev-' + '-'.join(genres))
