//! docket: gated document generation for consultancy engagements.
//!
//! Structured engagement data flows through a staged pipeline, one module per stage:
//!
//! 1. [`load`]: find and parse every engagement under the data folder, validate it;
//! 2. [`route`]: pick the next skill and build the handoff package;
//! 3. [`gate`]: decide per artifact, from the approval manifest, final, draft or blocked;
//! 4. [`render`]: Tera templates to Markdown, Markdown to Typst, Typst to PDF in-process;
//! 5. [`output`]: write everything atomically, with a build report and a handoff.
//!
//! The CLI (`src/main.rs`) is a thin shell over [`check`], [`build`] and friends, which other
//! programs can call directly.

pub mod derive;
pub mod error;
pub mod gate;
pub mod load;
pub mod model;
pub mod money;
pub mod output;
pub mod render;
pub mod report;
pub mod route;
pub mod usps;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use serde_json::Value;

pub use error::{Error, Result};
use gate::{Gated, evaluate};
use load::{Loaded, Project};
use render::{MarkdownDoc, Renderer};
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
    /// `SOURCE_DATE_EPOCH` (seconds since 1970-01-01 UTC), when the caller sets it: Typst's
    /// `today()` and the PDF creation date become that instant's date, so reproducible-build
    /// tooling can pin them. Without it `today()` is the document's own date and PDFs carry
    /// no creation date; either way the bytes depend only on the inputs.
    pub source_date_epoch: Option<i64>,
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
            source_date_epoch: None,
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
}

