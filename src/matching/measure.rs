//! The measure side of matching: what each claim measures (its role, scope and attribution, read
//! by the extractor) decides which claims may speak of the same fact at all. Two claims with
//! different roles (deaths, injured), different scopes (women among the dead, another year, the
//! cash part of a price) or different attributions (the WHO's toll, the UN's) are never one
//! fact; the similarity of their words only ranks the pairs that pass.
//!
//! Scope is read per event: the story's own year and its own country restrict nothing ("the
//! 2016 referendum" in a story of 2016, "Colombian authorities" in a story of Colombia), so they
//! are dropped before claims are compared.

use crate::claim::{Claim, Dimension, Kind, Qualifier, Sym};
use crate::lang::en::measure as lx;
use crate::lang::en::stem::stem;
use std::collections::HashSet;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

/// The parts of a claim's measure the matcher compares, with the event's own year and country
/// already dropped from the scope.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct MeasureKey {
    pub(super) role: String,
    /// The role is one a story gives one figure of ([`lx::is_event_role`]), looked up once.
    pub(super) event_role: bool,
    /// The role is one a story may give several figures of ([`lx::is_worded_role`]).
    pub(super) worded_role: bool,
    pub(super) scope: Vec<String>,
    /// What a count counts when it is a thing rather than people ("dams", "buildings"); empty
    /// otherwise.
    pub(super) thing: Sym,
    /// The year of a dated happening ([`happening_year`]), unless it is the event's own.
    pub(super) happening_year: Option<i32>,
    /// A date of such a happening whose year its article leaves open ("launched on July 14" in
    /// a report with no date of its own and none to infer): of whichever year the other gives.
    pub(super) year_open: bool,
    /// Attribution names ("who", "un", "afp") and source nouns ("mayor", "government").
    pub(super) names: Vec<String>,
    pub(super) nouns: Vec<String>,
}

impl MeasureKey {
    pub(super) fn of(c: &Claim) -> MeasureKey {
        let m = &c.measure;
        let pick = |prefix: &str| -> Vec<String> {
            m.attribution_key()
                .iter()
                .filter_map(|k| k.strip_prefix(prefix).map(str::to_string))
                .collect()
        };
        MeasureKey {
            role: m.role.to_string(),
            // A price is one figure of a story only as a sum: "Falcon 9" in a sentence about
            // cost is no price.
            event_role: lx::is_event_role(&m.role)
                && (c.dimension == Dimension::Money || !lx::is_money_role(&m.role)),
            worded_role: lx::is_worded_role(&m.role),
            happening_year: happening_year(c),
            year_open: year_open(c),
            scope: m.scope().to_vec(),
            thing: if c.kind == Kind::Count && m.quantity != lx::PEOPLE {
                Sym::from(m.quantity.as_ref())
            } else {
                Sym::default()
            },
            names: pick("name:"),
            nouns: pick("noun:"),
        }
    }

    /// Drop the scopes the whole event shares.
    /// A sum of the story's own subject that no word of its sentence gives a role ("snapping
    /// up WhatsApp for $19 billion") takes the role the event's other sums of that subject
    /// are given ([`topic_role`]): it is the same price, however the sentence words the deal.
    pub(super) fn drop_scopes(&mut self, own: &BTreeSet<String>) {
        let of_topic = self
            .scope
            .iter()
            .any(|s| s.starts_with(OBJECT) && own.contains(s));
        self.scope.retain(|s| !own.contains(s));
        for s in &mut self.scope {
            if let Some(name) = s.strip_prefix(OBJECT) {
                *s = format!("{OBJECT}{}", undoubled(name));
            }
        }
        if of_topic
            && self.role.is_empty()
            && let Some(role) = own.iter().find_map(|s| s.strip_prefix(TOPIC_ROLE))
        {
            self.role = role.to_string();
            // Only sums are of the topic (`OBJECT` scope): a money role fits them.
            self.event_role = lx::is_event_role(role);
            self.worded_role = lx::is_worded_role(role);
        }
        if let Some(y) = self.happening_year
            && own.contains(&format!("{YEAR}{y}"))
        {
            self.happening_year = None;
        }
    }

