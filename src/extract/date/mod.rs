//! Dates: "October 12", "12 October 2023", "Oct. 12", "October 12-13", "March 2023", "in
//! September", "since February 2022", "until 2025", bare years in date context, "last year",
//! "early October", weekdays ("on Thursday"). Missing years and weekdays resolve against the
//! publication date when it is known; otherwise against the latest year the article names
//! together with a month; otherwise the date stays unresolved and keeps its partial form.
//!
//! The grammar is a hand-written scanner, not regexes: one pass over the tokenizer's tokens
//! stops only at anchor words (month and weekday names, "last"/"this"/"next"), four-digit
//! numbers and link markers, and reads a few neighbouring tokens around each anchor. Cost is
//! linear in the text, with no backtracking; a token the tokenizer did not flag as a possible
//! stop costs one flag test. URLs, e-mail domains and tokens glued to paths, codes or amounts
//! are skipped. The words are English and come from [`crate::lang::en::calendar`].
//!
//! The files, each calling only those below it: `scan` walks the tokens and hands each anchor
//! to its form (`month`, `weekday`, `relative`, `number`), which read their neighbours through
//! `context` and `bytes` and give `raw` dates; `resolve` fills in missing years and weekdays,
//! `dateline` finds the article's own date and `url` the date its own address files it under.

mod bytes;
mod context;
mod dateline;
mod month;
mod number;
mod raw;
mod relative;
mod resolve;
mod scan;
mod url;
mod weekday;

pub use crate::lang::en::calendar::is_anchor_prefix;
pub use dateline::Dateline;
pub use resolve::{DateHit, Reference, resolve_from_event};
pub use scan::may_anchor;
pub use url::url_date;

use super::token::{Tok, tokenize};
use crate::calendar::Ymd;
use crate::claim::{Interval, Qualifier};
use raw::Raw;

/// The date scan over an article's tokens given in consecutive pieces (batches of sentences),
/// then resolved once every piece is read: the same hits as one scan over all the tokens.
#[derive(Default)]
pub struct DateScan {
    /// Where the scan goes on: past the last hit or link.
    at: usize,
    raws: Vec<Raw>,
    /// Years that name an event, no date themselves ("the 2008 quake"), with their offsets.
    named: Vec<(usize, i32)>,
}

impl DateScan {
    /// Scan the next tokens of the article (they follow those of the previous call).
    pub fn feed(&mut self, text: &str, toks: &[Tok]) {
        self.at = scan::scan_from(text, toks, self.at, &mut self.raws, &mut self.named);
    }

    /// The article's dateline (see [`dateline()`]) and every date of `text`, whose sentences
    /// are `sentences`. Dates without a year resolve against `published`, else against the
    /// dateline, else against the date of the article's own address ([`url_date`]), which
    /// dates no weekday; a dateline without its year takes it from that address.
    pub fn finish(
        self,
        text: &str,
        published: Option<Ymd>,
        sentences: &[(usize, usize)],
    ) -> (Option<Dateline>, Vec<DateHit>) {
        let mut dateline = dateline::dateline_of(text, &self.raws);
        let day = |date| Reference { date, day: true };
        // An address files the page, maybe a repost days after the story: its date gives the
        // year of the dates without one, never the day a "Tuesday" was.
        let mut reference = published
            .or(dateline.and_then(|d| d.date))
            .map(day)
            .or_else(|| url_date(text).map(|(date, _)| Reference { date, day: false }));
        if let (Some(d), Some(r)) = (dateline.as_mut(), reference)
            && let Some((m, dd)) = d.month_day
            && !r.day
        {
            d.date = Ymd::new(resolve::year_from_publication(m, 0, r.date), m, dd);
            reference = d.date.map(day).or(reference);
        }
        let hits = resolve::resolve_all(self.raws, &self.named, reference, text, sentences);
        (dateline, hits)
    }
}

/// Every date expression as written, in one pass over the tokens of `text`.
fn scan(text: &str, toks: &[Tok]) -> Vec<Raw> {
    let mut scan = DateScan::default();
    scan.feed(text, toks);
    scan.raws
}

/// Every date expression in `text`, sorted by start, non-overlapping.
pub fn find_dates(text: &str, published: Option<Ymd>) -> Vec<DateHit> {
    let sentences = super::sentence::split(text);
    let mut scan = DateScan::default();
    scan.feed(text, &tokenize(text));
    scan.finish(text, published, &sentences).1
}

/// The article's own dateline or byline date, if it has one near the top:
/// ("October 13, 2023" alone on a line, "Written by X | October 22, 2023", "Published …",
/// "SEOUL, Nov. 14 (Yonhap) --").
pub fn dateline(text: &str) -> Option<Dateline> {
    dateline::dateline_of(text, &scan(text, &tokenize(text)))
}

