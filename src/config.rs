//! claims.toml: discovery (the current folder or the nearest one above it), strict parsing
//! (unknown keys are errors with `claims.toml:line:col` and a "did you mean"), and defaults.
//! Paths inside resolve against the config's folder.

use crate::calendar::Ymd;
use crate::error::Error;
use crate::extract::Tolerances;
use crate::source;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The config file's name, looked for in the current folder and the folders above it.
pub const FILE_NAME: &str = "claims.toml";
/// The baseline's file name beside claims.toml unless `[check] baseline` says otherwise.
pub const DEFAULT_BASELINE_FILE: &str = "claims-baseline.json";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub corpus: CorpusConfig,
    #[serde(default)]
    pub source: Vec<SourceMeta>,
    #[serde(default, rename = "match")]
    pub matching: MatchConfig,
    #[serde(default)]
    pub input: InputConfig,
    #[serde(default)]
    pub alias: Vec<AliasConfig>,
    #[serde(default)]
    pub fact: Vec<FactConfig>,
    #[serde(default)]
    pub check: CheckConfig,
    /// The folder claims.toml is in; paths resolve against it.
    #[serde(skip)]
    pub root: PathBuf,
    /// Where it was read from, for messages.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorpusConfig {
    /// Files and folders; a `*` in the last component is a glob over that folder.
    #[serde(default)]
    pub paths: Vec<String>,
}

/// Metadata of one article.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    pub id: String,
    pub file: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<DateValue>,
    pub url: Option<String>,
}

/// A date written as a TOML date (`2023-10-13`) or a string (`"2023-10-13"`); a string may
/// give only the month (`"2016-10"`) when that is all that is known, as when an article's
/// address files it under a month.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum DateValue {
    Date(toml::value::Datetime),
    Text(String),
}

impl DateValue {
    pub fn ymd(&self) -> Option<Ymd> {
        match self {
            DateValue::Date(d) => d
                .date
                .and_then(|d| Ymd::new(i32::from(d.year), u32::from(d.month), u32::from(d.day))),
            DateValue::Text(s) => Ymd::parse_iso(s.trim()),
        }
    }

    /// The month of a string that gives only a year and a month (`"2016-10"`), as its first day.
    pub fn month(&self) -> Option<Ymd> {
        match self {
            DateValue::Text(s) => Ymd::parse_iso_month(s.trim()),
            DateValue::Date(_) => None,
        }
    }
}

/// `[[alias]]`: names that denote one entity ("ICC" = "International Criminal Court").
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AliasConfig {
    pub name: String,
    pub aliases: Vec<String>,
}

/// `[[fact]]`: a fact an editor tracks by name; claims whose subject holds every term (and of
/// `kind`, when given) are grouped under `name`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactConfig {
    pub name: String,
    pub terms: Vec<String>,
    pub kind: Option<String>,
}

/// `[match]` is [`crate::matching::Settings`]: every threshold of extraction and matching,
/// each documented there under its key.
pub type MatchConfig = crate::matching::Settings;

impl crate::matching::Settings {
    pub fn tolerances(&self) -> Tolerances {
        Tolerances {
            approx: self.approx_tolerance,
        }
    }
}

impl Config {
    pub fn aliases(&self) -> Vec<crate::matching::Alias> {
        self.alias
            .iter()
            .map(|a| crate::matching::Alias {
                name: a.name.clone(),
                aliases: a.aliases.clone(),
            })
            .collect()
    }

    pub fn facts(&self) -> Vec<crate::matching::Fact> {
        self.fact
            .iter()
            .map(|f| crate::matching::Fact {
                name: f.name.clone(),
                terms: f.terms.clone(),
                kind: f.kind.as_deref().and_then(crate::claim::Kind::parse),
            })
            .collect()
    }
}

/// `[check]`: where `claims check` and `claims baseline` keep the accepted baseline, and
/// whether they hold the settings of this file against the defaults.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckConfig {
    /// Path of the baseline file, relative to claims.toml's folder
    /// (default `claims-baseline.json`).
    pub baseline: Option<String>,
    /// When `[match]`, `[[alias]]` or `[[fact]]` differ from the defaults, `claims check` also
    /// compares with the defaults and fails on a conflict they find that these settings hide
    /// (true, the default). `false` is the explicit opt-out: these settings are trusted.
    pub compare_with_defaults: bool,
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig {
            baseline: None,
            compare_with_defaults: true,
        }
    }
}

