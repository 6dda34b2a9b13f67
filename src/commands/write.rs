//! The verbs that write: `build`, `approve`, `envelopes`, `new`.

use std::path::PathBuf;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use std::fmt::Write;

use super::{Context, Reply, Text, Workspace};
use crate::error::{Error, Result};
use crate::report::Summary;

/// Arguments of `build`. The ones that name paths or tune the machine are the CLI's only
/// (an agent names engagements and artifacts, never files).
#[derive(Debug, Clone, Default, clap::Args, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BuildRequest {
    /// Only this engagement (an id: its folder name under the data folder); repeatable;
    /// all when absent.
    #[arg(long = "engagement", short = 'e', value_name = "ID")]
    #[serde(default)]
    pub engagements: Vec<String>,
    /// Only this artifact (repeatable): a kind (`invoice`: every invoice) or one instance
    /// (`invoice:milestone-2`); all when absent.
    #[arg(long, value_name = "ARTIFACT")]
    #[serde(default, alias = "kinds")]
    pub only: Vec<String>,
    /// Render everything, even artifacts whose inputs have not changed.
    #[arg(long)]
    #[serde(default)]
    pub force: bool,
    /// Build every valid engagement even if some are invalid: each invalid one is listed
    /// with its error (file, line, field, what was expected) and left as it was, its previous
    /// outputs untouched; the run then fails (exit status 1). For a large batch (a mail
    /// room's run) that must not wait for one bad record; without it, invalid data anywhere
    /// stops the build before anything is written, which is what you want while editing.
    #[arg(long)]
    #[serde(default)]
    pub keep_going: bool,
    /// Typst worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    #[serde(skip)]
    pub jobs: usize,
    /// Render only shard K of N (0-based), a stable partition of the engagements by id, so
    /// N machines can split one build with no coordination. Example: --shard 0/3.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    #[serde(skip)]
    pub shard: Option<(u64, u64)>,
    /// Also write each typeset document's Typst sources into DIR/<id>/<kind>/ (main.typ,
    /// meta.json, layouts), to debug a template with `typst compile --root`.
    #[arg(long, value_name = "DIR")]
    #[serde(skip)]
    pub emit_typst: Option<PathBuf>,
    /// Write one JSON line per typeset document into FILE: document, kind, pages, layout
    /// passes, layout_ms, pdf_ms, thumbnail_ms (thread time). Sort it to see which layouts
    /// cost most; docs/dev/performance.md shows how.
    #[arg(long, value_name = "FILE")]
    #[serde(skip)]
    pub timings: Option<PathBuf>,
}

/// `--shard K/N`.
fn parse_shard(text: &str) -> std::result::Result<(u64, u64), String> {
    let (k, n) = text
        .split_once('/')
        .ok_or_else(|| format!("expected K/N such as 0/3, found `{text}`"))?;
    let k: u64 = k
        .trim()
        .parse()
        .map_err(|_| format!("K in `{text}` is not a number"))?;
    let n: u64 = n
        .trim()
        .parse()
        .map_err(|_| format!("N in `{text}` is not a number"))?;
    if n == 0 || k >= n {
        return Err(format!("expected 0 <= K < N, found `{text}`"));
    }
    Ok((k, n))
}

/// `SOURCE_DATE_EPOCH` from the environment (reproducible-builds.org): unset or empty is
/// none; anything but a whole number of seconds a date can be made of is a usage error.
pub fn source_date_epoch() -> Result<Option<i64>> {
    let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let text = value.to_string_lossy();
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<i64>()
        .ok()
        .filter(|&n| time::OffsetDateTime::from_unix_timestamp(n).is_ok() && n >= 0)
        .map(Some)
        .ok_or_else(|| {
            Error::Usage(format!(
                "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, \
                 found `{text}`"
            ))
        })
}

/// A build's summary, with links to the document files it names.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Built(pub Summary);

impl Reply for Built {
    fn failure(&self) -> Option<Error> {
        self.0.failure()
    }

    fn files(&self, workspace: &Workspace) -> Vec<PathBuf> {
        self.0
            .engagements
            .iter()
            .flat_map(|e| &e.artifacts)
            .flat_map(|a| &a.outputs)
            .map(|p| workspace.out.join(p))
            .filter(|p| p.is_file())
            .collect()
    }

