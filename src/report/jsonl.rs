//! The JSON lines written most, by hand: `claim`, `sentence` and `text` lines into a byte
//! buffer, without going through serde. `extract --format jsonl` writes about four bytes of
//! JSON per byte of input, and serde_json's per-field calls through a `dyn Write`, its
//! byte-at-a-time string escaping and the `ClaimJson` copies of every string cost five times the
//! extraction itself. The bytes are exactly what serde_json writes for the wire structs of
//! [`super::wire`] (`{"type":…,"data":…}` with the fields in struct order, those at their
//! default left out as [`super::wire::ClaimLineJson`] says); a test holds the two side by side
//! on real claims, so the structs stay the one definition of the format.

use super::values::fmt_day;
use crate::calendar::Ymd;
use crate::claim::{Change, Claim, DatePrecision, Dimension, Interval, Qualifier, Span};
use crate::fingerprint::as_whole;

/// The escape of each byte in a JSON string, as serde_json writes it: 0 for none, `u` for
/// `\u00XX`, else the letter after the backslash.
const ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = b'u';
        i += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0C] = b'f';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// The bytes of `x` that need an escape (a control byte, `"` or `\`), each marked by its high
/// bit; bytes after a marked one may be marked wrongly (a borrow), never one before it, so the
/// lowest mark is always the first byte to escape (the byte-wise zero tests of "Bit Twiddling
/// Hacks").
#[inline]
fn escapes(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = x.wrapping_sub(ONES * 0x20) & !x;
    let quote = x ^ (ONES * u64::from(b'"'));
    let quote = quote.wrapping_sub(ONES) & !quote;
    let backslash = x ^ (ONES * u64::from(b'\\'));
    let backslash = backslash.wrapping_sub(ONES) & !backslash;
    (below_space | quote | backslash) & HIGH
}

/// The eight bytes of `b` from `at` as one word, the first in its lowest byte.
#[inline]
fn word(b: &[u8], at: usize) -> u64 {
    let mut x = [0u8; 8];
    x.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(x)
}

