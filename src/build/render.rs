//! Render: the selected artifacts of a chunk, to Markdown then PDF, in memory.
//!
//! Markdown (Tera) is cheap and runs on rayon. PDFs (Typst) run on a few OS threads with big
//! stacks (not rayon: see [`crate::render::typeset`]); a panic inside Typst becomes that
//! document's error. Nothing is written here: if any document fails, the chunk writes
//! nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::Context;
use super::select::Selection;
use crate::digest;
use crate::error::{Error, Result};
use crate::gate::Gated;
use crate::output;
use crate::plan::Plan;
use crate::render::MarkdownDoc;
use crate::render::typeset::Typeset;

/// One rendered artifact.
pub struct Job<'a> {
    /// Index of its plan in the chunk.
    pub plan: usize,
    /// Index of its artifact in the plan (`Plan::artifacts`).
    pub artifact: usize,
    /// Its kind.
    pub kind: &'a str,
    /// Its files' names.
    pub files: output::Files,
    /// Its name (`invoice`, `invoice:deposit`), as reports and progress show it.
    pub name: String,
    /// Markdown, Typst source, extra files.
    pub doc: MarkdownDoc,
    /// The PDF, once typeset.
    pub pdf: Option<Vec<u8>>,
    /// Page 1 as a PNG, for the status board (not an output of the document: not recorded
    /// in the ledger).
    pub thumbnail: Option<Vec<u8>>,
    /// The issued bytes to write instead of this rendering (set by the guard when only
    /// docket's templates changed since the document was issued).
    pub restored: Option<crate::record::archive::Files>,
}

impl Job<'_> {
    /// Output file names (relative to the engagement's folder) and their bytes.
    pub fn contents(&self) -> Vec<(String, &[u8])> {
        if let Some(restored) = &self.restored {
            return restored
                .iter()
                .map(|(name, bytes)| (name.clone(), bytes.as_slice()))
                .collect();
        }
        let mut files = vec![(self.files.markdown(), self.doc.markdown.as_bytes())];
        if let Some(pdf) = &self.pdf {
            files.push((self.files.pdf(), pdf.as_slice()));
        }
        for (name, bytes) in &self.doc.extra {
            files.push((name.clone(), bytes.as_slice()));
        }
        files
    }

    /// Output file names and their digests.
    pub fn outputs(&self) -> BTreeMap<String, String> {
        self.contents()
            .into_iter()
            .map(|(name, bytes)| (name, digest::sha256(bytes)))
            .collect()
    }
}

/// Markdown for every selected artifact, in parallel.
pub fn markdown<'a>(
    cx: &Context<'a>,
    plans: &[Plan],
    selection: &Selection,
) -> Result<Vec<Job<'a>>> {
    selection
        .work
        .par_iter()
        .map(|&(p, a)| {
            let plan = &plans[p];
            let artifact = &plan.artifacts[a];
            let rule = artifact.rule(cx.rules);
            let Gated::Cleared(cleared) = &artifact.gated else {
                unreachable!("only cleared artifacts are selected")
            };
            let doc = cx.renderer.markdown(
                rule,
                cleared,
                plan.engagement_of(artifact),
                plan.state_of(artifact),
            )?;
            Ok(Job {
                plan: p,
                artifact: a,
                kind: &rule.kind,
                files: artifact.files(cx.rules),
                name: artifact.name(cx.rules),
                doc,
                pdf: None,
                thumbnail: None,
                restored: None,
            })
        })
        .collect()
}

/// Thread time of the typesetting stage, in microseconds summed over the workers.
#[derive(Debug, Clone, Default)]
pub struct ThreadTime {
    /// All of it.
    pub typeset: u64,
    /// Of which evaluating and laying out.
    pub layout: u64,
    /// Of which exporting PDFs.
    pub pdf: u64,
    /// Of which rendering thumbnails.
    pub thumbnail: u64,
    /// Per document, in the jobs' order (for `--timings`).
    pub documents: Vec<DocumentTime>,
}

/// One typeset document's cost, as a `--timings` line.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DocumentTime {
    /// `<engagement>/<name>`.
    pub document: String,
    /// Its kind.
    pub kind: String,
    /// Pages.
    pub pages: usize,
    /// Layout passes (see [`crate::render::typeset`]).
    pub passes: usize,
    /// Evaluation and layout, milliseconds of one thread.
    pub layout_ms: f64,
    /// PDF export.
    pub pdf_ms: f64,
    /// Thumbnail.
    pub thumbnail_ms: f64,
}

/// Typesets every job's PDF on `--jobs` OS threads (one per core by default). Returns the
/// thread time spent, by phase.
pub fn typeset(
    cx: &Context<'_>,
    plans: &[Plan],
    jobs: &mut [Job<'_>],
    progress: &(dyn Fn(usize, usize, &str) + Sync),
) -> Result<ThreadTime> {
    let mut cpu = ThreadTime::default();
    let total = jobs.len();
    let threads = match cx.options.jobs {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .min(total.max(1));
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<Result<Typeset>>>> =
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
                        let name = format!("{}/{}", plans[job.plan].loaded.engagement.id, job.name);
                        let result = typeset_one(cx, &name, &job.doc);
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
                document: job.name.clone(),
                message: "no worker thread typeset this document".into(),
            })
        });
        let typeset = result?;
        if cx.options.timings.is_some() {
            let ms = |micros: u64| micros as f64 / 1000.0;
            cpu.documents.push(DocumentTime {
                document: format!("{}/{}", plans[job.plan].loaded.engagement.id, job.name),
                kind: job.kind.to_string(),
                pages: typeset.pages,
                passes: typeset.passes,
                layout_ms: ms(typeset.layout_micros),
                pdf_ms: ms(typeset.pdf_micros),
                thumbnail_ms: ms(typeset.thumbnail_micros),
            });
        }
        cpu.typeset += typeset.micros;
        cpu.layout += typeset.layout_micros;
        cpu.pdf += typeset.pdf_micros;
        cpu.thumbnail += typeset.thumbnail_micros;
        job.pdf = Some(typeset.pdf);
        job.thumbnail = typeset.thumbnail;
    }
    Ok(cpu)
}

/// One PDF. A panic inside Typst (its bug, triggered by some input) must not take the build
/// down with a backtrace: it becomes this document's error, and nothing is written.
fn typeset_one(cx: &Context<'_>, name: &str, doc: &MarkdownDoc) -> Result<Typeset> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| cx.renderer.pdf(name, doc)))
        .unwrap_or_else(|panic| {
            typst::comemo::evict(0);
            let what = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("unknown panic");
            Err(Error::Typeset {
                document: name.to_string(),
                message: format!(
                    "the typesetter failed unexpectedly ({what}); please report this input"
                ),
            })
        })
}

/// Writes each job's Typst sources as a self-contained folder (`typst compile --root`):
/// `<dir>/<engagement>/<kind>/main.typ`, `meta.json`, the layouts and assets.
pub fn emit_typst(dir: &Path, templates: &Path, plans: &[Plan], jobs: &[Job<'_>]) -> Result<()> {
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
            .join(job.files.stem());
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
