//! The claim model: one value said about one subject in one sentence of one source.
//!
//! Every value is an [`Interval`] in the canonical unit of its [`Dimension`], so comparing two
//! claims is interval arithmetic, never string equality. `value` is what the text states ("more
//! than 4,500" → `[4500, ∞)`); `bounds` is what comparison uses, after the rounding tolerance
//! inferred from how the number was written and the approximation tolerance of "about".
//! Dates are intervals of days (days since 1970-01-01) with a [`DateInfo`] saying how precise the
//! text was and where the year came from. This module holds data only; the grammar that fills it
//! lives in `extract/`, the wire format in `report/json.rs`.
// TODO(issue 10, lead): remove once this file passes clippy::float_cmp (outer-rooms branch
// added the workspace lint; this file belongs to another branch).
#![allow(clippy::float_cmp)]

pub use crate::sym::Sym;
use std::fmt;

/// What sort of value a claim states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// "4,500 police officers", "123 countries", "a 20-car motorcade".
    Count,
    /// "US$5 billion", "three billion US dollars".
    Money,
    /// "19 per cent", "45%", "double-digit growth".
    Percent,
    /// "a third", "two-thirds", "half".
    Fraction,
    /// "the 20th anniversary", "first trip".
    Ordinal,
    /// "the largest investor" (1), "second-largest" (2).
    Rank,
    /// "October 12", "March 2023", "on Thursday", "since 1991".
    Date,
    /// "a 20-month war", "for five years", "the two-day visit".
    Duration,
    /// "6:04 pm IST", "08:30 GMT", "at 10 a.m.": minutes since midnight, the zone as unit.
    TimeOfDay,
    /// "about 20 kilometres".
    Distance,
    /// "five hectares".
    Area,
    /// "200 lbs".
    Mass,
    /// "75 ml".
    Volume,
    /// "60 km/h".
    Speed,
    /// "30 degrees Celsius".
    Temperature,
    /// "rotate 90 degrees", "0.8 rad".
    Angle,
    /// "100 MB", "a 16-bit chip".
    Data,
    /// A number with nothing to count that the grammar recognises.
    Number,
}

impl Kind {
    pub const ALL: [Kind; 18] = [
        Kind::Count,
        Kind::Money,
        Kind::Percent,
        Kind::Fraction,
        Kind::Ordinal,
        Kind::Rank,
        Kind::Date,
        Kind::Duration,
        Kind::TimeOfDay,
        Kind::Distance,
        Kind::Area,
        Kind::Mass,
        Kind::Volume,
        Kind::Speed,
        Kind::Temperature,
        Kind::Angle,
        Kind::Data,
        Kind::Number,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Fraction => "fraction",
            Kind::Ordinal => "ordinal",
            Kind::Rank => "rank",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::TimeOfDay => "time_of_day",
            Kind::Distance => "distance",
            Kind::Area => "area",
            Kind::Mass => "mass",
            Kind::Volume => "volume",
            Kind::Speed => "speed",
            Kind::Temperature => "temperature",
            Kind::Angle => "angle",
            Kind::Data => "data",
            Kind::Number => "number",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the text bounds the value (TIMEX3-style modifiers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Qualifier {
    Exact,
    /// "about", "some", "around", "nearly", "roughly", "an estimated".
    Approx,
    /// "more than", "over", "exceeding".
    MoreThan,
    /// "at least", "no fewer than".
    AtLeast,
    /// "less than", "under", "fewer than".
    LessThan,
    /// "up to", "at most", "no more than".
    AtMost,
    /// "between 20 and 30", "October 12-13", "tens of thousands".
    Range,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::LessThan => "less_than",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
        }
    }

    pub fn parse(s: &str) -> Option<Qualifier> {
        [
            Qualifier::Exact,
            Qualifier::Approx,
            Qualifier::MoreThan,
            Qualifier::AtLeast,
            Qualifier::LessThan,
            Qualifier::AtMost,
            Qualifier::Range,
        ]
        .into_iter()
        .find(|q| q.as_str() == s)
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether the sentence says the value is a change, and which way ("rose 5%", "fell to 275",
/// "down from $89 billion"): CQE's and NewsQuant's `change`. `None` when it says no change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Change {
    #[default]
    None,
    Increase,
    Decrease,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::None => "none",
            Change::Increase => "increase",
            Change::Decrease => "decrease",
        }
    }

    pub fn parse(s: &str) -> Option<Change> {
        [Change::None, Change::Increase, Change::Decrease]
            .into_iter()
            .find(|c| c.as_str() == s)
    }
}

/// The physical or logical dimension of a unit: only claims of one dimension compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dimension {
    /// Counted things; the unit names what is counted ("people", "countries").
    Count,
    /// Money; the unit is an ISO 4217 code. Different currencies do not compare.
    Money,
    /// Percent (0–100) and fractions (0–1) are separate dimensions: "a third" is 0.333.
    Percent,
    Fraction,
    /// Position in a sequence or a ranking; no unit.
    Ordinal,
    Rank,
    /// Days since 1970-01-01.
    Time,
    /// Canonical unit: days.
    Duration,
    /// Minutes since midnight (0 to 1440) in the zone the unit names ("IST", "GMT", "local",
    /// or empty when the text gives none).
    TimeOfDay,
    /// Canonical unit: km.
    Length,
    /// Canonical unit: ha.
    Area,
    /// Canonical unit: kg.
    Mass,
    /// Canonical unit: l.
    Volume,
    /// Canonical unit: km/h.
    Speed,
    /// Canonical unit: °C.
    Temperature,
    /// Canonical unit: ° (degrees of arc).
    Angle,
    /// Canonical unit: B (bytes).
    Data,
    /// A bare number.
    Number,
}

