//! Compact strings for the words many claims hold alike: a subject's stemmed terms, its head
//! noun, the names of its sentence, units, source and claim ids. An archive of 100,000 articles
//! holds some 1.7 million claims; each kept its own `String` of each (24 bytes plus an
//! allocation of its own), the largest part of a claim after the struct itself.
//!
//! A [`Sym`] is an `EcoString` (16 bytes): a string of up to 15 bytes, which is nearly every
//! term, head and unit, is held inline, with no allocation, no shared count to touch when it is
//! copied and nothing to free; a longer one (a long name) is a reference-counted `str`, and
//! [`Sym::interned`] hands out the one copy this thread already holds of it, so a long name is
//! stored once per extraction thread, not once per claim. The extractor makes several of these
//! a claim, so they are made without a table lookup or an allocation whenever they can be.
//!
//! A `Sym` reads as a `&str` everywhere (`Deref`, `as_str`, comparison with `str` and
//! `String`), orders and hashes as its text, and is written to JSON as a plain string: how it
//! is held changes no output, only memory and speed.

use crate::text::hash::WordHash;
use ecow::EcoString;
use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A compact, immutable string (see the module documentation).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Sym(EcoString);

/// The strings of at most this many bytes are held inline, never looked up.
const INLINE: usize = EcoString::INLINE_LIMIT;

/// A thread's interned strings stop growing at this many (a guard for a process that runs
/// many corpora with ever new words; later words are simply not shared).
const MAX_INTERNED: usize = 1 << 22;

thread_local! {
    /// The strings this thread has interned.
    static INTERNED: RefCell<HashSet<Sym, WordHash>> =
        const { RefCell::new(HashSet::with_hasher(WordHash)) };
}

impl Sym {
    /// `s` inline when it is short, else the shared copy of `s` this thread holds, made (from
    /// `s`'s bytes) when there is none.
    ///
    /// The short case is inlined where it is called; the look-up is a function of its own, so
    /// that a short string does not pay the saving and restoring of the registers it needs.
    #[inline]
    pub fn interned(s: &str) -> Sym {
        if s.len() <= INLINE {
            return Sym(EcoString::inline(s));
        }
        Sym::interned_long(s)
    }

    /// [`Sym::interned`] of a string too long to be held inline.
    #[inline(never)]
    fn interned_long(s: &str) -> Sym {
        INTERNED.with(|set| {
            let mut set = set.borrow_mut();
            if let Some(found) = set.get(s) {
                return found.clone();
            }
            let sym = Sym(EcoString::from(s));
            if set.len() < MAX_INTERNED {
                set.insert(sym.clone());
            }
            sym
        })
    }

    /// A string no other claim holds (a claim's id): inline or its own copy, never put in the
    /// thread's set, which would only grow with every claim of the run and never be asked for it
    /// again.
    pub fn unique(s: &str) -> Sym {
        if s.len() <= INLINE {
            return Sym(EcoString::inline(s));
        }
        Sym(EcoString::from(s))
    }

    /// [`Sym::unique`] of the strings `parts` one after the other, built in place: a short one
    /// (most claim ids, "002_x#14") is never a `String` first.
    pub fn unique_joined(parts: &[&str]) -> Sym {
        // Room for exactly the whole when it is not held inline (pushing part after part
        // would leave a long id the room of a doubling).
        let len = parts.iter().map(|p| p.len()).sum();
        let mut joined = if len <= INLINE {
            EcoString::new()
        } else {
            EcoString::with_capacity(len)
        };
        for part in parts {
            joined.push_str(part);
        }
        Sym(joined)
    }

    /// A list of strings as interned symbols, in a vector of exactly their number.
    pub fn all<S: AsRef<str>>(strings: &[S]) -> Vec<Sym> {
        let mut out = Vec::with_capacity(strings.len());
        out.extend(strings.iter().map(|s| Sym::interned(s.as_ref())));
        out
    }

    /// A list of strings as interned symbols, in a shared slice of exactly their number (one
    /// allocation; none for an empty list, which is this thread's one empty slice): what a
    /// claim's names are, so that the claims of one sentence can hold one copy of them.
    pub fn shared_all<S: AsRef<str>>(strings: &[S]) -> Arc<[Sym]> {
        if strings.is_empty() {
            return Sym::no_names();
        }
        strings.iter().map(|s| Sym::interned(s.as_ref())).collect()
    }

