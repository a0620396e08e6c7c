//! `storyline parse` and `storyline train`: the token layer from any input, CoNLL-U kept word
//! for word, malformed CoNLL-U reported by line, and the training path on a tiny treebank.

use crate::util::{seeds_dir, Dir};

/// A tiny treebank of our own, in the UD style (two sentences, one with a multiword token).
const TREEBANK: &str = "\
# sent_id = a1
# text = Troops arrived in Kyiv.
1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tarrived\tarrive\tVERB\tVBD\t_\t0\troot\t_\t_
3\tin\tin\tADP\tIN\t_\t4\tcase\t_\t_
4\tKyiv\tKyiv\tPROPN\tNNP\t_\t2\tobl\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# sent_id = a2
# text = The minister won't go.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tminister\tminister\tNOUN\tNN\t_\t5\tnsubj\t_\t_
3-4\twon't\t_\t_\t_\t_\t_\t_\t_\t_
3\two\twill\tAUX\tMD\t_\t5\taux\t_\t_
4\tn't\tnot\tPART\tRB\t_\t5\tadvmod\t_\t_
5\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_

";

/// The word lines of a CoNLL-U text: (ID, FORM, UPOS, HEAD).
fn words(conllu: &str) -> Vec<(String, String, String, String)> {
    conllu
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 10, "not a CoNLL-U line: {l}");
            (
                c[0].to_string(),
                c[1].to_string(),
                c[3].to_string(),
                c[6].to_string(),
            )
        })
        .filter(|w: &(String, String, String, String)| !w.0.contains('-'))
        .collect()
}

#[test]
fn conllu_input_keeps_its_words_and_gets_tags_and_trees() {
    let dir = Dir::new("parse-conllu");
    dir.write("gold.conllu", TREEBANK);
    let run = dir.run(&["parse", "gold.conllu"]);
    run.expect_code(0);
    let out = run.stdout();
    let (gold, pred) = (words(TREEBANK), words(&out));
    assert_eq!(gold.len(), pred.len());
    for (g, p) in gold.iter().zip(&pred) {
        assert_eq!((&g.0, &g.1), (&p.0, &p.1), "words are kept as given");
    }
    assert!(
        out.contains("3-4\twon't"),
        "multiword token line kept: {out}"
    );
    assert!(out.contains("# sent_id = a2"));
    // The shipped models know this much English.
    let upos: Vec<&str> = pred.iter().map(|w| w.2.as_str()).collect();
    assert_eq!(&upos[..5], &["NOUN", "VERB", "ADP", "PROPN", "PUNCT"]);
    assert_eq!(pred[1].3, "0", "arrived is the root: {out}");
    assert_eq!(pred[0].3, "2", "troops depends on arrived: {out}");
}

#[test]
fn malformed_conllu_is_reported_by_line_and_the_rest_is_parsed() {
    let dir = Dir::new("parse-broken");
    let broken = format!("1\tbroken\tline\n\n{TREEBANK}");
    dir.write("broken.conllu", broken);
    let run = dir.run(&["parse", "broken.conllu"]);
    run.expect_code(1);
    assert!(
        run.stderr().contains("broken.conllu:1:"),
        "{}",
        run.stderr()
    );
    assert_eq!(words(&run.stdout()).len(), 11);
}

#[test]
fn text_input_gives_one_tree_per_sentence_with_char_spans() {
    let dir = Dir::new("parse-text");
    let text = "NATO said on Monday it would send 3,000 troops. Russia's minister didn't comment.";
    dir.write("a.txt", text);
    let run = dir.run(&["parse", "a.txt", "--format", "jsonl"]);
    run.expect_code(0);
    let records = run.records();
    assert_eq!(records.len(), 1);
    let r = &records[0];
    let body = r["text"].as_str().expect("text");
    let sentences = r["sentences"].as_array().expect("sentences");
    assert_eq!(sentences.len(), 2, "{r}");
    for s in sentences {
        let tokens = s["tokens"].as_array().expect("tokens");
        let roots = tokens.iter().filter(|t| t["head"] == 0).count();
        assert_eq!(roots, 1, "one root: {s}");
        for t in tokens {
            let head = t["head"].as_u64().expect("head") as usize;
            assert!(head <= tokens.len());
            let (a, b) = (
                t["span"][0].as_u64().expect("span") as usize,
                t["span"][1].as_u64().expect("span") as usize,
            );
            let slice: String = body.chars().skip(a).take(b - a).collect();
            assert_eq!(slice, t["form"].as_str().expect("form"));
        }
    }
    let forms: Vec<&str> = sentences[1]["tokens"]
        .as_array()
        .expect("tokens")
        .iter()
        .map(|t| t["form"].as_str().expect("form"))
        .collect();
    assert_eq!(&forms[..2], &["Russia", "'s"], "UD tokens: {forms:?}");
}

