//! JSON and JSON lines, streamed: the wire structs of [`super::wire`] written one at a time as
//! they are made, never as one value in memory (a document of 100,000 articles is gigabytes).
//!
//! The document form is byte for byte what `serde_json::to_writer_pretty` writes for the whole
//! [`wire::CompareDoc`] or [`wire::ExtractDoc`]: each element is pretty-printed alone and its
//! lines indented to its depth (`Document`). The JSON lines form is one
//! `{"type": …, "data": …}` object per line; a claim line is the compact
//! [`wire::ClaimLineJson`], whose sentence a `sentence` line carries once, before the first
//! claim of that sentence ([`Lines::claims`]).

use super::Held;
use super::jsonl;
use super::wire::{self, HeaderJson, ProblemJson, SCHEMA_VERSION};
use crate::claim::Claim;
use crate::compare::{Comparison, Filter};
use crate::corpus::{Article, Corpus};
use serde::Serialize;
use std::io::{self, Write};

/// One value pretty-printed, with a final newline (`claims schema`, SARIF).
pub fn document<T: Serialize>(out: &mut dyn Write, doc: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, doc)?;
    writeln!(out)
}

/// A pretty-printed JSON object written field by field: arrays element by element.
struct Document<'w> {
    out: &'w mut dyn Write,
    /// One element's serialization, reused.
    buf: Vec<u8>,
    /// The element indented to its depth, reused: written at once (a write of each line and
    /// each indent was some 300 million small writes for the document of 100,000 articles).
    indented: Vec<u8>,
    fields: usize,
}

/// serde_json's pretty indentation, one level.
const INDENT: &[u8] = b"  ";

impl<'w> Document<'w> {
    fn begin(out: &'w mut dyn Write) -> io::Result<Document<'w>> {
        out.write_all(b"{")?;
        Ok(Document {
            out,
            buf: Vec::new(),
            indented: Vec::new(),
            fields: 0,
        })
    }

    fn key(&mut self, name: &str) -> io::Result<()> {
        if self.fields > 0 {
            self.out.write_all(b",")?;
        }
        self.fields += 1;
        self.out.write_all(b"\n")?;
        self.out.write_all(INDENT)?;
        serde_json::to_writer(&mut *self.out, name)?;
        self.out.write_all(b": ")
    }

    /// `value` pretty-printed, its lines after the first indented `depth` levels.
    fn value<T: Serialize>(&mut self, value: &T, depth: usize) -> io::Result<()> {
        self.buf.clear();
        serde_json::to_writer_pretty(&mut self.buf, value)?;
        // A newline inside JSON is always between tokens (strings escape theirs).
        self.indented.clear();
        let mut from = 0;
        for at in memchr::memchr_iter(b'\n', &self.buf) {
            self.indented.extend_from_slice(&self.buf[from..=at]);
            for _ in 0..depth {
                self.indented.extend_from_slice(INDENT);
            }
            from = at + 1;
        }
        self.indented.extend_from_slice(&self.buf[from..]);
        self.out.write_all(&self.indented)
    }

    fn field<T: Serialize>(&mut self, name: &str, value: &T) -> io::Result<()> {
        self.key(name)?;
        self.value(value, 1)
    }

    fn array<T: Serialize>(
        &mut self,
        name: &str,
        items: impl IntoIterator<Item = T>,
    ) -> io::Result<()> {
        self.key(name)?;
        let mut empty = true;
        for item in items {
            self.out.write_all(if empty { b"[\n" } else { b",\n" })?;
            self.out.write_all(INDENT)?;
            self.out.write_all(INDENT)?;
            self.value(&item, 2)?;
            empty = false;
        }
        if empty {
            self.out.write_all(b"[]")
        } else {
            self.out.write_all(b"\n")?;
            self.out.write_all(INDENT)?;
            self.out.write_all(b"]")
        }
    }

    fn end(self) -> io::Result<()> {
        self.out.write_all(b"\n}\n")
    }
}

/// `claims extract --format json`: the extract document.
pub fn extract_document(out: &mut dyn Write, corpus: &Corpus) -> io::Result<()> {
    let (skipped, errors) = wire::problems(corpus);
    let mut d = Document::begin(out)?;
    d.field("schema_version", &SCHEMA_VERSION)?;
    d.field("tool", &wire::tool())?;
    d.array("sources", wire::sources(&corpus.articles, None))?;
    d.array("claims", wire::claims(&corpus.articles))?;
    d.array("skipped", &skipped)?;
    d.array("errors", &errors)?;
    d.end()
}

/// `claims compare --format json`, `export`, `check --format json`: the compare document.
pub fn compare_document(
    out: &mut dyn Write,
    c: &Comparison,
    filter: &Filter,
    held: Option<Held>,
) -> io::Result<()> {
    let (skipped, errors) = wire::problems(&c.corpus);
    let mut d = Document::begin(out)?;
    d.field("schema_version", &SCHEMA_VERSION)?;
    d.field("tool", &wire::tool())?;
    d.array("sources", wire::sources(&c.corpus.articles, Some(c)))?;
    d.array("claims", wire::claims(&c.corpus.articles))?;
    d.array("groups", wire::groups(c, filter, held))?;
    d.array("names", wire::names(c, held))?;
    d.array("skipped", &skipped)?;
    d.array("errors", &errors)?;
    d.field("baseline", &held.map(wire::baseline))?;
    d.field("summary", &wire::summary(c))?;
    d.end()
}

/// JSON lines are handed to their writer in pieces of about this many bytes
/// ([`Lines::flush_over`]): each write to standard output is a system call (stdout's own buffer
/// lets a piece larger than itself through whole), and `extract --format jsonl` writes some
/// three bytes of JSON per byte of text.
pub const WRITE_BYTES: usize = 256 * 1024;

/// The JSON lines writer: one `{"type": kind, "data": data}` object per line. Lines are made
/// in a byte buffer and written a source at a time (claim, sentence and text lines by hand,
/// `report::jsonl`; the others through serde).
pub struct Lines<'w> {
    out: &'w mut dyn Write,
    buf: Vec<u8>,
}

