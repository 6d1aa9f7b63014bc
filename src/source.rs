//! Reading articles: walking files and folders, decoding bytes to text (UTF-8 with or without
//! BOM, UTF-16 with a BOM), refusing binary and oversized files, and the line index that turns
//! a byte offset into line:column for people. A file that cannot be read is reported and the
//! run goes on with the others.

use std::path::PathBuf;

/// Byte offset → 1-based line and column (column counted in characters).
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
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
    pub lines: LineIndex,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars() {
        let text = "ab\nc€d\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        assert_eq!(idx.line_col(text, 7), (2, 3)); // after the 3-byte €
    }
}