    /// Block keys for the claims this measure may meet: its role and scope, when it has
    /// either (claims without one are found through their words), and its scope alone, which a
    /// claim of the same restriction whose sentence names no role meets ("one American among
    /// the dead", "two from the United States").
    pub(super) fn block_keys(&self) -> impl Iterator<Item = String> + '_ {
        let scope = self.scope.join(",");
        let alone =
            (!self.role.is_empty() && !scope.is_empty()).then(|| format!("measure:|{scope}"));
        let both = (!self.role.is_empty() || !scope.is_empty())
            .then(|| format!("measure:{}|{scope}", self.role));
        both.into_iter().chain(alone)
    }
}

/// Keep a count's thing ([`MeasureKey::thing`]) only where every article of the event that
/// counts it without a role or scope gives it one figure: then it is the story's count of that
/// thing ("two dams" in each report of a dam burst), and two such counts of different sources
/// are one fact however their sentences word it. A thing an article counts with two figures
/// ("123 countries have ratified the statute", "over 30 countries") is counted for several
/// facts, and is left to the words. `free` are the claims of one event.
pub(super) fn keep_single_things(nodes: &mut [super::Node], free: &[usize]) {
    let mut figures: BTreeMap<(Sym, &str), BTreeSet<(u64, u64)>> = BTreeMap::new();
    for &i in free {
        let (c, m) = (nodes[i].claim, &nodes[i].measure);
        if m.thing.is_empty() || !m.role.is_empty() || !m.scope.is_empty() {
            continue;
        }
        let bits = |v: Option<f64>| v.map_or(u64::MAX, f64::to_bits);
        figures
            .entry((m.thing.clone(), c.source.as_str()))
            .or_default()
            .insert((bits(c.value.lo()), bits(c.value.hi())));
    }
    let several: BTreeSet<Sym> = figures
        .into_iter()
        .filter(|(_, values)| values.len() > 1)
        .map(|((thing, _), _)| thing)
        .collect();
    for &i in free {
        if several.contains(&nodes[i].measure.thing) {
            nodes[i].measure.thing = Sym::default();
        }
    }
}

/// The scope prefix of a year (`year:2014`).
const YEAR: &str = "year:";

/// The year a date of a happening falls in ("landed on September 7, 2019"), when its role is
/// one a story has one of (a landing, a disaster: [`lx::is_event_role`]) and it has no year
/// scope: the landing of another year is another landing. The story's own year is dropped with
/// its own scopes, so only a happening of another year stands apart. A founding date is no such
/// role: an anniversary that puts it in another year than the opening contradicts it. The year
/// is kept out of the scope, where a shared year would make two dates agree positively.
fn happening_year(c: &Claim) -> Option<i32> {
    if c.kind != Kind::Date
        || !lx::is_event_role(&c.measure.role)
        || c.measure.scope().iter().any(|s| s.starts_with(YEAR))
    {
        return None;
    }
    let year = |d: f64| crate::calendar::Ymd::from_days(d as i64).year;
    let (lo, hi) = (year(c.value.lo()?), year(c.value.hi()?));
    (lo == hi).then_some(lo)
}

/// True for a date of a happening ([`happening_year`]'s roles) that its article leaves without
/// a year ("July 14" with nothing to date it): it sets no year apart, and the verdict compares
/// its day and month alone.
fn year_open(c: &Claim) -> bool {
    c.kind == Kind::Date
        && c.value.lo().is_none()
        && c.date.as_ref().is_some_and(|d| d.partial.is_some())
        && lx::is_event_role(&c.measure.role)
        && !c.measure.scope().iter().any(|s| s.starts_with(YEAR))
}

/// True when two roles name different things (neither is empty or generic).
pub(super) fn roles_differ(a: &str, b: &str) -> bool {
    // Roles read from predicates outside the table differ only from each other, by stem.
    let (pa, pb) = (
        a.strip_prefix(lx::PREDICATE_ROLE),
        b.strip_prefix(lx::PREDICATE_ROLE),
    );
    if pa.is_some() || pb.is_some() {
        return match (pa, pb) {
            (Some(x), Some(y)) => stem(x) != stem(y),
            _ => false,
        };
    }
    // A generic role ("votes") stands for every specific role of its kind but a gap between
    // two figures ("margin"), which is no side's figure.
    let generic = |x: &str, y: &str| lx::is_generic_role(x) && !lx::is_gap_role(y);
    !a.is_empty()
        && !b.is_empty()
        && a != b
        && !generic(a, b)
        && !generic(b, a)
        && !lx::same_measure_roles(a, b)
}