/// The first byte of `b` from `from` on that needs an escape: 32 bytes at a time while there
/// are as many (one test for four words: text and sentence lines are long runs without any),
/// then eight, then the last eight bytes of `b` at once when they lie wholly from `from` on
/// (those before the last word were looked at already, so its first mark is the first
/// escape), else byte by byte.
#[inline]
fn next_escape(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i + 32 <= b.len() {
        let marks = [
            escapes(word(b, i)),
            escapes(word(b, i + 8)),
            escapes(word(b, i + 16)),
            escapes(word(b, i + 24)),
        ];
        if let Some((k, m)) = marks.iter().enumerate().find(|&(_, &m)| m != 0) {
            return Some(i + 8 * k + (m.trailing_zeros() / 8) as usize);
        }
        i += 32;
    }
    while i + 8 <= b.len() {
        let marks = escapes(word(b, i));
        if marks != 0 {
            return Some(i + (marks.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    if i < b.len() && b.len() >= from + 8 {
        let last = b.len() - 8;
        let marks = escapes(word(b, last));
        return (marks != 0).then(|| last + (marks.trailing_zeros() / 8) as usize);
    }
    b[i..]
        .iter()
        .position(|&c| ESCAPE[usize::from(c)] != 0)
        .map(|k| i + k)
}

/// A JSON line being built in a byte buffer.
pub(crate) struct Out<'b> {
    pub(crate) buf: &'b mut Vec<u8>,
}

impl Out<'_> {
    #[inline]
    fn raw(&mut self, s: &str) {
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// `s` as a JSON string, quoted and escaped as serde_json does.
    pub(crate) fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let b = s.as_bytes();
        self.buf.reserve(b.len() + 2);
        self.buf.push(b'"');
        let mut run = 0;
        while let Some(at) = next_escape(b, run) {
            self.buf.extend_from_slice(&b[run..at]);
            let c = b[at];
            match ESCAPE[usize::from(c)] {
                b'u' => self.buf.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(c >> 4)],
                    HEX[usize::from(c & 0xF)],
                ]),
                e => self.buf.extend_from_slice(&[b'\\', e]),
            }
            run = at + 1;
        }
        self.buf.extend_from_slice(&b[run..]);
        self.buf.push(b'"');
    }

    #[inline]
    fn key(&mut self, first: bool, name: &str) {
        if !first {
            self.buf.push(b',');
        }
        self.buf.push(b'"');
        self.raw(name);
        self.buf.extend_from_slice(b"\":");
    }

    #[inline]
    fn uint(&mut self, n: u64) {
        let mut digits = [0u8; 20];
        self.buf
            .extend_from_slice(crate::text::digits::decimal(n, &mut digits));
    }

    #[inline]
    fn int(&mut self, n: i64) {
        if n < 0 {
            self.buf.push(b'-');
        }
        self.uint(n.unsigned_abs());
    }

    /// A number as [`super::wire`]'s `num` writes it: whole numbers as integers, others as
    /// serde_json writes an `f64` (shortest round trip; null when not finite).
    fn number(&mut self, v: f64) {
        match as_whole(v) {
            Some(n) => self.int(n),
            // Writing to a Vec cannot fail.
            None => serde_json::to_writer(&mut *self.buf, &v).unwrap_or(()),
        }
    }

    #[inline]
    /// Two digits, zero-padded.
    fn two(&mut self, n: u32) {
        self.buf
            .extend_from_slice(&[b'0' + (n / 10 % 10) as u8, b'0' + (n % 10) as u8]);
    }

    /// A day as `fmt_day` writes it, quoted.
    fn day(&mut self, day: f64, precision: DatePrecision) {
        let d = Ymd::from_days(day as i64);
        if !(0..=9999).contains(&d.year) {
            return self.string(&fmt_day(day, precision));
        }
        let y = d.year as u32;
        self.buf.push(b'"');
        self.two(y / 100);
        self.two(y % 100);
        if precision <= DatePrecision::Month {
            self.buf.push(b'-');
            self.two(d.month);
        }
        if precision == DatePrecision::Day {
            self.buf.push(b'-');
            self.two(d.day);
        }
        self.buf.push(b'"');
    }

    /// A JSON array of strings (`String`s, or any string type a claim holds).
    fn strings<S: AsRef<str>>(&mut self, items: &[S]) {
        self.buf.push(b'[');
        for (i, s) in items.iter().enumerate() {
            if i > 0 {
                self.buf.push(b',');
            }
            self.string(s.as_ref());
        }
        self.buf.push(b']');
    }

    #[inline]
    /// `{"start":…,"end":…}`: a span's byte offsets (its line and column follow from the text).
    fn offsets(&mut self, s: &Span) {
        self.raw("{\"start\":");
        self.uint(u64::from(s.start));
        self.raw(",\"end\":");
        self.uint(u64::from(s.end));
        self.buf.push(b'}');
    }

    #[inline]
    /// A string known to need no escape (a name of the format: a kind, a qualifier), quoted.
    fn plain(&mut self, s: &str) {
        debug_assert!(next_escape(s.as_bytes(), 0).is_none(), "{s:?}");
        self.buf.push(b'"');
        self.raw(s);
        self.buf.push(b'"');
    }

    #[inline]
    /// `"name":"s"` after a comma unless it is the object's first field; nothing when `s` is
    /// empty.
    fn opt_field(&mut self, first: &mut bool, name: &str, s: &str) {
        if !s.is_empty() {
            self.key(std::mem::take(first), name);
            self.string(s);
        }
    }

    #[inline]
    /// `"name":[…]` like [`Out::opt_field`]; nothing when `items` is empty.
    fn list_field<S: AsRef<str>>(&mut self, first: &mut bool, name: &str, items: &[S]) {
        if !items.is_empty() {
            self.key(std::mem::take(first), name);
            self.strings(items);
        }
    }

    /// One end of a claim's interval (`wire::end`).
    fn end(&mut self, c: &Claim, v: Option<f64>, precision: DatePrecision) {
        match v {
            None => self.raw("null"),
            Some(v) if c.dimension == Dimension::Time => self.day(v, precision),
            Some(v) => self.number(v),
        }
    }

    /// `{"lo":…,"hi":…}` of a claim's interval (`wire::interval`), the partial date as written
    /// for both ends when `partial` applies.
    fn interval(&mut self, c: &Claim, iv: &Interval, precision: DatePrecision, partial: bool) {
        let p = c.date.as_ref().and_then(|d| d.partial.as_deref());
        self.raw("{\"lo\":");
        match p {
            Some(p) if partial && iv.lo().is_none() && iv.hi().is_none() => {
                self.string(p);
                self.raw(",\"hi\":");
                self.string(p);
            }
            _ => {
                self.end(c, iv.lo(), precision);
                self.raw(",\"hi\":");
                self.end(c, iv.hi(), precision);
            }
        }
        self.buf.push(b'}');
    }

    fn number_interval(&mut self, iv: &Interval) {
        self.raw("{\"lo\":");
        match iv.lo() {
            Some(v) => self.number(v),
            None => self.raw("null"),
        }
        self.raw(",\"hi\":");
        match iv.hi() {
            Some(v) => self.number(v),
            None => self.raw("null"),
        }
        self.buf.push(b'}');
    }
}

