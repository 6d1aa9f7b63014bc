//! The one way `claims` writes a file: the new bytes go to a temp file in the target's folder,
//! synced, then renamed over the target, so a reader sees the old file or the new one, never
//! half of one. The baseline commands and `claims export` write through here.
//!
//! - **Writers take turns.** A write holds an advisory lock ([`Lock`]: on the target's folder
//!   where the system allows it, else on a sibling `.NAME.lock`); the baseline commands hold it
//!   across read, change and write, so two `baseline accept` at once cannot lose one's
//!   entries.
//! - **No temp file survives.** On Linux the temp file is unnamed (`O_TMPFILE`) until the last
//!   moment: killed before it is named, the process leaves nothing behind; killed in the
//!   instant between naming and rename, a complete copy. Elsewhere (or where the file system
//!   has no unnamed files) it is a `tempfile` with a unique name, removed on error. A temp file
//!   of an earlier write that was killed anyway is removed under the lock, and the caller is
//!   told ([`Outcome::removed`]).
//! - **Write through, never replace.** A symbolic link is followed and its target replaced
//!   (the link stays a link); a target that is not a regular file (a device, a FIFO, a folder)
//!   is refused, so `-o /dev/null` never replaces `/dev/null`; the file's permissions are kept.
//!
//! Each [`Stage`] of a write calls a hook, which tests use to interrupt it where a full disk or
//! a crash would.

use std::fs::{self, File};
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

/// What a write did to the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The file already held these bytes; nothing was touched.
    Unchanged,
    /// The file now holds the new bytes.
    Written,
}

/// What a write did: to the target, and to the leftovers of earlier writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Whether the target changed.
    pub written: Written,
    /// Temp files that earlier writes of this target left behind (killed between creating
    /// and renaming them), found beside it and removed.
    pub removed: Vec<PathBuf>,
}

/// The hook [`write_atomic`] calls after each [`Stage`]; an error from it interrupts the write.
pub type Hook<'a> = &'a dyn Fn(Stage) -> io::Result<()>;

/// No fault: the hook `write_atomic` is called with outside of tests.
pub fn no_fault(_: Stage) -> io::Result<()> {
    Ok(())
}

/// How many symbolic links [`resolve`] follows before it calls it a loop (Linux's limit).
const MAX_LINKS: usize = 40;

/// Write `bytes` to `path` atomically, under its lock (see the module doc). Skipped when the
/// file already holds exactly these bytes. `hook` runs after each stage; an error from it
/// aborts the write there (no temp file stays), which lets tests interrupt it.
pub fn write_atomic(path: &Path, bytes: &[u8], hook: Hook) -> io::Result<Outcome> {
    Lock::acquire(path)?.write(bytes, hook)
}

/// `path` with every symbolic link along its last component followed: the file a write must
/// replace. A link to nowhere resolves to where it points (the write creates that file).
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) => dir.join(to),
                    None => to,
                };
            }
            Ok(_) => return Ok(p),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(p),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Refuse a target that exists and is not a regular file (after links were followed): what a