impl<'w> Lines<'w> {
    pub fn new(out: &'w mut dyn Write) -> Lines<'w> {
        Lines::with_buffer(out, Vec::new())
    }

    /// A writer whose buffer starts as `buf` (what an earlier one left, [`Lines::into_buffer`]).
    pub fn with_buffer(out: &'w mut dyn Write, buf: Vec<u8>) -> Lines<'w> {
        Lines { out, buf }
    }

    /// The buffer, with the lines not yet written out.
    pub fn into_buffer(self) -> Vec<u8> {
        self.buf
    }

    /// One line of type `kind`.
    pub fn line<T: Serialize>(&mut self, kind: &str, data: &T) -> io::Result<()> {
        self.push(kind, data)?;
        self.flush()
    }

    /// One line of type `kind`, into the buffer.
    fn push<T: Serialize>(&mut self, kind: &str, data: &T) -> io::Result<()> {
        #[derive(Serialize)]
        struct Line<'a, T: Serialize> {
            #[serde(rename = "type")]
            kind: &'a str,
            data: &'a T,
        }
        serde_json::to_writer(&mut self.buf, &Line { kind, data })?;
        self.buf.push(b'\n');
        Ok(())
    }

    /// Write out and empty the buffer.
    fn flush(&mut self) -> io::Result<()> {
        let written = self.out.write_all(&self.buf);
        self.buf.clear();
        written
    }

    /// A line of type `kind` for each of `items`.
    fn lines<T: Serialize>(
        &mut self,
        kind: &str,
        items: impl IntoIterator<Item = T>,
    ) -> io::Result<()> {
        items
            .into_iter()
            .try_for_each(|item| self.line(kind, &item))
    }

    /// The `source` line of an article, as `extract` gives it (no copies looked for).
    pub fn source(&mut self, a: &Article) -> io::Result<()> {
        self.line("source", &wire::source_json(a, None))
    }

    /// The `claim` lines of an article's claims, each sentence's `sentence` line before its
    /// first claim.
    pub fn claims<'c>(
        &mut self,
        a: &Article,
        claims: impl IntoIterator<Item = &'c Claim>,
    ) -> io::Result<()> {
        // Claims come in order of position, so a sentence's claims are consecutive; a set
        // keeps the promise of one line per sentence should they ever not be.
        let mut said = Said::default();
        for c in claims {
            if said.first(c.sentence.start()) {
                let text = a.sentence_of(c).unwrap_or_default();
                jsonl::sentence_line(&mut self.buf, c, text);
            }
            jsonl::claim_line(&mut self.buf, c);
        }
        self.flush()
    }

