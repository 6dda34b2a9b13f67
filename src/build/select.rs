//! Select: which artifacts of a chunk to render.
//!
//! An artifact is rendered when its gate cleared it (final or draft), this run selects its
//! kind (`--only`), and it changed since the last build into this output folder: its key
//! (gate evaluation, input digest, shared state, global fingerprint) differs from the build
//! manifest's, or its files were touched, or `--force`. Everything else keeps its files.

use rayon::prelude::*;
use serde_json::Value;

use super::Context;
use crate::build::incremental::{self, BuildManifest};
use crate::error::Result;
use crate::gate::Gated;
use crate::model::Rules;
use crate::plan::Plan;

/// What the select stage hands on.
pub struct Selection {
    /// Each plan's build manifest from the last build into this output folder (default
    /// when there was none).
    pub old: Vec<BuildManifest>,
    /// Each plan's artifact keys (incremental keys, not instance keys), one per artifact
    /// of `Plan::artifacts`.
    pub keys: Vec<Vec<String>>,
    /// The artifacts to render: (plan, artifact) indexes, in plan then artifact order.
    pub work: Vec<(usize, usize)>,
}

/// Chooses what to render in a chunk.
pub fn changed(cx: &Context<'_>, plans: &[Plan]) -> Result<Selection> {
    let out = &cx.options.out;
    let old: Vec<BuildManifest> = plans
        .iter()
        .map(|p| incremental::read(&out.join(&p.loaded.engagement.id)).unwrap_or_default())
        .collect();
    let keys: Vec<Vec<String>> = plans
        .par_iter()
        .map(|plan| {
            let shared = shared_state(cx.rules, &plan.state);
            plan.artifacts
                .iter()
                .map(|a| incremental::artifact_key(cx.fingerprint, a.gated.evaluation(), &shared))
                .collect::<Result<Vec<_>>>()
        })
        .collect::<Result<Vec<_>>>()?;
    let mut work = Vec::new();
    for (p, plan) in plans.iter().enumerate() {
        let dir = out.join(&plan.loaded.engagement.id);
        for (a, artifact) in plan.artifacts.iter().enumerate() {
            let name = artifact.name(cx.rules);
            if !matches!(artifact.gated, Gated::Cleared(_)) || !cx.selected(artifact, cx.rules) {
                continue;
            }
            let fresh = old[p].artifacts.get(&name).is_some_and(|r| {
                r.key == keys[p][a] && !r.files.is_empty() && incremental::intact(&dir, &r.files)
            });
            if cx.options.force || !fresh {
                work.push((p, a));
            }
        }
    }
    Ok(Selection { old, keys, work })
}

/// The engagement-level state a template may show besides its own section (client,
/// provider, addresses, tracks...): the state without the artifact sections.
fn shared_state(rules: &Rules, state: &Value) -> Vec<u8> {
    let mut shared = state.clone();
    if let Value::Object(map) = &mut shared {
        for rule in &rules.kind {
            map.remove(&rule.section);
        }
    }
    // A `Value` always serializes: its keys are strings, its numbers finite.
    serde_json::to_vec(&shared).expect("a JSON value serializes")
}
