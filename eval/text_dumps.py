"""Cleaning whole-page text dumps: the extraction benchmark's pages read as a reader copies them.

usage: python3 eval/text_dumps.py PAGES_DIR BINARY WORK [--verbose]

PAGES_DIR holds the `<id>.html.gz` pages of ../shared/bench/extraction. Each page is written to
WORK/txt/<id>.txt as the whole page's text (every block on a line of its own, list items
numbered "1. ", "2. " as page dumps number them; scripts, styles and forms left out), so menus,
footers, cookie notices and teasers stay in, as they do in scraped article text. The binary
extracts both the HTML pages (its DOM extraction and page metadata) and the dumps, and the
script reports, for the English pages, how often the dump's title, published date and outlet
agree with those read from the HTML, and how many entity names each gives (names found only in
the dump are mostly furniture that cleaning kept). The HTML side is a reference, not a gold
standard: an on-page headline may differ from the page's og:title, and the outlet from its
og:site_name. --verbose lists every disagreement. Python standard library only.
"""
import collections
import gzip
import html.parser
import json
import os
import re
import subprocess
import sys

SKIP = {'script', 'style', 'noscript', 'svg', 'head', 'template', 'iframe', 'select', 'button',
        'form'}
BLOCK = {'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'br', 'tr', 'section', 'article',
         'header', 'footer', 'nav', 'ul', 'ol', 'figure', 'figcaption', 'blockquote', 'table',
         'aside', 'main', 'dd', 'dt', 'hr', 'time'}


class Dump(html.parser.HTMLParser):
    """The page's text, a line per block, list items numbered."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip, self.lists = [], 0, []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
            return
        if tag in ('ul', 'ol'):
            self.lists.append(0)
        if tag in BLOCK:
            self.out.append('\n')
        if tag == 'li' and self.lists:
            self.lists[-1] += 1
            self.out.append('  ' * (len(self.lists) - 1) + f'{self.lists[-1]}. ')

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag in ('ul', 'ol') and self.lists:
            self.lists.pop()
        if tag in BLOCK:
            self.out.append('\n')

    def handle_data(self, data):
        if not self.skip:
            self.out.append(re.sub(r'\s+', ' ', data))


def dump(page):
    d = Dump()
    d.feed(page)
    lines, out, blank = [l.strip() for l in ''.join(d.out).split('\n')], [], False
    for line in lines:
        if not line:
            blank = True
            continue
        if out and blank:
            out.append('')
        out.append(line)
        blank = False
    return '\n'.join(out) + '\n'


def extract(binary, paths):
    out = subprocess.run([binary, 'extract', *paths], capture_output=True, text=True).stdout
    recs = (json.loads(l) for l in out.splitlines() if l.strip())
    return {os.path.basename(r['source']).split('.')[0]: r for r in recs}


def norm(value, field):
    if value and field == 'published':
        value = str(value)[:10]
    return re.sub(r'\W+', ' ', (value or '').lower()).strip()


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if len(args) != 3:
        sys.exit(__doc__)
    pages_dir, binary, work = args
    verbose = '--verbose' in sys.argv
    pages = sorted(f for f in os.listdir(pages_dir) if f.endswith('.html.gz'))
    os.makedirs(f'{work}/txt', exist_ok=True)
    for f in pages:
        with gzip.open(os.path.join(pages_dir, f), 'rt', errors='replace') as src:
            text = dump(src.read())
        with open(f'{work}/txt/{f[:-8]}.txt', 'w', encoding='utf-8') as dst:
            dst.write(text)
    from_html = extract(binary, [os.path.join(pages_dir, f) for f in pages])
    from_text = extract(binary, [f'{work}/txt'])
    c = collections.Counter()
    for key, h in sorted(from_html.items()):
        t = from_text.get(key)
        if t is None or h.get('language') not in (None, 'en'):
            continue
        c['pages'] += 1
        for field in ('title', 'published', 'outlet'):
            same = norm(h.get(field), field) == norm(t.get(field), field)
            c[field] += same
            if verbose and not same:
                print(f'{key[:8]} {field}: html {h.get(field)!r} text {t.get(field)!r}')
        names_h = {e['name'] for e in h['entities']}
        names_t = {e['name'] for e in t['entities']}
        c['names html'] += len(names_h)
        c['names text'] += len(names_t)
        c['names both'] += len(names_h & names_t)
    n = c['pages']
    print(f"text-dumps: pages {n} title {c['title']} published {c['published']} "
          f"outlet {c['outlet']} (agreeing with the HTML) names html {c['names html']} "
          f"text {c['names text']} both {c['names both']}")


if __name__ == '__main__':
    main()
