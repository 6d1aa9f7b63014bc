//! News agencies and the ways an article says it carries one ("(AFP)", "— Xinhua", "(With PTI
//! inputs)", a credit line that is only "Reuters") or only cites one ("Reuters reported",
//! "according to AFP", "told AFP"). Carrying makes the agency the article's origin: two
//! articles that carry AFP are one voice, not two. Citing names where one figure came from and
//! changes nothing about the article's origin. Data only; `copies` reads it.

/// Each agency: the names it is written by (case-sensitive, as agencies write themselves) and
/// the one name it is shown by.
pub const AGENCIES: &[(&[&str], &str)] = &[
    (
        &["AFP", "Agence France-Presse", "Agence France Presse"],
        "AFP",
    ),
    (&["AP", "Associated Press"], "AP"),
    (&["Reuters"], "Reuters"),
    (&["Xinhua"], "Xinhua"),
    (&["Yonhap"], "Yonhap"),
    (&["PTI", "Press Trust of India"], "PTI"),
    (&["IANS"], "IANS"),
    (&["ANI"], "ANI"),
    (&["UNI"], "UNI"),
    (&["dpa", "DPA", "Deutsche Presse-Agentur"], "dpa"),
    (&["EFE"], "EFE"),
    (&["ANSA"], "ANSA"),
    (&["Kyodo"], "Kyodo"),
    (&["TASS"], "TASS"),
    (&["Interfax"], "Interfax"),
    (&["RIA Novosti"], "RIA Novosti"),
    (&["Anadolu", "Anadolu Agency"], "Anadolu"),
    (&["Bernama"], "Bernama"),
    (&["Antara"], "Antara"),
    (&["NAN", "News Agency of Nigeria"], "NAN"),
    (&["AAP", "Australian Associated Press"], "AAP"),
    (&["UPI", "United Press International"], "UPI"),
    (&["KUNA"], "KUNA"),
    (&["WAM"], "WAM"),
    (&["SPA", "Saudi Press Agency"], "SPA"),
    (&["APA"], "APA"),
    (&["Agencies", "agencies", "agency"], GENERIC),
];

/// The shown name of "agencies" in general ("(With agency inputs)"): carried, never cited.
pub const GENERIC: &str = "agencies";

/// The word before an agency in a credit: "(With PTI inputs)", "with AP", "— with Reuters".
pub const CREDIT_WITH: &[&str] = &["with", "With", "WITH"];

/// Words that may follow "with" and an agency in a credit: "(With PTI inputs)", "with AFP input".
pub const CREDIT_INPUTS: &[&str] = &["input", "inputs", "reporting", "copy"];

/// A credit after the agency: "Reuters contributed to this report", "AFP contributed".
pub const CREDIT_AFTER: &[&str] = &["contributed"];

/// Before an agency, a byline or credit: "By Dounia MAHIEDDINE | AFP", "Story by AP".
pub const BYLINE_WORDS: &[&str] = &["By", "by", "BY"];

/// The punctuation that sets a credit off on its own line or at the end of a dateline:
/// "— Xinhua", "-- Reuters", "/AFP/", "| AFP".
pub const CREDIT_MARKS: &[char] = &['—', '–', '-', '/', '|', '•', '(', ')', ',', ':', '.', ' '];

/// A citation (the article names the agency as the teller of one thing, not as its origin):
/// the words before it ("according to AFP", "told Reuters", "cited by AP", "news agency
/// Reuters said") …
pub const CITE_BEFORE: &[&[&str]] = &[
    &["according", "to"],
    &["according", "to", "the"],
    &["according", "to", "an"],
    &["according", "to", "a"],
    &["told"],
    &["telling"],
    &["cited", "by"],
    &["agency"],
    &["news", "agency"],
];

/// … and the words after it ("Reuters reported", "AFP quoted", "Yonhap news agency reported").
pub const CITE_AFTER: &[&[&str]] = &[
    &["reported"],
    &["reports"],
    &["said"],
    &["quoted"],
    &["cited"],
    &["news", "agency", "reported"],
    &["news", "agency", "said"],
    &["estimate"],
    &["tally"],
    &["report"],
];

