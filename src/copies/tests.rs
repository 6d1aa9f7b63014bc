//! Copy detection on invented articles: a near copy, a retelling, independent reports of one
//! event (no copy), and the credits of wire copies as a table with negatives.

use super::*;

const ORIGINAL: &str = "Floodwaters swept through the river town of Marlow Bend on Tuesday night, \
forcing hundreds of families onto rooftops as the levee gave way.\n\n\
Emergency crews in small boats pulled at least 40 people from flooded homes before dawn, the \
county sheriff said at a briefing on Wednesday morning.\n\n\
The river crested at nearly eleven metres, the highest level recorded since the great flood \
of the last century, according to the regional water authority.\n\n\
Residents said the warning sirens sounded less than an hour before the water reached the \
main street, leaving little time to move cars and livestock to higher ground.";

/// The original with its last paragraph rewritten and a line added: a near copy.
const NEAR_COPY: &str = "Floodwaters swept through the river town of Marlow Bend on Tuesday night, \
forcing hundreds of families onto rooftops as the levee gave way.\n\n\
Emergency crews in small boats pulled at least 40 people from flooded homes before dawn, the \
county sheriff said at a briefing on Wednesday morning.\n\n\
The river crested at nearly eleven metres, the highest level recorded since the great flood \
of the last century, according to the regional water authority.\n\n\
Officials have not yet put a figure on the damage.";

/// Names the original's outlet and quotes one paragraph of it word for word.
const RETELLING: &str = "The Valley Courier reported, \"Emergency crews in small boats pulled at \
least 40 people from flooded homes before dawn, the county sheriff said at a briefing on \
Wednesday morning.\"\n\n\
Our own reporter found the town quiet by Thursday, with volunteers handing out bread and \
bottled water from the back of a lorry parked outside the church.\n\n\
Shopkeepers on the high street were sweeping mud from their floors and counting what the \
water had taken, while insurers promised to send assessors within days.";

/// Another outlet's own report of the same flood: same facts, its own words.
const INDEPENDENT: &str = "More than forty residents of Marlow Bend were rescued by boat after \
the levee failed late on Tuesday, the sheriff's office told reporters.\n\n\
The water authority measured the crest at close to eleven metres, a level not seen in about a \
hundred years, and warned that more rain was on its way.\n\n\
Families who fled said they had heard the sirens only minutes before water filled the \
streets, and many lost their cars and animals.";

fn text<'a>(id: &'a str, body: &'a str, outlet: &'a str, day: u32) -> Text<'a> {
    Text {
        id,
        text: body,
        outlet: Some(outlet),
        published: Ymd::new(2024, 3, day),
    }
}

#[test]
fn a_near_copy_and_a_retelling_are_found_and_an_own_report_is_not() {
    let texts = [
        text("a", ORIGINAL, "The Valley Courier", 5),
        text("b", NEAR_COPY, "Daily Aggregator", 6),
        text("c", RETELLING, "Weekly Digest", 8),
        text("d", INDEPENDENT, "River Radio", 6),
    ];
    let o = origins(&texts, &CopySettings::default());
    assert!(o[0].independent(), "{:?}", o[0]);
    let b = o[1].copy_of.as_ref().expect("b copies a");
    assert_eq!((b.source.as_str(), b.how), ("a", How::NearCopy));
    assert!(b.share > 0.7, "{b:?}");
    let c = o[2].copy_of.as_ref().expect("c retells a");
    assert_eq!((c.source.as_str(), c.how), ("a", How::Retelling));
    assert!(o[3].independent(), "{:?}", o[3]);
    assert_eq!(o[1].root, "source:a");
    assert_eq!(o[2].root, "source:a");
    let (n, copies) = independent(&["a", "b", "c", "d"], &o);
    assert_eq!(n, 2);
    assert_eq!(copies.len(), 2);
}

#[test]
fn without_the_outlet_named_a_quoted_paragraph_is_no_retelling() {
    let texts = [
        text("a", ORIGINAL, "The Valley Courier", 5),
        text("c", RETELLING, "Weekly Digest", 8),
    ];
    let mut t = texts;
    t[0].outlet = Some("Another Paper");
    let o = origins(&t, &CopySettings::default());
    assert!(o.iter().all(Origin::independent), "{o:?}");
}

