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
//! The files, each calling only those below it: [`scan`] walks the tokens and hands each
//! anchor to its form ([`month`], [`weekday`], [`relative`], [`number`]), which read their
//! neighbours through [`context`] and [`bytes`] and give [`raw`] dates; [`resolve`] fills in
//! missing years and weekdays, and [`dateline`] finds the article's own date.

mod bytes;
mod context;
mod dateline;
mod month;
mod number;
mod raw;
mod relative;
mod resolve;
mod scan;
mod weekday;

pub use crate::lang::en::calendar::is_anchor_prefix;
pub use resolve::DateHit;
pub use scan::may_anchor;

use super::token::{Tok, tokenize};
use crate::calendar::Ymd;
use raw::Raw;

/// The date scan over an article's tokens given in consecutive pieces (batches of sentences),
/// then resolved once every piece is read: the same hits as one scan over all the tokens.
#[derive(Default)]
pub struct DateScan {
    /// Where the scan goes on: past the last hit or link.
    at: usize,
    raws: Vec<Raw>,
}

impl DateScan {
    /// Scan the next tokens of the article (they follow those of the previous call).
    pub fn feed(&mut self, text: &str, toks: &[Tok]) {
        self.at = scan::scan_from(text, toks, self.at, &mut self.raws);
    }

