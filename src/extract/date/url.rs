//! The date in the article's own address: a line near the top or the bottom that holds one URL
//! and at most a short label before it ("Original url: https://site/2024/06/25/slug"), whose
//! path names a year and a month, maybe a day, the way news sites file their stories:
//! `/2024/06/25/`, `/2022/oct/30/`, `/2014-02/19/`, `-2016-10`, `-20230824`. Read only where
//! the article gives no dateline: a saved page often keeps its address and nothing else that
//! says when it was written.

use crate::calendar::Ymd;
use crate::lang::en::calendar;

/// How far from the top or the bottom of the text the address line may be, in bytes.
const ADDRESS_WINDOW: usize = 400;
/// The label before the URL on its line ("Original url:", "Source:") is at most this long.
const LONGEST_LABEL: usize = 24;
/// Years a site files its stories under.
const FIRST_YEAR: i32 = 1990;
const LAST_YEAR: i32 = 2100;
/// The digits of a year, and of a year, month and day written together ("20230824").
const YEAR_DIGITS: usize = 4;
const DATE_DIGITS: usize = 8;

/// The day (`true`) or only the month (`false`, day 1) the article's own address files it
/// under.
pub fn url_date(text: &str) -> Option<(Ymd, bool)> {
    let head_end = floor_boundary(text, ADDRESS_WINDOW.min(text.len()));
    let tail_start = ceil_boundary(text, text.len().saturating_sub(ADDRESS_WINDOW));
    let tail_start = tail_start.max(head_end);
    // Most articles hold no link near their ends: one search for the scheme separator each.
    [(0, head_end), (tail_start, text.len())]
        .into_iter()
        .find_map(|(from, to)| {
            memchr::memmem::find_iter(&text.as_bytes()[from..to], SCHEME_SEP).find_map(|p| {
                let at = from + p;
                let b = text.as_bytes();
                let back = at.saturating_sub(LONGEST_LINE);
                let ls = match memchr::memrchr(b'\n', &b[back..at]) {
                    Some(k) => back + k + 1,
                    None if back == 0 => 0,
                    None => return None,
                };
                let ahead = (at + LONGEST_LINE).min(b.len());
                let le = match memchr::memchr(b'\n', &b[at..ahead]) {
                    Some(k) => at + k,
                    None if ahead == b.len() => b.len(),
                    None => return None,
                };
                address_line(&text[ls..le])
            })
        })
}

/// An address line is at most this long either side of its scheme separator.
const LONGEST_LINE: usize = 1000;

/// What separates a URL's scheme from its host.
const SCHEME_SEP: &[u8] = b"://";

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The date of a line that is one URL, maybe after a short label ending in ':'.
fn address_line(line: &str) -> Option<(Ymd, bool)> {
    let line = line.trim().trim_start_matches('<').trim_end_matches('>');
    let scheme = memchr::memmem::find(line.as_bytes(), SCHEME_SEP)?;
    let url_start = line[..scheme]
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(p, c)| p + c.len_utf8());
    let label = line[..url_start].trim();
    let label_ok = label.is_empty() || (label.len() <= LONGEST_LABEL && label.ends_with(':'));
    let url = &line[url_start..];
    if !label_ok || url.contains(char::is_whitespace) {
        return None;
    }
    let rest = &url[scheme - url_start + 3..];
    let path = &rest[rest.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    path_date(path)
}

/// The first year followed by a month (and maybe a day) among the pieces of a URL path, or a
/// piece of eight digits that is a date.
fn path_date(path: &str) -> Option<(Ymd, bool)> {
    let pieces: Vec<&str> = path
        .split(['/', '-', '_', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    for (k, p) in pieces.iter().enumerate() {
        if !p.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if p.len() == DATE_DIGITS {
            let (y, m, d) = (num(&p[..4]), num(&p[4..6]), num(&p[6..]));
            if (FIRST_YEAR..=LAST_YEAR).contains(&y)
                && let Some(date) = Ymd::new(y, m as u32, d as u32)
            {
                return Some((date, true));
            }
            continue;
        }
        if p.len() != YEAR_DIGITS || !(FIRST_YEAR..=LAST_YEAR).contains(&num(p)) {
            continue;
        }
        let Some(month) = pieces.get(k + 1).and_then(|m| month_piece(m)) else {
            continue;
        };
        let year = num(p);
        let day = pieces
            .get(k + 2)
            .filter(|d| d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|d| Ymd::new(year, month, num(d) as u32));
        return match day {
            Some(d) => Some((d, true)),
            None => Ymd::new(year, month, 1).map(|d| (d, false)),
        };
    }
    None
}

/// A month as a URL writes it: "06", "6", "oct", "october".
fn month_piece(p: &str) -> Option<u32> {
    if p.bytes().all(|b| b.is_ascii_digit()) && p.len() <= 2 {
        let m = num(p) as u32;
        return (1..=12).contains(&m).then_some(m);
    }
    calendar::month(p.as_bytes()).map(|m| m.month)
}

fn num(digits: &str) -> i32 {
    digits.parse().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<(String, bool)> {
        url_date(text).map(|(d, day)| (d.to_string(), day))
    }

    #[test]
    fn news_addresses_give_their_date() {
        let cases = [
            (
                "https://www.pakistanabroad.com/2024/06/25/at-least-1300/",
                "2024-06-25",
                true,
            ),
            (
                "https://www.arkansasonline.com/news/2022/oct/30/crowd/",
                "2022-10-30",
                true,
            ),
            (
                "http://www.wired.co.uk/news/archive/2014-02/19/facebook",
                "2014-02-19",
                true,
            ),
            (
                "https://site.com/2014/02/facebook-to-buy/amp",
                "2014-02-01",
                false,
            ),
            (
                "https://www.site.com/colombia-farc-peace-vote-no-2016-10",
                "2016-10-01",
                false,
            ),
            (
                "https://unilad.com/news/india-moon-landing-744053-20230824",
                "2023-08-24",
                true,
            ),
            // Digits later in the slug are not the day.
            (
                "https://a.example/2014/02/deal-for-19-billion/amp",
                "2014-02-01",
                false,
            ),
            (
                "https://a.example/2014/02/usd-16-billion/25152",
                "2014-02-01",
                false,
            ),
        ];
        for (url, want, day) in cases {
            let text = format!("Title\n\nBody text.\nOriginal url: {url}\n");
            assert_eq!(at(&text), Some((want.to_string(), day)), "{url}");
        }
    }

    #[test]
    fn other_links_and_numbers_are_no_date() {
        for text in [
            "Body.\nOriginal url: https://qatar-tribune.com/article/83539/world/uns-toll/amp",
            "Body.\nOriginal url: https://www.mcclatchydc.com/news/article105570981.html",
            "Read more at https://site.com/2019/05/01/old-story in this sentence.",
            "Body.\nhttps://example.com/ids/2608-5c80-bfd5",
            "Body.\nSee also: https://site.com/2024/13/40/x",
        ] {
            assert_eq!(at(text), None, "{text}");
        }
    }

    #[test]
    fn only_lines_near_the_ends_are_read() {
        let far = format!(
            "Title\n{}\nhttps://site.com/2024/06/25/x\n{}",
            "word ".repeat(200),
            "word ".repeat(200)
        );
        assert_eq!(at(&far), None);
    }
}
