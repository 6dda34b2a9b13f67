//! Stage 6, write: stage, record, publish, report.
//!
//! The chunk's documents are staged (written and synced under temporary names), the ledger
//! records of the final ones committed, then the documents published: a file is never
//! visible without its record (see [`crate::record`]). Then, per engagement, old renderings
//! of artifacts that are now blocked are removed, and the build report, handoff and build
//! manifest are written, the manifest last (a build killed before it is simply redone).

use std::path::PathBuf;

use rayon::prelude::*;

use super::Context;
use super::guard::Guarded;
use super::select::Selection;
use crate::build::incremental::{self, BuildManifest};
use crate::error::Result;
use crate::gate::{self, Gated};
use crate::output;
use crate::plan::Plan;
use crate::record::{archive, issued, ledger};
use crate::report::{self, EngagementReport, Summary};

/// Writes a guarded chunk; returns each engagement's report, the documents it wrote and
/// its row on the status board.
pub fn outputs(
    cx: &Context<'_>,
    plans: &[Plan],
    selection: &Selection,
    guarded: &Guarded<'_>,
) -> Result<Vec<Written>> {
    let out = &cx.options.out;
    // Stage every document, commit each engagement's records, publish what was committed.
    let files: Vec<(usize, PathBuf, &[u8])> = guarded
        .jobs
        .iter()
        .flat_map(|job| {
            let dir = out.join(&plans[job.plan].loaded.engagement.id);
            job.contents()
                .into_iter()
                .map(move |(name, bytes)| (job.plan, dir.join(name), bytes))
        })
        .collect();
    let staged = output::stage_all(&files)?;
    let committed: Vec<Result<()>> = plans
        .par_iter()
        .enumerate()
        .map(|(p, plan)| {
            let entries = new_entries(cx, plan, p, guarded);
            // Each issued document's bytes into the archive first: a record never names
            // bytes the archive does not hold.
            for job in guarded.jobs.iter().filter(|j| j.plan == p) {
                let artifact = &plan.artifacts[job.artifact];
                let recorded = entries
                    .iter()
                    .any(|e| e.archived && e.kind == job.kind && e.key == artifact.key);
                if recorded {
                    for (_, bytes) in job.contents() {
                        archive::put(&plan.loaded.dir, bytes)?;
                    }
                }
            }
            let path = ledger::path(&plan.loaded.dir);
            ledger::append_locked(&path, &cx.options.data, cx.record_lock, entries).map(|_| ())
        })
        .collect();
    // An engagement whose append failed publishes nothing; the others' files go in place
    // (their records are on disk) before the error is reported.
    staged.publish(|p| committed[p].is_ok())?;
    committed.into_iter().collect::<Result<Vec<()>>>()?;

    // Reports and manifests.
    let mut done: Vec<Done> = plans
        .par_iter()
        .enumerate()
        .map(|(p, plan)| engagement_files(cx, plan, p, selection, guarded))
        .collect::<Result<Vec<_>>>()?;
    let report_files: Vec<(PathBuf, &[u8])> = done
        .iter()
        .flat_map(|d| d.reports.iter().map(|(p, b)| (p.clone(), b.as_slice())))
        .collect();
    output::write_all(&report_files)?;
    let manifests: Vec<(PathBuf, Vec<u8>)> = done
        .par_iter_mut()
        .map(|d| {
            for (path, _) in &d.reports {
                if let (Ok(name), Some(s)) = (path.strip_prefix(&d.dir), incremental::stat(path)) {
                    let name = name.to_string_lossy().replace('\\', "/");
                    d.manifest.reports.insert(name, s);
                }
            }
            (
                d.dir.join(crate::output::MANIFEST),
                report::to_json(&d.manifest),
            )
        })
        .collect();
    let manifest_files: Vec<(PathBuf, &[u8])> = manifests
        .iter()
        .map(|(p, b)| (p.clone(), b.as_slice()))
        .collect();
    output::write_all(&manifest_files)?;
    Ok(done
        .into_iter()
        .map(|d| (d.report, d.written, d.manifest.board))
        .collect())
}