impl Dimension {
    pub const ALL: [Dimension; 18] = [
        Dimension::Count,
        Dimension::Money,
        Dimension::Percent,
        Dimension::Fraction,
        Dimension::Ordinal,
        Dimension::Rank,
        Dimension::Time,
        Dimension::Duration,
        Dimension::TimeOfDay,
        Dimension::Length,
        Dimension::Area,
        Dimension::Mass,
        Dimension::Volume,
        Dimension::Speed,
        Dimension::Temperature,
        Dimension::Angle,
        Dimension::Data,
        Dimension::Number,
    ];

    /// The dimension `as_str` names, as the JSON wire writes it.
    pub fn parse(s: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Count => "count",
            Dimension::Money => "money",
            Dimension::Percent => "percent",
            Dimension::Fraction => "fraction",
            Dimension::Ordinal => "ordinal",
            Dimension::Rank => "rank",
            Dimension::Time => "time",
            Dimension::Duration => "duration",
            Dimension::TimeOfDay => "time_of_day",
            Dimension::Length => "length",
            Dimension::Area => "area",
            Dimension::Mass => "mass",
            Dimension::Volume => "volume",
            Dimension::Speed => "speed",
            Dimension::Temperature => "temperature",
            Dimension::Angle => "angle",
            Dimension::Data => "data",
            Dimension::Number => "number",
        }
    }
}

/// A closed interval with optional open ends: [`Interval::lo`] and [`Interval::hi`] are `None`
/// where it is unbounded on that side.
///
/// An open end is held as the infinity it stands for (−∞ below, +∞ above), so an interval is two
/// numbers, 16 bytes, not two `Option<f64>`s of 16 bytes each: every claim holds three of them,
/// and an archive holds millions of claims. Stated values are finite, so no end that is stated is
/// taken for an open one.
#[derive(Clone, Copy, PartialEq)]
pub struct Interval {
    lo: f64,
    hi: f64,
}

impl Default for Interval {
    /// Unbounded on both sides.
    fn default() -> Interval {
        Interval::new(None, None)
    }
}

impl fmt::Debug for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Interval")
            .field("lo", &self.lo())
            .field("hi", &self.hi())
            .finish()
    }
}

impl Interval {
    pub fn point(v: f64) -> Interval {
        Interval { lo: v, hi: v }
    }

    pub fn new(lo: Option<f64>, hi: Option<f64>) -> Interval {
        Interval {
            lo: lo.unwrap_or(f64::NEG_INFINITY),
            hi: hi.unwrap_or(f64::INFINITY),
        }
    }

    /// The low end; `None` when it is unbounded below.
    pub fn lo(&self) -> Option<f64> {
        (self.lo != f64::NEG_INFINITY).then_some(self.lo)
    }

    /// The high end; `None` when it is unbounded above.
    pub fn hi(&self) -> Option<f64> {
        (self.hi != f64::INFINITY).then_some(self.hi)
    }

