//! `docket build`, as the list of its stages.
//!
//! Engagements go through in chunks (so memory stays flat however many there are), each
//! chunk through the same stages, each stage its own module with a typed hand-off:
//!
//! | stage | module | hands on |
//! |---|---|---|
//! | skip what is unchanged | [`incremental`] | engagements not even parsed |
//! | plan: load, gate, route, read the ledger | `crate::plan_all` | `Plan`s |
//! | number final documents of a series | `crate::record::numbering` | numbered plans |
//! | state the account again with those numbers | `crate::plan::restate` | statements |
//! | finish what a killed build recorded | `crate::record::recover` | |
//! | select what changed | `select` | `select::Selection` |
//! | render Markdown, then PDF, in memory | `render` | `render::Job`s |
//! | guard issued documents | `guard` | `guard::Guarded` |
//! | stage, record, publish, report | `write` | reports |
//!
//! Nothing is written before every document of the chunk has rendered and passed the guard;
//! then files are staged, the ledger records committed, and the files published (see
//! [`crate::record`]), so a killed build never leaves a file without its record.

mod guard;
pub mod incremental;
mod render;
mod select;
mod write;

use std::path::Path;
use std::sync::Mutex;

use crate::error::{Error, Result};
use crate::model::Rules;
use crate::options::Options;
use crate::plan::{Plan, folder_name, load_selected, plan_all};
use crate::record::numbering;
use crate::record::{self, ledger};
use crate::render::Renderer;
use crate::report::{self, Summary};
use crate::{digest, output};

/// What every stage of a chunk reads.
struct Context<'a> {
    options: &'a Options,
    rules: &'a Rules,
    renderer: &'a Renderer,
    /// The status board's locale (its readers' language; see [`crate::board::locale`]).
    board: &'a crate::locale::Locale,
    /// Everything global the outputs depend on (see [`incremental::fingerprint`]).
    fingerprint: &'a str,
    /// The data folder's record lock, when this build allocated a number.
    record_lock: Option<&'a ledger::RecordLock>,
}

impl Context<'_> {
    /// Whether this run renders an artifact (`--only invoice` selects every invoice,
    /// `--only invoice:deposit` one).
    fn selected(&self, artifact: &crate::plan::Artifact, rules: &Rules) -> bool {
        crate::plan::selected(&self.options.only, artifact, rules)
    }
}

