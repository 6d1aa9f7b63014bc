//! Reading articles: walking files, folders and globs, decoding bytes to text (UTF-8 with or
//! without BOM, UTF-16 with a BOM, old Mac line ends), refusing binary and oversized files, and
//! the line index that turns a byte offset into line:column for people. A file that cannot be
//! read is reported and the run goes on with the others; what was passed over is kept with its
//! [`SkipKind`], so a CI gate can tell an article it could not read from a photo beside it.
//! Files are told apart by device and inode (no `canonicalize` per file: 1,000 nested folders
//! cost a `readlink` per level per file that way), FIFOs are opened without blocking, and a
//! file whose real place lies outside the project folder is marked as such.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// Byte offset → 1-based line and column (column counted in characters).
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        // Room for lines of a hundred bytes on average: articles seldom grow it.
        let mut starts = Vec::with_capacity(text.len() / 100 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// Where the lines start: 0, then one past each line break.
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// 1-based (line, column) of byte `offset` in `text` (the text this index was built on).
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let end = offset.min(text.len()).max(start);
        let column = text
            .get(start..end)
            .map_or(end - start, |s| s.chars().count())
            + 1;
        (line, column)
    }

    /// Like [`LineIndex::line_col`], but counts characters from the cursor's last position when
    /// `offset` is further on the same line, so asking for positions in increasing order costs
    /// linear time overall even on a single huge line.
    pub fn line_col_at(
        &self,
        text: &str,
        offset: usize,
        cursor: &mut LineCursor,
    ) -> (usize, usize) {
        let offset = offset.min(text.len());
        // Most positions lie on the cursor's line: no search then.
        let on_cursor_line = cursor.line >= 1
            && self
                .starts
                .get(cursor.line - 1)
                .is_some_and(|&s| s <= offset)
            && self
                .starts
                .get(cursor.line)
                .is_none_or(|&next| offset < next);
        let line = if on_cursor_line {
            cursor.line
        } else {
            self.starts.partition_point(|&s| s <= offset).max(1)
        };
        let start = self.starts[line - 1];
        let column = if cursor.line == line && cursor.offset >= start {
            // Count from the cursor, forwards or backwards: positions asked for near each other
            // cost their distance, not the length of the line.
            let (lo, hi) = (cursor.offset.min(offset), cursor.offset.max(offset));
            let between = text.get(lo..hi).map_or(hi - lo, chars_in);
            if offset >= cursor.offset {
                cursor.column + between
            } else {
                cursor.column - between
            }
        } else {
            1 + text.get(start..offset).map_or(offset - start, chars_in)
        };
        *cursor = LineCursor {
            offset,
            line,
            column,
        };
        (line, column)
    }
}

/// The characters of `s`: its length when it is ASCII, which most stretches between two
/// claims are even on a line with a curly quote (the ASCII test runs wider than the count).
fn chars_in(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// 1-based (line, column in characters) of byte `offset` in `text`: the one byte → line:col
/// of the crate, for a single lookup (a config error); keep a [`LineIndex`] to ask many times.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(text, offset)
}

/// The last position [`LineIndex::line_col_at`] computed.
#[derive(Debug, Clone, Copy, Default)]
pub struct LineCursor {
    offset: usize,
    line: usize,
    column: usize,
}

/// One decoded article.
#[derive(Debug, Clone)]
pub struct Source {
    /// Stable id: claims.toml's `id`, else the file stem (the path when stems collide).
    pub id: String,
    /// The path as given or found (for messages and the export); "-"'s `--stdin-name` for stdin.
    pub path: PathBuf,
    pub text: String,
    /// Size in bytes before decoding.
    pub bytes: u64,
    /// Where the file really is, when that lies outside the project folder
    /// ([`ReadOptions::root`]): a `..` path, an absolute path, or a symbolic link leading out.
    pub outside: Option<PathBuf>,
    /// The file's identity (device and inode where there are such), for matching it with
    /// claims.toml's `[[source]] file` without resolving paths again.
    pub file_id: Option<FileId>,
}

/// A file's identity: device and inode on Unix (two paths to one file, through symbolic or
/// hard links, are one file), the canonical path elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileId(FileKey);

#[cfg(unix)]
type FileKey = (u64, u64);
#[cfg(not(unix))]
type FileKey = PathBuf;

impl FileId {
    /// The identity of the file at `path` whose metadata (symbolic links followed) is `meta`.
    pub fn of(path: &Path, meta: &fs::Metadata) -> FileId {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let _ = path;
            FileId((meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            FileId(fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()))
        }
    }

    /// The identity of the file at `path`, symbolic links followed.
    pub fn of_path(path: &Path) -> std::io::Result<FileId> {
        Ok(FileId::of(path, &fs::metadata(path)?))
    }
}

/// The largest article read by default: 16 MiB. Anything bigger is skipped, not read.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Extensions (compared case-insensitively) of files taken when walking a folder; files with no
/// extension are taken too. Files named explicitly are read whatever their extension.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text"];

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
const UTF16LE_BOM: &[u8] = &[0xFF, 0xFE];
const UTF16BE_BOM: &[u8] = &[0xFE, 0xFF];

/// One thing to read, as the CLI layer hands it over. Each must give at least one article
/// (read, or found and not readable): one that matches nothing is an error naming it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or folder. `explicit`: named on the command line or in the config as a file (read
    /// whatever its extension; a binary file is an error), as opposed to found by walking or
    /// globbing (filtered by extension; a binary file is skipped).
    Path { path: PathBuf, explicit: bool },
    /// `*` and `?` in the last component of a path (`corpus/*.txt`): the matching entries of
    /// that folder, in byte order of their names, each taken as if found by walking.
    Glob { pattern: PathBuf },
    /// Standard input (`-`), named by `--stdin-name`.
    Stdin { name: String },
}

/// Limits for reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Files (and stdin) larger than this many bytes are skipped.
    pub max_bytes: u64,
    /// The project folder (claims.toml's): a file whose real place lies outside it is read,
    /// and marked in [`Source::outside`]. `None`: nothing is marked.
    pub root: Option<PathBuf>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            root: None,
        }
    }
}

/// Why a file was passed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipKind {
    /// Found by walking or globbing, with an extension that is not an article's.
    Extension,
    /// Found by walking or globbing, with NUL bytes: binary, or UTF-16 without a BOM.
    Binary,
    /// Over `[input] max_bytes`.
    TooLarge,
    /// A symbolic link that leads nowhere.
    Dangling,
    /// A symbolic link back to a folder being walked (what it leads to is read once).
    SymlinkLoop,
    /// A FIFO, socket or device met while walking.
    NotRegular,
}

impl SkipKind {
    /// An article that was meant to be read and was not: binary, too large, or a dangling
    /// link with an article's name. `claims check` fails on one (a conflict in it would go
    /// unseen); a photo beside the articles or a loop back to a folder already read is not one.
    pub fn unread_article(self) -> bool {
        matches!(
            self,
            SkipKind::Binary | SkipKind::TooLarge | SkipKind::Dangling
        )
    }
}

/// A file deliberately not read (wrong extension, binary, too large, symlink loop, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file, as given or found.
    pub path: PathBuf,
    /// Why, for people.
    pub reason: String,
    /// Why, for programs.
    pub kind: SkipKind,
}

impl Skipped {
    /// Over `[input] max_bytes`: worth a warning even without `-v`, unlike most other skips.
    pub fn too_large(&self) -> bool {
        self.kind == SkipKind::TooLarge
    }
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: skipped: {}", self.path.display(), self.reason)
    }
}

/// A file that should have been read but could not be: missing, unreadable, not decodable.
/// The run goes on with the other files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub path: PathBuf,
    pub message: String,
    /// 1-based line of a decode error in the file's bytes (line:col is byte-based: the line is
    /// one more than the number of newlines before the bad byte, the column one more than the
    /// number of bytes between the line start and the bad byte; a BOM is not counted).
    pub line: Option<usize>,
    /// 1-based byte column of a decode error; see `line`.
    pub column: Option<usize>,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(col)) => {
                write!(f, "{}:{line}:{col}: {}", self.path.display(), self.message)
            }
            _ => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for SourceError {}