    /// `extract`'s lines of one source: its `source` line, then its `sentence` and `claim`
    /// lines as [`Lines::claims`] writes them, with a `text` line for each part of the text
    /// before, between and after the sentence lines: together they give back the whole text
    /// (the claims file of a sharded run holds all `compare --claims` reads of an article).
    /// They are written in one piece.
    pub fn extracted<'c>(
        &mut self,
        a: &Article,
        claims: impl IntoIterator<Item = &'c Claim>,
    ) -> io::Result<()> {
        self.buffer_extracted(a, claims)?;
        self.flush()
    }

    /// [`Lines::extracted`] into the buffer only; [`Lines::flush_over`] writes it out.
    pub fn buffer_extracted<'c>(
        &mut self,
        a: &Article,
        claims: impl IntoIterator<Item = &'c Claim>,
    ) -> io::Result<()> {
        let text = &a.source.text;
        // About what the lines take: the text, and some 800 bytes a claim.
        self.buf.reserve(text.len() + 128 + 1024 * a.claims.len());
        self.push("source", &wire::source_json(a, None))?;
        let mut at = 0;
        let mut said = Said::default();
        for c in claims {
            if said.first(c.sentence.start()) {
                self.text(a, at, c.sentence.start());
                let sentence = a.sentence_of(c).unwrap_or_default();
                jsonl::sentence_line(&mut self.buf, c, sentence);
                at = at.max(c.sentence.end());
            }
            jsonl::claim_line(&mut self.buf, c);
        }
        self.text(a, at, text.len());
        Ok(())
    }

    /// Write out the buffer and flush the writer: what was made is out.
    pub fn flush_through(&mut self) -> io::Result<()> {
        self.flush()?;
        self.out.flush()
    }

    /// Write out the buffer once it holds at least `bytes`.
    pub fn flush_over(&mut self, bytes: usize) -> io::Result<()> {
        if self.buf.len() >= bytes {
            self.flush()?;
        }
        Ok(())
    }

    /// The `text` line of `a`'s text from `start` to `end`, when that is not empty, into the
    /// buffer.
    fn text(&mut self, a: &Article, start: usize, end: usize) {
        if let Some(part) = a.source.text.get(start..end)
            && !part.is_empty()
        {
            jsonl::text_line(&mut self.buf, &a.source.id, start, part);
        }
    }

    /// `skipped` and `error` lines.
    pub fn problems(&mut self, skipped: &[ProblemJson], errors: &[ProblemJson]) -> io::Result<()> {
        self.lines("skipped", skipped)?;
        self.lines("error", errors)
    }
}

/// The sentences (by start) whose line is written, sorted. Claims come in order of position,
/// so each new sentence starts after every one before and goes at the end; the search is
/// for claims out of order, should there ever be such (hashing each claim's sentence start
/// was a few per cent of writing the lines).
#[derive(Default)]
struct Said(Vec<usize>);

impl Said {
    /// True the first time `start` is seen.
    fn first(&mut self, start: usize) -> bool {
        if self.0.last().is_none_or(|&last| last < start) {
            self.0.push(start);
            return true;
        }
        match self.0.binary_search(&start) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, start);
                true
            }
        }
    }
}

/// `claims extract --format jsonl` of a whole corpus: each source's `source` line followed by
/// its `text`, `sentence` and `claim` lines ([`Lines::extracted`]), then `skipped` and `error`
/// lines. (`extract` itself
/// writes the same lines as each source is extracted.)
pub fn extract_lines(out: &mut dyn Write, corpus: &Corpus) -> io::Result<()> {
    let mut l = Lines::new(out);
    for a in &corpus.articles {
        l.extracted(a, &a.claims)?;
    }
    let (skipped, errors) = wire::problems(corpus);
    l.problems(&skipped, &errors)
}