    /// The article's dateline (see [`dateline`]) and every date; dates without a year resolve
    /// against `published`, else against the dateline.
    pub fn finish(
        self,
        text: &str,
        published: Option<Ymd>,
    ) -> (Option<(Ymd, usize, usize)>, Vec<DateHit>) {
        let dateline = dateline::dateline_of(text, &self.raws);
        let published = published.or(dateline.map(|(d, _, _)| d));
        (dateline, resolve::resolve_all(self.raws, published, text))
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
    resolve::resolve_all(scan(text, &tokenize(text)), published, text)
}

/// The article's own dateline or byline date, if it has one near the top:
/// ("October 13, 2023" alone on a line, "Written by X | October 22, 2023", "Published …").
/// Returns the date and the byte range of its text.
pub fn dateline(text: &str) -> Option<(Ymd, usize, usize)> {
    dateline::dateline_of(text, &scan(text, &tokenize(text)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{DatePrecision, Qualifier, Resolution};
    use DatePrecision::{Day, Decade, Month, Year};
    use Qualifier::{AtMost, Exact, LessThan, MoreThan, Range};
    use Resolution::{Explicit, Inferred, Publication, Unresolved};

    /// (surface, lo, hi, precision, resolution, qualifier); lo/hi "" when unresolved, in which
    /// case `lo` holds the expected partial form.
    type Want = (
        &'static str,
        &'static str,
        &'static str,
        DatePrecision,
        Resolution,
        Qualifier,
    );

    const FRI: Option<&str> = Some("2023-10-13");

    fn check(text: &str, published: Option<&str>, want: &[Want]) {
        let published = published.map(|p| Ymd::parse_iso(p).unwrap());
        let hits = find_dates(text, published);
        for w in hits.windows(2) {
            assert!(w[0].end <= w[1].start, "overlap in {text:?}");
        }
        let got: Vec<Want> = hits
            .iter()
            .map(|h| {
                let iso = |d: Option<i64>| d.map(|d| Ymd::from_days(d).to_string());
                let (lo, hi) = match (iso(h.lo), iso(h.hi)) {
                    (Some(lo), Some(hi)) => (lo, hi),
                    _ => (h.partial.clone().unwrap_or_default(), String::new()),
                };
                (
                    &*text[h.start..h.end].to_string().leak(),
                    &*lo.leak(),
                    &*hi.leak(),
                    h.precision,
                    h.resolution,
                    h.qualifier,
                )
            })
            .collect();
        assert_eq!(got, want, "in {text:?}");
    }

    #[test]
    fn month_day_forms() {
        let cases: &[(&str, Option<&str>, &[Want])] = &[
            (
                "It opened on October 13, 2023 in Bishkek.",
                None,
                &[(
                    "October 13, 2023",
                    "2023-10-13",
                    "2023-10-13",
                    Day,
                    Explicit,
                    Exact,
                )],
            ),
            (
                "Talks resumed Oct. 12 after a pause.",
                FRI,
                &[(
                    "Oct. 12",
                    "2023-10-12",
                    "2023-10-12",
                    Day,
                    Publication,
                    Exact,
                )],
            ),
            (
                "Putin visited Kyrgyzstan on October 12-13 to discuss.",
                FRI,
                &[(
                    "October 12-13",
                    "2023-10-12",
                    "2023-10-13",
                    Day,
                    Publication,
                    Range,
                )],
            ),
            (
                "The summit ran October 12\u{2013}13, 2023.",
                None,
                &[(
                    "October 12\u{2013}13, 2023",
                    "2023-10-12",
                    "2023-10-13",
                    Day,
                    Explicit,
                    Range,
                )],
            ),
            (
                "Schools closed on October 12 and 13.",
                FRI,
                &[(
                    "October 12 and 13",
                    "2023-10-12",
                    "2023-10-13",
                    Day,
                    Publication,
                    Range,
                )],
            ),
            (
                "He arrived on 12 October 2023 and left on 13 October.",
                FRI,
                &[
                    (
                        "12 October 2023",
                        "2023-10-12",
                        "2023-10-12",
                        Day,
                        Explicit,
                        Exact,
                    ),
                    (
                        "13 October",
                        "2023-10-13",
                        "2023-10-13",
                        Day,
                        Publication,
                        Exact,
                    ),
                ],
            ),
            (
                "The forum is held 12-13 October.",
                FRI,
                &[(
                    "12-13 October",
                    "2023-10-12",
                    "2023-10-13",
                    Day,
                    Publication,
                    Range,
                )],
            ),
            (
                "It ran from October 30 to November 2.",
                FRI,
                &[(
                    "October 30 to November 2",
                    "2023-10-30",
                    "2023-11-02",
                    Day,
                    Publication,
                    Range,
                )],
            ),
            (
                "Signed on the 5th of May, 2021? No: signed on 5th of May.",
                FRI,
                &[
                    (
                        "5th of May, 2021",
                        "2021-05-05",
                        "2021-05-05",
                        Day,
                        Explicit,
                        Exact,
                    ),
                    (
                        "5th of May",
                        "2023-05-05",
                        "2023-05-05",
                        Day,
                        Publication,
                        Exact,
                    ),
                ],
            ),
            (
                "The parliament ratified it on October 11.",
                None,
                &[("October 11", "--10-11", "", Day, Unresolved, Exact)],
            ),
            (
                "Sept. 5, 2022 was a Monday.",
                None,
                &[(
                    "Sept. 5, 2022",
                    "2022-09-05",
                    "2022-09-05",
                    Day,
                    Explicit,
                    Exact,
                )],
            ),
            (
                "Due before October 20.",
                FRI,
                &[(
                    "October 20",
                    "2023-10-20",
                    "2023-10-20",
                    Day,
                    Publication,
                    LessThan,
                )],
            ),
        ];
        for (text, published, want) in cases {
            check(text, *published, want);
        }
    }

    #[test]
    fn month_forms() {
        let cases: &[(&str, Option<&str>, &[Want])] = &[
            (
                "issued a warrant against him in March 2023.",
                None,
                &[(
                    "March 2023",
                    "2023-03-01",
                    "2023-03-31",
                    Month,
                    Explicit,
                    Exact,
                )],
            ),
            (
                "charges in March \u{2014} the Russian leader",
                FRI,
                &[(
                    "March",
                    "2023-03-01",
                    "2023-03-31",
                    Month,
                    Publication,
                    Exact,
                )],
            ),
            (
                "In September, the military seized control.",
                FRI,
                &[(
                    "September",
                    "2023-09-01",
                    "2023-09-30",
                    Month,
                    Publication,
                    Exact,
                )],
            ),
            (
                "In November, talks stalled.",
                Some("2024-02-10"),
                &[(
                    "November",
                    "2023-11-01",
                    "2023-11-30",
                    Month,
                    Publication,
                    Exact,
                )],
            ),
            (
                "In December, talks stalled.",
                FRI,
                &[(
                    "December",
                    "2023-12-01",
                    "2023-12-31",
                    Month,
                    Publication,
                    Exact,
                )],
            ),
            (
                "meetings held since February 2022, signalling",
                None,
                &[(
                    "February 2022",
                    "2022-02-01",
                    "2022-02-28",
                    Month,
                    Explicit,
                    Exact,
                )],
            ),
            (
                "In early October, the bank urged caution.",
                FRI,
                &[(
                    "early October",
                    "2023-10-01",
                    "2023-10-10",
                    Day,
                    Publication,
                    Range,
                )],
            ),
            (
                "By mid-October the roads were closed; by late October 2022 they were open.",
                FRI,
                &[
                    (
                        "mid-October",
                        "2023-10-11",
                        "2023-10-20",
                        Day,
                        Publication,
                        Range,
                    ),
                    (
                        "late October 2022",
                        "2022-10-21",
                        "2022-10-31",
                        Day,
                        Explicit,
                        Range,
                    ),
                ],
            ),
            (
                "The plan dates from last March.",
                FRI,
                &[(
                    "last March",
                    "2023-03-01",
                    "2023-03-31",
                    Month,
                    Publication,
                    Exact,
                )],
            ),
            (
                "Prices rose after May and fell in June.",
                None,
                &[
                    ("May", "--05", "", Month, Unresolved, MoreThan),
                    ("June", "--06", "", Month, Unresolved, Exact),
                ],
            ),
            (
                "between March and May the talks stalled.",
                FRI,
                &[
                    (
                        "March",
                        "2023-03-01",
                        "2023-03-31",
                        Month,
                        Publication,
                        Exact,
                    ),
                    ("May", "2023-05-01", "2023-05-31", Month, Publication, Exact),
                ],
            ),
            (
                "In July, sanctions followed. Since January 2023, he stayed home.",
                None,
                &[
                    ("July", "2023-07-01", "2023-07-31", Month, Inferred, Exact),
                    (
                        "January 2023",
                        "2023-01-01",
                        "2023-01-31",
                        Month,
                        Explicit,
                        Exact,
                    ),
                ],
            ),
        ];
        for (text, published, want) in cases {
            check(text, *published, want);
        }
    }

    #[test]
    fn year_forms() {
        let cases: &[(&str, Option<&str>, &[Want])] = &[
            (
                "In 2022 Putin visited all five countries.",
                None,
                &[("2022", "2022-01-01", "2022-12-31", Year, Explicit, Exact)],
            ),
            (
                "The agreement was set for 2022, but it is valid until 2025 and since 1991.",
                None,
                &[
                    ("2022", "2022-01-01", "2022-12-31", Year, Explicit, Exact),
                    ("2025", "2025-01-01", "2025-12-31", Year, Explicit, Exact),
                    ("1991", "1991-01-01", "1991-12-31", Year, Explicit, Exact),
                ],
            ),
            (
                "Done before 2020, after 2010 and by 2030.",
                None,
                &[
                    ("2020", "2020-01-01", "2020-12-31", Year, Explicit, LessThan),
                    ("2010", "2010-01-01", "2010-12-31", Year, Explicit, MoreThan),
                    ("2030", "2030-01-01", "2030-12-31", Year, Explicit, AtMost),
                ],
            ),
            (
                "Growth slowed in early 2023 and late 2022.",
                None,
                &[
                    (
                        "early 2023",
                        "2023-01-01",
                        "2023-04-30",
                        Month,
                        Explicit,
                        Range,
                    ),
                    (
                        "late 2022",
                        "2022-09-01",
                        "2022-12-31",
                        Month,
                        Explicit,
                        Range,
                    ),
                ],
            ),
            (
                "Since the 1990s the region changed.",
                None,
                &[("1990s", "1990-01-01", "1999-12-31", Decade, Explicit, Range)],
            ),
            (
                "The plan ran in 2020-2022 and the period from 2024\u{2013}26.",
                None,
                &[
                    (
                        "2020-2022",
                        "2020-01-01",
                        "2022-12-31",
                        Year,
                        Explicit,
                        Range,
                    ),
                    (
                        "2024\u{2013}26",
                        "2024-01-01",
                        "2026-12-31",
                        Year,
                        Explicit,
                        Range,
                    ),
                ],
            ),
            (
                "Prices fell in mid-2023, in 2020, 2021 and 2022, and in 2019's budget.",
                None,
                &[
                    (
                        "mid-2023",
                        "2023-05-01",
                        "2023-08-31",
                        Month,
                        Explicit,
                        Range,
                    ),
                    ("2020", "2020-01-01", "2020-12-31", Year, Explicit, Exact),
                    ("2021", "2021-01-01", "2021-12-31", Year, Explicit, Exact),
                    ("2022", "2022-01-01", "2022-12-31", Year, Explicit, Exact),
                    ("2019", "2019-01-01", "2019-12-31", Year, Explicit, Exact),
                ],
            ),
            (
                "In May, June and July, and in the 1980\u{2019}s.",
                Some("2023-10-13"),
                &[
                    ("May", "2023-05-01", "2023-05-31", Month, Publication, Exact),
                    (
                        "June",
                        "2023-06-01",
                        "2023-06-30",
                        Month,
                        Publication,
                        Exact,
                    ),
                    (
                        "July",
                        "2023-07-01",
                        "2023-07-31",
                        Month,
                        Publication,
                        Exact,
                    ),
                    (
                        "1980\u{2019}s",
                        "1980-01-01",
                        "1989-12-31",
                        Decade,
                        Explicit,
                        Range,
                    ),
                ],
            ),
            (
                "Logged 2023-10-13T08:00:00Z.",
                None,
                &[(
                    "2023-10-13",
                    "2023-10-13",
                    "2023-10-13",
                    Day,
                    Explicit,
                    Exact,
                )],
            ),
            (
                "The report was filed 2023-10-13 at noon.",
                None,
                &[(
                    "2023-10-13",
                    "2023-10-13",
                    "2023-10-13",
                    Day,
                    Explicit,
                    Exact,
                )],
            ),
        ];
        for (text, published, want) in cases {
            check(text, *published, want);
        }
    }

    #[test]
    fn relative_and_weekdays() {
        let cases: &[(&str, Option<&str>, &[Want])] = &[
            (
                "fleeing the call-up since last year and next year.",
                FRI,
                &[
                    (
                        "last year",
                        "2022-01-01",
                        "2022-12-31",
                        Year,
                        Publication,
                        Exact,
                    ),
                    (
                        "next year",
                        "2024-01-01",
                        "2024-12-31",
                        Year,
                        Publication,
                        Exact,
                    ),
                ],
            ),
            (
                "Talks began last month; this month they end.",
                FRI,
                &[
                    (
                        "last month",
                        "2023-09-01",
                        "2023-09-30",
                        Month,
                        Publication,
                        Exact,
                    ),
                    (
                        "this month",
                        "2023-10-01",
                        "2023-10-31",
                        Month,
                        Publication,
                        Exact,
                    ),
                ],
            ),
            (
                "Since last year, in September 2023, things changed.",
                None,
                &[
                    (
                        "last year",
                        "2022-01-01",
                        "2022-12-31",
                        Year,
                        Inferred,
                        Exact,
                    ),
                    (
                        "September 2023",
                        "2023-09-01",
                        "2023-09-30",
                        Month,
                        Explicit,
                        Exact,
                    ),
                ],
            ),
            (
                "It rose since last year. Over the last year it fell.",
                None,
                &[("last year", "last year", "", Year, Unresolved, Exact)],
            ),
            (
                "As Putin arrived in Bishkek early Thursday, the network cut out.",
                FRI,
                &[(
                    "Thursday",
                    "2023-10-12",
                    "2023-10-12",
                    Day,
                    Publication,
                    Exact,
                )],
            ),
            (
                "talks on Thursday evening; the summit opened early Friday morning.",
                FRI,
                &[
                    (
                        "Thursday",
                        "2023-10-12",
                        "2023-10-12",
                        Day,
                        Publication,
                        Exact,
                    ),
                    (
                        "Friday",
                        "2023-10-13",
                        "2023-10-13",
                        Day,
                        Publication,
                        Exact,
                    ),
                ],
            ),
            (
                "classes remotely on Thursday and Friday.",
                FRI,
                &[(
                    "Thursday and Friday",
                    "2023-10-12",
                    "2023-10-13",
                    Day,
                    Publication,
                    Range,
                )],
            ),
            (
                "Putin on Thursday [met](#) with Japarov.",
                None,
                &[("Thursday", "Thursday", "", Day, Unresolved, Exact)],
            ),
            (
                "They met on Thursday, October 12, 2023.",
                FRI,
                &[(
                    "October 12, 2023",
                    "2023-10-12",
                    "2023-10-12",
                    Day,
                    Explicit,
                    Exact,
                )],
            ),
            (
                "He left last Friday and returns next Monday.",
                FRI,
                &[
                    (
                        "last Friday",
                        "2023-10-06",
                        "2023-10-06",
                        Day,
                        Publication,
                        Exact,
                    ),
                    (
                        "next Monday",
                        "2023-10-16",
                        "2023-10-16",
                        Day,
                        Publication,
                        Exact,
                    ),
                ],
            ),
        ];
        for (text, published, want) in cases {
            check(text, *published, want);
        }
    }

    #[test]
    fn negatives() {
        for text in [
            "https://www.themoscowtimes.com/2023/10/13/anti-drone-protection-a82755",
            "<https://www.example.com/2023/october-13/story>",
            "Mail press2023@example.org or news@2023.example.org for 2023 plans.",
            "www.example.com/2023/10/13 is the address",
            "May I ask a question? Aliens May Have Found a Hiding Spot.",
            "Be the latter as it may, they march on the capital in august company.",
            "the 2000 people who came",
            "They sent 1999 troops and for 2023 rubles bought bread.",
            "a Section 501(c)(3) organisation",
            "the C5+1 format",
            "one of the 123 countries, more than 4,500 officers and 2,000 people",
            "It cost $2023 and 2023% and 2,023.",
            "a 20-month war and a 20-car motorcade",
            "12345678901234567890 2023456 in 20233",
            "Over the last year prices fell.",
            "March on, said the marchers.",
        ] {
            let hits = find_dates(text, Ymd::new(2023, 10, 13));
            assert!(hits.is_empty(), "{text:?} gave {hits:?}");
        }
    }

    #[test]
    fn seed_000_sentences() {
        let text = "By [Pyotr Kozlov](#)\n\nOctober 13, 2023\n\n\n\nPresident Vladimir Putin \
            arriving in Bishkek, Kyrgyzstan on Thursday. **Pavel Bednyakov, RIA Novosti / \
            kremlin.ru**\n\nThe agreement was set for 2022.\n\nOriginal article: \
            <https://www.themoscowtimes.com/2023/10/13/anti-drone-protection-a82755>\n";
        let published = dateline(text).map(|d| d.0);
        assert_eq!(published, Ymd::new(2023, 10, 13));
        let hits = find_dates(text, published);
        let surfaces: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(surfaces, ["October 13, 2023", "Thursday", "2022"]);
        assert_eq!(hits[1].lo, Some(Ymd::new(2023, 10, 12).unwrap().days()));
    }

    #[test]
    fn datelines() {
        let with = [
            (
                "Title\n\nBy [Pyotr Kozlov](#)\n\nOctober 13, 2023\n\nBody.",
                "2023-10-13",
            ),
            (
                "Written by Allan Millward | October 22, 2023\n\nBody text.",
                "2023-10-22",
            ),
            (
                "Headline\nPublished: 5 March 2024 10:30\nBody",
                "2024-03-05",
            ),
            ("Headline\nUpdated on Oct. 2, 2021\nBody", "2021-10-02"),
            (
                "Headline\nPosted October 2, 2021 at 9:15 AM EDT\nBody",
                "2021-10-02",
            ),
            ("Headline\n  Friday, October 13, 2023  \nBody", "2023-10-13"),
        ];
        for (text, want) in with {
            let (ymd, s, e) = dateline(text).unwrap_or_else(|| panic!("{text:?}"));
            assert_eq!(ymd.to_string(), want);
            assert!(text[s..e].chars().next().unwrap().is_alphanumeric());
        }
        for text in [
            "By Myrzaiym Janybek kyzy\n\nPutin's visit on October 12 marked a trip since March 2023.",
            "Foreign Affairs\nThe republics gained independence since 1991.",
            "The summit opened on October 13, 2023 in Bishkek.",
            "",
        ] {
            assert_eq!(dateline(text), None, "{text:?}");
        }
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
                    plain: false,
                    date_stop: true,
                    ..t
                })
                .collect();
            plain += toks.iter().filter(|t| t.plain).count();
            assert_eq!(scan(text, &toks), scan(text, &general), "{text:?}");
        }
        assert!(plain > 1000);
    }
}