#[test]
fn seeds_parse_to_conllu_that_reads_back() {
    let dir = Dir::new("parse-seeds");
    let seeds = seeds_dir();
    let run = dir.run(&["parse", seeds.to_str().expect("utf8 path")]);
    run.expect_code(0);
    let out = run.stdout();
    assert_eq!(out.matches("# newdoc id = ").count(), 5);
    assert!(words(&out).len() > 2000);
}

#[test]
fn training_runs_on_a_tiny_treebank_and_its_models_load() {
    let dir = Dir::new("train");
    dir.write("train.conllu", TREEBANK.repeat(3));
    dir.write("dev.conllu", TREEBANK);
    let tagger = dir.run(&[
        "train",
        "pos",
        "--train",
        "train.conllu",
        "--dev",
        "dev.conllu",
        "--out",
        "t.stlm",
        "--epochs",
        "3",
    ]);
    tagger.expect_code(0);
    assert!(tagger.stderr().contains("epoch 3/3"), "{}", tagger.stderr());
    let parser = dir.run(&[
        "train",
        "parse",
        "--train",
        "train.conllu",
        "--dev",
        "dev.conllu",
        "--out",
        "p.stlm",
        "--tagger",
        "t.stlm",
        "--epochs",
        "3",
        "--jackknife",
        "2",
        "--beam",
        "2",
    ]);
    parser.expect_code(0);
    assert!(parser.stderr().contains("UAS"), "{}", parser.stderr());
    assert!(
        parser.stderr().contains("jackknifed in 2 folds"),
        "{}",
        parser.stderr()
    );
    // The beam the model was trained with, or the one asked for.
    for beam in [&[][..], &["--beam", "1"][..]] {
        let mut args = vec![
            "parse",
            "dev.conllu",
            "--tagger",
            "t.stlm",
            "--parser",
            "p.stlm",
        ];
        args.extend_from_slice(beam);
        let run = dir.run(&args);
        run.expect_code(0);
        assert_eq!(words(&run.stdout()).len(), 11, "{beam:?}");
    }
    let wrong = dir.run(&["parse", "dev.conllu", "--parser", "t.stlm"]);
    wrong.expect_code(2);
    assert!(wrong.stderr().contains("t.stlm"), "{}", wrong.stderr());
}

/// A tiny CoNLL-2003 corpus of our own (two documents).
const CONLL: &str = "-DOCSTART- -X- -X- O

Maria NNP B-NP B-PER
Lopez NNP I-NP I-PER
left VBD B-VP O
Lisbon NNP B-NP B-LOC
for IN B-PP O
Globex NNP B-NP B-ORG
. . O O

-DOCSTART- -X- -X- O

Globex NNP B-NP B-ORG
hired VBD B-VP O
Amit NNP B-NP B-PER
Rao NNP I-NP I-PER
in IN B-PP O
Oslo NNP B-NP B-LOC
. . O O
";

/// A GUM-style sentence of our own: entity brackets in the MISC column.
const GUM: &str = "\
1\tMaria\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-person-new-x
2\tLopez\t_\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)
3\tjoined\t_\tVERB\tVBD\t_\t0\troot\t_\t_
4\tUnesco\t_\tPROPN\tNNP\t_\t3\tobj\t_\tEntity=(2-organization-new-x)
5\tin\t_\tADP\tIN\t_\t6\tcase\t_\t_
6\tParis\t_\tPROPN\tNNP\t_\t3\tobl\t_\tEntity=(3-place-new-x)