impl Config {
    /// The baseline file: `[check] baseline`, else `claims-baseline.json`, beside claims.toml.
    pub fn baseline_path(&self) -> PathBuf {
        let name = self
            .check
            .baseline
            .as_deref()
            .unwrap_or(DEFAULT_BASELINE_FILE);
        if self.root == Path::new(".") {
            PathBuf::from(name)
        } else {
            self.root.join(name)
        }
    }
}

/// `[input]`: limits on what is read.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct InputConfig {
    /// Files larger than this many bytes are skipped with a message.
    pub max_bytes: u64,
}

impl Default for InputConfig {
    fn default() -> Self {
        InputConfig {
            max_bytes: source::DEFAULT_MAX_BYTES,
        }
    }
}

impl Config {
    /// Whether `[match]`, `[[alias]]` or `[[fact]]` steer grouping away from the defaults (so a
    /// conflict the defaults find might not be found).
    pub fn tunes_matching(&self) -> bool {
        self.matching != MatchConfig::default() || !self.alias.is_empty() || !self.fact.is_empty()
    }

    /// This config with `[match]`, `[[alias]]` and `[[fact]]` at their defaults: what `claims
    /// check` compares with when [`Config::tunes_matching`].
    pub fn with_default_matching(&self) -> Config {
        Config {
            matching: MatchConfig::default(),
            alias: Vec::new(),
            fact: Vec::new(),
            ..self.clone()
        }
    }

    /// The config a run uses: the one named by `--config`, else the nearest claims.toml, else
    /// defaults rooted at the current folder.
    pub fn resolve(explicit: Option<&Path>) -> Result<Config, Error> {
        if let Some(p) = explicit {
            if p.is_dir() {
                return Err(Error::Config {
                    path: p.to_path_buf(),
                    line: None,
                    column: None,
                    message: format!("is a folder; `--config` names a {FILE_NAME} file"),
                });
            }
            return Config::load(p);
        }
        let cwd = std::env::current_dir().map_err(|e| Error::Io {
            path: ".".into(),
            source: e,
        })?;
        match Config::discover(&cwd) {
            Some(p) => {
                // Show paths relative to the current folder when the config is here.
                let rel = p
                    .strip_prefix(&cwd)
                    .map(Path::to_path_buf)
                    .unwrap_or(p.clone());
                Config::load(&rel)
            }
            None => Ok(Config {
                root: ".".into(),
                ..Config::default()
            }),
        }
    }

