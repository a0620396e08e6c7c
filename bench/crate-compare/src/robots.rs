//! storyline's robots.txt matcher against texting_robots, on RFC 9309's rules: how many of
//! the cases below each decides as the RFC says, and how long a million decisions take.

use std::time::Instant;

use storyline_crawl::Robots;
use texting_robots::Robot;

/// The product token both crawlers look for.
const TOKEN: &str = "storylinebot";

/// (robots.txt, path, allowed per RFC 9309, the rule the case checks).
const CASES: &[(&str, &str, bool, &str)] = &[
    ("User-agent: *\nAllow: /p\nDisallow: /", "/page", true, "2.2.2 longest match wins"),
    ("User-agent: *\nAllow: /folder\nDisallow: /folder", "/folder/page", true, "2.2.2 allow wins a tie"),
    ("User-agent: *\nDisallow: /*.gif$", "/a.gif", false, "2.2.3 * and $"),
    ("User-agent: *\nDisallow: /*.gif$", "/a.gif?x=1", true, "2.2.3 $ anchors the end"),
    ("User-agent: *\nDisallow: /a*b$", "/axxb", false, "2.2.3 * in the middle"),
    ("User-agent: *\nDisallow: /foo/bar?baz=quz", "/foo/bar?baz=quz", false, "2.2.2 query is part of the path"),
    ("User-agent: *\nDisallow: /%7Efoo", "/~foo", false, "2.2.2 unreserved escapes decoded"),
    ("User-agent: *\nDisallow: /~foo", "/%7Efoo", false, "2.2.2 unreserved escapes decoded (path side)"),
    ("User-agent: *\nDisallow: /foo/bar/\u{30c4}", "/foo/bar/%E3%83%84", false, "2.2.2 non-ASCII percent-encoded"),
    ("User-agent: *\nDisallow: /foo/bar/%E3%83%84", "/foo/bar/\u{30c4}", false, "2.2.2 non-ASCII percent-encoded (path side)"),
    ("User-agent: *\nDisallow: /foo/bar/%e3%83%84", "/foo/bar/%E3%83%84", false, "2.2.2 hex case"),
    ("User-agent: storylinebot\nDisallow: /a\n\nUser-agent: *\nDisallow: /", "/b", true, "2.2.1 own group beats *"),
    ("User-agent: *\nDisallow: /\n\nUser-agent: StorylineBot\nAllow: /", "/x", true, "2.2.1 token case-insensitive"),
    ("User-agent: storylinebot\nDisallow: /a\n\nUser-agent: *\nDisallow: /b\n\nUser-agent: storylinebot\nDisallow: /c", "/c", false, "2.2.1 own groups merged"),
    ("User-agent: *\nDisallow: /robots.txt", "/robots.txt", true, "2.2.2 /robots.txt always allowed"),
    ("User-agent: *\nDisallow:", "/x", true, "2.2.2 empty disallow"),
    ("User-agent: other\nDisallow: /", "/x", true, "2.2.1 no group for us: allowed"),
];

/// Prints agreement with the RFC and the time of a million decisions for each side.
pub fn compare() {
    let mut ours_right = 0;
    let mut theirs_right = 0;
    for (body, path, want, rule) in CASES {
        let ours = Robots::parse(body, TOKEN).allows(path);
        let theirs = Robot::new(TOKEN, body.as_bytes())
            .map(|r| r.allowed(path))
            .unwrap_or(true);
        ours_right += usize::from(ours == *want);
        theirs_right += usize::from(theirs == *want);
        if ours != *want || theirs != *want {
            println!("  {rule}: {path} RFC {want}, storyline {ours}, texting_robots {theirs}");
        }
    }
    let body = "User-agent: *\nDisallow: /private/\nDisallow: /*.pdf$\nAllow: /private/press/\nDisallow: /search?\nDisallow: /tag/*/feed\n";
    let paths: Vec<String> = (0..1000)
        .map(|i| match i % 4 {
            0 => format!("/private/press/{i}"),
            1 => format!("/news/2024/story-{i}.html"),
            2 => format!("/files/report-{i}.pdf"),
            _ => format!("/tag/t{i}/feed"),
        })
        .collect();
    let ours = Robots::parse(body, TOKEN);
    let theirs = Robot::new(TOKEN, body.as_bytes()).ok();
    let time = |f: &dyn Fn(&str) -> bool| {
        let t = Instant::now();
        let mut n = 0usize;
        for _ in 0..1000 {
            for p in &paths {
                n += usize::from(f(p));
            }
        }
        (t.elapsed().as_secs_f64() * 1e3, n)
    };
    let (ms_ours, n_ours) = time(&|p| ours.allows(p));
    let (ms_theirs, n_theirs) = time(&|p| theirs.as_ref().is_none_or(|r| r.allowed(p)));
    println!(
        "robots.txt, {} RFC 9309 cases: storyline {ours_right} right, texting_robots {theirs_right} right; 1M decisions: storyline {ms_ours:.1} ms ({n_ours} allowed), texting_robots {ms_theirs:.1} ms ({n_theirs} allowed)",
        CASES.len()
    );
}
