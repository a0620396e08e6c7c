"""Reading GUM CoNLL-U files for the evaluation scripts: sentences and the entity mentions of
GUM's coreference annotation (the `Entity=` brackets of the MISC column)."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
TITLES = {l.strip() for l in open(os.path.join(HERE, '../crates/lexicon/data/titles.txt'),
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
    """GUM's entity mentions of a sentence from the `Entity=` brackets of its MISC column:
    (first word, end word, entity type, entity id)."""
    opened, found = [], []
    for i, (_, _, _, misc) in enumerate(words):
        value = next((f[7:] for f in misc.split('|') if f.startswith('Entity=')), None)
        while value:
            if value[0] == '(':
                body = value[1:]
                end = min([k for k in (body.find('('), body.find(')')) if k >= 0] or [len(body)])
                parts = body[:end].split('-'); value = body[end:]
                if value.startswith(')'):
                    found.append((i, i + 1, parts[1], parts[0])); value = value[1:]
                else:
                    opened.append((parts[0], i, parts[1]))
            else:
                end = value.find(')'); eid = value[:end]; value = value[end + 1:]
                for k in range(len(opened) - 1, -1, -1):
                    if opened[k][0] == eid:
                        _, start, ty = opened.pop(k); found.append((start, i + 1, ty, eid)); break
    return found


def document(path):
    """A GUM file as the text of a document and its sentences: the sentences as `# text =` gives
    them, paragraphs (`# newpar`) separated by blank lines; each sentence as (words, offsets),
    a word's offsets (start, end) in the text (`None` where its form is not found in order)."""
    text, sents = '', []
    for comments, words in sentences(path):
        sent = next((c.split('=', 1)[1].strip() for c in comments if c.startswith('# text =')), None)
        if sent is None: continue
        if text:
            text += '\n\n' if any(c.startswith('# newpar') for c in comments) else ' '
        base = len(text); text += sent
        offs, at = [], 0
        for form, _, _, _ in words:
            k = sent.find(form, at)
            offs.append((base + k, base + k + len(form)) if k >= 0 else None)
            if k >= 0: at = k + len(form)
        sents.append((words, offs))
    return text + '\n', sents


def names(words):
    """The named persons, places and organisations of a sentence: each mention whose head word is
    a proper noun, cut to the proper nouns and capitalised words around its head (TITLES of
    `TITLES.txt` left out), as (first word, end word, 'PER'|'LOC'|'ORG', entity id); nested
    names give way to the outer one."""
    spans = []
    for start, end, ty, eid in brackets(words):
        if ty not in KIND: continue
        head = next((k for k in range(start, end) if not (words[k][2] is not None and start <= words[k][2] < end)), None)
        if head is None or words[head][1] != 'PROPN': continue
        propn = lambda k: words[k][1] == 'PROPN' or (
            words[k][1] in ('ADJ', 'VERB', 'NOUN', 'NUM') and words[k][0][:1].isupper())
        a = head
        while a > start and propn(a - 1) and words[a - 1][0] not in TITLES: a -= 1
        if words[a][0] in TITLES and a < head: a += 1
        b = head + 1
        while True:
            if b < end and propn(b): b += 1
            elif b + 1 < end and words[b][0].lower() in JOINERS and propn(b + 1): b += 2
            else: break
        spans.append((a, b, KIND[ty], eid))
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept = []
    for s in spans:
        if not kept or s[0] >= kept[-1][1]: kept.append(s)
    return kept
