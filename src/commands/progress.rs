//! The progress line on stderr (the `indicatif` crate) for a long run: sources read, claims
//! extracted, events matched, so a ten-minute run on an archive says it is alive.
//!
//! It shows only when stderr is a terminal outside CI (`Terminal::progress`, decided by `main`)
//! and `-q` is not given, and only once the run has taken [`SHOW_AFTER`]: a run of a few
//! articles never draws it, a pipe or a CI log never sees it. It is cleared when the work is
//! done, before the report. Counts come from any thread; the bar draws itself at most a few
//! times a second.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

/// A run shorter than this shows no progress.
pub(crate) const SHOW_AFTER: Duration = Duration::from_secs(1);

/// How often the shown line is redrawn.
const TICK: Duration = Duration::from_millis(200);

/// The progress of one command; does nothing when off.
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    /// Set when the work is done, so a bar not shown yet never shows.
    done: Arc<AtomicBool>,
    /// Sources extracted and claims found, for the message.
    sources: AtomicUsize,
    claims: AtomicUsize,
}

impl Progress {
    /// A progress line for `what` ("compare", "extract") when `on`; hidden until
    /// [`SHOW_AFTER`] has passed.
    pub(crate) fn new(on: bool) -> Progress {
        let done = Arc::new(AtomicBool::new(false));
        let bar = on.then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.set_message("reading sources");
            let (shown, done) = (bar.clone(), Arc::clone(&done));
            // Show it only once the run proves long. A process limit that refuses the thread
            // leaves the line hidden, never the run stopped.
            let _ = std::thread::Builder::new().spawn(move || {
                std::thread::sleep(SHOW_AFTER);
                if !done.load(Ordering::Acquire) {
                    shown.set_draw_target(ProgressDrawTarget::stderr());
                    shown.enable_steady_tick(TICK);
                }
            });
            bar
        });
        Progress {
            bar,
            done,
            sources: AtomicUsize::new(0),
            claims: AtomicUsize::new(0),
        }
    }

    /// The sources are read: `total` of them are being extracted.
    pub(crate) fn read(&self, total: usize) {
        if let Some(bar) = &self.bar {
            bar.set_length(total as u64);
            bar.set_message(format!("extracting {total} sources"));
        }
    }

    /// One more source extracted, with `claims` claims.
    pub(crate) fn extracted(&self, claims: usize) {
        let Some(bar) = &self.bar else { return };
        let n = self.sources.fetch_add(1, Ordering::Relaxed) + 1;
        let k = self.claims.fetch_add(claims, Ordering::Relaxed) + claims;
        let total = bar.length().unwrap_or(0);
        bar.set_message(format!("extracted {n}/{total} sources, {k} claims"));
    }

    /// `done` of `total` events matched.
    pub(crate) fn matched(&self, done: usize, total: usize) {
        if let Some(bar) = &self.bar {
            let k = self.claims.load(Ordering::Relaxed);
            bar.set_message(format!("matched {done}/{total} events ({k} claims)"));
        }
    }

    /// `f` with the line taken off the screen (a message to stderr in the middle of a run).
    pub(crate) fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// The work is done: clear the line before the report.
    pub(crate) fn finish(&self) {
        self.done.store(true, Ordering::Release);
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_that_is_off_or_quick_draws_nothing_and_never_shows_later() {
        for on in [false, true] {
            let p = Progress::new(on);
            p.read(3);
            p.extracted(2);
            p.matched(1, 2);
            p.finish();
            assert_eq!(p.bar.is_some(), on);
            if let Some(bar) = &p.bar {
                assert!(bar.is_hidden());
                assert!(bar.message().contains("matched 1/2 events (2 claims)"));
            }
            std::thread::sleep(SHOW_AFTER + Duration::from_millis(100));
            if let Some(bar) = &p.bar {
                assert!(bar.is_hidden(), "a finished quick run showed its bar");
            }
        }
    }
}