/// True when two attributions name different sources: both name someone and they share no
/// name ("the WHO", "the UN"), or neither names anyone and they share no source noun ("the
/// mayor", "the government"). A source named on one side and only described on the other may
/// be the same one ("the Moscow Times" reporting "a government source"), so it sets nothing
/// apart.
pub(super) fn attributions_differ(a: &MeasureKey, b: &MeasureKey) -> bool {
    let disjoint = |x: &[String], y: &[String]| !x.iter().any(|t| y.contains(t));
    if !a.names.is_empty() && !b.names.is_empty() {
        return disjoint(&a.names, &b.names);
    }
    if a.names.is_empty() && b.names.is_empty() && !a.nouns.is_empty() && !b.nouns.is_empty() {
        return disjoint(&a.nouns, &b.nouns);
    }
    false
}

/// True when two measures can never be one fact: different roles, scopes or sources.
pub(super) fn measures_differ(a: &MeasureKey, b: &MeasureKey) -> bool {
    roles_differ(&a.role, &b.role)
        || a.scope != b.scope
        || happening_years_differ(a, b)
        || attributions_differ(a, b)
}

/// True when two figures are of happenings of different years, neither left without one.
pub(super) fn happening_years_differ(a: &MeasureKey, b: &MeasureKey) -> bool {
    a.happening_year != b.happening_year && !a.year_open && !b.year_open
}

/// True when two measures agree positively (the caller has checked that nothing differs):
/// the same role of which a story has one figure ("deaths", "injured", "votes for"), the
/// same restriction ("the cash part", "Indonesians"), or the same thing a story counts once
/// ([`keep_single_things`]: "two dams").
pub(super) fn agree(a: &MeasureKey, b: &MeasureKey) -> bool {
    let same_role = a.event_role && a.role == b.role;
    let same_thing = !a.thing.is_empty()
        && a.thing == b.thing
        && a.role.is_empty()
        && b.role.is_empty()
        && a.scope.is_empty()
        && b.scope.is_empty();
    same_role || !a.scope.is_empty() && a.scope == b.scope || same_thing
}

/// True when two claims of different sources share a role of which a story may give several
/// figures ([`lx::is_worded_role`]: a start date) and nothing of their measure differs (the
/// caller has checked): one fact when their words meet at all ("its 20-month war", began
/// 2022-02 ± 1 month; "since sending Russian troops into Ukraine in February 2022").
pub(super) fn agree_with_words(a: &super::Node, b: &super::Node) -> bool {
    a.measure.worded_role
        && a.claim.measure.role == b.claim.measure.role
        && !super::same_source(a, b)
}

/// True when two sources state the same specific figure (see [`figure_token`]). Within one
/// article a figure said twice is as often two facts ("Thursday" for the visit and for the
/// talks) as one.
pub(super) fn same_figure(a: &super::Node, b: &super::Node) -> bool {
    a.figure.is_some() && a.figure == b.figure && !super::same_source(a, b)
}

/// The similarity of two claims that may link (see [`super::cannot_link`]), lifted by what
/// their measures and figures say: the same event role or restriction lifts it to
/// [`Settings::role_similarity`](super::Settings), and so does a shared worded role when the
/// words meet at all (`sim > 0`); the same specific figure lifts it to
/// [`Settings::figure_similarity`](super::Settings); both, as two agreements that do not
/// depend on each other, to `1 - (1 - role) (1 - figure)`, so that two reports' one toll
/// meets before two tolls of one report that share only their role.
pub(super) fn lifted(a: &super::Node, b: &super::Node, sim: f64, s: &super::Settings) -> f64 {
    // The same specific role or restriction, and nothing of the measure differing, in one
    // event: one fact however the sentences word it ("136 Indonesian pilgrims had died", "165
    // Indonesians have died").
    let role = agree(&a.measure, &b.measure) || sim > 0.0 && agree_with_words(a, b);
    // The same specific figure: "$165 million" twice.
    let figure = same_figure(a, b);
    let lift = match (role, figure) {
        // Two agreements are more than either: the same role and the same figure.
        (true, true) => 1.0 - (1.0 - s.role_similarity) * (1.0 - s.figure_similarity),
        (true, false) => s.role_similarity,
        (false, true) => s.figure_similarity,
        (false, false) => 0.0,
    };
    // Among pairs lifted alike, the words decide which is likelier one fact: a share of them,
    // too small to carry a pair past any bar, breaks the tie.
    if lift > sim {
        lift + LIFT_WORDS_SHARE * sim
    } else {
        sim
    }
}