/// Why bytes are not an article's text. Offsets are byte offsets in the file's bytes (BOM
/// included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// A NUL byte in a file without a UTF-16 BOM, or a NUL character in a UTF-16 file.
    Binary { offset: usize },
    /// Not UTF-8: `offset` is the first byte of the first invalid sequence.
    InvalidUtf8 { offset: usize },
    /// UTF-16 with a BOM but an unpaired surrogate or a dangling odd byte at `offset`.
    InvalidUtf16 { offset: usize },
    /// NUL bytes where UTF-16 text without a byte-order mark has them (every other byte):
    /// binary to the reader, but the message says how to convert it. `order` is `"UTF-16LE"`
    /// or `"UTF-16BE"`.
    Utf16WithoutBom { offset: usize, order: &'static str },
}

impl DecodeError {
    /// Byte offset of the offending byte in the file's bytes.
    pub fn offset(&self) -> usize {
        match *self {
            DecodeError::Binary { offset }
            | DecodeError::InvalidUtf8 { offset }
            | DecodeError::InvalidUtf16 { offset }
            | DecodeError::Utf16WithoutBom { offset, .. } => offset,
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary { offset } => {
                write!(f, "binary file (NUL byte at offset {offset})")
            }
            DecodeError::InvalidUtf8 { offset } => {
                write!(f, "invalid UTF-8 at byte offset {offset}")
            }
            DecodeError::InvalidUtf16 { offset } => {
                write!(f, "invalid UTF-16 at byte offset {offset}")
            }
            DecodeError::Utf16WithoutBom { offset, order } => write!(
                f,
                "binary file (NUL byte at offset {offset}){}",
                utf16_hint(order)
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Bytes → text. UTF-8 with or without a BOM (the BOM is dropped); UTF-16 LE or BE when the
/// bytes start with its BOM. A NUL byte (outside UTF-16) means binary (with a hint when the
/// bytes look like UTF-16 without a BOM). A carriage return not followed by a line feed (old
/// Mac line ends) becomes a line feed, one byte for one, so offsets do not move and such a file
/// has lines and paragraphs like any other. Empty input is valid.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    decode_vec(bytes.to_vec()).map_err(|(e, _)| e)
}

/// [`decode`] of bytes read for the purpose: UTF-8 becomes the text in place, without a copy
/// (an archive's texts were copied once more than read). What is not text gives its bytes
/// back with why, to say where ([`DecodeError::offset`]).
pub fn decode_vec(bytes: Vec<u8>) -> Result<String, (DecodeError, Vec<u8>)> {
    let text = if let Some(body) = bytes.strip_prefix(UTF16LE_BOM) {
        match decode_utf16(body, UTF16LE_BOM.len(), u16::from_le_bytes) {
            Ok(text) => text,
            Err(e) => return Err((e, bytes)),
        }
    } else if let Some(body) = bytes.strip_prefix(UTF16BE_BOM) {
        match decode_utf16(body, UTF16BE_BOM.len(), u16::from_be_bytes) {
            Ok(text) => text,
            Err(e) => return Err((e, bytes)),
        }
    } else {
        return decode_utf8(bytes);
    };
    Ok(lone_cr_to_lf(text))
}

/// [`decode_vec`] of bytes without a UTF-16 BOM. One pass finds the NUL that makes them binary
/// and the carriage returns to make line feeds (a pass each read every text twice).
fn decode_utf8(mut bytes: Vec<u8>) -> Result<String, (DecodeError, Vec<u8>)> {
    let mut lone = Vec::new();
    for i in memchr::memchr2_iter(0, b'\r', &bytes) {
        if bytes[i] == 0 {
            let e = match utf16_without_bom(&bytes) {
                Some(order) => DecodeError::Utf16WithoutBom { offset: i, order },
                None => DecodeError::Binary { offset: i },
            };
            return Err((e, bytes));
        }
        if bytes.get(i + 1) != Some(&b'\n') {
            lone.push(i);
        }
    }
    let skip = if bytes.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else {
        0
    };
    bytes.drain(..skip);
    match String::from_utf8(bytes) {
        // The BOM is no carriage return: each lone one is `skip` bytes further in the bytes.
        Ok(text) => Ok(line_feeds_at(text, lone.iter().map(|&i| i - skip))),
        Err(e) => {
            let offset = skip + e.utf8_error().valid_up_to();
            // The BOM back in front: offsets are the file's.
            let mut bytes = UTF8_BOM[..skip].to_vec();
            bytes.extend_from_slice(e.as_bytes());
            Err((DecodeError::InvalidUtf8 { offset }, bytes))
        }
    }
}

/// What to do with a file that looks like UTF-16 without a BOM.
fn utf16_hint(order: &str) -> String {
    format!(
        "; it looks like {order} text without a byte-order mark: convert it to UTF-8 \
         (iconv -f {order} -t UTF-8)"
    )
}

/// The fewest 2-byte units [`utf16_without_bom`] judges by: below, a stray NUL says nothing.
const UTF16_SNIFF_MIN_UNITS: usize = 8;
/// How much of a file's start [`utf16_without_bom`] looks at.
const UTF16_SNIFF_BYTES: usize = 4096;
/// The least share of NULs among the bytes at one parity (and the most at the other) for text to
/// look like UTF-16 without a BOM: Latin-script UTF-16 has a NUL in nearly every other byte.
const UTF16_SNIFF_SHARE: (f64, f64) = (0.4, 0.05);

/// `"UTF-16LE"` or `"UTF-16BE"` when the start of `bytes` looks like UTF-16 without a BOM.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(UTF16_SNIFF_BYTES) & !1];
    let pairs = head.len() / 2;
    if pairs < UTF16_SNIFF_MIN_UNITS {
        return None;
    }
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count() as f64 / pairs as f64;
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count() as f64 / pairs as f64;
    let (most, least) = UTF16_SNIFF_SHARE;
    if odd >= most && even <= least {
        Some("UTF-16LE")
    } else if even >= most && odd <= least {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// Every carriage return not followed by a line feed becomes a line feed (both are one byte,
/// so no offset moves); CRLF stays as it is.
fn lone_cr_to_lf(text: String) -> String {
    let bytes = text.as_bytes();
    let lone: Vec<usize> = memchr::memchr_iter(b'\r', bytes)
        .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
        .collect();
    line_feeds_at(text, lone)
}

/// `text` with a line feed at each of `lone`, carriage returns of it.
fn line_feeds_at(text: String, lone: impl IntoIterator<Item = usize>) -> String {
    let mut lone = lone.into_iter().peekable();
    if lone.peek().is_none() {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in lone {
        bytes[i] = b'\n';
    }
    // One ASCII byte replaced by another: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `body` follows a UTF-16 BOM of `skip` bytes; `unit` reads one code unit.
fn decode_utf16(body: &[u8], skip: usize, unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    let at = |i: usize| unit([body[i], body[i + 1]]);
    let mut text = String::with_capacity(body.len());
    let mut i = 0;
    while i + 1 < body.len() {
        let u = at(i);
        match u {
            0 => return Err(DecodeError::Binary { offset: skip + i }),
            0xD800..=0xDBFF => {
                let low = (i + 3 < body.len()).then(|| at(i + 2));
                match low {
                    Some(lo @ 0xDC00..=0xDFFF) => {
                        let c =
                            0x10000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(lo) - 0xDC00);
                        text.push(
                            char::from_u32(c)
                                .ok_or(DecodeError::InvalidUtf16 { offset: skip + i })?,
                        );
                        i += 4;
                        continue;
                    }
                    _ => return Err(DecodeError::InvalidUtf16 { offset: skip + i }),
                }
            }
            0xDC00..=0xDFFF => return Err(DecodeError::InvalidUtf16 { offset: skip + i }),
            _ => text.push(
                char::from_u32(u32::from(u))
                    .ok_or(DecodeError::InvalidUtf16 { offset: skip + i })?,
            ),
        }
        i += 2;
    }
    if body.len() % 2 == 1 {
        return Err(DecodeError::InvalidUtf16 {
            offset: skip + body.len() - 1,
        });
    }
    Ok(text)
}

/// Byte-based 1-based (line, column) of `offset` in a file's raw `bytes`, for decode errors.
/// In UTF-16 files newlines are the code unit U+000A; a leading BOM is not counted.
fn raw_line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(bytes.len());
    let (mut line, mut start) = (1, 0);
    let utf16 = if bytes.starts_with(UTF16LE_BOM) {
        Some(true)
    } else if bytes.starts_with(UTF16BE_BOM) {
        Some(false)
    } else {
        None
    };
    match utf16 {
        Some(le) => {
            start = 2;
            let mut i = 2;
            while i + 2 <= offset {
                let newline = if le {
                    bytes[i] == b'\n' && bytes[i + 1] == 0
                } else {
                    bytes[i] == 0 && bytes[i + 1] == b'\n'
                };
                if newline {
                    line += 1;
                    start = i + 2;
                }
                i += 2;
            }
        }
        None => {
            if bytes.starts_with(UTF8_BOM) && offset >= UTF8_BOM.len() {
                start = UTF8_BOM.len();
            }
            // A lone CR is a line end too, as `decode` reads it.
            for (i, &b) in bytes[..offset].iter().enumerate() {
                if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    line += 1;
                    start = i + 1;
                }
            }
        }
    }
    (line, offset.saturating_sub(start) + 1)
}

impl Source {
    /// A source from text already in memory (tests, benches, the library API).
    pub fn from_text(id: &str, path: PathBuf, text: String) -> Source {
        from_text(id, path, text)
    }

    /// 1-based (line, column in characters) of byte `offset` in this source's text. A source
    /// holds no line index: nothing of a run asks it for lines and columns (the extractor
    /// indexes the lines it needs itself, and `extract` writes byte offsets).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(&self.text, offset)
    }
}

/// A source from text already in memory: `bytes` is the text's length.
pub fn from_text(id: &str, path: PathBuf, text: String) -> Source {
    Source {
        id: id.to_owned(),
        path,
        bytes: text.len() as u64,
        text,
        outside: None,
        file_id: None,
    }
}

/// What reading the inputs gave: the articles, the files passed over on purpose, and the
/// failures (each already naming its file).
#[derive(Debug, Default)]
pub struct Collected {
    pub sources: Vec<Source>,
    pub skipped: Vec<Skipped>,
    pub errors: Vec<SourceError>,
}

/// Read every input: files, folders (walked recursively in file-name byte order, hidden entries
/// left out, symlinks followed with loops detected), globs, and stdin. Sources keep the input
/// order (sorted order within a folder); a file reached twice (same device and inode) is read
/// once. An input that gives no article at all (an empty folder, a glob that matches nothing,
/// a folder of photos) is an error naming it. Ids are file stems, or the extension-less
/// '/'-separated path for every source whose stem collides with another's; stdin's id is its
/// name.
pub fn read_all(inputs: &[Input], opts: &ReadOptions, stdin: &mut dyn Read) -> Collected {
    walk(inputs, opts, stdin).read_all()
}

/// Walk every input as [`read_all`] does, without reading the files yet: what the walk met, in
/// order, to be read one source at a time ([`Walk::next_source`]), so an archive streams
/// through memory instead of being read whole first. Stdin is read here.
pub fn walk(inputs: &[Input], opts: &ReadOptions, stdin: &mut dyn Read) -> Walk {
    let root = opts.root.as_deref().and_then(|r| fs::canonicalize(r).ok());
    let mut reader = Reader {
        opts,
        root,
        steps: Vec::new(),
        seen_dirs: HashSet::new(),
        stdin_read: false,
        found: 0,
    };
    for input in inputs {
        let before = reader.found;
        match input {
            Input::Stdin { name } => reader.stdin(name, stdin),
            Input::Path { path, explicit } => {
                reader.path(path, *explicit, None);
                if reader.found == before {
                    reader.error(path, "no article file in this folder");
                }
            }
            Input::Glob { pattern } => {
                reader.glob(pattern);
                if reader.found == before {
                    reader.error(pattern, "no article file matches this glob");
                }
            }
        }
    }
    let mut steps = reader.steps;
    steps.reverse(); // Taken from the end, in input order.
    Walk {
        steps,
        max_bytes: opts.max_bytes,
        seen_files: HashSet::new(),
        keys: Vec::new(),
        skipped: Vec::new(),
        errors: Vec::new(),
    }
}

/// Something the walk met, in input order: a file to read, stdin's bytes, or a problem.
enum Step {
    File(FileStep),
    Stdin { path: PathBuf, bytes: Vec<u8> },
    Skipped(Skipped),
    Error(SourceError),
}

/// The most room made for a file before reading it (the size the walk saw, plus one byte); a
/// larger one is read into a growing buffer, as if its size were unknown.
const READ_ROOM_MAX: u64 = 64 << 20;

/// A file the walk found, to be read when its turn comes.
struct FileStep {
    path: PathBuf,
    explicit: bool,
    /// Its size when walked.
    len: u64,
    fifo: bool,
    id: FileId,
    outside: Option<PathBuf>,
}

/// The inputs walked ([`walk`]), read one source at a time in input order. The problems met
/// so far (the walk's, then the reads') are kept in input order, as [`read_all`] gives them.
pub struct Walk {
    /// The steps not taken yet, the next one last.
    steps: Vec<Step>,
    max_bytes: u64,
    /// Files read so far (a file reached twice is read once).
    seen_files: HashSet<FileId>,
    /// How the candidate ids of each source read are made (made only when
    /// [`Walk::read_all_with`] needs them: a streamed read never does).
    keys: Vec<Ids>,
    pub skipped: Vec<Skipped>,
    pub errors: Vec<SourceError>,
}

/// What [`Walk::candidates`] says of a file or stdin still to read.
pub struct Candidate<'a> {
    pub path: &'a Path,
    /// The id it gets when no other source's stem is its own: its file stem (stdin: its name),
    /// borrowed from its path when that is UTF-8.
    pub stem: Cow<'a, str>,
    pub file_id: Option<&'a FileId>,
}

impl Walk {
    /// The files (and stdin) still to read, in order: each may turn out a source or a problem.
    pub fn candidates(&self) -> Vec<Candidate<'_>> {
        self.steps
            .iter()
            .rev()
            .filter_map(|s| match s {
                Step::File(f) => Some(Candidate {
                    path: &f.path,
                    stem: stem_of(&f.path),
                    file_id: Some(&f.id),
                }),
                Step::Stdin { path, .. } => Some(Candidate {
                    path,
                    stem: path.to_string_lossy(),
                    file_id: None,
                }),
                _ => None,
            })
            .collect()
    }

