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

/// A date written as a TOML date (`2023-10-13`) or a string (`"2023-10-13"`).
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

/// `[check]`: where `claims check` and `claims baseline` keep the accepted baseline.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckConfig {
    /// Path of the baseline file, relative to claims.toml's folder
    /// (default `claims-baseline.json`).
    pub baseline: Option<String>,
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
        let text = std::fs::read_to_string(path).map_err(|e| Error::Config {
            path: path.to_path_buf(),
            line: None,
            column: None,
            message: format!("cannot read: {e}"),
        })?;
        let mut config = Config::parse(&text).map_err(|(offset, message)| {
            let (line, column) = offset.map_or((None, None), |o| {
                let (l, c) = source::line_col(&text, o);
                (Some(l), Some(c))
            });
            Error::Config {
                path: path.to_path_buf(),
                line,
                column,
                message,
            }
        })?;
        config.root = path
            .parent()
            .map(Path::to_path_buf)
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| PathBuf::from("."));
        config.path = Some(path.to_path_buf());
        // `file` names one article: a folder there would match no source and its metadata
        // would silently go nowhere.
        let with_file = config
            .source
            .iter()
            .filter_map(|s| Some((s, s.file.as_ref()?)));
        for (n, (s, file)) in with_file.enumerate() {
            if config.root.join(file).is_dir() {
                let (line, column) = find_key_offset(&text, "file", n).map_or((None, None), |o| {
                    let (l, c) = source::line_col(&text, o);
                    (Some(l), Some(c))
                });
                return Err(Error::Config {
                    path: path.to_path_buf(),
                    line,
                    column,
                    message: format!(
                        "source `{}`: `file = \"{file}\"` is a folder; name one article file \
                         (folders go in [corpus] paths)",
                        s.id
                    ),
                });
            }
        }
        Ok(config)
    }

    /// Parse and validate; errors carry a byte offset when the parser knows one.
    pub fn parse(text: &str) -> Result<Config, (Option<usize>, String)> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let offset = e.span().map(|s| s.start);
            (offset, describe_toml_error(&e))
        })?;
        for (n, s) in config.source.iter().enumerate() {
            if let Some(first) = config.source[..n].iter().position(|o| o.id == s.id) {
                let offset = find_key_offset(text, "id", n);
                let first_line =
                    find_key_offset(text, "id", first).map(|o| source::line_col(text, o).0);
                let at = first_line
                    .map(|l| format!(" (first used at line {l})"))
                    .unwrap_or_default();
                return Err((offset, format!("duplicate source id `{}`{at}", s.id)));
            }
            if let Some(p) = &s.published
                && p.ymd().is_none()
            {
                let offset = find_key_offset(text, "published", n);
                return Err((
                    offset,
                    format!(
                        "source `{}`: `published` must be a date like 2023-10-13",
                        s.id
                    ),
                ));
            }
        }
        let m = &config.matching;
        for (key, v) in [
            ("approx_tolerance", m.approx_tolerance),
            ("min_similarity", m.min_similarity),
            ("fuzzy_token", m.fuzzy_token),
            ("fuzzy_edit", m.fuzzy_edit),
            ("min_subject", m.min_subject),
            ("min_one_sided", m.min_one_sided),
            ("min_same_source", m.min_same_source),
            ("min_restated", m.min_restated),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err((
                    find_key_offset(text, key, 0),
                    format!("`match.{key}` must be between 0 and 1"),
                ));
            }
        }
        for (n, f) in config.fact.iter().enumerate() {
            if let Some(k) = &f.kind
                && crate::claim::Kind::parse(k).is_none()
            {
                return Err((
                    find_key_offset(text, "kind", n),
                    format!("fact `{}`: unknown kind `{k}`", f.name),
                ));
            }
            if f.terms.is_empty() {
                return Err((
                    find_key_offset(text, "terms", n),
                    format!("fact `{}`: `terms` must name at least one term", f.name),
                ));
            }
        }
        Ok(config)
    }

    /// Metadata for a source: the entry whose `file` is this path, else an entry without a
    /// `file` whose `id` is the source's id.
    pub fn meta_for(&self, id: &str, path: &Path) -> Option<&SourceMeta> {
        self.source
            .iter()
            .find(|s| {
                s.file
                    .as_ref()
                    .is_some_and(|f| same_path(&self.root.join(f), path))
            })
            .or_else(|| self.source.iter().find(|s| s.file.is_none() && s.id == id))
    }
}

fn same_path(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
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

/// Byte offset of the `n`-th `key =` in the text, for validation errors.
fn find_key_offset(text: &str, key: &str, n: usize) -> Option<usize> {
    let mut count = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with(key) && t[key.len()..].trim_start().starts_with('=') {
            if count == n {
                return Some(offset + (line.len() - t.len()));
            }
            count += 1;
        }
        offset += line.len();
    }
    None
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
}
