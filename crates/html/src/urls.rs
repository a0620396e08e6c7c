//! URL helpers: absolute URLs from page links, and an outlet name from a domain.
//!
//! The outlet fallback is the site's registrable name without its public suffix and without
//! host prefixes such as `www.`: `https://www.bbc.co.uk/news/x` → `bbc`,
//! `https://edition.cnn.com/x` → `cnn`, `https://www.theguardian.com/x` → `theguardian`.
//! It is lower case, as the domain is; capitalising it would be a guess.

use storyline_lexicon::{is_metadata_word, MetadataClass};

/// Host of an absolute `http(s)` URL, lower case, without port or user info.
pub fn host(url: &str) -> Option<String> {
    let rest = url.trim();
    let (scheme, rest) = rest.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    let host = authority
        .split(':')
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// Readable outlet name from a URL's domain (see the module doc), `None` for IP addresses.
pub fn outlet_from_url(url: &str) -> Option<String> {
    let host = host(url)?;
    if host.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let mut labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    // Host prefixes that name a server or a mobile edition, not the site.
    while labels.len() > 2
        && labels
            .first()
            .is_some_and(|l| is_metadata_word(MetadataClass::HostPrefix, l))
    {
        labels.remove(0);
    }
    let n = labels.len();
    // Drop the top-level label, and a generic second level under a two-letter country code.
    let suffix = match (labels.get(n.wrapping_sub(2)), labels.last()) {
        (Some(second), Some(tld))
            if n >= 3 && tld.len() == 2 && storyline_lexicon::is_second_level_label(second) =>
        {
            2
        }
        _ => 1,
    };
    let rest = labels.get(..n.checked_sub(suffix)?)?;
    // A one- or two-letter label left over is a regional level (`city.sc.gov.br`): skip it.
    let name = match rest {
        [.., name, region] if region.len() <= 2 => name,
        [.., name] => name,
        [] => return None,
    };
    Some((*name).to_string())
}

/// Makes `href` absolute against `base`; `None` when it cannot (no base, odd scheme).
pub fn absolute(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    if host(href).is_some() {
        return Some(href.to_string());
    }
    let base = base?.trim();
    let (scheme, rest) = base.split_once("://")?;
    host(base)?;
    if let Some(net) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{net}"));
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    if href.starts_with('/') {
        return Some(format!("{scheme}://{authority}{href}"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_names() {
        let o = |u| outlet_from_url(u);
        assert_eq!(o("https://www.bbc.co.uk/news/uk-1").as_deref(), Some("bbc"));
        assert_eq!(
            o("https://edition.cnn.com/2021/x.html").as_deref(),
            Some("cnn")
        );
        assert_eq!(o("http://www.smh.com.au/sport").as_deref(), Some("smh"));
        assert_eq!(o("https://dw.com/en/a-1").as_deref(), Some("dw"));
        assert_eq!(o("https://www.dw.com/en/a-1").as_deref(), Some("dw"));
        assert_eq!(o("https://m.ft.com/x").as_deref(), Some("ft"));
        assert_eq!(
            o("https://user@News.Example.ORG:8080/x").as_deref(),
            Some("example")
        );
        assert_eq!(o("https://lemonde.fr").as_deref(), Some("lemonde"));
        assert_eq!(
            o("https://www.riverton.sc.gov.br/news/1").as_deref(),
            Some("riverton")
        );
        assert_eq!(o("http://127.0.0.1/x"), None);
        assert_eq!(o("ftp://example.com/x"), None);
        assert_eq!(o("not a url"), None);
        assert_eq!(o("https://localhost/x"), None);
    }

    #[test]
    fn absolute_urls() {
        let base = Some("https://news.example.com/a/b?c=1");
        assert_eq!(
            absolute("/sport/x", base).as_deref(),
            Some("https://news.example.com/sport/x")
        );
        assert_eq!(
            absolute("//cdn.example.com/y", base).as_deref(),
            Some("https://cdn.example.com/y")
        );
        assert_eq!(
            absolute("https://other.example/z", None).as_deref(),
            Some("https://other.example/z")
        );
        assert_eq!(absolute("relative/path", base), None);
        assert_eq!(absolute("/x", None), None);
        assert_eq!(absolute("  ", base), None);
    }
}
