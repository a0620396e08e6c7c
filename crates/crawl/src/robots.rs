//! robots.txt (RFC 9309): parsing the groups that apply to our product token, and deciding
//! whether a path may be fetched.
//!
//! Rules: the group(s) naming our token win over `*`; within them the longest matching
//! pattern decides, `Allow` winning a tie; `*` matches any run of characters and a final `$`
//! anchors the end. Patterns and paths are compared in one percent-encoded form (RFC 9309
//! 2.2.2): escapes of unreserved characters decoded (`%7E` is `~`), other escapes' hex in
//! upper case, characters outside US-ASCII percent-encoded. `/robots.txt` itself is always
//! allowed. `Crawl-delay`, though not in the
//! RFC, is widely used by news sites and honoured (the fetcher caps it).

use std::borrow::Cow;
use std::time::Duration;

/// Lines read from one robots.txt at most: RFC 9309 asks crawlers to parse at least 500 KiB,
/// and the fetcher caps the body there; this bounds the work on a file of tiny lines.
const MAX_LINES: usize = 100_000;

/// One `Allow` or `Disallow` line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    allow: bool,
    pattern: String,
}

/// The rules of one robots.txt that apply to one product token.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Robots {
    rules: Vec<Rule>,
    crawl_delay: Option<Duration>,
}

impl Robots {
    /// Parses a robots.txt body for the crawler whose product token is `token` (e.g.
    /// `storyline`): the groups naming it if any, else the `*` groups, else no rules.
    pub fn parse(body: &str, token: &str) -> Robots {
        let token = token.to_ascii_lowercase();
        let mut mine = Robots::default();
        let mut star = Robots::default();
        let mut found_mine = false;
        // The agents of the group being read; a rule line closes the list of agents.
        let mut agents: Vec<String> = Vec::new();
        let mut in_rules = false;
        for line in body.lines().take(MAX_LINES) {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if in_rules {
                        agents.clear();
                        in_rules = false;
                    }
                    agents.push(value.to_ascii_lowercase());
                }
                "allow" | "disallow" | "crawl-delay" => {
                    in_rules = true;
                    let is_mine = agents.iter().any(|a| a == &token);
                    let is_star = agents.iter().any(|a| a == "*");
                    found_mine |= is_mine;
                    let target = if is_mine {
                        &mut mine
                    } else if is_star {
                        &mut star
                    } else {
                        continue;
                    };
                    if key == "crawl-delay" {
                        if let Ok(secs) = value.parse::<f64>() {
                            if secs.is_finite() && secs >= 0.0 {
                                target.crawl_delay = Some(Duration::from_secs_f64(secs.min(1e6)));
                            }
                        }
                    } else if !value.is_empty() {
                        // An empty `Disallow:` allows everything: it adds no rule.
                        target.rules.push(Rule {
                            allow: key == "allow",
                            pattern: normalise(value).into_owned(),
                        });
                    }
                }
                _ => {}
            }
        }
        if found_mine {
            mine
        } else {
            star
        }
    }

    /// Rules that allow everything (a robots.txt that is absent: any 4xx answer).
    pub fn allow_all() -> Robots {
        Robots::default()
    }

    /// Whether `path` (path and query, as sent on the request line) may be fetched.
    pub fn allows(&self, path: &str) -> bool {
        let path = normalise(path);
        if path == "/robots.txt" {
            return true;
        }
        let mut best: Option<(usize, bool)> = None;
        for rule in &self.rules {
            if !pattern_matches(&rule.pattern, &path) {
                continue;
            }
            let len = rule.pattern.len();
            best = match best {
                Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                _ => Some((len, rule.allow)),
            };
        }
        best.is_none_or(|(_, allow)| allow)
    }

    /// The `Crawl-delay` of the applicable group, if it states one.
    pub fn crawl_delay(&self) -> Option<Duration> {
        self.crawl_delay
    }
}

/// A path or pattern in the one form they are compared in: `%XX` escapes of unreserved
/// characters (letters, digits, `-._~`) decoded, other escapes' hex digits upper-cased, and
/// every byte outside US-ASCII percent-encoded (so `/ä`, `/%c3%a4` and `/%C3%A4` are equal,
/// as are `/~a` and `/%7Ea`). Reserved characters keep their escapes: `%2F` is not `/`.
fn normalise(text: &str) -> Cow<'_, str> {
    if text.bytes().all(|b| b.is_ascii() && b != b'%') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let escape = match (bytes.get(i + 1), bytes.get(i + 2)) {
            (Some(&h), Some(&l)) if b == b'%' => hex(h).zip(hex(l)).map(|(h, l)| h * 16 + l),
            _ => None,
        };
        match escape {
            Some(c) if c.is_ascii_alphanumeric() || b"-._~".contains(&c) => {
                out.push(char::from(c));
                i += 3;
            }
            Some(c) => {
                out.push_str(&format!("%{c:02X}"));
                i += 3;
            }
            None if b.is_ascii() => {
                out.push(char::from(b));
                i += 1;
            }
            None => {
                out.push_str(&format!("%{b:02X}"));
                i += 1;
            }
        }
    }
    Cow::Owned(out)
}