    /// A table of every decision when every engagement was rendered (a batch prints
    /// counts), the engagements not built, warnings, then the counts and the time.
    fn text(&self, context: &Context) -> Text {
        let summary = &self.0;
        let out = if summary.engagements.len() == summary.rendered_engagements {
            crate::report::table(summary)
        } else {
            String::new()
        };
        let mut err = String::new();
        for failed in &summary.failed {
            let _ = writeln!(err, "not built: {}: {}", failed.engagement, failed.error);
        }
        for warning in &summary.warnings {
            let _ = writeln!(err, "warning: {}", warning.message);
        }
        let typeset = summary.timings.map_or(0, |t| t.documents);
        let failed = if summary.failed.is_empty() {
            String::new()
        } else {
            format!(
                "; {} invalid engagement(s) not built, their outputs left as they were",
                summary.failed.len()
            )
        };
        let _ = writeln!(
            err,
            "built {} engagement(s) into {} in {:.2}s: {} final, {} draft, {} blocked; \
             {typeset} document(s) rendered, {} engagement(s) unchanged{failed}",
            summary.rendered_engagements + summary.unchanged,
            context.workspace.out.display(),
            context.elapsed.as_secs_f64(),
            summary.counts.final_,
            summary.counts.draft,
            summary.counts.blocked,
            summary.unchanged
        );
        Text { out, err }
    }
}

/// Called as engagements are built: (done, total, the engagement just built).
pub type Progress<'a> = &'a (dyn Fn(usize, usize, &str) + Sync);

/// `docket build`, keeping every engagement's report in the summary.
pub fn build(workspace: &Workspace, request: BuildRequest) -> Result<Built> {
    build_with(workspace, request, usize::MAX, &|_, _, _| {})
}

/// `docket build`, keeping at most `reports` engagement reports in the summary (a table for
/// a few engagements, counts for a batch), telling `progress` as it goes.
pub fn build_with(
    workspace: &Workspace,
    request: BuildRequest,
    reports: usize,
    progress: Progress<'_>,
) -> Result<Built> {
    let options = request.options(workspace, reports)?;
    crate::build::build(&options, progress).map(Built)
}

impl BuildRequest {
    /// The build's options: the workspace's folders, this request and the environment
    /// (`SOURCE_DATE_EPOCH`), with `reports` engagement reports kept in the summary. Used
    /// by `build` and by `watch`, which rebuilds with them.
    pub fn options(self, workspace: &Workspace, reports: usize) -> Result<crate::options::Options> {
        workspace.check_ids(&self.engagements)?;
        let mut options = workspace.options(&self.engagements);
        options.only = self.only;
        options.force = self.force;
        options.keep_going = self.keep_going;
        options.jobs = self.jobs;
        options.shard = self.shard;
        options.emit_typst = self.emit_typst;
        options.timings = self.timings;
        options.keep_reports = reports;
        options.source_date_epoch = source_date_epoch()?;
        Ok(options)
    }
}

/// Arguments of `approve`.
pub type ApproveRequest = crate::commands::approve::Request;

impl Reply for crate::commands::approve::Outcome {
    fn text(&self, _context: &Context) -> Text {
        Text {
            out: self.to_string(),
            err: String::new(),
        }
    }
}

/// `docket approve`.
pub fn approve(
    workspace: &Workspace,
    request: ApproveRequest,
) -> Result<crate::commands::approve::Outcome> {
    workspace.engagement_dir(&request.engagement)?;
    crate::commands::approve::approve(&workspace.options(&[]), &request)
}

/// Arguments of `envelopes`.
#[derive(Debug, Clone, Default, clap::Args, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnvelopesRequest {
    /// Only this engagement (an id: its folder name under the data folder); repeatable;
    /// all when absent.
    #[arg(long = "engagement", short = 'e', value_name = "ID")]
    #[serde(default)]
    pub engagements: Vec<String>,
    /// The PDF to write (default envelopes.pdf in the output folder); the manifest goes
    /// beside it as <stem>.json and <stem>.csv.
    #[arg(long = "out", value_name = "FILE")]
    #[serde(skip)]
    pub pdf: Option<PathBuf>,
}