/// The `claim` line of `c` (`wire::ClaimLineJson`), newline included: byte offsets without
/// line and column, no `source` (the id starts with it), and each field at its default left
/// out (`bounds` and `written` when they say what `value` and `unit` say).
pub(crate) fn claim_line(buf: &mut Vec<u8>, c: &Claim) {
    let mut o = Out { buf };
    o.raw("{\"type\":\"claim\",\"data\":{\"id\":");
    o.string(&c.id);
    o.raw(",\"span\":");
    o.offsets(&c.span);
    o.raw(",\"text\":");
    o.string(&c.text);
    o.raw(",\"sentence\":");
    o.offsets(&c.sentence);
    o.raw(",\"kind\":");
    o.plain(c.kind.as_str());
    o.raw(",\"dimension\":");
    o.plain(c.dimension.as_str());
    let precision = c.date.as_ref().map_or(DatePrecision::Day, |d| d.precision);
    // `value` gives the partial date when it has no end; `bounds` never (it is read as days).
    o.raw(",\"value\":");
    let value = o.buf.len();
    o.interval(c, &c.value, precision, true);
    let value = value..o.buf.len();
    let mark = o.buf.len();
    o.raw(",\"bounds\":");
    let bounds = o.buf.len();
    o.interval(c, &c.bounds, DatePrecision::Day, false);
    if o.buf[bounds..] == o.buf[value.clone()] {
        o.buf.truncate(mark);
    }
    if !c.unit.is_empty() {
        o.raw(",\"unit\":");
        o.string(&c.unit);
    }
    if c.qualifier != Qualifier::Exact {
        o.raw(",\"qualifier\":");
        o.plain(c.qualifier.as_str());
    }
    if c.change != Change::None {
        o.raw(",\"change\":");
        o.plain(c.change.as_str());
    }
    // `written` is `{lo, hi, unit}`: left out when `{lo, hi}` is the value's and its unit the
    // unit, written in full otherwise.
    let mark = o.buf.len();
    o.raw(",\"written\":");
    let written = o.buf.len();
    o.raw("{\"lo\":");
    o.end(c, c.written().value.lo(), precision);
    o.raw(",\"hi\":");
    o.end(c, c.written().value.hi(), precision);
    o.buf.push(b'}');
    if o.buf[written..] == o.buf[value] && c.written().unit == c.unit {
        o.buf.truncate(mark);
    } else {
        o.buf.pop();
        o.raw(",\"unit\":");
        o.string(&c.written().unit);
        o.buf.push(b'}');
    }
    claim_tail(&mut o, c);
    o.raw("}}\n");
}