/// The share of two claims' word similarity added to a lifted similarity ([`lifted`]): it
/// orders pairs of one lift by their words and moves no pair past any bar of
/// [`Settings`](super::Settings).
const LIFT_WORDS_SHARE: f64 = 0.01;

/// The scopes an event's claims share as a matter of course: the year most of its articles speak
/// from and the country most of them name. `articles` are the claims of each article of the event.
pub(super) fn own_scopes(articles: &[Vec<&Claim>]) -> BTreeSet<String> {
    let mut own = BTreeSet::new();
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    let mut countries: BTreeMap<&'static str, usize> = BTreeMap::new();
    for claims in articles {
        let mut seen_years = BTreeSet::new();
        let mut seen = BTreeSet::new();
        for c in claims {
            if c.kind == Kind::Date
                && let Some(d) = c.value.lo()
            {
                seen_years.insert(crate::calendar::Ymd::from_days(d as i64).year);
            }
            for n in c.subject.names.iter() {
                for w in n.split(|ch: char| !ch.is_alphabetic()) {
                    if let Some(country) = lx::country_of(&w.to_lowercase()) {
                        seen.insert(country);
                    }
                }
            }
        }
        for y in seen_years {
            *years.entry(y).or_default() += 1;
        }
        for c in seen {
            *countries.entry(c).or_default() += 1;
        }
    }
    // The most named year (ties: the latest).
    let top_year = years.values().copied().max().unwrap_or(0);
    // Named by at least half of the articles: a year only a few name ("In 2012, the site paid
    // $1 billion for Instagram") is another time, not the story's own.
    if let Some((&y, _)) = years
        .iter()
        .rev()
        .find(|(_, n)| **n == top_year && top_year * 2 >= articles.len())
    {
        own.insert(format!("{YEAR}{y}"));
    }
    // The one country named by more articles than any other, and by at least half of them.
    let top = countries.values().copied().max().unwrap_or(0);
    let leaders: Vec<&&str> = countries
        .iter()
        .filter(|(_, n)| **n == top)
        .map(|(c, _)| c)
        .collect();
    if let [c] = leaders.as_slice()
        && top * 2 >= articles.len()
    {
        own.insert(format!("country:{c}"));
    }
    // A country the figures are placed in ("in South Korea") that half the articles name is
    // the story's setting, not a restriction.
    for (c, n) in &countries {
        if n * 2 >= articles.len() {
            own.insert(format!("in:{c}"));
        }
    }
    if let Some(topic) = topic_object(articles) {
        if let Some(role) = topic_role(articles, &topic) {
            own.insert(format!("{TOPIC_ROLE}{role}"));
        }
        own.insert(topic);
    }
    own.extend(own_places(articles));
    own
}

/// The places named right after a count ("in:madina") that at least half of the articles
/// name: the story's own city restricts nothing; a place few articles name does. Each
/// article's name words are folded once, so the test costs one look-up per place and article.
fn own_places(articles: &[Vec<&Claim>]) -> BTreeSet<String> {
    let places: BTreeSet<&str> = articles
        .iter()
        .flatten()
        .flat_map(|c| c.measure.scope().iter())
        .filter_map(|s| s.strip_prefix(PLACE))
        .filter(|p| lx::country_of(p).is_none() && !p.contains(' '))
        .collect();
    if places.is_empty() {
        return BTreeSet::new();
    }
    let named: Vec<HashSet<String>> = articles
        .iter()
        .map(|claims| {
            claims
                .iter()
                .flat_map(|c| c.subject.names.iter())
                .flat_map(|n| {
                    // Words, and whole hyphenated names ("Al-Khums").
                    let pieces = n
                        .split_whitespace()
                        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
                    super::features::words(n).chain(pieces)
                })
                .map(str::to_lowercase)
                .collect()
        })
        .collect();
    places
        .into_iter()
        .filter(|place| {
            named.iter().filter(|words| words.contains(*place)).count() * 2 >= articles.len()
        })
        .map(|place| format!("{PLACE}{place}"))
        .collect()
}

