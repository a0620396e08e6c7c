//! Web addresses and e-mail addresses, found in one linear pass over the text: each becomes a
//! single token, as in the UD treebanks.
//!
//! Recognised: "http://…", "https://…" and "www.…" addresses, a domain followed by a path
//! ("dw.com/en/…"), and e-mail addresses ("press@un.org"). Addresses are ASCII; trailing
//! sentence punctuation and closing brackets are left out ("see www.un.org." ends before the
//! dot). An address starts at the beginning of the text or after an ASCII non-alphanumeric
//! character, never inside a word.

use storyline_record::Span;

/// Bytes allowed in a web address (RFC 3986 characters, without quotes).
fn is_url_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&()*+,;=%".contains(&b)
}

/// Bytes allowed in a domain name.
fn is_domain_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'.'
}

/// Bytes allowed in the local part of an e-mail address.
fn is_local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"._%+-".contains(&b)
}

/// Whether an address may start at byte `i`: at the start of the text or after an ASCII
/// character that is not a letter or digit.
fn starts_here(b: &[u8], i: usize) -> bool {
    i == 0
        || b.get(i - 1)
            .is_some_and(|p| p.is_ascii() && !p.is_ascii_alphanumeric())
}

/// Byte spans of the web and e-mail addresses of `text`, in order, never overlapping or
/// touching, each on char boundaries (addresses are ASCII).
pub(crate) fn links(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out: Vec<Span> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // Back-scans stop at the end of the last address, so the pass stays linear.
        let floor = out.last().map_or(0, |s| s.end());
        let found = match b[i] {
            b'h' | b'H' | b'w' | b'W' => web_at(b, i),
            b'@' => email_around(b, i, floor),
            b'/' => domain_path_around(b, i, floor),
            _ => None,
        };
        // Two addresses never touch: the second would be one token with the first.
        match found.filter(|s| out.is_empty() || s.start() > floor) {
            Some(span) => {
                out.push(span);
                i = span.end();
            }
            None => i += 1,
        }
    }
    out
}

/// The address starting with "http://", "https://" or "www." at byte `i`.
fn web_at(b: &[u8], i: usize) -> Option<Span> {
    let rest = b.get(i..)?;
    let prefix = [&b"https://"[..], b"http://", b"www."]
        .into_iter()
        .find(|p| {
            rest.get(..p.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(p))
        })?;
    if !starts_here(b, i) {
        return None;
    }
    let end = url_end(b, i + prefix.len());
    (end > i + prefix.len()).then(|| Span::new(i, end))
}

/// The e-mail address around the "@" at byte `at`, not reaching back before `floor`.
fn email_around(b: &[u8], at: usize, floor: usize) -> Option<Span> {
    let mut start = at;
    while start > floor && b.get(start - 1).copied().is_some_and(is_local_byte) {
        start -= 1;
    }
    // The local part starts with a letter or digit.
    while start < at && !b[start].is_ascii_alphanumeric() {
        start += 1;
    }
    if start == at || !starts_here(b, start) {
        return None;
    }
    let end = domain_end(b, at + 1)?;
    Some(Span::new(start, end))
}

/// The address made of the domain before the "/" at byte `slash` and the path after it.
fn domain_path_around(b: &[u8], slash: usize, floor: usize) -> Option<Span> {
    let mut start = slash;
    while start > floor && b.get(start - 1).copied().is_some_and(is_domain_byte) {
        start -= 1;
    }
    if start == slash || !b[start].is_ascii_alphanumeric() || !starts_here(b, start) {
        return None;
    }
    if domain_end(b, start)? != slash {
        return None;
    }
    Some(Span::new(start, url_end(b, slash)))
}

/// End of the domain name starting at byte `start`: two or more dot-separated labels, the
/// last of two letters or more.
fn domain_end(b: &[u8], start: usize) -> Option<usize> {
    let len = b
        .get(start..)?
        .iter()
        .take_while(|&&c| is_domain_byte(c))
        .count();
    let domain = b.get(start..start + len)?;
    let domain = domain.strip_suffix(b".").unwrap_or(domain);
    let mut labels = domain.split(|&c| c == b'.');
    let first = labels.next()?;
    let mut last = first;
    let mut count = 1;
    for label in labels {
        if label.is_empty() {
            return None;
        }
        last = label;
        count += 1;
    }
    let tld = last.len() >= 2 && last.iter().all(u8::is_ascii_alphabetic);
    (count >= 2 && !first.is_empty() && tld).then_some(start + domain.len())
}

/// End of the address whose body continues at byte `from`, without trailing punctuation.
fn url_end(b: &[u8], from: usize) -> usize {
    let mut end = from
        + b.get(from..)
            .map_or(0, |r| r.iter().take_while(|&&c| is_url_byte(c)).count());
    while end > from && b".,;:!?)]".contains(&b[end - 1]) {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        links(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn web_addresses_stop_before_trailing_punctuation() {
        assert_eq!(
            found("Read it at https://www.dw.com/en/nato-talks/a-60591425. Or (www.un.org)!"),
            ["https://www.dw.com/en/nato-talks/a-60591425", "www.un.org"]
        );
        assert_eq!(
            found("Follow him: https://twitter.com/ChadSDay, then"),
            ["https://twitter.com/ChadSDay"]
        );
    }

    #[test]
    fn a_domain_with_a_path_is_an_address_but_a_bare_domain_is_not() {
        assert_eq!(
            found("on dw.com/en/top-stories today"),
            ["dw.com/en/top-stories"]
        );
        assert!(found("on dw.com today, and/or 3.5/10, U.S./Mexico").is_empty());
    }

    #[test]
    fn email_addresses() {
        assert_eq!(
            found("Write to press.office@un.org, or tips@bbc.co.uk."),
            ["press.office@un.org", "tips@bbc.co.uk"]
        );
        assert!(found("meet @ 5pm, @handle, a@b").is_empty());
    }

    #[test]
    fn addresses_never_start_inside_a_word() {
        assert!(found("rewww.x.com and éhttp://x.com and naïve@x.com").is_empty());
    }
}