#[test]
fn of_two_near_copies_the_earlier_is_the_origin_in_any_order() {
    let early = text("z", ORIGINAL, "One", 1);
    let late = text("a", ORIGINAL, "Two", 2);
    for texts in [[early, late], [late, early]] {
        let o = origins(&texts, &CopySettings::default());
        let copy = o.iter().find(|x| x.copy_of.is_some()).expect("one copy");
        assert_eq!(copy.source, "a");
        assert_eq!(copy.copy_of.as_ref().map(|c| c.source.as_str()), Some("z"));
        assert_eq!(o.iter().filter(|x| x.copy_of.is_some()).count(), 1);
    }
}

#[test]
fn short_texts_are_never_copies() {
    let texts = [
        text("a", "Ten people were hurt.", "One", 1),
        text("b", "Ten people were hurt.", "Two", 2),
    ];
    let o = origins(&texts, &CopySettings::default());
    assert!(o.iter().all(Origin::independent));
}

#[test]
fn shingles_do_not_cross_sentences() {
    // Five words, but split by a full stop: no shingle.
    assert!(shingles("one two three. four five", 5).is_empty());
    assert_eq!(shingles("one two three four five", 5).len(), 1);
    // Folded: case and diacritics do not matter.
    assert_eq!(
        shingles("Café Müller opened its doors", 5),
        shingles("cafe MULLER opened its doors", 5)
    );
}

/// (text, agencies carried, agencies cited).
const CREDITS: &[(&str, &[&str], &[&str])] = &[
    (
        "Heat wave ends\n\nBy Jane DOE\nMecca, Saudi Arabia (AFP) June 17, 2024\n\nIt was hot.",
        &["AFP"],
        &[],
    ),
    (
        "Toll rises\n\nSEOUL, Nov. 14 (Yonhap) -- The toll rose by one.",
        &["Yonhap"],
        &[],
    ),
    (
        "Story.\n\nMore story.\n\nReuters\n\nOriginal url: https://x.y/z",
        &["Reuters"],
        &[],
    ),
    ("Title\n\ndpa\nBenghazi\nThe toll rose.", &["dpa"], &[]),
    (
        "Story.\n\nTalks have failed.  (dpa/NAN)",
        &["dpa", "NAN"],
        &[],
    ),
    ("Story.\n\n(With PTI inputs)", &["PTI"], &[]),
    (
        "Story.\n\nThe talks resume on Monday. — Xinhua",
        &["Xinhua"],
        &[],
    ),
    (
        "Story.\n\nReuters contributed to this report.",
        &["Reuters"],
        &[],
    ),
    ("Story.\n\nBy Jane Doe | AFP", &["AFP"], &[]),
    // Citations only.
    (
        "Title\n\nThe toll might reach thousands, Reuters reported.\n\nMore.\n\nMore.\n\nMore.\n\nMore.\n\nEnd.",
        &[],
        &["Reuters"],
    ),
    (
        "Title\n\nAbout 600 bodies were at a morgue, according to The Associated Press.\n\nEnd.",
        &[],
        &["AP"],
    ),
    (
        "Title\n\nAn official told AFP on Monday that 13 had died.\n\nMore.\n\nMore.\n\nMore.\n\nMore.\n\nEnd.",
        &[],
        &["AFP"],
    ),
    (
        "Title\n\nA total of 116 others were hurt, Yonhap news agency reported.\n\nEnd.",
        &[],
        &["Yonhap"],
    ),
    // Neither: the long form defines the acronym; a photo credit; a name in the middle.
    (
        "Title\n\nThe Associated Press (AP) has a bureau there.\n\nEnd.",
        &[],
        &[],
    ),
    ("Title\n\n(AP Photo/Ahn Young-joon)\n\nEnd.", &[], &[]),
    (
        "Title\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nHe joined Reuters in 1990 and left for a bank.\n\nFive.\n\nSix.\n\nSeven.\n\nEight.",
        &[],
        &[],
    ),
    ("Title\n\nShe spoke to APA members.\n\nEnd.", &[], &[]),
];

