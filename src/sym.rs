//! Shared strings for the words many claims hold alike: a subject's stemmed terms, its head
//! noun and the names of its sentence. An archive of 100,000 articles holds some 1.7 million
//! claims but only tens of thousands of distinct terms; each claim kept its own copy of each
//! (a `String` of 24 bytes plus its allocation), the largest part of a claim after the struct
//! itself. A [`Sym`] is a reference-counted `str` (16 bytes, no allocation of its own when the
//! word was seen before): [`Sym::interned`] hands out the one copy this thread already holds of
//! a string, so a word is stored once per extraction thread, not once per claim.
//!
//! A `Sym` reads as a `&str` everywhere (`Deref`, `as_str`, comparison with `str` and
//! `String`), orders and hashes as its text, and is written to JSON as a plain string:
//! interning changes no output, only memory.

use crate::text::hash::WordHash;
use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A shared, immutable string (see the module documentation).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Sym(Arc<str>);

/// A thread's interned strings stop growing at this many (a guard for a process that runs
/// many corpora with ever new words; later words are simply not shared).
const MAX_INTERNED: usize = 1 << 22;

thread_local! {
    /// The strings this thread has interned.
    static INTERNED: RefCell<HashSet<Sym, WordHash>> =
        const { RefCell::new(HashSet::with_hasher(WordHash)) };
}

impl Sym {
    /// The shared copy of `s` this thread holds, made (from `s`'s bytes) when there is none.
    pub fn interned(s: &str) -> Sym {
        INTERNED.with(|set| {
            let mut set = set.borrow_mut();
            if let Some(found) = set.get(s) {
                return found.clone();
            }
            let sym = Sym(Arc::from(s));
            if set.len() < MAX_INTERNED {
                set.insert(sym.clone());
            }
            sym
        })
    }

    /// A list of strings as interned symbols, in a vector of exactly their number.
    pub fn all<S: AsRef<str>>(strings: &[S]) -> Vec<Sym> {
        let mut out = Vec::with_capacity(strings.len());
        out.extend(strings.iter().map(|s| Sym::interned(s.as_ref())));
        out
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Sym {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Sym {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Sym {
    fn borrow(&self) -> &str {
        &self.0
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
        &*self.0 == other
    }
}

impl PartialEq<&str> for Sym {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Sym {
    fn eq(&self, other: &String) -> bool {
        &*self.0 == other.as_str()
    }
}

impl PartialEq<Sym> for str {
    fn eq(&self, other: &Sym) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Sym> for &str {
    fn eq(&self, other: &Sym) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Sym> for String {
    fn eq(&self, other: &Sym) -> bool {
        self.as_str() == &*other.0
    }
}

impl fmt::Debug for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl serde::Serialize for Sym {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Sym {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Sym, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Sym::interned(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::Sym;
    use std::sync::Arc;

    #[test]
    fn one_copy_per_string_reads_and_orders_as_its_text() {
        let (a, b) = (Sym::interned("officer"), Sym::from(String::from("officer")));
        assert!(Arc::ptr_eq(&a.0, &b.0), "the second is the first's copy");
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
