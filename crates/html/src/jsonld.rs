//! JSON-LD `NewsArticle` (and kin) in `<script type="application/ld+json">` blocks.
//!
//! News sites emit one object, an array of objects, or a `@graph` whose nodes refer to each
//! other by `@id` (the author and publisher often live in separate nodes). All of these are
//! flattened into one list of nodes, and references are resolved by `@id` before reading.

use serde_json::Value;

/// schema.org types whose node describes the article itself.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "SatiricalArticle",
];

/// The article fields found in the page's JSON-LD, raw (not yet normalised).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LdArticle {
    /// `headline`, else `name`.
    pub headline: Option<String>,
    /// `datePublished`, else `dateCreated`.
    pub published: Option<String>,
    /// Names of `author`, whether strings, objects or an array of either.
    pub authors: Vec<String>,
    /// `publisher.name`.
    pub publisher: Option<String>,
    /// `inLanguage`.
    pub language: Option<String>,
    /// `url`, else `mainEntityOfPage` (a URL or an object with `@id`).
    pub url: Option<String>,
}

/// Reads the first article node out of the JSON-LD blocks of a page.
pub fn article(blocks: &[String]) -> Option<LdArticle> {
    let mut nodes = Vec::new();
    for block in blocks {
        if let Some(v) = parse_block(block) {
            flatten(v, &mut nodes, 0);
        }
    }
    // Pages that are not typed as articles (`MedicalWebPage`, `ClaimReview`) still describe
    // themselves with a headline and dates; such a node is the fallback.
    let art = nodes
        .iter()
        .find(|n| has_article_type(n))
        .or_else(|| nodes.iter().find(|n| describes_page(n)))?;
    let lookup = |v: &Value| -> Option<Value> {
        // A bare `{"@id": …}` points at another node of the graph.
        let id = v
            .as_object()
            .filter(|o| o.len() == 1)?
            .get("@id")?
            .as_str()?;
        nodes
            .iter()
            .find(|n| n.get("@id").and_then(Value::as_str) == Some(id))
            .cloned()
    };
    let resolve = |v: &Value| lookup(v).unwrap_or_else(|| v.clone());
    let mut authors = Vec::new();
    if let Some(a) = art.get("author") {
        let list = match a {
            Value::Array(items) => items.clone(),
            other => vec![other.clone()],
        };
        for item in list {
            if let Some(name) = name_of(&resolve(&item)) {
                if !authors.contains(&name) {
                    authors.push(name);
                }
            }
        }
    }
    let publisher = art.get("publisher").map(|p| match p {
        Value::Array(items) => items.first().map(&resolve).unwrap_or(Value::Null),
        other => resolve(other),
    });
    Some(LdArticle {
        headline: text(art.get("headline")).or_else(|| text(art.get("name"))),
        published: text(art.get("datePublished")).or_else(|| text(art.get("dateCreated"))),
        authors,
        publisher: publisher.as_ref().and_then(name_of),
        language: text(art.get("inLanguage")).or_else(|| {
            art.get("inLanguage")
                .and_then(|l| text(l.get("alternateName").or(l.get("name"))))
        }),
        url: text(art.get("url")).or_else(|| {
            let m = art.get("mainEntityOfPage")?;
            text(Some(m))
                .or_else(|| text(m.get("@id")))
                .or_else(|| text(m.get("url")))
        }),
    })
}

/// Parses one block, tolerating the wrappers and raw control characters sites leave in.
fn parse_block(block: &str) -> Option<Value> {
    let t = block.trim();
    let t = t
        .strip_prefix("<![CDATA[")
        .and_then(|t| t.strip_suffix("]]>"))
        .unwrap_or(t);
    let t = t
        .strip_prefix("<!--")
        .and_then(|t| t.strip_suffix("-->"))
        .unwrap_or(t)
        .trim();
    serde_json::from_str(t).ok().or_else(|| {
        // Raw newlines and tabs inside strings are invalid JSON but common in CMS output.
        let cleaned: String = t
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&cleaned).ok()
    })
}

/// Collects objects from arrays and `@graph`s, depth-limited against hostile nesting.
fn flatten(v: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.into_iter().for_each(|i| flatten(i, out, depth + 1)),
        Value::Object(mut o) => {
            if let Some(g) = o.remove("@graph") {
                flatten(g, out, depth + 1);
            }
            out.push(Value::Object(o));
        }
        _ => {}
    }
}

