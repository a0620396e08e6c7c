//! Names from the learned tagger (`storyline-ner`), merged with the rules' pieces: a piece
//! the rules could not type takes the tagger's type when the tagger found the same span,
//! as does a piece the rules called a person by shape alone, unless the tagger calls it an
//! organisation; a name the tagger found where
//! the rules saw no candidate at all becomes a piece of its own. Where the rules decided on
//! evidence (a gazetteer, a title, context, or "not a name"), the rules' decision stands, but
//! for a town that is also a given name standing as a subject, which the tagger may call a
//! person ("Mary has provided a preface"), and for a town or region in sports copy, which it
//! may call a club ("Somerset 388 and 210").

use storyline_lexicon::{capitalised, Lexicon, PlaceKind};
use storyline_ner::labels::Kind;
use storyline_ner::{DocumentMemory, NerWord};
use storyline_record::{EntityType, Span, Token};
use storyline_syntax::form::push_model_form;

use crate::chunks::{is_korean_given_name, is_particle, piece, Known, Piece, Shape};
use crate::context::Context;
use crate::lines::LineFlags;
use crate::typing::Guess;
use crate::words::Word;

/// The tagger's mentions of persons, organisations and places in `text`, sentence by
/// sentence of the token layer (`tokens`, in order), as byte spans with their type.
pub(crate) fn tagged(text: &str, tokens: &[Token]) -> Vec<(Span, EntityType)> {
    let tagger = storyline_ner::shipped();
    let mut memory = DocumentMemory::new();
    let mut forms = String::new();
    let mut bounds = Vec::new();
    let mut out = Vec::new();
    let mut start = 0;
    while start < tokens.len() {
        let sentence = tokens[start].sentence;
        let end = start
            + tokens[start..]
                .iter()
                .take_while(|t| t.sentence == sentence)
                .count();
        forms.clear();
        bounds.clear();
        for t in &tokens[start..end] {
            let at = forms.len();
            push_model_form(text.get(t.span.range()).unwrap_or(""), &mut forms);
            bounds.push((at, forms.len()));
        }
        let words: Vec<NerWord> = bounds
            .iter()
            .zip(&tokens[start..end])
            .map(|(&(a, b), t)| NerWord {
                form: &forms[a..b],
                upos: t.upos,
            })
            .collect();
        for m in tagger.tag(&words, &mut memory) {
            let kind = match m.kind {
                Kind::Person => EntityType::Person,
                Kind::Org => EntityType::Org,
                Kind::Place => EntityType::Place,
                Kind::Misc => continue,
            };
            let (a, b) = (&tokens[start + m.start], &tokens[start + m.end - 1]);
            out.push((
                Span::new(a.span.start(), b.span.end().max(a.span.start())),
                kind,
            ));
        }
        start = end;
    }
    out
}

