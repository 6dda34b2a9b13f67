//! `docket watch`: rebuild as the data, templates or rules are edited.
//!
//! Someone editing an engagement wants to see, on each save, what the edit did: which gate
//! decisions flipped (an approval added turns the invoice from draft to final), which
//! documents were rendered again, and whether the edit broke the data. The build itself is
//! already incremental (see [`crate::build::incremental`]), so a watch is a loop around
//! [`crate::build()`]: file-system events (the `notify` crate) are collected until the
//! folders have been quiet for [`DEBOUNCE`] (an editor's save, written to a temporary file
//! and renamed, is one rebuild), then one build runs and its [`Rebuild`] report is handed to
//! a callback. docket's own writes (ledgers and their heads, the record lock, temporary
//! files, anything under the output folder) are ignored, so a build never triggers itself.
//! An error (invalid TOML mid-edit) is reported and the watch goes on; the next good save
//! rebuilds. A stop flag (set by the CLI on Ctrl-C) is looked at between builds, never
//! during one: a build always runs to its end, so outputs stay complete.
//!
//! Flips are found by comparing each artifact's decision with the last one known for it:
//! seeded from the build reports already in the output folder, then updated from every
//! build's engagement reports (engagements skipped as unchanged are not in a build's
//! summary, so the last known decisions are kept in a map, not taken from the last build).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::Watcher;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::gate::Decision;
use crate::load::Failed;
use crate::options::Options;
use crate::output;
use crate::record::ledger;
use crate::report::{Counts, Summary};

/// How long the watched folders must stay quiet after a change before the rebuild starts.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// How often the stop flag is looked at while waiting for changes.
const POLL: Duration = Duration::from_millis(100);

/// The report files a build rewrites for each engagement it rebuilds, its status-board page
/// included (see `build::write::engagement_files`; the portfolio `index.html` at the top
/// is rewritten too).
pub const REPORT_FILES: &[&str] = &[
    "build-report.json",
    "handoff.json",
    "handoff.md",
    "index.html",
];

/// A gate decision that changed between two builds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Flip {
    /// Engagement id.
    pub engagement: String,
    /// Artifact kind.
    pub kind: String,
    /// The decision before.
    pub from: Decision,
    /// The decision now.
    pub to: Decision,
}

impl std::fmt::Display for Flip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}/{}: {} -> {}",
            self.engagement,
            self.kind,
            self.from.as_str(),
            self.to.as_str()
        )
    }
}

/// What one rebuild did (one JSON line of `docket watch --json`).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Rebuild {
    /// 0 for the build at start, then 1, 2, ... one per debounced batch of changes.
    pub rebuild: u64,
    /// The paths that changed (as given on the command line joined with the path under
    /// that folder, so relative when the folders were given relative); empty at start.
    pub changed: Vec<String>,
    /// Every gate decision that changed, against the last one known.
    pub flips: Vec<Flip>,
    /// Artifacts rendered again, as `engagement/kind` (their Markdown, PDF and other files
    /// were rewritten).
    pub rendered: Vec<String>,
    /// Report files rewritten, relative to the output folder.
    pub reports: Vec<String>,
    /// Decisions over every engagement (rebuilt or unchanged).
    pub counts: Counts,
    /// Engagements loaded and decided by this build.
    pub rebuilt_engagements: usize,
    /// Engagements skipped whole because nothing about them changed.
    pub unchanged: usize,
    /// Invalid engagements left out (with `--keep-going`), each with its located error.
    pub failed: Vec<Failed>,
    /// Wall time of the build, in milliseconds.
    pub ms: u128,
}

impl Rebuild {
    /// Whether the build changed nothing on disk and no decision.
    pub fn nothing(&self) -> bool {
        self.flips.is_empty()
            && self.rendered.is_empty()
            && self.reports.is_empty()
            && self.failed.is_empty()
    }
}

