//! docket: gated document generation for consultancy engagements.
//!
//! Structured engagement data flows through a staged pipeline, one module per stage:
//!
//! 1. [`load`]: find and parse every engagement under the data folder, validate it;
//! 2. [`route`]: pick the next skill and build the handoff package;
//! 3. [`gate`]: decide per artifact, from the approval manifest, final, draft or blocked;
//! 4. [`record`]: number final documents from their series, guard issued ones, keep the
//!    hash-chained ledger that records every final rendering;
//! 5. [`render`]: Tera templates to Markdown, Markdown to Typst, Typst to PDF in-process;
//! 6. [`output`]: write everything atomically, with a build report and a handoff.
//!
//! [`build()`] runs them in that order over chunks of engagements, one module per step
//! (`src/build/`).
//!
//! [`envelopes::print_run`] reuses the same stages for a mail room: every envelope the gate
//! lets through, across engagements, as one multi-page PDF with a manifest.
//!
//! [`watch::watch`] rebuilds incrementally as the data, templates or rules are edited,
//! reporting the decisions that flipped and the files rewritten.
//!
//! The CLI (`src/main.rs`) is a thin shell over [`check`], [`build()`] and friends, which other
//! programs can call directly.

pub mod approve;
pub mod board;
pub mod build;
pub mod derive;
pub mod digest;
pub mod einvoice;
pub mod envelopes;
pub mod error;
pub mod fixtures;
pub mod gate;
pub mod incremental;
pub mod init;
pub mod load;
pub mod mcp;
pub mod model;
pub mod money;
pub mod output;
pub mod record;
pub mod render;
pub mod report;
pub mod route;
pub mod schema;
pub mod usps;
pub mod watch;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde_json::Value;

pub use build::build;
pub use error::{Error, Result};
use gate::{Gated, evaluate};
use load::{Loaded, Project};
use record::{issued, ledger};
use report::Summary;

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
            keep_reports: usize::MAX,
            source_date_epoch: None,
            keep_going: false,
        }
    }
}

/// One engagement after gating and routing, before rendering.
#[derive(Debug)]
pub struct Plan {
    /// The loaded engagement.
    pub loaded: Loaded,
    /// Its project state as JSON (what templates see as `e`).
    pub state: Value,
    /// One gate verdict per kind, in rules order.
    pub gated: Vec<Gated>,
    /// Where it goes next.
    pub route: route::Route,
    /// Its ledger, read once: what it has issued (the guard, numbering and the report
    /// read it from here).
    pub records: Vec<ledger::Record>,
}

/// Loads, validates, gates and routes; renders and writes nothing.
pub fn plan(options: &Options) -> Result<(Project, Vec<Plan>)> {
    plan_where(options, &|_| true)
}

/// Whether an engagement folder belongs to this run's shard (`--shard K/N`): a stable hash
/// of its id (the folder name), so every machine computes the same partition.
pub fn in_shard(shard: Option<(u64, u64)>, dir: &Path) -> bool {
    match shard {
        None => true,
        Some((k, n)) => {
            use sha2::Digest;
            let digest = sha2::Sha256::digest(folder_name(dir).as_bytes());
            let mut first = [0u8; 8];
            first.copy_from_slice(&digest[..8]);
            u64::from_be_bytes(first) % n.max(1) == k
        }
    }
}

/// [`plan`] over the engagement folders `keep` accepts (and the options select).
fn plan_where(
    options: &Options,
    keep: &(dyn Fn(&Path) -> bool + Sync),
) -> Result<(Project, Vec<Plan>)> {
    let mut project = load_selected(options, keep)?;
    let templates = digest::TemplateDigests::load(&options.templates)?;
    let engagements = std::mem::take(&mut project.engagements);
    let plans = plan_all(options, &project.rules, &templates, engagements)?;
    Ok((project, plans))
}

/// Loads the engagements the options select (and `keep` accepts), checking the options
/// against what exists.
pub(crate) fn load_selected(
    options: &Options,
    keep: &(dyn Fn(&Path) -> bool + Sync),
) -> Result<Project> {
    let wanted = |dir: &Path| {
        in_shard(options.shard, dir)
            && (options.engagements.is_empty() || options.engagements.contains(&folder_name(dir)))
    };
    let selected = |dir: &Path| wanted(dir) && keep(dir);
    let (project, all_dirs) = if options.keep_going {
        load::load_keep_going(&options.data, &selected)?
    } else {
        load::load_where(&options.data, &selected)?
    };
    for kind in &options.only {
        if project.rules.kind(kind).is_none() {
            let names: Vec<&str> = project.rules.kind.iter().map(|k| k.kind.as_str()).collect();
            return Err(Error::Usage(format!(
                "unknown artifact kind `{kind}`, expected one of {}",
                names.join(", ")
            )));
        }
    }
    for id in &options.engagements {
        if !all_dirs.iter().any(|d| &folder_name(d) == id) {
            let ids: Vec<String> = all_dirs.iter().map(|d| folder_name(d)).collect();
            return Err(Error::Usage(format!(
                "no engagement `{id}` under {} (found: {})",
                options.data.display(),
                if ids.is_empty() {
                    "none".to_string()
                } else {
                    ids.join(", ")
                }
            )));
        }
    }
    Ok(project)
}

