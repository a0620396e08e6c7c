//! Cleaning: removes page furniture from a scraped article, records every removal with its
//! reason, and fills the article's metadata.
//!
//! The [`Cleaner`] works on lines of `article.raw` (a scraped page, or the text an HTML
//! extractor kept, which starts with the body and sets every block apart), in passes:
//!
//! 1. each line is classified from its own text by one rule family per kind of furniture
//!    (navigation, credits, prompts, sign-offs, dump metadata, teasers) and by the dateline
//!    and byline rules, which also read the date and author; the list under a tag label is
//!    tags, while lowercase "tags" next to short open lines are the article's own list items;
//! 2. repeated body text is reduced to one copy (the better-spaced one): copied blocks, glued
//!    copies, and copies outside the body; a lone repeated paragraph inside it (a pull
//!    quote) stays;
//!    runs of numbered short labels before the first prose paragraph or after the last are
//!    menus (a page dump numbers the links of a list);
//! 3. the body start (first prose paragraph) bounds the header, where the headline is found;
//! 4. context rules: captions above credits, the tail of other stories after an end marker,
//!    a closing run of teaser headlines (never a closing list), short lines sandwiched
//!    between furniture;
//! 5. metadata is filled (given fields win), the clean text is assembled with its map back to
//!    raw, and the language is detected.
//!
//! ```
//! use storyline_clean::Cleaner;
//! use storyline_record::Article;
//!
//! let raw = "Skip to content\n\nCouncil approves new library\n\nMarch 4, 2023\n\n\
//!            The council approved plans for a new library on Tuesday, the mayor said.\n\n\
//!            Sign up for our newsletter";
//! let mut article = Article::new("page.txt", raw);
//! Cleaner::new().annotate(&mut article);
//! assert_eq!(article.text, "The council approved plans for a new library on Tuesday, the mayor said.");
//! assert_eq!(article.meta.title.as_deref(), Some("Council approves new library"));
//! assert_eq!(article.meta.published.as_deref(), Some("2023-03-04"));
//! assert_eq!(article.removed.len(), 4);
//! ```
#![deny(missing_docs)]

mod assemble;
mod context;
mod duplicate;
mod furniture;
mod lines;
mod metadata;

use std::ops::Range;

use storyline_record::{Article, Metadata, RemovalReason};

use furniture::Furniture;
use lines::{ends_sentence, split_lines, Line, Verdict};
use metadata::{title, Byline, DateLine, FoundDate, MetaRules};

/// Removes page furniture, records each removal, and fills metadata.
#[derive(Debug, Clone, Default)]
pub struct Cleaner {
    /// Context-free furniture rules.
    furniture: Furniture,
    /// Date, byline and outlet rules.
    meta: MetaRules,
}

/// What the line pass read besides verdicts.
#[derive(Default)]
struct Found {
    /// Dates of datelines, with their line index, in source order.
    dates: Vec<(usize, FoundDate)>,
    /// Bylines, with their line index.
    bylines: Vec<(usize, Byline)>,
    /// Agencies named by wire datelines.
    agencies: Vec<String>,
}

impl Cleaner {
    /// Builds the stage, compiling every rule family once.
    pub fn new() -> Cleaner {
        Cleaner {
            furniture: Furniture::new(),
            meta: MetaRules::new(),
        }
    }

    /// Cleans one article in place: sets `text`, `origin`, `removed` and fills the `meta`
    /// fields that are still `None`.
    pub fn annotate(&self, article: &mut Article) {
        let raw = std::mem::take(&mut article.raw);
        let mut lines = split_lines(&raw);
        let found = self.classify(&mut lines);
        context::tag_lists(&mut lines, |l| self.furniture.dump.is_tag_label(l));
        context::list_items(&mut lines, |l| {
            self.furniture.dump.is_tag(l) && !l.text.contains([',', ';', '|'])
        });
        duplicate::mark(&mut lines);
        // Before the tables rule, which would keep a numbered menu as a table's rows.
        context::menus(&mut lines);
        context::tables(&mut lines);

        let start = context::body_start(&lines);
        let title_line = self.title(&mut lines, &mut article.meta, start);
        context::header(&mut lines, title_line, start);
        context::captions(&mut lines);
        context::cards(&mut lines, start);
        let headers: Vec<bool> = lines.iter().map(context::comment_header).collect();
        let comments = headers.iter().filter(|&&h| h).count() >= context::COMMENT_HEADERS;
        let ends: Vec<bool> = lines
            .iter()
            .zip(&headers)
            .map(|(l, &header)| {
                self.furniture.teaser.is_end_marker(l)
                    || self.furniture.signoff.matches(l)
                    || self.furniture.dump.is_copyright_notice(l)
                    || (comments && header)
            })
            .collect();
        let tails = context::tail(&mut lines, &ends, start);
        context::trailing(&mut lines);
        context::sandwich(&mut lines);
        self.fill(article, &mut lines, &found, (start, title_line), &tails);

        let out = assemble::assemble(&raw, &lines);
        article.raw = raw;
        article.origin = out.origin;
        article.removed = out.removed;
        article.datelines = out.datelines;
        article.meta.language = metadata::decide_language(article.meta.language.take(), &out.text);
        article.set_text(out.text);
    }