/// What the write stage hands back per engagement: its report, the documents written
/// (`<engagement>/<kind>`), its status-board row.
pub type Written = (
    EngagementReport,
    Vec<String>,
    Option<crate::report::row::Row>,
);

/// The ledger entries a plan's final documents add: those not already its latest record.
fn new_entries(
    cx: &Context<'_>,
    plan: &Plan,
    p: usize,
    guarded: &Guarded<'_>,
) -> Vec<ledger::Entry> {
    guarded
        .jobs
        .iter()
        .filter(|j| j.plan == p && j.restored.is_none())
        .filter_map(|job| {
            let artifact = &plan.artifacts[job.artifact];
            let evaluation = artifact.gated.evaluation();
            if evaluation.decision != gate::Decision::Final {
                return None;
            }
            let entry = issued::entry(
                &plan.loaded.engagement,
                artifact.rule(cx.rules),
                evaluation,
                job.outputs(),
            );
            ledger::latest(&plan.records, job.kind, artifact.key.as_deref())
                .is_none_or(|r| !issued::same(&r.entry, &entry))
                .then_some(entry)
        })
        .collect()
}

/// One engagement's report, reports to write and build manifest.
struct Done {
    dir: PathBuf,
    report: EngagementReport,
    /// `<engagement>/<kind>` of each document written.
    written: Vec<String>,
    manifest: BuildManifest,
    reports: Vec<(PathBuf, Vec<u8>)>,
}

