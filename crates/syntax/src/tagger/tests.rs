use super::*;
use crate::conllu;
use crate::train::TrainOptions;

/// A tiny hand-written treebank (only FORM, LEMMA, UPOS and XPOS matter here).
const SAMPLE: &str = "\
1\tThe\tthe\tDET\tDT\t_\t0\t_\t_\t_
2\tminister\tminister\tNOUN\tNN\t_\t0\t_\t_\t_
3\tsaid\tsay\tVERB\tVBD\t_\t0\t_\t_\t_
4\tthe\tthe\tDET\tDT\t_\t0\t_\t_\t_
5\ttroops\ttroop\tNOUN\tNNS\t_\t0\t_\t_\t_
6\twould\twould\tAUX\tMD\t_\t0\t_\t_\t_
7\tleave\tleave\tVERB\tVB\t_\t0\t_\t_\t_
8\t.\t.\tPUNCT\t.\t_\t0\t_\t_\t_

1\tOfficials\tofficial\tNOUN\tNNS\t_\t0\t_\t_\t_
2\tin\tin\tADP\tIN\t_\t0\t_\t_\t_
3\tKyiv\tKyiv\tPROPN\tNNP\t_\t0\t_\t_\t_
4\twere\tbe\tAUX\tVBD\t_\t0\t_\t_\t_
5\twaiting\twait\tVERB\tVBG\t_\t0\t_\t_\t_
6\tfor\tfor\tADP\tIN\t_\t0\t_\t_\t_
7\tnews\tnews\tNOUN\tNN\t_\t0\t_\t_\t_
8\t.\t.\tPUNCT\t.\t_\t0\t_\t_\t_

1\tShe\tshe\tPRON\tPRP\t_\t0\t_\t_\t_
2\tsends\tsend\tVERB\tVBZ\t_\t0\t_\t_\t_
3\t3,000\t3000\tNUM\tCD\t_\t0\t_\t_\t_
4\tletters\tletter\tNOUN\tNNS\t_\t0\t_\t_\t_
5\tto\tto\tADP\tIN\t_\t0\t_\t_\t_
6\tParis\tParis\tPROPN\tNNP\t_\t0\t_\t_\t_
7\t.\t.\tPUNCT\t.\t_\t0\t_\t_\t_

1\tThey\tthey\tPRON\tPRP\t_\t0\t_\t_\t_
2\twant\twant\tVERB\tVBP\t_\t0\t_\t_\t_
3\tto\tto\tPART\tTO\t_\t0\t_\t_\t_
4\tleave\tleave\tVERB\tVB\t_\t0\t_\t_\t_
5\tquickly\tquickly\tADV\tRB\t_\t0\t_\t_\t_
6\t,\t,\tPUNCT\t,\t_\t0\t_\t_\t_
7\tofficials\tofficial\tNOUN\tNNS\t_\t0\t_\t_\t_
8\tsaid\tsay\tVERB\tVBD\t_\t0\t_\t_\t_
9\t.\t.\tPUNCT\t.\t_\t0\t_\t_\t_

1\tA\ta\tDET\tDT\t_\t0\t_\t_\t_
2\tlarge\tlarge\tADJ\tJJ\t_\t0\t_\t_\t_
3\tbomb\tbomb\tNOUN\tNN\t_\t0\t_\t_\t_
4\thit\thit\tVERB\tVBD\t_\t0\t_\t_\t_
5\tthe\tthe\tDET\tDT\t_\t0\t_\t_\t_
6\tcity\tcity\tNOUN\tNN\t_\t0\t_\t_\t_
7\tMonday\tMonday\tPROPN\tNNP\t_\t0\t_\t_\t_
8\t.\t.\tPUNCT\t.\t_\t0\t_\t_\t_

1\tHe\the\tPRON\tPRP\t_\t0\t_\t_\t_
2\tdid\tdo\tAUX\tVBD\t_\t0\t_\t_\t_
3\tn't\tnot\tPART\tRB\t_\t0\t_\t_\t_
4\tleave\tleave\tVERB\tVB\t_\t0\t_\t_\t_
5\tthe\tthe\tDET\tDT\t_\t0\t_\t_\t_
6\tlarger\tlarge\tADJ\tJJR\t_\t0\t_\t_\t_
7\tcity\tcity\tNOUN\tNN\t_\t0\t_\t_\t_
8\t.\t.\tPUNCT\t.\t_\t0\t_\t_\t_

";

fn sample() -> Vec<Sentence> {
    let (s, e) = conllu::read(SAMPLE);
    assert!(e.is_empty(), "{e:?}");
    s
}