/// Whether the rules called piece `p` a person only by its shape (two or more capitalised
/// words, no gazetteer, no title, no given name first): the default the tagger may correct
/// ("Jarrah Holdings" is no person).
fn weak_person(p: &Piece, words: &[Word<'_>], lex: &Lexicon) -> bool {
    shape_person(p)
        && words
            .get(p.first)
            .is_some_and(|w| !lex.is_given_name(w.text))
}

/// Whether the rules called piece `p` a person by its shape of two or more capitalised words
/// alone (no gazetteer, no title).
fn shape_person(p: &Piece) -> bool {
    p.known.is_none() && !p.titled && p.shape == Shape::Plain && p.end - p.first >= 2
}

/// Whether a word of piece `p` is a place the gazetteer knows.
fn holds_place(p: &Piece, words: &[Word<'_>], lex: &Lexicon) -> bool {
    words
        .get(p.first..p.end)
        .is_some_and(|ws| ws.iter().any(|w| lex.place(w.text).is_some()))
}

/// Whether piece `p` is a place and a plural, the shape of a team's name ("Cleveland
/// Indians", "Texas Rangers").
fn team(p: &Piece, words: &[Word<'_>], lex: &Lexicon) -> bool {
    let plural = |w: &str| w.ends_with('s') && !w.ends_with("ss");
    words
        .get(p.first)
        .is_some_and(|w| lex.place(w.text).is_some())
        && words.get(p.end - 1).is_some_and(|w| plural(w.text))
}

/// Whether piece `p` is one word that the gazetteer knows as a town or a site and the
/// lexicon as a given name ("Mary" is also a city of Turkmenistan, "Florence" one of Italy),
/// standing as the subject of a clause: there the tagger's reading of the context decides
/// ("Mary has provided a preface"); after a preposition or in a list the place stands ("in
/// Denver", "Nashville, Toronto, Denver"), as do countries, regions and larger places
/// ("Georgia", "Jordan").
fn town_or_given_name(p: &Piece, words: &[Word<'_>], lex: &Lexicon) -> bool {
    matches!(place_kind(p), Some(PlaceKind::City | PlaceKind::Site))
        && p.end == p.first + 1
        && words
            .get(p.first)
            .is_some_and(|w| w.subject && lex.is_given_name(w.text))
}

/// Whether piece `p` is a town or a region the gazetteer knows, outside a dateline: in
/// sports copy the tagger tells a club named after one ("Somerset 388", "Cleveland's defense")
/// from the place ("played in Cleveland").
fn town_or_county(p: &Piece) -> bool {
    !p.dateline && matches!(place_kind(p), Some(PlaceKind::City | PlaceKind::Region))
}

/// The kind of place the gazetteer knows piece `p` as, if it does.
fn place_kind(p: &Piece) -> Option<PlaceKind> {
    match p.known {
        Some(Known::Place(place)) => Some(place.kind),
        _ => None,
    }
}

/// Merges the tagger's mentions (`tagged`, in text order) into the rules' typed pieces (in
/// text order); keeps text order. Skipped lines (credit lines) get nothing. On headlines in
/// capitals, where the rules drop what the gazetteers do not know, the tagger, which learnt
/// such lines, names what the rules dropped.
pub(crate) fn merge(
    typed: &mut Vec<(Piece, Guess)>,
    tagged: &[(Span, EntityType)],
    words: &[Word<'_>],
    lines: &LineFlags,
    context: Context,
    lex: &Lexicon,
) {
    let mut added = Vec::new();
    // Last words of the pieces of two or more words, read once: a name-dense page stays linear.
    // A Korean name gives its family name first ("Ban Ki-moon").
    // The tagger's own persons join them as they are added ("King said" after "captain Billie
    // Jean King", a name the rules did not find).
    let mut surnames: std::collections::HashSet<String> = typed
        .iter()
        .filter(|(p, _)| p.end - p.first >= 2)
        .filter_map(|(p, _)| {
            let last = p.surface.rsplit(' ').next()?;
            let family = is_korean_given_name(last, lex).then(|| p.surface.split(' ').next());
            family.flatten().or(Some(last)).map(str::to_string)
        })
        .collect();
    // Both lists are in text order: one cursor over the pieces, one over the words.
    let (mut k, mut w) = (0, 0);
    for &(span, kind) in tagged {
        while k < typed.len() && typed[k].0.span.end() <= span.start() {
            k += 1;
        }
        while w < words.len() && words[w].span.start() < span.start() {
            w += 1;
        }
        let loud = LineFlags::on(&lines.shouting, words.get(w));
        if kind == EntityType::Org
            && !LineFlags::on(&lines.headline, words.get(w))
            && absorb(typed, k, span, words, w, lex, &mut added)
        {
            continue;
        }
        if kind == EntityType::Person
            && !LineFlags::on(&lines.headline, words.get(w))
            && place_as_surname(typed, k, span, words, lex, &mut added)
        {
            continue;
        }
        let mut covered = false;
        let mut j = k;
        while j < typed.len() && typed[j].0.span.start() < span.end() {
            let (p, g) = &mut typed[j];
            if p.span.overlaps(span) && !(loud && *g == Guess::Drop) {
                covered = true;
                // A person by shape stays one against the tagger's organisation: on news of
                // today the tagger (trained on 1996 Reuters copy) reads unfamiliar given
                // names ("Mehmet Oz", "Sione Takitaki") as companies far more often than it
                // finds a company the rules missed.
                // On a results line of sports copy the tagger, which learnt such tables,
                // tells a club ("St Mirren 1 Falkirk 0") from a player.
                let results = context.sports && LineFlags::on(&lines.results, words.get(p.first));
                // So it does for a name that holds a place the gazetteer knows ("Sierra
                // Nevada"), which few persons' names do, unless it opens with a given name
                // ("Elizabeth Warren", "Jordan Munoz"), and for a place before a plural
                // ("Florida Marlins", "Houston Astros"): a team.
                let org = kind == EntityType::Org
                    && (weak_person(p, words, lex) && holds_place(p, words, lex)
                        || shape_person(p) && team(p, words, lex));
                let weak = *g == Guess::Is(EntityType::Person)
                    && ((kind != EntityType::Org || results) && weak_person(p, words, lex) || org);
                let named_town = kind == EntityType::Person && town_or_given_name(p, words, lex);
                let club = kind == EntityType::Org && context.sports && town_or_county(p);
                if p.span == span && (*g == Guess::Unknown || weak || named_town || club) {
                    *g = Guess::Is(kind);
                }
            }
            j += 1;
        }
        if covered {
            continue;
        }
        let mut first = w;
        let mut end = w;
        while end < words.len() && words[end].span.end() <= span.end() {
            end += 1;
        }
        // "Chief Justice Roberts": a person's titles are no part of the name.
        let titled = kind == EntityType::Person
            && words[first..end]
                .first()
                .is_some_and(|x| lex.is_title_word(x.text));
        while kind == EntityType::Person && end - first > 1 && lex.is_title_word(words[first].text)
        {
            first += 1;
        }
        let on_skipped = LineFlags::on(&lines.skip, words.get(first));
        // "a Nov. 6 event": a word the rules know is never a name stays none.
        let named = words[first..end]
            .iter()
            .any(|x| x.cap && !lex.is_not_name(x.text));
        // "Crystal", "Destiny", "Look": an ordinary word alone is no person the tagger may
        // add, unless it is the surname of a person named in full ("Cook" after "Tim Cook").
        let ordinary = kind == EntityType::Person
            && end == first + 1
            && lex.is_common_word(words[first].text)
            && !surnames.contains(words[first].text);
        // "GIVING THE GIFT OF HOMEMADE JAM": a heading in capitals of ordinary words only
        // (short words aside), none of them a place or a given name ("WALES").
        let ordinary = ordinary
            || (loud
                && words[first..end].iter().all(|x| {
                    let name = capitalised(x.text);
                    (x.text.len() <= 3 || lex.is_common_word(x.text))
                        && lex.place(&name).is_none()
                        && !lex.is_given_name(&name)
                }));
        if end > first && !on_skipped && named && !ordinary {
            let mut p = piece(words, first, end, lex);
            p.titled |= titled;
            if kind == EntityType::Person && end - first >= 2 {
                surnames.insert(words[end - 1].text.to_string());
            }
            added.push((p, Guess::Is(kind)));
        }
    }
    if !added.is_empty() {
        typed.extend(added);
        typed.sort_by_key(|(p, _)| (p.span.start(), p.span.end()));
    }
}

/// Lower-case words inside an organisation's name ("Organisation for Security and Cooperation
/// in Europe", "Gazzetta dello Sport").
fn is_inner_word(w: &str) -> bool {
    matches!(w, "of" | "for" | "in" | "on" | "dello" | "della" | "des") || is_particle(w)
}

/// An organisation the tagger reads whole where the rules saw only its parts ("Organisation
/// for Security and Cooperation" + "in" + "Europe", "Eastern District" + "of" + "New York"):
/// when the tagger's span (`span`, from word `w`) is two or more of the rules' pieces, at
/// least one of them an organisation or a place and the others untyped ("San Diego" +
/// "Padres"), joined by lower-case name words and spaces only, and it neither opens with a
/// word that is never a name ("The", "An") nor ends in a title ("United Nations Emergency
/// Relief Coordinator"), those pieces give way to the tagger's name (pushed to `added`).
/// Persons ("Moscow John Sullivan" is a place and a person), dropped pieces (the words of a
/// headline), pieces named by a title and dateline places stand.
fn absorb(
    typed: &mut [(Piece, Guess)],
    k: usize,
    span: Span,
    words: &[Word<'_>],
    w: usize,
    lex: &Lexicon,
    added: &mut Vec<(Piece, Guess)>,
) -> bool {
    let mut end = w;
    while end < words.len() && words[end].span.end() <= span.end() {
        end += 1;
    }
    if end < w + 2 || words.get(w).is_none_or(|x| x.span.start() != span.start()) {
        return false;
    }
    // No gap inside the name but a possessive ("Toronto Bond Traders' Association").
    let joined = |i: usize| i == w || !words[i].gap_before || words[i - 1].possessive;
    let (head, last) = (words[w].text, words[end - 1].text);
    if !(w..end).all(joined)
        || !words[end - 1].cap
        || lex.is_not_name(head)
        || lex.is_title_word(last)
        || lex.is_role_noun(last)
    {
        return false;
    }
    let mut j = k;
    let mut parts = Vec::new();
    let mut named_parts = 0;
    while j < typed.len() && typed[j].0.span.start() < span.end() {
        let (p, g) = &typed[j];
        if p.span.overlaps(span) {
            let within = p.span.start() >= span.start() && p.span.end() <= span.end();
            let named = matches!(g, Guess::Is(EntityType::Org | EntityType::Place));
            if !within || !(named || *g == Guess::Unknown) || p.titled || p.dateline {
                return false;
            }
            named_parts += usize::from(named);
            parts.push(j);
        }
        j += 1;
    }
    // Only lower-case name words join the parts: "Eastern District" + "of" + "New York",
    // "Organisation for Security and Cooperation" + "in" + "Europe".
    let mut in_part = vec![false; end - w];
    for &j in &parts {
        let p = &typed[j].0;
        for i in p.first.max(w)..p.end.min(end) {
            in_part[i - w] = true;
        }
    }
    let bare = (w..end)
        .filter(|&i| !in_part[i - w])
        .all(|i| !words[i].cap && is_inner_word(words[i].text));
    if parts.len() < 2 || named_parts == 0 || !bare {
        return false;
    }
    for j in parts {
        typed[j].1 = Guess::Drop;
    }
    added.push((piece(words, w, end, lex), Guess::Is(EntityType::Org)));
    true
}

/// A person the tagger reads whole whose surname the rules took for a place ("MaliVai" +
/// "Washington", "Jack" + "London" where the rules did not know the given name): when the
/// tagger's person (`span`) is exactly an untyped piece and, right after it, one word the
/// gazetteer knows as a place, both give way to the person (pushed to `added`), so that the
/// surname alone later names the person too. A known place first ("Moscow John Sullivan") or
/// a given name the rules knew stays the rules' reading.
fn place_as_surname(
    typed: &mut [(Piece, Guess)],
    k: usize,
    span: Span,
    words: &[Word<'_>],
    lex: &Lexicon,
    added: &mut Vec<(Piece, Guess)>,
) -> bool {
    let [(a, ga), (b, gb)] = match typed.get(k..k + 2) {
        Some([x, y]) => [x, y],
        _ => return false,
    };
    let fits = a.span.start() == span.start()
        && b.span.end() == span.end()
        && typed
            .get(k + 2)
            .is_none_or(|(c, _)| c.span.start() >= span.end());
    let surname = b.end == b.first + 1 && matches!(b.known, Some(Known::Place(_)));
    if !fits || *ga != Guess::Unknown || *gb != Guess::Is(EntityType::Place) || !surname {
        return false;
    }
    if a.end != b.first || a.dateline || b.dateline {
        return false;
    }
    let person = Piece {
        known: None,
        shape: Shape::Plain,
        ..piece(words, a.first, b.end, lex)
    };
    typed[k].1 = Guess::Drop;
    typed[k + 1].1 = Guess::Drop;
    added.push((person, Guess::Is(EntityType::Person)));
    true
}

#[cfg(test)]
mod tests;
