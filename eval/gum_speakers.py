#!/usr/bin/env python3
"""Who a speaker mention refers to, checked against GUM's coreference annotation: the names that
`storyline extract` gives its quotes' speakers, on text of many genres it was not written
against.

usage: gum_speakers.py GUM_DIR STORYLINE_BINARY WORK_DIR [--verbose]

GUM annotates no attributions, but it annotates every mention of every entity and which
mentions corefer. So for each quote of the records (any kind) whose `speaker_span` (the local
mention the cue attaches to: "he", "the senator", "Smith") is one of GUM's mentions (the one
that opens the span and is longest inside it), the name the engine resolved it to (`speaker`)
is compared with the names GUM's entity goes by (its named mentions, `gum.names`): it is right
when the last word of `speaker` is a word of one of them (case-insensitive: "Daniel Bernoulli"
for "Daniel Bernoulli FRS", "St Jerome" for an entity also named "Jerome"), or an acronym
spelled by the other's initials ("KCNA"). Mentions of entities GUM never names ("the
announcer") are counted apart: their speaker should stay a description. Prints counts by the
mention's
form (third person pronoun, first or second person pronoun: the writer or whoever a quotation
has speak, which the engine leaves as written; name; description) and the summary line
  gum-speakers: named N right R (x.xxx); third person ...; first or second person ...; ...
Each GUM file becomes a text file as gum_through_extract.py writes them."""
import collections, glob, json, os, re, subprocess, sys

from gum import brackets, document, names
from through_extract import _alignment

SPEAKERS = {'i', 'we', 'you', 'me', 'us', 'my', 'our', 'your'}
THIRD = {'he', 'she', 'they', 'it', 'him', 'her', 'them', 'who', 'which', 'that', 'his', 'its',
         'their'}
FORMS = ('third person', 'first or second person', 'name', 'description')


def acronym_of(name):
    """The lower-case initials of a name's capitalised words ("World Health Organization": who)."""
    return ''.join(w[0] for w in re.findall(r"\w+", name) if w[:1].isupper()).lower()


def words(s):
    return {w.lower() for w in re.findall(r"\w+", s or '')}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    verbose = '--verbose' in sys.argv
    if len(args) != 3:
        sys.exit(__doc__)
    src, binary, work = args
    files = sorted(glob.glob(os.path.join(src, '*.conllu')))
    texts, mentions, named = [], [], []
    for path in files:
        text, sents = document(path)
        ms, best, every = [], {}, collections.defaultdict(set)
        for ws, offs in sents:
            for a, b, ty, eid in brackets(ws):
                if offs[a] and offs[b - 1]:
                    ms.append((offs[a][0], offs[b - 1][1], eid))
            for a, b, _, eid in names(ws):
                if offs[a] and offs[b - 1]:
                    name = text[offs[a][0]:offs[b - 1][1]]
                    every[eid] |= words(name)
                    if len(name.split()) > len(best.get(eid, '').split()):
                        best[eid] = name
        texts.append(text)
        mentions.append(ms)
        named.append({eid: (name, every[eid]) for eid, name in best.items()})
    os.makedirs(work + '/docs', exist_ok=True)
    for d, text in enumerate(texts):
        with open(f'{work}/docs/{d:03d}.txt', 'w', encoding='utf-8') as f:
            f.write(text)
    out = subprocess.run([binary, 'extract', work + '/docs'], capture_output=True, text=True).stdout
    c = collections.Counter()
    for line in out.splitlines():
        r = json.loads(line)
        d = int(os.path.basename(r['source']).split('.')[0])
        t, doc = r['text'], texts[d]
        ct, ot, cmap = _alignment(t, doc)
        starts = [a for a, _ in ct]

        def to_doc(pos):
            i = max(0, next((k for k in range(len(starts) - 1, -1, -1) if starts[k] <= pos), 0))
            if i not in cmap:
                return None
            return ot[cmap[i]][0] + (pos - ct[i][0])

        for q in r.get('quotes') or []:
            ss = q.get('speaker_span')
            if not ss:
                continue
            c['with a mention'] += 1
            a, b = to_doc(ss[0]), to_doc(max(ss[0], ss[1] - 1))
            if a is None or b is None:
                c['unaligned'] += 1
                continue
            b += 1
            # The GUM mention that opens the speaker span and is the longest inside it ("Khaled
            # Al-Maeena, editor at large at the Saudi Gazette" is Al-Maeena), else the smallest
            # that holds the whole span ("he" inside "he himself").
            inside = [m for m in mentions[d] if a <= m[0] and m[1] <= b]
            around = [m for m in mentions[d] if m[0] <= a and b <= m[1]]
            pick = (min(inside, key=lambda m: (m[0], -m[1])) if inside else
                    min(around, key=lambda m: m[1] - m[0], default=None))
            if pick is None:
                c['not a mention'] += 1
                continue
            eid = pick[2]
            local = doc[a:b]
            low = local.lower() if local != local.upper() or len(local) < 2 else local
            form = ('third person' if low in THIRD else
                    'first or second person' if low in SPEAKERS else
                    'name' if local[:1].isupper() and not local.lower().startswith('the ') else
                    'description')
            gold = named[d].get(eid)
            if gold is None:
                c['unnamed entity'] += 1
                continue
            gold, known = gold
            got = [w.lower() for w in re.findall(r"\w+", q.get('speaker') or '')]
            # An acronym names what its initials spell ("KCNA", "Korean Central News Agency").
            initials = ''.join(w[0] for w in re.findall(r"\w+", q.get('speaker') or '')
                               if w[:1].isupper()).lower()
            ok = bool(got) and (got[-1] in known or len(initials) > 1 and initials in known
                                or got[-1] == acronym_of(gold))
            c['named'] += 1
            c['right'] += ok
            c[form + ' n'] += 1
            c[form + ' right'] += ok
            if verbose and not ok:
                print(f"{os.path.basename(files[d])}\t{form}\t{local!r}\tgold {gold!r}\tgot {q.get('speaker')!r}\t{q.get('kind')}\t{q.get('text', '')[:70]!r}")
    print('quotes with a speaker mention %d; unaligned %d; not a GUM mention %d; entity never named %d'
          % (c['with a mention'], c['unaligned'], c['not a mention'], c['unnamed entity']))
    parts = ['%s %d/%d' % (f, c[f + ' right'], c[f + ' n']) for f in FORMS]
    print('gum-speakers: named %d right %d (%.3f); %s' % (
        c['named'], c['right'], c['right'] / max(1, c['named']), '; '.join(parts)))


if __name__ == '__main__':
    main()
