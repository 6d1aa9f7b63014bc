//! Sentence segmentation that survives abbreviations ("Oct.", "U.S.", "Dr.", "No."), decimals,
//! initials and closing quotation marks. A line break ends a sentence unless the next line goes
//! on in lowercase (a paragraph broken in the middle of a sentence). One linear pass over the
//! sentence marks and the line breaks (found once, for the line index too).

use crate::lang::en::abbreviations::{self, Abbreviation};
use crate::source::LineIndex;

/// What the word before a period is to the splitter: an abbreviation of either kind, or an
/// initial ("J. K. Rowling"), which binds to the word after it as a title does.
fn abbreviation(word: &str) -> Option<Abbreviation> {
    if word.len() > abbreviations::LONGEST {
        return None;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_alphabetic()
    {
        return Some(Abbreviation::Binding);
    }
    abbreviations::abbreviation(word)
}

/// Byte ranges of the sentences of `text`, trimmed of surrounding white space, in order.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    split_lines(text, LineIndex::new(text).starts())
}

/// [`split`], given where the lines of `text` start ([`LineIndex::starts`]): the line breaks
/// are not looked for again.
pub fn split_lines(text: &str, line_starts: &[usize]) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // News sentences run to a hundred bytes or more: room for most without growing.
    let mut out = Vec::with_capacity(n / 128 + 16);
    let mut start = 0;
    let mut i = 0;
    // The line breaks, in order.
    let mut breaks = line_starts.iter().skip(1).map(|&s| s - 1);
    // The next `.`/`!`/`?` (found by vectorized search) and the next line break at or after
    // `i` (`n` when there is none), refreshed only once passed.
    let mut next_term = memchr::memchr3(b'.', b'!', b'?', bytes).unwrap_or(n);
    let mut next_nl = breaks.next().unwrap_or(n);
    // Whether the text is hard-wrapped, decided at the first line break that needs it.
    let mut wrapped = None;
    loop {
        if next_term < i {
            next_term = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map_or(n, |p| i + p);
        }
        while next_nl < i {
            next_nl = breaks.next().unwrap_or(n);
        }
        i = next_term.min(next_nl);
        if i >= n {
            break;
        }
        let cut = if bytes[i] == b'\n' {
            newline_end(text, i, &mut wrapped, line_starts)
        } else {
            terminal_end(text, i)
        };
        if let Some(end) = cut {
            push_trimmed(text, start, end, &mut out);
            start = end;
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start, n, &mut out);
    out
}

/// A "sentence" longer than this (a file of digits and commas, a list that runs for megabytes
/// without a full stop) is cut at the last white space before each such length, so that the
/// work and the memory spent on one sentence stay bounded. News sentences are a few hundred
/// bytes; a value written across a cut is lost, which only such text risks.
pub const MAX_SENTENCE_BYTES: usize = 64 * 1024;

#[inline(always)]
fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let (start, end) = trim_range(text, start, end);
    if end - start > MAX_SENTENCE_BYTES {
        push_long(text, start, end, out);
    } else if start < end {
        out.push((start, end));
    }
}