    /// Pass 1: classifies each line from its own text; reads datelines and bylines.
    fn classify(&self, lines: &mut [Line<'_>]) -> Found {
        let mut found = Found::default();
        for i in 0..lines.len() {
            // A lowercase line right after an unfinished prose line is its wrapped remainder.
            if i > 0 && !lines[i].blank_before {
                let prev = &lines[i - 1];
                let continues =
                    !prev.verdict.is_drop() && prev.words >= 8 && !ends_sentence(prev.text);
                if continues && lines[i].text.chars().next().is_some_and(char::is_lowercase) {
                    lines[i].verdict = Verdict::Keep;
                    continue;
                }
            }
            let line = &lines[i];
            let starts_digit = line.text.chars().next().is_some_and(|c| c.is_ascii_digit());
            if line.words <= 20 || starts_digit {
                match self.meta.date.dateline(line.text) {
                    Some(DateLine::Whole(dates)) => {
                        if let Some(b) = self.meta.author.dateline_byline(line.text, &dates) {
                            found.bylines.push((i, b));
                        }
                        found.dates.extend(dates.into_iter().map(|d| (i, d)));
                        lines[i].verdict = Verdict::Drop(RemovalReason::Dateline);
                        continue;
                    }
                    Some(DateLine::Place(dates)) => {
                        // The place is read as an entity of the body: the line stays.
                        found.dates.extend(dates.into_iter().map(|d| (i, d)));
                        lines[i].verdict = Verdict::Dateline(lines[i].span.end());
                        continue;
                    }
                    Some(DateLine::Prefix(dates, at)) => {
                        found.dates.extend(dates.into_iter().map(|d| (i, d)));
                        let at = lines[i].span.start() + at;
                        lines[i].verdict = Verdict::DropPrefix(at, RemovalReason::Dateline);
                        continue;
                    }
                    None => {}
                }
            }
            if let Some(reason) = self.furniture.classify(line) {
                if reason == RemovalReason::Credit {
                    // A date glued to the end of a photo credit ("Photo: J. Harris/Reuters
                    // March 14, 2023") is the page's dateline that lost its line break.
                    let text = line.text;
                    found.dates.extend(
                        self.meta
                            .date
                            .find(text)
                            .into_iter()
                            .filter(|d| text.get(d.end..).is_some_and(|t| t.trim().is_empty()))
                            .map(|d| (i, d)),
                    );
                }
                lines[i].verdict = Verdict::Drop(reason);
            } else if let Some(b) = self.meta.author.byline(line.text) {
                found.bylines.push((i, b));
                lines[i].verdict = Verdict::Drop(RemovalReason::Dateline);
            } else if let Some(w) = self.meta.agency.dateline(line.text) {
                found.agencies.extend(w.agency);
                // The dateline stays in the body, where its place is read as an entity.
                let at = lines[i].span.start() + w.body;
                lines[i].verdict = Verdict::Dateline(at);
            }
        }
        found
    }

    /// Finds the headline (or the given title's line) and marks its copies as `Title`.
    fn title(&self, lines: &mut [Line<'_>], meta: &mut Metadata, start: usize) -> Option<usize> {
        let (index, wanted) = match &meta.title {
            Some(given) => (None, title::norm(given)),
            None => {
                let i = title::find(lines, start)?;
                meta.title = Some(title::without_site(lines[i].text).to_string());
                (Some(i), title::norm(lines[i].text))
            }
        };
        let mut first = None;
        for (i, line) in lines.iter_mut().enumerate() {
            let claimable = matches!(
                line.verdict,
                Verdict::Open | Verdict::Keep | Verdict::Drop(RemovalReason::Duplicate)
            );
            if claimable && line.text.len() <= wanted.len() + 8 && title::norm(line.text) == wanted
            {
                line.verdict = Verdict::Drop(RemovalReason::Title);
                first = first.or(Some(i));
            }
        }
        // A given title's line in the header bounds it as a found one does.
        index.or(first.filter(|&i| i < start))
    }

    /// Fills `published`, `author`, `outlet` and `url` when they are still `None`.
    fn fill(
        &self,
        article: &mut Article,
        lines: &mut [Line<'_>],
        found: &Found,
        (start, title_line): (usize, Option<usize>),
        tails: &[Range<usize>],
    ) {
        let meta = &mut article.meta;
        // Dates of other stories' teasers are not the article's; the body may resume after
        // a tail, and its dateline with it.
        let before_tail = |i: usize| !tails.iter().any(|t| t.contains(&i));
        // A site shows the date of the day in its header, among its menus well above the
        // headline; where a date heads the article (right above the headline or below it),
        // the header's does not count.
        let heads = |i: usize| title_line.is_some_and(|t| i + HEADLINE_REACH >= t);
        let headed = found.dates.iter().any(|&(i, _)| before_tail(i) && heads(i));
        if meta.published.is_none() {
            let dates: Vec<FoundDate> = found
                .dates
                .iter()
                .filter(|&&(i, _)| before_tail(i) && (!headed || heads(i)))
                .map(|(_, d)| d.clone())
                .collect();
            meta.published = metadata::pick_published(&dates);
        }
        // URL lines of the header (page dumps start with the page's own address).
        let page_url = lines.iter().take(start.max(1)).find_map(|l| {
            let url = l.text.split_whitespace().next()?;
            let is_url = url.starts_with("http://") || url.starts_with("https://");
            (is_url
                && l.verdict.is_drop()
                && !metadata::is_asset_url(url)
                && !metadata::is_social_url(url))
            .then(|| url.to_string())
        });
        if meta.url.is_none() {
            meta.url = page_url.clone();
        }
        if meta.author.is_none() {
            meta.author = found.bylines.iter().find_map(|(_, b)| match b {
                Byline::Person(name) => Some(name.clone()),
                Byline::Team(_) => None,
            });
        }
        if meta.author.is_none() {
            meta.author = self.dump_author(lines);
        }
        if meta.outlet.is_none() {
            meta.outlet = self.outlet(lines, meta.url.as_deref(), &article.source, found);
        }
    }

    /// The author of a page dump: a personal name on a line of its own right above an image
    /// (the author's portrait; menus repeat names too, so repetition alone is no sign). Its
    /// lines become `Dateline`.
    fn dump_author(&self, lines: &mut [Line<'_>]) -> Option<String> {
        let dumped = lines
            .iter()
            .filter(|l| l.verdict == Verdict::Drop(RemovalReason::Metadata))
            .count();
        if dumped < 3 {
            return None;
        }
        let n = lines.len();
        let name = (0..n).find_map(|i| {
            let l = &lines[i];
            if !l.verdict.is_drop() || l.verdict == Verdict::Drop(RemovalReason::Title) {
                return None;
            }
            if !self.meta.author.is_person_name(l.text) {
                return None;
            }
            let portrait = lines.get(i + 1).is_some_and(|next| {
                next.text.starts_with("http") && metadata::is_asset_url(next.text)
            });
            portrait.then(|| l.text.to_string())
        })?;
        for line in lines.iter_mut().filter(|l| l.text == name) {
            line.verdict = Verdict::Drop(RemovalReason::Dateline);
        }
        Some(name)
    }

    /// The outlet: a well-known domain, then site-name phrases, team bylines, any domain, and
    /// copyright lines, in that order of trust.
    fn outlet(
        &self,
        lines: &[Line<'_>],
        url: Option<&str>,
        source: &str,
        found: &Found,
    ) -> Option<String> {
        let source_url =
            (source.starts_with("http://") || source.starts_with("https://")).then_some(source);
        let page = url.or(source_url);
        if let Some(known) = page.and_then(metadata::known_domain) {
            return Some(known);
        }
        let phrase = lines.iter().find_map(|l| self.meta.outlet.phrase(l.text));
        let team = found.bylines.iter().find_map(|(_, b)| match b {
            Byline::Team(t) => Some(t.clone()),
            Byline::Person(_) => None,
        });
        let copyright = || {
            lines
                .iter()
                // A footer line, or a menu's last entry ("1. © 2019 The New York Times
                // Company"), which the credit rules take for a credit (© is one of their
                // marks); the last one, below the photo credits of the body.
                .rev()
                .filter(|l| {
                    matches!(
                        l.verdict,
                        Verdict::Drop(
                            RemovalReason::Metadata
                                | RemovalReason::Navigation
                                | RemovalReason::Credit
                        )
                    )
                })
                .find_map(|l| self.meta.outlet.copyright_holder(l.text))
        };
        // The site's own name after the headline on its title line ("… | CTV News") is the
        // outlet itself; a copyright line may name its parent company.
        let title_site = || {
            lines
                .iter()
                .filter(|l| l.verdict == Verdict::Drop(RemovalReason::Title))
                .find_map(|l| title::site(l.text))
                .map(str::to_string)
        };
        let agency = found.agencies.first().cloned();
        phrase
            .or(team)
            .or_else(|| page.and_then(metadata::outlet_from_url))
            .or_else(title_site)
            .or_else(copyright)
            .or(agency)
    }
}

/// Most lines between an article's date above its headline and the headline ("October 9,
/// 2018 at 4:02 pm" / "Tweet" / headline).
const HEADLINE_REACH: usize = 3;

#[cfg(test)]
mod tests;