/// The comparison bounds of a date stated as `value` with `qualifier`: "before" and "by" open
/// it below, "after" above.
pub fn bounds(value: Interval, qualifier: Qualifier) -> Interval {
    match qualifier {
        Qualifier::LessThan | Qualifier::AtMost => Interval::new(None, value.hi()),
        Qualifier::MoreThan | Qualifier::AtLeast => Interval::new(value.lo(), None),
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::token::{LEX_DATE_STOP, LEX_PLAIN};

    // The examples of every date form, the negatives and the datelines are in
    // `tests/corpus/en/date.toml`, read through `extract`; here, what a table cannot say.

    #[test]
    fn a_dateline_is_read_near_the_top_only() {
        let near = format!("{}\nOctober 13, 2023\n", "x ".repeat(100));
        assert_eq!(dateline(&near).and_then(|d| d.date), Ymd::new(2023, 10, 13));
        let far = format!("{}\nOctober 13, 2023\n", "x ".repeat(1000));
        assert_eq!(dateline(&far), None);
    }

    #[test]
    fn adversarial_input_is_linear() {
        let digits = "1".repeat(200_000);
        assert!(find_dates(&digits, None).is_empty());
        let words = "in May in March 2023 October ".repeat(20_000);
        let start = std::time::Instant::now();
        let hits = find_dates(&words, None);
        assert_eq!(hits.len(), 40_000);
        assert!(start.elapsed().as_secs() < 5);
        let spaces = format!("in{}2022", " ".repeat(100_000));
        assert!(find_dates(&spaces, None).len() <= 1);
    }

    #[test]
    fn random_token_soup_never_panics() {
        const TOKENS: &[&str] = &[
            "October",
            "Oct.",
            "May",
            "may",
            "12",
            "13th",
            "2023",
            "1990s",
            "-",
            "\u{2013}",
            "and",
            "in",
            "early",
            "mid-",
            "last",
            "year",
            "Thursday",
            ",",
            ".",
            "/",
            "\u{a0}",
            "\n",
            " ",
            "2023-10-13",
            "'s",
            "\u{2019}s",
            "of",
            "by",
            "https://",
            "@",
            "9999",
            "31",
            "Feb",
            "29",
            "2024",
            "to",
            "the",
            "people",
            "|",
            "Published",
            "é",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..24 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(TOKENS[(seed >> 33) as usize % TOKENS.len()]);
                if seed & 1 == 0 {
                    text.push(' ');
                }
            }
            for published in [None, Ymd::new(2024, 2, 29)] {
                let hits = find_dates(&text, published);
                for w in hits.windows(2) {
                    assert!(w[0].end <= w[1].start, "{text:?}");
                }
                for h in &hits {
                    assert!(
                        h.start < h.end && text.get(h.start..h.end).is_some(),
                        "{text:?}"
                    );
                    assert!(
                        h.lo.is_some() == h.hi.is_some() && h.lo <= h.hi,
                        "{text:?} {h:?}"
                    );
                }
            }
            let _ = dateline(&text);
        }
    }

    /// The fast paths on the tokenizer's marks (`plain`, `date_stop`) find what the general
    /// path finds with every token marked for a full look, on random token soup and the corpus.
    #[test]
    fn plain_words_scan_as_any_word() {
        const PIECES: &[&str] = &[
            "October",
            "Oct",
            "May",
            "may",
            "Mayé",
            "éOct",
            "12",
            "2023",
            "last",
            "this",
            "next",
            "year",
            "month",
            "Thursday",
            "Thu",
            "Sept",
            "www",
            "https://",
            "@",
            "'s",
            "’s",
            "O'",
            "Junes",
            "Septembers",
            "thirteen",
            "the",
            "a",
            ",",
            ".",
            "-",
            "\u{2013}",
            "1990s",
            "mid-",
            "early",
            "of",
            "é",
            "\u{a0}",
            "\n",
        ];
        let mut texts: Vec<String> = Vec::new();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..16 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
                if seed & 3 != 0 {
                    text.push(' ');
                }
            }
            texts.push(text);
        }
        for p in ["corpus", "tests/fixtures/conflicts"] {
            texts.extend(crate::extract::texts_in(p));
        }
        let mut plain = 0;
        for text in &texts {
            let toks = tokenize(text);
            let general: Vec<Tok> = toks
                .iter()
                .map(|&t| Tok {
                    lex: t.lex & !LEX_PLAIN | LEX_DATE_STOP,
                    ..t
                })
                .collect();
            plain += toks.iter().filter(|t| t.plain()).count();
            assert_eq!(scan(text, &toks), scan(text, &general), "{text:?}");
        }
        assert!(plain > 1000);
    }
}
