//! Prints the entities of a text file (or of standard input): `cargo run -p
//! storyline-entities --example entities -- FILE`.

use std::io::Read;

use storyline_entities::EntityRecognizer;
use storyline_record::Article;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    let mut article = Article::new("stdin", text.clone());
    article.set_text(text);
    EntityRecognizer::new().annotate(&mut article);
    for e in &article.entities {
        let role = e.role.as_deref().unwrap_or("-");
        println!(
            "{:6} {:40} role={:30} aliases={:?} n={}",
            e.kind.as_str(),
            e.name,
            role,
            e.aliases,
            e.mentions.len()
        );
    }
    Ok(())
}