/// Gates and routes loaded engagements, in parallel.
pub(crate) fn plan_all(
    options: &Options,
    rules: &model::Rules,
    templates: &digest::TemplateDigests,
    engagements: Vec<Loaded>,
) -> Result<Vec<Plan>> {
    engagements
        .into_par_iter()
        .map(|loaded| {
            let state = serde_json::to_value(&loaded.engagement)
                .map_err(|e| Error::Usage(e.to_string()))?;
            let gated: Vec<Gated> = rules
                .kind
                .iter()
                .map(|rule| {
                    // The e-invoice setting is per engagement (its series, its client): the
                    // gate sees it as part of the rule, so it counts in the rule's digest.
                    let resolved;
                    let rule = match einvoice::setting(rules, rule, &loaded.engagement) {
                        Some(format) => {
                            resolved = model::KindRule {
                                einvoice: Some(format),
                                ..rule.clone()
                            };
                            &resolved
                        }
                        None => rule,
                    };
                    evaluate(
                        rule,
                        rules.expanded_scope.as_ref(),
                        &loaded.engagement,
                        &state,
                        &loaded.manifest,
                        templates,
                    )
                })
                .collect();
            let evaluations: Vec<gate::Evaluation> =
                gated.iter().map(|g| g.evaluation().clone()).collect();
            let route = route::route(
                rules,
                &loaded.engagement,
                &evaluations,
                options.want.as_deref(),
            )?;
            let records = ledger::read(&ledger::path(&loaded.dir))?;
            Ok(Plan {
                loaded,
                state,
                gated,
                route,
                records,
            })
        })
        .collect()
}

/// `docket check`: everything `build` decides, nothing written.
pub fn check(options: &Options) -> Result<Summary> {
    let (project, plans) = plan(options)?;
    let reports = plans
        .par_iter()
        .map(|p| {
            let mut report = report::engagement_report(&project.rules, p);
            // As the build reports them: an issued document the build would keep as issued
            // shows as issued. (One the build would refuse shows the gate's own account.)
            let records = &p.records;
            for (rule, gated) in project.rules.kind.iter().zip(&p.gated) {
                if rule.issued
                    && let Ok(true) = issued::guard(rule, gated.evaluation(), None, records)
                    && let Some(issued) = issued::latest_issued(records, &rule.kind)
                {
                    report::show_issued(&mut report, issued);
                }
            }
            Ok(report)
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Summary::new(reports, false))
}

/// The last component of a folder path (an engagement folder's name is its id).
pub(crate) fn folder_name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The default location of templates and fonts relative to a project root.
pub fn project_paths(root: &Path) -> (PathBuf, PathBuf) {
    (root.join("templates"), root.join("fonts"))
}

/// What `docket verify` found for one engagement.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Verified {
    /// Engagement id.
    pub engagement: String,
    /// The ledger checked.
    pub ledger: String,
    /// Records in it.
    pub records: usize,
    /// Everything wrong (empty: the chain holds and every recorded output is intact).
    pub problems: Vec<ledger::Problem>,
}

/// `docket verify`: checks every engagement's ledger both ways: the chain and its head
/// (nothing changed, reordered or cut off the end), that each recorded output on disk still
/// matches its digest, and that each final output on disk has its record.
pub fn verify(options: &Options) -> Result<Vec<Verified>> {
    let project = load::load(&options.data)?;
    let kinds: Vec<&str> = project.rules.kind.iter().map(|k| k.kind.as_str()).collect();
    project
        .engagements
        .iter()
        .filter(|l| {
            options.engagements.is_empty() || options.engagements.contains(&l.engagement.id)
        })
        .map(|l| {
            let path = ledger::path(&l.dir);
            let records = ledger::read(&path)?.len();
            let mut problems = ledger::verify(&path, &options.out)?;
            problems.extend(ledger::unrecorded_finals(
                &path,
                &options.out,
                &l.engagement.id,
                &kinds,
            )?);
            Ok(Verified {
                engagement: l.engagement.id.clone(),
                ledger: path.display().to_string(),
                records,
                problems,
            })
        })
        .collect()
}