/// [`push_trimmed`] for a trimmed range longer than [`MAX_SENTENCE_BYTES`].
#[cold]
fn push_long(text: &str, mut start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    while end - start > MAX_SENTENCE_BYTES {
        let mut cut = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        // At white space when there is some; else anywhere (no token there is worth keeping
        // whole).
        let piece = &text.as_bytes()[start..cut];
        if let Some(ws) = piece
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .or_else(|| text[start..cut].rfind(char::is_whitespace))
        {
            cut = start + ws;
        }
        if cut == start {
            cut = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        let (a, b) = trim_range(text, start, cut);
        if a < b {
            out.push((a, b));
        }
        start = trim_range(text, cut, end).0;
    }
    if start < end {
        out.push((start, end));
    }
}

/// `start..end` without the white space at its ends (as `str::trim`), testing ASCII bytes
/// directly and decoding only other characters.
#[inline(always)]
fn trim_range(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    // Most ends are ASCII: a space or two at the start, none at the end.
    while start < end && b[start] < 0x80 && char::from(b[start]).is_whitespace() {
        start += 1;
    }
    while end > start && b[end - 1] < 0x80 && char::from(b[end - 1]).is_whitespace() {
        end -= 1;
    }
    // Either end may be a character that is not ASCII (no-break space, ideographic space).
    if start < end && (b[start] >= 0x80 || b[end - 1] >= 0x80) {
        return trim_chars(text, start, end);
    }
    (start, end)
}

/// [`trim_range`] from ends that are not ASCII, a character at a time.
#[inline(never)]
fn trim_chars(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    while start < end {
        let c = match b[start] {
            x if x < 0x80 => char::from(x),
            _ => text[start..].chars().next().unwrap_or('x'),
        };
        if !c.is_whitespace() {
            break;
        }
        start += c.len_utf8();
    }
    while end > start {
        let c = match b[end - 1] {
            x if x < 0x80 => char::from(x),
            _ => text[..end].chars().next_back().unwrap_or('x'),
        };
        if !c.is_whitespace() {
            break;
        }
        end -= c.len_utf8();
    }
    (start, end)
}

/// Least number of line breaks inside paragraphs before a text can count as hard-wrapped.
const WRAP_MIN_BREAKS: usize = 3;
/// Widths (in characters) of lines that a wrapping editor or exporter produces.
const WRAP_WIDTHS: std::ops::RangeInclusive<usize> = 40..=100;

/// Is the text hard-wrapped (plain-text exports and e-mail wrap paragraphs at 70–80 columns)?
/// Yes when most line breaks inside paragraphs (a line followed by a non-blank line) come after
/// a line of wrapping width that does not end a sentence. Then a single line break is a space,
/// and only blank lines and punctuation end sentences — so re-wrapping an article changes no
/// sentence. Decided once per document, from where its lines start; a line is read only at its
/// ends (and counted in characters only when its length in bytes allows a wrapping width).
fn hard_wrapped(text: &str, line_starts: &[usize]) -> bool {
    let mut breaks = 0usize;
    let mut wrapped = 0usize;
    for (k, &next) in line_starts.iter().enumerate().skip(1) {
        let next_end = line_starts.get(k + 1).map_or(text.len(), |&s| s - 1);
        let (line_start, line_end) = (line_starts[k - 1], next - 1);
        // The line without the white space at its end; the next line blank or not.
        let (first, end) = trim_range(text, line_start, line_end);
        let (a, b) = trim_range(text, next, next_end);
        if first == end || a == b {
            continue;
        }
        breaks += 1;
        let line = &text[line_start..end];
        let ends_sentence = line.ends_with(['.', '!', '?', ':', '"', '”', '\'', '’', ')']);
        // A character takes one to four bytes.
        let bytes = line.len();
        if !ends_sentence
            && bytes >= *WRAP_WIDTHS.start()
            && bytes <= 4 * WRAP_WIDTHS.end()
            && WRAP_WIDTHS.contains(&line.chars().count())
        {
            wrapped += 1;
        }
    }
    breaks >= WRAP_MIN_BREAKS && wrapped * 2 > breaks
}

/// A newline ends the sentence unless the next non-blank text starts in lowercase, or the text
/// is hard-wrapped (`wrapped`, decided here when first needed) and no blank line follows.
fn newline_end(
    text: &str,
    i: usize,
    wrapped: &mut Option<bool>,
    line_starts: &[usize],
) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut j = i + 1;
    let mut blank_line = false;
    while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r' | b'\n') {
        blank_line |= bytes[j] == b'\n';
        j += 1;
    }
    if j < bytes.len()
        && (bytes[j].is_ascii_lowercase()
            || (!blank_line && *wrapped.get_or_insert_with(|| hard_wrapped(text, line_starts))))
    {
        None
    } else {
        // The white space after the break belongs to neither sentence: cut after all of it.
        Some(j)
    }
}

/// For a `.`, `!` or `?` at `i`: the end of the sentence (after closing quotes and brackets)
/// when it ends one, else `None`.
fn terminal_end(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    // Decimal point or dotted token ("3.5", "Knewz.com", "U.S.A"): no white space after.
    let mut j = i + 1;
    while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
        j += 1;
    }
    // Closing quotes and brackets belong to the sentence that ends here.
    loop {
        let rest = &text[j..];
        let c = match rest.chars().next() {
            Some(c) => c,
            None => return Some(j),
        };
        if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»') {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    let rest = &text[j..];
    let next = rest.chars().next()?;
    if !next.is_whitespace() {
        return None;
    }
    if bytes[i] == b'.' {
        let word = word_before(text, i);
        if let Some(kind) = abbreviation(word) {
            // "in the U.S. The next" still ends; "Oct. 12" and "Dr. Smith" do not.
            let after = rest.trim_start();
            let starts_sentence = after
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '“' || c == '"');
            if kind == Abbreviation::Binding || !starts_sentence || word.contains('.') {
                // Acronyms with inner dots end a sentence only before a capital after a
                // blank line; keep them inside (the rare loss is one merged sentence).
                if !(word.contains('.') && starts_sentence && rest.starts_with("\n")) {
                    return None;
                }
            }
        }
    }
    Some(j)
}