impl Reply for crate::commands::envelopes::PrintRun {
    fn files(&self, _workspace: &Workspace) -> Vec<PathBuf> {
        self.pdf
            .iter()
            .chain([&self.manifest_json, &self.manifest_csv])
            .filter(|p| p.is_file())
            .cloned()
            .collect()
    }

    /// A line per envelope (its page, or why it was skipped), then the counts and files.
    fn text(&self, context: &Context) -> Text {
        let mut out = String::new();
        for e in &self.envelopes {
            let _ = match e.page {
                Some(page) => writeln!(out, "  page {page:<5} {}", e.engagement),
                None => writeln!(
                    out,
                    "  skipped    {} ({}): {}",
                    e.engagement,
                    e.decision.as_str(),
                    e.reasons.first().map(String::as_str).unwrap_or("")
                ),
            };
        }
        let pdf = self.pdf.as_ref().map_or_else(
            || "no PDF (nothing approved to send)".to_string(),
            |p| format!("{} (print at 100%, actual size)", p.display()),
        );
        let err = format!(
            "printed {} envelope(s), skipped {}, in {:.2}s: {pdf}; manifest {} and {}\n",
            self.counts.printed,
            self.counts.skipped,
            context.elapsed.as_secs_f64(),
            self.manifest_json.display(),
            self.manifest_csv.display()
        );
        Text { out, err }
    }
}

/// `docket envelopes`: the print run.
pub fn envelopes(
    workspace: &Workspace,
    request: EnvelopesRequest,
) -> Result<crate::commands::envelopes::PrintRun> {
    workspace.check_ids(&request.engagements)?;
    crate::commands::envelopes::print_run(&crate::commands::envelopes::RunOptions {
        data: workspace.data.clone(),
        pdf: request
            .pdf
            .unwrap_or_else(|| workspace.out.join("envelopes.pdf")),
        templates: workspace.templates.clone(),
        fonts: workspace.fonts.clone(),
        engagements: request.engagements,
    })
}

/// Arguments of `new`.
#[derive(Debug, Clone, Default, clap::Args, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRequest {
    /// The new engagement's id, which names its folder (lowercase letters, digits, `-`, `_`).
    pub engagement: String,
    /// The client's name, as documents print it (e.g. "Acme Corp"); TBD when not given.
    #[arg(long)]
    #[serde(default)]
    pub client: Option<String>,
    /// Write engagement.json and approvals.json instead of TOML.
    #[arg(long)]
    #[serde(default)]
    pub json_data: bool,
}

/// What `new` wrote.
#[derive(Debug, Clone, Serialize)]
pub struct Created {
    /// The engagement id.
    pub engagement: String,
    /// The files written.
    pub files: Vec<String>,
    /// The same, as paths.
    #[serde(skip)]
    pub paths: Vec<PathBuf>,
}

impl Reply for Created {
    fn files(&self, _workspace: &Workspace) -> Vec<PathBuf> {
        self.paths.clone()
    }

    /// The files written, then what to do next.
    fn text(&self, _context: &Context) -> Text {
        let mut out = String::new();
        for f in &self.files {
            let _ = writeln!(out, "wrote {f}");
        }
        Text {
            out,
            err: format!(
                "every fact is TBD and every approval unknown: fill in what is known, then \
                 `docket check -e {}`\n",
                self.engagement
            ),
        }
    }
}

/// `docket new`: a new engagement folder, every fact TBD, every approval unknown.
/// (The id is checked by `init::new_engagement`: a plain folder name, or a usage error
/// saying what an id may be.)
pub fn new(workspace: &Workspace, request: NewRequest) -> Result<Created> {
    let format = if request.json_data {
        crate::commands::init::DataFormat::Json
    } else {
        crate::commands::init::DataFormat::Toml
    };
    let today = crate::model::Date(time::OffsetDateTime::now_utc().date());
    let paths = crate::commands::init::new_engagement(
        &workspace.data,
        &request.engagement,
        request.client.as_deref(),
        format,
        today,
    )?;
    Ok(Created {
        engagement: request.engagement,
        files: paths
            .iter()
            .map(|p| crate::report::display_path(p))
            .collect(),
        paths,
    })
}