    /// The nearest claims.toml at or above `start`.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let mut dir = Some(start);
        while let Some(d) = dir {
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                return Some(candidate);
            }
            dir = d.parent();
        }
        None
    }

    pub fn load(path: &Path) -> Result<Config, Error> {
        let error = |line, column, message: String| Error::Config {
            path: path.to_path_buf(),
            line,
            column,
            message,
        };
        // A FIFO or a device here would block the read or never end.
        if let Ok(meta) = std::fs::metadata(path)
            && !meta.is_file()
        {
            return Err(error(None, None, "not a regular file".into()));
        }
        let text = std::fs::read_to_string(path)
            .map_err(|e| error(None, None, format!("cannot read: {e}")))?;
        let at = |offset: Option<usize>| {
            offset.map_or((None, None), |o| {
                let (l, c) = source::line_col(&text, o);
                (Some(l), Some(c))
            })
        };
        let (mut config, positions) = Config::parse_with_positions(&text).map_err(|(o, m)| {
            let (line, column) = at(o);
            error(line, column, m)
        })?;
        config.root = path
            .parent()
            .map(Path::to_path_buf)
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| PathBuf::from("."));
        config.path = Some(path.to_path_buf());
        // `file` names one article that exists: a folder there would match no source and a
        // missing file would let its article drop out of every run unnoticed.
        for (n, s) in config.source.iter().enumerate() {
            let Some(file) = &s.file else { continue };
            let problem = match std::fs::metadata(config.root.join(file)) {
                Ok(m) if m.is_dir() => Some(
                    "is a folder; name one article file (folders go in [corpus] paths)".to_string(),
                ),
                Ok(m) if !m.is_file() => Some("is not a regular file".to_string()),
                Ok(_) => None,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(format!(
                    "does not exist{}; remove the entry or restore the file",
                    if config.root == Path::new(".") {
                        String::new()
                    } else {
                        format!(" (paths are relative to {})", config.root.display())
                    }
                )),
                Err(e) => Some(format!("cannot be read: {e}")),
            };
            if let Some(problem) = problem {
                let (line, column) = at(positions.source_key(n, "file"));
                return Err(error(
                    line,
                    column,
                    format!("source `{}`: `file = \"{file}\"` {problem}", s.id),
                ));
            }
        }
        Ok(config)
    }

    /// Parse and validate; errors carry a byte offset when the parser knows one.
    pub fn parse(text: &str) -> Result<Config, (Option<usize>, String)> {
        Config::parse_with_positions(text).map(|(config, _)| config)
    }

    /// [`Config::parse`], keeping where each key is for the checks that need the file system.
    fn parse_with_positions(text: &str) -> Result<(Config, Positions), (Option<usize>, String)> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let offset = e.span().map(|s| s.start);
            (offset, describe_toml_error(&e))
        })?;
        // The same text parsed again, keeping spans: it parsed once, so it parses again.
        let pos: Positions = toml::from_str(text).unwrap_or_default();
        for (n, s) in config.source.iter().enumerate() {
            if let Some(first) = config.source[..n].iter().position(|o| o.id == s.id) {
                let first_line = pos
                    .source_key(first, "id")
                    .map(|o| source::line_col(text, o).0);
                let at = first_line
                    .map(|l| format!(" (first used at line {l})"))
                    .unwrap_or_default();
                return Err((
                    pos.source_key(n, "id"),
                    format!("duplicate source id `{}`{at}", s.id),
                ));
            }
            if let Some(p) = &s.published
                && p.ymd().is_none()
                && p.month().is_none()
            {
                return Err((
                    pos.source_key(n, "published"),
                    format!(
                        "source `{}`: `published` must be a date like 2023-10-13 (or a month, \"2023-10\")",
                        s.id
                    ),
                ));
            }
        }
        check_match(&config.matching, &pos.matching)?;
        if config.input.max_bytes == 0 {
            return Err((
                key_offset(&pos.input, "max_bytes"),
                "`input.max_bytes` must be at least 1 (it counts bytes: 16 MiB is 16777216)".into(),
            ));
        }
        for (n, f) in config.fact.iter().enumerate() {
            let at = |key| pos.fact.get(n).and_then(|t| key_offset(t, key));
            if let Some(k) = &f.kind
                && crate::claim::Kind::parse(k).is_none()
            {
                return Err((at("kind"), format!("fact `{}`: unknown kind `{k}`", f.name)));
            }
            if f.terms.is_empty() {
                return Err((
                    at("terms"),
                    format!("fact `{}`: `terms` must name at least one term", f.name),
                ));
            }
        }
        Ok((config, pos))
    }
}

/// One table's keys, each with where it is and its value.
type Keys = std::collections::BTreeMap<toml::Spanned<String>, toml::Spanned<toml::Value>>;

/// Where the keys of claims.toml are, for errors found after parsing (the parser's own errors
/// carry their position already).
#[derive(Debug, Default, Deserialize)]
struct Positions {
    #[serde(default, rename = "match")]
    matching: Keys,
    #[serde(default)]
    input: Keys,
    #[serde(default)]
    source: Vec<Keys>,
    #[serde(default)]
    fact: Vec<Keys>,
}

impl Positions {
    /// Byte offset of `key` in the `n`-th `[[source]]`.
    fn source_key(&self, n: usize, key: &str) -> Option<usize> {
        self.source.get(n).and_then(|t| key_offset(t, key))
    }
}

/// Byte offset of `key` in `table`, when the file sets it.
fn key_offset(table: &Keys, key: &str) -> Option<usize> {
    table
        .keys()
        .find(|k| k.get_ref() == key)
        .map(|k| k.span().start)
}

/// The meaningful range of one `[match]` key. Outside it the setting switches matching, or a
/// part of it, off (or means nothing), and conflicts vanish instead of being reported: such a
/// value is a config error, not a tuning.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MatchRange {
    /// The key, as in claims.toml and [`MatchConfig`].
    pub key: &'static str,
    /// The least meaningful value.
    pub lo: f64,
    /// The greatest meaningful value.
    pub hi: f64,
    /// What goes wrong outside, for the error message.
    pub why: &'static str,
}