    /// The next source in input order, read and decoded, with its stem as its id (see
    /// [`Walk::candidates`]); the problems met on the way are added to `skipped` and `errors`.
    /// `None` when every input is read.
    pub fn next_source(&mut self) -> Option<Source> {
        while let Some(unread) = self.next_unread() {
            if let Some(source) = self.accept(unread.read()) {
                return Some(source);
            }
        }
        None
    }

    /// The next thing the walk met, in input order, to be read ([`Unread::read`], on any
    /// thread) and handed back in the same order ([`Walk::accept`]). `None` when every input
    /// is taken. A file read already by another route is passed over.
    pub fn next_unread(&mut self) -> Option<Unread> {
        while let Some(step) = self.steps.pop() {
            if let Step::File(f) = &step
                && self.seen_files.contains(&f.id)
            {
                continue;
            }
            return Some(Unread {
                step,
                max_bytes: self.max_bytes,
            });
        }
        None
    }

    /// What reading one [`Walk::next_unread`] gave, taken in the order they were given out:
    /// the source, or `None` with the problem added to `skipped` or `errors`. A file read by
    /// two routes counts once, the first.
    pub fn accept(&mut self, fetched: Fetched) -> Option<Source> {
        if let Some(id) = fetched.file {
            if self.seen_files.contains(&id) {
                return None;
            }
            if fetched.read_whole {
                self.seen_files.insert(id);
            }
        }
        match fetched.outcome {
            Outcome::Source(source, ids) => {
                self.keys.push(ids);
                Some(source)
            }
            Outcome::Skipped(s) => {
                self.skipped.push(s);
                None
            }
            Outcome::Error(e) => {
                self.errors.push(e);
                None
            }
        }
    }