/// For people: what changed, what flipped, what was rewritten, counts and time.
impl std::fmt::Display for Rebuild {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let secs = self.ms as f64 / 1000.0;
        for path in &self.changed {
            writeln!(f, "changed   {path}")?;
        }
        if self.nothing() {
            return write!(f, "nothing to rebuild ({secs:.2}s)");
        }
        for flip in &self.flips {
            writeln!(f, "flipped   {flip}")?;
        }
        for kind in &self.rendered {
            writeln!(f, "rendered  {kind}")?;
        }
        for file in &self.reports {
            writeln!(f, "rewrote   {file}")?;
        }
        for failed in &self.failed {
            writeln!(f, "not built {}: {}", failed.engagement, failed.error)?;
        }
        write!(
            f,
            "{} in {secs:.2}s: {} document(s) rendered, {} engagement(s) rebuilt, {} unchanged; \
             {} final, {} draft, {} blocked",
            if self.rebuild == 0 {
                "built".to_string()
            } else {
                format!("rebuild {}", self.rebuild)
            },
            self.rendered.len(),
            self.rebuilt_engagements,
            self.unchanged,
            self.counts.final_,
            self.counts.draft,
            self.counts.blocked
        )
    }
}

/// What the watch reports after each batch of changes.
#[derive(Debug)]
pub enum Report {
    /// The build ran.
    Rebuilt(Rebuild),
    /// The build stopped on an error (nothing of it was written); the watch goes on.
    Failed {
        /// As in [`Rebuild::rebuild`].
        rebuild: u64,
        /// As in [`Rebuild::changed`].
        changed: Vec<String>,
        /// What stopped it, located.
        error: Error,
    },
}

impl Report {
    /// For people, on stderr: the rebuild as [`Rebuild`] prints it, or the paths that
    /// changed and the error, with a reminder that the watch goes on.
    pub fn text(&self) -> String {
        match self {
            Report::Rebuilt(rebuild) => format!("{rebuild}\n"),
            Report::Failed { changed, error, .. } => {
                let mut text: String = changed.iter().map(|p| format!("changed   {p}\n")).collect();
                text.push_str(&format!(
                    "error: {error}\nstill watching: the next save rebuilds\n"
                ));
                text
            }
        }
    }

    /// For programs, on stdout: one JSON line (JSON Lines); a failed rebuild is the error
    /// object, with the rebuild's number and the paths that changed as its result.
    pub fn json_line(&self) -> String {
        match self {
            Report::Rebuilt(rebuild) => crate::report::json_line(rebuild),
            Report::Failed {
                rebuild,
                changed,
                error,
            } => {
                let mut object = error.object();
                object.result = Some(serde_json::json!({ "rebuild": rebuild, "changed": changed }));
                crate::report::json_line(&object)
            }
        }
    }
}

/// A folder watched: where it really is (events name paths under it) and how the user
/// named it (changed paths are shown that way).
struct Root {
    real: PathBuf,
    given: PathBuf,
}