/// Loads, validates, gates and routes; renders and writes nothing.
pub fn plan(options: &Options) -> Result<(Project, Vec<Plan>)> {
    let mut project = load::load(&options.data)?;
    for kind in &options.only {
        if project.rules.kind(kind).is_none() {
            let names: Vec<&str> = project.rules.kind.iter().map(|k| k.kind.as_str()).collect();
            return Err(Error::Usage(format!(
                "unknown artifact kind `{kind}`, expected one of {}",
                names.join(", ")
            )));
        }
    }
    if !options.engagements.is_empty() {
        for id in &options.engagements {
            if !project.engagements.iter().any(|l| &l.engagement.id == id) {
                let ids: Vec<&str> = project
                    .engagements
                    .iter()
                    .map(|l| l.engagement.id.as_str())
                    .collect();
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
        project
            .engagements
            .retain(|l| options.engagements.contains(&l.engagement.id));
    }
    let engagements = std::mem::take(&mut project.engagements);
    let plans = engagements
        .into_par_iter()
        .map(|loaded| {
            let state = serde_json::to_value(&loaded.engagement)
                .map_err(|e| Error::Usage(e.to_string()))?;
            let gated: Vec<Gated> = project
                .rules
                .kind
                .iter()
                .map(|rule| evaluate(rule, &loaded.engagement, &state, &loaded.manifest))
                .collect();
            let evaluations: Vec<gate::Evaluation> =
                gated.iter().map(|g| g.evaluation().clone()).collect();
            let route = route::route(
                &project.rules,
                &loaded.engagement,
                &evaluations,
                options.want.as_deref(),
            )?;
            Ok(Plan {
                loaded,
                state,
                gated,
                route,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((project, plans))
}

/// `docket check`: everything `build` decides, nothing written.
pub fn check(options: &Options) -> Result<Summary> {
    let (project, plans) = plan(options)?;
    let reports = plans
        .iter()
        .map(|p| report::engagement_report(&project.rules, p, &options.out, &[]))
        .collect();
    Ok(Summary::new(reports, false))
}

/// A rendered artifact, in memory until everything has rendered.
struct Job<'a> {
    plan: usize,
    kind: &'a str,
    doc: MarkdownDoc,
    pdf: Option<Vec<u8>>,
}

/// `docket build`: render every cleared artifact and write Markdown, PDF, build report and
/// handoff. Renders everything in memory first; if anything fails, nothing is written.
pub fn build(options: &Options, progress: &(dyn Fn(usize, usize, &str) + Sync)) -> Result<Summary> {
    let (project, plans) = plan(options)?;
    let renderer = Renderer::new(&options.templates, &options.fonts)?
        .with_source_date_epoch(options.source_date_epoch);
    let rules = &project.rules;

    // Markdown for every cleared artifact, in parallel (cheap).
    let selected = |kind: &str| options.only.is_empty() || options.only.iter().any(|k| k == kind);
    let work: Vec<(usize, usize)> = plans
        .iter()
        .enumerate()
        .flat_map(|(p, plan)| {
            plan.gated
                .iter()
                .enumerate()
                .filter(|(_, g)| matches!(g, Gated::Cleared(_)))
                .filter(|(k, _)| selected(&rules.kind[*k].kind))
                .map(move |(k, _)| (p, k))
        })
        .collect();
    let mut jobs: Vec<Job<'_>> = work
        .par_iter()
        .map(|&(p, k)| {
            let plan = &plans[p];
            let rule = &rules.kind[k];
            let Gated::Cleared(cleared) = &plan.gated[k] else {
                unreachable!("only cleared artifacts are scheduled")
            };
            let doc = renderer.markdown(rule, cleared, &plan.loaded.engagement, &plan.state)?;
            Ok(Job {
                plan: p,
                kind: &rule.kind,
                doc,
                pdf: None,
            })
        })
        .collect::<Result<Vec<_>>>()?;

    // PDFs on a few OS threads with big stacks (not rayon: see render::typeset).
    typeset_all(&renderer, &plans, &mut jobs, options.jobs, progress)?;

    // Write, holding the output folder's lock; first clear what a killed build left.
    let _lock = output::lock(&options.out)?;
    for plan in &plans {
        output::remove_stale_temps(&options.out.join(&plan.loaded.engagement.id))?;
    }
    let mut reports = Vec::new();
    for (p, plan) in plans.iter().enumerate() {
        let id = &plan.loaded.engagement.id;
        let mut written = Vec::new();
        for job in jobs.iter().filter(|j| j.plan == p) {
            let md = output::artifact_path(&options.out, id, job.kind, "md");
            output::write_atomic(&md, job.doc.markdown.as_bytes())?;
            written.push(job.kind.to_string());
            if let Some(pdf) = &job.pdf {
                output::write_atomic(
                    &output::artifact_path(&options.out, id, job.kind, "pdf"),
                    pdf,
                )?;
            }
        }
        // An artifact that is now blocked must not leave an old rendering behind.
        for (k, gated) in plan.gated.iter().enumerate() {
            let kind = &rules.kind[k].kind;
            if matches!(gated, Gated::Blocked(_)) && selected(kind) {
                for ext in ["md", "pdf"] {
                    output::remove(&output::artifact_path(&options.out, id, kind, ext))?;
                }
            }
        }
        let report = report::engagement_report(rules, plan, &options.out, &written);
        let dir = options.out.join(id);
        output::write_atomic(&dir.join("build-report.json"), &report::to_json(&report))?;
        let handoff = report::handoff(&report);
        output::write_atomic(&dir.join("handoff.json"), &report::to_json(&handoff))?;
        output::write_atomic(
            &dir.join("handoff.md"),
            report::handoff_markdown(&handoff).as_bytes(),
        )?;
        reports.push(report);
    }
    Ok(Summary::new(reports, true))
}

fn typeset_all(
    renderer: &Renderer,
    plans: &[Plan],
    jobs: &mut [Job<'_>],
    threads: usize,
    progress: &(dyn Fn(usize, usize, &str) + Sync),
) -> Result<()> {
    let total = jobs.len();
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .min(total.max(1));
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<Result<Vec<u8>>>>> =
        (0..total).map(|_| Mutex::new(None)).collect();
    let jobs_ref: &[Job<'_>] = jobs;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let spawned = std::thread::Builder::new()
                .stack_size(16 * 1024 * 1024)
                .spawn_scoped(scope, || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs_ref.get(i) else { break };
                        let name = format!("{}/{}", plans[job.plan].loaded.engagement.id, job.kind);
                        let result = renderer.pdf(&name, &job.doc);
                        if let Ok(mut slot) = results[i].lock() {
                            *slot = Some(result);
                        }
                        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                        progress(n, total, &name);
                    }
                });
            if spawned.is_err() {
                // Could not start a worker: the others (or the check below) cover the jobs.
                break;
            }
        }
    });
    for (job, slot) in jobs.iter_mut().zip(results) {
        let result = slot.into_inner().ok().flatten().unwrap_or_else(|| {
            Err(Error::Typeset {
                document: job.kind.to_string(),
                message: "no worker thread typeset this document".into(),
            })
        });
        job.pdf = Some(result?);
    }
    Ok(())
}

/// The default location of templates and fonts relative to a project root.
pub fn project_paths(root: &Path) -> (PathBuf, PathBuf) {
    (root.join("templates"), root.join("fonts"))
}