/// `docket build`: render every cleared artifact that changed and write Markdown, PDF,
/// build report, handoff and ledger. Each chunk renders in memory first; if anything fails,
/// nothing of it is written.
pub fn build(options: &Options, progress: &(dyn Fn(usize, usize, &str) + Sync)) -> Result<Summary> {
    let mut timings = report::Timings::default();
    let clock = std::time::Instant::now();
    if let Some(path) = &options.timings {
        // Each chunk appends its documents' lines.
        std::fs::write(path, b"").map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?;
    }
    let (fingerprint, fonts_cache) = incremental::fingerprint(
        &options.data,
        &options.templates,
        &options.fonts,
        options.source_date_epoch,
        &options.out,
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
    // Numbering sees every number in use: ledgers (read only if a new number must be
    // allocated, see numbering::assign), engagements skipped as unchanged, numbers written
    // in the data of the ones loaded, and those of invalid engagements, which will be fixed
    // and issued with them.
    let mut all_records = None;
    let mut taken: std::collections::BTreeSet<String> = unchanged
        .iter()
        .flat_map(|m| m.document_ids.clone())
        .collect();
    taken.extend(numbering::written_ids(
        &project.rules,
        &project.engagements,
    )?);
    taken.extend(failed.iter().flat_map(|f| f.document_ids.iter().cloned()));
    // Fonts and templates are loaded only when something is to be rendered; from then on
    // this build writes, holding the output folder's lock (a no-op rebuild takes no lock).
    let (renderer, _lock) = if project.engagements.is_empty() {
        (None, None)
    } else {
        let renderer = Renderer::new(&options.templates, &options.fonts, fonts_cache.faces())?
            .with_source_date_epoch(options.source_date_epoch);
        let lock = output::lock(&options.out)?;
        // What a killed build left in the output folder itself (the board, the caches) goes
        // now; each engagement's folder is recovered with its record, chunk by chunk.
        output::remove_stale_temps(&options.out)?;
        (Some(renderer), Some(lock))
    };
    // The board's language is checked before anything renders; the translations are the
    // renderer's, or read for the board alone when nothing renders.
    let locales = match &renderer {
        Some(r) => std::sync::Arc::clone(r.locales()),
        None => std::sync::Arc::new(crate::locale::Locales::load(&options.templates)?),
    };
    let board = crate::board::locale(&locales, &project.rules, project.rules_file.as_deref())?;
    timings.load_and_gate_ms = clock.elapsed().as_millis();

    let mut summary = Summary::new(Vec::new(), true);
    // Taken by numbering once this build allocates a number; held until the build's ledger
    // records are appended (see ledger::RecordLock).
    let mut record_lock: Option<ledger::RecordLock> = None;
    let mut rows = Vec::new();
    let total = project.engagements.len();
    // Memory: only the first chunk stays loaded. The later ones were validated above (so
    // invalid data anywhere still stops the build before it writes) and are loaded again
    // when their turn comes: kept loaded until then, they weighed on every chunk built
    // before theirs (an envelope-only build of 10,000 engagements peaked at 538 MiB with
    // them, 402 MiB without).
    let mut first = std::mem::take(&mut project.engagements);
    let chunk_size = options.chunk.max(1);
    let later: Vec<std::path::PathBuf> = first
        .iter()
        .skip(chunk_size)
        .map(|l| l.dir.clone())
        .collect();
    first.truncate(chunk_size);
    let mut first = Some(first).filter(|f| !f.is_empty());
    let mut later = later.chunks(chunk_size);
    let mut done = 0;
    while let Some(renderer) = renderer.as_ref() {
        let chunk = match first.take() {
            Some(chunk) => chunk,
            None => match later.next() {
                Some(dirs) => crate::load::reload(dirs, &project.rules)?,
                None => break,
            },
        };
        done += chunk.len();
        let mut plans = plan_all(
            options,
            &project.rules,
            &project.roster,
            &templates,
            &locales,
            chunk,
        )?;
        numbering::assign(
            &project.rules,
            &plans,
            &options.data,
            &mut all_records,
            &mut taken,
            &mut record_lock,
        )?
        .apply(&mut plans);
        crate::plan::restate(&project.rules, &templates, &mut plans)?;
        let cx = Context {
            options,
            rules: &project.rules,
            renderer,
            board,
            fingerprint: &fingerprint,
            record_lock: record_lock.as_ref(),
        };
        let chunk_progress = |_: usize, _: usize, name: &str| progress(done, total, name);
        for (report, rendered, row) in build_chunk(
            &cx,
            &mut plans,
            &mut timings,
            &mut summary.warnings,
            &chunk_progress,
        )? {
            let keep = summary.engagements.len() < options.keep_reports;
            summary.add(report, keep);
            summary.rendered.extend(rendered);
            rows.extend(row);
        }
    }
    // The status board, when this build changed something (a no-op rebuild leaves it).
    if summary.rendered_engagements > 0 || !failed.is_empty() {
        let clock = std::time::Instant::now();
        timings.board_bytes =
            crate::board::write_index(&options.out, &project.rules, board, &rows)?;
        timings.board_ms = clock.elapsed().as_millis();
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
    let faces = renderer.as_ref().map(Renderer::font_faces);
    incremental::write_fonts_cache(&options.out, fonts_cache, faces);
    Ok(summary)
}

/// Appends one JSON line per typeset document to the `--timings` file.
fn append_timings(path: &Path, documents: &[render::DocumentTime]) -> Result<()> {
    use std::io::Write;
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut text = Vec::new();
    for d in documents {
        serde_json::to_writer(&mut text, d).map_err(|e| write_error(std::io::Error::other(e)))?;
        text.push(b'\n');
    }
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(&text))
        .map_err(write_error)
}

/// One chunk of planned (and numbered) engagements, stage by stage; returns their reports
/// and the documents rendered.
fn build_chunk(
    cx: &Context<'_>,
    plans: &mut [Plan],
    timings: &mut report::Timings,
    warnings: &mut Vec<crate::render::glyphs::GlyphWarning>,
    progress: &(dyn Fn(usize, usize, &str) + Sync),
) -> Result<Vec<write::Written>> {
    let clock = std::time::Instant::now();
    // First finish what a killed build left: files it recorded are put in place, the rest
    // of its temporary files removed.
    for plan in plans.iter() {
        record::recover(
            &cx.options.out.join(&plan.loaded.engagement.id),
            &plan.records,
        )?;
    }
    let selection = select::changed(cx, plans)?;
    let mut jobs = render::markdown(cx, plans, &selection)?;
    for job in &jobs {
        let document = format!("{}/{}", plans[job.plan].loaded.engagement.id, job.name);
        for (field, characters) in &job.doc.uncovered {
            warnings.push(crate::render::glyphs::GlyphWarning::new(
                &document, field, characters,
            ));
        }
    }
    let markdown_ms = clock.elapsed().as_millis();
    if let Some(dir) = &cx.options.emit_typst {
        render::emit_typst(dir, &cx.options.templates, plans, &jobs)?;
    }
    let cpu = render::typeset(cx, plans, &mut jobs, progress)?;
    timings.typeset_thread_ms += u128::from(cpu.typeset / 1000);
    timings.layout_thread_ms += u128::from(cpu.layout / 1000);
    timings.pdf_thread_ms += u128::from(cpu.pdf / 1000);
    timings.thumbnail_thread_ms += u128::from(cpu.thumbnail / 1000);
    if let Some(path) = &cx.options.timings {
        append_timings(path, &cpu.documents)?;
    }
    let typeset_ms = clock.elapsed().as_millis() - markdown_ms;
    let guarded = guard::issued(cx, plans, jobs)?;
    let plans: &[Plan] = plans;
    let reports = write::outputs(cx, plans, &selection, &guarded)?;
    timings.markdown_ms += markdown_ms;
    timings.typeset_ms += typeset_ms;
    timings.documents += guarded.rendered();
    timings.write_ms += clock.elapsed().as_millis() - markdown_ms - typeset_ms;
    Ok(reports)
}
