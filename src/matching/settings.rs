//! Every threshold of the matcher, each a `[match]` key of claims.toml with the same name and a
//! documented default. The stages read them from here; none keeps a number of its own.

/// Every threshold of the matcher. Each field maps to a `[match]` key of claims.toml with the
/// same name. (`approx_tolerance`, also under `[match]`, belongs to the extractor.)
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// `approx_tolerance`: relative half-width the extractor adds around "about"/"some"/
    /// "nearly" values (0–1). Kept here so that every threshold lives in one place.
    pub approx_tolerance: f64,
    /// `min_similarity`: the least average-linkage similarity (0–1) at which two clusters merge.
    pub min_similarity: f64,
    /// `fuzzy_token`: the least Jaro-Winkler similarity at which two tokens count as equal
    /// ("kilometres"/"kilometers", "Temur"/"Timur", "Azerbaijan"/"Azerbaijani").
    pub fuzzy_token: f64,
    /// `fuzzy_edit`: the least normalized Levenshtein similarity at which two tokens count as
    /// equal (one letter in five: "Temur"/"Timur").
    pub fuzzy_edit: f64,
    /// `min_fuzzy_len`: tokens shorter than this many characters must be equal to match.
    pub min_fuzzy_len: usize,
    /// `subject_weight`: weight of the subject's terms in the similarity.
    pub subject_weight: f64,
    /// `head_weight`: weight of the head nouns' agreement in the similarity.
    pub head_weight: f64,
    /// `names_weight`: weight of the names in the sentence in the similarity.
    pub names_weight: f64,
    /// `min_subject`: the least share (0–1) of the two subjects' term weight that must be found
    /// in the other claim for a pair to score at all.
    pub min_subject: f64,
    /// `min_one_sided`: the same share when one claim has no subject of its own (a date that
    /// opens its sentence: "In September, …"), where only the other's subject can be found.
    pub min_one_sided: f64,
    /// `min_evidence`: the least idf weight of subject tokens found on the other side; one
    /// common word ("Kyrgyzstan" in every article) is not enough.
    pub min_evidence: f64,
    /// `evidence_full_claims`: `min_evidence` holds as it is in an event of at least this many
    /// claims (six reports of one story hold some 160 and more). In a smaller one (two or three
    /// articles compared alone) no word can weigh as much, since a word's weight is its rarity
    /// among the event's claims, and the bar is lowered with the weight of the rarest word: by
    /// `ln((n + 1) / 1.5) / ln((evidence_full_claims + 1) / 1.5)` for `n` claims.
    pub evidence_full_claims: usize,
    /// `min_same_source`: the least similarity at which two claims of one source may share a
    /// group (an article restating a fact uses much the same words).
    pub min_same_source: f64,
    /// `min_restated`: the same, when both claims state the value in the same words (an
    /// article restating a fact: "its 20-month war" twice).
    pub min_restated: f64,
    /// `role_similarity`: the similarity two claims of one event get at least when they share a
    /// specific role ("deaths", "injured", "price") or restriction ("the cash part",
    /// "Indonesians") and nothing of their measure differs: they speak of one fact however
    /// differently their sentences word it.
    pub role_similarity: f64,
    /// `figure_similarity`: the similarity two claims of one event get at least when they state
    /// the same specific figure (two significant digits or more, in the same unit: "$165
    /// million" and "$165m", "52 years" twice) and nothing of their measure differs. Two
    /// reports of one event rarely give one exact figure for two different facts; a round
    /// one-digit figure ("two", "$700 million") says nothing of the sort.
    pub figure_similarity: f64,
    /// `block_keys`: how many of the rarest (by idf) names of a claim's sentence it is indexed
    /// under, besides every term of its subject.
    pub block_keys: usize,
    /// `max_block`: in a block larger than this, each claim is compared only with the next
    /// `max_block` claims of the block (sorted neighbourhood), so cost stays linear.
    pub max_block: usize,
    /// `max_candidates`: each claim is scored against at most this many later claims of its
    /// event: of those its blocks offer (see `max_block`), the ones that turn up in the most of
    /// its blocks, then the nearest. A claim of a handful of reports has a few dozen; in an
    /// event of thousands of articles, where every block is full, it keeps the pairs (and the
    /// clustering's links) of each claim bounded, so cost and memory stay linear in the event.
    pub max_candidates: usize,
    /// `same_source_window`: two claims of one source further apart than this many bytes are
    /// never compared. An article restates its facts within itself; a "source" of megabytes is
    /// a collection, and comparing every mention in it with every other one is what made one
    /// 100 MB file take minutes and gigabytes.
    pub same_source_window: usize,
    /// `event_min_overlap`: two articles report one event when the names they share carry at
    /// least this share (0–1) of the idf weight (over articles) of the names of the article
    /// that names less. Claims are matched only within an event.
    pub event_min_overlap: f64,
    /// `event_min_weight`: ... or, in a corpus of at most `event_small_corpus` articles, the
    /// names and figures they share weigh at least this much, each counted by its rarity (1.0
    /// for a token only these two use), so that two reports of one event compared alone, where
    /// nothing is rare, still meet through what only they name.
    pub event_min_weight: f64,
    /// `event_small_corpus`: up to this many articles, the corpus is a handful of reports a
    /// person put together, and the absolute evidence of `event_min_weight` links them; an
    /// archive links articles only by the share of what they name.
    pub event_small_corpus: usize,
    /// `event_prior_articles`: how many articles a name's rarity is judged against at least,
    /// for `event_min_weight` (a few articles given together say nothing about how common a
    /// name is).
    pub event_prior_articles: f64,
    /// `event_min_shared`: ... and they share at least this many distinct name words (one
    /// shared name, such as a namesake, never joins two events).
    pub event_min_shared: usize,
    /// `event_window`: a name used by more articles than this only pairs each article with its
    /// next `event_window` articles using it (sorted neighbourhood), so event clustering cost
    /// stays linear in the archive.
    pub event_window: usize,
    /// `derive_slack`: how many of its own units a start date derived from a duration may lie
    /// either side of the arithmetic ("20-month war" → ± 1 month): durations are rounded to
    /// whole units (see [`crate::derive`](mod@crate::derive)).
    pub derive_slack: f64,
    /// `derive_min_parts`: the least number of parts listed beside a total for the sum to be
    /// checked against it.
    pub derive_min_parts: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            approx_tolerance: crate::extract::Tolerances::default().approx,
            min_similarity: 0.30,
            fuzzy_token: 0.90,
            fuzzy_edit: 0.8,
            min_fuzzy_len: 5,
            subject_weight: 0.5,
            head_weight: 0.2,
            names_weight: 0.3,
            min_subject: 0.15,
            min_one_sided: 0.4,
            min_evidence: 3.0,
            evidence_full_claims: 150,
            min_same_source: 0.5,
            min_restated: 0.35,
            role_similarity: 0.55,
            figure_similarity: 0.45,
            block_keys: 6,
            max_block: 200,
            max_candidates: 50,
            same_source_window: 200_000,
            event_min_overlap: 0.3,
            event_min_weight: 2.0,
            event_prior_articles: 1000.0,
            event_small_corpus: 12,
            event_min_shared: 2,
            event_window: 50,
            derive_slack: 1.0,
            derive_min_parts: 2,
        }
    }
}
