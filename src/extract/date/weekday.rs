//! Dates around a weekday name: "Thursday", "on Thursday and Friday", "last Friday", "next
//! Monday". A weekday before a full date ("Thursday, October 12", "Tuesday (Sept 12)") leaves
//! the date to the month form; an indefinite one ("every Friday") is no date.

use super::bytes::{glued_after, glued_before, is_digit_at, skip_ws, word_at};
use super::context::{qualifier, range_sep, rel_before, word_before_in};
use super::raw::{Raw, RawKind};
use crate::lang::en::calendar::{self, INDEFINITE};

/// An expression around the weekday `w1` (0 = Monday) at `s..e`.
pub(super) fn weekday_expr(b: &[u8], s: usize, e: usize, w1: u32) -> Option<Raw> {
    if glued_before(b, s) || glued_after(b, e) {
        return None;
    }
    // "Thursday, October 12", "Tuesday (Sept 12)": the date that follows says it all.
    let month_at =
        |k: usize| word_at(b, k).is_some_and(|(ws, we)| calendar::month(&b[ws..we]).is_some());
    let k = skip_ws(b, e);
    if k < b.len() && b[k] == b'(' {
        // In brackets only a day and month: "Friday (2)" may be a list's mark.
        let k = skip_ws(b, k + 1);
        let mut d = k;
        while is_digit_at(b, d) {
            d += 1;
        }
        if month_at(k) || d > k && month_at(skip_ws(b, d)) {
            return None;
        }
    } else {
        let k = if k < b.len() && b[k] == b',' {
            skip_ws(b, k + 1)
        } else {
            k
        };
        if is_digit_at(b, k) || month_at(k) {
            return None;
        }
    }
    // "on a Monday", "every Friday": no particular day.
    if word_before_in(b, s, INDEFINITE) {
        return None;
    }
    let mut start = s;
    let mut rel = 0;
    if let Some((r, rs)) = rel_before(b, s) {
        rel = r;
        if r != 0 {
            start = rs;
        }
    }
    let mut end = e;
    let mut w2 = None;
    if let Some(p) = range_sep(b, e)
        && let Some((ws, we)) = word_at(b, p)
        && ws == p
        && let Some(w) = calendar::weekday(&b[ws..we])
        && w != w1
    {
        w2 = Some(w);
        end = we;
    }
    Some(Raw {
        start,
        end,
        kind: RawKind::Weekday { w1, w2, rel },
        qualifier: qualifier(b, start, w2.is_some()),
    })
}
