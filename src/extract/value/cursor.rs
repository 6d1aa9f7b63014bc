//! The cursor every rule of the value grammar reads tokens through: the lowercase word of a
//! token (cut from the batch's text, lowercased once), its text as written, punctuation, glue
//! (no space before), whether it may be read at all (not inert, not in a date), and the memos
//! of the last number and ordinal read.

use super::found::{NumberReading, OrdinalReading};
use crate::extract::token::Tok;
use crate::lang::en::{currency, units};
use crate::text::fold::LONGEST_WORD;
use std::cell::{Cell, OnceCell};

/// The lowercase words of a batch of tokens: the batch's text is lowercased once as a whole,
/// and each token's word is cut from it where it is read.
pub struct Words<'a> {
    /// The text from byte `base` on, ASCII letters lowercased.
    low: &'a str,
    base: usize,
}

impl<'a> Words<'a> {
    /// The batch's text with ASCII letters lowercased, and the article byte it starts at.
    pub fn lowered(&self) -> (&'a str, usize) {
        (self.low, self.base)
    }

    /// The words of `toks` (tokens of `text` in order); `buf` holds their lowercased text.
    pub fn new(text: &str, toks: &[Tok], buf: &'a mut String) -> Words<'a> {
        let (base, end) = toks
            .first()
            .zip(toks.last())
            .map_or((0, 0), |(a, b)| (a.start, b.end));
        buf.clear();
        buf.push_str(&text[base..end]);
        buf.make_ascii_lowercase();
        Words { low: buf, base }
    }
}

/// What an article settles for all its values, each asked of the whole text at most once and
/// only when a value needs it: whether it names a specific dollar ("US$", "USD", "US
/// dollars"), whether it counts money in rupees (an amount in crores with no currency), and the
/// one temperature scale it names (a bare "degrees").
#[derive(Default)]
pub struct Settled {
    dollar: OnceCell<bool>,
    rupee: OnceCell<bool>,
    scale: OnceCell<Option<&'static str>>,
}

impl Settled {
    /// Whether `text` names a specific dollar.
    pub fn dollar(&self, text: &str) -> bool {
        *self.dollar.get_or_init(|| currency::dollar_settled(text))
    }

    /// Whether `text` counts its money in rupees.
    pub fn rupee(&self, text: &str) -> bool {
        *self.rupee.get_or_init(|| currency::rupee_settled(text))
    }

    /// The one temperature scale `text` names.
    pub fn scale(&self, text: &str) -> Option<&'static str> {
        *self.scale.get_or_init(|| units::settled_scale(text))
    }
}

/// The value grammar over the tokens of one sentence.
pub struct Grammar<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Tok],
    /// The batch's lowercased text from byte `base` on, and the words of `toks` read from it
    /// so far.
    low: &'a str,
    base: usize,
    /// Tokens that belong to a date or another claimed span.
    pub(super) blocked: &'a [bool],
    /// What the whole article settles, asked of its text once when a value needs it.
    pub settled: Option<&'a Settled>,
    /// First token of the sentence being scanned: no look-behind crosses it.
    pub(super) sentence_from: Cell<usize>,
    /// The last number and ordinal read, with the (start, end limit) they were read at.
    pub(super) last_number: Cell<Option<(usize, usize, Option<NumberReading>)>>,
    pub(super) last_ordinal: Cell<Option<(usize, usize, Option<OrdinalReading>)>>,
}

impl<'a> Grammar<'a> {
    /// A grammar over the tokens `toks` of `text` (one sentence) of the batch whose words are
    /// `words`.
    pub fn new(
        text: &'a str,
        toks: &'a [Tok],
        blocked: &'a [bool],
        words: &'a Words<'a>,
    ) -> Grammar<'a> {
        Grammar {
            text,
            toks,
            low: words.low,
            base: words.base,
            sentence_from: Cell::new(0),
            last_number: Cell::new(None),
            last_ordinal: Cell::new(None),
            blocked,
            settled: None,
        }
    }

    /// Lowercase word at `i` when it is an ASCII word of at most [`LONGEST_WORD`] bytes, or ""
    /// for anything else. The word is cut from the lowercased text each time it is asked for: a memo of the
    /// words read, a slot for every token of the batch set up before the first value, saved
    /// about what it cost (1% more instructions without it, the same time, 1.3 MB less).
    #[inline]
    pub(super) fn w(&self, i: usize) -> &'a str {
        let Some(t) = self.toks.get(i) else {
            return "";
        };
        if !t.is_word() || t.end - t.start > LONGEST_WORD {
            return "";
        }
        match self.low.get(t.start - self.base..t.end - self.base) {
            // A plain word is ASCII letters only (the tokenizer knows).
            Some(w) if t.plain() || w.is_ascii() => w,
            _ => "",
        }
    }

    /// Whether the word at `i` is `word`.
    #[inline]
    pub(super) fn is(&self, i: usize, word: &str) -> bool {
        self.w(i) == word
    }

    /// Whether the word at `i` is one of `words`.
    #[inline]
    pub(super) fn is_in(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.w(i))
    }

    /// The token's text as written.
    pub(super) fn raw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    pub(super) fn punct(&self, i: usize) -> Option<char> {
        self.toks.get(i).and_then(Tok::punct)
    }

    /// Token `i` follows token `i - 1` with no space.
    pub(super) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before())
    }

    pub(super) fn usable(&self, i: usize) -> bool {
        i < self.toks.len() && !self.toks[i].inert() && !self.blocked[i]
    }

    pub(super) fn is_dash(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('-' | '–' | '—'))
    }

    /// Whether token `i` is a number written in digits.
    pub(super) fn is_num(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.num().is_some())
    }

    /// The word before `i` within the sentence, or "" at its start.
    pub(super) fn prev_word(&self, i: usize) -> &'a str {
        if i > self.sentence_from.get() {
            self.w(i - 1)
        } else {
            ""
        }
    }

    pub fn text(&self) -> &str {
        self.text
    }
}
