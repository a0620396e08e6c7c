//! Page metadata from the markup itself, read before any text heuristics.
//!
//! Sources, best first for each field:
//! - title: `og:title`, JSON-LD `headline`, `twitter:title`, `<meta name="title">`, `<title>`
//!   (a trailing " | Outlet" or " - Outlet" is cut when it names the outlet);
//! - outlet: JSON-LD `publisher.name`, `og:site_name`, else the domain of
//!   the page URL (see [`crate::urls`]);
//! - published: JSON-LD `datePublished`, `article:published_time`, then the `date`/`pubdate`
//!   style meta names and `itemprop="datePublished"`, normalised by [`storyline_dates::normalise_page_date`];
//! - author: JSON-LD `author`, `<meta name="author">`, `article:author` (unless a URL),
//!   `byl`, `parsely-author`, `sailthru.author`, `dc.creator`;
//! - language: `<html lang>`, `content-language`, `og:locale`, JSON-LD `inLanguage`, reduced to
//!   the primary subtag (`en-GB` → `en`);
//! - url: `<link rel="canonical">`, `og:url`, JSON-LD `url`/`mainEntityOfPage`,
//!   `twitter:url`, else the URL the caller gave.

use dom_query::Document;
use storyline_record::Metadata;

use crate::{jsonld, urls};

/// Meta names (lower case) that carry the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "og:pubdate",
    "article:modified_time",
    "datemodified",
];

/// Meta names (lower case) that carry the byline, best first.
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "byl",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
];

/// Every `<meta>` key/value pair of a page, keys lower-cased, values whitespace-collapsed.
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn read(doc: &Document) -> Self {
        let mut pairs = Vec::new();
        for node in doc.select("meta").nodes() {
            let Some(value) = node
                .attr("content")
                .map(|c| squash(&c))
                .filter(|c| !c.is_empty())
            else {
                continue;
            };
            for key_attr in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(k) = node.attr(key_attr) {
                    pairs.push((k.trim().to_ascii_lowercase(), value.clone()));
                }
            }
        }
        // Microdata on visible elements (`<time itemprop="datePublished" datetime=…>`).
        for node in doc.select("[itemprop]:not(meta)").nodes() {
            let Some(k) = node.attr("itemprop") else {
                continue;
            };
            let k = k.trim().to_ascii_lowercase();
            let v = match k.as_str() {
                "datepublished" => node
                    .attr("datetime")
                    .or_else(|| node.attr("content"))
                    .map(|v| squash(&v))
                    .unwrap_or_else(|| squash(&node.text())),
                // An author element often wraps a photo, links and the date; its `name`
                // property is the byline, else only a short text is taken as one.
                "author" => {
                    let name = node.descendants_it().find(|d| {
                        d.attr("itemprop")
                            .is_some_and(|p| p.trim().eq_ignore_ascii_case("name"))
                    });
                    match name {
                        Some(n) => match n.attr("content") {
                            Some(c) => squash(&c),
                            None => squash(&n.text()),
                        },
                        None => squash(&node.text()),
                    }
                }
                _ => continue,
            };
            if !v.is_empty() && v.len() <= 80 && v.split(' ').count() <= 8 {
                pairs.push((k, v));
            }
        }
        MetaTags(pairs)
    }

    /// First value under any of `keys`, in the order of `keys`.
    fn first<'a>(&'a self, keys: &[&str]) -> impl Iterator<Item = &'a str> + 'a {
        let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        keys.into_iter().flat_map(move |k| {
            self.0
                .iter()
                .filter(move |(key, _)| *key == k)
                .map(|(_, v)| v.as_str())
        })
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.first(&[key]).next()
    }
}

