//! Guard: issued documents are never replaced.
//!
//! For every issued kind of every engagement in the chunk (rendered this time or not: the
//! ledger is shared by every output folder, so a document kept as issued must be reported
//! so on every build), [`issued::guard`] decides from the engagement's ledger, read once at
//! planning (and again only if another process appended to it since): go ahead, keep the issued files as they are, or refuse the whole build with the
//! way forward, before anything is written; or, when only docket's templates changed since
//! it was issued, write the issued bytes again (from the archive, or the output folder's
//! files while they still match the record) instead of the new rendering. A ledger whose
//! end does not match its head is refused here too: a build must not go on from a record
//! it cannot trust.

use super::Context;
use super::render::Job;
use crate::error::Result;
use crate::plan::Plan;
use crate::record::{archive, issued, ledger};

/// What the guard hands on: the documents to write, and per plan the kinds kept as issued.
pub struct Guarded<'a> {
    /// Rendered documents the build may write (kept issued ones left out).
    pub jobs: Vec<Job<'a>>,
    /// Per plan, the indexes of the artifacts whose issued files stay as they are.
    pub kept: Vec<Vec<usize>>,
    rendered: usize,
}

impl Guarded<'_> {
    /// How many documents were rendered (written or not).
    pub fn rendered(&self) -> usize {
        self.rendered
    }

    /// Whether plan `p` keeps its artifact `a` as issued.
    pub fn keeps(&self, p: usize, a: usize) -> bool {
        self.kept[p].contains(&a)
    }
}

/// Applies the guard to a chunk's rendered jobs.
pub fn issued<'a>(
    cx: &Context<'_>,
    plans: &mut [Plan],
    mut jobs: Vec<Job<'a>>,
) -> Result<Guarded<'a>> {
    let rendered = jobs.len();
    let mut kept = Vec::with_capacity(plans.len());
    for (p, plan) in plans.iter_mut().enumerate() {
        ledger::ensure_whole(&ledger::path(&plan.loaded.dir), &mut plan.records)?;
        let mut keep = Vec::new();
        for (a, artifact) in plan.artifacts.iter().enumerate() {
            let rule = artifact.rule(cx.rules);
            if !rule.issued || !cx.selected(artifact, cx.rules) {
                continue;
            }
            let job = jobs.iter().position(|j| j.plan == p && j.artifact == a);
            let out = cx.options.out.join(&plan.loaded.engagement.id);
            let issued_bytes = |entry: &ledger::Entry| {
                archive::restore(&plan.loaded.dir, entry).or_else(|| in_output(&out, entry))
            };
            match issued::guard(
                rule,
                artifact.gated.evaluation(),
                job.map(|j| jobs[j].outputs()),
                &plan.records,
                &issued_bytes,
            )? {
                issued::Verdict::Proceed => {}
                issued::Verdict::Keep => keep.push(a),
                issued::Verdict::Restore(bytes) => {
                    if let Some(j) = job {
                        jobs[j].restored = Some(bytes);
                    }
                }
            }
        }
        kept.push(keep);
    }
    let jobs = jobs
        .into_iter()
        .filter(|j| !kept[j.plan].contains(&j.artifact))
        .collect();
    Ok(Guarded {
        jobs,
        kept,
        rendered,
    })
}

/// The issued files of a record as the output folder still has them: each with its
/// recorded digest (a document issued before the archive existed), else `None`.
fn in_output(out: &std::path::Path, entry: &ledger::Entry) -> Option<archive::Files> {
    entry
        .outputs
        .iter()
        .map(|(name, digest)| {
            let bytes = std::fs::read(out.join(name)).ok()?;
            (crate::digest::sha256(&bytes) == *digest).then(|| (name.clone(), bytes))
        })
        .collect()
}
