//! Invariants shared by the extraction targets.
use claims::claim::{Claim, Interval, Span};

fn check_span(text: &str, s: &Span, what: &str) {
    assert!(
        s.start() <= s.end(),
        "{what}: start {} > end {}",
        s.start(),
        s.end()
    );
    assert!(
        s.end() <= text.len(),
        "{what}: end {} past text len {}",
        s.end(),
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start()),
        "{what}: start {} not a char boundary",
        s.start()
    );
    assert!(
        text.is_char_boundary(s.end()),
        "{what}: end {} not a char boundary",
        s.end()
    );
}

fn check_interval(i: &Interval, what: &str) {
    if let (Some(lo), Some(hi)) = (i.lo(), i.hi()) {
        assert!(lo <= hi, "{what}: lo {lo} > hi {hi}");
    }
}

pub fn check(text: &str, claims: &[Claim]) {
    for c in claims {
        check_span(text, &c.span, "span");
        check_span(text, &c.sentence, "sentence");
        assert!(
            c.sentence.start() <= c.span.start() && c.span.end() <= c.sentence.end(),
            "span {}..{} outside sentence {}..{}",
            c.span.start(),
            c.span.end(),
            c.sentence.start(),
            c.sentence.end()
        );
        check_interval(&c.value, "value");
        check_interval(&c.bounds, "bounds");
    }
}