/// Reads every metadata field the page states; `url` is where the page came from, if known.
pub fn read(doc: &Document, url: Option<&str>) -> Metadata {
    let tags = MetaTags::read(doc);
    let blocks: Vec<String> = doc
        .select(r#"script[type="application/ld+json" i]"#)
        .nodes()
        .iter()
        .map(|n| n.text().to_string())
        .collect();
    let ld = jsonld::article(&blocks).unwrap_or_default();

    let canonical = doc
        .select(r#"link[rel="canonical" i]"#)
        .nodes()
        .first()
        .and_then(|n| n.attr("href"))
        .map(|h| h.to_string());
    let page_url = [
        canonical.as_deref(),
        tags.get("og:url"),
        ld.url.as_deref(),
        tags.get("twitter:url"),
    ]
    .into_iter()
    .flatten()
    .find_map(|h| urls::absolute(h, url))
    .or_else(|| url.and_then(|u| urls::absolute(u, None)));

    // A well-known news domain names its outlet first: its `og:site_name` may be a section
    // ("U.S." on reuters.com) or a handle ("nytimes").
    let known = page_url
        .as_deref()
        .and_then(urls::host)
        .and_then(|h| storyline_lexicon::outlet_of_domain(&h))
        .map(str::to_string);
    // Not `application-name`: it names the CMS or app ("Blogger") as often as the outlet.
    let outlet = known.or_else(|| {
        [ld.publisher.as_deref(), tags.get("og:site_name")]
            .into_iter()
            .flatten()
            .map(squash)
            // A Twitter handle in `og:site_name` is not a name.
            .find(|s| !s.is_empty() && !s.starts_with('@'))
            .or_else(|| page_url.as_deref().and_then(urls::outlet_from_url))
    });

    let html_title = doc
        .select("head title")
        .nodes()
        .first()
        .map(|n| squash(&n.text()));
    let title = [
        tags.get("og:title"),
        ld.headline.as_deref(),
        tags.get("twitter:title"),
        tags.get("title"),
        html_title.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(|t| {
        strip_outlet(
            &squash(&decode_entities(t)),
            outlet.as_deref(),
            page_url.as_deref(),
        )
    })
    .find(|t| !t.is_empty());

    let published = ld
        .published
        .iter()
        .map(String::as_str)
        .chain(tags.first(DATE_KEYS))
        .find_map(storyline_dates::normalise_page_date);

    let author = if ld.authors.is_empty() {
        tags.first(AUTHOR_KEYS)
            .filter(|a| urls::host(a).is_none() && !a.starts_with('@'))
            .map(|a| strip_by(&decode_entities(a)))
            .find(|a| !a.is_empty())
    } else {
        Some(
            ld.authors
                .iter()
                .map(|a| strip_by(&decode_entities(a)))
                .collect::<Vec<_>>()
                .join(", "),
        )
    };

    let html_lang = doc
        .select("html")
        .nodes()
        .first()
        .and_then(|n| n.attr("lang"))
        .map(|l| l.to_string());
    let language = [
        html_lang.as_deref(),
        tags.get("content-language"),
        tags.get("og:locale"),
        ld.language.as_deref(),
        tags.get("dc.language"),
        tags.get("language"),
    ]
    .into_iter()
    .flatten()
    .find_map(primary_language);

    Metadata {
        title,
        outlet: outlet.map(|o| decode_entities(&o)),
        published,
        author,
        language,
        url: page_url,
    }
}

/// Collapses runs of whitespace to one space and trims.
pub(crate) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes the few entities that survive double-escaping in CMS metadata (`&amp;amp;`).
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&#x27;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// Drops a leading "By " from a byline.
fn strip_by(a: &str) -> String {
    let a = squash(a);
    match a.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("by ") => {
            a.get(3..).unwrap_or_default().trim().to_string()
        }
        _ => a,
    }
}

/// Cuts a trailing (or leading) " | Outlet" / " - Outlet" when it names the outlet or domain.
fn strip_outlet(title: &str, outlet: Option<&str>, url: Option<&str>) -> String {
    let names: Vec<String> = [
        outlet.map(str::to_string),
        url.and_then(urls::outlet_from_url),
    ]
    .into_iter()
    .flatten()
    .map(|n| n.to_lowercase())
    .collect();
    let names_site = |part: &str| {
        let p = part.trim().to_lowercase();
        let compact: String = p.chars().filter(|c| c.is_alphanumeric()).collect();
        names
            .iter()
            .any(|n| p == *n || p.contains(n.as_str()) || compact == *n)
    };
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if names_site(tail) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if names_site(head) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// Primary language subtag, lower case: `en-GB`, `en_GB`, `EN` → `en`.
fn primary_language(tag: &str) -> Option<String> {
    let p = tag
        .trim()
        .split(['-', '_', ',', ';'])
        .next()?
        .trim()
        .to_ascii_lowercase();
    ((2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic())).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str, url: Option<&str>) -> Metadata {
        read(&Document::from(html), url)
    }

    #[test]
    fn open_graph_page() {
        let m = meta_of(
            r#"<html lang="en-GB"><head><title>Flood defences fail in Riverton | Northern Echo Daily</title>
            <meta property="og:title" content="Flood defences fail in Riverton">
            <meta property="og:site_name" content="Northern Echo Daily">
            <meta property="og:url" content="https://www.northernecho.example.co.uk/news/flood-123">
            <meta property="article:published_time" content="2023-11-02T07:30:00+00:00">
            <meta property="article:modified_time" content="2023-11-02T09:00:00+00:00">
            <meta property="article:author" content="https://www.facebook.com/someone">
            <meta name="author" content="By Priya Nair">
            </head><body><p>x</p></body></html>"#,
            None,
        );
        assert_eq!(m.title.as_deref(), Some("Flood defences fail in Riverton"));
        assert_eq!(m.outlet.as_deref(), Some("Northern Echo Daily"));
        assert_eq!(m.published.as_deref(), Some("2023-11-02T07:30:00+00:00"));
        assert_eq!(m.author.as_deref(), Some("Priya Nair"));
        assert_eq!(m.language.as_deref(), Some("en"));
        assert_eq!(
            m.url.as_deref(),
            Some("https://www.northernecho.example.co.uk/news/flood-123")
        );
    }

    #[test]
    fn json_ld_wins_and_graph_is_resolved() {
        let m = meta_of(
            r##"<html><head><title>Chipmaker profits jump - Market Wire</title>
            <link rel="canonical" href="/business/chipmaker-profits">
            <meta name="twitter:title" content="Chipmaker profits jump 40%">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"NewsMediaOrganization","@id":"#org","name":"Market Wire"},
              {"@type":"NewsArticle","headline":"Chipmaker profits jump 40% on data-centre demand",
               "datePublished":"2024-02-21T21:05:00Z","dateModified":"2024-02-22T06:00:00Z",
               "author":[{"@type":"Person","name":"Tom Becker"},{"@type":"Person","name":"Lina Park"}],
               "publisher":{"@id":"#org"},"inLanguage":"en-US"}]}</script>
            </head><body><p>x</p></body></html>"##,
            Some("https://marketwire.example.com/business/chipmaker-profits?ref=home"),
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Chipmaker profits jump 40% on data-centre demand")
        );
        assert_eq!(m.outlet.as_deref(), Some("Market Wire"));
        assert_eq!(m.published.as_deref(), Some("2024-02-21T21:05:00Z"));
        assert_eq!(m.author.as_deref(), Some("Tom Becker, Lina Park"));
        assert_eq!(m.language.as_deref(), Some("en"));
        assert_eq!(
            m.url.as_deref(),
            Some("https://marketwire.example.com/business/chipmaker-profits")
        );
    }

    #[test]
    fn a_well_known_domain_names_its_outlet_over_a_section_name() {
        let m = meta_of(
            r#"<html><head><title>Oil falls on oversupply fears</title>
            <meta property="og:site_name" content="U.S.">
            <link rel="canonical" href="https://www.reuters.com/article/us-global-markets/oil">
            </head><body><p>x</p></body></html>"#,
            None,
        );
        assert_eq!(m.outlet.as_deref(), Some("Reuters"));
    }

    #[test]
    fn plain_meta_tags_and_domain_outlet() {
        let m = meta_of(
            r#"<html><head><meta charset="utf-8"><title>Library to extend opening hours</title>
            <meta name="date" content="2022-09-14">
            <meta name="byl" content="By SARAH LEE">
            <meta http-equiv="content-language" content="fr-CA">
            </head><body><p>x</p></body></html>"#,
            Some("https://www.lakesidegazette.example.com/local/library"),
        );
        assert_eq!(m.title.as_deref(), Some("Library to extend opening hours"));
        assert_eq!(m.published.as_deref(), Some("2022-09-14"));
        assert_eq!(m.author.as_deref(), Some("SARAH LEE"));
        assert_eq!(m.language.as_deref(), Some("fr"));
        assert_eq!(m.outlet.as_deref(), Some("example"));
        assert_eq!(
            m.url.as_deref(),
            Some("https://www.lakesidegazette.example.com/local/library")
        );
    }

    #[test]
    fn twitter_cards_and_microdata() {
        let m = meta_of(
            r#"<html><head><title>Home</title>
            <meta name="twitter:title" content="Comet visible to the naked eye this week">
            <meta name="twitter:url" content="https://www.skywatch-news.org/science/comet">
            <meta name="twitter:creator" content="@skydesk">
            </head><body><article><time itemprop="datePublished" datetime="2024-10-12T19:00:00-04:00">Oct 12</time>
            <div itemprop="author" itemscope><img src=k.jpg><span>by</span> <span itemprop="name"><a href="/ken">Dr. Ken Ito</a></span> Oct 12, 2024 at 7pm • 2 min read</div><p>x</p></article></body></html>"#,
            None,
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Comet visible to the naked eye this week")
        );
        assert_eq!(m.published.as_deref(), Some("2024-10-12T19:00:00-04:00"));
        assert_eq!(m.author.as_deref(), Some("Dr. Ken Ito"));
        assert_eq!(
            m.url.as_deref(),
            Some("https://www.skywatch-news.org/science/comet")
        );
        assert_eq!(m.outlet.as_deref(), Some("skywatch-news"));
    }

    #[test]
    fn nothing_stated_stays_none() {
        assert_eq!(meta_of("<p>just text</p>", None), Metadata::default());
        assert_eq!(meta_of("", None), Metadata::default());
    }

    #[test]
    fn title_outlet_suffix() {
        assert_eq!(
            strip_outlet("Storm hits coast | The Courier", Some("The Courier"), None),
            "Storm hits coast"
        );
        assert_eq!(
            strip_outlet(
                "BBC Sport - Cup draw made",
                None,
                Some("https://www.bbc.co.uk/sport")
            ),
            "Cup draw made"
        );
        assert_eq!(
            strip_outlet("Rates - what next?", Some("Wire"), None),
            "Rates - what next?"
        );
    }

    #[test]
    fn languages() {
        assert_eq!(primary_language("en_US").as_deref(), Some("en"));
        assert_eq!(primary_language("DE").as_deref(), Some("de"));
        assert_eq!(primary_language("english"), None);
        assert_eq!(primary_language(""), None);
    }
}
