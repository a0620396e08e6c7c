//! `storyline report`: a readable briefing of the corpus, as a list of blocks written out as
//! Markdown or a standalone HTML page.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use askama::Template;

use storyline_analyse::{who_said_what, Analysis, Date, TimelineItem};
use storyline_record::Record;

use super::render::{count, date, more, number};

/// Items of one story shown in the timeline: a briefing, not a dump.
const MAX_TIMELINE_ITEMS: usize = 40;
/// Speakers shown under "who said what".
const MAX_SPEAKERS: usize = 25;
/// Entities shown in the entity table.
const MAX_ENTITIES: usize = 25;

/// A piece of the report.
pub enum Block {
    /// A heading of level 1–3.
    Heading(u8, String),
    /// A paragraph.
    Para(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A table.
    Table(Vec<&'static str>, Vec<Vec<String>>),
}

/// The report as blocks.
pub struct Report {
    blocks: Vec<Block>,
}

/// Builds the briefing.
pub fn build(records: &[Record], a: &Analysis) -> Report {
    let mut b = Vec::new();
    let mut outlets: BTreeMap<String, (usize, Option<Date>, Option<Date>)> = BTreeMap::new();
    for r in records {
        let d = r.published.as_deref().and_then(Date::parse_iso);
        let e = outlets
            .entry(
                r.outlet
                    .clone()
                    .unwrap_or_else(|| "(unknown outlet)".into()),
            )
            .or_insert((0, None, None));
        e.0 += 1;
        if let Some(d) = d {
            e.1 = Some(e.1.map_or(d, |x: Date| x.min(d)));
            e.2 = Some(e.2.map_or(d, |x: Date| x.max(d)));
        }
    }
    b.push(Block::Heading(1, "storyline briefing".into()));
    let repeated = a
        .quotes
        .iter()
        .filter(|q| q.repetitions.iter().any(|r| r.article != q.first.article))
        .count();
    b.push(Block::Para(format!(
        "{} from {} in {}; {} reported differently; {} ({repeated} repeated across articles).",
        count(records.len(), "article", "articles"),
        count(outlets.len(), "outlet", "outlets"),
        count(a.stories.stories.len(), "story", "stories"),
        count(a.disagreements.len(), "quantity", "quantities"),
        count(a.quotes.len(), "quotation", "quotations"),
    )));

    b.push(Block::Heading(2, "Stories".into()));
    for s in &a.stories.stories {
        let phase = match &s.earlier_phase {
            Some(e) => format!(", phase {} (continues story {e})", s.phase),
            None => format!(", phase {}", s.phase),
        };
        b.push(Block::Heading(3, format!("Story {}{phase}", s.id)));
        b.push(Block::Para(format!(
            "{} to {}; about {}.",
            date(s.start),
            date(s.end),
            s.top_entities.join(", ")
        )));
        let rows = s
            .articles
            .iter()
            .map(|x| {
                let note = match (&x.duplicate_of, x.syndicated) {
                    (Some(o), true) => format!("syndicated copy of {o}"),
                    (Some(o), false) => format!("near-duplicate of {o}"),
                    _ => String::new(),
                };
                vec![
                    date(x.published),
                    x.outlet.clone().unwrap_or_else(|| "-".into()),
                    x.title.clone().unwrap_or_else(|| "-".into()),
                    note,
                ]
            })
            .collect();
        b.push(Block::Table(vec!["date", "outlet", "title", "note"], rows));
    }

    b.push(Block::Heading(2, "Timeline".into()));
    // Group the timeline by story once: filtering it per story is quadratic on a big corpus.
    let mut by_story: HashMap<&str, Vec<&TimelineItem>> = HashMap::new();
    for item in &a.timeline {
        by_story.entry(item.story.as_str()).or_default().push(item);
    }
    for s in &a.stories.stories {
        let items = by_story.get(s.id.as_str()).map_or(&[][..], Vec::as_slice);
        b.push(Block::Heading(3, format!("Story {}", s.id)));
        let rows = items
            .iter()
            .take(MAX_TIMELINE_ITEMS)
            .map(|i| {
                let when = match &i.resolved_from {
                    Some(f) => format!("{} ({f})", date(i.date)),
                    None => date(i.date),
                };
                vec![
                    when,
                    format!("{:?}", i.kind).to_lowercase(),
                    i.who.clone().unwrap_or_default(),
                    i.text.clone(),
                    i.outlet.clone().unwrap_or_default(),
                ]
            })
            .collect();
        b.push(Block::Table(
            vec!["when", "what", "who", "text", "outlet"],
            rows,
        ));
        b.extend(more(items.len(), MAX_TIMELINE_ITEMS, "item", "items").map(Block::Para));
    }

    b.push(Block::Heading(2, "Who said what".into()));
    let speakers = who_said_what(&a.quotes);
    let all_speakers = speakers.len();
    for (speaker, groups) in speakers.into_iter().take(MAX_SPEAKERS) {
        let mut articles: Vec<&str> = groups
            .iter()
            .flat_map(|g| std::iter::once(&g.first).chain(&g.repetitions))
            .map(|x| x.article.as_str())
            .collect();
        articles.sort_unstable();
        articles.dedup();
        b.push(Block::Heading(
            3,
            format!(
                "{speaker} ({}, {})",
                count(groups.len(), "quote", "quotes"),
                count(articles.len(), "article", "articles")
            ),
        ));
        let items = groups
            .iter()
            .map(|g| {
                let source = |x: &storyline_analyse::QuoteAppearance| {
                    format!(
                        "{}, {}",
                        x.outlet.as_deref().unwrap_or("unknown outlet"),
                        date(x.date)
                    )
                };
                let mut line = format!("“{}” ({})", g.text, source(&g.first));
                if !g.repetitions.is_empty() {
                    line.push_str(&format!(
                        "; repeated in {}",
                        g.repetitions
                            .iter()
                            .map(source)
                            .collect::<Vec<_>>()
                            .join("; ")
                    ));
                }
                line
            })
            .collect();
        b.push(Block::List(items));
    }
    b.extend(more(all_speakers, MAX_SPEAKERS, "speaker", "speakers").map(Block::Para));

    b.push(Block::Heading(2, "Disagreements".into()));
    if a.disagreements.is_empty() {
        b.push(Block::Para(
            "No quantity is reported with different values.".into(),
        ));
    }
    for d in &a.disagreements {
        let place = d
            .place
            .as_deref()
            .map(|p| format!(" near {p}"))
            .unwrap_or_default();
        b.push(Block::Heading(
            3,
            format!("{} {}{place} (story {})", d.subject, d.noun, d.story),
        ));
        let row = |c: &storyline_analyse::ClaimEntry, phase: &str| {
            vec![
                number(c.value),
                c.hedge.clone().unwrap_or_default(),
                c.claimant.clone().unwrap_or_default(),
                c.outlet.clone().unwrap_or_else(|| "-".into()),
                date(c.date),
                c.text.clone(),
                phase.to_string(),
            ]
        };
        let rows = d
            .claims
            .iter()
            .map(|c| row(c, "current"))
            .chain(d.earlier_phases.iter().map(|c| row(c, "earlier phase")))
            .collect();
        b.push(Block::Table(
            vec![
                "value",
                "hedge",
                "claimant",
                "outlet",
                "date",
                "as written",
                "phase",
            ],
            rows,
        ));
    }

    b.extend(super::events::report_section(a));
    b.extend(super::framing::report_section(records, a));

    b.push(Block::Heading(2, "Outlets".into()));
    let rows = outlets
        .iter()
        .map(|(o, (n, first, last))| vec![o.clone(), n.to_string(), date(*first), date(*last)])
        .collect();
    b.push(Block::Table(
        vec!["outlet", "articles", "first", "last"],
        rows,
    ));

    b.push(Block::Heading(2, "Entities".into()));
    let mut ents: Vec<&storyline_analyse::CanonicalEntity> = a.entities.entities.iter().collect();
    ents.sort_by(|x, y| {
        y.articles
            .len()
            .cmp(&x.articles.len())
            .then(x.name.cmp(&y.name))
    });
    let rows = ents
        .iter()
        .take(MAX_ENTITIES)
        .map(|e| {
            vec![
                e.name.clone(),
                e.kind.clone(),
                e.variants.join(", "),
                e.roles.first().cloned().unwrap_or_default(),
                e.articles.len().to_string(),
            ]
        })
        .collect();
    b.push(Block::Table(
        vec!["entity", "type", "spellings", "role", "articles"],
        rows,
    ));
    b.extend(more(ents.len(), MAX_ENTITIES, "entity", "entities").map(Block::Para));
    Report { blocks: b }
}

impl Report {
    /// Writes Markdown.
    pub fn write_markdown(&self, out: &mut impl Write) -> io::Result<()> {
        let cell = |s: &str| md(s).replace('|', "\\|");
        for block in &self.blocks {
            match block {
                Block::Heading(level, text) => {
                    writeln!(out, "{} {}\n", "#".repeat(usize::from(*level)), md(text))?
                }
                Block::Para(text) => writeln!(out, "{}\n", md(text))?,
                Block::List(items) => {
                    for i in items {
                        writeln!(out, "- {}", md(i))?;
                    }
                    writeln!(out)?;
                }
                Block::Table(headers, rows) => {
                    writeln!(out, "| {} |", headers.join(" | "))?;
                    writeln!(out, "|{}", "---|".repeat(headers.len()))?;
                    for r in rows {
                        writeln!(
                            out,
                            "| {} |",
                            r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
                        )?;
                    }
                    writeln!(out)?;
                }
            }
        }
        Ok(())
    }

    /// Writes a standalone HTML page, from the `report.html` template (which escapes every
    /// value), with control characters dropped from the text first.
    pub fn write_html(&self, out: &mut impl Write) -> io::Result<()> {
        let blocks: Vec<Block> = self.blocks.iter().map(Block::without_controls).collect();
        let page = HtmlPage { blocks: &blocks };
        let html = page.render().map_err(io::Error::other)?;
        writeln!(out, "{html}")
    }
}

/// The report as an HTML page.
#[derive(Template)]
#[template(path = "report.html")]
struct HtmlPage<'a> {
    blocks: &'a [Block],
}

impl Block {
    /// The block with control characters (other than line breaks and tabs) removed from its
    /// text: an HTML page shows them as nothing useful, and a terminal showing the file would
    /// obey them.
    fn without_controls(&self) -> Block {
        let clean =
            |s: &String| s.replace(|c: char| c.is_control() && !matches!(c, '\n' | '\t'), "");
        match self {
            Block::Heading(level, text) => Block::Heading(*level, clean(text)),
            Block::Para(text) => Block::Para(clean(text)),
            Block::List(items) => Block::List(items.iter().map(clean).collect()),
            Block::Table(headers, rows) => Block::Table(
                headers.clone(),
                rows.iter().map(|r| r.iter().map(clean).collect()).collect(),
            ),
        }
    }
}

/// Text from articles made inert in Markdown: terminal control characters (escape sequences
/// that would recolour or rewrite a terminal showing the file) removed, line breaks joined,
/// HTML written as entities (Markdown passes raw HTML through to the page), and brackets
/// escaped so no link or image can be made of it.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '[' | ']' | '\\' | '`' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_and_markdown_tables_are_well_formed() {
        let r = Report {
            blocks: vec![
                Block::Heading(2, "A <b>".into()),
                Block::Table(vec!["x", "y"], vec![vec!["1|2".into(), "3".into()]]),
            ],
        };
        let mut md = Vec::new();
        r.write_markdown(&mut md).expect("md");
        assert!(String::from_utf8_lossy(&md).contains("| 1\\|2 | 3 |"));
        let mut html = Vec::new();
        r.write_html(&mut html).expect("html");
        assert!(String::from_utf8_lossy(&html).contains("<h2>A &#60;b&#62;</h2>"));
    }

    #[test]
    fn markdown_keeps_article_text_inert() {
        let hostile = "<script>alert(1)</script> \u{1b}[31mred\u{1b}[0m [x](javascript:y) a\nb";
        let r = Report {
            blocks: vec![
                Block::Heading(3, hostile.into()),
                Block::Para(hostile.into()),
                Block::List(vec![hostile.into()]),
                Block::Table(vec!["t"], vec![vec![hostile.into()]]),
            ],
        };
        let mut out = Vec::new();
        r.write_markdown(&mut out).expect("md");
        let md = String::from_utf8(out).expect("utf-8");
        assert!(
            !md.contains('<') && !md.contains('\u{1b}') && !md.contains("[x]("),
            "{md}"
        );
        assert_eq!(
            md.matches("&lt;script&gt;alert(1)&lt;/script&gt; [31mred[0m")
                .count(),
            0
        );
        assert_eq!(
            md.matches("&lt;script&gt;alert(1)&lt;/script&gt; \\[31mred\\[0m")
                .count(),
            4
        );
        assert!(md.contains("a b"), "{md}");
        let mut out = Vec::new();
        r.write_html(&mut out).expect("html");
        let html = String::from_utf8(out).expect("utf-8");
        assert!(!html.contains("<script>") && !html.contains('\u{1b}'));
        assert_eq!(html.matches("&#60;script&#62;").count(), 4, "{html}");
        assert!(html.contains("<td>") && html.contains("</table>"), "{html}");
    }
}
