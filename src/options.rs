//! What a run is asked to do: the folders docket reads and writes, and the switches of a
//! build. One plain value, resolved once by the front ends (the CLI's flags, the MCP
//! server's fixed folders) and passed down to every stage, so no stage reads the
//! environment or picks its own default.

use std::path::PathBuf;

/// Engagements rendered together: enough to keep every core busy, few enough that their
/// documents and plans fit comfortably in memory. The default of [`Options::chunk`].
pub const CHUNK: usize = 256;

/// Where docket reads and writes, and what it should do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The data folder (engagements, approvals, rules).
    pub data: PathBuf,
    /// The output folder.
    pub out: PathBuf,
    /// The templates folder (`*.md` Tera templates, `*.typ` Typst layouts).
    pub templates: PathBuf,
    /// The fonts folder.
    pub fonts: PathBuf,
    /// Only these engagements (all when empty).
    pub engagements: Vec<String>,
    /// Only these artifact kinds (all when empty).
    pub only: Vec<String>,
    /// Typst worker threads (0: one per core).
    pub jobs: usize,
    /// Ask routing for this output instead of the earliest missing one.
    pub want: Option<String>,
    /// Render everything, even what has not changed.
    pub force: bool,
    /// Only the engagements of shard `K` of `N` (`(K, N)`), by a stable hash of their id.
    pub shard: Option<(u64, u64)>,
    /// Keep at most this many engagement reports in the returned summary (for `--json`
    /// and tables); huge batches keep counts only, each report being on disk anyway.
    pub keep_reports: usize,
    /// Also write each typeset document's Typst sources here (`<id>/<kind>/main.typ`,
    /// `meta.json` and the layouts), for template authors and benchmarks.
    pub emit_typst: Option<PathBuf>,
    /// Engagements planned, rendered and written together (and kept loaded at a time): the
    /// build's memory bound. Default [`CHUNK`]; small values are for tests.
    pub chunk: usize,
    /// Also write one JSON line per typeset document here (`--timings`): its name, kind,
    /// pages, layout passes and the thread time of layout, PDF export and thumbnail, to find
    /// which layouts cost most.
    pub timings: Option<PathBuf>,
    /// `SOURCE_DATE_EPOCH` (seconds since 1970-01-01 UTC), when the caller sets it: Typst's
    /// `today()` and the PDF creation date become that instant's date, so reproducible-build
    /// tooling can pin them. Without it `today()` is the document's own date and PDFs carry
    /// no creation date; either way the bytes depend only on the inputs.
    pub source_date_epoch: Option<i64>,
    /// [`build()`] only: build every valid engagement even when some are invalid
    /// (`--keep-going`); the invalid ones are left out, their previous outputs untouched,
    /// and listed in [`Summary::failed`]. Otherwise invalid data anywhere stops the build
    /// before anything is written.
    pub keep_going: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            data: "data".into(),
            out: "output".into(),
            templates: "templates".into(),
            fonts: "fonts".into(),
            engagements: Vec::new(),
            only: Vec::new(),
            jobs: 0,
            want: None,
            force: false,
            shard: None,
            emit_typst: None,
            timings: None,
            chunk: CHUNK,
            keep_reports: usize::MAX,
            source_date_epoch: None,
            keep_going: false,
        }
    }
}
