//! Codes the events of each line of standard input (or of the arguments) and prints them.
//!
//! `cargo run -p storyline-events --example code_events -- "Russia attacked Ukraine."`

use std::io::BufRead;

use storyline_entities::EntityRecognizer;
use storyline_events::EventCoder;
use storyline_record::Article;
use storyline_segment::Segmenter;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lines: Vec<String> = if args.is_empty() {
        std::io::stdin()
            .lock()
            .lines()
            .map_while(Result::ok)
            .collect()
    } else {
        args
    };
    let (seg, ner, coder) = (Segmenter::new(), EntityRecognizer::new(), EventCoder::new());
    for line in lines {
        let mut a = Article::new("stdin", line.clone());
        a.set_text(line);
        a.meta.published = Some("2022-01-30".into());
        seg.annotate(&mut a);
        ner.annotate(&mut a);
        coder.annotate(&mut a);
        println!("{}", a.text);
        for e in &a.events {
            println!(
                "  {} {:?}>{:?} trigger={:?} neg={} hyp={} date={:?} place={:?}",
                e.action,
                e.source_actor,
                e.target_actor,
                e.trigger.slice(&a.text),
                e.negated,
                e.hypothetical,
                e.date,
                e.place
            );
        }
    }
}
