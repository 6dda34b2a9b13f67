//! Progress of a long build, for the person waiting: a bar on a terminal, a plain line
//! every tenth when stderr is a file or a CI log, nothing with `--json` (stdout is for the
//! report; progress goes to stderr either way).

use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A build's progress.
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
    plain: bool,
    /// The last tenth printed in plain mode.
    printed: AtomicUsize,
}

impl Progress {
    /// Progress on stderr, or none when `enabled` is false.
    pub fn new(enabled: bool) -> Progress {
        let tty = std::io::stderr().is_terminal();
        let bar = (enabled && tty).then(|| {
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} building [{bar:30}] {pos}/{len} engagements, eta {eta} {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            bar
        });
        Progress {
            bar,
            plain: enabled && !tty,
            printed: AtomicUsize::new(0),
        }
    }

    /// `done` of `total` engagements built, `name` the last one.
    pub fn tick(&self, done: usize, total: usize, name: &str) {
        if let Some(bar) = &self.bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            bar.set_message(name.to_string());
        } else if self.plain && total >= 100 {
            let tenth = done * 10 / total;
            let before = self.printed.fetch_max(tenth, Ordering::Relaxed);
            if tenth > before {
                eprintln!("built {done}/{total} engagements");
            }
        }
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
