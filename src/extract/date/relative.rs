//! Dates relative to the publication date: "last year", "this month", "next year". "The last
//! year" is a duration, no date.

use super::bytes::{glued_after, glued_before, word_at};
use super::context::{prep_qualifier, word_before_in};
use super::raw::{Raw, RawKind};
use crate::lang::en::calendar::{DEFINITE_ARTICLE, RELATIVE_UNITS};

/// "last year", "this month", "next year" with the relative word (of `offset`) at `s..e`.
pub(super) fn relative_expr(b: &[u8], s: usize, e: usize, offset: i32) -> Option<Raw> {
    if glued_before(b, s) {
        return None;
    }
    let (ws, we) = word_at(b, e)?;
    if ws == e || glued_after(b, we) {
        return None;
    }
    let w = &b[ws..we];
    let &(_, month) = RELATIVE_UNITS
        .iter()
        .find(|(u, _)| u.as_bytes().eq_ignore_ascii_case(w))?;
    // "the last year" is a duration, not a date.
    if word_before_in(b, s, &[DEFINITE_ARTICLE]) {
        return None;
    }
    Some(Raw {
        start: s,
        end: we,
        kind: RawKind::Relative { month, offset },
        qualifier: prep_qualifier(b, s),
    })
}