/// Every `[match]` key's meaningful range, in [`MatchConfig`]'s order.
pub const MATCH_RANGES: &[MatchRange] = &[
    range(
        "approx_tolerance",
        0.0,
        0.5,
        "a wider margin makes \"about 100\" agree with nearly any value",
    ),
    range(
        "min_similarity",
        0.0,
        0.9,
        "above it, claims worded at all differently never share a group",
    ),
    range(
        "fuzzy_token",
        0.5,
        1.0,
        "below it, unrelated words count as the same word",
    ),
    range(
        "fuzzy_edit",
        0.5,
        1.0,
        "below it, unrelated words count as the same word",
    ),
    range("min_fuzzy_len", 1.0, 100.0, "it is a word length"),
    range("subject_weight", 0.0, 1.0, "it is a weight"),
    range("head_weight", 0.0, 1.0, "it is a weight"),
    range("names_weight", 0.0, 1.0, "it is a weight"),
    range(
        "min_subject",
        0.0,
        0.9,
        "above it, a subject must be found word for word on the other side",
    ),
    range(
        "min_one_sided",
        0.0,
        0.9,
        "above it, a subject must be found word for word on the other side",
    ),
    range(
        "min_evidence",
        0.0,
        10.0,
        "above it, two claims must share several rare words to meet at all",
    ),
    range("evidence_full_claims", 0.0, 1e9, "it is a number of claims"),
    range("min_same_source", 0.0, 1.0, "it is a similarity"),
    range("min_restated", 0.0, 1.0, "it is a similarity"),
    range("role_similarity", 0.0, 1.0, "it is a similarity"),
    range("figure_similarity", 0.0, 1.0, "it is a similarity"),
    range(
        "block_keys",
        1.0,
        64.0,
        "with none, a claim without a subject is in no block and meets no other claim",
    ),
    range(
        "max_block",
        20.0,
        1e6,
        "fewer neighbours and a fact stated in a large block is never grouped",
    ),
    range(
        "max_candidates",
        20.0,
        1e6,
        "fewer and a claim of a large event misses the claims of its fact",
    ),
    range(
        "same_source_window",
        1000.0,
        f64::INFINITY,
        "below a paragraph, an article's restated facts are never grouped",
    ),
    range(
        "event_min_overlap",
        0.0,
        0.9,
        "above it, two reports of one event must name exactly the same things to meet",
    ),
    range(
        "event_min_weight",
        0.0,
        20.0,
        "above it, two reports of one event compared alone never meet",
    ),
    range("event_small_corpus", 0.0, 1e6, "it is a number of articles"),
    range(
        "event_prior_articles",
        1.0,
        1e9,
        "it is a number of articles, at least one",
    ),
    range(
        "event_min_shared",
        1.0,
        5.0,
        "more and short reports of one event never meet",
    ),
    range(
        "event_window",
        10.0,
        1e6,
        "fewer and the articles of a big event are not all paired",
    ),
    range(
        "derive_slack",
        0.0,
        12.0,
        "wider and a derived start date agrees with any date of its decade",
    ),
    range(
        "derive_min_parts",
        2.0,
        100.0,
        "one part is no list, and a total is checked against any number after it",
    ),
];

const fn range(key: &'static str, lo: f64, hi: f64, why: &'static str) -> MatchRange {
    MatchRange { key, lo, hi, why }
}

/// Each `[match]` value by key. The settings are taken apart without `..`, so a field added to
/// [`MatchConfig`] does not compile until it is listed here (and then `every_match_key_has_a_range`
/// fails until it has a range in [`MATCH_RANGES`]).
pub fn match_values(m: &MatchConfig) -> Vec<(&'static str, f64)> {
    let MatchConfig {
        approx_tolerance,
        min_similarity,
        fuzzy_token,
        fuzzy_edit,
        min_fuzzy_len,
        subject_weight,
        head_weight,
        names_weight,
        min_subject,
        min_one_sided,
        min_evidence,
        evidence_full_claims,
        min_same_source,
        min_restated,
        role_similarity,
        figure_similarity,
        block_keys,
        max_block,
        max_candidates,
        same_source_window,
        event_min_overlap,
        event_min_weight,
        event_small_corpus,
        event_prior_articles,
        event_min_shared,
        event_window,
        derive_slack,
        derive_min_parts,
    } = m;
    vec![
        ("approx_tolerance", *approx_tolerance),
        ("min_similarity", *min_similarity),
        ("fuzzy_token", *fuzzy_token),
        ("fuzzy_edit", *fuzzy_edit),
        ("min_fuzzy_len", *min_fuzzy_len as f64),
        ("subject_weight", *subject_weight),
        ("head_weight", *head_weight),
        ("names_weight", *names_weight),
        ("min_subject", *min_subject),
        ("min_one_sided", *min_one_sided),
        ("min_evidence", *min_evidence),
        ("evidence_full_claims", *evidence_full_claims as f64),
        ("min_same_source", *min_same_source),
        ("min_restated", *min_restated),
        ("role_similarity", *role_similarity),
        ("figure_similarity", *figure_similarity),
        ("block_keys", *block_keys as f64),
        ("max_block", *max_block as f64),
        ("max_candidates", *max_candidates as f64),
        ("same_source_window", *same_source_window as f64),
        ("event_min_overlap", *event_min_overlap),
        ("event_min_weight", *event_min_weight),
        ("event_small_corpus", *event_small_corpus as f64),
        ("event_prior_articles", *event_prior_articles),
        ("event_min_shared", *event_min_shared as f64),
        ("event_window", *event_window as f64),
        ("derive_slack", *derive_slack),
        ("derive_min_parts", *derive_min_parts as f64),
    ]
}

