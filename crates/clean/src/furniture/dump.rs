//! Raw metadata lines of page dumps: URLs, XPath expressions, e-mail addresses, phone numbers,
//! tag lists and lowercase tag words, locale codes, bare numbers and years, widget names,
//! copyright and publisher lines, lines without a letter or digit, a data layer's keyed fields.

use regex::RegexSet;

use super::set;
use crate::lines::{ends_sentence, Line};

/// Page-dump metadata rules.
#[derive(Debug, Clone)]
pub struct DumpRules {
    /// Whole-line patterns for short lines.
    lines: RegexSet,
    /// Tag words and lists: lowercase, no sentence punctuation (checked for short lines only).
    tags: RegexSet,
    /// Bare labels over tag lists.
    label: regex::Regex,
    /// A page's copyright notice: where its footer starts.
    notice: RegexSet,
    /// Words of a photo credit, which may carry a year too ("© 2024 Getty Images").
    photo: regex::Regex,
}

impl DumpRules {
    /// Compiles the rules.
    pub fn new() -> DumpRules {
        DumpRules {
            lines: set(&[
                // A URL, possibly run into a few words ("…jpgSputnik International").
                r"^(?:https?://|www\.)\S+(?:\s+\S+){0,3}$",
                r"^/{1,2}[a-z][\w:-]*(?:\[[^\]]*\])?(?:/{1,2}@?[\w:*-]+(?:\[[^\]]*\])?)+$",
                r"^(?:e-?mail\s*:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$",
                r"^(?:(?:tel|phone|ph|fax|call)\.?\s*:?\s*)?\+?\d[\d\s().-]{6,20}\d$",
                r"^(?:tags?|topics?|keywords?|filed under|categories|category|section)\s*:.{0,200}$",
                r"^(?:tags?|keywords?|filed under|categories|related tags|etiquetas|schlagw(?:ö|oe)rter|mots-cl(?:é|e)s)$",
                r"^[a-z]{2}[_-][a-z]{2}$",
                r"^\d{1,6}$",
                r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$",
                r"^(?:©|\(c\)|copyright\b).{0,200}$",
                r"\ball rights reserved\b",
                r"^our standards\s*:",
                r"^this (?:document|material|article|content|story) (?:is subject to copyright|may not be (?:published|reproduced|republished|copied|redistributed))",
                r"^citation\s*:.{0,300}\bretrieved\b",
                // A strip of post metadata: "05/10/2018 - Posted by: Ana Lima - Category: Health".
                r"\s[-|•]\s(?:tags?|categor(?:y|ies|ia|ie)|publicado por|posted in|filed under)\s*:.{0,200}$",
                r"^[^\p{L}\p{N}]+$",
                // A page's data layer written out: "site: media | arena: nfl | pageType:
                // stories | section: | slug: …", four or more keyed fields between bars.
                r"^(?:[\w-]{1,30}\s*:[^|]{0,200}\|\s*){3,}[\w-]{1,30}\s*:",
                r"^(?:og|twitter|article|fb):[\w:]+\b.{0,200}$",
                r"^(?:content-type|charset|viewport|robots|canonical|amphtml)\b.{0,100}$",
            ]),
            label: super::re(
                r"^(?:tags?|topics?|keywords?|filed under|categories|related tags|etiquetas|schlagw(?:ö|oe)rter|mots-cl(?:é|e)s)\s*:?$",
            ),
            notice: set(&[
                // "© 2019 CBS Interactive Inc.", "Copyright ©2019 Dow Jones", "©1996-2019 Ziff
                // Davis": a year beside the sign; a photo credit ("© Reuters") has none.
                r"(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:19|20)\d\d\b",
                r"\ball rights reserved\b|\btodos os direitos reservados\b|\btodos los derechos reservados\b|\btous droits réservés\b|\balle rechte vorbehalten\b|\btutti i diritti riservati\b",
            ]),
            photo: super::re(super::PHOTO_CREDIT_WORDS),
            tags: set(&[
                // One lowercase tag word or phrase, or a list of them.
                // A tag starts with a letter: "8-9 ripe pears, cored" is an ingredient.
                r"^\p{Ll}[\p{Ll}\d '’&-]*(?:\s*[,;|]\s*[\p{Ll}\d][\p{Ll}\d '’&-]*)*$",
            ]),
        }
    }

    /// Whether the line is a raw metadata line (tags aside: see [`DumpRules::is_tag`]).
    pub fn matches(&self, line: &Line<'_>) -> bool {
        line.words <= 40 && self.lines.is_match(line.text)
    }