    /// This thread's shared empty slice of symbols.
    pub fn no_names() -> Arc<[Sym]> {
        EMPTY.with(Arc::clone)
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

thread_local! {
    /// The empty slice [`Sym::no_names`] hands out.
    static EMPTY: Arc<[Sym]> = Arc::from(Vec::new());
}

impl Deref for Sym {
    type Target = str;
    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl AsRef<str> for Sym {
    fn as_ref(&self) -> &str {
        self.0.as_str()
    }
}

impl Borrow<str> for Sym {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

impl From<&str> for Sym {
    fn from(s: &str) -> Sym {
        Sym::interned(s)
    }
}

impl From<String> for Sym {
    fn from(s: String) -> Sym {
        Sym::interned(&s)
    }
}

impl From<&String> for Sym {
    fn from(s: &String) -> Sym {
        Sym::interned(s)
    }
}

impl From<Sym> for String {
    fn from(s: Sym) -> String {
        s.as_str().to_string()
    }
}

impl PartialEq<str> for Sym {
    fn eq(&self, other: &str) -> bool {
        self.0.as_str() == other
    }
}

impl PartialEq<&str> for Sym {
    fn eq(&self, other: &&str) -> bool {
        self.0.as_str() == *other
    }
}

impl PartialEq<String> for Sym {
    fn eq(&self, other: &String) -> bool {
        self.0.as_str() == other.as_str()
    }
}

impl PartialEq<Sym> for str {
    fn eq(&self, other: &Sym) -> bool {
        self == other.0.as_str()
    }
}

impl PartialEq<Sym> for &str {
    fn eq(&self, other: &Sym) -> bool {
        *self == other.0.as_str()
    }
}

impl PartialEq<Sym> for String {
    fn eq(&self, other: &Sym) -> bool {
        self.as_str() == other.0.as_str()
    }
}

impl fmt::Debug for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0.as_str(), f)
    }
}

impl fmt::Display for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

impl serde::Serialize for Sym {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Sym {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Sym, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Sym::interned(&s))
    }
}

/// `list` in an allocation of exactly its length: a fresh one when the vector has room to
/// spare, as the allocator (mimalloc) keeps a block that shrinks by less than half where it
/// is, and what every claim and fact of an archive holds is held to the report.
pub fn exact_vec<T>(list: Vec<T>) -> Vec<T> {
    if list.capacity() == list.len() {
        return list;
    }
    let mut fit = Vec::with_capacity(list.len());
    fit.extend(list);
    fit
}

/// [`exact_vec`], boxed.
pub fn exact_slice<T>(list: Vec<T>) -> Box<[T]> {
    exact_vec(list).into_boxed_slice()
}

/// `s` in an allocation of exactly its length ([`exact_vec`]; a string `format!` made has up
/// to twice the room).
pub fn exact_string(s: String) -> String {
    if s.capacity() == s.len() {
        s
    } else {
        s.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::Sym;

    /// Whether `s`'s bytes are held in the `Sym` itself.
    fn inline(s: &Sym) -> bool {
        let at = std::ptr::from_ref(s) as usize;
        (at..at + size_of::<Sym>()).contains(&(s.as_ptr() as usize))
    }

    #[test]
    fn a_sym_is_two_words_and_ids_have_the_room_they_need() {
        assert_eq!(size_of::<Sym>(), 16);
        let short = Sym::unique_joined(&["002_x", "#14"]);
        assert!(inline(&short));
        let long = Sym::unique_joined(&["s00000-000_39325c9a37323967", "#12"]);
        assert_eq!(long, "s00000-000_39325c9a37323967#12");
        assert!(!inline(&long));
        assert_eq!(long.0.capacity(), long.len());
    }

    #[test]
    fn one_copy_per_long_string_reads_and_orders_as_its_text() {
        let (a, b) = (Sym::interned("officer"), Sym::from(String::from("officer")));
        assert!(inline(&a), "a short word is held inline");
        assert_eq!(a, b);
        let long = "the United Nations Office for the Coordination of Humanitarian Affairs";
        let (c, d) = (Sym::interned(long), Sym::from(long.to_string()));
        assert!(!inline(&c));
        assert_eq!(c.as_ptr(), d.as_ptr(), "the second is the first's copy");
        let (e, f) = (
            Sym::unique(long),
            Sym::unique_joined(&[&long[..20], &long[20..]]),
        );
        assert_ne!(e.as_ptr(), f.as_ptr(), "an id is never shared");
        assert_eq!(e, c);
        assert_eq!(a, "officer");
        assert_eq!(a.as_str(), "officer");
        assert_eq!(format!("{a} {a:?}"), "officer \"officer\"");
        assert!(Sym::interned("alpha") < Sym::interned("beta"));
        assert_eq!(
            serde_json::to_string(&Sym::all(&["x", "y"])).unwrap(),
            r#"["x","y"]"#
        );
        let back: Vec<Sym> = serde_json::from_str(r#"["x"]"#).unwrap();
        assert_eq!(back, ["x"]);
    }
}
