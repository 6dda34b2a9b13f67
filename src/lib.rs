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
//! [`envelopes::print_run`] reuses the same stages for a mail room: every envelope the gate
//! lets through, across engagements, as one multi-page PDF with a manifest.
//!
//! The CLI (`src/main.rs`) is a thin shell over [`check`], [`build`] and friends, which other
//! programs can call directly.

pub mod approve;
pub mod derive;
pub mod digest;
pub mod envelopes;
pub mod error;
pub mod fixtures;
pub mod gate;
pub mod incremental;
pub mod init;
pub mod issued;
pub mod ledger;
pub mod load;
pub mod model;
pub mod money;
pub mod numbering;
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
use report::{EngagementReport, Summary};

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
    /// [`build`] only: build every valid engagement even when some are invalid
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
fn load_selected(options: &Options, keep: &(dyn Fn(&Path) -> bool + Sync)) -> Result<Project> {
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
fn plan_all(
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
                    evaluate(
                        rule,
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
            Ok(Plan {
                loaded,
                state,
                gated,
                route,
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
            let records = ledger::read(&ledger::path(&p.loaded.dir))?;
            for (rule, gated) in project.rules.kind.iter().zip(&p.gated) {
                if rule.issued
                    && let Ok(true) = issued::guard(rule, gated.evaluation(), None, &records)
                    && let Some(issued) = issued::latest_issued(&records, &rule.kind)
                {
                    report::show_issued(&mut report, issued);
                }
            }
            Ok(report)
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Summary::new(reports, false))
}

/// A rendered artifact, in memory until everything has rendered.
struct Job<'a> {
    plan: usize,
    kind: &'a str,
    doc: MarkdownDoc,
    pdf: Option<Vec<u8>>,
}

impl Job<'_> {
    /// Output file names (relative to the engagement's folder) and their bytes.
    fn files(&self) -> Vec<(String, &[u8])> {
        let mut files = vec![(format!("{}.md", self.kind), self.doc.markdown.as_bytes())];
        if let Some(pdf) = &self.pdf {
            files.push((format!("{}.pdf", self.kind), pdf.as_slice()));
        }
        for (name, bytes) in &self.doc.extra {
            files.push((name.clone(), bytes.as_slice()));
        }
        files
    }

    /// Output file names and their digests.
    fn outputs(&self) -> std::collections::BTreeMap<String, String> {
        self.files()
            .into_iter()
            .map(|(name, bytes)| (name, digest::sha256(bytes)))
            .collect()
    }
}

/// `docket build`: render every cleared artifact that changed and write Markdown, PDF,
/// build report, handoff and ledger. Renders everything in memory first; if anything fails,
/// nothing is written.
///
/// The build reads as its stages: fingerprint and fast path (`incremental`), load and gate
/// (`plan`), number issued documents, decide what to render, Markdown, Typst, refuse to
/// touch issued documents, write.
pub fn build(options: &Options, progress: &(dyn Fn(usize, usize, &str) + Sync)) -> Result<Summary> {
    let mut timings = report::Timings::default();
    let clock = std::time::Instant::now();
    let fingerprint = incremental::fingerprint(
        &options.data,
        &options.templates,
        &options.fonts,
        options.source_date_epoch,
    )?;
    // Engagements with nothing changed are not even parsed.
    let fast = !options.force && options.only.is_empty();
    let unchanged: Mutex<Vec<incremental::BuildManifest>> = Mutex::new(Vec::new());
    let keep = |dir: &Path| {
        if !fast {
            return true;
        }
        let out = options.out.join(folder_name(dir));
        match incremental::unchanged(dir, &out, &fingerprint) {
            Some(manifest) => {
                if let Ok(mut u) = unchanged.lock() {
                    u.push(manifest);
                }
                false
            }
            None => true,
        }
    };
    let mut project = load_selected(options, &keep)?;
    // With --keep-going the invalid engagements are left out here: nothing below sees them,
    // so nothing of theirs is written, and the summary lists them.
    let failed = std::mem::take(&mut project.failed);
    let templates = digest::TemplateDigests::load(&options.templates)?;
    let unchanged = unchanged.into_inner().unwrap_or_default();
    // Numbering sees every number in use: ledgers, engagements skipped as unchanged, and
    // numbers written in the data of the ones loaded.
    // Every ledger is read only if a new number must be allocated (see numbering::assign).
    let mut all_records = None;
    let mut taken: std::collections::BTreeSet<String> = unchanged
        .iter()
        .flat_map(|m| m.document_ids.clone())
        .collect();
    taken.extend(numbering::written_ids(&project.rules, &project.engagements));
    // An invalid engagement's numbers stay taken: it will be fixed and issued with them.
    taken.extend(failed.iter().flat_map(|f| f.document_ids.iter().cloned()));
    // Fonts and templates are loaded only when something is to be rendered.
    let renderer = std::sync::OnceLock::new();
    let renderer = || -> Result<&Renderer> {
        if let Some(r) = renderer.get() {
            return Ok(r);
        }
        let r = Renderer::new(&options.templates, &options.fonts)?
            .with_source_date_epoch(options.source_date_epoch);
        Ok(renderer.get_or_init(|| r))
    };
    // Data, templates and fonts are valid and there is something to do: from here on this
    // build writes, holding the output folder's lock. (A no-op rebuild takes no lock.)
    let _lock = if project.engagements.is_empty() {
        None
    } else {
        renderer()?;
        Some(output::lock(&options.out)?)
    };
    timings.load_and_gate_ms = clock.elapsed().as_millis();

    // Render and write in chunks of engagements, so memory stays flat however many there
    // are: each chunk is planned, rendered in memory, checked, then written.
    let mut summary = Summary::new(Vec::new(), true);
    // The data folder's record lock, once this build allocates a number: held until the
    // build's ledger records are appended (see ledger::RecordLock).
    let mut record_lock: Option<ledger::RecordLock> = None;
    let total = project.engagements.len();
    let mut rest = std::mem::take(&mut project.engagements);
    let mut done = 0;
    while !rest.is_empty() {
        let tail = rest.split_off(CHUNK.min(rest.len()));
        let chunk = std::mem::replace(&mut rest, tail);
        done += chunk.len();
        let mut plans = plan_all(options, &project.rules, &templates, chunk)?;
        numbering::assign(
            &project.rules,
            &mut plans,
            &options.data,
            &mut all_records,
            &mut taken,
            &mut record_lock,
        )?;
        let chunk_progress = |_: usize, _: usize, name: &str| progress(done, total, name);
        let reports = build_chunk(
            options,
            &project.rules,
            renderer()?,
            &fingerprint,
            &plans,
            &mut timings,
            &chunk_progress,
            record_lock.as_ref(),
        )?;
        for (report, rendered) in reports {
            let keep = summary.engagements.len() < options.keep_reports;
            summary.add(report, keep);
            summary.rendered.extend(rendered);
        }
    }
    for manifest in unchanged {
        let counts = manifest.counts;
        summary.counts.final_ += counts.final_;
        summary.counts.draft += counts.draft;
        summary.counts.blocked += counts.blocked;
        summary.unchanged += 1;
    }
    summary.failed = failed;
    summary.timings = Some(timings);
    Ok(summary)
}

/// Engagements rendered together: enough to keep every core busy, few enough that their
/// documents and plans fit comfortably in memory.
const CHUNK: usize = 256;

/// Renders and writes one chunk of planned engagements; returns their reports.
// One call site; splitting the chunk into named stages with typed hand-offs is its own
// change (the record issue, item 6).
#[allow(clippy::too_many_arguments)]
fn build_chunk(
    options: &Options,
    rules: &model::Rules,
    renderer: &Renderer,
    fingerprint: &str,
    plans: &[Plan],
    timings: &mut report::Timings,
    progress: &(dyn Fn(usize, usize, &str) + Sync),
    record_lock: Option<&ledger::RecordLock>,
) -> Result<Vec<(EngagementReport, Vec<String>)>> {
    let clock = std::time::Instant::now();
    let selected = |kind: &str| options.only.is_empty() || options.only.iter().any(|k| k == kind);

    // What to render: cleared, selected, and changed (or --force, or its files were touched).
    let old: Vec<incremental::BuildManifest> = plans
        .iter()
        .map(|p| incremental::read(&options.out.join(&p.loaded.engagement.id)).unwrap_or_default())
        .collect();
    let keys: Vec<Vec<String>> = plans
        .par_iter()
        .map(|plan| {
            let shared = shared_state(rules, &plan.state);
            plan.gated
                .iter()
                .map(|g| incremental::artifact_key(fingerprint, g.evaluation(), &shared))
                .collect()
        })
        .collect();
    let mut work: Vec<(usize, usize)> = Vec::new();
    for (p, plan) in plans.iter().enumerate() {
        let out = options.out.join(&plan.loaded.engagement.id);
        for (k, gated) in plan.gated.iter().enumerate() {
            let kind = &rules.kind[k].kind;
            if !matches!(gated, Gated::Cleared(_)) || !selected(kind) {
                continue;
            }
            let fresh = old[p].artifacts.get(kind).is_some_and(|a| {
                a.key == keys[p][k] && !a.files.is_empty() && incremental::intact(&out, &a.files)
            });
            if options.force || !fresh {
                work.push((p, k));
            }
        }
    }
    // Markdown for every artifact to render, in parallel (cheap).
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
    let markdown_ms = clock.elapsed().as_millis();
    timings.markdown_ms += markdown_ms;
    if let Some(dir) = &options.emit_typst {
        emit_typst(dir, &options.templates, plans, &jobs)?;
    }

    // PDFs on a few OS threads with big stacks (not rayon: see render::typeset).
    typeset_all(renderer, plans, &mut jobs, options.jobs, progress)?;
    let typeset_ms = clock.elapsed().as_millis() - markdown_ms;
    timings.typeset_ms += typeset_ms;
    timings.documents += jobs.len();

    // Issued documents: refuse before anything is written.
    let mut ledgers = Vec::with_capacity(plans.len());
    let mut kept: Vec<Vec<usize>> = Vec::with_capacity(plans.len());
    for (p, plan) in plans.iter().enumerate() {
        let records = ledger::read_whole(&ledger::path(&plan.loaded.dir))?;
        let mut keep = Vec::new();
        for (k, gated) in plan.gated.iter().enumerate() {
            let rule = &rules.kind[k];
            if !rule.issued || !selected(&rule.kind) {
                continue;
            }
            // Also when nothing is to be rendered (unchanged since the last build into this
            // folder): the ledger is shared by every output folder, and a kept document
            // must be reported as issued on every build.
            let job = jobs.iter().find(|j| j.plan == p && j.kind == rule.kind);
            if issued::guard(rule, gated.evaluation(), job.map(|j| j.outputs()), &records)? {
                keep.push(k);
            }
        }
        ledgers.push(records);
        kept.push(keep);
    }

    // Write: every output file at once (temp files, synced, renamed), then per engagement
    // its ledger, reports and build manifest.
    // First clear what a killed build may have left behind.
    for plan in plans {
        output::remove_stale_temps(&options.out.join(&plan.loaded.engagement.id))?;
    }
    let mut files: Vec<(PathBuf, &[u8])> = Vec::new();
    for job in &jobs {
        let k = rules
            .kind
            .iter()
            .position(|r| r.kind == job.kind)
            .unwrap_or(0);
        if kept[job.plan].contains(&k) {
            continue;
        }
        let dir = options.out.join(&plans[job.plan].loaded.engagement.id);
        files.extend(
            job.files()
                .into_iter()
                .map(|(name, bytes)| (dir.join(name), bytes)),
        );
    }
    output::write_all(&files)?;

    type Done = (
        EngagementReport,
        Vec<String>,
        incremental::BuildManifest,
        Vec<(PathBuf, Vec<u8>)>,
    );
    let mut done: Vec<Done> = plans
        .par_iter()
        .enumerate()
        .map(|(p, plan)| {
            let id = &plan.loaded.engagement.id;
            let dir = options.out.join(id);
            let mut written = Vec::new();
            let mut entries = Vec::new();
            let mut manifest = incremental::BuildManifest {
                fingerprint: fingerprint.to_string(),
                ..Default::default()
            };
            for job in jobs.iter().filter(|j| j.plan == p) {
                let k = rules
                    .kind
                    .iter()
                    .position(|r| r.kind == job.kind)
                    .unwrap_or(0);
                if kept[p].contains(&k) {
                    continue;
                }
                written.push(format!("{id}/{}", job.kind));
                let evaluation = plan.gated[k].evaluation();
                if evaluation.decision == gate::Decision::Final {
                    let entry = issued::entry(
                        &plan.loaded.engagement,
                        &rules.kind[k],
                        evaluation,
                        job.outputs(),
                    );
                    if ledger::latest(&ledgers[p], job.kind)
                        .is_none_or(|r| !issued::same(&r.entry, &entry))
                    {
                        entries.push(entry);
                    }
                }
            }
            for (k, gated) in plan.gated.iter().enumerate() {
                let kind = &rules.kind[k].kind;
                if !selected(kind) {
                    // Not part of this run (--only): keep what the last build recorded.
                    if let Some(a) = old[p].artifacts.get(kind) {
                        manifest.artifacts.insert(kind.clone(), a.clone());
                    }
                    continue;
                }
                // An artifact that is now blocked must not leave an old rendering behind
                // (issued documents excepted: they stay as issued).
                if matches!(gated, Gated::Blocked(_)) && !kept[p].contains(&k) {
                    for ext in ["md", "pdf"] {
                        output::remove(&output::artifact_path(&options.out, id, kind, ext))?;
                    }
                }
                let names: Vec<String> =
                    if matches!(gated, Gated::Blocked(_)) && !kept[p].contains(&k) {
                        Vec::new()
                    } else if let Some(issued) = kept[p]
                        .contains(&k)
                        .then(|| issued::latest_issued(&ledgers[p], kind))
                        .flatten()
                    {
                        // Issued and kept as issued: the files it was issued with.
                        issued.outputs.keys().cloned().collect()
                    } else {
                        rules.kind[k].output_names(
                            gated.section(),
                            gated.evaluation().decision == gate::Decision::Final,
                        )
                    };
                let files = names
                    .into_iter()
                    .filter_map(|n| incremental::stat(&dir.join(&n)).map(|s| (n, s)))
                    .collect();
                manifest.artifacts.insert(
                    kind.clone(),
                    incremental::ArtifactRecord {
                        key: keys[p][k].clone(),
                        files,
                    },
                );
            }
            ledger::append_locked(
                &ledger::path(&plan.loaded.dir),
                &options.data,
                record_lock,
                entries,
            )?;
            let mut report = report::engagement_report(rules, plan);
            for &k in &kept[p] {
                if let Some(issued) = issued::latest_issued(&ledgers[p], &rules.kind[k].kind) {
                    report::show_issued(&mut report, issued);
                }
            }
            let handoff = report::handoff(&report);
            let report_files = vec![
                (dir.join("build-report.json"), report::to_json(&report)),
                (dir.join("handoff.json"), report::to_json(&handoff)),
                (
                    dir.join("handoff.md"),
                    report::handoff_markdown(&handoff).into_bytes(),
                ),
            ];
            let counts = Summary::new(vec![report.clone()], true).counts;
            manifest.counts = incremental::CountsRecord {
                final_: counts.final_,
                draft: counts.draft,
                blocked: counts.blocked,
            };
            manifest.inputs = incremental::input_stats(&plan.loaded.dir);
            manifest.document_ids = plan
                .gated
                .iter()
                .map(|g| g.evaluation().document_id.clone())
                .filter(|id| id != model::TBD)
                .collect();
            Ok((report, written, manifest, report_files))
        })
        .collect::<Result<Vec<_>>>()?;

    // Reports for the whole chunk in one batch, then the build manifests that record them
    // (written last: a build killed before them is simply redone next time).
    let report_files: Vec<(PathBuf, &[u8])> = done
        .iter()
        .flat_map(|(_, _, _, files)| files.iter().map(|(p, b)| (p.clone(), b.as_slice())))
        .collect();
    output::write_all(&report_files)?;
    let manifests: Vec<(PathBuf, Vec<u8>)> = done
        .par_iter_mut()
        .map(|(_, _, manifest, files)| {
            for (path, _) in files.iter() {
                if let (Some(name), Some(s)) = (path.file_name(), incremental::stat(path)) {
                    manifest
                        .reports
                        .insert(name.to_string_lossy().into_owned(), s);
                }
            }
            let dir = files
                .first()
                .and_then(|(p, _)| p.parent())
                .map(Path::to_path_buf)
                .unwrap_or_default();
            (dir.join(incremental::MANIFEST), report::to_json(&*manifest))
        })
        .collect();
    let manifest_files: Vec<(PathBuf, &[u8])> = manifests
        .iter()
        .map(|(p, b)| (p.clone(), b.as_slice()))
        .collect();
    output::write_all(&manifest_files)?;
    let reports = done
        .into_iter()
        .map(|(report, written, _, _)| (report, written))
        .collect();
    timings.write_ms += clock.elapsed().as_millis() - markdown_ms - typeset_ms;
    Ok(reports)
}

/// The engagement-level state a template may show besides its own section (client,
/// provider, addresses, tracks...): the state without the artifact sections.
fn shared_state(rules: &model::Rules, state: &Value) -> Vec<u8> {
    let mut shared = state.clone();
    if let Value::Object(map) = &mut shared {
        for rule in &rules.kind {
            map.remove(&rule.section);
        }
    }
    serde_json::to_vec(&shared).unwrap_or_default()
}

/// Writes each job's Typst sources as a self-contained folder (`typst compile --root`).
fn emit_typst(dir: &Path, templates: &Path, plans: &[Plan], jobs: &[Job<'_>]) -> Result<()> {
    let layouts: Vec<(String, Vec<u8>)> = std::fs::read_dir(templates)
        .map_err(|source| Error::Read {
            path: templates.to_path_buf(),
            source,
        })?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().and_then(|x| x.to_str()) == Some("typ"))
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, std::fs::read(&p).ok()?))
        })
        .collect();
    let assets: Vec<(String, Vec<u8>)> = std::fs::read_dir(templates.join("assets"))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            Some((name, std::fs::read(e.path()).ok()?))
        })
        .collect();
    let mut files: Vec<(PathBuf, &[u8])> = Vec::new();
    for job in jobs {
        let folder = dir
            .join(&plans[job.plan].loaded.engagement.id)
            .join(job.kind);
        files.push((folder.join("main.typ"), job.doc.typst.as_bytes()));
        files.push((folder.join("meta.json"), &job.doc.meta));
        for (name, bytes) in &layouts {
            files.push((folder.join(name), bytes));
        }
        for (name, bytes) in &assets {
            files.push((folder.join("assets").join(name), bytes));
        }
    }
    output::write_all(&files)
}

/// The last component of a folder path (an engagement folder's name is its id).
fn folder_name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
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
                        // A panic inside Typst (its bug, triggered by some input) must not
                        // take the build down with a backtrace: it becomes this document's
                        // error, and nothing is written.
                        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            renderer.pdf(&name, &job.doc)
                        }))
                        .unwrap_or_else(|panic| {
                            typst::comemo::evict(0);
                            let what = panic
                                .downcast_ref::<String>()
                                .map(String::as_str)
                                .or_else(|| panic.downcast_ref::<&str>().copied())
                                .unwrap_or("unknown panic");
                            Err(Error::Typeset {
                                document: name.clone(),
                                message: format!("the typesetter failed unexpectedly ({what}); please report this input"),
                            })
                        });
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