/// rename would replace, a device or a FIFO, must not be replaced.
pub fn refuse_special(target: &Path) -> io::Result<Option<fs::Metadata>> {
    match fs::metadata(target) {
        Ok(m) if m.is_file() => Ok(Some(m)),
        Ok(m) => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "is {}, not a regular file; claims replaces only regular files",
                describe_type(&m)
            ),
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// "a folder", "a FIFO", … for messages.
fn describe_type(m: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if m.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// The exclusive right to write one file (links followed), held until dropped: writers of
/// the same file take turns; readers are not held up. On Unix it is an advisory lock on the
/// file's folder itself, so nothing is created and a killed writer leaves nothing behind (the
/// system lets go of its lock). Where a folder cannot be locked (Windows, some network file
/// systems), it is a lock on a sibling `.NAME.lock`, removed on drop; one left by a killed
/// writer is harmless and the next writer takes it over and removes it.
#[derive(Debug)]
pub struct Lock {
    /// The locked file or folder (closing it releases the lock).
    file: File,
    /// The sibling lock file to remove on drop, when that is what is locked.
    lock_path: Option<PathBuf>,
    /// The file to write: the target with links followed.
    target: PathBuf,
}

impl Lock {
    /// Wait for the lock of the file at `path` and take it.
    pub fn acquire(path: &Path) -> io::Result<Lock> {
        let target = resolve(path)?;
        let dir = folder_of(&target);
        #[cfg(unix)]
        if let Ok(folder) = File::open(&dir)
            && folder.lock().is_ok()
        {
            return Ok(Lock {
                file: folder,
                lock_path: None,
                target,
            });
        }
        Lock::sibling(target)
    }

    /// The lock on a sibling `.NAME.lock` of `target` (links followed already).
    fn sibling(target: PathBuf) -> io::Result<Lock> {
        let lock_path = folder_of(&target).join(format!(".{}.lock", file_name_of(&target)));
        loop {
            let file = fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&lock_path)?;
            file.lock()?;
            // The holder before us may have removed the file after we opened it: then ours is
            // a lock on nothing, and we start again on the file as it is now.
            if same_file(&file, &lock_path) {
                return Ok(Lock {
                    file,
                    lock_path: Some(lock_path),
                    target,
                });
            }
        }
    }

    /// The file this lock is for (links followed).
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Write `bytes` to the target atomically; see [`write_atomic`].
    pub fn write(&self, bytes: &[u8], hook: Hook) -> io::Result<Outcome> {
        let target = &self.target;
        let existing = refuse_special(target)?;
        if let Some(m) = &existing
            && m.len() == bytes.len() as u64
            && fs::read(target).is_ok_and(|old| old == bytes)
        {
            return Ok(Outcome {
                written: Written::Unchanged,
                removed: Vec::new(),
            });
        }
        let removed = self.remove_leftovers();
        let mode = existing.map(|m| m.permissions());
        replace(target, bytes, mode, hook)?;
        Ok(Outcome {
            written: Written::Written,
            removed,
        })
    }

    /// Remove the temp files earlier writes of this target left behind. Under the lock no
    /// other `claims` is writing it, so every one of them is a leftover.
    fn remove_leftovers(&self) -> Vec<PathBuf> {
        let dir = folder_of(&self.target);
        let prefix = format!(".{}.", file_name_of(&self.target));
        let Ok(entries) = fs::read_dir(&dir) else {
            return Vec::new();
        };
        let mut removed: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.starts_with(&prefix) && name.ends_with(TEMP_SUFFIX)
            })
            .map(|e| e.path())
            .filter(|p| fs::remove_file(p).is_ok())
            .collect();
        removed.sort();
        removed
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // A lock file is removed while still held, so a writer waiting on it sees it gone and
        // starts again on a fresh one (see `acquire`). Where an open file cannot be removed
        // (Windows) it stays, empty.
        #[cfg(unix)]
        if let Some(p) = &self.lock_path {
            let _ = fs::remove_file(p);
        }
        let _ = self.file.unlock();
    }
}

/// Whether the open `file` is still the one at `path`.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, _: &Path) -> bool {
    true
}

/// The end of every temp file name: `.NAME.<random>.tmp`.
const TEMP_SUFFIX: &str = ".tmp";

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "claims-output".into())
}

/// Put `bytes` in place of `target`: an unnamed temp file where the platform has them, else a
/// named one. `mode`: the permissions to keep (none: a new file's default).
fn replace(
    target: &Path,
    bytes: &[u8],
    mode: Option<fs::Permissions>,
    hook: Hook,
) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    if let Some(file) = unnamed::create(&folder_of(target)) {
        return unnamed::replace(file, target, bytes, mode, hook);
    }
    named_replace(target, bytes, mode, hook)
}

/// Write `bytes` to `file` in two halves with the stages between, then sync.
fn fill(file: &mut File, bytes: &[u8], hook: Hook) -> io::Result<()> {
    hook(Stage::Created)?;
    let (first, rest) = bytes.split_at(bytes.len() / 2);
    file.write_all(first)?;
    hook(Stage::Partial)?;
    file.write_all(rest)?;
    file.sync_all()?;
    hook(Stage::Written)
}

/// Make the rename durable where the platform allows syncing a folder, then the last stage.
fn renamed(target: &Path, hook: Hook) -> io::Result<()> {
    if let Ok(d) = File::open(folder_of(target)) {
        let _ = d.sync_all();
    }
    hook(Stage::Renamed)
}

