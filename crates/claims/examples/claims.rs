//! Prints the claims this stage finds in each line of standard input (no other stages run,
//! so subjects and places fall back to capitalisation): `cargo run --example claims < file`.

use std::io::Read;
use storyline_claims::ClaimFinder;
use storyline_record::Article;

fn main() {
    let mut input = String::new();
    if std::io::stdin().read_to_string(&mut input).is_err() {
        return;
    }
    let finder = ClaimFinder::new();
    for line in input.lines().filter(|l| !l.trim().is_empty()) {
        let mut a = Article::new("stdin", line);
        a.set_text(line.to_string());
        a.meta.outlet = Some("OUTLET".into());
        finder.annotate(&mut a);
        println!("{line}");
        for c in &a.claims {
            println!(
                "    {} {:?} noun={:?} hedge={:?} subj={:?} place={:?} by={:?} [{}]",
                c.value,
                c.unit,
                c.noun,
                c.hedge,
                c.subject,
                c.place,
                c.claimant,
                c.span.slice(&a.text)
            );
        }
    }
}
