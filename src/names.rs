//! Names that differ across sources: the people and organisations each article names, grouped
//! across sources when they are one entity, with the verdict `agree` when every source spells
//! the name alike and `variant` when the spellings differ ("Temur Umarov" / "Timur Umarov").
//! A misspelled name is one of the corrections newsrooms publish most.
//!
//! **Finding names.** A name is a run of capitalised words on one line with nothing but spaces
//! between them; it ends at a possessive ("Putin's"). Lines that are mostly capitalised words
//! are headlines and are skipped. Titles and words that name no one (a country, a people, a
//! month, a stop word: `lang::en::names`) are taken off the front ("Russian President Vladimir
//! Putin" → "Vladimir Putin", role `president`). A run holding an organisation word ("Center",
//! "Ministry") is an organisation and may hold "of", "for", "and", "the"; any other run of two
//! to [`NameSettings::max_person_words`] capitalised words, none of them a place word, is a
//! person.
//!
//! **One entity.** Two spellings of a person are one person when their surnames and first given
//! names fold to the same consonant skeleton (lowercase, no diacritics, the Arabic article and
//! the romanisation equivalences of `lang::en::names` folded, each run of vowels one vowel, a
//! doubled letter one letter: "Temur"/"Timur" → `t*m*r`, "Shoigu"/"Shoygu" → `sh*g*`), their
//! folded surnames are at least [`NameSettings::surname_similarity`] alike (Jaro-Winkler) and
//! their given names [`NameSettings::given_similarity`], and, when both come with a title, the
//! titles share a word. "Vladimir Putin" and "Lyudmila Putina" are two people. Spellings are
//! indexed by the pair of skeletons, so only spellings with the same key are ever compared, never
//! all pairs. Organisations are indexed by their first word and are one when their words (British
//! spellings made American: "Centre" ~ "Center") are the same, or the shorter name's three or
//! more words are all in the longer one, which has one word more at most.
//!
//! Only names two sources or more give are reported. Output order is the order of the first
//! mention (sources in the order given, then offset), so it is deterministic.

use crate::claim::{Span, Sym};
use crate::lang::en::names as lang;
use crate::source::LineIndex;
use crate::text::hash::WordHash;
use crate::text::words::{Word, fold, words};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The thresholds of name matching, each named.
#[derive(Debug, Clone, PartialEq)]
pub struct NameSettings {
    /// Least Jaro-Winkler similarity of two folded surnames of one person.
    pub surname_similarity: f64,
    /// Least Jaro-Winkler similarity of two folded first given names of one person.
    pub given_similarity: f64,
    /// A person's name has at most this many words (titles taken off).
    pub max_person_words: usize,
    /// A line with at least [`NameSettings::headline_min_words`] words of which this share or
    /// more are capitalised, and no sentence end, is a headline, whose capitals name nothing.
    pub headline_caps_share: f64,
    /// Fewest words of a line read as a headline.
    pub headline_min_words: usize,
    /// Words before a name searched for its title ("expert", "President").
    pub role_window: usize,
    /// A name is reported when at least this many sources give it.
    pub min_sources: usize,
}

impl Default for NameSettings {
    fn default() -> Self {
        NameSettings {
            surname_similarity: 0.85,
            given_similarity: 0.8,
            max_person_words: 4,
            headline_caps_share: 0.6,
            headline_min_words: 4,
            role_window: 3,
            min_sources: 2,
        }
    }
}

/// One source's text.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    /// The source id.
    pub id: &'a str,
    /// Its decoded text.
    pub text: &'a str,
}

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameKind {
    Person,
    Organisation,
}

impl NameKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NameKind::Person => "person",
            NameKind::Organisation => "organisation",
        }
    }
}

/// Whether the sources spell a name alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameVerdict {
    /// Every source spells it the same.
    Agree,
    /// The sources spell it differently.
    Variant,
}

impl NameVerdict {
    pub fn as_str(self) -> &'static str {
        match self {
            NameVerdict::Agree => "agree",
            NameVerdict::Variant => "variant",
        }
    }
}

/// One way one source writes a name: its first mention in that source.
#[derive(Debug, Clone, PartialEq)]
pub struct Spelling {
    /// The source id (one shared copy per source, not one per spelling: the names of an
    /// archive are held from the read to the report).
    pub source: Sym,
    /// The name as written (titles and a possessive taken off), inline up to 15 bytes.
    pub text: Sym,
    /// Where it is.
    pub span: Span,
}