/// The fields of a claim line from `subject` on.
fn claim_tail(o: &mut Out, c: &Claim) {
    o.raw(",\"subject\":{");
    let mut first = true;
    o.opt_field(&mut first, "phrase", &c.subject.phrase);
    o.list_field(&mut first, "terms", &c.subject.terms);
    if let Some(h) = &c.subject.head {
        o.key(std::mem::take(&mut first), "head");
        o.string(h);
    }
    o.list_field(&mut first, "names", &c.subject.names);
    o.raw("},\"measure\":{");
    let mut first = true;
    o.opt_field(&mut first, "quantity", &c.measure.quantity);
    o.opt_field(&mut first, "role", &c.measure.role);
    o.opt_field(&mut first, "attribution", c.measure.attribution());
    o.list_field(&mut first, "attribution_key", c.measure.attribution_key());
    o.list_field(&mut first, "scope", c.measure.scope());
    o.buf.push(b'}');
    if let Some(d) = &c.date {
        o.raw(",\"date\":{\"precision\":");
        o.plain(match d.precision {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Decade => "decade",
        });
        o.raw(",\"resolution\":");
        o.plain(d.resolution.as_str());
        if let Some(p) = &d.partial {
            o.raw(",\"partial\":");
            o.string(p);
        }
        if d.dateline {
            o.raw(",\"dateline\":true");
        }
        o.buf.push(b'}');
    }
    if !c.flags.is_empty() {
        o.raw(",\"flags\":[");
        for (i, f) in c.flags.iter().enumerate() {
            if i > 0 {
                o.buf.push(b',');
            }
            o.plain(f.as_str());
        }
        o.buf.push(b']');
    }
    if let Some(e) = &c.equivalent {
        o.raw(",\"equivalent\":{\"text\":");
        o.string(&e.text);
        o.raw(",\"span\":");
        o.offsets(&e.span);
        o.raw(",\"value\":");
        o.number_interval(&e.value);
        o.raw(",\"bounds\":");
        o.number_interval(&e.bounds);
        o.raw(",\"unit\":");
        o.string(&e.unit);
        o.buf.push(b'}');
    }
    if let Some(d) = &c.derived {
        o.raw(",\"derived\":{\"rule\":");
        o.plain(d.rule.as_str());
        o.raw(",\"from\":");
        o.strings(&d.from);
        o.raw(",\"arithmetic\":");
        o.string(&d.arithmetic);
        o.buf.push(b'}');
    }
}

/// The `sentence` line of `c`'s sentence, whose text is `text` (`wire::sentence_line`).
pub(crate) fn sentence_line(buf: &mut Vec<u8>, c: &Claim, text: &str) {
    let mut o = Out { buf };
    o.raw("{\"type\":\"sentence\",\"data\":{\"source\":");
    o.string(&c.source);
    o.raw(",\"start\":");
    o.uint(c.sentence.start() as u64);
    o.raw(",\"end\":");
    o.uint(c.sentence.end() as u64);
    o.raw(",\"text\":");
    o.string(text);
    o.raw("}}\n");
}