#[test]
fn credits_carry_and_citations_only_cite() {
    for &(t, carries, cites) in CREDITS {
        let (c, d) = credits(t);
        assert_eq!((c.as_slice(), d.as_slice()), (carries, cites), "{t:?}");
    }
}

#[test]
fn a_wire_carrier_has_the_agency_as_its_origin() {
    let a = format!("{ORIGINAL}\n\n(AFP)");
    let b = format!("Title\n\nMarlow Bend (AFP) - {INDEPENDENT}");
    let texts = [text("a", &a, "One", 1), text("b", &b, "Two", 2)];
    let o = origins(&texts, &CopySettings::default());
    assert_eq!(o[0].root, "agency:AFP");
    assert_eq!(o[1].root, "agency:AFP");
    assert_eq!(independent(&["a", "b"], &o).0, 1);
}

/// An own report of the same flood that quotes the sheriff's statement word for word, as
/// `ORIGINAL` does: the same names, numbers and one shared quote are not a copy.
const QUOTES_THE_SAME_STATEMENT: &str = "Rescue boats reached Marlow Bend before dawn on \
Wednesday, two nights after the levee broke and the river spilled into the town.\n\n\
\"Emergency crews in small boats pulled at least 40 people from flooded homes before dawn,\" \
the county sheriff said.\n\n\
Forecasters expect the water, which peaked near eleven metres, to fall slowly through the \
weekend, and schools across the county will stay closed until at least Monday.\n\n\
Farmers on the low fields counted their losses in cattle and feed, and a relief fund opened \
by the mayor had gathered pledges from across the state by the evening.";

#[test]
fn a_shared_quote_names_and_numbers_are_no_copy() {
    let texts = [
        text("a", ORIGINAL, "The Valley Courier", 5),
        text("d", INDEPENDENT, "River Radio", 6),
        text("e", QUOTES_THE_SAME_STATEMENT, "County Herald", 7),
    ];
    let o = origins(&texts, &CopySettings::default());
    assert!(o.iter().all(Origin::independent), "{o:?}");
    assert_eq!(independent(&["a", "d", "e"], &o).0, 3);
}

#[test]
fn an_excerpt_copies_its_original_but_not_the_other_way_round() {
    // The first two paragraphs only: most of the excerpt is the original's, a third of the
    // original is the excerpt's.
    let excerpt: String = ORIGINAL
        .split("\n\n")
        .take(2)
        .collect::<Vec<_>>()
        .join("\n\n");
    let texts = [text("a", ORIGINAL, "One", 5), text("b", &excerpt, "Two", 4)];
    let o = origins(&texts, &CopySettings::default());
    assert!(o[0].independent(), "{:?}", o[0]);
    let b = o[1]
        .copy_of
        .as_ref()
        .expect("the excerpt copies the original");
    assert_eq!((b.source.as_str(), b.how), ("a", How::NearCopy));
}

#[test]
fn origins_do_not_depend_on_the_order_of_the_texts() {
    let texts = [
        text("a", ORIGINAL, "The Valley Courier", 5),
        text("b", NEAR_COPY, "Daily Aggregator", 6),
        text("c", RETELLING, "Weekly Digest", 8),
        text("d", INDEPENDENT, "River Radio", 6),
    ];
    let by_id = |t: &[Text]| {
        let mut o = origins(t, &CopySettings::default());
        o.sort_by(|x, y| x.source.cmp(&y.source));
        o
    };
    let first = by_id(&texts);
    let mut reversed = texts;
    reversed.reverse();
    assert_eq!(by_id(&reversed), first);
    let mut rotated = texts;
    rotated.rotate_left(2);
    assert_eq!(by_id(&rotated), first);
}