/// Watches the data, templates and fonts folders and rebuilds after each debounced batch
/// of changes, calling `on_report` after every build (the first one at start), until `stop`
/// is set. Returns an error only when watching itself fails, or when the build at start is
/// asked for something that does not exist (a usage error); errors of a build are reported
/// and the watch goes on.
pub fn watch(
    options: &Options,
    stop: &AtomicBool,
    on_report: &mut dyn FnMut(Report),
) -> Result<()> {
    let mut options = options.clone();
    // Flips are computed from every rebuilt engagement's report, so keep them all (a
    // rebuild keeps only the engagements that changed, usually few).
    options.keep_reports = usize::MAX;
    // `--force` renders everything once, at start; rebuilds then render what changed.
    let first = options.clone();
    options.force = false;

    std::fs::create_dir_all(&options.out).map_err(|source| Error::Write {
        path: options.out.clone(),
        source,
    })?;
    let out = real_path(&options.out)?;
    let mut roots: Vec<Root> = Vec::new();
    for dir in [&options.data, &options.templates, &options.fonts] {
        let real = real_path(dir)?;
        if !roots.iter().any(|r| r.real == real) {
            roots.push(Root {
                real,
                given: dir.clone(),
            });
        }
    }

    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx).map_err(|e| watch_error(&options.data, e))?;
    for root in &roots {
        watcher
            .watch(&root.real, notify::RecursiveMode::Recursive)
            .map_err(|e| watch_error(&root.given, e))?;
    }

    let mut known = known_decisions(&options.out);
    let mut count = 0;
    match rebuild(&first, count, Vec::new(), &mut known) {
        Report::Failed {
            error: error @ Error::Usage(_),
            ..
        } => return Err(error),
        report => on_report(report),
    }

    // Changed paths of the batch (real path, as shown), those created in it (a file created
    // and gone again by the end of the batch, like an editor's temporary file, is left
    // out), and whether events were lost.
    let mut pending: BTreeMap<PathBuf, String> = BTreeMap::new();
    let mut created: BTreeSet<PathBuf> = BTreeSet::new();
    let mut lost = false;
    let mut dirty = false;
    let mut last_event = Instant::now();
    while !stop.load(Ordering::SeqCst) {
        match rx.recv_timeout(POLL) {
            Ok(Ok(event)) => {
                if matches!(event.kind, notify::EventKind::Access(_)) {
                    // Reads (docket's own, of templates and data) change nothing.
                    continue;
                }
                let create = matches!(event.kind, notify::EventKind::Create(_));
                for path in &event.paths {
                    if let Some(shown) = relevant(path, &roots, &out) {
                        if create {
                            created.insert(path.clone());
                        }
                        pending.insert(path.clone(), shown);
                        dirty = true;
                        last_event = Instant::now();
                    }
                }
            }
            // Events were lost (a queue overflow): rebuild anyway, the build itself finds
            // what changed from the files.
            Ok(Err(_)) => {
                lost = true;
                dirty = true;
                last_event = Instant::now();
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(watch_error(
                    &options.data,
                    notify::Error::generic("the file watcher stopped"),
                ));
            }
        }
        if dirty && last_event.elapsed() >= DEBOUNCE && !stop.load(Ordering::SeqCst) {
            dirty = false;
            let created = std::mem::take(&mut created);
            let changed: Vec<String> = std::mem::take(&mut pending)
                .into_iter()
                .filter(|(path, _)| !created.contains(path) || path.exists())
                .map(|(_, shown)| shown)
                .collect();
            let events_lost = std::mem::take(&mut lost);
            if changed.is_empty() && !events_lost {
                continue;
            }
            count += 1;
            on_report(rebuild(&options, count, changed, &mut known));
        }
    }
    Ok(())
}

/// One build, and how it differs from the decisions known before.
fn rebuild(
    options: &Options,
    count: u64,
    changed: Vec<String>,
    known: &mut BTreeMap<String, BTreeMap<String, Decision>>,
) -> Report {
    let clock = Instant::now();
    let summary = match crate::build(options, &|_, _, _| {}) {
        Ok(summary) => summary,
        Err(error) => {
            return Report::Failed {
                rebuild: count,
                changed,
                error,
            };
        }
    };
    let flips = flips(&summary, known);
    let reports = summary
        .engagements
        .iter()
        .flat_map(|e| {
            REPORT_FILES
                .iter()
                .map(move |f| format!("{}/{f}", e.engagement))
        })
        .collect();
    let mut rendered = summary.rendered;
    rendered.sort();
    Report::Rebuilt(Rebuild {
        rebuild: count,
        changed,
        flips,
        rendered,
        reports,
        counts: summary.counts,
        rebuilt_engagements: summary.rendered_engagements,
        unchanged: summary.unchanged,
        failed: summary.failed,
        ms: clock.elapsed().as_millis(),
    })
}

/// The decisions of a build that differ from the last known ones; records the new ones.
/// An artifact seen for the first time is not a flip.
pub fn flips(
    summary: &Summary,
    known: &mut BTreeMap<String, BTreeMap<String, Decision>>,
) -> Vec<Flip> {
    let mut flips = Vec::new();
    for e in &summary.engagements {
        let before = known.entry(e.engagement.clone()).or_default();
        for a in &e.artifacts {
            if let Some(from) = before.insert(a.name(), a.decision)
                && from != a.decision
            {
                flips.push(Flip {
                    engagement: e.engagement.clone(),
                    kind: a.name(),
                    from,
                    to: a.decision,
                });
            }
        }
    }
    flips
}