/// The lines an article's head is read in for a dateline credit ("Mina, Saudi Arabia (AFP)
/// June 17", "SEOUL, Nov. 14 (Yonhap) --"): the first this many non-empty lines.
pub const HEAD_LINES: usize = 6;

/// The lines an article's foot is read in for a credit ("(dpa/NAN)", "(With PTI inputs)", a
/// line that is only "Reuters"): the last this many non-empty lines.
pub const FOOT_LINES: usize = 4;

/// A line that starts with one of these is the source's own address, not a credit.
pub const ADDRESS_LINE_STARTS: &[&str] = &["Original url:", "Source:", "http://", "https://"];

/// The agency written `name` stands for, by its shown name.
pub fn agency(name: &str) -> Option<&'static str> {
    AGENCIES
        .iter()
        .find(|(forms, _)| forms.contains(&name))
        .map(|&(_, shown)| shown)
}

/// The first two bytes of the agency forms (all ASCII, two bytes or more), a bit per second
/// byte in the row of the first: [`agency_at`] is asked at every word of every line of the
/// corpus, and most words start with two bytes no form starts with ("a", "and" and "day" with
/// a first byte some form has).
const AGENCY_PREFIXES: [u128; 128] = {
    let mut rows = [0u128; 128];
    let mut a = 0;
    while a < AGENCIES.len() {
        let mut f = 0;
        while f < AGENCIES[a].0.len() {
            let form = AGENCIES[a].0[f].as_bytes();
            assert!(
                form.len() >= 2 && form.is_ascii(),
                "an agency form is ASCII, two bytes or more"
            );
            rows[form[0] as usize] |= 1 << form[1];
            f += 1;
        }
        a += 1;
    }
    rows
};

/// The longest agency form that `text` starts with, with its length in bytes.
pub fn agency_at(text: &str) -> Option<(&'static str, usize)> {
    let &[first, second, ..] = text.as_bytes() else {
        return None;
    };
    if !first.is_ascii()
        || !second.is_ascii()
        || AGENCY_PREFIXES[usize::from(first)] >> second & 1 == 0
    {
        return None;
    }
    let mut best: Option<(&'static str, usize)> = None;
    for &(forms, shown) in AGENCIES {
        // Only the forms that start with the same byte are compared.
        for f in forms.iter().filter(|f| f.as_bytes()[0] == first) {
            let Some(rest) = text.strip_prefix(f) else {
                continue;
            };
            let ends_word = rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
            if ends_word && best.is_none_or(|(_, n)| f.len() > n) {
                best = Some((shown, f.len()));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agencies_by_any_form() {
        assert_eq!(agency("Agence France-Presse"), Some("AFP"));
        assert_eq!(agency("DPA"), Some("dpa"));
        assert_eq!(agency("Ap"), None);
        assert_eq!(agency_at("Associated Press said"), Some(("AP", 16)));
        assert_eq!(agency_at("APlus"), None);
        assert_eq!(agency_at("AP)"), Some(("AP", 2)));
        // The two-byte sieve: one byte, other second bytes, and bytes beyond ASCII are no form.
        for text in ["A", "a", "and", "Ab", "Ünal", "A\u{e9}", ""] {
            assert_eq!(agency_at(text), None, "{text}");
        }
        assert_eq!(agency_at("agencies said"), Some((GENERIC, 8)));
    }

    #[test]
    fn every_form_is_found_and_other_first_letters_are_not() {
        for &(forms, shown) in AGENCIES {
            for f in forms {
                assert_eq!(
                    agency_at(&format!("{f} said")),
                    Some((shown, f.len())),
                    "{f}"
                );
            }
        }
        for word in [
            "Officials said",
            "Zagreb",
            "officials",
            "APlus",
            "Reutersville",
            "",
        ] {
            assert_eq!(agency_at(word), None, "{word}");
        }
    }
}