/// The compare document as JSON lines: `header`, `source`, `sentence` and `claim`, `group`,
/// `name`, `skipped`, `error`, `baseline` and `summary` lines, in that order, the summary last.
pub fn compare_lines(
    out: &mut dyn Write,
    c: &Comparison,
    filter: &Filter,
    held: Option<Held>,
) -> io::Result<()> {
    let mut l = Lines::new(out);
    let header = HeaderJson {
        schema_version: SCHEMA_VERSION,
        tool: wire::tool(),
    };
    l.line("header", &header)?;
    l.lines("source", wire::sources(&c.corpus.articles, Some(c)))?;
    for a in &c.corpus.articles {
        l.claims(a, &a.claims)?;
    }
    l.lines("group", wire::groups(c, filter, held))?;
    l.lines("name", wire::names(c, held))?;
    let (skipped, errors) = wire::problems(&c.corpus);
    l.problems(&skipped, &errors)?;
    if let Some(h) = held {
        l.line("baseline", &wire::baseline(h))?;
    }
    l.line("summary", &wire::summary(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::baseline::{self, Baseline};
    use crate::config::Config;
    use crate::corpus;
    use std::path::Path;

    #[test]
    fn each_sentence_is_said_once_in_order_or_not() {
        let mut said = Said::default();
        let firsts: Vec<bool> = [0, 0, 10, 10, 10, 30, 10, 0, 20, 20, 30, 40]
            .into_iter()
            .map(|start| said.first(start))
            .collect();
        let want = [
            true, false, true, false, false, true, false, false, true, false, false, true,
        ];
        assert_eq!(firsts, want);
    }

    fn seed() -> (Comparison, Baseline) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = Config::load(&root.join("claims.toml")).expect("claims.toml");
        let inputs = corpus::inputs(&[], "-", &config).expect("inputs");
        let corpus = corpus::load(&inputs, &config, &mut io::empty()).expect("corpus");
        let c = crate::compare::compare(corpus, &config);
        let b = Baseline::load(&config.baseline_path())
            .expect("baseline")
            .expect("the seed baseline");
        (c, b)
    }

    #[test]
    fn letting_the_texts_go_changes_no_byte_of_the_json_reports() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = Config::load(&root.join("claims.toml")).expect("claims.toml");
        let inputs = corpus::inputs(&[], "-", &config).expect("inputs");
        let render = |keep_text: bool| {
            let corpus = corpus::load(&inputs, &config, &mut io::empty()).expect("corpus");
            let keep = crate::compare::Keep {
                text: keep_text,
                sentences: true,
                single: true,
            };
            let c = crate::compare::compare_on(corpus, &config, 1, &|_, _| {}, keep);
            let all = Filter {
                min_sources: 1,
                ..Filter::default()
            };
            let mut out = Vec::new();
            compare_document(&mut out, &c, &all, None).unwrap();
            compare_lines(&mut out, &c, &all, None).unwrap();
            (out, c)
        };
        let (whole, kept) = render(true);
        let (quoted, lean) = render(false);
        assert!(
            lean.corpus
                .articles
                .iter()
                .all(|a| a.source.text.is_empty())
        );
        assert!(
            kept.corpus
                .articles
                .iter()
                .all(|a| !a.source.text.is_empty())
        );
        assert_eq!(String::from_utf8(quoted), String::from_utf8(whole));
    }

    #[test]
    fn facts_of_one_source_not_kept_change_no_byte_of_a_report_that_hides_them() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = Config::load(&root.join("claims.toml")).expect("claims.toml");
        let inputs = corpus::inputs(&[], "-", &config).expect("inputs");
        let shown = Filter {
            min_sources: 2,
            ..Filter::default()
        };
        let render = |single: bool| {
            let corpus = corpus::load(&inputs, &config, &mut io::empty()).expect("corpus");
            let keep = crate::compare::Keep {
                text: false,
                sentences: true,
                single,
            };
            let c = crate::compare::compare_on(corpus, &config, 1, &|_, _| {}, keep);
            let mut out = Vec::new();
            compare_document(&mut out, &c, &shown, None).unwrap();
            compare_lines(&mut out, &c, &shown, None).unwrap();
            (out, c)
        };
        let (all, kept) = render(true);
        let (lean, counted) = render(false);
        let singles = kept
            .facts
            .iter()
            .filter(|f| f.judgement.verdict == crate::verdict::Verdict::Single)
            .count();
        assert!(singles > 0, "the bundled corpus has facts of one source");
        assert_eq!(counted.single_not_kept, singles);
        assert_eq!(counted.facts.len() + singles, kept.facts.len());
        assert_eq!(counted.summary(), kept.summary());
        assert_eq!(String::from_utf8(lean), String::from_utf8(all));
    }

    #[test]
    fn streamed_documents_are_the_pretty_printed_structs_byte_for_byte() {
        let (c, b) = seed();
        let diff = baseline::diff(&c, &b);
        let path = Path::new("claims-baseline.json");
        for (filter, held) in [
            (Filter::default(), None),
            (
                Filter {
                    min_sources: 1,
                    ..Filter::default()
                },
                Some(Held { diff: &diff, path }),
            ),
        ] {
            let mut want = Vec::new();
            document(&mut want, &wire::compare_doc(&c, &filter, held)).unwrap();
            let mut got = Vec::new();
            compare_document(&mut got, &c, &filter, held).unwrap();
            assert_eq!(
                String::from_utf8(got).unwrap(),
                String::from_utf8(want).unwrap()
            );
        }
        let mut want = Vec::new();
        document(&mut want, &wire::extract_doc(&c.corpus)).unwrap();
        let mut got = Vec::new();
        extract_document(&mut got, &c.corpus).unwrap();
        assert_eq!(
            String::from_utf8(got).unwrap(),
            String::from_utf8(want).unwrap()
        );
        // Empty arrays print as `[]`, as serde_json prints them.
        let empty = Corpus::default();
        let (mut want, mut got) = (Vec::new(), Vec::new());
        document(&mut want, &wire::extract_doc(&empty)).unwrap();
        extract_document(&mut got, &empty).unwrap();
        assert_eq!(got, want);
    }

    #[test]
    fn json_lines_carry_each_sentence_once_before_its_first_claim() {
        let (c, _) = seed();
        let mut out = Vec::new();
        compare_lines(&mut out, &c, &Filter::default(), None).unwrap();
        let mut sentences = std::collections::HashSet::new();
        let (mut claims, mut lines) = (0, 0);
        for line in String::from_utf8(out).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let data = &v["data"];
            match v["type"].as_str().unwrap() {
                "sentence" => {
                    let key = (data["source"].to_string(), data["start"].as_u64());
                    assert!(sentences.insert(key), "sentence twice: {line}");
                    assert!(data["text"].as_str().is_some_and(|t| !t.is_empty()));
                    lines += 1;
                }
                "claim" => {
                    let s = &data["sentence"];
                    assert!(s.get("text").is_none(), "{line}");
                    let id = data["id"].as_str().unwrap();
                    let source = id.rsplit_once('#').unwrap().0;
                    let key = (serde_json::json!(source).to_string(), s["start"].as_u64());
                    assert!(sentences.contains(&key), "no sentence line before {line}");
                    claims += 1;
                }
                _ => {}
            }
        }
        let total: usize = c.corpus.articles.iter().map(|a| a.claims.len()).sum();
        assert_eq!(claims, total);
        // Several claims share a sentence in the seed articles.
        assert!(lines < claims, "{lines} sentences, {claims} claims");
    }

    /// The lines as serde_json writes the wire structs, one at a time: what the hand-written
    /// lines of `report::jsonl` must give byte for byte.
    fn serde_lines(a: &Article) -> String {
        let mut out = Vec::new();
        let mut l = Lines::new(&mut out);
        l.line("source", &wire::source_json(a, None)).unwrap();
        let mut at = 0;
        let mut said = std::collections::HashSet::new();
        let text = |l: &mut Lines, start: usize, end: usize| {
            if start < end {
                let t = wire::TextLineJson {
                    source: a.source.id.clone(),
                    start,
                    text: a.source.text[start..end].to_string(),
                };
                l.line("text", &t).unwrap();
            }
        };
        for c in &a.claims {
            if said.insert(c.sentence.start()) {
                text(&mut l, at, c.sentence.start());
                l.line("sentence", &wire::sentence_line(a, c)).unwrap();
                at = at.max(c.sentence.end());
            }
            let j = wire::ClaimLineJson::from_claim(wire::claim_json(c, a.text_around(c)));
            l.line("claim", &j).unwrap();
        }
        text(&mut l, at, a.source.text.len());
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn hand_written_lines_are_the_wire_structs_byte_for_byte() {
        let (c, _) = seed();
        let mut dates = 0;
        for a in &c.corpus.articles {
            dates += a.claims.iter().filter(|c| c.date.is_some()).count();
            let mut got = Vec::new();
            Lines::new(&mut got).extracted(a, &a.claims).unwrap();
            assert_eq!(
                String::from_utf8(got).unwrap(),
                serde_lines(a),
                "{}",
                a.source.id
            );
        }
        // Derived claims, equivalents and partial dates: `jsonl`'s own test.
        assert!(dates > 0);
    }
}