    /// Read every source left, with ids made unique over all of them (see [`unique_ids`]).
    pub fn read_all(self) -> Collected {
        self.read_all_with(|unread| unread.into_iter().map(Unread::read).collect())
    }

    /// [`Walk::read_all`], `read` reading every [`Unread`] and giving what each gave in the
    /// same order (on threads, say).
    pub fn read_all_with(mut self, read: impl FnOnce(Vec<Unread>) -> Vec<Fetched>) -> Collected {
        let unread: Vec<Unread> = std::iter::from_fn(|| self.next_unread()).collect();
        let mut sources = Vec::new();
        for fetched in read(unread) {
            sources.extend(self.accept(fetched));
        }
        let keys: Vec<IdKeys> = (sources.iter().zip(&self.keys))
            .map(|(s, ids)| ids.keys(&s.path))
            .collect();
        let ids = unique_ids(&keys);
        for (source, id) in sources.iter_mut().zip(ids) {
            source.id = id;
        }
        Collected {
            sources,
            skipped: self.skipped,
            errors: self.errors,
        }
    }
}

/// Something the walk met, not read yet ([`Walk::next_unread`]): reading it needs nothing of
/// the walk, so the sources of an archive can be read on several threads, the reads handed back
/// in order ([`Walk::accept`]).
pub struct Unread {
    step: Step,
    max_bytes: u64,
}

/// What reading an [`Unread`] gave, for [`Walk::accept`].
pub struct Fetched {
    /// The file read, if a file: a second route to it is not read again.
    file: Option<FileId>,
    /// True when the file's bytes were all read (then it counts as read, text or not).
    read_whole: bool,
    outcome: Outcome,
}

/// A source, or why there is none.
enum Outcome {
    Source(Source, Ids),
    Skipped(Skipped),
    Error(SourceError),
}

impl Unread {
    /// The bytes it is expected to hold: a file's size when walked (0 for a problem).
    pub fn size(&self) -> u64 {
        match &self.step {
            Step::File(f) => f.len,
            Step::Stdin { bytes, .. } => bytes.len() as u64,
            Step::Skipped(_) | Step::Error(_) => 0,
        }
    }

    /// Read and decode it.
    pub fn read(self) -> Fetched {
        let outcome = match self.step {
            Step::File(f) => return read_file(f, self.max_bytes),
            Step::Stdin { path, bytes } => decoded(path, bytes, true, Ids::Name, None, None),
            Step::Skipped(s) => Outcome::Skipped(s),
            Step::Error(e) => Outcome::Error(e),
        };
        Fetched {
            file: None,
            read_whole: false,
            outcome,
        }
    }
}

/// Read a file the walk found, up to `max_bytes`, and decode it.
fn read_file(f: FileStep, max_bytes: u64) -> Fetched {
    let error = |path: &Path, message: String| {
        Outcome::Error(SourceError {
            path: path.to_owned(),
            message,
            line: None,
            column: None,
        })
    };
    // Room for the whole file and one byte more, so that it is read in one call and the end
    // found by the next (an empty vector is grown from a 32-byte probe, read by read).
    let room = f.len.min(max_bytes).saturating_add(1).min(READ_ROOM_MAX);
    let mut bytes = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    let read = open_for_reading(&f.path, f.fifo).and_then(|file| {
        file.take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
    });
    let outcome = if let Err(e) = read {
        error(&f.path, e.to_string())
    } else if f.fifo && bytes.is_empty() {
        error(
            &f.path,
            "a FIFO with nothing written to it (no writer?); pipe the text to `-` instead".into(),
        )
    } else if bytes.len() as u64 > max_bytes {
        let size = f.len.max(bytes.len() as u64);
        Outcome::Skipped(Skipped {
            path: f.path,
            reason: too_large(size, max_bytes),
            kind: SkipKind::TooLarge,
        })
    } else {
        let outcome = decoded(
            f.path,
            bytes,
            f.explicit,
            Ids::Path,
            Some(f.id.clone()),
            f.outside,
        );
        return Fetched {
            file: Some(f.id),
            read_whole: true,
            outcome,
        };
    };
    Fetched {
        file: Some(f.id),
        read_whole: false,
        outcome,
    }
}

/// The source `bytes` are, or why they are none: binary bytes are passed over unless the file
/// was named (`explicit`); bytes that are not text are an error at their line and column.
fn decoded(
    path: PathBuf,
    bytes: Vec<u8>,
    explicit: bool,
    ids: Ids,
    file_id: Option<FileId>,
    outside: Option<PathBuf>,
) -> Outcome {
    let size = bytes.len() as u64;
    match decode_vec(bytes) {
        Ok(text) => {
            let source = Source {
                id: ids.first(&path),
                path,
                bytes: size,
                text,
                outside,
                file_id,
            };
            Outcome::Source(source, ids)
        }
        Err((e @ (DecodeError::Binary { .. } | DecodeError::Utf16WithoutBom { .. }), _))
            if !explicit =>
        {
            let reason = match e {
                DecodeError::Utf16WithoutBom { offset, order } => {
                    format!("binary (NUL byte at offset {offset}){}", utf16_hint(order))
                }
                _ => format!("binary (NUL byte at offset {})", e.offset()),
            };
            Outcome::Skipped(Skipped {
                path,
                reason,
                kind: SkipKind::Binary,
            })
        }
        Err((e, bytes)) => {
            let (line, column) = raw_line_col(&bytes, e.offset());
            Outcome::Error(SourceError {
                path,
                message: e.to_string(),
                line: Some(line),
                column: Some(column),
            })
        }
    }
}

/// Why a file over the size limit is not read.
fn too_large(size: u64, max_bytes: u64) -> String {
    format!("too large: {size} bytes, over the limit of {max_bytes} bytes")
}

/// Candidate ids of one source, from shortest to longest: stem, path without extension, path.
type IdKeys = [String; 3];

/// How a source's candidate ids ([`IdKeys`]) follow from its path: a file's from its path
/// ([`id_keys`]), stdin's are its name three times.
#[derive(Debug, Clone, Copy)]
enum Ids {
    Path,
    Name,
}

impl Ids {
    /// The candidate ids of the source at `path`.
    fn keys(self, path: &Path) -> IdKeys {
        match self {
            Ids::Path => id_keys(path),
            Ids::Name => {
                let name = path.to_string_lossy().into_owned();
                [name.clone(), name.clone(), name]
            }
        }
    }

    /// The first of [`Ids::keys`], without the others.
    fn first(self, path: &Path) -> String {
        match self {
            Ids::Path => stem_of(path).into_owned(),
            Ids::Name => path.to_string_lossy().into_owned(),
        }
    }
}

/// The walk of [`walk`]: what it meets goes to `steps`, in order.
struct Reader<'a> {
    opts: &'a ReadOptions,
    /// The project folder, canonical.
    root: Option<PathBuf>,
    steps: Vec<Step>,
    seen_dirs: HashSet<FileId>,
    stdin_read: bool,
    /// Articles reached so far: read, failed, unread (binary, too large, dangling) or reached
    /// again by another route. An input that adds none matched nothing.
    found: usize,
}