/// Removes renderings of artifacts now blocked, and prepares the engagement's reports and
/// build manifest.
fn engagement_files(
    cx: &Context<'_>,
    plan: &Plan,
    p: usize,
    selection: &Selection,
    guarded: &Guarded<'_>,
) -> Result<Done> {
    let id = &plan.loaded.engagement.id;
    let dir = cx.options.out.join(id);
    let written = guarded
        .jobs
        .iter()
        .filter(|j| j.plan == p)
        .map(|j| format!("{id}/{}", j.name))
        .collect();
    let mut manifest = BuildManifest {
        fingerprint: cx.fingerprint.to_string(),
        ..Default::default()
    };
    for (a, artifact) in plan.artifacts.iter().enumerate() {
        let rule = artifact.rule(cx.rules);
        let name = artifact.name(cx.rules);
        let files = artifact.files(cx.rules);
        let gated = &artifact.gated;
        if !cx.selected(artifact, cx.rules) {
            // Not part of this run (--only): keep what the last build recorded.
            if let Some(r) = selection.old[p].artifacts.get(&name) {
                manifest.artifacts.insert(name, r.clone());
            }
            continue;
        }
        let kept = guarded.keeps(p, a);
        let blocked = matches!(gated, Gated::Blocked(_)) && !kept;
        // An artifact that is now blocked must not leave an old rendering behind (issued
        // documents excepted: they stay as issued).
        if blocked {
            for name in [files.markdown(), files.pdf(), files.thumbnail()] {
                output::remove(&dir.join(name))?;
            }
        }
        let names: Vec<String> = if blocked {
            Vec::new()
        } else if let Some(issued) = kept
            .then(|| issued::latest_issued(&plan.records, &rule.kind, artifact.key.as_deref()))
            .flatten()
        {
            // Issued and kept as issued: the files it was issued with.
            issued.outputs.keys().cloned().collect()
        } else {
            files.written(
                rule,
                gated.section(),
                gated.evaluation().decision == gate::Decision::Final,
                gated.evaluation().einvoice,
            )
        };
        let files = names
            .into_iter()
            .filter_map(|n| incremental::stat(&dir.join(&n)).map(|s| (n, s)))
            .collect();
        manifest.artifacts.insert(
            name,
            incremental::ArtifactRecord {
                key: selection.keys[p][a].clone(),
                files,
            },
        );
    }
    // An artifact the last build had and this plan has not (a reminder whose invoice was
    // paid meanwhile, an instance removed from the data): its unissued files go with it;
    // issued ones stay, as issued documents always do.
    for (name, record) in &selection.old[p].artifacts {
        if manifest.artifacts.contains_key(name) {
            continue;
        }
        let (kind, key) = crate::instances::split(name);
        let only = &cx.options.only;
        let in_run = only.is_empty()
            || only.iter().any(|o| {
                let (k, want) = crate::instances::split(o);
                k == kind && (want.is_none() || want == key)
            });
        if !in_run || issued::latest_issued(&plan.records, kind, key).is_some() {
            manifest.artifacts.insert(name.clone(), record.clone());
            continue;
        }
        for file in record.files.keys() {
            if !file.contains('/') && !file.starts_with('.') {
                output::remove(&dir.join(file))?;
            }
        }
        output::remove(&dir.join(output::Files::of(kind, key).thumbnail()))?;
    }
    let mut report = report::engagement_report(cx.rules, plan);
    for &a in &guarded.kept[p] {
        let artifact = &plan.artifacts[a];
        let kind = &artifact.rule(cx.rules).kind;
        if let Some(issued) = issued::latest_issued(&plan.records, kind, artifact.key.as_deref()) {
            report::show_issued(&mut report, issued);
        }
    }
    let handoff = report::handoff(&report);
    // The locale its documents are written in (one the templates lack is the renderer's
    // located error; an engagement that renders nothing is listed in the default's).
    let documents = plan
        .locales
        .for_engagement(plan.loaded.engagement.locale.as_deref())
        .or_else(|_| plan.locales.for_engagement(None))
        .map_err(crate::error::Error::Internal)?;
    // Page-1 thumbnails of the documents rendered now; those of documents not rendered
    // this time stay as they are (a blocked one's is removed above).
    let mut reports = Vec::new();
    for job in guarded.jobs.iter().filter(|j| j.plan == p) {
        if let Some(png) = &job.thumbnail {
            reports.push((dir.join(job.files.thumbnail()), png.clone()));
        }
    }
    let thumbnails: Vec<String> = report
        .artifacts
        .iter()
        .filter(|a| !a.outputs.is_empty())
        .filter(|a| {
            reports
                .iter()
                .any(|(p, _)| p.ends_with(a.files().thumbnail()))
                || dir.join(a.files().thumbnail()).is_file()
        })
        .map(|a| a.files().stem().to_string())
        .collect();
    reports.extend([
        (dir.join("build-report.json"), report::to_json(&report)),
        (dir.join("handoff.json"), report::to_json(&handoff)),
        (
            dir.join("handoff.md"),
            report::handoff_markdown(&handoff).into_bytes(),
        ),
        (
            dir.join("index.html"),
            crate::board::engagement_html(&report, &thumbnails, cx.board, documents)?.into_bytes(),
        ),
    ]);
    // By name, once: a mailing of 500 envelopes would otherwise search 500 names 500 times.
    let by_name: std::collections::HashMap<String, &crate::plan::Artifact> = plan
        .artifacts
        .iter()
        .map(|a| (a.name(cx.rules), a))
        .collect();
    let dates = |name: &str| {
        let artifact = *by_name.get(name)?;
        let section = plan
            .state_of(artifact)
            .get(&artifact.rule(cx.rules).section)?;
        let date = section.get("date").or_else(|| section.get("issue_date"))?;
        crate::model::Date::parse(date.as_str()?).ok().map(|d| d.0)
    };
    manifest.board = Some(crate::report::row::row(
        cx.rules,
        &report,
        plan.loaded.engagement.as_of.0,
        &dates,
        cx.board,
        documents,
    ));
    let counts = Summary::new(vec![report.clone()], true).counts;
    manifest.counts = incremental::CountsRecord {
        final_: counts.final_,
        draft: counts.draft,
        blocked: counts.blocked,
    };
    manifest.inputs = incremental::input_stats(&plan.loaded.dir);
    manifest.document_ids = plan
        .artifacts
        .iter()
        .map(|a| a.gated.evaluation().document_id.clone())
        .filter(|id| id != crate::model::TBD)
        .collect();
    Ok(Done {
        dir,
        report,
        written,
        manifest,
        reports,
    })
}