/// How much of the word before a period is read: one byte more than the longest abbreviation.
const WORD_BYTES: usize = abbreviations::LONGEST + 1;

/// The word (letters and inner dots) that ends just before byte `i` when it has at most
/// [`WORD_BYTES`] bytes; for a longer word, its last [`WORD_BYTES`] bytes or more (no
/// abbreviation is that long, so the rest of the word need not be read).
fn word_before(text: &str, i: usize) -> &str {
    // ASCII letters and dots byte by byte; a word with other letters character by character.
    let b = text.as_bytes();
    let stop = i.saturating_sub(WORD_BYTES);
    // The last byte before `i` (at most WORD_BYTES back) that is neither a letter nor a dot.
    let k = b[stop..i]
        .iter()
        .rposition(|&c| !(c.is_ascii_alphabetic() || c == b'.'))
        .map_or(stop, |p| stop + p + 1);
    if k == 0 || k == stop || b[k - 1] < 0x80 {
        return &text[k..i];
    }
    let head = &text[..i];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '.')
        .last()
        .map_or(i, |(k, _)| k);
    &text[start..i]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(a, b)| &text[a..b]).collect()
    }

    /// Texts of lines, words, abbreviations, dots, quotes and white space of every kind.
    fn generated_texts() -> Vec<String> {
        const PIECES: &[&str] = &[
            "word", "Word", "U.S.", "Dr.", "dr", "No.", "Sept.", "e.g.", "J.", "é.", "naïve.",
            "Ünit.", "x.y", "3.5", ".", "!", "?", "...", "”", "\"", "'", ")", ":", " ", "  ", "\t",
            "\n", "\n\n", "\r\n", " \n", "\u{a0}", "\u{2003}", "\u{85}", "a", "The", "and then",
            "approx.", "APPROX.", "Approx", "etc.", "inc", "mrs.", "MR.",
        ];
        let mut state = 0x5851_f42d_4c95_7f2du64;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        let mut texts = Vec::new();
        for _ in 0..5000 {
            let mut t = String::new();
            for _ in 0..next() % 60 {
                t.push_str(PIECES[next() % PIECES.len()]);
                // Long lines now and then, some of a wrapping width.
                if next() % 50 == 0 {
                    t.push_str(&"x ".repeat(next() % 60));
                }
            }
            texts.push(t);
        }
        // Hard-wrapped paragraphs.
        let para = "The agreement was signed in the capital by the two sides\n".repeat(4);
        texts.push(format!("{para}\n{para}Next line\nThe end."));
        texts
    }

    #[test]
    fn fast_paths_agree_with_their_definitions() {
        fn abbreviation_ref(word: &str) -> Option<Abbreviation> {
            if word.len() > 6 {
                None
            } else if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
                Some(Abbreviation::Binding)
            } else {
                abbreviations::all()
                    .find(|(a, _)| a.eq_ignore_ascii_case(word))
                    .map(|(_, kind)| kind)
            }
        }
        fn word_before_ref(text: &str, i: usize) -> &str {
            let head = &text[..i];
            let start = head
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphabetic() || c == '.')
                .last()
                .map_or(i, |(k, _)| k);
            &text[start..i]
        }
        fn hard_wrapped_ref(text: &str) -> bool {
            let mut breaks = 0usize;
            let mut wrapped = 0usize;
            let mut lines = text.split('\n').peekable();
            while let Some(line) = lines.next() {
                let Some(next) = lines.peek() else { break };
                let line = line.trim_end();
                if line.is_empty() || next.trim().is_empty() {
                    continue;
                }
                breaks += 1;
                let ends_sentence = line.ends_with(['.', '!', '?', ':', '"', '”', '\'', '’', ')']);
                if !ends_sentence && WRAP_WIDTHS.contains(&line.chars().count()) {
                    wrapped += 1;
                }
            }
            breaks >= WRAP_MIN_BREAKS && wrapped * 2 > breaks
        }
        let list: Vec<&str> = abbreviations::all().map(|(a, _)| a).collect();
        let mut words: Vec<String> = list.iter().map(|a| a.to_string()).collect();
        words.extend(list.iter().map(|a| a.to_ascii_uppercase()));
        words.extend(list.iter().map(|a| format!("{a}x")));
        words.extend(list.iter().map(|a| a[1..].to_string()));
        for w in [
            "", "a", "É", "é.", "ü", "u.s.", "U.S", "mr\u{0}", "sept.", "approxi", "1",
        ] {
            words.push(w.to_string());
        }
        for w in &words {
            assert_eq!(abbreviation(w), abbreviation_ref(w), "{w:?}");
        }
        let (mut hard, mut soft) = (0, 0);
        for t in generated_texts() {
            for i in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                let (got, want) = (word_before(&t, i), word_before_ref(&t, i));
                if want.len() <= WORD_BYTES {
                    assert_eq!(got, want, "{t:?} at {i}");
                } else {
                    assert!(
                        got.len() >= WORD_BYTES && want.ends_with(got),
                        "{t:?} at {i}"
                    );
                }
                assert_eq!(abbreviation(got), abbreviation(want), "{t:?} at {i}");
            }
            let want = hard_wrapped_ref(&t);
            assert_eq!(hard_wrapped(&t, LineIndex::new(&t).starts()), want, "{t:?}");
            if want {
                hard += 1;
            } else {
                soft += 1;
            }
        }
        assert!(hard > 0 && soft > 0, "{hard} hard-wrapped, {soft} not");
    }

    #[test]
    fn trim_range_is_str_trim() {
        for t in [
            "",
            " ",
            "a",
            " a ",
            "\u{a0}a b\u{2003}",
            "\u{b}\u{c}x\t\r\n",
            "é ",
            " \u{3000}",
            "\u{200b}a\u{200b}",
            "ab\u{85}",
        ] {
            let (a, b) = trim_range(t, 0, t.len());
            let want = t.trim();
            assert_eq!(&t[a..b.max(a)], want, "{t:?}");
        }
    }

    #[test]
    fn run_on_text_is_cut_into_bounded_sentences() {
        let digits = "1,".repeat(100_000);
        let words = "and then ".repeat(30_000);
        let mixed = format!("{words}\u{00e9}{}", "x".repeat(200_000));
        for text in [&digits, &words, &mixed] {
            let parts = split(text);
            assert!(parts.len() > 2);
            assert!(
                parts
                    .iter()
                    .all(|&(a, b)| b - a <= MAX_SENTENCE_BYTES && a < b)
            );
            assert!(parts.windows(2).all(|w| w[0].1 <= w[1].0));
            // Nothing but white space is left out.
            let kept: usize = parts.iter().map(|&(a, b)| b - a).sum();
            let blank = text.chars().filter(|c| c.is_whitespace()).count();
            assert!(kept + blank >= text.len());
        }
        // Cuts fall on white space when there is some.
        for &(a, b) in &split(&words) {
            assert!(words[a..b].ends_with("then") || words[a..b].ends_with("and"));
        }
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "He met Dr. Smith on Oct. 12 in Bishkek. It rained.",
                &["He met Dr. Smith on Oct. 12 in Bishkek.", "It rained."],
            ),
            (
                "It grew 3.5 percent. Then fell.",
                &["It grew 3.5 percent.", "Then fell."],
            ),
            ("“Go home.” He left.", &["“Go home.”", "He left."]),
            (
                "J. K. Rowling wrote it. Fine!",
                &["J. K. Rowling wrote it.", "Fine!"],
            ),
            (
                "Title line\nBody starts here.",
                &["Title line", "Body starts here."],
            ),
            (
                "prove its\n\nloyalty to them.",
                &["prove its\n\nloyalty to them."],
            ),
            ("See No. 5 today? Yes.", &["See No. 5 today?", "Yes."]),
            ("Visit Knewz.com now.", &["Visit Knewz.com now."]),
            ("", &[]),
            (
                // Hard-wrapped: single line breaks are spaces; blank lines still end.
                "The agreement was signed in the capital by the two\nPresidents on Thursday and it will stay valid\nFor five years with a further extension\nOf the term by the mutual consent of both\nSides, the officials said late on Friday evening.\n\nNext paragraph.",
                &[
                    "The agreement was signed in the capital by the two\nPresidents on Thursday and it will stay valid\nFor five years with a further extension\nOf the term by the mutual consent of both\nSides, the officials said late on Friday evening.",
                    "Next paragraph.",
                ],
            ),
            ("   \n\n  ", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(sentences(input), *want, "input: {input:?}");
        }
    }
}