/// One person or organisation that two sources or more name.
#[derive(Debug, Clone, PartialEq)]
pub struct NameGroup {
    /// `n1`, `n2`, … in order of first mention.
    pub id: String,
    pub kind: NameKind,
    /// The spelling most sources use (the first one on a tie).
    pub name: String,
    pub verdict: NameVerdict,
    /// The first mention of each spelling in each source, sources in input order.
    pub spellings: Vec<Spelling>,
}

impl NameGroup {
    /// The distinct spellings, each with the sources that use it, most used first.
    pub fn by_spelling(&self) -> Vec<(&str, Vec<&str>)> {
        let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
        for s in &self.spellings {
            match out.iter_mut().find(|(t, _)| *t == s.text) {
                Some((_, sources)) => {
                    if !sources.contains(&s.source.as_str()) {
                        sources.push(&s.source);
                    }
                }
                None => out.push((&s.text, vec![&s.source])),
            }
        }
        // Stable: ties keep the order of first mention.
        out.sort_by_key(|(_, sources)| std::cmp::Reverse(sources.len()));
        out
    }
}

/// A name found in one source: what grouping needs of it without the text, so that a text is
/// let go once it is read ([`read`]).
#[derive(Debug, Clone)]
struct Mention {
    /// The source's number in the texts grouped (set by [`grouped`]).
    source: usize,
    kind: NameKind,
    /// Where it is in the source's text (line and column once [`read`] kept it).
    span: Span,
    /// The words of the name (titles off) as written, a space between two (a word holds no
    /// space): inline up to 15 bytes, else a copy of its own.
    written: Sym,
    /// Titles before the name, folded.
    roles: Vec<String>,
}

impl Mention {
    /// The words of the name as written.
    fn words(&self) -> impl DoubleEndedIterator<Item = &str> {
        self.written.split(' ')
    }
}

/// Every name two sources or more give, grouped into entities, in order of first mention.
pub fn names(texts: &[Text], settings: &NameSettings) -> Vec<NameGroup> {
    let found = (texts.iter())
        .map(|t| read(t.text, &words(t.text), settings))
        .collect();
    let ids: Vec<&str> = texts.iter().map(|t| t.id).collect();
    grouped(&ids, found, settings)
}

/// The names of one text as grouping reads them: the first mention of each spelling, with its
/// words and place, and not the text. Read one text at a time ([`read`]), on any thread, from
/// the words the text is split into once for every stage that reads texts (names and copies);
/// [`grouped`] then groups them all, the texts long gone.
#[derive(Debug, Clone, Default)]
pub struct Read(Vec<Mention>);

/// The names of `text`, `words` being its words ([`words`]).
pub fn read(text: &str, words: &[Word], settings: &NameSettings) -> Read {
    let mut mentions = Vec::new();
    find(text, words, settings, &mut mentions);
    first_of_each_spelling(&mut mentions, 0);
    mentions.shrink_to_fit();
    // The line and column of the mentions kept, in text order: one line index for the text.
    if !mentions.is_empty() {
        let lines = LineIndex::new(text);
        for m in &mut mentions {
            let (line, column) = lines.line_col(text, m.span.start as usize);
            m.span = Span::new(m.span.start as usize, m.span.end as usize, line, column);
        }
    }
    Read(mentions)
}

/// [`names`] of the texts whose ids are `ids`, `found` holding what [`read`] gives of each, in
/// the same order.
pub fn grouped(ids: &[&str], found: Vec<Read>, settings: &NameSettings) -> Vec<NameGroup> {
    let mut mentions = Vec::with_capacity(found.iter().map(|r| r.0.len()).sum());
    for (source, r) in found.into_iter().enumerate() {
        mentions.extend(r.0.into_iter().map(|m| Mention { source, ..m }));
    }
    group(ids, &mentions, settings)
}