/// The portable way: a temp file with a unique name beside the target (removed if anything
/// fails before the rename), persisted over it.
fn named_replace(
    target: &Path,
    bytes: &[u8],
    mode: Option<fs::Permissions>,
    hook: Hook,
) -> io::Result<()> {
    let prefix = format!(".{}.", file_name_of(target));
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    let new_file_mode = {
        use std::os::unix::fs::PermissionsExt;
        // As `File::create` would make it (the umask still applies).
        fs::Permissions::from_mode(0o666)
    };
    #[cfg(unix)]
    builder.permissions(mode.clone().unwrap_or(new_file_mode));
    let mut temp = builder.tempfile_in(folder_of(target))?;
    fill(temp.as_file_mut(), bytes, hook)?;
    if let Some(mode) = mode {
        // Exactly the old file's permissions, whatever the umask.
        temp.as_file().set_permissions(mode)?;
    }
    temp.persist(target).map_err(|e| e.error)?;
    renamed(target, hook)
}

/// Linux's unnamed temp files: created with `O_TMPFILE` in the target's folder, they have no
/// name until the bytes are in and synced, so a process killed before that leaves nothing. A
/// name is given (a unique `.NAME.<n>.tmp`) only to rename it over the target at once.
#[cfg(target_os = "linux")]
mod unnamed {
    use super::{Hook, TEMP_SUFFIX, file_name_of, fill, folder_of, renamed};
    use rustix::fs::{AtFlags, CWD, Mode, OFlags};
    use std::fs::{self, File};
    use std::io;
    use std::os::fd::AsRawFd;
    use std::path::Path;
    use std::sync::atomic::{AtomicU64, Ordering};

    /// An unnamed file in `dir`, or `None` where the file system cannot make one (or where
    /// there is no /proc to name it through).
    pub(super) fn create(dir: &Path) -> Option<File> {
        if !Path::new("/proc/self/fd").is_dir() {
            return None;
        }
        let flags = OFlags::WRONLY | OFlags::TMPFILE | OFlags::CLOEXEC;
        // As `File::create` would make it (the umask still applies).
        let fd = rustix::fs::open(dir, flags, Mode::from_raw_mode(0o666)).ok()?;
        Some(File::from(fd))
    }

    pub(super) fn replace(
        mut file: File,
        target: &Path,
        bytes: &[u8],
        mode: Option<fs::Permissions>,
        hook: Hook,
    ) -> io::Result<()> {
        fill(&mut file, bytes, hook)?;
        if let Some(mode) = mode {
            file.set_permissions(mode)?;
        }
        let temp = link(&file, target)?;
        if let Err(e) = fs::rename(&temp, target) {
            let _ = fs::remove_file(&temp);
            return Err(e);
        }
        drop(file);
        renamed(target, hook)
    }