impl Reader<'_> {
    fn skip(&mut self, path: &Path, kind: SkipKind, reason: impl Into<String>) {
        if kind.unread_article() {
            self.found += 1;
        }
        self.steps.push(Step::Skipped(Skipped {
            path: path.to_owned(),
            reason: reason.into(),
            kind,
        }));
    }

    fn error(&mut self, path: &Path, message: impl Into<String>) {
        self.found += 1;
        self.steps.push(Step::Error(SourceError {
            path: path.to_owned(),
            message: message.into(),
            line: None,
            column: None,
        }));
    }

    /// The real place of `path` when it lies outside the project folder.
    fn outside(&self, path: &Path) -> Option<PathBuf> {
        let root = self.root.as_ref()?;
        let real = fs::canonicalize(path).ok()?;
        (!real.starts_with(root)).then_some(real)
    }

    fn stdin(&mut self, name: &str, stdin: &mut dyn Read) {
        if std::mem::replace(&mut self.stdin_read, true) {
            self.found += 1;
            return; // `-` given twice: stdin is read once.
        }
        let path = PathBuf::from(name);
        let mut bytes = Vec::new();
        if let Err(e) = stdin
            .take(self.opts.max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
        {
            return self.error(&path, e.to_string());
        }
        if bytes.len() as u64 > self.opts.max_bytes {
            let reason = format!(
                "too large: more than the limit of {} bytes",
                self.opts.max_bytes
            );
            return self.skip(&path, SkipKind::TooLarge, reason);
        }
        self.found += 1;
        self.steps.push(Step::Stdin { path, bytes });
    }

    /// A file or folder named, or matched by a glob (`explicit` false). `outside`: its real
    /// place outside the project folder, when the caller knows it already.
    fn path(&mut self, path: &Path, explicit: bool, outside: Option<PathBuf>) {
        if !explicit && is_hidden(path) {
            return;
        }
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => {
                if !explicit && fs::symlink_metadata(path).is_ok() {
                    return self.dangling(path, &e);
                }
                return self.error(path, e.to_string());
            }
        };
        let outside = outside.or_else(|| self.outside(path));
        if meta.is_dir() {
            let id = FileId::of(path, &meta);
            if self.seen_dirs.insert(id.clone()) {
                let mut ancestors = vec![(id, path.to_owned())];
                self.walk(path, &mut ancestors, outside.as_deref());
            } else {
                self.found += 1; // Walked already by another route.
            }
        } else if explicit || meta.is_file() {
            self.file(path, &meta, explicit, outside);
        } else {
            self.skip(path, SkipKind::NotRegular, "not a regular file");
        }
    }

    /// The entries of `pattern`'s folder whose names match its last component.
    fn glob(&mut self, pattern: &Path) {
        let dir = match pattern.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let pat = pattern
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.error(dir, e.to_string()),
        };
        let mut names: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| wildcard(&pat, &e.file_name().to_string_lossy()))
            .map(|e| e.path())
            .collect();
        names.sort_by(|a, b| {
            a.as_os_str()
                .as_encoded_bytes()
                .cmp(b.as_os_str().as_encoded_bytes())
        });
        for path in names {
            self.path(&path, false, None);
        }
    }

    /// A symbolic link that leads nowhere, met by walking or globbing.
    fn dangling(&mut self, path: &Path, e: &std::io::Error) {
        let kind = if has_article_extension(path) {
            SkipKind::Dangling
        } else {
            SkipKind::NotRegular
        };
        self.skip(path, kind, format!("unresolvable symbolic link: {e}"));
    }

    /// Walk `dir`, whose identity is the last of `ancestors` (identity, as found). `outside`:
    /// `dir`'s real place when it lies outside the project folder.
    fn walk(&mut self, dir: &Path, ancestors: &mut Vec<(FileId, PathBuf)>, outside: Option<&Path>) {
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.error(dir, e.to_string()),
        };
        // Each entry with its name, asked for once (`file_name` makes a new string each time,
        // and the sort compares every name some log n times).
        let mut found = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => found.push((entry.file_name(), entry)),
                Err(e) => self.error(dir, e.to_string()),
            }
        }
        found.sort_by(|(a, _), (b, _)| a.as_encoded_bytes().cmp(b.as_encoded_bytes()));
        for (name, entry) in found {
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let path = entry.path();
            let file_type = match entry.file_type() {
                Ok(t) => t,
                Err(e) => {
                    self.error(&path, e.to_string());
                    continue;
                }
            };
            // A link may lead anywhere: look where; anything else is where its folder is.
            let (meta, outside) = if file_type.is_symlink() {
                match fs::metadata(&path) {
                    Ok(meta) => (meta, self.outside(&path)),
                    Err(e) => {
                        self.dangling(&path, &e);
                        continue;
                    }
                }
            } else {
                match entry.metadata() {
                    Ok(meta) => (meta, outside.map(|o| o.join(&name))),
                    Err(e) => {
                        self.error(&path, e.to_string());
                        continue;
                    }
                }
            };
            if meta.is_dir() {
                let id = FileId::of(&path, &meta);
                if let Some((_, seen_as)) = ancestors.iter().find(|(c, _)| *c == id) {
                    let reason = format!("symlink loop: leads back to {}", seen_as.display());
                    self.skip(&path, SkipKind::SymlinkLoop, reason);
                    continue;
                }
                if !self.seen_dirs.insert(id.clone()) {
                    self.found += 1;
                    continue; // Already walked by another route.
                }
                ancestors.push((id, path.clone()));
                self.walk(&path, ancestors, outside.as_deref());
                ancestors.pop();
            } else if meta.is_file() {
                self.file(&path, &meta, false, outside);
            } else {
                self.skip(&path, SkipKind::NotRegular, "not a regular file");
            }
        }
    }

    /// A file met: read later, in its turn ([`Walk::next_source`]), unless its name or size
    /// rules it out now. Each one is an article found, whatever its reading gives.
    fn file(&mut self, path: &Path, meta: &fs::Metadata, explicit: bool, outside: Option<PathBuf>) {
        if !explicit && !has_article_extension(path) {
            return self.skip(path, SkipKind::Extension, "not a text article extension");
        }
        if meta.is_file() && meta.len() > self.opts.max_bytes {
            let reason = too_large(meta.len(), self.opts.max_bytes);
            return self.skip(path, SkipKind::TooLarge, reason);
        }
        self.found += 1;
        self.steps.push(Step::File(FileStep {
            path: path.to_owned(),
            explicit,
            len: meta.len(),
            fifo: is_fifo(meta),
            id: FileId::of(path, meta),
            outside,
        }));
    }
}

/// A FIFO (a named pipe, or `<(…)` in a shell): opened without blocking, so that one nobody
/// writes to gives nothing instead of hanging the run.
#[cfg(unix)]
fn is_fifo(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_: &fs::Metadata) -> bool {
    false
}

/// Open `path` for reading; a FIFO without blocking on the open (no writer yet), then back to
/// blocking reads so a writer that is there is read to its end.
fn open_for_reading(path: &Path, fifo: bool) -> std::io::Result<fs::File> {
    #[cfg(unix)]
    if fifo {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        let file = fs::OpenOptions::new()
            .read(true)
            .custom_flags(OFlags::NONBLOCK.bits() as i32)
            .open(path)?;
        let flags = rustix::fs::fcntl_getfl(&file)?;
        rustix::fs::fcntl_setfl(&file, flags - OFlags::NONBLOCK)?;
        return Ok(file);
    }
    let _ = fifo;
    fs::File::open(path)
}

/// `*` and `?` matching, iterative (no backtracking blow-up).
pub fn wildcard(pat: &str, name: &str) -> bool {
    let p: Vec<char> = pat.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let (mut i, mut j) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    while i < p.len() && p[i] == '*' {
        i += 1;
    }
    i == p.len()
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."))
}

/// A name an article may have: no extension, or one of the extensions articles are read from.
pub(crate) fn has_article_extension(path: &Path) -> bool {
    match path.extension() {
        None => true,
        Some(ext) => {
            let ext = ext.to_string_lossy();
            ARTICLE_EXTENSIONS
                .iter()
                .any(|a| ext.eq_ignore_ascii_case(a))
        }
    }
}

/// `path` as a '/'-separated string, `.` components dropped.
fn slash_path(path: &Path) -> String {
    let mut parts = Vec::new();
    for c in path.components() {
        match c {
            Component::RootDir => parts.push(String::new()),
            Component::CurDir => {}
            Component::ParentDir => parts.push("..".to_owned()),
            Component::Prefix(p) => parts.push(p.as_os_str().to_string_lossy().into_owned()),
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
        }
    }
    match parts.as_slice() {
        [root] if root.is_empty() => "/".to_owned(),
        _ => parts.join("/"),
    }
}

fn id_keys(path: &Path) -> IdKeys {
    [
        stem_of(path).into_owned(),
        slash_path(&path.with_extension("")),
        slash_path(path),
    ]
}

/// The first candidate id of the file at `path` ([`id_keys`]): its stem.
fn stem_of(path: &Path) -> Cow<'_, str> {
    path.file_stem()
        .map_or_else(|| Cow::Owned(slash_path(path)), |s| s.to_string_lossy())
}

