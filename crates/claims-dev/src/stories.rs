//! The generated articles the benchmarks and the archive tests read: story articles (each seed
//! article with story-specific names and figures, so stories are distinct events that agree
//! within themselves) and perturbed copies (digits replaced by a fixed-seed generator, so a
//! scaled corpus is not byte-identical repetition). Deterministic: the same arguments give the
//! same bytes.

use std::path::Path;

/// A story-specific stand-in for a capitalized name: a pronounceable pseudo-word drawn from a
/// hash of (name, story), so each story has its own unrelated people and places (as distinct
/// events do) while the five articles of one story agree on them.
pub fn story_name(word: &str, story: usize) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "ro", "ti", "ven", "mar", "lu", "sel", "do", "rin", "qua", "bel", "zo", "tam", "ne",
        "gor", "vi", "pas", "hu", "len", "ost", "ira", "dun", "fe", "shan",
    ];
    let mut h = fnv(word.as_bytes()) ^ (story as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let syllables = 2 + (word.len() / 4).min(2);
    let mut out = String::new();
    for _ in 0..syllables {
        h = h.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        out.push_str(SYLLABLES[(h >> 33) as usize % SYLLABLES.len()]);
    }
    let mut chars = out.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// One article of one story: names made story-specific, numbers perturbed per story.
pub fn story_article(seed: &str, story: usize) -> String {
    let mut out = String::with_capacity(seed.len() + seed.len() / 8);
    let mut rest = seed;
    while let Some(c) = rest.chars().next() {
        if c.is_alphabetic() {
            let end = rest
                .char_indices()
                .find(|&(_, c)| !c.is_alphabetic())
                .map_or(rest.len(), |(i, _)| i);
            let word = &rest[..end];
            let lower = word.to_lowercase();
            let is_name = c.is_uppercase()
                && word.len() >= 4
                && !claims::lang::en::words::is_stopword(&lower)
                && !claims::lang::en::calendar::is_calendar_name(word);
            if is_name {
                out.push_str(&story_name(word, story));
            } else {
                out.push_str(word);
            }
            rest = &rest[end..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    perturb_by_value(&out, story)
}

/// The file name of one story article: `s{story:05}-{seed file name}` (what `--write-stories`
/// and the archive corpora of `claims-bench --archive` write).
pub fn story_file_name(story: usize, seed_name: &str) -> String {
    format!("s{story:05}-{seed_name}")
}

/// Copy `copy` of one article of one story: its digits perturbed (as [`perturb`] does) by a
/// generator seeded from (seed name, copy), so thousands of copies of a story's articles are
/// one event (same names, numbers of the same shape) without being byte-identical.
pub fn story_copy(article: &str, seed_name: &str, copy: usize) -> String {
    let seed = fnv(seed_name.as_bytes()) ^ (copy as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    perturb(article, &mut Lcg(seed))
}

/// Each number is replaced by a function of (story, number as written): the articles of one
/// story agree on every figure, as reports of one event mostly do, and different stories have
/// different figures. Numbers of one or two digits and years stay as they are, so days, dates
/// and weekdays within a story stay consistent with each other.
pub fn perturb_by_value(text: &str, story: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&rest[..pos]);
        let run = &rest[pos..];
        let end = run.find(|c: char| !c.is_ascii_digit()).unwrap_or(run.len());
        let digits = &run[..end];
        let year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
        if digits.len() <= 2 || year {
            out.push_str(digits);
        } else {
            let seed = fnv(digits.as_bytes()) ^ (story as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            out.push_str(&perturb(digits, &mut Lcg(seed)));
        }
        rest = &run[end..];
    }
    out.push_str(rest);
    out
}

/// A 64-bit linear congruential generator (Knuth's MMIX constants).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    pub fn digit(&mut self) -> u8 {
        b'0' + (self.next_u64() % 10) as u8
    }
}

/// FNV-1a, to fingerprint the seeds in the manifest.
pub fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Replace digits with generated ones, keeping every separator and each number's shape: the
/// first digit of a run stays (so magnitudes stay and "October 13" stays a plausible day), a
/// 4-digit run starting 19/20 keeps its century (a year stays a year), a 2-digit run starting
/// with 3 gets 0 or 1 next (days stay valid). Everything else is kept, so the text stays UTF-8.
pub fn perturb(text: &str, rng: &mut Lcg) -> String {
    let mut out = text.as_bytes().to_vec();
    let mut i = 0;
    while i < out.len() {
        if !out[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < out.len() && out[i].is_ascii_digit() {
            i += 1;
        }
        let run = &mut out[start..i];
        let keep = if run.len() == 4 && (run.starts_with(b"19") || run.starts_with(b"20")) {
            2
        } else {
            1
        };
        let day_like = run.len() == 2 && run[0] == b'3';
        for b in run.iter_mut().skip(keep) {
            *b = if day_like {
                b'0' + (rng.next_u64() % 2) as u8
            } else {
                rng.digit()
            };
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// The seed articles (`*.txt`) of a folder, sorted by file name: (file name, text).
pub fn read_seeds(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let mut seeds = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into());
            seeds.push((name, text));
        }
    }
    seeds.sort();
    if seeds.is_empty() {
        return Err(format!("{}: no seed articles (*.txt)", dir.display()));
    }
    Ok(seeds)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = "Officials in Bishkek said 1,250 people attended on October 13, 2023; \
                        the Kremlin put it at 3,400.";

    #[test]
    fn story_articles_are_deterministic_and_distinct_per_story() {
        assert_eq!(story_article(SEED, 7), story_article(SEED, 7));
        assert_ne!(story_article(SEED, 7), story_article(SEED, 8));
        assert_eq!(story_file_name(42, "003_x.txt"), "s00042-003_x.txt");
    }

    #[test]
    fn story_copies_differ_in_digits_only() {
        let article = story_article(SEED, 0);
        let (a, b) = (
            story_copy(&article, "s.txt", 1),
            story_copy(&article, "s.txt", 2),
        );
        assert_eq!(a, story_copy(&article, "s.txt", 1));
        assert_ne!(a, b);
        let shape = |t: &str| t.replace(|c: char| c.is_ascii_digit(), "#");
        assert_eq!(shape(&a), shape(&article));
        assert_eq!(shape(&b), shape(&article));
        assert!(a.contains(", 20"), "a year keeps its century: {a}");
    }
}