    /// The same interval with its low end `lo` (`None`: unbounded below).
    pub fn with_lo(self, lo: Option<f64>) -> Interval {
        Interval::new(lo, self.hi())
    }

    /// The same interval with its high end `hi` (`None`: unbounded above).
    pub fn with_hi(self, hi: Option<f64>) -> Interval {
        Interval::new(self.lo(), hi)
    }

    /// True when the two intervals share at least one point.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let below = matches!((self.hi(), other.lo()), (Some(h), Some(l)) if h < l);
        let above = matches!((self.lo(), other.hi()), (Some(l), Some(h)) if l > h);
        !below && !above
    }

    pub fn is_point(&self) -> bool {
        matches!((self.lo(), self.hi()), (Some(a), Some(b)) if a == b)
    }

    /// Multiply both ends by a factor (unit conversion).
    pub fn scale(&self, k: f64) -> Interval {
        Interval::new(self.lo().map(|v| v * k), self.hi().map(|v| v * k))
    }
}

/// Byte range of a piece of the decoded text, plus 1-based line and column (in characters) of
/// its start, for people.
///
/// Held as `u32`s (16 bytes, not 32): every claim holds two, and an archive holds millions of
/// claims. A text is at most [`Span::MAX`] bytes long as far as spans go: an offset, line or
/// column beyond it is held as `Span::MAX` ([`Span::new`] saturates; nothing wraps).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
    pub line: u32,
    pub column: u32,
}

impl Span {
    /// The largest offset, line or column a span holds.
    pub const MAX: usize = u32::MAX as usize;

    /// The span of bytes `start..end` whose start is at `line`:`column`, each at most
    /// [`Span::MAX`].
    pub fn new(start: usize, end: usize, line: usize, column: usize) -> Span {
        let held = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        Span {
            start: held(start),
            end: held(end),
            line: held(line),
            column: held(column),
        }
    }

    /// The first byte's offset.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// The offset after the last byte.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// The bytes it covers, to slice a text with.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }

    /// 1-based line of its start.
    pub fn line(&self) -> usize {
        self.line as usize
    }

    /// 1-based column (in characters) of its start.
    pub fn column(&self) -> usize {
        self.column as usize
    }
}

/// How precisely a date was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DatePrecision {
    Day,
    Month,
    Year,
    Decade,
}

/// Where a date's missing parts (year, or the whole date for a weekday) came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Resolution {
    /// The text gave the full date.
    Explicit,
    /// Resolved against the source's publication date (from claims.toml, its dateline or its
    /// own address).
    Publication,
    /// The one year the same sentence names ("May 12" beside "the 2008 quake").
    Sentence,
    /// No publication date: the year was inferred from the dates the article itself names.
    Inferred,
    /// No date in the article: the year of the other articles of the same event.
    Event,
    /// Could not be resolved; `value` holds the partial date as written.
    Unresolved,
}

impl Resolution {
    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::Explicit => "explicit",
            Resolution::Publication => "publication",
            Resolution::Sentence => "sentence",
            Resolution::Inferred => "inferred",
            Resolution::Event => "event",
            Resolution::Unresolved => "unresolved",
        }
    }
}

/// Extra facts about a date claim.
#[derive(Debug, Clone, PartialEq)]
pub struct DateInfo {
    /// Precision of each end of the stated interval.
    pub precision: DatePrecision,
    pub resolution: Resolution,
    /// The partial date as written when it could not be resolved ("--10-12", "Thursday").
    pub partial: Option<String>,
    /// True when the date is this source's own dateline (its publication date).
    pub dateline: bool,
}

/// The number as the writer put it, before canonical conversion.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    /// The stated interval in the written unit (for "ten miles": 10, "mi").
    pub value: Interval,
    /// The written unit's canonical spelling ("mi", "months", "CNY"), empty when none.
    pub unit: Sym,
}

impl Written {
    /// What a claim of `value` in `unit` holds of `self` ([`Claim::written_as`]): nothing when
    /// it is that value (to the bit) in that unit.
    pub fn unless_as(self, value: &Interval, unit: &Sym) -> Option<Box<Written>> {
        let bits = |i: &Interval| (i.lo().map(f64::to_bits), i.hi().map(f64::to_bits));
        let same = bits(&self.value) == bits(value) && self.unit == *unit;
        (!same).then(|| Box::new(self))
    }
}