/// The scope prefix of a place a figure is in ([`crate::claim::Measure::scope`]).
const PLACE: &str = "in:";

/// The scope of a sum that is the price or cost of the story's own subject ("object:whatsapp"
/// in a story of the WhatsApp deal): of the things sums are said to be the cost of, the one the
/// event's claims mention most (in the names of their sentences, or by its full name in their
/// subject), when at least half of the articles name it. A sum of anything else (a film's
/// budget beside a mission's cost, an earlier acquisition's price) stays a different fact.
fn topic_object(articles: &[Vec<&Claim>]) -> Option<String> {
    use super::features::mentions;
    let objects: BTreeSet<&str> = articles
        .iter()
        .flatten()
        .flat_map(|c| c.measure.scope().iter())
        .filter(|s| s.starts_with(OBJECT))
        .map(String::as_str)
        .collect();
    let mut best: Option<(usize, usize, &str)> = None;
    for scope in objects {
        let name = &scope[OBJECT.len()..];
        // Names keep no number: "Chandrayaan-3" is "Chandrayaan" among them.
        let bare = name.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
        let named = |c: &Claim| c.subject.names.iter().any(|n| mentions(n, bare));
        let (mut score, mut in_articles) = (0, 0);
        for claims in articles {
            let mut here = false;
            for c in claims {
                let full = mentions(&c.subject.phrase, name);
                let by_name = named(c);
                score += usize::from(full) + usize::from(by_name);
                // A thing no article names ("the launch") is no story's subject.
                here |= by_name;
            }
            in_articles += usize::from(here);
        }
        if best.is_none_or(|(m, _, _)| score > m) {
            best = Some((score, in_articles, scope));
        }
    }
    best.filter(|(_, n, _)| n * 2 >= articles.len())
        .map(|(_, _, s)| s.to_string())
}

/// The scope prefix of what a sum is the cost of ([`crate::claim::Measure::scope`]).
const OBJECT: &str = "object:";

/// A name with each doubled letter written once, so that its transliterations meet
/// ("Aadipurush" and "Adipurush", "Muhammad" and "Muhamad").
fn undoubled(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if !out.ends_with(c) || !c.is_alphabetic() {
            out.push(c);
        }
    }
    out
}

/// The prefix under which [`own_scopes`] keeps the role of the story's own subject's sums
/// ([`topic_role`]); no claim has a scope of it.
const TOPIC_ROLE: &str = "topic-role:";

/// The role the event's sums of its own subject (`topic`, an `object:` scope) are given most
/// often ("deal_value": "acquired WhatsApp for $19 billion", "buys WhatsApp for $16
/// billion"); ties go to the first in order. When no such sum has a role ("the Rs 650 crore
/// Chandrayaan-3 mission"), the money role the event's other sums are given most often ("a
/// modest ₹615 crore" for the mission's cost): a sum of the story's subject is what it cost
/// however few reports word it so. None when no sum has a money role.
fn topic_role(articles: &[Vec<&Claim>], topic: &str) -> Option<String> {
    let mut roles: BTreeMap<&str, usize> = BTreeMap::new();
    for c in articles.iter().flatten() {
        if !c.measure.role.is_empty() && c.measure.scope().iter().any(|s| s == topic) {
            *roles.entry(c.measure.role.as_ref()).or_default() += 1;
        }
    }
    if roles.is_empty() {
        for c in articles.iter().flatten() {
            if c.dimension == Dimension::Money && lx::is_money_role(&c.measure.role) {
                *roles.entry(c.measure.role.as_ref()).or_default() += 1;
            }
        }
    }
    let top = roles.values().copied().max()?;
    roles
        .into_iter()
        .find(|&(_, n)| n == top)
        .map(|(r, _)| r.to_string())
}

/// The stems of names too common in news to tell two events apart.
static COMMON_NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    lx::COMMON_NEWS_NAMES
        .iter()
        .chain(lx::COUNTRIES)
        .chain(lx::DEMONYMS.iter().map(|(d, _)| d))
        .flat_map(|w| w.split(' '))
        .map(stem)
        .collect()
});

/// True when a name token (a stemmed name word) is too common in news to tell events apart.
pub(super) fn is_common_name(t: &str) -> bool {
    COMMON_NAMES.contains(t)
}

