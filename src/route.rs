//! Stage 3, route: which skill works next, and the handoff package it receives.
//!
//! In: the rules, one engagement and the gate's evaluations. Out: a [`Route`]. The seed's
//! routing rules: select the earliest lifecycle artifact (up to the current stage) that is
//! not final, unless a specific output is requested; invoke the security review before a
//! skill whose artifact waits on the security gate (launch, new tools, external actions,
//! billing, public proof).

use serde::Serialize;

use crate::error::{Error, Result};
use crate::gate::{Decision, Evaluation};
use crate::model::{Engagement, Rules, TBD, Track};

/// Where the engagement goes next.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Route {
    /// The engagement's lifecycle stage.
    pub lifecycle_stage: String,
    /// The artifact routing aims at.
    pub target: Option<String>,
    /// Skills to invoke, in order (`security-review` first when the security gate is unmet).
    pub next_skill: Vec<String>,
    /// The next action: the engagement's own when it records one, else derived.
    pub next_action: String,
    /// Who owns it.
    pub next_owner: String,
    /// Why routing chose this.
    pub reason: String,
    /// Where the recorded `next_skill` disagrees with the computed one.
    pub warnings: Vec<String>,
    /// Parallel tracks with owner and blocker.
    pub tracks: Vec<Track>,
}

/// Routes one engagement. `want` asks for a specific output (`--want case-study`).
pub fn route(
    rules: &Rules,
    engagement: &Engagement,
    evaluations: &[Evaluation],
    want: Option<&str>,
) -> Result<Route> {
    // A kind with many documents is final when all of them are; routing aims at the first
    // that is not.
    let of_kind = |kind: &str| {
        let all: Vec<&Evaluation> = evaluations.iter().filter(|e| e.kind == kind).collect();
        all.iter()
            .find(|e| e.decision != Decision::Final)
            .or(all.first())
            .copied()
    };
    let decision_of = |kind: &str| of_kind(kind).map(|e| e.decision);
    let current = rules
        .stage
        .iter()
        .position(|s| s.name == engagement.lifecycle_stage)
        .unwrap_or(0);

    let (target, reason) = match want {
        Some(kind) => {
            if rules.kind(kind).is_none() {
                let names: Vec<&str> = rules.kind.iter().map(|k| k.kind.as_str()).collect();
                return Err(Error::Usage(format!(
                    "unknown artifact kind `{kind}` for --want, expected one of {}",
                    names.join(", ")
                )));
            }
            (Some(kind.to_string()), format!("{kind} was requested"))
        }
        None => {
            let earliest = rules.stage[..=current]
                .iter()
                .find(|s| decision_of(&s.artifact) != Some(Decision::Final));
            match earliest {
                Some(stage) => (
                    Some(stage.artifact.clone()),
                    format!(
                        "{} ({} stage) is the earliest lifecycle artifact that is not final",
                        stage.artifact, stage.name
                    ),
                ),
                None => match rules.stage.get(current + 1) {
                    Some(next) => (
                        Some(next.artifact.clone()),
                        format!(
                            "every artifact up to the {} stage is final; the next stage is {}",
                            engagement.lifecycle_stage, next.name
                        ),
                    ),
                    None => (None, "every lifecycle artifact is final".to_string()),
                },
            }
        }
    };

    let mut next_skill = Vec::new();
    let mut derived_action = reason.clone();
    if let Some(kind) = &target
        && let Some(rule) = rules.kind(kind)
    {
        let evaluation = of_kind(kind);
        let waits_on_security = evaluation.is_some_and(|e| {
            e.missing
                .iter()
                .chain(&e.blocked_by)
                .any(|m| m.gate == rules.overlay.gate)
        });
        if waits_on_security && rule.skill != rules.overlay.skill {
            next_skill.push(rules.overlay.skill.clone());
        }
        next_skill.push(rule.skill.clone());
        if let Some(e) = evaluation
            && let Some(first) = e.reasons.first()
        {
            derived_action = format!("{}: {first}", e.name());
        }
    }

    let mut warnings = Vec::new();
    if want.is_none() && !engagement.next_skill.is_empty() && engagement.next_skill != next_skill {
        warnings.push(format!(
            "engagement records next_skill {} but routing computes {}",
            engagement.next_skill.join(" -> "),
            next_skill.join(" -> ")
        ));
    }
    let next_action = if want.is_none() && engagement.next_action != TBD {
        engagement.next_action.clone()
    } else {
        derived_action
    };
    let next_owner = if engagement.next_owner != TBD {
        engagement.next_owner.clone()
    } else {
        engagement
            .tracks
            .iter()
            .find(|t| t.status == crate::model::TrackStatus::Active)
            .map_or_else(|| TBD.to_string(), |t| t.owner.clone())
    };
    Ok(Route {
        lifecycle_stage: engagement.lifecycle_stage.clone(),
        target,
        next_skill,
        next_action,
        next_owner,
        reason,
        warnings,
        tracks: engagement.tracks.clone(),
    })
}