/// Keep, of the mentions of one source (`mentions[from..]`, in text order), the first of each
/// spelling (kind and words as written), with the titles of all of them. Grouping reads no more
/// of a source's mentions than that: a spelling's first mention in each source, the words of
/// each spelling, and the titles a spelling comes with anywhere; an archive's names are
/// millions of mentions, most of them repeats within their article.
fn first_of_each_spelling(mentions: &mut Vec<Mention>, from: usize) {
    let mut first: HashMap<(NameKind, Sym), usize> = HashMap::new();
    let mut keep = vec![true; mentions.len() - from];
    for k in from..mentions.len() {
        let key = (mentions[k].kind, mentions[k].written.clone());
        match first.entry(key) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(k);
            }
            std::collections::hash_map::Entry::Occupied(e) => {
                let f = *e.get();
                keep[k - from] = false;
                let roles = std::mem::take(&mut mentions[k].roles);
                for r in roles {
                    if !mentions[f].roles.contains(&r) {
                        mentions[f].roles.push(r);
                    }
                }
            }
        }
    }
    // Only this source's mentions are moved (a `retain` over the whole vector for each source
    // was quadratic: 30 s of 100,000 articles); the kept ones stay in order.
    let mut kept = from;
    for (k, keep) in (from..mentions.len()).zip(keep) {
        if keep {
            mentions.swap(kept, k);
            kept += 1;
        }
    }
    mentions.truncate(kept);
}

/// A capitalised word: an uppercase letter, then at least one lowercase letter ("Umarov",
/// "McDonald", "Al-Sisi"), not an acronym.
fn is_name_word(w: &str) -> bool {
    let b = w.as_bytes();
    let Some((&first, rest)) = b.split_first() else {
        return false;
    };
    // One pass over the bytes after the first: whether one is an ASCII lowercase letter, and
    // whether parts are joined (only "-", an apostrophe, or a character beyond ASCII, as the
    // other hyphens and "’", join them). Most words are read no further.
    let (mut lowercase, mut joined) = (false, !first.is_ascii());
    for &c in rest {
        lowercase |= c.is_ascii_lowercase();
        joined |= c == b'-' || c == b'\'' || !c.is_ascii();
    }
    if !joined {
        // ASCII: a capital, then a lowercase letter.
        return first.is_ascii_uppercase() && lowercase;
    }
    let mut cs = w.chars();
    if cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase) {
        // "Moscow-led", "Berlin-based": an adjective, not a name.
        return !w
            .split(['-', '‐', '‑'])
            .skip(1)
            .any(|p| p.chars().next().is_some_and(char::is_lowercase));
    }
    // A particle joined to a capitalised word: "al-Sisi", "el-Sisi", "da'Silva".
    w.split_once(['-', '\'', '’']).is_some_and(|(p, rest)| {
        lang::is_particle(&fold(p)) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

/// The word without a possessive ending, and whether it had one.
fn strip_possessive(w: &str) -> (&str, bool) {
    for p in crate::lang::en::words::POSSESSIVES {
        if let Some(s) = w.strip_suffix(p) {
            return (s, true);
        }
    }
    (w, false)
}

/// What ends a line that is a sentence, not a headline.
const SENTENCE_ENDS: &[char] = &['.', '!', '?', '"', '”', '’', '\'', ')'];

/// For each word, whether it lies on a headline line: mostly capitalised words (`caps`, a flag
/// per word: [`is_name_word`]), not ended like a sentence.
fn headline_words(text: &str, ws: &[Word], caps: &[bool], settings: &NameSettings) -> Vec<bool> {
    let mut out = vec![false; ws.len()];
    let mut i = 0;
    while i < ws.len() {
        let line_end = text[ws[i].start..]
            .find('\n')
            .map_or(text.len(), |n| ws[i].start + n);
        let mut j = i;
        let mut capitalised = 0;
        while j < ws.len() && ws[j].start < line_end {
            capitalised += usize::from(caps[j]);
            j += 1;
        }
        let n = j - i;
        #[allow(clippy::cast_precision_loss)]
        let share = capitalised as f64 / n as f64;
        let sentence = text[ws[i].start..line_end]
            .trim_end()
            .ends_with(SENTENCE_ENDS);
        if n >= settings.headline_min_words && share >= settings.headline_caps_share && !sentence {
            out[i..j].iter_mut().for_each(|h| *h = true);
        }
        i = j;
    }
    out
}

/// Only spaces between two words: they may belong to one name.
fn joined(text: &str, a: &Word, b: &Word) -> bool {
    let gap = &text[a.end..b.start];
    !gap.is_empty() && gap.len() <= 2 && gap.bytes().all(|c| c == b' ')
}

/// Append every name of `text` (source `source`) to `out`.
fn find(text: &str, ws: &[Word], settings: &NameSettings, out: &mut Vec<Mention>) {
    // Whether each word is a name word, decided once: the headline test, the runs and the
    // names in them all ask.
    let caps: Vec<bool> = ws.iter().map(|w| is_name_word(w.of(text))).collect();
    let headline = headline_words(text, ws, &caps, settings);
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i].of(text);
        if headline[i] || !caps[i] {
            i += 1;
            continue;
        }
        // The run: capitalised words joined by spaces, through lowercase particles and joiners
        // followed by a capitalised word; it ends after a possessive.
        let mut run = vec![i];
        let mut j = i;
        let (_, mut ends) = strip_possessive(w);
        while !ends && j + 1 < ws.len() && joined(text, &ws[j], &ws[j + 1]) && !headline[j + 1] {
            let next = ws[j + 1].of(text);
            if caps[j + 1] {
                j += 1;
                run.push(j);
                ends = strip_possessive(next).1;
                continue;
            }
            let low = fold(next);
            let glue = lang::is_particle(&low) || lang::is_org_joiner(&low);
            if glue && j + 2 < ws.len() && joined(text, &ws[j + 1], &ws[j + 2]) && caps[j + 2] {
                run.push(j + 1);
                run.push(j + 2);
                j += 2;
                ends = strip_possessive(ws[j].of(text)).1;
                continue;
            }
            break;
        }
        // The titles just before the run come first in its roles: folded only for a run
        // that names someone (most capitalised runs do not).
        let window = &ws[i.saturating_sub(settings.role_window)..i];
        let with_window_roles = |mut m: Mention| {
            let mut roles: Vec<String> = (window.iter())
                .map(|w| fold(w.of(text)))
                .filter(|w| lang::is_title(w))
                .collect();
            if !roles.is_empty() {
                roles.append(&mut m.roles);
                m.roles = roles;
            }
            m
        };
        // The run's words folded once, each without its possessive: what the lists are asked.
        let folded: Vec<String> = (run.iter())
            .map(|&k| fold(strip_possessive(ws[k].of(text)).0))
            .collect();
        let org = folded.iter().any(|w| lang::is_org_word(w));
        if org {
            out.extend(mention(text, ws, &caps, (&run, &folded), settings).map(with_window_roles));
        } else {
            // No organisation: the joiners (as written, possessive and all) separate names
            // ("Vladimir Putin and Lyudmila Putina"); the roles are those of the first.
            let joiner = |x: usize| {
                let w = ws[run[x]].of(text);
                if strip_possessive(w).1 {
                    lang::is_org_joiner(&fold(w))
                } else {
                    lang::is_org_joiner(&folded[x])
                }
            };
            let mut first = true;
            let mut from = 0;
            for x in 0..=run.len() {
                if x < run.len() && !joiner(x) {
                    continue;
                }
                if x > from {
                    let part = (&run[from..x], &folded[from..x]);
                    let m = mention(text, ws, &caps, part, settings);
                    out.extend(if first { m.map(with_window_roles) } else { m });
                    first = false;
                }
                from = x + 1;
            }
        }
        i = j + 1;
    }
}