    /// Give the unnamed `file` a fresh temp name beside `target`; returns that name.
    fn link(file: &File, target: &Path) -> io::Result<std::path::PathBuf> {
        static N: AtomicU64 = AtomicU64::new(0);
        let dir = folder_of(target);
        let proc_path = format!("/proc/self/fd/{}", file.as_raw_fd());
        loop {
            let n = N.fetch_add(1, Ordering::Relaxed);
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos());
            let name = format!(
                ".{}.{}-{nanos:x}-{n}{TEMP_SUFFIX}",
                file_name_of(target),
                std::process::id()
            );
            let temp = dir.join(name);
            // Through /proc, which any user may (naming the descriptor itself needs a
            // capability).
            let linked = rustix::fs::linkat(CWD, &proc_path, CWD, &temp, AtFlags::SYMLINK_FOLLOW);
            match linked {
                Ok(()) => return Ok(temp),
                Err(rustix::io::Errno::EXIST) => continue,
                Err(e) => return Err(e.into()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("claims-atomic-{}-{tag}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    fn listing(d: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn atomic_write_skips_identical_bytes_and_cleans_up_after_a_fault() {
        let d = tmp("atomic");
        let p = d.join("b.json");
        let written = |w| Outcome {
            written: w,
            removed: Vec::new(),
        };
        assert_eq!(
            write_atomic(&p, b"one", &no_fault).unwrap(),
            written(Written::Written)
        );
        assert_eq!(
            write_atomic(&p, b"one", &no_fault).unwrap(),
            written(Written::Unchanged)
        );
        for stage in Stage::ALL {
            let fail = |s: Stage| {
                if s == stage {
                    Err(io::Error::other("injected"))
                } else {
                    Ok(())
                }
            };
            fs::write(&p, b"one").unwrap();
            assert!(write_atomic(&p, b"two", &fail).is_err());
            // Before the rename the old bytes stand; after it, all of the new ones.
            let want: &[u8] = if stage == Stage::Renamed {
                b"two"
            } else {
                b"one"
            };
            assert_eq!(fs::read(&p).unwrap(), want, "{stage:?}");
            assert_eq!(
                listing(&d),
                ["b.json"],
                "temp file left behind at {stage:?}"
            );
        }
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn the_named_fallback_cleans_up_too() {
        let d = tmp("named");
        let p = d.join("b.json");
        fs::write(&p, b"one").unwrap();
        for stage in Stage::ALL {
            let fail = |s: Stage| {
                if s == stage {
                    Err(io::Error::other("injected"))
                } else {
                    Ok(())
                }
            };
            fs::write(&p, b"one").unwrap();
            assert!(named_replace(&p, b"two", None, &fail).is_err());
            assert_eq!(listing(&d), ["b.json"], "{stage:?}");
        }
        named_replace(&p, b"three", None, &no_fault).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"three");
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn leftover_temp_files_are_removed_and_named() {
        let d = tmp("leftover");
        let p = d.join("b.json");
        fs::write(d.join(".b.json.4242.tmp"), b"half").unwrap();
        fs::write(d.join(".b.json.x7Qz1a.tmp"), b"half").unwrap();
        fs::write(d.join(".other.json.1.tmp"), b"not ours").unwrap();
        let out = write_atomic(&p, b"new", &no_fault).unwrap();
        assert_eq!(
            out.removed,
            [d.join(".b.json.4242.tmp"), d.join(".b.json.x7Qz1a.tmp")]
        );
        assert_eq!(listing(&d), [".other.json.1.tmp", "b.json"]);
        let _ = fs::remove_dir_all(&d);
    }

    #[cfg(unix)]
    #[test]
    fn links_are_written_through_modes_kept_and_special_files_refused() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let d = tmp("through");
        let real = d.join("real.json");
        fs::write(&real, b"old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        symlink("real.json", d.join("link.json")).unwrap();
        write_atomic(&d.join("link.json"), b"new", &no_fault).unwrap();
        assert!(
            fs::symlink_metadata(d.join("link.json"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
        let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        // A dangling link: its target is created.
        symlink("made.json", d.join("dangling.json")).unwrap();
        write_atomic(&d.join("dangling.json"), b"made", &no_fault).unwrap();
        assert_eq!(fs::read(d.join("made.json")).unwrap(), b"made");
        // Not a regular file: refused, untouched.
        let e = write_atomic(Path::new("/dev/null"), b"x", &no_fault).unwrap_err();
        assert!(e.to_string().contains("character device"), "{e}");
        assert!(
            fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device_like()
        );
        fs::create_dir(d.join("folder")).unwrap();
        let e = write_atomic(&d.join("folder"), b"x", &no_fault).unwrap_err();
        assert!(e.to_string().contains("a folder"), "{e}");
        let _ = fs::remove_dir_all(&d);
    }

    #[cfg(unix)]
    trait CharDevice {
        fn is_char_device_like(&self) -> bool;
    }

    #[cfg(unix)]
    impl CharDevice for fs::FileType {
        fn is_char_device_like(&self) -> bool {
            use std::os::unix::fs::FileTypeExt;
            self.is_char_device()
        }
    }

    #[test]
    fn writers_of_one_file_take_turns() {
        let d = tmp("turns");
        let p = d.join("count");
        fs::write(&p, b"0").unwrap();
        // Each thread reads, adds one and writes under the lock: no update is lost.
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    for _ in 0..10 {
                        let lock = Lock::acquire(&p).unwrap();
                        let n: u32 = fs::read_to_string(&p).unwrap().parse().unwrap();
                        lock.write((n + 1).to_string().as_bytes(), &no_fault)
                            .unwrap();
                    }
                });
            }
        });
        assert_eq!(fs::read_to_string(&p).unwrap(), "80");
        assert_eq!(listing(&d), ["count"]);
        let _ = fs::remove_dir_all(&d);
    }
}
