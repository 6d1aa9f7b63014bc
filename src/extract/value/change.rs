//! Whether a value is given as a change, and which way (CQE's and NewsQuant's `change`): a
//! word of change right before the value ("rose 5%", "up 19 cents", "plummeted 40.8 per
//! cent"), or before the preposition that ties the value to it ("fell by 3 points", "the toll
//! rose to 398", "down from $89 billion", "a rise of 5%"), or a noun of change right after it
//! ("a 5% rise"). The end of a change carries it on ("plummeted 40.8 per cent to $2.06", "grew
//! from 4.8 percent to 4.7 percent"): a value tied by "to" or "at" to a changed value before
//! it changes the same way. The words are `lang::en::change`'s.

use super::cursor::Grammar;
use super::found::Found;
use crate::claim::Change;
use crate::lang::en::change;

impl Grammar<'_> {
    /// The change the sentence gives the value `f`; `before` is the value found just before
    /// it in the same sentence.
    pub(super) fn change_of(&self, f: &Found, before: Option<&Found>) -> Change {
        let from = self.sentence_from.get();
        if f.first <= from {
            return self.change_after(f);
        }
        let p = f.first - 1;
        let w = self.w(p);
        if let Some(c) = change::direction(w) {
            return c;
        }
        if change::LINKS.contains(&w) && p > from {
            // "rose sharply to 398": one adverb may stand between.
            let q = p - 1;
            if let Some(c) = change::direction(self.w(q)) {
                return c;
            }
            if q > from
                && change::is_adverb(self.w(q))
                && let Some(c) = change::direction(self.w(q - 1))
            {
                return c;
            }
        }
        if change::CARRIES.contains(&w)
            && let Some(b) = before
            && b.last == p
            && b.change != Change::None
        {
            return b.change;
        }
        self.change_after(f)
    }

    /// "a 5% rise", "a 3-point drop": a noun of change right after the value.
    fn change_after(&self, f: &Found) -> Change {
        let j = if self.is_dash(f.last) && self.glued(f.last) {
            f.last + 1
        } else {
            f.last
        };
        change::noun_direction(self.w(j)).unwrap_or(Change::None)
    }
}
