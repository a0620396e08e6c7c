//! `storyline train clusters`: learn word clusters (Brown clusters) from unlabelled text and
//! write them in the `paths` format the entity tagger reads (`models/clusters.tsv`).

use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use storyline_learn::{ClusterOptions, Clusters};
use storyline_ner::corpus::read_conll2003;
use storyline_syntax::clusters::cluster_form;
use storyline_syntax::conllu;

use crate::messages;
use crate::train::files_of;

/// Flags of `storyline train clusters`.
#[derive(Args, Debug)]
pub struct ClusterTrainFlags {
    /// Unlabelled text: CoNLL-U treebanks (`.conllu`, their words as given), CoNLL-2003 files
    /// (`.txt` opening with `-DOCSTART-`), JSON lines of articles (`.jsonl`, the `text`
    /// field) or plain text (any other file), tokenized as the pipeline does; folders are read
    /// recursively in name order. Only the words are read: annotations are ignored.
    #[arg(long, num_args = 1.., value_name = "PATH", default_values_t = [
        "../shared/corpora/ud-ewt/train.conllu".to_string(),
        "../shared/corpora/gum/train".to_string(),
        "../shared/corpora/conll2003/train.txt".to_string(),
        "../shared/corpora/polnear/train/input.jsonl".to_string(),
    ])]
    pub text: Vec<String>,
    /// File to write.
    #[arg(long, value_name = "FILE", default_value = "models/clusters.tsv")]
    pub out: String,
    /// Number of classes the words are first divided into (the leaves of the tree).
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub classes: usize,
    /// Words seen fewer times get no cluster.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_count: u64,
    /// Most passes of the exchange algorithm over the vocabulary.
    #[arg(long, value_name = "N", default_value_t = 12)]
    pub passes: usize,
}

/// Runs `storyline train clusters`.
pub fn train_clusters(flags: &ClusterTrainFlags) -> Result<()> {
    anyhow::ensure!(flags.classes >= 2, "--classes must be at least 2");
    let start = Instant::now();
    let mut sentences = Vec::new();
    for file in files_of(&flags.text, None)? {
        match read_sentences(&file) {
            Ok(mut s) => sentences.append(&mut s),
            Err(e) => messages::input_error(&format!("{}: {e:#}", file.display())),
        }
    }
    let words: usize = sentences.iter().map(Vec::len).sum();
    anyhow::ensure!(words > 0, "no words to learn from");
    eprintln!(
        "read {} sentences ({words} words) in {:.1}s",
        sentences.len(),
        start.elapsed().as_secs_f64()
    );
    let opts = ClusterOptions {
        classes: flags.classes,
        min_count: flags.min_count,
        passes: flags.passes,
    };
    let start = Instant::now();
    let clusters = Clusters::train(&sentences, &opts, &mut |pass, moved| {
        eprintln!(
            "pass {pass}/{}: {moved} words moved  {:.1}s",
            opts.passes,
            start.elapsed().as_secs_f64()
        );
    });
    let text = clusters.to_tsv();
    std::fs::write(&flags.out, &text).with_context(|| format!("cannot write {}", flags.out))?;
    eprintln!(
        "wrote {}: {} words, {:.1} MB; trained in {:.0}s",
        flags.out,
        clusters.len(),
        text.len() as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The sentences of one file, as lists of folded forms.
fn read_sentences(file: &Path) -> Result<Vec<Vec<String>>> {
    let text = std::fs::read_to_string(file)?;
    let name = file.to_string_lossy();
    let fold = |forms: &mut dyn Iterator<Item = &str>| forms.map(cluster_form).collect();
    if name.ends_with(".conllu") {
        let (sentences, errors) = conllu::read(&text);
        for e in errors {
            messages::input_error(&format!("{name}:{}: {}", e.line, e.reason));
        }
        return Ok(sentences
            .iter()
            .map(|s| fold(&mut s.words.iter().map(|w| w.form.as_str())))
            .collect());
    }
    if text.trim_start().starts_with("-DOCSTART-") {
        let (docs, errors) = read_conll2003(&text);
        for e in errors {
            messages::input_error(&format!("{name}:{}: {}", e.line, e.reason));
        }
        return Ok(docs
            .iter()
            .flat_map(|d| &d.sentences)
            .map(|s| fold(&mut s.forms.iter().map(String::as_str)))
            .collect());
    }
    if name.ends_with(".jsonl") {
        let mut out = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let value: serde_json::Value = match serde_json::from_str(line) {
                Ok(v) => v,
                Err(e) => {
                    messages::input_error(&format!("{name}:{}: {e}", n + 1));
                    continue;
                }
            };
            match value.get("text").and_then(|t| t.as_str()) {
                Some(t) => tokenized(t, &mut out),
                None => messages::input_error(&format!("{name}:{}: no \"text\" field", n + 1)),
            }
        }
        return Ok(out);
    }
    let mut out = Vec::new();
    tokenized(&text, &mut out);
    Ok(out)
}

/// Appends the sentences of `text` as the pipeline's token layer splits it.
fn tokenized(text: &str, out: &mut Vec<Vec<String>>) {
    let mut current = None;
    for t in storyline_segment::tokenize(text) {
        if current != Some(t.sentence) {
            out.push(Vec::new());
            current = Some(t.sentence);
        }
        if let Some(s) = out.last_mut() {
            s.push(cluster_form(t.span.slice(text)));
        }
    }
}