    /// Whether the line is the page's copyright notice ("© 2019 CBS Interactive Inc. All
    /// Rights Reserved."): a year beside the copyright sign, or "all rights reserved", and no
    /// word of a photo credit. Pages set it in their footer, after the article; what follows
    /// is more of the site.
    pub fn is_copyright_notice(&self, line: &Line<'_>) -> bool {
        line.words <= 40 && self.notice.is_match(line.text) && !self.photo.is_match(line.text)
    }

    /// Whether the line is a bare label over a tag list ("Tags", "Filed under").
    pub fn is_tag_label(&self, line: &Line<'_>) -> bool {
        line.words <= 3 && self.label.is_match(line.text)
    }

    /// Lowercase tag words and lists ("uk, nato, ukraine", "russia-nato row on european
    /// security"): all lowercase, no sentence punctuation; single words or lists of short items.
    pub fn is_tag(&self, line: &Line<'_>) -> bool {
        let list = line.text.contains([',', ';', '|']);
        let max_words = if list { 30 } else { 6 };
        line.words <= max_words
            && !ends_sentence(line.text)
            && !line.text.chars().any(|c| c.is_uppercase())
            && self.tags.is_match(line.text)
    }
}

impl Default for DumpRules {
    fn default() -> Self {
        DumpRules::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn dump(text: &str) -> bool {
        let rules = DumpRules::new();
        split_lines(text)
            .iter()
            .all(|l| rules.matches(l) || rules.is_tag(l))
    }

    #[test]
    fn finds_dump_lines() {
        assert!(dump(
            "https://www.example-gazette.co.uk/sport/2023/05/01/cup-final.html"
        ));
        assert!(dump(
            "https://cdn.example.com/img/123_640x360.jpgExample Gazette"
        ));
        assert!(dump("//div[@class='article-body']/p"));
        assert!(dump("/html/head/meta[@property='og:image']/@content"));
        assert!(dump("newsdesk@example-gazette.co.uk"));
        assert!(dump("+44 20 7946 0958"));
        assert!(dump("football, premier league, transfers"));
        assert!(dump("interest rates"));
        assert!(dump("en_GB"));
        assert!(dump("2023"));
        assert!(dump("related_articles_widget"));
        assert!(dump("© 2023 Example Media Group. All rights reserved."));
        assert!(dump("Tags: Economy, Inflation, Bank of England"));
        assert!(dump("* * *"));
        assert!(dump(
            "This material may not be published, broadcast, rewritten or redistributed."
        ));
        assert!(dump(
            "Citation: Bees learn to count (2023, May 2) retrieved 3 May 2023 from https://example.org/news"
        ));
        assert!(dump(
            "12/04/2023 - Posted by: Ana Lima - Category: Health - Tags: flu, winter"
        ));
        assert!(dump("Our Standards: The Thomson Reuters Trust Principles."));
        assert!(dump(
            "site: news | desk: world | pageType: article | section: | slug: rates-rise-again | route: story.uk"
        ));
    }

    #[test]
    fn copyright_notices_with_a_year_or_reserved_rights() {
        let rules = DumpRules::new();
        let notice = |t: &str| split_lines(t).iter().all(|l| rules.is_copyright_notice(l));
        assert!(notice("© 2019 CBS Interactive Inc. All Rights Reserved."));
        assert!(notice("Copyright ©2019 Dow Jones & Company, Inc."));
        assert!(notice("©1996-2019 Ziff Davis, LLC."));
        assert!(notice("IPSO Regulated Copyright ©2019 Express Newspapers."));
        assert!(notice("© ScienceAlert Pty Ltd. All rights reserved."));
        assert!(notice(
            "Copyright © 2010 AUTORACING. Todos os direitos reservados."
        ));
        assert!(notice("© 2019 Reuters. All Rights Reserved."));
        // Photo credits name no year or a photo word, and a story about copyright is no
        // notice.
        assert!(!notice("© Reuters"));
        assert!(!notice("© 2024 Getty Images"));
        assert!(!notice("Photo: © 2019 AFP"));
        assert!(!notice("© REUTERS / POOL"));
        assert!(!notice(
            "© John Brecher Needle poking skin during a flu shot"
        ));
        assert!(!notice(
            "The court ruled that the copyright of the 1928 film had expired."
        ));
    }

    #[test]
    fn leaves_body_lines_alone() {
        assert!(!dump(
            "The Bank of England raised rates to 5.25% on Thursday."
        ));
        assert!(!dump("to the stadium before kick-off, police said."));
        assert!(!dump(
            "Call 999 if you see the suspect, officers urged residents."
        ));
        // Keyed fields in prose, or fewer than four of them, are no data layer.
        assert!(!dump(
            "Venue: Wembley | Kick-off: 3pm | Tickets: sold out, the club said on its website."
        ));
    }
}
