//! The one way `claims` writes a file: a temp file in the target's folder, synced, then renamed
//! over the target, so a reader sees the old file or the new one, never half of one. The
//! baseline commands and `claims export` write through [`write_atomic`]. Each [`Stage`] of a
//! write calls a hook, which tests use to interrupt it where a full disk or a crash would.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The steps of an atomic write, for fault injection in tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The temp file exists in the target's folder and is empty.
    Created,
    /// The first half of the bytes is in the temp file, not synced: a write cut short.
    Partial,
    /// The bytes are written and synced to the temp file.
    Written,
    /// The temp file has replaced the target.
    Renamed,
}

impl Stage {
    /// Every stage, in the order a write passes them (for tests that interrupt each one).
    pub const ALL: [Stage; 4] = [
        Stage::Created,
        Stage::Partial,
        Stage::Written,
        Stage::Renamed,
    ];
}

/// What a write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The file already held these bytes; nothing was touched.
    Unchanged,
    /// The file now holds the new bytes.
    Written,
}

/// The hook [`write_atomic`] calls after each [`Stage`]; an error from it interrupts the write.
pub type Hook<'a> = &'a dyn Fn(Stage) -> io::Result<()>;

/// No fault: the hook `write_atomic` is called with outside of tests.
pub fn no_fault(_: Stage) -> io::Result<()> {
    Ok(())
}

/// Write `bytes` to `path` atomically: a temp file in the same folder, synced, then renamed
/// over the target, so a reader sees the old file or the new one, never half of one. Skipped
/// when the file already holds exactly these bytes. `hook` runs after each stage; an error
/// from it aborts the write there (the temp file is removed), which lets tests interrupt it.
pub fn write_atomic(path: &Path, bytes: &[u8], hook: Hook) -> io::Result<Written> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(Written::Unchanged);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "claims-output".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        hook(Stage::Created)?;
        let (first, rest) = bytes.split_at(bytes.len() / 2);
        file.write_all(first)?;
        hook(Stage::Partial)?;
        file.write_all(rest)?;
        file.sync_all()?;
        drop(file);
        hook(Stage::Written)?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    // Make the rename durable where the platform allows syncing a folder.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    hook(Stage::Renamed)?;
    Ok(Written::Written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("claims-atomic-{}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn atomic_write_skips_identical_bytes_and_cleans_up_after_a_fault() {
        let d = tmp("atomic");
        let p = d.join("b.json");
        assert_eq!(
            write_atomic(&p, b"one", &no_fault).unwrap(),
            Written::Written
        );
        assert_eq!(
            write_atomic(&p, b"one", &no_fault).unwrap(),
            Written::Unchanged
        );
        for stage in Stage::ALL {
            let fail = |s: Stage| {
                if s == stage {
                    Err(io::Error::other("injected"))
                } else {
                    Ok(())
                }
            };
            std::fs::write(&p, b"one").unwrap();
            assert!(write_atomic(&p, b"two", &fail).is_err());
            // Before the rename the old bytes stand; after it, all of the new ones.
            let want: &[u8] = if stage == Stage::Renamed {
                b"two"
            } else {
                b"one"
            };
            assert_eq!(std::fs::read(&p).unwrap(), want, "{stage:?}");
            let left: Vec<_> = std::fs::read_dir(&d).unwrap().collect();
            assert_eq!(left.len(), 1, "temp file left behind at {stage:?}");
        }
        let _ = std::fs::remove_dir_all(&d);
    }
}
