//! Text → claims. The grammar runs in stages over one decoded article: dates first (so "October
//! 12" is never also a count of 12), then numbers with their scales, units, qualifiers and
//! ranges, then the subject each value quantifies. Every stage works on byte offsets into the
//! decoded text; nothing here allocates per byte or looks at a sentence twice.

pub mod date;

use crate::claim::Claim;
use date::Ymd;

/// Tolerances the extractor applies when it turns a stated value into comparison bounds.
/// Each one has a `[match]` key in claims.toml.
#[derive(Debug, Clone, PartialEq)]
pub struct Tolerances {
    /// `approx_tolerance`: relative half-width added around "about"/"some"/"nearly" values.
    pub approx: f64,
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances { approx: 0.10 }
    }
}

/// What the extractor knows about the article beyond its text.
#[derive(Debug, Clone, Default)]
pub struct Context<'a> {
    /// Source id: claim ids are `<source>#<n>`.
    pub source: &'a str,
    /// Publication date from claims.toml; when `None` the dateline in the text is used.
    pub published: Option<Ymd>,
    pub tolerances: Tolerances,
}

/// Every claim in `text`, in order of position.
pub fn extract(text: &str, ctx: &Context) -> Vec<Claim> {
    let _ = (text, ctx);
    Vec::new()
}
