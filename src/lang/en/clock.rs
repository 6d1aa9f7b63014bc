//! Times of day as news writes them ("6:04 pm IST", "06:05 PM", "08:30 GMT", "4.30pm local
//! time", "0830 GMT", "at 10 a.m."): the meridiem words, the time zones a time may name, the
//! words that make "local time", and the words before a bare "10:30" that make it a time of
//! day rather than a ratio or a verse. Data only; the rule is `extract::value::clock`.

/// "am"/"pm" written as one word ("6pm", "06:05 PM"), and the hours each adds to a 12-hour
/// clock's hour (12 am is midnight, 12 pm noon).
pub const MERIDIEMS: &[(&str, u32)] = &[("am", 0), ("pm", 12)];

/// The letters of "a.m." / "p.m." written with dots: the first letter, then [`MERIDIEM_M`].
pub const MERIDIEM_DOTTED: &[(&str, u32)] = &[("a", 0), ("p", 12)];

/// The second letter of "a.m." / "p.m.".
pub const MERIDIEM_M: &str = "m";

/// Time zones as news writes them after a time, upper case as written, each once: the
/// universal ones, then North America, Europe, Africa, Asia and Oceania. A zone keeps its
/// name: the value is the time in that zone.
pub const ZONES: &[&str] = &[
    "GMT", "UTC", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT",
    "AKST", "AKDT", "HST", "AST", "ADT", "NST", "NDT", "BST", "IST", "WET", "WEST", "CET", "CEST",
    "EET", "EEST", "MSK", "TRT", "WAT", "CAT", "EAT", "SAST", "GST", "PKT", "NPT", "BDT", "ICT",
    "WIB", "WITA", "WIT", "SGT", "MYT", "PHT", "HKT", "JST", "KST", "AWST", "ACST", "AEST", "AEDT",
    "NZST", "NZDT",
];

/// The shortest and longest zone in [`ZONES`] (a test checks).
pub const SHORTEST_ZONE: usize = 2;
pub const LONGEST_ZONE: usize = 4;

/// "local time" after a time: the zone of the place the sentence is about.
pub const LOCAL: &str = "local";
pub const LOCAL_TIME: &str = "time";

/// The unit of a time in "local time".
pub const LOCAL_UNIT: &str = "local";

/// The word after a 24-hour time that says it is one ("1400 hrs").
pub const HRS: &str = "hrs";

/// "hours" after a 24-hour time written with its leading zero ("0830 hours"); after "1400" it
/// is a duration.
pub const HOURS: &str = "hours";

/// Words right before a bare "10:30" (no am/pm, no zone) that make it a time of day: "at
/// 10:30", "by 18:00", "until 23:59". Without one, "3:16" may be a verse or a score.
pub const BEFORE_BARE: &[&str] = &[
    "at",
    "by",
    "around",
    "about",
    "approximately",
    "roughly",
    "until",
    "till",
    "before",
    "after",
    "from",
    "since",
    "to",
    "and",
    "between",
];

/// The zone of `raw` (as written, upper case only: "ist" in a sentence is no zone), or `None`.
pub fn zone(raw: &str) -> Option<&'static str> {
    let b = raw.as_bytes();
    if !(SHORTEST_ZONE..=LONGEST_ZONE).contains(&b.len()) || !b.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    ZONES.iter().copied().find(|z| *z == raw)
}

/// The hours "am"/"pm" (any case) add, or `None` for another word.
pub fn meridiem(w: &str) -> Option<u32> {
    MERIDIEMS.iter().find(|(m, _)| *m == w).map(|&(_, h)| h)
}

/// The hours the first letter of a dotted "a.m."/"p.m." adds.
pub fn meridiem_dotted(w: &str) -> Option<u32> {
    MERIDIEM_DOTTED
        .iter()
        .find(|(m, _)| *m == w)
        .map(|&(_, h)| h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_are_upper_case_and_unique() {
        for (k, z) in ZONES.iter().enumerate() {
            assert!(z.chars().all(|c| c.is_ascii_uppercase()), "{z}");
            assert!(!ZONES[k + 1..].contains(z), "{z} twice");
            assert!((SHORTEST_ZONE..=LONGEST_ZONE).contains(&z.len()), "{z}");
        }
        assert_eq!(zone("IST"), Some("IST"));
        assert_eq!(zone("ist"), None);
        assert_eq!(meridiem("pm"), Some(12));
        assert_eq!(meridiem_dotted("a"), Some(0));
    }
}