/// A token for an article's event profile that says which event it reports by a figure: the
/// role and value of a claim with a role ("#deaths:11300", three significant digits), when the
/// value is large enough to be telling ([`FACT_TOKEN_MIN`]: "two dead" or a date is stated by
/// many events of one day).
pub(super) fn fact_token(c: &Claim) -> Option<String> {
    let lo = c.value.lo()?;
    if c.date.is_some() || c.measure.role.is_empty() || !lo.is_finite() || lo < FACT_TOKEN_MIN {
        return None;
    }
    let digits = lo.log10().floor() as i32;
    let unit = 10f64.powi(digits - 2);
    Some(format!(
        "#{}:{}",
        c.measure.role,
        (lo / unit).round() * unit
    ))
}

/// The figure a claim states, as a token two claims share when they state the same specific
/// figure in the same unit ("money:USD:165000000"): a non-date point value (or a range's both
/// ends, or a bound's figure: "at least 11,300" states 11,300) of [`FIGURE_MIN_DIGITS`] significant digits or more, or one calendar day. Ordinals and ranks ("first",
/// "second-largest") are too few to tell facts apart.
pub(super) fn figure_token(c: &Claim) -> Option<String> {
    if matches!(c.kind, Kind::Ordinal | Kind::Rank) {
        return None;
    }
    // A calendar day ("July 14", "14 July 2023") is as specific as a figure; a month or a
    // year ("2021", "in July") is not.
    if c.kind == Kind::Date || c.date.is_some() {
        let (lo, hi) = (c.value.lo()?, c.value.hi()?);
        // Days are whole numbers: one day when the ends are less than a day apart.
        return ((hi - lo).abs() < 0.5).then(|| format!("date:{lo}"));
    }
    // Only a figure written in digits: "a third" and "one-third" say too little.
    if !c.text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // A bound states its figure too: "at least 11,300" and "11,300" give one figure.
    let (lo, hi) = match c.qualifier {
        Qualifier::AtLeast | Qualifier::MoreThan => (c.value.lo()?, c.value.lo()?),
        Qualifier::AtMost | Qualifier::LessThan => (c.value.hi()?, c.value.hi()?),
        _ => (c.value.lo()?, c.value.hi()?),
    };
    if !lo.is_finite() || !hi.is_finite() || significant_digits(lo) < FIGURE_MIN_DIGITS {
        return None;
    }
    Some(format!("{}:{}:{lo}:{hi}", c.dimension.as_str(), c.unit))
}

/// The least significant digits of a figure that says which fact it is ("52", "615 crore").
const FIGURE_MIN_DIGITS: usize = 2;

/// Significant digits of a value as written in decimal: 6150000000 → 3, 52 → 2, 2 → 1,
/// 50.2 → 3.
fn significant_digits(v: f64) -> usize {
    let s = format!("{}", v.abs());
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let core = digits.trim_start_matches('0').trim_end_matches('0');
    core.len()
}

/// The least value a figure's event-profile token is made of.
const FACT_TOKEN_MIN: f64 = 100.0;

/// For each cluster of one event (node indices), the clusters of the same comparison class,
/// role and scope whose source differs: one measure given by two sources.
pub(super) fn related(clusters: &[Vec<usize>], nodes: &[super::Node]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); clusters.len()];
    // (class, role, scope) → clusters with a role, with a representative measure.
    let mut by_measure: BTreeMap<(&str, &str, String), Vec<usize>> = BTreeMap::new();
    for (k, members) in clusters.iter().enumerate() {
        let n = &nodes[members[0]];
        if n.measure.role.is_empty() {
            continue;
        }
        let key = (
            n.classes[0].as_str(),
            n.measure.role.as_str(),
            n.measure.scope.join(","),
        );
        by_measure.entry(key).or_default().push(k);
    }
    let source_of = |k: usize| -> Option<&MeasureKey> {
        clusters[k]
            .iter()
            .map(|&i| &nodes[i].measure)
            .find(|m| !m.names.is_empty() || !m.nouns.is_empty())
    };
    for list in by_measure.values() {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                if let (Some(ma), Some(mb)) = (source_of(a), source_of(b))
                    && attributions_differ(ma, mb)
                {
                    out[a].push(b);
                    out[b].push(a);
                }
            }
        }
    }
    for v in &mut out {
        v.sort_unstable();
        v.dedup();
    }
    out
}