fn origin(source: &str, copies: Option<(&str, How, f64)>, carries: &[&'static str]) -> Origin {
    let root = match (copies, carries.first()) {
        (Some((s, _, _)), _) => format!("source:{s}"),
        (None, Some(a)) => format!("agency:{a}"),
        (None, None) => format!("source:{source}"),
    };
    Origin {
        source: source.into(),
        copy_of: copies.map(|(s, how, share)| CopyOf {
            source: s.into(),
            how,
            share,
        }),
        carries: carries.to_vec(),
        cites: Vec::new(),
        root,
    }
}

#[test]
fn notes_count_independent_origins_and_read_a_copy_conflict_as_one_origin() {
    let all = [
        origin("a", None, &[]),
        origin("b", Some(("a", How::NearCopy, 0.781)), &[]),
        origin("c", None, &[]),
        origin("w1", None, &["AFP"]),
        origin("w2", None, &["AFP"]),
    ];
    let of = |s: &str| all.iter().find(|o| o.source == s);
    let name = |s: &str| s.to_uppercase();
    let note = |conflict, sources: &[&str], disjoint: &[(&str, &str)]| {
        note(conflict, sources, disjoint, &of, &name)
    };
    assert_eq!(
        note(false, &["a", "b", "c"], &[]).as_deref(),
        Some("3 sources, 2 independent: B copies A (78% of its text).")
    );
    assert_eq!(
        note(false, &["a", "w1", "w2"], &[]).as_deref(),
        Some("3 sources, 2 independent: W1 carries AFP; W2 carries AFP.")
    );
    // Every source its own origin, or only one carrier: nothing to say.
    assert_eq!(note(false, &["a", "c"], &[]), None);
    assert_eq!(note(false, &["a", "w1"], &[]), None);
    // A copy differing from its original: one origin.
    let one = note(true, &["a", "b"], &[("a", "b")]).expect("one origin");
    assert!(
        one.starts_with("The differing sources have one origin (B copies A"),
        "{one}"
    );
    // Any independent disjoint pair: an independent contradiction, nothing said.
    assert_eq!(
        note(true, &["a", "b", "c"], &[("a", "b"), ("b", "c")]),
        None
    );
    assert_eq!(note(true, &["a", "c"], &[("a", "c")]), None);
}

#[test]
fn shared_counts_are_the_same_however_many_ranges_the_postings_are_taken_in() {
    // Shingles of invented sources: hashes spread over the whole range (high bits set too),
    // some shared by a few sources, one by more than `max_posting`.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let common: Vec<u64> = (0..40).map(|_| next()).collect();
    let shingles: Vec<Vec<u64>> = (0..30)
        .map(|i| {
            let mut s: Vec<u64> = (0..50).map(|_| next()).collect();
            s.extend(common.iter().skip(i % 7).step_by(3 + i % 4));
            if i % 2 == 0 {
                s.push(u64::MAX);
                s.push(0);
            }
            s.sort_unstable();
            s.dedup();
            s
        })
        .collect();
    let whole = shared_shingles_in(&shingles, 8, usize::MAX);
    let pairs = pair_counts(&whole);
    assert!(!pairs.is_empty());
    for per_pass in [1, 7, 100, 1000] {
        let ranged = shared_shingles_in(&shingles, 8, per_pass);
        assert_eq!(pair_counts(&ranged), pairs, "{per_pass}");
    }
    // The counter counts what a map of pairs counts: every shingle two sources hold (and
    // eight or fewer), once a pair, none above `max_posting`.
    let mut expected: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    let mut holders: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (i, s) in shingles.iter().enumerate() {
        for &h in s {
            holders.entry(h).or_default().push(i);
        }
    }
    for hs in holders.values().filter(|hs| (2..=8).contains(&hs.len())) {
        for (x, &a) in hs.iter().enumerate() {
            for &b in &hs[x + 1..] {
                *expected.entry((a, b)).or_default() += 1;
            }
        }
    }
    assert_eq!(pairs, expected);
    assert!(holders.values().any(|hs| hs.len() > 8));
}

/// Every pair of sources `(a, b)`, `a < b`, that shares shingles, with how many, as the
/// counter finds them (and each pair alike from both sides).
fn pair_counts(shared: &Shared) -> BTreeMap<(usize, usize), u32> {
    let mut counter = Counter::new(shared.of.len());
    let mut out = BTreeMap::new();
    for a in 0..shared.of.len() {
        for &(b, n) in counter.count(shared, a) {
            let (x, y) = (a.min(b), a.max(b));
            assert_eq!(*out.entry((x, y)).or_insert(n), n, "{x} {y}");
        }
    }
    out
}

#[test]
fn passes_are_a_fixed_number_however_many_postings() {
    // A small corpus: one pass, or a few of the least size.
    assert_eq!(per_pass(0), MIN_POSTINGS_PER_PASS);
    assert_eq!(per_pass(MIN_POSTINGS_PER_PASS * 3), MIN_POSTINGS_PER_PASS);
    // An archive: PASSES passes at most, the last one no larger than the others.
    for total in [MIN_POSTINGS_PER_PASS * PASSES + 1, 8_000_000, 80_000_000] {
        let per = per_pass(total);
        assert!(per > MIN_POSTINGS_PER_PASS, "{total}");
        assert_eq!(total.div_ceil(per), PASSES, "{total}");
    }
}

/// The outlets a text names, found in one pass, are exactly those `str::contains` finds, with
/// the characters of a pattern language in the names, one name inside another, and names too
/// short to count; and alike when each name is searched for alone (no set built).
#[test]
fn the_outlets_a_text_names_are_those_it_contains() {
    let outlets = [
        "Yahoo! News",
        "AP (Reuters)",
        "The Times",
        "Times",
        "Sky",
        "AP",
        "El País",
        "a+b.c*",
        "Sky",
    ];
    let found = Outlets::new(outlets);
    assert!(found.set.is_some());
    let alone = Outlets {
        set: None,
        ..found.clone()
    };
    let texts = [
        "Yahoo! News and AP (Reuters) said so, as did The Times.",
        "Yahoo News said so, and AP Reuters too; Times New Roman.",
        "El País reported it first. a+b.c* is not a pattern here.",
        "APPLE and SKY, Skype; nothing named here but a word.",
        "",
    ];
    for text in texts {
        let named = found.named_in(text);
        assert_eq!(named, alone.named_in(text), "{text}");
        for o in outlets {
            let expected = o.chars().count() >= 3 && text.contains(o);
            assert_eq!(found.names(&named, o), expected, "{o:?} in {text:?}");
        }
    }
    // An outlet no text of the corpus has is named nowhere; an empty set names nothing.
    assert!(!found.names(&found.named_in(texts[0]), "Daily Planet"));
    let none = Outlets::new([]);
    assert!(none.named_in(texts[0]).is_empty());
    assert!(!none.names(&[], "The Times"));
}

#[test]
fn a_word_hashes_as_its_folded_form_and_shingles_are_spread() {
    // The ASCII path lowercases on the stack; a longer or non-ASCII word is folded first: both
    // hash the folded bytes.
    assert_eq!(word_hash("Putin"), word_hash("putin"));
    assert_eq!(word_hash("Müller"), word_hash("MULLER"));
    let long = "Internationalisation-Of-Everything-And-More";
    assert_eq!(word_hash(long), word_hash(&long.to_lowercase()));
    assert_ne!(word_hash("ab"), word_hash("ab\0"));
    // Two texts that share a run of five words share one shingle; a sentence break splits
    // the run.
    let a = "one two three four five six";
    let b = "zero one two three four five";
    let (sa, sb) = (shingles_of(a, &words(a), 5), shingles_of(b, &words(b), 5));
    assert_eq!(sa.len(), 2);
    assert_eq!(sa.iter().filter(|h| sb.contains(h)).count(), 1);
    let broken = "one two. three four five six";
    assert_eq!(shingles_of(broken, &words(broken), 5).len(), 0);
    // The hash space is split in even ranges by the top bits: consecutive small inputs land
    // all over it.
    let tops: std::collections::BTreeSet<u64> = (0..64).map(|k| spread(k) >> 60).collect();
    assert!(tops.len() >= 12, "{tops:?}");
}