";

#[test]
fn entity_tagger_trains_on_a_tiny_corpus_and_scores_its_model() {
    let dir = Dir::new("train-ner");
    dir.write("train.txt", CONLL.repeat(3));
    dir.write("dev.txt", format!("{CONLL}bad\n"));
    let train = dir.run(&[
        "train",
        "ner",
        "--conll",
        "train.txt",
        "--dev",
        "dev.txt",
        "--out",
        "n.stlm",
        "--epochs",
        "3",
    ]);
    train.expect_code(1);
    assert!(train.stderr().contains("epoch 3/3"), "{}", train.stderr());
    assert!(train.stderr().contains("dev.txt:20"), "{}", train.stderr());
    let eval = dir.run(&["train", "ner", "--dev", "train.txt", "--eval", "n.stlm"]);
    eval.expect_code(0);
    assert!(eval.stdout().contains("PER"), "{}", eval.stdout());
    // GUM's named mentions train and score beside CoNLL's.
    dir.write("gum.conllu", GUM);
    let with_gum = dir.run(&[
        "train",
        "ner",
        "--conll",
        "train.txt",
        "--dev",
        "train.txt",
        "--gum",
        "gum.conllu",
        "--gum-dev",
        "gum.conllu",
        "--out",
        "g.stlm",
        "--epochs",
        "2",
    ]);
    with_gum.expect_code(0);
    assert!(
        with_gum
            .stderr()
            .contains("training on 7 documents (48 words)"),
        "{}",
        with_gum.stderr()
    );
    assert!(
        with_gum.stdout().contains("GUM (1 documents"),
        "{}",
        with_gum.stdout()
    );
    let wrong = dir.run(&["train", "ner", "--dev", "train.txt", "--eval", "dev.txt"]);
    wrong.expect_code(2);
    assert!(wrong.stderr().contains("dev.txt"), "{}", wrong.stderr());
}

#[test]
fn word_clusters_learn_from_every_kind_of_text_and_name_bad_lines() {
    let dir = Dir::new("train-clusters");
    dir.write("tb.conllu", TREEBANK.repeat(2));
    dir.write("ner.txt", CONLL.repeat(2));
    dir.write(
        "articles.jsonl",
        "{\"text\": \"Troops arrived in Kyiv. The minister won't go.\"}\nnot json\n{\"title\": \"x\"}\n",
    );
    dir.write(
        "plain.md",
        "Troops arrived in Lviv. The minister arrived in Kyiv.\n",
    );
    let args = [
        "train",
        "clusters",
        "--text",
        "tb.conllu",
        "ner.txt",
        "articles.jsonl",
        "plain.md",
        "--classes",
        "4",
        "--out",
    ];
    let run = dir.run(&[&args[..], &["a.tsv"]].concat());
    run.expect_code(1);
    assert!(
        run.stderr().contains("articles.jsonl:2"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr().contains("articles.jsonl:3: no \"text\""),
        "{}",
        run.stderr()
    );
    assert!(run.stderr().contains("pass 1/12"), "{}", run.stderr());
    let read = |name: &str| std::fs::read_to_string(dir.path.join(name)).expect("clusters file");
    let tsv = read("a.tsv");
    let words: Vec<(&str, &str, &str)> = tsv
        .lines()
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 3, "{l}");
            assert!(c[0].bytes().all(|b| b == b'0' || b == b'1'), "{l}");
            (c[0], c[1], c[2])
        })
        .collect();
    // Words are folded as the models look them up, and rare ones are left out.
    assert!(words.iter().any(|w| w.1 == "troops"), "{tsv}");
    assert!(words.iter().any(|w| w.1 == "kyiv"), "{tsv}");
    assert!(!words.iter().any(|w| w.1 == "lviv"), "{tsv}");
    // The same text gives the same clusters.
    dir.run(&[&args[..], &["b.tsv"]].concat());
    assert_eq!(read("b.tsv"), tsv);
    let refused = dir.run(&["train", "clusters", "--text", "tb.conllu", "--classes", "1"]);
    refused.expect_code(2);
    assert!(
        refused.stderr().contains("--classes"),
        "{}",
        refused.stderr()
    );
}