/// The one unique-id pass: for each source, from its candidate ids (shortest first), the first
/// that no other source shares; every member of a colliding group moves to its next candidate
/// together, until nothing collides or nobody can move. Reading uses it on file names (stem,
/// path without extension, path); `corpus` again after claims.toml renamed sources. A source
/// with a single candidate (a configured id) keeps it whatever else claims it; any other id
/// still taken after its last candidate (only possible with odd stdin names or odd configs)
/// gets a `~N` suffix in order.
pub fn unique_ids<K: AsRef<[String]>>(candidates: &[K]) -> Vec<String> {
    let keys: Vec<&[String]> = candidates.iter().map(AsRef::as_ref).collect();
    let mut level = vec![0usize; keys.len()];
    loop {
        let mut count: HashMap<&str, usize> = HashMap::new();
        for (k, &l) in keys.iter().zip(&level) {
            *count.entry(k[l].as_str()).or_default() += 1;
        }
        let mut changed = false;
        for (k, l) in keys.iter().zip(level.iter_mut()) {
            if count[k[*l].as_str()] > 1 && *l + 1 < k.len() {
                *l += 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let fixed = |k: &[String]| k.len() == 1;
    let mut used: HashSet<String> = keys
        .iter()
        .filter(|k| fixed(k))
        .map(|k| k[0].clone())
        .collect();
    let mut ids = Vec::with_capacity(keys.len());
    for (k, &l) in keys.iter().zip(&level) {
        if fixed(k) {
            ids.push(k[0].clone());
            continue;
        }
        let mut id = k[l].clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{}~{n}", k[l]);
            n += 1;
        }
        used.insert(id.clone());
        ids.push(id);
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A fresh empty folder under the system temp dir, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(tag: &str) -> TempDir {
            static N: AtomicUsize = AtomicUsize::new(0);
            let dir = std::env::temp_dir().join(format!(
                "claims-source-{}-{}-{tag}",
                std::process::id(),
                N.fetch_add(1, Ordering::Relaxed)
            ));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).unwrap();
            TempDir(dir)
        }

        fn write(&self, rel: &str, bytes: &[u8]) -> PathBuf {
            let path = self.0.join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, bytes).unwrap();
            path
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn explicit(path: &Path) -> Input {
        Input::Path {
            path: path.to_owned(),
            explicit: true,
        }
    }

    fn read(inputs: &[Input]) -> Collected {
        read_all(inputs, &ReadOptions::default(), &mut std::io::empty())
    }

    fn ids(c: &Collected) -> Vec<&str> {
        c.sources.iter().map(|s| s.id.as_str()).collect()
    }

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        let mut out = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in text.encode_utf16() {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn decode_utf8_strips_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFhello").unwrap(), "hello");
        assert_eq!(decode("plain €".as_bytes()).unwrap(), "plain €");
        assert_eq!(decode(b"").unwrap(), "");
    }

    #[test]
    fn decode_reads_utf16_in_either_byte_order_after_its_bom() {
        let text = "Bishkek: 4,500 officers — 𝄞\n";
        assert_eq!(decode(&utf16(text, true)).unwrap(), text);
        assert_eq!(decode(&utf16(text, false)).unwrap(), text);
        assert_eq!(decode(&[0xFF, 0xFE]).unwrap(), "");
    }

    #[test]
    fn decode_refuses_lone_surrogates_and_odd_bytes_in_utf16_at_their_offset() {
        // "a", lone high surrogate, "b"
        let bytes = [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0];
        assert_eq!(decode(&bytes), Err(DecodeError::InvalidUtf16 { offset: 4 }));
        // lone low surrogate, big-endian
        let bytes = [0xFE, 0xFF, 0, b'a', 0xDC, 0x00];
        assert_eq!(decode(&bytes), Err(DecodeError::InvalidUtf16 { offset: 4 }));
        // high surrogate at the end
        let bytes = [0xFF, 0xFE, 0x00, 0xD8];
        assert_eq!(decode(&bytes), Err(DecodeError::InvalidUtf16 { offset: 2 }));
        // odd trailing byte
        let bytes = [0xFF, 0xFE, b'a', 0, b'b'];
        assert_eq!(decode(&bytes), Err(DecodeError::InvalidUtf16 { offset: 4 }));
    }

    #[test]
    fn decode_names_the_file_byte_offset_of_invalid_utf8() {
        assert_eq!(
            decode(b"ab\xFFcd"),
            Err(DecodeError::InvalidUtf8 { offset: 2 })
        );
        // Offsets count the BOM: they are offsets in the file's bytes.
        assert_eq!(
            decode(b"\xEF\xBB\xBFab\xC3("),
            Err(DecodeError::InvalidUtf8 { offset: 5 })
        );
        // Truncated sequence at the end.
        assert_eq!(
            decode("é".as_bytes()[..1].as_ref()),
            Err(DecodeError::InvalidUtf8 { offset: 0 })
        );
        // Decoded in place, the bytes come back as read, BOM and all, to say where.
        let bytes = b"\xEF\xBB\xBFab\xC3(".to_vec();
        assert_eq!(
            decode_vec(bytes.clone()),
            Err((DecodeError::InvalidUtf8 { offset: 5 }, bytes))
        );
        assert_eq!(
            decode_vec(b"\xEF\xBB\xBFok\r".to_vec()).map_err(|(e, _)| e),
            Ok("ok\n".to_string())
        );
    }

    #[test]
    fn decode_calls_a_nul_byte_binary_at_its_offset() {
        assert_eq!(decode(b"abc\0def"), Err(DecodeError::Binary { offset: 3 }));
        assert_eq!(
            decode(&[0xFF, 0xFE, b'a', 0, 0, 0]),
            Err(DecodeError::Binary { offset: 4 })
        );
    }

    #[test]
    fn invalid_utf8_error_names_file_offset_and_line_col() {
        let dir = TempDir::new("badutf8");
        let path = dir.write("bad.txt", b"first line\nsecond \xFF line\n");
        let c = read(&[explicit(&path)]);
        assert!(c.sources.is_empty());
        assert_eq!(c.errors.len(), 1);
        let e = &c.errors[0];
        assert_eq!((e.line, e.column), (Some(2), Some(8)));
        assert_eq!(
            e.to_string(),
            format!("{}:2:8: invalid UTF-8 at byte offset 18", path.display())
        );
        // Also reported (not skipped) when found by walking.
        let c = read(&[explicit(&dir.0)]);
        assert_eq!(c.errors.len(), 1);
        assert!(c.skipped.is_empty());
    }

    #[test]
    fn decode_error_positions_count_bytes_of_the_raw_file() {
        assert_eq!(raw_line_col(b"ab\ncd\xFF", 5), (2, 3));
        assert_eq!(raw_line_col(b"\xEF\xBB\xBFa\xFF", 4), (1, 2));
        let bytes = utf16("a\nbc", true);
        assert_eq!(raw_line_col(&bytes, 8), (2, 3)); // the 'c' unit: 2 bytes after line start
    }

    #[test]
    fn binary_walked_is_skipped_explicit_is_error() {
        let dir = TempDir::new("binary");
        let bin = dir.write("blob.txt", b"abc\0def");
        dir.write("good.txt", b"text");
        let c = read(&[explicit(&dir.0)]);
        assert_eq!(ids(&c), ["good"]);
        assert_eq!(
            c.skipped,
            [Skipped {
                path: bin.clone(),
                reason: "binary (NUL byte at offset 3)".into(),
                kind: SkipKind::Binary,
            }]
        );
        assert!(c.errors.is_empty());

        let c = read(&[explicit(&bin)]);
        assert!(c.sources.is_empty() && c.skipped.is_empty());
        assert_eq!(c.errors.len(), 1);
        assert_eq!(c.errors[0].path, bin);
        assert!(c.errors[0].message.contains("NUL byte at offset 3"));
    }

    #[test]
    fn empty_file_is_an_empty_source() {
        let dir = TempDir::new("empty");
        let path = dir.write("empty.txt", b"");
        let c = read(&[explicit(&path)]);
        assert!(c.errors.is_empty());
        assert_eq!(c.sources.len(), 1);
        assert_eq!(c.sources[0].text, "");
        assert_eq!(c.sources[0].bytes, 0);
        assert_eq!(c.sources[0].line_col(0), (1, 1));
    }

    #[test]
    fn bytes_is_the_file_size_before_the_bom_is_stripped() {
        let dir = TempDir::new("bom");
        let path = dir.write("a.txt", b"\xEF\xBB\xBFhi\n");
        let le = dir.write("le.txt", &utf16("hi", true));
        let c = read(&[explicit(&path), explicit(&le)]);
        assert_eq!(c.sources[0].text, "hi\n");
        assert_eq!(c.sources[0].bytes, 6);
        assert_eq!(c.sources[1].text, "hi");
        assert_eq!(c.sources[1].bytes, 6);
    }

    #[test]
    fn oversized_is_skipped() {
        let dir = TempDir::new("big");
        let big = dir.write("big.txt", b"0123456789");
        dir.write("small.txt", b"0123");
        let opts = ReadOptions {
            max_bytes: 5,
            root: None,
        };
        let c = read_all(&[explicit(&dir.0)], &opts, &mut std::io::empty());
        assert_eq!(ids(&c), ["small"]);
        assert_eq!(c.skipped.len(), 1);
        assert_eq!(c.skipped[0].path, big);
        assert!(c.skipped[0].reason.contains("10 bytes"));
        assert!(c.skipped[0].reason.contains("5 bytes"));
        // Explicit files too.
        let c = read_all(&[explicit(&big)], &opts, &mut std::io::empty());
        assert!(c.sources.is_empty() && c.errors.is_empty());
        assert_eq!(c.skipped.len(), 1);
    }

    #[test]
    fn stdin_is_read_with_its_name_and_limit() {
        let input = [Input::Stdin {
            name: "wire".into(),
        }];
        let mut stdin: &[u8] = b"\xEF\xBB\xBFstdin text";
        let c = read_all(&input, &ReadOptions::default(), &mut stdin);
        assert_eq!(ids(&c), ["wire"]);
        assert_eq!(c.sources[0].path, PathBuf::from("wire"));
        assert_eq!(c.sources[0].text, "stdin text");

        let mut stdin: &[u8] = b"0123456789";
        let c = read_all(
            &input,
            &ReadOptions {
                max_bytes: 4,
                root: None,
            },
            &mut stdin,
        );
        assert!(c.sources.is_empty());
        assert_eq!(c.skipped.len(), 1);
        assert!(c.skipped[0].reason.contains("4 bytes"));

        // Binary stdin is an error: stdin is always explicit.
        let mut stdin: &[u8] = b"a\0";
        let c = read_all(&input, &ReadOptions::default(), &mut stdin);
        assert_eq!(c.errors.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_terminates_and_is_reported() {
        use std::os::unix::fs::symlink;
        let dir = TempDir::new("loop");
        dir.write("a/one.txt", b"one");
        symlink(dir.0.join("a"), dir.0.join("a/back")).unwrap();
        symlink("self", dir.0.join("a/self")).unwrap();
        // A symlink to a file is followed.
        symlink(dir.0.join("a/one.txt"), dir.0.join("link.txt")).unwrap();
        let c = read(&[explicit(&dir.0)]);
        assert_eq!(ids(&c), ["one"]); // link.txt is the same file: read once
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        let reasons: Vec<_> = c
            .skipped
            .iter()
            .map(|s| (s.path.file_name().unwrap().to_str().unwrap(), &s.reason))
            .collect();
        assert_eq!(reasons.len(), 2, "{reasons:?}");
        assert_eq!(reasons[0].0, "back");
        assert!(reasons[0].1.starts_with("symlink loop"));
        assert_eq!(reasons[1].0, "self");
        assert!(reasons[1].1.contains("symbolic link"));
    }

    #[test]
    fn colliding_stems_use_paths() {
        let dir = TempDir::new("stems");
        dir.write("x/report.txt", b"1");
        dir.write("y/report.md", b"2");
        dir.write("other.txt", b"3");
        let c = read(&[explicit(&dir.0)]);
        let base = slash_path(&dir.0);
        assert_eq!(
            ids(&c),
            [
                "other".to_owned(),
                format!("{base}/x/report"),
                format!("{base}/y/report")
            ]
        );
        // Same stem and same folder: the extension tells them apart.
        let keys = [id_keys(Path::new("./a.txt")), id_keys(Path::new("a.md"))];
        assert_eq!(unique_ids(&keys), ["a.txt", "a.md"]);
        let keys = [
            ["s".to_owned(), "s".to_owned(), "s".to_owned()],
            ["s".to_owned(), "s".to_owned(), "s".to_owned()],
        ];
        assert_eq!(unique_ids(&keys), ["s", "s~2"]);
    }

    #[test]
    fn a_single_candidate_id_is_kept_and_the_others_move_or_take_a_suffix() {
        let ids = |keys: &[&[&str]]| {
            let keys: Vec<Vec<String>> = keys
                .iter()
                .map(|k| k.iter().map(|s| s.to_string()).collect())
                .collect();
            unique_ids(&keys)
        };
        // A configured id (one candidate) stays; the file named like it takes its path.
        assert_eq!(ids(&[&["b", "b.txt"], &["b"]]), ["b.txt", "b"]);
        // Its path taken too: a suffix, never on the configured one.
        assert_eq!(
            ids(&[&["b", "b.txt"], &["b.txt"], &["b"]]),
            ["b.txt~2", "b.txt", "b"]
        );
        // Nothing collides: nothing moves.
        assert_eq!(ids(&[&["a", "a.txt"], &["b"]]), ["a", "b"]);
    }

    #[test]
    fn order_is_deterministic_and_duplicates_dropped() {
        let dir = TempDir::new("order");
        let z = dir.write("z.txt", b"z");
        dir.write("b.txt", b"b");
        dir.write("a/c.md", b"c");
        dir.write("B.txt", b"B");
        dir.write("notes", b"no extension");
        dir.write("photo.jpg", b"jpeg");
        let c = read(&[explicit(&z), explicit(&dir.0), explicit(&z)]);
        // z first (explicit order), then the folder in byte order of names, z not repeated.
        assert_eq!(ids(&c), ["z", "B", "c", "b", "notes"]);
        assert_eq!(c.skipped.len(), 1);
        assert_eq!(c.skipped[0].reason, "not a text article extension");
        // An explicitly named file is read whatever its extension.
        let c = read(&[explicit(&dir.0.join("photo.jpg"))]);
        assert_eq!(ids(&c), ["photo"]);
    }

    #[test]
    fn missing_path_is_an_error_and_the_run_goes_on() {
        let dir = TempDir::new("missing");
        let ok = dir.write("ok.txt", b"fine");
        let missing = dir.0.join("nope.txt");
        let c = read(&[explicit(&missing), explicit(&ok)]);
        assert_eq!(ids(&c), ["ok"]);
        assert_eq!(c.errors.len(), 1);
        assert_eq!(c.errors[0].path, missing);
        assert_eq!(c.errors[0].line, None);
        assert!(
            c.errors[0]
                .to_string()
                .starts_with(&format!("{}: ", missing.display()))
        );
    }

    #[test]
    fn hidden_entries_are_skipped() {
        let dir = TempDir::new("hidden");
        dir.write(".secret.txt", b"x");
        dir.write(".git/HEAD", b"ref");
        dir.write("shown.txt", b"y");
        let c = read(&[explicit(&dir.0)]);
        assert_eq!(ids(&c), ["shown"]);
        assert!(c.skipped.is_empty() && c.errors.is_empty());
        // Named explicitly, a hidden file is read.
        let c = read(&[explicit(&dir.0.join(".secret.txt"))]);
        assert_eq!(ids(&c), [".secret"]);
    }

    #[test]
    fn from_text_counts_the_text_bytes_and_indexes_its_lines() {
        let s = from_text("a", PathBuf::from("a.txt"), "x\ny".into());
        assert_eq!((s.id.as_str(), s.bytes), ("a", 3));
        assert_eq!(s.line_col(2), (2, 1));
    }

    #[test]
    fn line_col_counts_characters_and_the_cursor_agrees_in_any_order() {
        let text = "ab\nc€d\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        assert_eq!(idx.line_col(text, 7), (2, 3)); // after the 3-byte €
        let mut cursor = LineCursor::default();
        // Forwards, backwards, onto the next line, the last (empty) line and back, the ends of
        // lines and past the end of the text.
        for offset in [0, 3, 4, 7, 8, 4, 1, 2, 3, 9, 9, 8, 12, 0, 2, 9] {
            assert_eq!(
                idx.line_col_at(text, offset, &mut cursor),
                idx.line_col(text, offset),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn a_lone_carriage_return_is_a_line_end_and_offsets_do_not_move() {
        assert_eq!(decode(b"a\rb\r\nc\r").unwrap(), "a\nb\r\nc\n");
        assert_eq!(decode(b"\r\r\n").unwrap(), "\n\r\n");
        // After a BOM, and before a NUL, which makes the bytes binary wherever it is.
        assert_eq!(decode(b"\xEF\xBB\xBFa\rb\r\n\r").unwrap(), "a\nb\r\n\n");
        assert_eq!(decode(b"a\rb\0"), Err(DecodeError::Binary { offset: 3 }));
        assert_eq!(decode(b"\0a\r"), Err(DecodeError::Binary { offset: 0 }));
        let le = utf16("x\ry", true);
        assert_eq!(decode(&le).unwrap(), "x\ny");
        assert_eq!(raw_line_col(b"ab\rcd\xFF", 5), (2, 3));
        assert_eq!(raw_line_col(b"ab\r\ncd\xFF", 6), (2, 3));
    }

    #[test]
    fn utf16_without_a_bom_says_how_to_convert_it() {
        let mut le = utf16("Some 4,500 officers were there.", true);
        le.drain(..2);
        let e = decode(&le).unwrap_err();
        assert_eq!(
            e,
            DecodeError::Utf16WithoutBom {
                offset: 1,
                order: "UTF-16LE"
            }
        );
        assert!(e.to_string().contains("iconv -f UTF-16LE -t UTF-8"), "{e}");
        let mut be = utf16("Some text", false);
        be.drain(..2);
        assert!(matches!(
            decode(&be),
            Err(DecodeError::Utf16WithoutBom {
                order: "UTF-16BE",
                ..
            })
        ));
        // A real binary stays binary.
        assert_eq!(
            decode(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0"),
            Err(DecodeError::Binary { offset: 7 })
        );
    }

    #[test]
    fn an_input_that_gives_no_article_is_an_error_naming_it() {
        let dir = TempDir::new("nothing");
        dir.write("a/one.txt", b"one");
        dir.write("photos/p.jpg", b"jpeg");
        fs::create_dir_all(dir.0.join("empty")).unwrap();
        let glob = |p: &str| Input::Glob {
            pattern: dir.0.join(p),
        };
        let c = read(&[
            explicit(&dir.0.join("a")),
            explicit(&dir.0.join("photos")),
            explicit(&dir.0.join("empty")),
            glob("a/*.text"),
            glob("a/*.txt"),
            // Everything it matches was read already: it matched something.
            glob("a/o?e.*"),
        ]);
        assert_eq!(ids(&c), ["one"]);
        let errors: Vec<String> = c.errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            errors,
            [
                format!(
                    "{}: no article file in this folder",
                    dir.0.join("photos").display()
                ),
                format!(
                    "{}: no article file in this folder",
                    dir.0.join("empty").display()
                ),
                format!(
                    "{}: no article file matches this glob",
                    dir.0.join("a/*.text").display()
                ),
            ]
        );
    }

    #[test]
    fn a_walk_read_source_by_source_meets_what_reading_all_meets_in_the_same_order() {
        let dir = TempDir::new("walk");
        dir.write("c/a.txt", b"first");
        dir.write("c/b.txt", b"a\0b");
        dir.write("c/big.txt", b"0123456789");
        dir.write("c/d.jpg", b"jpeg");
        dir.write("c/e.txt", b"second");
        dir.write("c/f.txt", b"\xff\xfe\x00");
        let opts = ReadOptions {
            max_bytes: 8,
            root: None,
        };
        let inputs = [explicit(&dir.0.join("c")), explicit(&dir.0.join("c/a.txt"))];
        let all = read_all(&inputs, &opts, &mut std::io::empty());
        let mut walk = super::walk(&inputs, &opts, &mut std::io::empty());
        let stems: Vec<String> = (walk.candidates().into_iter())
            .map(|c| c.stem.into_owned())
            .collect();
        assert_eq!(stems, ["a", "b", "e", "f", "a"]);
        let mut one_by_one = Vec::new();
        while let Some(s) = walk.next_source() {
            one_by_one.push((s.id, s.text));
        }
        let whole: Vec<(String, String)> =
            all.sources.into_iter().map(|s| (s.id, s.text)).collect();
        // a.txt, named again, is read once.
        assert_eq!(one_by_one, whole);
        assert_eq!(whole.len(), 2);
        assert_eq!(walk.skipped, all.skipped);
        assert_eq!(walk.errors, all.errors);
        let kinds: Vec<SkipKind> = walk.skipped.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [SkipKind::Binary, SkipKind::TooLarge, SkipKind::Extension]
        );
        // Read all at once (the reads done last to first, as threads may finish), handed back
        // in order: the same sources and problems, a.txt still once.
        let mut walk = super::walk(&inputs, &opts, &mut std::io::empty());
        let unread: Vec<Unread> = std::iter::from_fn(|| walk.next_unread()).collect();
        let mut fetched: Vec<Fetched> = unread.into_iter().rev().map(Unread::read).collect();
        fetched.reverse();
        let batch: Vec<(String, String)> = (fetched.into_iter())
            .filter_map(|f| walk.accept(f))
            .map(|s| (s.id, s.text))
            .collect();
        assert_eq!(batch, one_by_one);
        assert_eq!((walk.skipped, walk.errors), (all.skipped, all.errors));
    }

    #[test]
    fn unread_articles_are_told_from_files_that_are_no_articles() {
        let dir = TempDir::new("kinds");
        dir.write("c/blob.txt", b"a\0b");
        dir.write("c/big.txt", b"0123456789");
        dir.write("c/p.jpg", b"jpeg");
        dir.write("c/ok.txt", b"ok");
        let opts = ReadOptions {
            max_bytes: 5,
            root: None,
        };
        let c = read_all(&[explicit(&dir.0.join("c"))], &opts, &mut std::io::empty());
        let kinds: Vec<(SkipKind, bool)> = c
            .skipped
            .iter()
            .map(|s| (s.kind, s.kind.unread_article()))
            .collect();
        assert_eq!(
            kinds,
            [
                (SkipKind::TooLarge, true),
                (SkipKind::Binary, true),
                (SkipKind::Extension, false)
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_with_no_writer_is_an_error_not_a_hang() {
        let dir = TempDir::new("fifo");
        let fifo = dir.0.join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // No mkfifo here: nothing to test.
        }
        dir.write("ok.txt", b"ok");
        let c = read(&[explicit(&fifo), explicit(&dir.0)]);
        assert_eq!(ids(&c), ["ok"]);
        assert_eq!(c.errors.len(), 1, "{:?}", c.errors);
        assert!(c.errors[0].message.contains("FIFO"), "{:?}", c.errors);
        // Found by walking, it is not a regular file: skipped, not an article.
        assert_eq!(c.skipped[0].kind, SkipKind::NotRegular);
    }

    #[cfg(unix)]
    #[test]
    fn files_outside_the_root_are_read_and_marked() {
        use std::os::unix::fs::symlink;
        let dir = TempDir::new("outside");
        let out = TempDir::new("outside-target");
        out.write("far.txt", b"far");
        dir.write("proj/in.txt", b"in");
        symlink(out.0.join("far.txt"), dir.0.join("proj/link.txt")).unwrap();
        let opts = ReadOptions {
            root: Some(dir.0.join("proj")),
            ..ReadOptions::default()
        };
        let c = read_all(
            &[
                explicit(&dir.0.join("proj")),
                explicit(&out.0.join("far.txt")),
            ],
            &opts,
            &mut std::io::empty(),
        );
        let marked: Vec<(&str, bool)> = c
            .sources
            .iter()
            .map(|s| (s.id.as_str(), s.outside.is_some()))
            .collect();
        // far.txt is the link's target: read once, through the link, and marked.
        assert_eq!(marked, [("in", false), ("link", true)]);
        assert_eq!(
            c.sources[1].outside,
            Some(fs::canonicalize(out.0.join("far.txt")).unwrap())
        );
    }
}