/// The name a run of words holds, if any: `run` the indices of its words in `ws`, `folded`
/// each of them [`fold`]ed without its possessive; `caps`: [`is_name_word`] of each word of
/// `ws`.
fn mention(
    text: &str,
    ws: &[Word],
    caps: &[bool],
    (run, folded): (&[usize], &[String]),
    settings: &NameSettings,
) -> Option<Mention> {
    // The titles at the front of the run (the caller adds those before it).
    let mut roles = Vec::new();
    let org = folded.iter().any(|w| lang::is_org_word(w));
    // Take off the front: titles (kept as roles) and words that name no one.
    let mut a = 0;
    while a < run.len() {
        let f = &folded[a];
        if !org && lang::is_title(f) {
            roles.push(f.clone());
        } else if !(lang::is_not_person_word(f) && (!org || f == crate::lang::en::words::THE)) {
            break;
        }
        a += 1;
    }
    let mut b = run.len();
    while b > a && !caps[run[b - 1]] {
        b -= 1;
    }
    let kept = &run[a..b];
    let kept_folded = &folded[a..b];
    let capitals = kept.iter().filter(|&&k| caps[k]).count();
    if org {
        if capitals < 2 {
            return None;
        }
    } else {
        let person = (2..=settings.max_person_words).contains(&capitals)
            && kept_folded.iter().all(|w| {
                lang::is_particle(w)
                    || !(lang::is_not_person_word(w) || lang::is_title(w) || lang::is_org_joiner(w))
            });
        if !person {
            return None;
        }
    }
    let start = ws[kept[0]].start;
    let last = ws[kept[kept.len() - 1]];
    let end = last.start + strip_possessive(last.of(text)).0.len();
    let mut parts = Vec::with_capacity(2 * kept.len());
    for &k in kept {
        if !parts.is_empty() {
            parts.push(" ");
        }
        parts.push(strip_possessive(ws[k].of(text)).0);
    }
    Some(Mention {
        source: 0,
        kind: if org {
            NameKind::Organisation
        } else {
            NameKind::Person
        },
        // Line and column are found for the mentions kept only.
        span: Span::new(start, end, 0, 0),
        written: Sym::unique_joined(&parts),
        roles,
    })
}

