//! Bylines: the word that opens a byline line ("By Kim Han-joo"), so `claims init` can tell the
//! author's line under a headline from the body.

/// Words that open a byline, lowercase.
pub const BYLINE_OPENERS: &[&str] = &["by", "words by", "reporting by", "written by"];

/// The author a byline line names: the words after its opener, when they start with a
/// capital letter ("By Dounia MAHIEDDINE" → "Dounia MAHIEDDINE").
pub fn author(line: &str) -> Option<&str> {
    let low = line.to_lowercase();
    let opener = BYLINE_OPENERS
        .iter()
        .filter(|o| low.starts_with(*o) && low[o.len()..].starts_with(char::is_whitespace))
        .max_by_key(|o| o.len())?;
    let rest = line.get(opener.len()..)?.trim();
    rest.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_name_their_author() {
        assert_eq!(author("By Kim Han-joo"), Some("Kim Han-joo"));
        assert_eq!(author("Reporting by Jane Roe"), Some("Jane Roe"));
        assert_eq!(author("by the river"), None);
        assert_eq!(author("Byzantine art"), None);
    }
}