/// The keys `[match]` accepts, as serde's derive of [`MatchConfig`] lists them (read from the
/// derive itself, by a deserializer that only asks for the struct's field names): what the
/// tests hold [`MATCH_RANGES`] and [`match_values`] against.
pub fn match_keys() -> &'static [&'static str] {
    use serde::de::{Error as _, Visitor, value::Error};
    struct Fields(Option<&'static [&'static str]>);
    impl<'de> serde::Deserializer<'de> for &mut Fields {
        type Error = Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
            Err(Error::custom("only the field names are asked for"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Error> {
            self.0 = Some(fields);
            Err(Error::custom("only the field names are asked for"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
            identifier ignored_any
        }
    }
    let mut fields = Fields(None);
    let _ = MatchConfig::deserialize(&mut fields);
    fields.0.unwrap_or(&[])
}

/// Every `[match]` value within its meaningful range, and some weight left for the
/// similarity; the error names the key and points at it when the file sets it.
fn check_match(m: &MatchConfig, keys: &Keys) -> Result<(), (Option<usize>, String)> {
    for (key, v) in match_values(m) {
        let Some(r) = MATCH_RANGES.iter().find(|r| r.key == key) else {
            return Err((
                key_offset(keys, key),
                format!("`match.{key}` has no documented range (a bug in claims)"),
            ));
        };
        if !(r.lo..=r.hi).contains(&v) {
            let hi = if r.hi.is_infinite() {
                "and above".to_string()
            } else {
                format!("to {}", r.hi)
            };
            return Err((
                key_offset(keys, key),
                format!(
                    "`match.{key}` = {v} is outside its meaningful range, {} {hi}: {}",
                    r.lo, r.why
                ),
            ));
        }
    }
    if m.subject_weight + m.head_weight + m.names_weight <= 0.0 {
        let at = ["names_weight", "head_weight", "subject_weight"]
            .iter()
            .find_map(|k| key_offset(keys, k));
        return Err((
            at,
            "`match.subject_weight`, `head_weight` and `names_weight` are all 0: no two claims \
             would ever be alike"
                .into(),
        ));
    }
    Ok(())
}

/// The toml error's message, with a "did you mean" for unknown keys.
fn describe_toml_error(e: &toml::de::Error) -> String {
    let msg = e.message().trim().to_string();
    if let Some(rest) = msg.strip_prefix("unknown field `")
        && let Some((field, expected)) = rest.split_once('`')
    {
        let candidates: Vec<&str> = expected
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 1)
            .map(|(_, s)| s)
            .collect();
        let best = candidates
            .iter()
            .map(|c| (strsim::jaro_winkler(field, c), *c))
            .filter(|(s, _)| *s > 0.7)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let mut out = format!("unknown key `{field}`");
        if let Some((_, c)) = best {
            out.push_str(&format!(" (did you mean `{c}`?)"));
        } else if !candidates.is_empty() {
            out.push_str(&format!("; expected one of: {}", candidates.join(", ")));
        }
        return out;
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_has_position_and_suggestion() {
        let text = "[corpus]\npaths = [\"a\"]\n\n[match]\naprox_tolerance = 0.2\n";
        let (offset, msg) = Config::parse(text).unwrap_err();
        assert_eq!(source::line_col(text, offset.unwrap()), (5, 1));
        assert!(msg.contains("did you mean `approx_tolerance`"), "{msg}");
    }

    #[test]
    fn published_accepts_dates_and_strings() {
        let text = "[[source]]\nid = \"a\"\npublished = 2023-10-13\n[[source]]\nid = \"b\"\npublished = \"2023-10-22\"\n";
        let c = Config::parse(text).unwrap();
        assert_eq!(
            c.source[0].published.as_ref().unwrap().ymd(),
            Ymd::new(2023, 10, 13)
        );
        assert_eq!(
            c.source[1].published.as_ref().unwrap().ymd(),
            Ymd::new(2023, 10, 22)
        );
    }

    #[test]
    fn bad_published_is_an_error_with_a_position() {
        let text = "[[source]]\nid = \"a\"\npublished = \"last week\"\n";
        let (offset, msg) = Config::parse(text).unwrap_err();
        assert_eq!(source::line_col(text, offset.unwrap()), (3, 1));
        assert!(msg.contains("published"));
    }

    #[test]
    fn a_value_of_the_wrong_type_is_an_error_with_a_position() {
        let (offset, msg) = Config::parse("[match]\napprox_tolerance = \"wide\"\n").unwrap_err();
        assert!(offset.is_some());
        assert!(
            msg.contains("invalid type") || msg.contains("expected"),
            "{msg}"
        );
    }

    #[test]
    fn every_match_key_has_a_value_and_a_range_in_order() {
        let keys = match_keys();
        assert!(keys.len() > 20, "{keys:?}");
        let values: Vec<&str> = match_values(&MatchConfig::default())
            .iter()
            .map(|(k, _)| *k)
            .collect();
        let ranges: Vec<&str> = MATCH_RANGES.iter().map(|r| r.key).collect();
        assert_eq!(values, keys, "match_values lists MatchConfig's fields");
        assert_eq!(ranges, keys, "MATCH_RANGES has one range per field");
    }

    #[test]
    fn the_defaults_are_inside_every_range() {
        assert_eq!(check_match(&MatchConfig::default(), &Keys::new()), Ok(()));
        for r in MATCH_RANGES {
            assert!(r.lo <= r.hi && r.lo.is_finite(), "{r:?}");
        }
    }

    /// A value outside each range, of the key's type: above it, else below it.
    fn outside(r: &MatchRange) -> String {
        let int = match_values(&MatchConfig::default())
            .iter()
            .any(|(k, v)| *k == r.key && v.fract() == 0.0 && r.hi.fract() == 0.0 && r.lo >= 1.0);
        if r.hi.is_finite() {
            if int || r.hi >= 10.0 {
                format!("{}", (r.hi as u64) * 2 + 1)
            } else {
                format!("{:.2}", r.hi + 0.05)
            }
        } else {
            format!("{}", (r.lo as u64) / 2)
        }
    }

    #[test]
    fn a_value_outside_its_range_is_an_error_at_its_key() {
        for r in MATCH_RANGES {
            let text = format!(
                "[corpus]\npaths = [\"a\"]\n\n[match]\n  {} = {}\n",
                r.key,
                outside(r)
            );
            let (offset, msg) = Config::parse(&text).unwrap_err();
            assert_eq!(
                offset.map(|o| source::line_col(&text, o)),
                Some((5, 3)),
                "{text}"
            );
            assert!(msg.starts_with(&format!("`match.{}` = ", r.key)), "{msg}");
            assert!(msg.contains(r.why), "{msg}");
        }
        for (key, value) in [
            ("max_block", "0"),
            ("min_evidence", "inf"),
            ("min_evidence", "nan"),
            ("min_similarity", "1.0"),
            ("event_min_shared", "1000000"),
        ] {
            let text = format!("[match]\n{key} = {value}\n");
            let (offset, msg) = Config::parse(&text).unwrap_err();
            assert_eq!(offset, Some(8), "{text}: {msg}");
        }
    }

    #[test]
    fn all_weights_zero_is_an_error() {
        let text = "[match]\nsubject_weight = 0\nhead_weight = 0.0\nnames_weight = 0\n";
        let (offset, msg) = Config::parse(text).unwrap_err();
        assert_eq!(source::line_col(text, offset.unwrap()), (4, 1));
        assert!(msg.contains("all 0"), "{msg}");
    }

    #[test]
    fn duplicate_ids_and_zero_max_bytes_are_errors_at_their_keys() {
        let text = "[[source]]\nid = \"a\"\n\n[[source]]\n  id = \"a\"\n";
        let (offset, msg) = Config::parse(text).unwrap_err();
        assert_eq!(source::line_col(text, offset.unwrap()), (5, 3));
        assert_eq!(msg, "duplicate source id `a` (first used at line 2)");
        let text = "[input]\nmax_bytes = 0\n";
        let (offset, msg) = Config::parse(text).unwrap_err();
        assert_eq!(source::line_col(text, offset.unwrap()), (2, 1));
        assert!(msg.contains("16777216"), "{msg}");
    }
}