fn tiny() -> Tagger {
    let train = sample();
    let opts = TrainOptions {
        epochs: 8,
        seed: 3,
        prune: 0.0,
    };
    let mut reports = Vec::new();
    let t = Tagger::train(&train, &train, &opts, &mut |r| reports.push(r.clone()));
    assert_eq!(reports.len(), 8);
    assert!(reports[7].dev.iter().any(|&(k, _)| k == "UPOS"));
    t
}

#[test]
fn learns_a_tiny_treebank() {
    let train = sample();
    let t = tiny();
    let s = evaluate(&t, &train);
    assert!(s.upos >= 0.97, "{s:?}");
    assert!(s.xpos >= 0.97, "{s:?}");
    assert!(s.lemma >= 0.97, "{s:?}");
    assert_eq!(s.words, train.iter().map(|s| s.words.len()).sum::<usize>());
}

#[test]
fn training_is_deterministic_and_round_trips() {
    let train = sample();
    let bytes = |t: &Tagger| {
        let mut b = Vec::new();
        t.write(&mut b).unwrap();
        b
    };
    let (a, b) = (tiny(), tiny());
    let bytes_a = bytes(&a);
    assert_eq!(bytes_a, bytes(&b));
    let back = Tagger::from_bytes(&bytes_a).unwrap();
    assert_eq!(bytes(&back), bytes_a);
    let mut tags_a = Vec::new();
    let mut tags_b = Vec::new();
    for s in &train {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        a.tag(&forms, &mut tags_a);
        back.tag(&forms, &mut tags_b);
        assert_eq!(tags_a, tags_b);
    }
    let mut s = train[2].clone();
    back.tag_sentence(&mut s);
    assert_eq!(s.words[3].lemma, "letter");
    assert_eq!(s.words[2].lemma, "3000");
}

#[test]
fn refuses_other_models_and_tags_odd_input() {
    let t = tiny();
    let mut bytes = Vec::new();
    t.write(&mut bytes).unwrap();
    assert!(Tagger::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(Tagger::from_bytes(b"nonsense").is_err());
    let mut out = Vec::new();
    t.tag(&[], &mut out);
    assert!(out.is_empty());
    let long = vec!["x"; 1000];
    t.tag(&long, &mut out);
    assert_eq!(out.len(), 1000);
    t.tag(&["", "ÄÖÜ", "🙂", "’’", "a-b-c-d-e-f"], &mut out);
    assert_eq!(out.len(), 5);
}

/// The shipped model (`storyline train pos` writes it).
fn shipped() -> Tagger {
    let bytes = include_bytes!("../../../../models/tagger.stlm");
    Tagger::from_bytes(bytes).expect("the shipped tagger loads")
}

#[test]
fn the_shipped_model_tags_news() {
    let t = shipped();
    let words = [
        "NATO", "said", "on", "Monday", "it", "would", "send", "3,000", "troops", "to", "the",
        "region", ".",
    ];
    let mut tags = Vec::new();
    t.tag(&words, &mut tags);
    let upos: Vec<&str> = tags.iter().map(|t| t.0.name()).collect();
    assert_eq!(
        upos,
        [
            "PROPN", "VERB", "ADP", "PROPN", "PRON", "AUX", "VERB", "NUM", "NOUN", "ADP", "DET",
            "NOUN", "PUNCT"
        ]
    );
    let xpos: Vec<&str> = tags.iter().map(|t| t.1.name()).collect();
    assert_eq!(&xpos[..3], ["NNP", "VBD", "IN"]);
    assert_eq!(xpos[8], "NNS");
    let lemmas: Vec<String> = words
        .iter()
        .zip(&tags)
        .map(|(w, &(u, x))| t.lemma(w, u, x))
        .collect();
    assert_eq!(lemmas[1], "say");
    assert_eq!(lemmas[5], "would");
    assert_eq!(lemmas[6], "send");
    assert_eq!(lemmas[7], "3000");
    assert_eq!(lemmas[0], "NATO");

    let words = [
        "The",
        "protesters",
        "’",
        "demands",
        "were",
        "rejected",
        "by",
        "Kenya",
        "’s",
        "government",
        ",",
        "officials",
        "said",
        ".",
    ];
    t.tag(&words, &mut tags);
    let upos: Vec<&str> = tags.iter().map(|t| t.0.name()).collect();
    assert_eq!(upos[1], "NOUN");
    assert_eq!(upos[4], "AUX");
    assert_eq!(upos[5], "VERB");
    assert_eq!(upos[7], "PROPN");
    assert_eq!(upos[8], "PART");
    assert_eq!(t.lemma("were", tags[4].0, tags[4].1), "be");
    assert_eq!(t.lemma("’s", tags[8].0, tags[8].1), "'s");
}