/// The value of one hex digit.
fn hex(digit: u8) -> Option<u8> {
    char::from(digit)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// Whether a robots pattern matches a path from its start: `*` is any run of characters, a
/// final `$` anchors the end. Greedy leftmost matching of the literal pieces is exact for
/// patterns made of literals and `*` only, and runs in time linear in the path per piece.
fn pattern_matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let pieces: Vec<&str> = pattern.split('*').collect();
    let Some((first, rest)) = pieces.split_first() else {
        return true;
    };
    let Some(mut remaining) = path.strip_prefix(first) else {
        return false;
    };
    if rest.is_empty() {
        return !anchored || remaining.is_empty();
    }
    let (last, middle) = match rest.split_last() {
        Some(x) => x,
        None => return true,
    };
    for piece in middle {
        match remaining.find(piece) {
            Some(at) => remaining = remaining.get(at + piece.len()..).unwrap_or(""),
            None => return false,
        }
    }
    if anchored {
        remaining.ends_with(last)
    } else {
        remaining.contains(last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "\
# A regional paper's robots.txt
User-agent: *
Disallow: /search
Disallow: /*.pdf$
Allow: /search/about
Crawl-delay: 2

User-agent: BadBot
Disallow: /
";

    #[test]
    fn star_group_applies_when_we_are_not_named() {
        let r = Robots::parse(SITE, "storyline");
        assert!(r.allows("/sport/2024/05/derby-report"));
        assert!(!r.allows("/search?q=council+budget"));
        assert!(r.allows("/search/about"));
        assert!(!r.allows("/reports/annual-budget.pdf"));
        assert!(r.allows("/reports/annual-budget.pdf?page=2"));
        assert_eq!(r.crawl_delay(), Some(Duration::from_secs(2)));
    }

    #[test]
    fn our_own_group_wins_over_star() {
        let body = "User-agent: *\nDisallow: /\n\nUser-agent: Storyline\nUser-agent: other\nAllow: /news/\nDisallow: /\n";
        let r = Robots::parse(body, "storyline");
        assert!(r.allows("/news/markets-close-higher"));
        assert!(!r.allows("/weather"));
    }

    #[test]
    fn longest_match_decides_and_allow_wins_ties() {
        let body = "User-agent: *\nDisallow: /science/\nAllow: /science/space\nAllow: /tie\nDisallow: /tie\n";
        let r = Robots::parse(body, "storyline");
        assert!(!r.allows("/science/lab-results"));
        assert!(r.allows("/science/space/probe-lands"));
        assert!(r.allows("/tie"));
    }

    #[test]
    fn empty_disallow_and_missing_file_allow_everything() {
        let r = Robots::parse("User-agent: *\nDisallow:\n", "storyline");
        assert!(r.allows("/anything"));
        assert!(Robots::allow_all().allows("/business/rates"));
        assert!(Robots::parse("", "storyline").allows("/x"));
    }

    #[test]
    fn robots_txt_itself_is_always_allowed() {
        let r = Robots::parse("User-agent: *\nDisallow: /\n", "storyline");
        assert!(r.allows("/robots.txt"));
        assert!(!r.allows("/"));
    }

    #[test]
    fn wildcards_in_the_middle() {
        assert!(pattern_matches("/*/private/*", "/sport/private/x"));
        assert!(!pattern_matches("/*/private/*", "/sport/public/x"));
        assert!(pattern_matches("/a*b*c$", "/axxbyyc"));
        assert!(!pattern_matches("/a*b*c$", "/axxbyycd"));
        assert!(pattern_matches("*", "/"));
    }

    #[test]
    fn paths_and_patterns_match_after_percent_decoding() {
        let body = "User-agent: *\nDisallow: /~staff/\nDisallow: /caf%c3%a9/\nDisallow: /a%2Fb\nDisallow: /ä/\n";
        let r = Robots::parse(body, "storyline");
        assert!(!r.allows("/%7Estaff/notes"));
        assert!(!r.allows("/%7estaff/notes"));
        assert!(!r.allows("/café/menu"));
        assert!(!r.allows("/caf%C3%A9/menu"));
        assert!(!r.allows("/%C3%A4/x"));
        assert!(!r.allows("/a%2fb"));
        assert!(r.allows("/a/b"), "an escaped slash is not a slash");
        assert!(r.allows("/staff/notes"));
        assert_eq!(normalise("/%zz%4"), "/%zz%4");
    }

    #[test]
    fn garbage_never_panics() {
        let r = Robots::parse("\u{0}\u{ff}:::\nUser-agent\nDisallow: *$*$\n", "storyline");
        assert!(r.allows("/"));
    }
}