/// A parenthetical equivalent that belongs to the same claim: "200 million yuan ($28.18
/// million)" is one money claim in CNY carrying a USD equivalent.
#[derive(Debug, Clone, PartialEq)]
pub struct Equivalent {
    pub text: String,
    pub span: Span,
    pub value: Interval,
    pub bounds: Interval,
    pub unit: String,
}

/// The phrase the value quantifies and its normalized terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Subject {
    /// "Bishkek police officers", "countries which have ratified the Rome Statute".
    pub phrase: Box<str>,
    /// Lowercase, stemmed content terms of the phrase, in order, without duplicates (shared
    /// strings: the same term of many claims is one copy, see [`Sym`]).
    pub terms: Box<[Sym]>,
    /// The head noun's stem, when the phrase has one ("officer").
    pub head: Option<Sym>,
    /// Capitalized names in the sentence ("Putin", "Bishkek", "International Criminal Court"):
    /// shared, as the claims of one sentence mostly have the same (see
    /// [`crate::corpus::share_names`]).
    pub names: std::sync::Arc<[Sym]>,
}

impl Default for Subject {
    fn default() -> Subject {
        Subject {
            phrase: Box::default(),
            terms: Box::default(),
            head: None,
            names: Sym::no_names(),
        }
    }
}

/// What a value measures: only claims with the same measure speak of the same fact. Empty
/// strings and lists mean the sentence did not say.
///
/// Who gives the figure and what restricts it are read through [`Measure::attribution`],
/// [`Measure::attribution_key`] and [`Measure::scope`]: four claims in five have none of them,
/// so they are held in one box that only the others have (8 bytes of every claim of an
/// archive of millions, not 72).
#[derive(Debug, Clone, Default)]
pub struct Measure {
    /// What is counted or measured, normalized: "people" for any noun that counts people in
    /// general ("pilgrims", "victims"), else the counted noun ("dams", "votes"), or the kind of
    /// a measure ("money", "percent", "temperature"). A [`Sym`], as the role: nearly always
    /// held inline.
    pub quantity: Sym,
    /// The event role the sentence gives the value: "deaths", "injured", "missing",
    /// "displaced", "votes_against", "price", … ("" when none).
    pub role: Sym,
    /// The attribution and the scope, when either is said.
    said: Option<Box<Said>>,
}

/// The parts of a [`Measure`] few claims have.
#[derive(Debug, Clone, Default)]
struct Said {
    attribution: String,
    attribution_key: Vec<String>,
    scope: Vec<String>,
}

impl Measure {
    /// A measure of `quantity` in `role`, with its attribution, the attribution's key words and
    /// its scope (boxed only when one of them is not empty).
    pub fn new(
        quantity: Sym,
        role: Sym,
        attribution: String,
        attribution_key: Vec<String>,
        scope: Vec<String>,
    ) -> Measure {
        let said = (!attribution.is_empty() || !attribution_key.is_empty() || !scope.is_empty())
            .then(|| {
                Box::new(Said {
                    attribution,
                    attribution_key,
                    scope,
                })
            });
        Measure {
            quantity,
            role,
            said,
        }
    }

    /// Who gives the figure, as written ("the Saudi health ministry", "AFP"); "" when nobody
    /// is named.
    pub fn attribution(&self) -> &str {
        self.said.as_ref().map_or("", |s| &s.attribution)
    }

    /// The attribution's key words: lowercase name words and acronyms, sorted, for matching.
    pub fn attribution_key(&self) -> &[String] {
        self.said.as_ref().map_or(&[], |s| &s.attribution_key)
    }

    /// Restrictions that make it a different fact, sorted: `country:indonesia`,
    /// `subset:women`, `year:2014`, `modality:projection`, `part:cash`, `place:elsewhere`.
    pub fn scope(&self) -> &[String] {
        self.said.as_ref().map_or(&[], |s| &s.scope)
    }

    /// Set who gives the figure and the key words of it.
    pub fn set_attribution(&mut self, attribution: String, attribution_key: Vec<String>) {
        if self.said.is_none() && attribution.is_empty() && attribution_key.is_empty() {
            return;
        }
        let said = self.said.get_or_insert_default();
        said.attribution = attribution;
        said.attribution_key = attribution_key;
    }