/// The `text` line of the part `text` of source `source` that starts at byte `start`
/// (`wire::TextLineJson`).
pub(crate) fn text_line(buf: &mut Vec<u8>, source: &str, start: usize, text: &str) {
    let mut o = Out { buf };
    o.raw("{\"type\":\"text\",\"data\":{\"source\":");
    o.string(source);
    o.raw(",\"start\":");
    o.uint(start as u64);
    o.raw(",\"text\":");
    o.string(text);
    o.raw("}}\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all = String::new();
        for c in 0u8..0x80 {
            all.push(c as char);
        }
        let cases = [
            all.as_str(),
            "",
            "plain ascii text that runs past eight bytes",
            "quote \" in the middle of a long run of plain bytes\\ and a backslash",
            "Ümlaut — “quotes” … 東京 \u{7f}\u{2028}\n\ttabs\r\u{1}",
            "12345678\"12345678\\1234567\n",
        ];
        for s in cases {
            let mut buf = Vec::new();
            Out { buf: &mut buf }.string(s);
            let want = serde_json::to_string(s).expect("a string serializes");
            assert_eq!(String::from_utf8(buf).expect("utf-8"), want, "{s:?}");
        }
    }

    #[test]
    fn the_first_byte_to_escape_is_found_wherever_it_is() {
        for len in 0..20 {
            for at in 0..=len {
                for c in [b'"', b'\\', b'\n', 0u8, 0x1f] {
                    let mut b = vec![b'x'; len];
                    if at < len {
                        b[at] = c;
                        // A second escape right after it must not hide the first.
                        if at + 1 < len {
                            b[at + 1] = b'"';
                        }
                    }
                    let want = (at < len).then_some(at);
                    assert_eq!(next_escape(&b, 0), want, "{len} {at} {c}");
                }
            }
        }
        // From any start, on lines of every length around the word and block sizes, with
        // escapes before the start (the last word of a line overlaps them), after it, or
        // none: the first at or after the start, as a byte-by-byte look finds it.
        let mut seed = 7u64;
        for len in 0..90 {
            for round in 0..6 {
                let b: Vec<u8> = (0..len)
                    .map(|_| {
                        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                        let r = (seed >> 33) as usize;
                        // Rarely an escape: some lines have none.
                        if r.is_multiple_of(8 + 16 * round) {
                            [b'"', b'\\', b'\n', 0x01, 0x1f][r % 5]
                        } else {
                            b"ab \x7f\xc3\xa9~]["[r % 8]
                        }
                    })
                    .collect();
                for from in 0..=len {
                    let want = (from..len).find(|&k| ESCAPE[usize::from(b[k])] != 0);
                    assert_eq!(next_escape(&b, from), want, "{b:?} from {from}");
                }
            }
        }
        // Bytes past 0x7f and just above the escapes are never escaped.
        let b = [0x20u8, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80, 0xff, 0xa0, 0x9f];
        assert_eq!(next_escape(&b, 0), None);
    }

    #[test]
    fn numbers_and_days_are_written_as_the_wire_structs_write_them() {
        for v in [
            0.0,
            -3.0,
            4500.0,
            0.5,
            1.0 / 3.0,
            1e20,
            -2.5e-7,
            9.0e15,
            123456.75,
        ] {
            let mut buf = Vec::new();
            Out { buf: &mut buf }.number(v);
            let want = match as_whole(v) {
                Some(n) => serde_json::to_string(&n),
                None => serde_json::to_string(&v),
            }
            .expect("a number serializes");
            assert_eq!(String::from_utf8(buf).expect("utf-8"), want, "{v}");
        }
        for day in [-719_528.0, -1.0, 0.0, 19_642.0, 2_932_896.0, 3_000_000.0] {
            for p in [
                DatePrecision::Day,
                DatePrecision::Month,
                DatePrecision::Year,
                DatePrecision::Decade,
            ] {
                let mut buf = Vec::new();
                Out { buf: &mut buf }.day(day, p);
                let want = serde_json::to_string(&fmt_day(day, p)).expect("serializes");
                assert_eq!(String::from_utf8(buf).expect("utf-8"), want, "{day} {p:?}");
            }
        }
    }

    #[test]
    fn claim_lines_are_the_wire_struct_byte_for_byte() {
        use crate::claim::{Derivation, Resolution, Rule};
        use crate::extract::{Context, extract};
        let text = "The firm paid 200 million yuan ($28.18 million) on Thursday. \
                    About 4,500 \"police\" officers came on October 12, a third of them \
                    from 3.5 km away, at 6:04 pm IST; 19 per cent said no in 2023.";
        let mut claims = extract(text, &Context::default());
        let mut derived = claims[0].clone();
        derived.derived = Some(Box::new(Derivation {
            rule: Rule::Total,
            from: vec!["s#1".into(), "s#2".into()],
            arithmetic: "5 + 4×2 = 13 \"x\"".into(),
        }));
        claims.push(derived);
        let unresolved = |c: &Claim| {
            c.date
                .as_ref()
                .is_some_and(|d| d.resolution == Resolution::Unresolved)
        };
        assert!(claims.iter().any(|c| c.equivalent.is_some()), "{claims:#?}");
        assert!(claims.iter().any(unresolved), "{claims:#?}");
        for c in &claims {
            let mut got = Vec::new();
            claim_line(&mut got, c);
            let j = super::super::wire::claim_json(c, Some((text, 0)));
            let j = super::super::wire::ClaimLineJson::from_claim(j);
            let mut want = Vec::new();
            super::super::json::Lines::new(&mut want)
                .line("claim", &j)
                .expect("a Vec takes it");
            assert_eq!(String::from_utf8(got), String::from_utf8(want));
        }
    }
}