/// A name word folded for comparison: lowercase ASCII letters, no diacritics, hyphens or
/// apostrophes, the Arabic article off a surname, the romanisation equivalences applied.
fn translit(word: &str, surname: bool) -> String {
    let mut f = fold(word);
    if surname {
        for p in lang::SURNAME_PREFIXES {
            if let Some(rest) = f.strip_prefix(p) {
                f = rest.to_string();
                break;
            }
        }
    }
    let mut f: String = f.chars().filter(char::is_ascii_lowercase).collect();
    for (from, to) in lang::TRANSLITERATIONS {
        if f.contains(from) {
            f = f.replace(from, to);
        }
    }
    f
}

/// The consonant skeleton of a folded word: each run of vowels one `*`, each doubled letter
/// one letter ("umarov" → "*m*r*v").
fn skeleton(f: &str) -> String {
    let mut out = String::with_capacity(f.len());
    let mut last = None;
    for c in f.chars() {
        let c = if matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') {
            '*'
        } else {
            c
        };
        if last != Some(c) {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// A person's spelling: the words that name them, without particles.
struct PersonForm {
    given: String,
    surname: String,
    roles: BTreeSet<String>,
}

/// `m`'s person form.
fn person_form(m: &Mention) -> PersonForm {
    let words: Vec<&str> = m.words().filter(|w| !lang::is_particle(&fold(w))).collect();
    PersonForm {
        given: translit(words.first().copied().unwrap_or(""), false),
        surname: translit(words.last().copied().unwrap_or(""), true),
        roles: m.roles.iter().cloned().collect(),
    }
}

/// Whether two spellings of a person with the same skeleton key are one person.
fn same_person(a: &PersonForm, b: &PersonForm, settings: &NameSettings) -> bool {
    strsim::jaro_winkler(&a.surname, &b.surname) >= settings.surname_similarity
        && strsim::jaro_winkler(&a.given, &b.given) >= settings.given_similarity
        && (a.roles.is_empty() || b.roles.is_empty() || !a.roles.is_disjoint(&b.roles))
}

/// An organisation's words for comparison: folded, British spellings made American, joiners
/// and "the" left out.
fn org_words(m: &Mention) -> Vec<String> {
    m.words()
        .map(fold)
        .filter(|w| !lang::is_org_joiner(w))
        .map(|w| lang::org_spelling(&w).to_string())
        .collect()
}

/// Whether two organisations indexed under one first word are one.
fn same_org(a: &[String], b: &[String]) -> bool {
    let (sa, sb): (BTreeSet<&String>, BTreeSet<&String>) = (a.iter().collect(), b.iter().collect());
    if sa == sb {
        return true;
    }
    let (small, large) = if sa.len() <= sb.len() {
        (sa, sb)
    } else {
        (sb, sa)
    };
    let head = |ws: &BTreeSet<&String>| -> Option<String> {
        ws.iter()
            .find(|w| lang::is_org_word(w) || lang::ORG_SPELLINGS.iter().any(|(_, t)| t == **w))
            .map(|w| (*w).clone())
    };
    small.len() >= 3
        && large.len() <= small.len() + 1
        && small.is_subset(&large)
        && head(&small).is_some()
}

/// What two spellings must share to be the same spelling: a person's first and last word
/// (middle names may come and go), an organisation's every word; case and diacritics aside.
fn spelling_key(m: &Mention) -> String {
    match m.kind {
        NameKind::Person => {
            let first = m.words().next().map_or(String::new(), fold);
            let last = m.words().next_back().map_or(String::new(), fold);
            format!("{first} {last}")
        }
        NameKind::Organisation => m.words().map(fold).collect::<Vec<_>>().join(" "),
    }
}

fn find_root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// The distinct spellings of the mentions: each kind and folded words (a person's or an
/// organisation's), with the indexes of its mentions in order.
///
/// The spellings come in order of kind, then folded words (the order the groups of names are
/// made in). They are found by hash, a map of each kind, and sorted once found: a sorted map's
/// search per mention grew with the archive (its string comparisons and pointer chasing, some
/// millions of mentions).
fn forms(mentions: &[Mention]) -> Vec<(NameKind, Vec<usize>)> {
    let mut ids: [HashMap<String, usize, WordHash>; 2] = Default::default();
    let mut lists: Vec<Vec<usize>> = Vec::new();
    // The folded words joined by spaces (a word holds no space): one string a spelling.
    let mut key = String::new();
    for (k, m) in mentions.iter().enumerate() {
        key.clear();
        for w in m.words() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(&fold(w));
        }
        let of_kind = &mut ids[kind_number(m.kind)];
        let id = match of_kind.get(key.as_str()) {
            Some(&id) => id,
            None => {
                of_kind.insert(key.clone(), lists.len());
                lists.push(Vec::new());
                lists.len() - 1
            }
        };
        lists[id].push(k);
    }
    let [people, organisations] = ids;
    let mut keyed: Vec<(NameKind, String, usize)> = (people.into_iter())
        .map(|(key, id)| (NameKind::Person, key, id))
        .chain((organisations.into_iter()).map(|(key, id)| (NameKind::Organisation, key, id)))
        .collect();
    keyed.sort_unstable();
    (keyed.into_iter())
        .map(|(kind, _, id)| (kind, std::mem::take(&mut lists[id])))
        .collect()
}

/// The number of a kind of name, for the maps of [`forms`].
fn kind_number(kind: NameKind) -> usize {
    match kind {
        NameKind::Person => 0,
        NameKind::Organisation => 1,
    }
}

/// Group the mentions into entities and keep those two sources or more give.
fn group(ids: &[&str], mentions: &[Mention], settings: &NameSettings) -> Vec<NameGroup> {
    let forms = forms(mentions);
    let mut parent: Vec<usize> = (0..forms.len()).collect();
    // Person spellings are compared only with those of the same (surname, given name)
    // skeletons, organisations with those of the same first word: the spellings sorted by that
    // key, each run of one key compared within itself. Most runs hold one spelling, and the
    // forms compared are made for the runs of two or more only.
    // Made in the order of each spelling's first mention, which is source order: the texts
    // are read front to back, not at random in the order of the spellings.
    let mut by_first: Vec<usize> = (0..forms.len()).collect();
    by_first.sort_unstable_by_key(|&f| forms[f].1[0]);
    let mut keys: Vec<(NameKind, String, usize)> = (by_first.into_iter())
        .map(|f| {
            let (kind, ms) = &forms[f];
            let first = &mentions[ms[0]];
            let key = match kind {
                NameKind::Person => {
                    let p = person_form(first);
                    format!("{} {}", skeleton(&p.surname), skeleton(&p.given))
                }
                NameKind::Organisation => org_words(first).into_iter().next().unwrap_or_default(),
            };
            (*kind, key, f)
        })
        .collect();
    keys.sort_unstable();
    for run in keys.chunk_by(|x, y| (x.0, &x.1) == (y.0, &y.1)) {
        if run.len() < 2 {
            continue;
        }
        let bucket: Vec<usize> = run.iter().map(|&(_, _, f)| f).collect();
        let form = |f: usize| {
            let first = &mentions[forms[f].1[0]];
            match forms[f].0 {
                NameKind::Person => {
                    let mut p = person_form(first);
                    for &m in &forms[f].1 {
                        p.roles.extend(mentions[m].roles.iter().cloned());
                    }
                    (Some(p), Vec::new())
                }
                NameKind::Organisation => (None, org_words(first)),
            }
        };
        let made: Vec<(Option<PersonForm>, Vec<String>)> =
            bucket.iter().map(|&f| form(f)).collect();
        for (x, &a) in bucket.iter().enumerate() {
            for (y, &b) in bucket.iter().enumerate().skip(x + 1) {
                let same = match (&made[x].0, &made[y].0) {
                    (Some(pa), Some(pb)) => same_person(pa, pb, settings),
                    _ => same_org(&made[x].1, &made[y].1),
                };
                if same {
                    let (ra, rb) = (find_root(&mut parent, a), find_root(&mut parent, b));
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    drop(keys);
    let mut entities: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (f, (_, ms)) in forms.iter().enumerate() {
        let r = find_root(&mut parent, f);
        entities.entry(r).or_default().extend(ms.iter().copied());
    }
    drop(forms);
    let min_sources = settings.min_sources.max(1);
    let reported: Vec<Vec<usize>> = (entities.into_values())
        .filter(|ms| {
            let sources: BTreeSet<usize> = ms.iter().map(|&m| mentions[m].source).collect();
            sources.len() >= min_sources
        })
        .collect();
    let (mut spelled, variant) = spell(ids, mentions, &reported);
    let mut groups: Vec<((usize, usize), NameGroup)> = Vec::with_capacity(reported.len());
    for (e, mut ms) in reported.into_iter().enumerate() {
        ms.sort_by_key(|&m| (mentions[m].source, mentions[m].span.start));
        let mut seen: BTreeSet<(usize, Sym)> = BTreeSet::new();
        // In a vector of exactly their number: the names of an archive are held from the read
        // to the report (a vector grown by pushes holds up to twice the room, and the
        // allocator keeps a block that shrinks by less than half where it is).
        let mut spellings = Vec::new();
        for &m in &ms {
            let Some(s) = spelled.take(m) else { continue };
            if seen.insert((mentions[m].source, s.text.clone())) {
                spellings.push(s);
            }
        }
        let spellings = {
            let mut fit = Vec::with_capacity(spellings.len());
            fit.append(&mut spellings);
            fit
        };
        let first = &mentions[ms[0]];
        let mut g = NameGroup {
            id: String::new(),
            kind: first.kind,
            name: String::new(),
            verdict: if variant[e] {
                NameVerdict::Variant
            } else {
                NameVerdict::Agree
            },
            spellings,
        };
        g.name = g.by_spelling()[0].0.to_string();
        groups.push(((first.source, first.span.start as usize), g));
    }
    groups.sort_by_key(|(k, _)| *k);
    groups
        .into_iter()
        .enumerate()
        .map(|(n, (_, mut g))| {
            g.id = format!("n{}", n + 1);
            g
        })
        .collect()
}

/// The spelling of each mention of the `reported` entities (source, the words as written,
/// where), and for each entity whether its mentions are spelt in more than one way (folded:
/// a person's first and last word, an organisation's words). Made in mention order (source by
/// source, in text order), where going entity by entity jumped between the mentions of an
/// archive (cache misses that grew faster than the corpus).
fn spell(ids: &[&str], mentions: &[Mention], reported: &[Vec<usize>]) -> (Spelled, Vec<bool>) {
    let mut wanted: Vec<(usize, usize)> = (reported.iter().enumerate())
        .flat_map(|(e, ms)| ms.iter().map(move |&m| (m, e)))
        .collect();
    // Mentions are numbered in source order, and in text order within a source.
    wanted.sort_unstable();
    let mut first_key: Vec<Option<String>> = vec![None; reported.len()];
    let mut variant = vec![false; reported.len()];
    let mut spellings = Vec::with_capacity(wanted.len());
    for &(m, e) in &wanted {
        let mm = &mentions[m];
        let key = spelling_key(mm);
        match &first_key[e] {
            None => first_key[e] = Some(key),
            Some(first) => variant[e] |= *first != key,
        }
        spellings.push(Some(Spelling {
            source: Sym::interned(ids[mm.source]),
            text: mm.written.clone(),
            span: mm.span,
        }));
    }
    let numbers = wanted.into_iter().map(|(m, _)| m).collect();
    (Spelled { numbers, spellings }, variant)
}

/// The spellings [`spell`] made, by mention number, each taken once.
struct Spelled {
    /// The mention numbers, in order.
    numbers: Vec<usize>,
    spellings: Vec<Option<Spelling>>,
}

impl Spelled {
    fn take(&mut self, m: usize) -> Option<Spelling> {
        let i = self.numbers.binary_search(&m).ok()?;
        self.spellings[i].take()
    }
}

#[cfg(test)]
mod tests;