fn has_article_type(n: &Value) -> bool {
    let is = |t: &Value| {
        t.as_str()
            .is_some_and(|s| ARTICLE_TYPES.contains(&s.trim_start_matches("schema:")))
    };
    match n.get("@type") {
        Some(Value::Array(ts)) => ts.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

/// A non-article node that still reads as the page's own description.
fn describes_page(n: &Value) -> bool {
    let page_type = |t: &Value| {
        t.as_str()
            .is_some_and(|s| s.ends_with("WebPage") || s == "ClaimReview" || s == "Blog")
    };
    let typed = match n.get("@type") {
        Some(Value::Array(ts)) => ts.iter().any(page_type),
        Some(t) => page_type(t),
        None => false,
    };
    n.get("headline").is_some() || (typed && n.get("datePublished").is_some())
}

/// A person's or organisation's name: a string, or an object's `name`.
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(_) => text(Some(v)),
        Value::Object(o) => text(o.get("name")),
        _ => None,
    }
}

/// A non-empty string value, whitespace collapsed.
fn text(v: Option<&Value>) -> Option<String> {
    let s = v?
        .as_str()?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> LdArticle {
        article(&[s.to_string()]).unwrap_or_default()
    }

    #[test]
    fn plain_news_article() {
        let a = one(r#"{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Harbour bridge reopens after repairs","datePublished":"2022-06-01T08:00:00+10:00",
            "author":{"@type":"Person","name":"Mia Thompson"},
            "publisher":{"@type":"Organization","name":"Coastal Herald"},"inLanguage":"en-AU",
            "mainEntityOfPage":{"@type":"WebPage","@id":"https://coastalherald.example/bridge"}}"#);
        assert_eq!(
            a.headline.as_deref(),
            Some("Harbour bridge reopens after repairs")
        );
        assert_eq!(a.published.as_deref(), Some("2022-06-01T08:00:00+10:00"));
        assert_eq!(a.authors, vec!["Mia Thompson"]);
        assert_eq!(a.publisher.as_deref(), Some("Coastal Herald"));
        assert_eq!(a.language.as_deref(), Some("en-AU"));
        assert_eq!(
            a.url.as_deref(),
            Some("https://coastalherald.example/bridge")
        );
    }

    #[test]
    fn graph_with_references_and_author_array() {
        let a = one(r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"https://x.example/#site","name":"X"},
            {"@type":"NewsMediaOrganization","@id":"https://x.example/#org","name":"Valley Times"},
            {"@type":["ReportageNewsArticle"],"headline":"Mill to close","datePublished":"2023-01-09",
             "author":[{"@id":"https://x.example/#p1"},"Sam Okafor"],"publisher":{"@id":"https://x.example/#org"}},
            {"@type":"Person","@id":"https://x.example/#p1","name":"Ana Ruiz"}]}"#);
        assert_eq!(a.headline.as_deref(), Some("Mill to close"));
        assert_eq!(a.authors, vec!["Ana Ruiz", "Sam Okafor"]);
        assert_eq!(a.publisher.as_deref(), Some("Valley Times"));
    }

    #[test]
    fn array_block_and_raw_newlines() {
        let a = one("[{\"@type\":\"BreadcrumbList\"},{\"@type\":\"Article\",\"headline\":\"Line one\nline two\",\"author\":\"Desk\"}]");
        assert_eq!(a.headline.as_deref(), Some("Line one line two"));
        assert_eq!(a.authors, vec!["Desk"]);
    }

    #[test]
    fn page_typed_nodes_are_the_fallback() {
        let a = one(r#"[{"@type":"Organization","name":"Clinic Weekly"},
            {"@type":"MedicalWebPage","headline":"Ten ways to sleep better","datePublished":"2020-02-03",
             "publisher":{"@type":"Organization","name":"Clinic Weekly"}}]"#);
        assert_eq!(a.headline.as_deref(), Some("Ten ways to sleep better"));
        assert_eq!(a.publisher.as_deref(), Some("Clinic Weekly"));
        let a = one(r#"{"@type":"ClaimReview","datePublished":"2021-07-08T10:00:00+00:00"}"#);
        assert_eq!(a.published.as_deref(), Some("2021-07-08T10:00:00+00:00"));
    }

    #[test]
    fn no_article_or_broken_json() {
        assert_eq!(
            article(&["{\"@type\":\"WebPage\"}".into(), "{not json".into()]),
            None
        );
        assert_eq!(article(&[]), None);
        let deep = format!(
            "{}{{\"@type\":\"Article\"}}{}",
            "[".repeat(100),
            "]".repeat(100)
        );
        assert_eq!(article(&[deep]), None);
    }
}