/// The decisions the output folder's build reports hold (what the outputs on disk show),
/// so the first build's flips are against them too. Unreadable reports are skipped: their
/// engagements are rebuilt by the first build anyway.
fn known_decisions(out: &Path) -> BTreeMap<String, BTreeMap<String, Decision>> {
    #[derive(serde::Deserialize)]
    struct Report {
        engagement: String,
        artifacts: Vec<Artifact>,
    }
    #[derive(serde::Deserialize)]
    struct Artifact {
        kind: String,
        #[serde(default)]
        key: Option<String>,
        decision: String,
    }
    let Ok(entries) = std::fs::read_dir(out) else {
        return BTreeMap::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| std::fs::read(e.path().join("build-report.json")).ok())
        .filter_map(|bytes| serde_json::from_slice::<Report>(&bytes).ok())
        .map(|r| {
            let decisions = r
                .artifacts
                .into_iter()
                .filter_map(|a| {
                    let decision = match a.decision.as_str() {
                        "final" => Decision::Final,
                        "draft" => Decision::Draft,
                        "blocked" => Decision::Blocked,
                        _ => return None,
                    };
                    Some((crate::instances::name(&a.kind, a.key.as_deref()), decision))
                })
                .collect();
            (r.engagement, decisions)
        })
        .collect()
}

/// Whether a changed path is an input (not docket's own write); if so, how to show it.
fn relevant(path: &Path, roots: &[Root], out: &Path) -> Option<String> {
    if path.starts_with(out) {
        return None;
    }
    let name = path.file_name()?.to_string_lossy();
    if ignored_name(&name) || in_archive(path) {
        return None;
    }
    let root = roots
        .iter()
        .filter(|r| path.starts_with(&r.real))
        .max_by_key(|r| r.real.components().count())?;
    let rel = path.strip_prefix(&root.real).ok()?;
    let shown = if rel.as_os_str().is_empty() {
        root.given.clone()
    } else {
        root.given.join(rel)
    };
    Some(shown.to_string_lossy().replace('\\', "/"))
}

/// docket's own files in the data folder, and editors' scratch files.
fn ignored_name(name: &str) -> bool {
    name == ledger::FILE_NAME
        || name == ledger::HEAD_FILE
        || name == ledger::RECORD_LOCK
        || name == crate::record::serials::FILE_NAME
        || output::is_temp_file(name)
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.starts_with(".#")
}

/// Whether a path lies in an engagement's archive of issued documents (docket's own write):
/// that folder (named `archive`, beside an engagement file) or anything under it.
fn in_archive(path: &Path) -> bool {
    path.ancestors().any(|dir| {
        dir.file_name()
            .is_some_and(|n| n == crate::record::archive::FOLDER)
            && dir.parent().is_some_and(|engagement| {
                ["engagement.toml", "engagement.json"]
                    .iter()
                    .any(|f| engagement.join(f).is_file())
            })
    })
}

/// A folder's real path (events name paths under it).
fn real_path(dir: &Path) -> Result<PathBuf> {
    dir.canonicalize().map_err(|source| Error::Read {
        path: dir.to_path_buf(),
        source,
    })
}

fn watch_error(path: &Path, error: notify::Error) -> Error {
    Error::Read {
        path: path.to_path_buf(),
        source: std::io::Error::other(format!("cannot watch for changes: {error}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docket_own_files_are_ignored() {
        let roots = [Root {
            real: PathBuf::from("/w/data"),
            given: PathBuf::from("data"),
        }];
        let out = Path::new("/w/data/output");
        let shown = |p: &str| relevant(Path::new(p), &roots, out);
        assert_eq!(
            shown("/w/data/northwind/approvals.toml").as_deref(),
            Some("data/northwind/approvals.toml")
        );
        assert_eq!(
            shown("/w/data/rules.toml").as_deref(),
            Some("data/rules.toml")
        );
        for ignored in [
            "/w/data/northwind/ledger.jsonl",
            "/w/data/imb-serials.jsonl",
            "/w/data/northwind/ledger.head",
            "/w/data/.docket-record.lock",
            "/w/data/northwind/.docket-ledger.head.Ab12Cd.tmp",
            "/w/data/output/northwind/invoice.pdf",
            "/w/data/northwind/.engagement.toml.swp",
            "/elsewhere/x.toml",
        ] {
            assert_eq!(shown(ignored), None, "{ignored}");
        }
    }
}