    /// The scope, to change (kept sorted by the caller).
    pub fn scope_mut(&mut self) -> &mut Vec<String> {
        &mut self.said.get_or_insert_default().scope
    }
}

/// Equal when every part is, whether or not an empty one is held in the box.
impl PartialEq for Measure {
    fn eq(&self, other: &Measure) -> bool {
        self.quantity == other.quantity
            && self.role == other.role
            && self.attribution() == other.attribution()
            && self.attribution_key() == other.attribution_key()
            && self.scope() == other.scope()
    }
}

impl Eq for Measure {}

/// Something a reader should know about a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Flag {
    /// A bare "$" with nothing in the text to say which dollar; read as USD.
    AmbiguousCurrency,
    /// A vague magnitude ("thousands", "hundreds of people"): it says at least so many, and
    /// contradicts no larger figure.
    Vague,
}

impl Flag {
    /// Every flag, in the order a claim lists them.
    pub const ALL: [Flag; 2] = [Flag::AmbiguousCurrency, Flag::Vague];

    pub fn as_str(self) -> &'static str {
        match self {
            Flag::AmbiguousCurrency => "ambiguous_currency",
            Flag::Vague => "vague",
        }
    }

    /// Its bit in [`Flags`].
    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// The flags of a claim: a set of [`Flag`]s in one byte (a vector of them was 24 bytes of every
/// claim, for the few that have any), listed in [`Flag::ALL`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Flags(u8);

impl Flags {
    /// True when `flag` is set.
    pub fn contains(&self, flag: &Flag) -> bool {
        self.0 & flag.bit() != 0
    }

    /// Set `flag` (setting it twice changes nothing).
    pub fn push(&mut self, flag: Flag) {
        self.0 |= flag.bit();
    }

    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The flags set, in [`Flag::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = Flag> + '_ {
        Flag::ALL.into_iter().filter(|f| self.contains(f))
    }
}

impl FromIterator<Flag> for Flags {
    fn from_iter<I: IntoIterator<Item = Flag>>(flags: I) -> Flags {
        let mut out = Flags::default();
        for f in flags {
            out.push(f);
        }
        out
    }
}

/// One value said about one subject in one sentence of one source.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// `<source id>#<ordinal>`, stable for the same text: shared (each group of the comparison
    /// holds its members' ids, one counted reference each, not one copy each).
    pub id: Sym,
    /// The source id (one shared copy for all of a source's claims).
    pub source: Sym,
    /// Where the value's surface text is.
    pub span: Span,
    /// The value as written ("more than 4,500", "US$5 billion", "October 12-13"): a [`Sym`],
    /// held inline (no allocation of its own) up to 15 bytes, which is nine values in ten.
    pub text: Sym,
    /// Byte range of the sentence that holds the claim.
    pub sentence: Span,
    pub kind: Kind,
    pub dimension: Dimension,
    /// The interval the text states, in the canonical unit.
    pub value: Interval,
    /// The interval used for comparison, after rounding and approximation tolerance.
    pub bounds: Interval,
    /// Canonical unit: "people", "countries", "USD", "km", "ha", "days", "%", or "".
    pub unit: Sym,
    pub qualifier: Qualifier,
    /// Whether the value is an increase or a decrease, or states no change.
    pub change: Change,
    /// The number as the writer put it when it is not `value` in `unit` ("ten miles": 10 mi
    /// beside 16.09 km); `None`, for nine claims in ten, when it is. Read through
    /// [`Claim::written`]; made with [`Written::unless_as`]. A claim whose `value` or `unit`
    /// changes after it is made keeps what was written by [`Claim::pin_written`] first.
    pub written_as: Option<Box<Written>>,
    pub subject: Subject,
    /// What the value measures (quantity, role, attribution, scope).
    pub measure: Measure,
    /// Boxed: only date claims have it, and the claim is smaller without it inline.
    pub date: Option<Box<DateInfo>>,
    pub equivalent: Option<Box<Equivalent>>,
    pub flags: Flags,
    /// `Some` when the value is not stated but follows from other claims by one of the rules
    /// of [`crate::derive`](mod@crate::derive): a claim of its own, grouped and judged like any other.
    pub derived: Option<Box<Derivation>>,
}

impl Claim {
    /// The number as the writer put it: `written_as`, else the value in its unit.
    pub fn written(&self) -> Written {
        match &self.written_as {
            Some(w) => (**w).clone(),
            None => Written {
                value: self.value,
                unit: self.unit.clone(),
            },
        }
    }

