//! Verb classes around a figure: the verbs of level and change between a measured noun and
//! its figure ("revenue rose 3.5%"), verbs that take an amount as object ("borrowed $2m"),
//! and the casualty verbs that stand for the counted people ("killed at least 39").

/// Words after which the next word is a verb ("to", "will", "would").
pub(crate) fn is_verb_cue(w: &str) -> bool {
    matches!(
        w,
        "to" | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "must"
            | "should"
            | "shall"
            | "did"
            | "does"
            | "do"
            | "not"
    )
}

/// Verbs that take an amount as object: the noun lies elsewhere ("borrowed $2m").
pub(crate) fn is_money_verb(w: &str) -> bool {
    matches!(
        w,
        "spend"
            | "invest"
            | "invested"
            | "borrow"
            | "borrowed"
            | "lend"
            | "lent"
            | "give"
            | "gave"
            | "given"
            | "save"
            | "saved"
            | "cut"
            | "cuts"
            | "owe"
            | "owes"
            | "owed"
            | "charge"
            | "charged"
            | "fine"
            | "fined"
            | "award"
            | "awarded"
            | "donate"
            | "donated"
            | "pledge"
            | "pledged"
            | "allocate"
            | "allocated"
            | "offer"
            | "offered"
            | "win"
            | "won"
    )
}

/// Verbs of level and change between a measured noun and its figure.
pub(crate) fn is_change_verb(w: &str) -> bool {
    matches!(
        w,
        "rose"
            | "rise"
            | "rises"
            | "risen"
            | "fell"
            | "fall"
            | "falls"
            | "fallen"
            | "grew"
            | "grow"
            | "grows"
            | "increased"
            | "decreased"
            | "dropped"
            | "declined"
            | "jumped"
            | "climbed"
            | "slipped"
            | "slid"
            | "surged"
            | "soared"
            | "plunged"
            | "tumbled"
            | "reached"
            | "hit"
            | "totalled"
            | "totaled"
            | "topped"
            | "exceeded"
            | "stood"
            | "stands"
            | "cost"
            | "costs"
            | "paid"
            | "pay"
            | "pays"
            | "worth"
            | "valued"
            | "raised"
            | "earned"
            | "lost"
            | "spent"
            | "received"
            | "fetched"
            | "sold"
            | "bought"
            | "estimated"
            | "expected"
            | "forecast"
            | "reported"
            | "reportedly"
            | "gained"
            | "shed"
            | "posted"
            | "record"
            | "nearly"
            | "almost"
            | "some"
            | "roughly"
            | "approximately"
            | "least"
            | "most"
            | "higher"
            | "lower"
            | "totalling"
            | "totaling"
            | "amounting"
            | "amounted"
            | "make"
            | "makes"
            | "made"
            | "account"
            | "accounts"
            | "accounted"
            | "represent"
            | "represents"
            | "comprise"
            | "comprises"
            | "stand"
            | "reach"
            | "reaches"
            | "hits"
            | "tops"
            | "exceed"
            | "exceeds"
            | "eased"
            | "slowed"
            | "accelerated"
            | "edged"
            | "ticked"
            | "narrowed"
            | "widened"
            | "dipped"
            | "sank"
            | "rebounded"
            | "recovered"
            | "rallied"
            | "closed"
            | "ended"
            | "finished"
            | "traded"
            | "returned"
            | "averaged"
    )
}

/// Verbs whose object is people harmed or moved: "killed at least 39", "12 were injured".
pub(crate) fn is_casualty_verb(w: &str) -> bool {
    matches!(
        w,
        "killed"
            | "injured"
            | "wounded"
            | "hurt"
            | "dead"
            | "arrested"
            | "detained"
            | "evacuated"
            | "rescued"
            | "displaced"
            | "hospitalised"
            | "hospitalized"
            | "missing"
            | "kidnapped"
            | "abducted"
            | "drowned"
    )
}

/// Attribution verbs: the speaker of "X said …" or "… , X told reporters".
// Wider than storyline-quotes' cue lists and the lexicon's `is_cue_verb` on purpose: figures
// and studies are claimants too.
pub(crate) fn is_cue(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "tells"
            | "warned"
            | "warns"
            | "added"
            | "claimed"
            | "claims"
            | "estimated"
            | "estimates"
            | "reported"
            | "reports"
            | "announced"
            | "stated"
            | "insisted"
            | "confirmed"
            | "noted"
            | "wrote"
            | "argued"
            | "alleged"
            | "believes"
            | "believed"
            | "revealed"
            | "disclosed"
            | "acknowledged"
            | "admitted"
            // Sources that are documents: "figures show", "a study found".
            | "show"
            | "shows"
            | "showed"
            | "suggest"
            | "suggests"
            | "suggested"
            | "found"
            | "finds"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_change_verb("rose") && is_money_verb("invest") && is_verb_cue("will"));
        assert!(is_casualty_verb("killed") && !is_casualty_verb("said"));
        assert!(is_cue("told") && is_cue("showed") && !is_cue("troops"));
    }
}