    /// Hold what was written apart from `value` and `unit`, so that changing them leaves it.
    pub fn pin_written(&mut self) {
        if self.written_as.is_none() {
            self.written_as = Some(Box::new(self.written()));
        }
    }

    /// Set what was written (held only when it is not `value` in `unit`).
    pub fn set_written(&mut self, written: Written) {
        self.written_as = written.unless_as(&self.value, &self.unit);
    }
}

/// Which rule of [`crate::derive`](mod@crate::derive) gave a derived claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// "its 20-month war", "has led the party for 30 years" and the article's date → the
    /// date it began.
    Elapsed,
    /// "the 20th anniversary of its opening" and the date it is marked → the year it began.
    Anniversary,
    /// "26 foreigners: five from Iran, four each from China and Russia…" → the sum of the
    /// listed parts, to hold against the stated total.
    Total,
    /// "ratified in time for Putin's arrival" and the arrival's date stated elsewhere in the
    /// article → on or before that date.
    Deadline,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Elapsed => "elapsed",
            Rule::Anniversary => "anniversary",
            Rule::Total => "total",
            Rule::Deadline => "deadline",
        }
    }

    pub fn parse(s: &str) -> Option<Rule> {
        [
            Rule::Elapsed,
            Rule::Anniversary,
            Rule::Total,
            Rule::Deadline,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

/// How a derived claim follows from the claims it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Derivation {
    pub rule: Rule,
    /// Ids of the claims it came from (the stated total first for [`Rule::Total`]).
    pub from: Vec<Sym>,
    /// The arithmetic, for people: "20-month war, article of 2023-10-13 → began 2022-02 ± 1
    /// month".
    pub arithmetic: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::size_of;

    /// An archive holds millions of claims: a field that makes every claim larger fails here
    /// first (the claim was 488 bytes before its rare parts were boxed and its intervals made
    /// two numbers, and what was written held apart only when it is not the value; 344 before
    /// the subject's phrase and terms were boxed slices; 328 before a `Sym` was 16 bytes, 296
    /// before the measure's quantity and role were `Sym`s).
    #[test]
    fn a_claim_stays_small() {
        assert_eq!(size_of::<Interval>(), 16);
        assert_eq!(size_of::<Measure>(), 40);
        assert_eq!(size_of::<Claim>(), 280);
    }

    #[test]
    fn an_open_end_reads_as_none() {
        let iv = Interval::new(Some(4500.0), None);
        assert_eq!((iv.lo(), iv.hi()), (Some(4500.0), None));
        assert_eq!(Interval::default().lo(), None);
        assert_eq!(Interval::default().hi(), None);
        assert_eq!(iv.with_hi(Some(5000.0)).hi(), Some(5000.0));
        assert_eq!(iv.with_lo(None), Interval::default());
        assert!(iv.overlaps(&Interval::point(10_000.0)));
        assert!(!iv.overlaps(&Interval::point(4000.0)));
        assert!(!iv.is_point());
        assert_eq!(format!("{iv:?}"), "Interval { lo: Some(4500.0), hi: None }");
    }

    #[test]
    fn a_measure_boxes_only_what_is_said() {
        let plain = Measure::new(
            "people".into(),
            "deaths".into(),
            String::new(),
            vec![],
            vec![],
        );
        assert!(plain.said.is_none());
        assert_eq!((plain.attribution(), plain.scope().len()), ("", 0));
        let mut scoped = plain.clone();
        scoped.scope_mut().push("country:indonesia".to_string());
        assert_eq!(scoped.scope(), ["country:indonesia"]);
        assert_ne!(scoped, plain);
        // An empty box is the same measure as none.
        scoped.scope_mut().clear();
        assert_eq!(scoped, plain);
        let mut said = plain.clone();
        said.set_attribution("AFP".to_string(), vec!["afp".to_string()]);
        assert_eq!(
            (said.attribution(), said.attribution_key()),
            ("AFP", &["afp".to_string()][..])
        );
        let mut unsaid = plain.clone();
        unsaid.set_attribution(String::new(), Vec::new());
        assert!(unsaid.said.is_none());
    }
}
